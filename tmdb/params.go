package tmdb

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// This file turns call settings into the generated parameter types and
// checks the arguments every service takes.

// optString is a string parameter, nil for "".
func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// optInt32 is an integer parameter, nil for 0.
func optInt32(n int) *int32 {
	if n == 0 {
		return nil
	}
	v := int32(n)
	return &v
}

// joinCodes is a comma-separated list parameter, nil for none.
func joinCodes(codes []string) *string {
	if len(codes) == 0 {
		return nil
	}
	s := strings.Join(codes, ",")
	return &s
}

// listParams are the settings of a paged list in generated form.
type listParams struct {
	language *string
	page     *int32
	region   *string
	sortBy   *gen.SortOrder
}

func (cs callSettings) list() listParams {
	p := listParams{language: optString(cs.language), page: optInt32(cs.page), region: optString(cs.region)}
	if cs.sortBy != "" {
		o := cs.sortBy
		p.sortBy = &o
	}
	return p
}

// validID rejects ids TMDB cannot have.
func validID(what string, id int64) error {
	if id <= 0 {
		return fmt.Errorf("tmdb: invalid %s id %d: ids are positive", what, id)
	}
	return nil
}

// validMedia rejects a media type or id TMDB cannot have.
func validMedia(media MediaType, id int64) error {
	if media != MediaMovie && media != MediaTV {
		return fmt.Errorf("tmdb: media type %q: want %q or %q", string(media), MediaMovie, MediaTV)
	}
	return validID(string(media), id)
}

// optDate is a calendar date parameter, nil for the zero time.
func optDate(t time.Time) *openapi_types.Date {
	if t.IsZero() {
		return nil
	}
	return &openapi_types.Date{Time: t}
}

// optYear is a year parameter, nil for 0.
func optYear(y int) *string {
	if y == 0 {
		return nil
	}
	s := strconv.Itoa(y)
	return &s
}
