package tmdb

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testKey   = "0123456789abcdef0123456789abcdef"
	testToken = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIwMTIzNDU2Nzg5YWJjZGVmIiwic3ViIjoiNjU0MzIxIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg"
)

// seenRequest is what a loopback server saw of one request.
type seenRequest struct {
	path, query, authorization, userAgent string
}

// recordingServer answers every request with body and records it.
func recordingServer(t *testing.T, status int, body string) (*httptest.Server, func() []seenRequest) {
	t.Helper()
	return recordingServerWithHeader(t, status, body, "", "")
}

// recordingServerWithHeader is recordingServer with one extra response header.
func recordingServerWithHeader(t *testing.T, status int, body, header, value string) (*httptest.Server, func() []seenRequest) {
	t.Helper()
	var mu sync.Mutex
	var seen []seenRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, seenRequest{r.URL.Path, r.URL.RawQuery, r.Header.Get("Authorization"), r.Header.Get("User-Agent")})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		if header != "" {
			w.Header().Set(header, value)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, func() []seenRequest {
		mu.Lock()
		defer mu.Unlock()
		return append([]seenRequest(nil), seen...)
	}
}

func TestNewDetectsCredentialKind(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		credential string
		opts       []Option
		want       AuthMode
	}{
		{"32-char key", testKey, nil, AuthAPIKey},
		{"50 chars is still a key", strings.Repeat("a", 50), nil, AuthAPIKey},
		{"51 chars is a token", strings.Repeat("a", 51), nil, AuthAccessToken},
		{"JWT token", testToken, nil, AuthAccessToken},
		{"forced key", "", []Option{WithAPIKey(testToken)}, AuthAPIKey},
		{"forced token", "", []Option{WithAccessToken(testKey)}, AuthAccessToken},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := New(tc.credential, tc.opts...)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.AuthMode())
		})
	}
}

func TestNewRejectsBadCredentials(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", " ", testKey + "\n", "abc def", "\tabc", "ab\x00cd", "ключ", "\ufeff" + testKey} {
		_, err := New(bad)
		require.Error(t, err, "%q", bad)
		assert.ErrorIs(t, err, ErrInvalidCredential)
		if len(bad) > 4 {
			assert.NotContains(t, err.Error(), strings.TrimSpace(bad))
		}
	}
}

func TestCredentialIsSentTheRightWay(t *testing.T) {
	t.Parallel()
	srv, seen := recordingServer(t, 200, `{"success":true,"status_code":1,"status_message":"Success."}`)

	key, err := New(testKey, WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = key.Authentication.ValidateKey(t.Context())
	require.NoError(t, err)

	tok, err := New(testToken, WithBaseURL(srv.URL+"/3/"), WithUserAgent("my-app/1.0"))
	require.NoError(t, err)
	_, err = tok.Authentication.ValidateKey(t.Context())
	require.NoError(t, err)

	got := seen()
	require.Len(t, got, 2)
	assert.Equal(t, "/3/authentication", got[0].path)
	assert.Equal(t, "api_key="+testKey, got[0].query)
	assert.Empty(t, got[0].authorization)
	assert.Equal(t, "tmdbfusion-go/"+Version, got[0].userAgent)

	assert.Equal(t, "/3/authentication", got[1].path, "a trailing /3/ on the base URL is dropped")
	assert.Empty(t, got[1].query, "a token never goes in the query")
	assert.Equal(t, "Bearer "+testToken, got[1].authorization)
	assert.Equal(t, "my-app/1.0", got[1].userAgent)
}

func TestBaseURLRules(t *testing.T) {
	t.Parallel()
	ok := map[string]string{
		"https://api.themoviedb.org":     "https://api.themoviedb.org",
		"https://api.themoviedb.org/3":   "https://api.themoviedb.org",
		"https://api.themoviedb.org/3/":  "https://api.themoviedb.org",
		"http://127.0.0.1:8080":          "http://127.0.0.1:8080",
		"http://localhost:9/":            "http://localhost:9",
		"http://[::1]:8080":              "http://[::1]:8080",
		"https://proxy.example/tmdb/3":   "https://proxy.example/tmdb",
		"https://proxy.example/tmdb/3//": "https://proxy.example/tmdb",
	}
	for in, want := range ok {
		c, err := New(testKey, WithBaseURL(in))
		require.NoError(t, err, in)
		assert.Equal(t, want, c.BaseURL(), in)
	}
	for _, bad := range []string{"http://api.themoviedb.org", "ftp://x", "api.themoviedb.org", "https://x/?api_key=" + testKey, ""} {
		_, err := New(testKey, WithBaseURL(bad))
		require.Error(t, err, bad)
		assert.NotContains(t, err.Error(), testKey)
	}
	c, err := New(testKey, WithBaseURL("http://10.0.0.5:8080"), WithAllowInsecureHTTP())
	require.NoError(t, err)
	assert.Equal(t, "http://10.0.0.5:8080", c.BaseURL())
}

func TestOptionsRejectBadValues(t *testing.T) {
	t.Parallel()
	bad := map[string]Option{
		"nil http client": WithHTTPClient(nil),
		"empty session":   WithSessionID(""),
		"spaced session":  WithSessionID("a b"),
		"empty UA":        WithUserAgent(""),
		"nil editor":      WithRequestEditor(nil),
		"nil logger":      WithLogger(nil),
		"negative wait":   WithTimeout(-1),
		"negative tries":  WithMaxRetries(-1),
		"bad limit":       WithRateLimit(10, 0),
		"zero body bound": WithMaxResponseBytes(0),
		"bad language":    WithLanguage("english"),
		"bad region":      WithRegion("usa"),
		"bad policy":      WithRetry(RetryPolicy{MaxRetries: -1}),
	}
	for name, o := range bad {
		_, err := New(testKey, o)
		assert.Error(t, err, name)
	}
}

func TestClientPrintsNoSecrets(t *testing.T) {
	t.Parallel()
	c, err := New(testToken, WithSessionID("sess-0123456789abcdef"), WithGuestSessionID("guest-0123456789abcdef"))
	require.NoError(t, err)
	for _, s := range []string{c.String(), c.GoString(), fmtAll(c)} {
		assert.NotContains(t, s, testToken)
		assert.NotContains(t, s, "sess-0123456789abcdef")
		assert.NotContains(t, s, "guest-0123456789abcdef")
	}
	assert.Contains(t, c.String(), "session: set")
}

func TestSessionIsSafeForConcurrentUse(t *testing.T) {
	t.Parallel()
	c, err := New(testKey)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			id := "session-" + strings.Repeat("x", i%4+1)
			require.NoError(t, c.SetSessionID(id))
			_ = c.SessionID()
			_ = c.String()
		})
	}
	wg.Wait()
	assert.True(t, strings.HasPrefix(c.SessionID(), "session-"))
	require.Error(t, c.SetSessionID("bad id"))
	require.NoError(t, c.SetSessionID(""))
	assert.Empty(t, c.SessionID())
}
