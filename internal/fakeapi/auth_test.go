package fakeapi_test

import (
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

var (
	hex32 = regexp.MustCompile(`^[0-9a-f]{32}$`)
	hex40 = regexp.MustCompile(`^[0-9a-f]{40}$`)
)

func TestCredentials(t *testing.T) {
	h := newHarness(t)
	require.Regexp(t, hex32, h.fake.APIKey())
	require.Greater(t, len(h.fake.AccessToken()), 50)
	require.Regexp(t, `^[\w-]+\.[\w-]+\.[\w-]+$`, h.fake.AccessToken())

	t.Run("api key", func(t *testing.T) {
		r := h.raw(http.MethodGet, "/3/authentication?api_key="+h.fake.APIKey(), nil, nil)
		require.Equal(t, http.StatusOK, r.status)
		assert.Equal(t, true, r.body["success"])
		assert.Equal(t, 1, r.code())
	})
	t.Run("bearer", func(t *testing.T) {
		r := h.raw(http.MethodGet, "/3/movie/550", nil, http.Header{"Authorization": {"Bearer " + h.fake.AccessToken()}})
		require.Equal(t, http.StatusOK, r.status)
		assert.Equal(t, "Fight Club", r.body["title"])
	})
	t.Run("user access token as bearer", func(t *testing.T) {
		r := h.raw(http.MethodGet, "/3/authentication", nil, http.Header{"Authorization": {"Bearer " + h.fake.UserAccessToken()}})
		require.Equal(t, http.StatusOK, r.status)
	})
	for name, tc := range map[string]struct {
		path   string
		header http.Header
	}{
		"none":         {path: "/3/movie/550"},
		"wrong key":    {path: "/3/movie/550?api_key=0123456789abcdef0123456789abcdef"},
		"empty key":    {path: "/3/movie/550?api_key="},
		"wrong bearer": {path: "/3/movie/550", header: http.Header{"Authorization": {"Bearer nope"}}},
		"basic":        {path: "/3/movie/550", header: http.Header{"Authorization": {"Basic " + h.fake.AccessToken()}}},
		"good bearer, wrong key": {
			path: "/3/movie/550?api_key=wrong", header: http.Header{"Authorization": {"Bearer " + h.fake.AccessToken()}},
		},
	} {
		t.Run(name, func(t *testing.T) {
			r := h.raw(http.MethodGet, tc.path, nil, tc.header)
			requireError(t, r, http.StatusUnauthorized, 7)
			assert.Equal(t, "Invalid API key: You must be granted a valid key.", r.body["status_message"])
		})
	}
	t.Run("custom credentials", func(t *testing.T) {
		c := newHarness(t, fakeapi.WithCredentials("k", "token"))
		assert.Equal(t, http.StatusOK, c.raw(http.MethodGet, "/3/authentication?api_key=k", nil, nil).status)
		assert.Equal(t, http.StatusOK, c.raw(http.MethodGet, "/3/authentication", nil, http.Header{"Authorization": {"Bearer token"}}).status)
	})
}

func TestUnknownPath(t *testing.T) {
	h := newHarness(t)
	requireError(t, h.get("/3/tv/1399"), http.StatusNotFound, 34)
	requireError(t, h.request(http.MethodPut, "/3/movie/550", nil), http.StatusNotFound, 34)
	requireError(t, h.raw(http.MethodGet, "/nothing", nil, nil), http.StatusNotFound, 34)
	assert.Equal(t, 3, h.fake.TotalCalls())
}

// TestSessionLifecycle walks the whole flow a user-context client goes
// through, from request token to logout.
func TestSessionLifecycle(t *testing.T) {
	h := newHarness(t)
	tok := h.get("/3/authentication/token/new")
	require.Equal(t, http.StatusOK, tok.status)
	token := tok.body["request_token"].(string)
	require.Regexp(t, hex40, token)
	assert.Regexp(t, `^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$`, tok.body["expires_at"])

	require.NoError(t, h.fake.Approve(token))
	s := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	require.Equal(t, http.StatusOK, s.status)
	assert.Equal(t, true, s.body["success"])
	session := s.body["session_id"].(string)
	require.Regexp(t, hex40, session)

	// The token is single use.
	again := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	requireError(t, again, http.StatusUnauthorized, 33)
	require.Error(t, h.fake.Approve(token))

	acct := h.get("/3/account?session_id=" + session)
	require.Equal(t, http.StatusOK, acct.status)
	id := int64(acct.body["id"].(float64))
	assert.Equal(t, h.fake.Account().ID, id)
	assert.Equal(t, h.fake.Account().Username, acct.body["username"])
	accountPath := "/3/account/" + strconv.FormatInt(id, 10)
	assert.Equal(t, http.StatusOK, h.get(accountPath+"?session_id="+session).status)
	requireError(t, h.get("/3/account/1?session_id="+session), http.StatusUnauthorized, 3)

	states := h.get("/3/movie/550/account_states?session_id=" + session)
	require.Equal(t, http.StatusOK, states.status)
	assert.Equal(t, false, states.body["rated"])
	assert.EqualValues(t, 550, states.body["id"])

	rate := h.request(http.MethodPost, "/3/movie/550/rating?session_id="+session, map[string]float64{"value": 8.5})
	require.Equal(t, http.StatusCreated, rate.status, "body: %s", rate.raw)
	assert.Equal(t, 1, rate.code())
	assert.Equal(t, true, rate.body["success"])
	rerate := h.request(http.MethodPost, "/3/movie/550/rating?session_id="+session, map[string]float64{"value": 8.5})
	require.Equal(t, http.StatusCreated, rerate.status)
	assert.Equal(t, 12, rerate.code())

	states = h.get("/3/movie/550/account_states?session_id=" + session)
	assert.Equal(t, map[string]any{"value": 8.5}, states.body["rated"])
	rated := h.get(accountPath + "/rated/movies?session_id=" + session)
	require.Equal(t, http.StatusOK, rated.status)
	assert.EqualValues(t, 1, rated.body["total_results"])
	first := rated.body["results"].([]any)[0].(map[string]any)
	assert.EqualValues(t, 550, first["id"])
	assert.Equal(t, 8.5, first["rating"])

	del := h.request(http.MethodDelete, "/3/movie/550/rating?session_id="+session, nil)
	require.Equal(t, http.StatusOK, del.status)
	assert.Equal(t, 13, del.code())
	states = h.get("/3/movie/550/account_states?session_id=" + session)
	assert.Equal(t, false, states.body["rated"])

	out := h.request(http.MethodDelete, "/3/authentication/session", map[string]string{"session_id": session})
	require.Equal(t, http.StatusOK, out.status)
	assert.Equal(t, map[string]any{"success": true}, out.body)
	requireError(t, h.get("/3/account?session_id="+session), http.StatusUnauthorized, 3)
	requireError(t, h.request(http.MethodDelete, "/3/authentication/session", map[string]string{"session_id": session}),
		http.StatusNotFound, 37)
}

func TestUserContextNeedsSession(t *testing.T) {
	h := newHarness(t)
	id := strconv.FormatInt(h.fake.Account().ID, 10)
	for _, path := range []string{
		"/3/account", "/3/account?session_id=", "/3/account?session_id=0123456789012345678901234567890123456789",
		"/3/account/" + id, "/3/account/" + id + "/favorite/movies", "/3/account/" + id + "/rated/tv/episodes",
		"/3/movie/550/account_states",
	} {
		requireError(t, h.get(path), http.StatusUnauthorized, 3)
	}
	requireError(t, h.request(http.MethodPost, "/3/movie/550/rating", map[string]float64{"value": 5}), http.StatusUnauthorized, 3)
}

func TestUnapprovedToken(t *testing.T) {
	h := newHarness(t)
	token := h.get("/3/authentication/token/new").body["request_token"].(string)
	r := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	requireError(t, r, http.StatusUnauthorized, 17)
	assert.Equal(t, "Session denied.", r.body["status_message"])

	requireError(t, h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": "nope"}),
		http.StatusUnauthorized, 33)
	requireError(t, h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{}), http.StatusBadRequest, 18)
}

