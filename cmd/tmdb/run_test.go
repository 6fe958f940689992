package main

import (
	"flag"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHelpExitsZeroOnStdout(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := runWith(t, noEnv, "", args...)
		assert.Equal(t, exitOK, r.code, "%v", args)
		assert.Empty(t, r.stderr, "%v", args)
		for _, want := range []string{
			"movie", "popular", "search", "account", "states", "rate", "unrate",
			"favorites", "watchlist", "login", "logout", "demo", "fake",
			"TMDB_TOKEN", "TMDB_SESSION_ID", "TMDB_BASE_URL",
			"--token", "--session", "--base-url", "--json", "--retries",
			"Exit codes", "3  authentication failed", "6  rate limited",
		} {
			assert.Contains(t, r.stdout, want, "%v", args)
		}
	}
}

func TestNoArgsPrintsUsageAndExitsTwo(t *testing.T) {
	t.Parallel()
	r := runWith(t, noEnv, "")
	assert.Equal(t, exitUsage, r.code)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, "Usage:")
}

func TestCommandHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"help", "movie"}, {"movie", "--help"}, {"movie", "550", "-h"}} {
		r := runWith(t, noEnv, "", args...)
		assert.Equal(t, exitOK, r.code, "%v", args)
		assert.Contains(t, r.stdout, "Usage: tmdb movie <movie-id>", "%v", args)
		assert.Contains(t, r.stdout, "watch/providers", "%v", args)
	}
}

func TestUsageErrorsExitTwoWithOneLine(t *testing.T) {
	t.Parallel()
	env := map[string]string{envToken: "0123456789abcdef0123456789abcdef"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"nope"}, `unknown command "nope"`},
		{"help for unknown command", []string{"help", "nope"}, `unknown command "nope"`},
		{"unknown flag", []string{"movie", "550", "--bogus"}, "movie: flag provided but not defined: -bogus"},
		{"unknown global flag", []string{"--bogus", "movie"}, "flag provided but not defined: -bogus"},
		{"missing id", []string{"movie"}, "movie: want one movie id, got 0 arguments"},
		{"two ids", []string{"movie", "1", "2"}, "got 2 arguments"},
		{"bad id", []string{"movie", "abc"}, `"abc" is not a movie id`},
		{"zero id", []string{"states", "0"}, `"0" is not a movie id`},
		{"bad append", []string{"movie", "550", "--append", "credits,nope"}, `--append: "nope" is not a part`},
		{"bad language", []string{"movie", "550", "--language", "english"}, `--language: "english"`},
		{"bad page", []string{"popular", "--page", "501"}, "--page: want 1 to 500, got 501"},
		{"page zero", []string{"popular", "--page=0"}, "--page: want 1 to 500, got 0"},
		{"empty query", []string{"search"}, "search: want a query"},
		{"rating too high", []string{"rate", "550", "11"}, `rating "11"`},
		{"rating off step", []string{"rate", "550", "7.3"}, `rating "7.3"`},
		{"rating not a number", []string{"rate", "550", "NaN"}, `rating "NaN"`},
		{"rate without value", []string{"rate", "550"}, "want a movie id and a rating"},
		{"negative retries", []string{"--retries", "-2", "popular"}, "--retries: want 0 or more"},
		{"arguments to account", []string{"account", "x"}, "account: want no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runWith(t, getenv, "", tt.args...)
			assert.Equal(t, exitUsage, r.code)
			assert.Empty(t, r.stdout)
			assertOneLine(t, r.stderr)
			assert.Contains(t, r.stderr, "tmdb: ")
			assert.Contains(t, r.stderr, tt.want)
		})
	}
}

func TestMissingTokenIsAUsageError(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"movie", "550"}, {"popular"}, {"search", "x"}, {"account"}, {"login"}, {"logout"}} {
		r := runWith(t, func(k string) string {
			if k == "HOME" {
				return t.TempDir()
			}
			return ""
		}, "", args...)
		assert.Equal(t, exitUsage, r.code, "%v", args)
		assertOneLine(t, r.stderr)
		assert.Contains(t, r.stderr, "set TMDB_TOKEN or pass --token", "%v", args)
	}
}

