package tmdb

import "fmt"

// fmtAll prints v with every common fmt verb.
func fmtAll(v any) string {
	return fmt.Sprintf("%v %+v %#v %s %q", v, v, v, v, v)
}
