package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func TestTokenFromStandardInput(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.vars[envToken] = "ffffffffffffffffffffffffffffffff" // the flag wins over it
	for _, stdin := range []string{e.fake.APIKey() + "\n", "  " + e.fake.APIKey() + " \r\n", e.fake.APIKey()} {
		r := e.run(t, stdin, "--token", "-", "movie", "550", "--json")
		m := decode[tmdb.MovieDetails](t, r)
		assert.Equal(t, "Fight Club", m.Title)
		assert.Empty(t, r.stderr)
		assertNoSecrets(t, r.stdout, e.fake.APIKey())
	}
	r := e.run(t, e.fake.AccessToken()+"\n", "popular", "--token=-")
	assert.Equal(t, exitOK, r.code, r.stderr)
}

func TestWrongTokenFromStandardInputIsNotPrinted(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	const wrong = "0123456789abcdef0123456789abcdef"
	r := e.run(t, wrong+"\n", "--token", "-", "popular")
	assert.Equal(t, exitAuth, r.code)
	assertOneLine(t, r.stderr)
	assertNoSecrets(t, r.stdout+r.stderr, wrong)
}

func TestNoTokenOnStandardInputIsAUsageError(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	for stdin, want := range map[string]string{
		"":       "--token -: the standard input ended before a line with the token",
		"\n":     "--token -: the line read from the standard input is empty",
		"  \t\n": "--token -: the line read from the standard input is empty",
	} {
		r := e.run(t, stdin, "--token", "-", "popular")
		assert.Equal(t, exitUsage, r.code, "%q", stdin)
		assertOneLine(t, r.stderr)
		assert.Contains(t, r.stderr, want, "%q", stdin)
		assert.Zero(t, e.fake.Calls("getPopularMovies"), "nothing is sent")
	}
	r := e.run(t, e.fake.APIKey()+"\n", "--token", "-", "--session", "-", "account")
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, "--session -: the standard input ended before a line with the session id")
	assertNoSecrets(t, r.stderr, e.fake.APIKey())
}

func TestTokenAndSessionFromStandardInput(t *testing.T) {
	t.Parallel()
	e, session := loggedIn(t)
	require.NoError(t, os.Remove(e.sessionFile(t)))
	e.vars[envToken] = ""
	r := e.run(t, e.fake.APIKey()+"\n"+session+"\n", "account", "--session", "-", "--token", "-", "--json")
	acct := decode[tmdb.Account](t, r)
	assert.Equal(t, e.fake.Account().ID, acct.ID)

	e.vars[envToken] = e.fake.APIKey()

	r = e.run(t, session+"\n", "--session", "-", "states", "550")
	assert.Equal(t, exitOK, r.code, r.stderr)
	assertNoSecrets(t, r.stdout+r.stderr, session)
}

func TestLoginWithTheTokenOnTheCommandLineOrStandardInput(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t, fakeapi.WithAutoApprove())
	e.vars[envToken] = ""

	r := e.run(t, "\n", "login", "--token", e.fake.APIKey())
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Logged in as "+e.fake.Account().Username)
	first, err := readSession(e.sessionFile(t))
	require.NoError(t, err)
	require.NotEmpty(t, first)

	// The token is the first line; the Enter that login waits for follows.
	r = e.run(t, e.fake.APIKey()+"\n\n", "--token", "-", "login")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "Logged in as "+e.fake.Account().Username)
	second, err := readSession(e.sessionFile(t))
	require.NoError(t, err)
	assert.NotEqual(t, first, second)
	assertNoSecrets(t, r.stdout+r.stderr, e.fake.APIKey(), second)

	// A token line and no Enter after it cancels the login.
	r = e.run(t, e.fake.APIKey()+"\n", "--token", "-", "login")
	assert.Equal(t, exitError, r.code)
	assert.Contains(t, r.stderr, "login cancelled")
}

func TestLoginWaitsForEnterAfterTheTokenLine(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t, fakeapi.WithAutoApprove())
	e.vars[envToken] = ""
	stdinR, stdinW, err := os.Pipe()
	require.NoError(t, err)
	defer stdinR.Close()
	defer stdinW.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"--token", "-", "login"}, stdinR, &stdout, &stderr, e.getenv) }()

	_, err = stdinW.WriteString(e.fake.APIKey() + "\n")
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(stdout.String(), "press Enter") }, 10*time.Second, 10*time.Millisecond)
	assert.Zero(t, e.fake.Calls("createSession"), "login waits for Enter")
	_, err = stdinW.WriteString("\n")
	require.NoError(t, err)
	assert.Equal(t, exitOK, <-done, stderr.String())
	assert.Contains(t, stdout.String(), "Logged in as")
}

func TestWaitingForTheTokenStopsWhenInterrupted(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	stdinR, stdinW, err := os.Pipe()
	require.NoError(t, err)
	defer stdinR.Close()
	defer stdinW.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"--token", "-", "popular"}, stdinR, &stdout, &stderr, e.getenv) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	assert.Equal(t, exitError, <-done)
	assert.Equal(t, "tmdb: interrupted\n", stderr.String())
	assert.Zero(t, e.fake.Calls("getPopularMovies"))
}
