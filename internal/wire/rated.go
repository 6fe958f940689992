package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Rated is an account's rating of a title as TMDB reports it in
// account_states: the JSON literal false when the title is not rated, or an
// object such as {"value": 8.5} when it is.
//
// The zero value means "not rated".
type Rated struct {
	value float64
	rated bool
}

// NewRated returns a Rated holding the rating v.
func NewRated(v float64) Rated { return Rated{value: v, rated: true} }

// IsRated reports whether the account has rated the title.
func (r Rated) IsRated() bool { return r.rated }

// Value returns the rating and whether there is one. Ratings run from 0.5
// to 10 in steps of 0.5.
func (r Rated) Value() (float64, bool) { return r.value, r.rated }

// String returns the rating as a number, or "not rated".
func (r Rated) String() string {
	if !r.rated {
		return "not rated"
	}
	return strconv.FormatFloat(r.value, 'f', -1, 64)
}

// MarshalJSON encodes r the way TMDB does: false, or {"value":v}.
func (r Rated) MarshalJSON() ([]byte, error) {
	if !r.rated {
		return []byte("false"), nil
	}
	b := make([]byte, 0, 24)
	b = append(b, `{"value":`...)
	b = strconv.AppendFloat(b, r.value, 'f', -1, 64)
	return append(b, '}'), nil
}

// UnmarshalJSON accepts false, null, or an object with a numeric "value".
func (r *Rated) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case bytes.Equal(data, []byte("false")), bytes.Equal(data, []byte("null")):
		*r = Rated{}
		return nil
	case len(data) > 0 && data[0] == '{':
		if v, ok := fastValue(data); ok {
			*r = Rated{value: v, rated: true}
			return nil
		}
		var v struct {
			Value *float64 `json:"value"`
		}
		if err := json.Unmarshal(data, &v); err != nil {
			return fmt.Errorf("wire: rated: %w", err)
		}
		if v.Value == nil {
			return fmt.Errorf("wire: rated: object without a value")
		}
		*r = Rated{value: *v.Value, rated: true}
		return nil
	default:
		return fmt.Errorf("wire: rated: want false or {\"value\": n}, got %.32q", data)
	}
}

// fastValue reads the common shape {"value":8.5} (spaces allowed) without
// the reflection of a full decode; anything else reports false and goes
// the general way.
func fastValue(data []byte) (float64, bool) {
	rest := bytes.TrimLeft(data[1:], " \t\r\n")
	rest, ok := bytes.CutPrefix(rest, []byte(`"value"`))
	if !ok {
		return 0, false
	}
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if rest, ok = bytes.CutPrefix(rest, []byte(":")); !ok {
		return 0, false
	}
	rest = bytes.TrimSpace(rest)
	num, ok := bytes.CutSuffix(rest, []byte("}"))
	if !ok {
		return 0, false
	}
	num = bytes.TrimSpace(num)
	if len(num) == 0 || bytes.ContainsAny(num, ",\"{}[]") {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(num), 64)
	return v, err == nil
}
