package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// loggedIn returns an environment whose stored session was created by
// "tmdb login" against a fake that approves tokens at once, and the
// session id.
func loggedIn(t *testing.T) (*testEnv, string) {
	t.Helper()
	e := newTestEnv(t, fakeapi.WithAutoApprove())
	r := e.run(t, "\n", "login")
	require.Equal(t, exitOK, r.code, r.stderr)
	id, err := readSession(e.sessionFile(t))
	require.NoError(t, err)
	require.NotEmpty(t, id)
	return e, id
}

// decode unmarshals a run's stdout into a value of type T.
func decode[T any](t *testing.T, r result) T {
	t.Helper()
	require.Equal(t, exitOK, r.code, r.stderr)
	var v T
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &v), r.stdout)
	return v
}

func TestMovie(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)

	m := decode[tmdb.MovieDetails](t, e.run(t, "", "movie", "550", "--append", "credits, videos", "--json"))
	assert.Equal(t, int64(550), m.ID)
	assert.Equal(t, "Fight Club", m.Title)
	require.NotNil(t, m.Credits)
	assert.NotEmpty(t, m.Credits.Cast)
	assert.NotNil(t, m.Videos)
	assert.Nil(t, m.Images, "only the parts asked for are appended")

	r := e.run(t, "", "movie", "550", "--append", "credits,keywords,images", "--language", "en-US")
	require.Equal(t, exitOK, r.code, r.stderr)
	for _, want := range []string{"Fight Club (1999)", "runtime:", "139 min", "Cast:", "Edward Norton", "The Narrator", "Directed by", "Keywords:", "Also appended: images"} {
		assert.Contains(t, r.stdout, want)
	}
	assert.Empty(t, r.stderr)
}

func TestMovieWithTheAccessToken(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.vars[envToken] = e.fake.AccessToken()
	m := decode[tmdb.MovieDetails](t, e.run(t, "", "--json", "movie", "550"))
	assert.Equal(t, "Fight Club", m.Title)
}

func TestPopularAndSearch(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)

	p := decode[tmdb.MoviePage](t, e.run(t, "", "popular", "--json", "--page", "2"))
	assert.Equal(t, 2, p.Page)
	assert.NotEmpty(t, p.Results)

	s := decode[tmdb.MoviePage](t, e.run(t, "", "search", "fight", "club", "--json"))
	require.NotEmpty(t, s.Results)
	assert.Equal(t, int64(550), s.Results[0].ID)

	r := e.run(t, "", "search", "fight club")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "ID")
	assert.Contains(t, r.stdout, "TITLE")
	assert.Contains(t, r.stdout, "550")
	assert.Contains(t, r.stdout, "Fight Club")
	assert.Contains(t, r.stdout, "page 1 of")

	r = e.run(t, "", "search", "zzzzqqqqxxxx")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "no movies")
}

func TestAccountCommands(t *testing.T) {
	t.Parallel()
	e, session := loggedIn(t)

	acct := decode[tmdb.Account](t, e.run(t, "", "account", "--json"))
	assert.Equal(t, e.fake.Account().ID, acct.ID)
	assert.Equal(t, e.fake.Account().Username, acct.Username)
	r := e.run(t, "", "account")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "username:")
	assert.Contains(t, r.stdout, acct.Username)

	r = e.run(t, "", "rate", "550", "8.5")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, "rated movie 550: 8.5\n", r.stdout)

	st := decode[tmdb.AccountStates](t, e.run(t, "", "states", "550", "--json"))
	v, ok := st.Rated.Value()
	assert.True(t, ok)
	assert.InDelta(t, 8.5, v, 1e-9)
	r = e.run(t, "", "states", "550")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "rated:      8.5")

	m := decode[tmdb.MovieDetails](t, e.run(t, "", "movie", "550", "--append", "account_states", "--json"))
	require.NotNil(t, m.AccountStates)
	assert.True(t, m.AccountStates.Rated.IsRated())

	res := decode[tmdb.StatusResponse](t, e.run(t, "", "unrate", "550", "--json"))
	assert.Equal(t, 13, res.StatusCode)
	st = decode[tmdb.AccountStates](t, e.run(t, "", "states", "550", "--json"))
	assert.False(t, st.Rated.IsRated())
	r = e.run(t, "", "states", "550")
	assert.Contains(t, r.stdout, "not rated")

	c, err := tmdb.New(e.fake.APIKey(), tmdb.WithBaseURL(e.url), tmdb.WithSessionID(session))
	require.NoError(t, err)
	_, err = c.Account.SetFavorite(context.Background(), tmdb.MediaMovie, 550, true)
	require.NoError(t, err)
	_, err = c.Account.SetWatchlist(context.Background(), tmdb.MediaMovie, 680, true)
	require.NoError(t, err)

	fav := decode[tmdb.MoviePage](t, e.run(t, "", "favorites", "--json"))
	require.Len(t, fav.Results, 1)
	assert.Equal(t, int64(550), fav.Results[0].ID)
	watch := decode[tmdb.MoviePage](t, e.run(t, "", "watchlist", "--json"))
	require.Len(t, watch.Results, 1)
	assert.Equal(t, int64(680), watch.Results[0].ID)
	r = e.run(t, "", "favorites")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Fight Club")
}

func TestSessionFromTheEnvironmentAndFlag(t *testing.T) {
	t.Parallel()
	e, session := loggedIn(t)
	require.NoError(t, os.Remove(e.sessionFile(t)))

	e.vars[envSession] = session
	assert.Equal(t, exitOK, e.run(t, "", "account").code)

	e.vars[envSession] = ""
	assert.Equal(t, exitUsage, e.run(t, "", "account").code)
	assert.Equal(t, exitOK, e.run(t, "", "account", "--session", session).code)
}

