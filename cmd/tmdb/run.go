package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// Environment variables the command reads. Flags of the same meaning
// override them.
const (
	envToken   = "TMDB_TOKEN"
	envSession = "TMDB_SESSION_ID"
	envBaseURL = "TMDB_BASE_URL"
)

// app is one run of the command: its streams, its environment and the
// global flags. Nothing about a run lives outside it.
type app struct {
	stdin io.Reader
	// in buffers stdin. Every read of the input goes through it, so that
	// the token line read for "--token -" does not swallow the Enter that
	// "tmdb login" waits for.
	in     *bufio.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	opts   globals

	// secrets are the credential and session ids this run has seen; they
	// are scrubbed from every error line.
	secrets []string
}

// globals are the flags every command accepts, before or after its name.
type globals struct {
	token   string
	session string
	baseURL string
	json    bool
	retries int // -1: the library's default
}

// register adds the global flags to fs. The current values are the
// defaults, so registering on a second flag set keeps what the first one
// parsed.
func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.token, "token", g.token, "API key or read access token; shows in ps and shell history: prefer "+envToken+"; a value of - reads it from standard input")
	fs.StringVar(&g.session, "session", g.session, "session id; shows in ps and shell history: prefer "+envSession+"; a value of - reads it from standard input")
	fs.StringVar(&g.baseURL, "base-url", g.baseURL, "server base URL")
	fs.BoolVar(&g.json, "json", g.json, "print JSON")
	fs.IntVar(&g.retries, "retries", g.retries, "retries of a failed request")
}

// silentExit ends the run with a code after everything was printed.
type silentExit int

func (e silentExit) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// run is the whole command: it parses args, runs the subcommand and
// returns the process exit code. Errors are printed as one line on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdin: stdin, in: bufio.NewReader(stdin), stdout: stdout, stderr: stderr, getenv: getenv, opts: globals{retries: -1}}
	a.remember(getenv(envToken), getenv(envSession))
	err := a.dispatch(ctx, args)
	if err == nil {
		return exitOK
	}
	var silent silentExit
	if errors.As(err, &silent) {
		return int(silent)
	}
	line, code := describe(err, a.secrets...)
	fmt.Fprintln(stderr, line)
	return code
}

// remember adds secrets to scrub from error lines.
func (a *app) remember(secrets ...string) {
	for _, s := range secrets {
		if s = strings.TrimSpace(s); s != "" {
			a.secrets = append(a.secrets, s)
		}
	}
}

// dispatch parses the global flags and the command name, then the
// command's own flags and arguments, and runs it.
func (a *app) dispatch(ctx context.Context, args []string) error {
	top := newFlagSet("tmdb")
	a.opts.register(top)
	if err := top.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeUsage(a.stdout)
			return nil
		}
		return usagef("%v (run 'tmdb help')", err)
	}
	a.remember(a.opts.token, a.opts.session)
	rest := top.Args()
	if len(rest) == 0 {
		writeUsage(a.stderr)
		return silentExit(exitUsage)
	}
	name, rest := rest[0], rest[1:]
	if name == "help" {
		return a.help(rest)
	}
	cmd, ok := findCommand(name)
	if !ok {
		return usagef("unknown command %q (run 'tmdb help' for the list)", name)
	}
	fs := newFlagSet("tmdb " + name)
	a.opts.register(fs)
	runCmd := cmd.setup(fs)
	pos, err := parseInterleaved(fs, rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeCommandUsage(a.stdout, cmd)
			return nil
		}
		return usagef("%s: %v (run 'tmdb help %s')", name, err, name)
	}
	if a.opts.retries < -1 {
		return usagef("--retries: want 0 or more, got %d", a.opts.retries)
	}
	if err := a.readSecrets(ctx); err != nil {
		return err
	}
	a.remember(a.opts.token, a.opts.session)
	if err := runCmd(ctx, a, pos); err != nil {
		var u *usageError
		if errors.As(err, &u) && u.argError {
			return usagef("%s: %s (run 'tmdb help %s')", name, u.msg, name)
		}
		return err
	}
	return nil
}

// help prints the usage, or one command's.
func (a *app) help(args []string) error {
	if len(args) == 0 {
		writeUsage(a.stdout)
		return nil
	}
	cmd, ok := findCommand(args[0])
	if !ok {
		return usagef("unknown command %q (run 'tmdb help' for the list)", args[0])
	}
	writeCommandUsage(a.stdout, cmd)
	return nil
}

// newFlagSet returns a flag set that reports errors to its caller instead
// of printing them.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseInterleaved parses flags found anywhere among args, so that
// "tmdb movie 550 --json" works as well as "tmdb movie --json 550", and
// returns the positional arguments in order. Everything after "--" is
// positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// argError returns a usage error about the command's arguments; dispatch
// adds the command's name and where to find its help.
func argError(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), argError: true}
}

