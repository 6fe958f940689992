package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// binaryRun runs the built command as a user would.
type binaryRun struct {
	path string
}

// buildBinary compiles the command into a temporary folder.
func buildBinary(t *testing.T) binaryRun {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH; the end-to-end tests build the binary with it")
	}
	exe := "tmdb"
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	path := filepath.Join(t.TempDir(), exe)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, gobin, "build", "-o", path, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return binaryRun{path: path}
}

// environ renders the test environment as the process's whole
// environment, so nothing of the developer's leaks in.
func (e *testEnv) environ() []string {
	var env []string
	for k, v := range e.vars {
		env = append(env, k+"="+v)
	}
	if runtime.GOOS == "windows" {
		env = append(env, "SystemRoot="+os.Getenv("SystemRoot"))
	}
	return env
}

// command prepares a run of the binary in the environment.
func (b binaryRun) command(ctx context.Context, e *testEnv, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, b.path, args...)
	cmd.Env = e.environ()
	cmd.Dir = e.home
	return cmd
}

// run runs the binary to completion.
func (b binaryRun) run(t *testing.T, e *testEnv, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := b.command(ctx, e, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)

	t.Run("demo", func(t *testing.T) {
		e := newTestEnv(t)
		r := bin.run(t, e, "", "demo")
		require.Equal(t, exitOK, r.code, r.stderr)
		assertDemoOutput(t, r.stdout)
		assert.Empty(t, r.stderr)
	})

	t.Run("help and usage", func(t *testing.T) {
		e := newTestEnv(t)
		r := bin.run(t, e, "", "--help")
		assert.Equal(t, exitOK, r.code)
		assert.Contains(t, r.stdout, "Exit codes")
		r = bin.run(t, e, "")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "Usage:")
		r = bin.run(t, e, "", "frobnicate")
		assert.Equal(t, exitUsage, r.code)
		assertOneLine(t, r.stderr)
	})

	t.Run("login, account, logout", func(t *testing.T) {
		e := newTestEnv(t) // tokens wait for the user's approval
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := bin.command(ctx, e, "login")
		stdin, err := cmd.StdinPipe()
		require.NoError(t, err)
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())

		approvalURL := regexp.MustCompile(`https://www\.themoviedb\.org/authenticate/([0-9a-f]+)`)
		lines := bufio.NewScanner(stdout)
		var out strings.Builder
		token := ""
		for token == "" && lines.Scan() {
			out.WriteString(lines.Text() + "\n")
			if m := approvalURL.FindStringSubmatch(lines.Text()); m != nil {
				token = m[1]
			}
		}
		require.NotEmpty(t, token, "no approval URL in:\n%s", out.String())
		require.NoError(t, e.fake.Approve(token))
		_, err = io.WriteString(stdin, "\n")
		require.NoError(t, err)
		require.NoError(t, stdin.Close())
		for lines.Scan() {
			out.WriteString(lines.Text() + "\n")
		}
		require.NoError(t, cmd.Wait(), "stderr: %s", stderr.String())
		assert.Contains(t, out.String(), "Approve it in your browser, then press Enter")
		assert.Contains(t, out.String(), "Logged in as "+e.fake.Account().Username)

		path := e.sessionFile(t)
		fi, err := os.Stat(path)
		require.NoError(t, err)
		di, err := os.Stat(filepath.Dir(path))
		require.NoError(t, err)
		if runtime.GOOS != "windows" {
			assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
			assert.Equal(t, os.FileMode(0o700), di.Mode().Perm())
		}
		session, err := readSession(path)
		require.NoError(t, err)
		require.NotEmpty(t, session)
		secrets := []string{session, e.fake.APIKey(), e.fake.AccessToken()}
		assertNoSecrets(t, out.String()+stderr.String(), secrets...)

		r := bin.run(t, e, "", "account", "--json")
		require.Equal(t, exitOK, r.code, r.stderr)
		var acct tmdb.Account
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &acct), r.stdout)
		assert.Equal(t, e.fake.Account().ID, acct.ID)

		r = bin.run(t, e, "", "rate", "550", "8.5")
		require.Equal(t, exitOK, r.code, r.stderr)
		r = bin.run(t, e, "", "states", "550", "--json")
		require.Equal(t, exitOK, r.code, r.stderr)
		var st tmdb.AccountStates
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &st))
		v, _ := st.Rated.Value()
		assert.InDelta(t, 8.5, v, 1e-9)

		// Failures with the session never print it.
		r = bin.run(t, e, "", "states", "999999999")
		assert.Equal(t, exitNotFound, r.code)
		assertOneLine(t, r.stderr)
		assertNoSecrets(t, r.stderr, secrets...)
		r = bin.run(t, e, "", "account", "--session", session+"0")
		assert.Equal(t, exitAuth, r.code)
		assertOneLine(t, r.stderr)
		assertNoSecrets(t, r.stderr, append(secrets, session+"0")...)

		r = bin.run(t, e, "", "logout")
		require.Equal(t, exitOK, r.code, r.stderr)
		assert.NoFileExists(t, path)
		assertNoSecrets(t, r.stdout+r.stderr, secrets...)

		r = bin.run(t, e, "", "account", "--session", session)
		assert.Equal(t, exitAuth, r.code, "the session is revoked")
		assert.Contains(t, r.stderr, "tmdb: authentication failed: HTTP 401, TMDB code 3")
		assertNoSecrets(t, r.stderr, secrets...)
	})

	t.Run("json output decodes", func(t *testing.T) {
		e := newTestEnv(t)
		r := bin.run(t, e, "", "movie", "550", "--append", "credits", "--json")
		require.Equal(t, exitOK, r.code, r.stderr)
		var m tmdb.MovieDetails
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &m))
		assert.Equal(t, "Fight Club", m.Title)
		require.NotNil(t, m.Credits)
		assert.NotEmpty(t, m.Credits.Cast)

		r = bin.run(t, e, "", "--json", "popular")
		require.Equal(t, exitOK, r.code, r.stderr)
		var p tmdb.MoviePage
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &p))
		assert.Equal(t, 1, p.Page)
		assert.NotEmpty(t, p.Results)

		e.vars[envToken] = e.fake.AccessToken()
		r = bin.run(t, e, "", "search", "fight club", "--json")
		require.Equal(t, exitOK, r.code, r.stderr)
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &p))
		assert.Equal(t, int64(550), p.Results[0].ID)
		assert.Empty(t, r.stderr, "no progress output when stderr is not a terminal")
	})

	t.Run("exit codes", func(t *testing.T) {
		e := newTestEnv(t)
		var stderrs strings.Builder
		run := func(env *testEnv, args ...string) result {
			r := bin.run(t, env, "", args...)
			stderrs.WriteString(r.stderr)
			return r
		}

		r := run(e, "movie")
		assert.Equal(t, exitUsage, r.code)
		assertOneLine(t, r.stderr)

		noToken := newTestEnv(t)
		delete(noToken.vars, envToken)
		r = run(noToken, "movie", "550")
		assert.Equal(t, exitUsage, r.code)
		assert.Contains(t, r.stderr, "set TMDB_TOKEN or pass --token")

		wrong := newTestEnv(t)
		wrong.vars[envToken] = "0123456789abcdef0123456789abcdef"
		wrong.vars[envBaseURL] = e.url
		r = run(wrong, "movie", "550")
		assert.Equal(t, exitAuth, r.code)
		assertOneLine(t, r.stderr)
		assert.Contains(t, r.stderr, "tmdb: authentication failed: HTTP 401, TMDB code 7")
		assertNoSecrets(t, r.stderr, "0123456789abcdef0123456789abcdef")

		e.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.HTMLError, Status: 403})
		r = run(e, "movie", "550")
		assert.Equal(t, exitForbidden, r.code)
		assertOneLine(t, r.stderr)
		assert.Contains(t, r.stderr, "tmdb: not allowed: HTTP 403")

		r = run(e, "movie", "999999999")
		assert.Equal(t, exitNotFound, r.code)
		assert.Equal(t, "tmdb: not found: HTTP 404, TMDB code 34: The resource you requested could not be found.\n", r.stderr)

		e.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.RateLimit, Count: 10})
		r = run(e, "--retries", "0", "movie", "550")
		assert.Equal(t, exitRateLimited, r.code)
		assertOneLine(t, r.stderr)
		assert.Contains(t, r.stderr, "tmdb: rate limited: HTTP 429, TMDB code 25")
		e.fake.ClearFaults()

		assertNoSecrets(t, stderrs.String(), e.fake.APIKey(), e.fake.AccessToken())
	})

	t.Run("fake stops on interrupt", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no SIGINT")
		}
		e := newTestEnv(t)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := bin.command(ctx, e, "fake", "--addr", "127.0.0.1:0")
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		lines := bufio.NewScanner(stdout)
		var base, key string
		for (base == "" || key == "") && lines.Scan() {
			if v := field(lines.Text(), "base URL:"); v != "" {
				base = v
			}
			if v := field(lines.Text(), "API key:"); v != "" {
				key = v
			}
		}
		require.NotEmpty(t, base)
		require.NotEmpty(t, key)
		drained := make(chan struct{})
		go func() {
			defer close(drained)
			_, _ = io.Copy(io.Discard, stdout)
		}()

		client := newTestEnv(t)
		client.vars[envToken], client.vars[envBaseURL] = key, base
		r := bin.run(t, client, "", "movie", "550", "--json")
		require.Equal(t, exitOK, r.code, r.stderr)

		require.NoError(t, cmd.Process.Signal(os.Interrupt))
		<-drained
		require.NoError(t, cmd.Wait(), "exit 0 after SIGINT; stderr: %s", stderr.String())
		assert.Contains(t, stderr.String(), "fake TMDB stopped")
	})
}