func TestMissingSessionIsAUsageError(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	for _, args := range [][]string{{"account"}, {"states", "550"}, {"rate", "550", "8"}, {"unrate", "550"}, {"favorites"}, {"watchlist"}, {"movie", "550", "--append", "account_states"}} {
		r := e.run(t, "", args...)
		assert.Equal(t, exitUsage, r.code, "%v", args)
		assertOneLine(t, r.stderr)
		assert.Contains(t, r.stderr, "no session: run 'tmdb login' first", "%v", args)
	}
	assert.Zero(t, e.fake.Calls("getCurrentAccount"), "nothing is sent without a session")
}

func TestBadCredentialIsAUsageError(t *testing.T) {
	t.Parallel()
	r := runWith(t, noEnv, "", "--token", "abc\x01def", "popular")
	assert.Equal(t, exitUsage, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "invalid credential")
	assert.NotContains(t, r.stderr, "abc")
}

func TestBadBaseURLIsAUsageError(t *testing.T) {
	t.Parallel()
	r := runWith(t, noEnv, "", "--token", "0123456789abcdef0123456789abcdef", "--base-url", "http://example.com", "popular")
	assert.Equal(t, exitUsage, r.code)
	assertOneLine(t, r.stderr)
	assert.Contains(t, r.stderr, "plain http to a non-loopback host")
	assert.NotContains(t, r.stderr, "tmdb: tmdb:")
}

func TestParseInterleaved(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args    []string
		pos     []string
		json    bool
		page    int
		wantErr bool
	}{
		{args: []string{"550", "--json"}, pos: []string{"550"}, json: true, page: 1},
		{args: []string{"--json", "550"}, pos: []string{"550"}, json: true, page: 1},
		{args: []string{"fight", "--page", "2", "club"}, pos: []string{"fight", "club"}, page: 2},
		{args: []string{"--page=3", "a", "--json", "b"}, pos: []string{"a", "b"}, json: true, page: 3},
		{args: []string{"a", "--", "--json", "-x"}, pos: []string{"a", "--json", "-x"}, page: 1},
		{args: []string{}, pos: nil, page: 1},
		{args: []string{"a", "--nope"}, wantErr: true},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		json := fs.Bool("json", false, "")
		page := fs.Int("page", 1, "")
		pos, err := parseInterleaved(fs, tt.args)
		if tt.wantErr {
			assert.Error(t, err, "%v", tt.args)
			continue
		}
		require.NoError(t, err, "%v", tt.args)
		assert.Equal(t, tt.pos, pos, "%v", tt.args)
		assert.Equal(t, tt.json, *json, "%v", tt.args)
		assert.Equal(t, tt.page, *page, "%v", tt.args)
	}
}

func TestGlobalFlagsBeforeAndAfterTheCommand(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	before := runWith(t, noEnv, "", "--token", e.fake.APIKey(), "--base-url", e.url, "--json", "movie", "550")
	after := runWith(t, noEnv, "", "movie", "550", "--json", "--base-url", e.url, "--token", e.fake.APIKey())
	require.Equal(t, exitOK, before.code, before.stderr)
	require.Equal(t, exitOK, after.code, after.stderr)
	assert.Equal(t, before.stdout, after.stdout)
	assert.Contains(t, before.stdout, `"title": "Fight Club"`)
}

func TestFlagsOverrideTheEnvironment(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	e.vars[envToken] = "ffffffffffffffffffffffffffffffff"
	r := e.run(t, "", "popular")
	assert.Equal(t, exitAuth, r.code, "the wrong key from the environment is used")
	r = e.run(t, "", "popular", "--token", e.fake.APIKey())
	assert.Equal(t, exitOK, r.code, r.stderr)
}

func TestHelpWarnsAboutSecretsOnTheCommandLine(t *testing.T) {
	t.Parallel()
	r := runWith(t, noEnv, "", "help")
	require.Equal(t, exitOK, r.code)
	for _, want := range []string{
		"prefer TMDB_TOKEN / TMDB_SESSION_ID", "a value of - reads",
		"codes 36, 38, 39, 45", "interrupted",
	} {
		assert.Contains(t, r.stdout, want)
	}
}