func TestExpiredToken(t *testing.T) {
	clock := fakeapi.NewClock(time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC))
	h := newHarness(t, fakeapi.WithClock(clock))
	require.Same(t, clock, h.fake.Clock())
	tok := h.get("/3/authentication/token/new")
	assert.Equal(t, "2024-03-01 13:00:00 UTC", tok.body["expires_at"])
	token := tok.body["request_token"].(string)
	require.NoError(t, h.fake.Approve(token))

	clock.Advance(61 * time.Minute)
	r := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	requireError(t, r, http.StatusUnauthorized, 33)
	assert.Equal(t, "Invalid request token: The request token is either expired or invalid.", r.body["status_message"])
	require.Error(t, h.fake.Approve(token))

	user, pass := h.fake.Login()
	token = h.get("/3/authentication/token/new").body["request_token"].(string)
	clock.Advance(time.Hour)
	login := h.request(http.MethodPost, "/3/authentication/token/validate_with_login",
		map[string]string{"username": user, "password": pass, "request_token": token})
	requireError(t, login, http.StatusUnauthorized, 33)
}

func TestValidateWithLogin(t *testing.T) {
	h := newHarness(t)
	user, pass := h.fake.Login()
	require.NotEmpty(t, user)
	token := h.get("/3/authentication/token/new").body["request_token"].(string)

	bad := h.request(http.MethodPost, "/3/authentication/token/validate_with_login",
		map[string]string{"username": user, "password": "wrong", "request_token": token})
	requireError(t, bad, http.StatusUnauthorized, 30)

	ok := h.request(http.MethodPost, "/3/authentication/token/validate_with_login",
		map[string]string{"username": user, "password": pass, "request_token": token})
	require.Equal(t, http.StatusOK, ok.status)
	assert.Equal(t, token, ok.body["request_token"])
	assert.Equal(t, true, ok.body["success"])

	s := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	require.Equal(t, http.StatusOK, s.status)
	assert.Regexp(t, hex40, s.body["session_id"])
}

