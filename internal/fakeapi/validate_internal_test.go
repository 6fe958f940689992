package fakeapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/require"
)

// TestResponseValidationDetectsMismatches guards the check the fake's
// tests rely on: a body that breaks the spec must be reported.
func TestResponseValidationDetectsMismatches(t *testing.T) {
	s := New()
	r := httptest.NewRequest(http.MethodGet, "/3/movie/550/account_states", nil)
	route, params, err := s.router.FindRoute(r)
	require.NoError(t, err)
	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route, Options: s.validation}

	for body, ok := range map[string]bool{
		`{"id":550,"favorite":false,"rated":false,"watchlist":false}`:           true,
		`{"id":550,"favorite":false,"rated":{"value":8.5},"watchlist":false}`:   true,
		`{"id":550,"favorite":false,"rated":true,"watchlist":false}`:            false,
		`{"id":550,"favorite":false,"watchlist":false}`:                         false,
		`{"id":"550","favorite":false,"rated":false,"watchlist":false}`:         false,
		`{"id":550,"favorite":false,"rated":{"value":"8.5"},"watchlist":false}`: false,
	} {
		rec := newRecorder()
		rec.WriteHeader(http.StatusOK)
		_, _ = rec.Write([]byte(body))
		rec.finish()
		err := validateResponse(t.Context(), in, rec)
		if ok {
			require.NoError(t, err, body)
		} else {
			require.Error(t, err, body)
		}
	}
}