// wantArgs checks the number of positional arguments.
func wantArgs(args []string, n int, what string) error {
	if len(args) != n {
		return argError("want %s, got %d argument%s", what, len(args), plural(len(args)))
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// fromStdin is the value of --token or --session that reads the secret
// from standard input instead of the command line, where other users see
// it in the process list and the shell keeps it in its history.
const fromStdin = "-"

// readSecrets replaces a --token or --session of "-" with a line of
// standard input, spaces trimmed. With both, the token is the first line
// and the session id the second; a command that reads the input itself,
// such as "tmdb login" waiting for Enter, reads the lines after them.
func (a *app) readSecrets(ctx context.Context) error {
	for _, s := range []struct {
		flag, what string
		value      *string
	}{
		{"--token", "token", &a.opts.token},
		{"--session", "session id", &a.opts.session},
	} {
		if strings.TrimSpace(*s.value) != fromStdin {
			continue
		}
		var line string
		var err error
		if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			// Typed at a terminal: not echoed, so it stays off the screen.
			// The terminal is in line mode, so the buffered reader has not
			// read ahead of this line.
			fmt.Fprintf(a.stderr, "%s (for %s -, not shown): ", s.what, s.flag)
			var b []byte
			b, err = term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(a.stderr)
			line = string(b)
		} else {
			line, err = readLine(ctx, a.in)
		}
		switch {
		case errors.Is(err, io.EOF):
			return usagef("%s -: the standard input ended before a line with the %s", s.flag, s.what)
		case err != nil && ctx.Err() != nil:
			return err
		case err != nil:
			return fmt.Errorf("%s -: reading the standard input: %w", s.flag, err)
		}
		if *s.value = strings.TrimSpace(line); *s.value == "" {
			return usagef("%s -: the line read from the standard input is empty; want the %s", s.flag, s.what)
		}
		a.remember(*s.value)
	}
	return nil
}

// readLine reads one line from r, without its line ending, or returns
// ctx's error when ctx ends first; then the read goes on in the background
// and r must not be read again. A last line without a line ending counts;
// io.EOF means the input ended before the line started.
func readLine(ctx context.Context, r *bufio.Reader) (string, error) {
	type result struct {
		line string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		line, err := r.ReadString('\n')
		if err == io.EOF && line != "" {
			err = nil
		}
		got <- result{strings.TrimRight(line, "\r\n"), err}
	}()
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case res := <-got:
		return res.line, res.err
	}
}

// token returns the credential: --token, else $TMDB_TOKEN.
func (a *app) token() string {
	return firstSet(a.opts.token, a.getenv(envToken))
}

// baseURL returns the server: --base-url, else $TMDB_BASE_URL, else "".
func (a *app) baseURL() string {
	return firstSet(a.opts.baseURL, a.getenv(envBaseURL))
}

// client builds a client from the configuration. With needSession, the
// user session (--session, $TMDB_SESSION_ID or the stored one) is set on
// it, and its absence is an error.
func (a *app) client(needSession bool) (*tmdb.Client, error) {
	token := a.token()
	if token == "" {
		return nil, usagef("no TMDB credential: set %s or pass --token (a v3 API key or a v4 read access token)", envToken)
	}
	a.remember(token)
	opts := []tmdb.Option{tmdb.WithUserAgent("tmdbfusion-cli/" + tmdb.Version)}
	if base := a.baseURL(); base != "" {
		opts = append(opts, tmdb.WithBaseURL(base))
	}
	if a.opts.retries >= 0 {
		opts = append(opts, tmdb.WithMaxRetries(a.opts.retries))
	}
	c, err := tmdb.New(token, opts...)
	if err != nil {
		return nil, &usageError{msg: trimPrefix(err.Error())}
	}
	if !needSession {
		return c, nil
	}
	id, _, err := a.sessionID()
	if err != nil {
		return nil, err
	}
	if id == "" {
		return nil, tmdb.ErrNoSession
	}
	if err := c.SetSessionID(id); err != nil {
		return nil, &usageError{msg: trimPrefix(err.Error())}
	}
	return c, nil
}

// sessionSource says where a session id came from.
type sessionSource int

const (
	sessionNone sessionSource = iota
	sessionFlag
	sessionEnv
	sessionFile
)

// sessionID returns the user session: --session, else $TMDB_SESSION_ID,
// else the one stored by "tmdb login", else "".
func (a *app) sessionID() (string, sessionSource, error) {
	if s := strings.TrimSpace(a.opts.session); s != "" {
		return s, sessionFlag, nil
	}
	if s := strings.TrimSpace(a.getenv(envSession)); s != "" {
		return s, sessionEnv, nil
	}
	path, err := sessionPath(a.getenv)
	if err != nil {
		return "", sessionNone, nil // no config dir: no stored session
	}
	s, err := readSession(path)
	if err != nil {
		return "", sessionNone, err
	}
	if s == "" {
		return "", sessionNone, nil
	}
	a.remember(s)
	return s, sessionFile, nil
}

// firstSet returns the first value that is not blank, trimmed.
func firstSet(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
