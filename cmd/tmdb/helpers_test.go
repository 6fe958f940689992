package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// testEnv is a fake TMDB on loopback and an environment pointing at it,
// with the configuration directory in a temporary folder.
type testEnv struct {
	fake *fakeapi.Server
	url  string
	home string
	vars map[string]string
}

// newTestEnv starts a fake with opts and returns an environment whose
// TMDB_TOKEN is the fake's API key.
func newTestEnv(t *testing.T, opts ...fakeapi.Option) *testEnv {
	t.Helper()
	fake := fakeapi.New(opts...)
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	home := t.TempDir()
	return &testEnv{
		fake: fake,
		url:  srv.URL,
		home: home,
		vars: map[string]string{
			"HOME":            home,
			"XDG_CONFIG_HOME": filepath.Join(home, "config"),
			"AppData":         filepath.Join(home, "config"),
			envToken:          fake.APIKey(),
			envBaseURL:        srv.URL,
		},
	}
}

// getenv reads the environment's variables.
func (e *testEnv) getenv(k string) string { return e.vars[k] }

// sessionFile is where the environment's stored session lives.
func (e *testEnv) sessionFile(t *testing.T) string {
	t.Helper()
	path, err := sessionPath(e.getenv)
	require.NoError(t, err)
	return path
}

// result is the outcome of one run.
type result struct {
	code   int
	stdout string
	stderr string
}

// run runs the command in-process with the environment, stdin as input.
func (e *testEnv) run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runWith(t, e.getenv, stdin, args...)
}

// runWith runs the command in-process with getenv.
func runWith(t *testing.T, getenv func(string) string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, strings.NewReader(stdin), &stdout, &stderr, getenv)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// noEnv is an empty environment.
func noEnv(string) string { return "" }

// assertNoSecrets checks that none of the secrets appears in s.
func assertNoSecrets(t *testing.T, s string, secrets ...string) {
	t.Helper()
	for _, v := range secrets {
		if v != "" {
			assert.NotContains(t, s, v, "a secret was printed")
		}
	}
}

// assertOneLine checks that s is exactly one line.
func assertOneLine(t *testing.T, s string) {
	t.Helper()
	assert.Equal(t, 1, strings.Count(s, "\n"), "want one line, got %q", s)
	assert.True(t, strings.HasSuffix(s, "\n"), "want one line, got %q", s)
}

// syncBuffer is a buffer that one goroutine writes while another reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
