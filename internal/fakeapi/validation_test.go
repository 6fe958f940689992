package fakeapi_test

import (
	"net/http"
	"sort"
	"strconv"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/api"
)

// specOperations returns the operationIds of the spec.
func specOperations(t *testing.T) []string {
	doc, err := openapi3.NewLoader().LoadFromData(api.Spec)
	require.NoError(t, err)
	var ops []string
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			ops = append(ops, op.OperationID)
		}
	}
	sort.Strings(ops)
	return ops
}

// TestEveryOperationMatchesTheSpec calls each operation of the spec with
// response validation on: every success answer must conform (the harness
// fails the test on any report).
func TestEveryOperationMatchesTheSpec(t *testing.T) {
	h := newHarness(t)
	session := h.session()
	guest := h.guest()
	user, pass := h.fake.Login()
	acct := "/3/account/" + strconv.FormatInt(h.fake.Account().ID, 10)
	s := "?session_id=" + session
	newToken := func() string { return h.get("/3/authentication/token/new").body["request_token"].(string) }
	h.request(http.MethodPost, "/3/movie/550/rating"+s, map[string]float64{"value": 9})
	h.request(http.MethodPost, "/3/movie/550/rating?guest_session_id="+guest, map[string]float64{"value": 9})
	h.request(http.MethodPost, acct+"/favorite"+s, map[string]any{"media_type": "movie", "media_id": 11, "favorite": true})
	h.request(http.MethodPost, acct+"/watchlist"+s, map[string]any{"media_type": "movie", "media_id": 11, "watchlist": true})

	calls := []struct {
		op     string
		method string
		path   string
		body   func() any
	}{
		{"validateKey", "GET", "/3/authentication", nil},
		{"createGuestSession", "GET", "/3/authentication/guest_session/new", nil},
		{"createRequestToken", "GET", "/3/authentication/token/new", nil},
		{"createSession", "POST", "/3/authentication/session/new", func() any {
			tok := newToken()
			require.NoError(t, h.fake.Approve(tok))
			return map[string]string{"request_token": tok}
		}},
		{"createSessionFromLogin", "POST", "/3/authentication/token/validate_with_login", func() any {
			return map[string]string{"username": user, "password": pass, "request_token": newToken()}
		}},
		{"createSessionFromV4Token", "POST", "/3/authentication/session/convert/4", func() any {
			return map[string]string{"access_token": h.fake.UserAccessToken()}
		}},
		{"deleteSession", "DELETE", "/3/authentication/session", func() any {
			return map[string]string{"session_id": h.session()}
		}},
		{"getCurrentAccount", "GET", "/3/account" + s, nil},
		{"getAccount", "GET", acct + s, nil},
		{"addFavorite", "POST", acct + "/favorite" + s, func() any {
			return map[string]any{"media_type": "tv", "media_id": 1396, "favorite": false}
		}},
		{"addToWatchlist", "POST", acct + "/watchlist" + s, func() any {
			return map[string]any{"media_type": "movie", "media_id": 550, "watchlist": true}
		}},
		{"getFavoriteMovies", "GET", acct + "/favorite/movies" + s + "&sort_by=created_at.desc&language=en-US", nil},
		{"getFavoriteTV", "GET", acct + "/favorite/tv" + s, nil},
		{"getAccountLists", "GET", acct + "/lists" + s, nil},
		{"getRatedMovies", "GET", acct + "/rated/movies" + s, nil},
		{"getRatedTV", "GET", acct + "/rated/tv" + s, nil},
		{"getRatedTVEpisodes", "GET", acct + "/rated/tv/episodes" + s, nil},
		{"getWatchlistMovies", "GET", acct + "/watchlist/movies" + s, nil},
		{"getWatchlistTV", "GET", acct + "/watchlist/tv" + s + "&page=2", nil},
		{"getMovieChangeList", "GET", "/3/movie/changes?page=2", nil},
		{"getLatestMovie", "GET", "/3/movie/latest", nil},
		{"getNowPlayingMovies", "GET", "/3/movie/now_playing?region=US", nil},
		{"getPopularMovies", "GET", "/3/movie/popular?language=en-US", nil},
		{"getTopRatedMovies", "GET", "/3/movie/top_rated?page=2", nil},
		{"getUpcomingMovies", "GET", "/3/movie/upcoming", nil},
		{"getMovieDetails", "GET", "/3/movie/550" + s + "&append_to_response=account_states,alternative_titles,changes," +
			"credits,external_ids,images,keywords,lists,recommendations,release_dates,reviews,similar,translations,videos,watch/providers", nil},
		{"getMovieAccountStates", "GET", "/3/movie/550/account_states" + s, nil},
		{"getMovieAlternativeTitles", "GET", "/3/movie/550/alternative_titles?country=PL", nil},
		{"getMovieChanges", "GET", "/3/movie/550/changes", nil},
		{"getMovieCredits", "GET", "/3/movie/550/credits", nil},
		{"getMovieExternalIDs", "GET", "/3/movie/550/external_ids", nil},
		{"getMovieImages", "GET", "/3/movie/550/images", nil},
		{"getMovieKeywords", "GET", "/3/movie/550/keywords", nil},
		{"getMovieLists", "GET", "/3/movie/550/lists", nil},
		{"addMovieRating", "POST", "/3/movie/11/rating" + s, func() any { return map[string]float64{"value": 8.5} }},
		{"deleteMovieRating", "DELETE", "/3/movie/11/rating" + s, nil},
		{"getMovieRecommendations", "GET", "/3/movie/550/recommendations", nil},
		{"getMovieReleaseDates", "GET", "/3/movie/550/release_dates", nil},
		{"getMovieReviews", "GET", "/3/movie/550/reviews", nil},
		{"getSimilarMovies", "GET", "/3/movie/550/similar", nil},
		{"getMovieTranslations", "GET", "/3/movie/550/translations", nil},
		{"getMovieVideos", "GET", "/3/movie/550/videos", nil},
		{"getMovieWatchProviders", "GET", "/3/movie/550/watch/providers", nil},
		{"searchMovies", "GET", "/3/search/movie?query=star&include_adult=false", nil},
		{"getConfiguration", "GET", "/3/configuration", nil},
		{"getGuestSessionRatedMovies", "GET", "/3/guest_session/" + guest + "/rated/movies", nil},
	}

	covered := map[string]bool{}
	for _, c := range calls {
		var body any
		if c.body != nil {
			body = c.body()
		}
		before := h.fake.Calls(c.op)
		r := h.request(c.method, c.path, body)
		assert.Less(t, r.status, 300, "%s: %s", c.op, r.raw)
		assert.Equal(t, before+1, h.fake.Calls(c.op), c.op)
		covered[c.op] = true
	}
	for _, op := range specOperations(t) {
		assert.True(t, covered[op], "operation %s is not exercised", op)
	}
	assert.Len(t, covered, 46)
}

// TestErrorAnswersMatchTheSpec checks that error envelopes and fault-free
// error paths conform as well.
func TestErrorAnswersMatchTheSpec(t *testing.T) {
	h := newHarness(t)
	requireError(t, h.get("/3/movie/999999999"), http.StatusNotFound, 34)
	requireError(t, h.get("/3/account"), http.StatusUnauthorized, 3)
	requireError(t, h.raw(http.MethodGet, "/3/configuration", nil, nil), http.StatusUnauthorized, 7)
	requireError(t, h.get("/3/movie/popular?page=900"), http.StatusBadRequest, 22)
}
