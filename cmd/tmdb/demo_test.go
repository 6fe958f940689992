package main

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertDemoOutput checks that the demo's stdout shows every step, in
// order.
func assertDemoOutput(t *testing.T, out string) {
	t.Helper()
	steps := []string{
		"Request token created",
		"https://www.themoviedb.org/authenticate/",
		"Approved",
		"Session created (id hidden)",
		"Account: id ",
		"Movie 550 with credits appended",
		"Fight Club (1999)",
		"Top cast: ",
		"Rated movie 550: 8.5",
		"rated: 8.5",
		"Rating deleted",
		"rated: not rated",
		"Session deleted",
		"tmdb: authentication failed: HTTP 401, TMDB code 3: Authentication failed",
		"Demo complete.",
	}
	rest := out
	for _, step := range steps {
		i := strings.Index(rest, step)
		if !assert.GreaterOrEqual(t, i, 0, "step %q missing or out of order in:\n%s", step, out) {
			return
		}
		rest = rest[i+len(step):]
	}
	assert.Contains(t, out, "auth: api_key")
	assert.Regexp(t, regexp.MustCompile(`Top cast: \S.*; \S.*; \S`), out, "three cast members")
	assert.NotContains(t, out, "session_id")
}

func TestDemo(t *testing.T) {
	t.Parallel()
	r := runWith(t, noEnv, "", "demo")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stderr)
	assertDemoOutput(t, r.stdout)
}

func TestDemoIgnoresTheConfiguredServer(t *testing.T) {
	t.Parallel()
	env := map[string]string{envToken: "wrong", envBaseURL: "http://127.0.0.1:1", envSession: "nope"}
	r := runWith(t, func(k string) string { return env[k] }, "", "demo")
	require.Equal(t, exitOK, r.code, r.stderr)
	assertDemoOutput(t, r.stdout)
}

func TestFakeServesUntilCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"fake", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &stdout, &stderr, noEnv)
	}()
	var base, key string
	require.Eventually(t, func() bool {
		base = field(stdout.String(), "base URL:")
		key = field(stdout.String(), "API key:")
		return base != "" && key != ""
	}, 10*time.Second, 10*time.Millisecond, "banner: %s", stdout.String())
	assert.Contains(t, stdout.String(), "read access token:")
	assert.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), base)

	// The printed key works, and tokens are approved at once.
	r := runWith(t, func(k string) string {
		return map[string]string{envToken: key, envBaseURL: base, "HOME": t.TempDir()}[k]
	}, "\n", "login")
	assert.Equal(t, exitOK, r.code, r.stderr)

	resp, err := http.Get(base + "/3/movie/550?api_key=" + key)
	require.NoError(t, err)
	_ = resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	cancel()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("the fake did not stop")
	}
	assert.Contains(t, stderr.String(), "fake TMDB stopped")
	_, err = http.Get(base + "/3/movie/550?api_key=" + key)
	assert.Error(t, err, "the listener is closed")
}

func TestFakeAddressInUse(t *testing.T) {
	t.Parallel()
	srv, err := serveFake("127.0.0.1:0", http.NotFoundHandler())
	require.NoError(t, err)
	defer func() { _ = srv.close() }()
	addr := strings.TrimPrefix(srv.url, "http://")
	r := runWith(t, noEnv, "", "fake", "--addr", addr)
	assert.Equal(t, exitError, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "starting the fake")
}

// field returns the value after label on the line that holds it.
func field(out, label string) string {
	for _, line := range strings.Split(out, "\n") {
		if _, v, ok := strings.Cut(line, label); ok {
			if f := strings.Fields(v); len(f) > 0 {
				return f[0]
			}
		}
	}
	return ""
}