func TestSessionFromV4Token(t *testing.T) {
	h := newHarness(t)
	s := h.request(http.MethodPost, "/3/authentication/session/convert/4", map[string]string{"access_token": h.fake.UserAccessToken()})
	require.Equal(t, http.StatusOK, s.status)
	session := s.body["session_id"].(string)
	require.Regexp(t, hex40, session)
	assert.Equal(t, http.StatusOK, h.get("/3/account?session_id="+session).status)

	requireError(t, h.request(http.MethodPost, "/3/authentication/session/convert/4", map[string]string{"access_token": h.fake.AccessToken()}),
		http.StatusUnauthorized, 35)
}

func TestGuestSession(t *testing.T) {
	clock := fakeapi.NewClock(time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC))
	h := newHarness(t, fakeapi.WithClock(clock))
	g := h.get("/3/authentication/guest_session/new")
	require.Equal(t, http.StatusOK, g.status)
	guest := g.body["guest_session_id"].(string)
	require.Regexp(t, hex32, guest)
	assert.Equal(t, "2024-03-02 12:00:00 UTC", g.body["expires_at"])

	rate := h.request(http.MethodPost, "/3/movie/16/rating?guest_session_id="+guest, map[string]float64{"value": 8.5})
	require.Equal(t, http.StatusCreated, rate.status)
	states := h.get("/3/movie/16/account_states?guest_session_id=" + guest)
	require.Equal(t, http.StatusOK, states.status)
	assert.Equal(t, map[string]any{"value": 8.5}, states.body["rated"])
	assert.Equal(t, false, states.body["favorite"])

	rated := h.get("/3/guest_session/" + guest + "/rated/movies")
	require.Equal(t, http.StatusOK, rated.status)
	assert.EqualValues(t, 1, rated.body["total_results"])
	first := rated.body["results"].([]any)[0].(map[string]any)
	assert.Equal(t, "Dancer in the Dark", first["title"])
	assert.Equal(t, 8.5, first["rating"])

	// Guest ratings are not the account's.
	session := h.session()
	assert.Equal(t, false, h.get("/3/movie/16/account_states?session_id=" + session).body["rated"])

	requireError(t, h.get("/3/guest_session/nope/rated/movies"), http.StatusUnauthorized, 3)
	clock.Advance(25 * time.Hour)
	requireError(t, h.get("/3/guest_session/"+guest+"/rated/movies"), http.StatusUnauthorized, 3)
}

func TestAutoApprove(t *testing.T) {
	h := newHarness(t, fakeapi.WithAutoApprove())
	token := h.get("/3/authentication/token/new").body["request_token"].(string)
	s := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	require.Equal(t, http.StatusOK, s.status)
}

func TestApprovalRoutes(t *testing.T) {
	h := newHarness(t)
	token := h.get("/3/authentication/token/new").body["request_token"].(string)
	r := h.raw(http.MethodPost, "/fake/approve/"+token, nil, nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, true, r.body["success"])
	requireError(t, h.raw(http.MethodPost, "/fake/approve/nope", nil, nil), http.StatusNotFound, 33)

	token2 := h.get("/3/authentication/token/new").body["request_token"].(string)
	page := h.raw(http.MethodGet, "/authenticate/"+token2, nil, nil)
	require.Equal(t, http.StatusOK, page.status)
	assert.Contains(t, page.header.Get("Content-Type"), "text/html")
	assert.Contains(t, string(page.raw), "approved")
	for _, tok := range []string{token, token2} {
		s := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": tok})
		require.Equal(t, http.StatusOK, s.status)
	}
	assert.Equal(t, http.StatusNotFound, h.raw(http.MethodGet, "/authenticate/nope", nil, nil).status)
	assert.Equal(t, 2, h.fake.Calls("createSession"))
}
