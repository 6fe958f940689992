package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// requiredOperations is the inventory of the subset: every operation the
// spec must describe, and the only ones it may describe.
var requiredOperations = []struct{ method, path string }{
	// authentication
	{http.MethodGet, "/3/authentication"},
	{http.MethodGet, "/3/authentication/guest_session/new"},
	{http.MethodGet, "/3/authentication/token/new"},
	{http.MethodPost, "/3/authentication/session/new"},
	{http.MethodPost, "/3/authentication/token/validate_with_login"},
	{http.MethodPost, "/3/authentication/session/convert/4"},
	{http.MethodDelete, "/3/authentication/session"},

	// account
	{http.MethodGet, "/3/account"},
	{http.MethodGet, "/3/account/{account_id}"},
	{http.MethodPost, "/3/account/{account_id}/favorite"},
	{http.MethodPost, "/3/account/{account_id}/watchlist"},
	{http.MethodGet, "/3/account/{account_id}/favorite/movies"},
	{http.MethodGet, "/3/account/{account_id}/favorite/tv"},
	{http.MethodGet, "/3/account/{account_id}/lists"},
	{http.MethodGet, "/3/account/{account_id}/rated/movies"},
	{http.MethodGet, "/3/account/{account_id}/rated/tv"},
	{http.MethodGet, "/3/account/{account_id}/rated/tv/episodes"},
	{http.MethodGet, "/3/account/{account_id}/watchlist/movies"},
	{http.MethodGet, "/3/account/{account_id}/watchlist/tv"},

	// one movie
	{http.MethodGet, "/3/movie/{movie_id}"},
	{http.MethodGet, "/3/movie/{movie_id}/account_states"},
	{http.MethodGet, "/3/movie/{movie_id}/alternative_titles"},
	{http.MethodGet, "/3/movie/{movie_id}/changes"},
	{http.MethodGet, "/3/movie/{movie_id}/credits"},
	{http.MethodGet, "/3/movie/{movie_id}/external_ids"},
	{http.MethodGet, "/3/movie/{movie_id}/images"},
	{http.MethodGet, "/3/movie/{movie_id}/keywords"},
	{http.MethodGet, "/3/movie/{movie_id}/lists"},
	{http.MethodGet, "/3/movie/{movie_id}/recommendations"},
	{http.MethodGet, "/3/movie/{movie_id}/release_dates"},
	{http.MethodGet, "/3/movie/{movie_id}/reviews"},
	{http.MethodGet, "/3/movie/{movie_id}/similar"},
	{http.MethodGet, "/3/movie/{movie_id}/translations"},
	{http.MethodGet, "/3/movie/{movie_id}/videos"},
	{http.MethodGet, "/3/movie/{movie_id}/watch/providers"},
	{http.MethodPost, "/3/movie/{movie_id}/rating"},
	{http.MethodDelete, "/3/movie/{movie_id}/rating"},

	// movie lists
	{http.MethodGet, "/3/movie/latest"},
	{http.MethodGet, "/3/movie/now_playing"},
	{http.MethodGet, "/3/movie/popular"},
	{http.MethodGet, "/3/movie/top_rated"},
	{http.MethodGet, "/3/movie/upcoming"},
	{http.MethodGet, "/3/movie/changes"},

	// search, configuration, guest sessions
	{http.MethodGet, "/3/search/movie"},
	{http.MethodGet, "/3/configuration"},
	{http.MethodGet, "/3/guest_session/{guest_session_id}/rated/movies"},
}

func TestSpecHasRequiredOperations(t *testing.T) {
	doc := loadSpec(t)
	ops := specOperations(doc)

	inSpec := map[string]bool{}
	for _, o := range ops {
		inSpec[o.String()] = true
	}
	want := map[string]bool{}
	var missing []string
	for _, r := range requiredOperations {
		key := r.method + " " + r.path
		assert.False(t, want[key], "%s is listed twice in requiredOperations", key)
		want[key] = true
		if !inSpec[key] {
			missing = append(missing, key)
		}
	}
	assert.Len(t, requiredOperations, 46, "the subset has 46 operations")
	assert.Empty(t, missing, "operations the spec lacks")

	var extra []string
	for _, o := range ops {
		if !want[o.String()] {
			extra = append(extra, o.String())
		}
	}
	assert.Empty(t, extra, "operations in the spec but not in requiredOperations; add them to the inventory")

	byID := map[string]string{}
	for _, o := range ops {
		id := o.op.OperationID
		if assert.NotEmpty(t, id, "%s has no operationId", o) {
			if prev, dup := byID[id]; dup {
				t.Errorf("operationId %q is used by both %s and %s", id, prev, o)
			}
			byID[id] = o.String()
		}
		assert.NotEmpty(t, o.op.Summary, "%s has no summary", o)
	}
}
