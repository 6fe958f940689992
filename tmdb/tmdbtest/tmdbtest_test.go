package tmdbtest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/tmdb/tmdbtest"
)

func getJSON(t *testing.T, c *http.Client, url string) (int, map[string]any) {
	t.Helper()
	resp, err := c.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	return resp.StatusCode, body
}

func TestServer(t *testing.T) {
	srv := tmdbtest.NewServer(t)
	require.NotEmpty(t, srv.URL)
	require.NotEmpty(t, srv.APIKey)
	require.NotEmpty(t, srv.AccessToken)
	require.NotEmpty(t, srv.UserAccessToken)
	require.Contains(t, srv.MovieIDs(), int64(550))

	req, err := http.NewRequest(http.MethodGet, srv.URL+"/3/movie/11", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.AccessToken)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	// The request-token flow, approved by the test.
	_, tok := getJSON(t, srv.Client(), srv.URL+"/3/authentication/token/new?api_key="+srv.APIKey)
	token := tok["request_token"].(string)
	srv.Approve(token)
	body, _ := json.Marshal(map[string]string{"request_token": token})
	resp, err = srv.Client().Post(srv.URL+"/3/authentication/session/new?api_key="+srv.APIKey, "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	var session map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&session))
	resp.Body.Close()
	status, acct := getJSON(t, srv.Client(), srv.URL+"/3/account?api_key="+srv.APIKey+"&session_id="+session["session_id"].(string))
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, srv.Account().Username, acct["username"])
	user, pass := srv.Login()
	assert.Equal(t, srv.Account().Username, user)
	assert.NotEmpty(t, pass)

	srv.InjectFault(tmdbtest.Fault{Operation: "getMovieDetails", Kind: tmdbtest.RateLimit, RetryAfter: "2"})
	status, e := getJSON(t, srv.Client(), srv.URL+"/3/movie/550?api_key="+srv.APIKey)
	assert.Equal(t, http.StatusTooManyRequests, status)
	assert.EqualValues(t, 25, e["status_code"])
	srv.InjectFault(tmdbtest.Fault{Kind: tmdbtest.ServerError, Count: 3})
	srv.ClearFaults()
	status, _ = getJSON(t, srv.Client(), srv.URL+"/3/movie/550?api_key="+srv.APIKey)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, 3, srv.Calls("getMovieDetails"))
	assert.Equal(t, 6, srv.TotalCalls())

	srv.Close()
	srv.Close() // idempotent
}

func TestClock(t *testing.T) {
	clock := tmdbtest.NewClock(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	srv := tmdbtest.NewServer(t, tmdbtest.WithClock(clock), tmdbtest.WithoutResponseValidation())
	require.Same(t, clock, srv.Clock())
	_, tok := getJSON(t, srv.Client(), srv.URL+"/3/authentication/token/new?api_key="+srv.APIKey)
	assert.Equal(t, "2024-01-01 01:00:00 UTC", tok["expires_at"])
}

// TestCloseReleasesStalledRequests checks that closing the server does not
// wait for a stalled SlowBody response.
func TestCloseReleasesStalledRequests(t *testing.T) {
	srv := tmdbtest.NewServer(t)
	srv.InjectFault(tmdbtest.Fault{Kind: tmdbtest.SlowBody, Delay: time.Hour})
	resp, err := srv.Client().Get(srv.URL + "/3/movie/550?api_key=" + srv.APIKey)
	require.NoError(t, err)
	defer resp.Body.Close()
	start := time.Now()
	srv.Close()
	assert.Less(t, time.Since(start), 10*time.Second)
	_, err = io.ReadAll(resp.Body)
	assert.Error(t, err)
}