func TestLoginStoresTheSessionAndLogoutRemovesIt(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t, fakeapi.WithAutoApprove())
	r := e.run(t, "\n", "login")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, tmdb.AuthorizeBaseURL)
	assert.Contains(t, r.stdout, "Approve it in your browser, then press Enter")
	assert.Contains(t, r.stdout, "Logged in as "+e.fake.Account().Username)
	path := e.sessionFile(t)
	session, err := readSession(path)
	require.NoError(t, err)
	require.NotEmpty(t, session)
	assertNoSecrets(t, r.stdout+r.stderr, session, e.fake.APIKey())

	r = e.run(t, "", "logout")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Session deleted at TMDB.")
	assert.NoFileExists(t, path)
	assertNoSecrets(t, r.stdout+r.stderr, session, e.fake.APIKey())

	r = e.run(t, "", "logout")
	assert.Equal(t, exitError, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "not logged in")

	r = e.run(t, "", "account", "--session", session)
	assert.Equal(t, exitAuth, r.code, "the session is revoked")
	assertNoSecrets(t, r.stderr, session)
}

func TestLogoutOfASessionTMDBNoLongerKnows(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	path := e.sessionFile(t)
	require.NoError(t, writeSession(path, "0123456789abcdef0123456789abcdef01234567"))
	r := e.run(t, "", "logout")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "TMDB no longer knows the session.")
	assert.NoFileExists(t, path)
}

func TestLogoutKeepsAnotherStoredSession(t *testing.T) {
	t.Parallel()
	e, stored := loggedIn(t)
	other := runWith(t, e.getenv, "\n", "login") // replaces the stored session
	require.Equal(t, exitOK, other.code)
	newer, err := readSession(e.sessionFile(t))
	require.NoError(t, err)
	require.NotEqual(t, stored, newer)

	r := e.run(t, "", "logout", "--session", stored)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "is another one; it is kept")
	got, err := readSession(e.sessionFile(t))
	require.NoError(t, err)
	assert.Equal(t, newer, got)
}

func TestLoginCancelledWithoutEnter(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t, fakeapi.WithAutoApprove())
	r := e.run(t, "", "login")
	assert.Equal(t, exitError, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "login cancelled")
	assert.NoFileExists(t, e.sessionFile(t))
}

func TestLoginWithoutApproval(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t) // tokens wait for Approve, which nobody calls
	r := e.run(t, "\n", "login")
	assert.Equal(t, exitAuth, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "authentication failed: HTTP 401, TMDB code 17")
	assert.NoFileExists(t, e.sessionFile(t))
}

func TestLoginStopsWhenInterrupted(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t, fakeapi.WithAutoApprove())
	ctx, cancel := context.WithCancel(context.Background())
	stdinR, stdinW, err := os.Pipe()
	require.NoError(t, err)
	defer stdinW.Close()
	defer stdinR.Close()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"login"}, stdinR, &stdout, &stderr, e.getenv) }()
	require.Eventually(t, func() bool { return strings.Contains(stdout.String(), "press Enter") }, 10*time.Second, 10*time.Millisecond)
	cancel()
	assert.Equal(t, exitError, <-done)
	assert.Contains(t, stderr.String(), "tmdb: interrupted")
}

func TestAPIErrorsExitWithTheirCodes(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)

	r := e.run(t, "", "movie", "999999999")
	assert.Equal(t, exitNotFound, r.code)
	assert.Equal(t, "tmdb: not found: HTTP 404, TMDB code 34: The resource you requested could not be found.\n", r.stderr)
	assert.Empty(t, r.stdout)

	r = e.run(t, "", "--token", "ffffffffffffffffffffffffffffffff", "movie", "550", "--json")
	assert.Equal(t, exitAuth, r.code)
	assert.Contains(t, r.stderr, "tmdb: authentication failed: HTTP 401, TMDB code 7: ")
	assert.Empty(t, r.stdout)
	assertNoSecrets(t, r.stderr, "ffffffffffffffffffffffffffffffff", e.fake.APIKey())

	e.fake.InjectFault(fakeapi.Fault{Operation: "getPopularMovies", Kind: fakeapi.RateLimit, Count: 10})
	r = e.run(t, "", "popular", "--retries", "0")
	assert.Equal(t, exitRateLimited, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "tmdb: rate limited: HTTP 429, TMDB code 25")
	e.fake.ClearFaults()

	e.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.HTMLError, Status: 403})
	r = e.run(t, "", "movie", "550")
	assert.Equal(t, exitForbidden, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "tmdb: not allowed: HTTP 403")

	e.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.ServerError, Status: 503, Count: 10})
	r = e.run(t, "", "movie", "550", "--retries", "0")
	assert.Equal(t, exitError, r.code)
	assert.Equal(t, "tmdb: server error: HTTP 503, TMDB code 9: Service offline: This service is temporarily offline, try again later.\n", r.stderr)
	e.fake.ClearFaults()

	r = runWith(t, noEnv, "", "--token", e.fake.APIKey(), "--base-url", "http://127.0.0.1:1", "--retries", "0", "popular")
	assert.Equal(t, exitError, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "tmdb: network error: ")
	assertNoSecrets(t, r.stderr, e.fake.APIKey())
}

func TestRetriesGetThroughARateLimit(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.fake.InjectFault(fakeapi.Fault{Operation: "getPopularMovies", Kind: fakeapi.RateLimit, Count: 1, RetryAfter: "0"})
	r := e.run(t, "", "popular", "--retries", "1")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.Equal(t, 2, e.fake.Calls("getPopularMovies"))
}
