package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// loginCommand is "tmdb login": TMDB's 3-legged flow, ending with the
// session stored for the next runs.
func loginCommand() command {
	return command{
		name:    "login",
		summary: "approve access in your browser and store the session",
		group:   groupSession,
		help: `Creates a request token, prints the page where you approve it, waits for
Enter, then exchanges the approved token for a session and stores it in
<config dir>/tmdbfusion/session (mode 0600). Later runs use it when neither
--session nor TMDB_SESSION_ID is set. With --token -, the token is the
first line of the standard input, and Enter is awaited after it.`,
		setup: func(*flag.FlagSet) runFunc { return runLogin },
	}
}

// logoutCommand is "tmdb logout".
func logoutCommand() command {
	return command{
		name:    "logout",
		summary: "delete the session at TMDB and the stored copy",
		group:   groupSession,
		help: `Deletes the session (--session, TMDB_SESSION_ID or the stored one) at TMDB
and removes the stored copy when it holds that session. A session TMDB no
longer knows is removed all the same. With no session at all, it says so
and exits 1.`,
		setup: func(*flag.FlagSet) runFunc { return runLogout },
	}
}

// runLogin runs "tmdb login".
func runLogin(ctx context.Context, a *app, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	path, err := sessionPath(a.getenv)
	if err != nil {
		return err
	}
	c, err := a.client(false)
	if err != nil {
		return err
	}
	tok, err := withProgress(a, "creating a request token", func() (*tmdb.RequestToken, error) {
		return c.Authentication.CreateRequestToken(ctx)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Open this page and approve access:\n\n  %s\n\n", c.Authentication.AuthorizeURL(tok.RequestToken, ""))
	if host := serverHost(c.BaseURL()); host != serverHost(tmdb.DefaultBaseURL) {
		fmt.Fprintf(a.stdout, "The server is %s, not TMDB. If it is 'tmdb fake', the token is approved\nalready, or open %s/authenticate/%s instead.\n\n",
			host, c.BaseURL(), url.PathEscape(tok.RequestToken))
	}
	fmt.Fprintln(a.stdout, "Approve it in your browser, then press Enter.")
	if err := waitForLine(ctx, a.in); err != nil {
		return err
	}
	sess, err := withProgress(a, "creating the session", func() (*tmdb.Session, error) {
		return c.Authentication.CreateSession(ctx, tok.RequestToken)
	})
	if err != nil {
		return err
	}
	a.remember(sess.SessionID)
	if err := writeSession(path, sess.SessionID); err != nil {
		return err
	}
	acct, err := withProgress(a, "fetching the account", func() (*tmdb.Account, error) {
		return c.Account.Details(ctx)
	})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.stdout, "Logged in as %s (account %d). The session is stored in %s.\n", clean(acct.Username), acct.ID, path)
	return err
}

// runLogout runs "tmdb logout".
func runLogout(ctx context.Context, a *app, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	c, err := a.client(false)
	if err != nil {
		return err
	}
	id, src, err := a.sessionID()
	if err != nil {
		return err
	}
	if id == "" {
		return &codedError{msg: "not logged in: no session in --session, " + envSession + " or the stored session", code: exitError}
	}
	if err := c.SetSessionID(id); err != nil {
		return &usageError{msg: trimPrefix(err.Error())}
	}
	_, err = withProgress(a, "deleting the session", func() (struct{}, error) {
		return struct{}{}, c.Authentication.DeleteSession(ctx)
	})
	var notFound *tmdb.NotFoundError
	switch {
	case errors.As(err, &notFound):
		fmt.Fprintln(a.stdout, "TMDB no longer knows the session.")
	case err != nil:
		return err
	default:
		fmt.Fprintln(a.stdout, "Session deleted at TMDB.")
	}
	path, err := sessionPath(a.getenv)
	if err != nil {
		return nil // no configuration directory: nothing stored to remove
	}
	stored, err := readSession(path)
	if err != nil {
		return err
	}
	if stored != id {
		if stored != "" && src != sessionFile {
			fmt.Fprintf(a.stdout, "The stored session in %s is another one; it is kept.\n", path)
		}
		return nil
	}
	if err := removeSession(path); err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.stdout, "Removed the stored session %s.\n", path)
	return err
}

// waitForLine waits until a line (Enter) arrives on r, or ctx ends. Input
// that ends without any line cancels.
func waitForLine(ctx context.Context, r *bufio.Reader) error {
	_, err := readLine(ctx, r)
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("login cancelled: the input ended before Enter was pressed")
	case err != nil && ctx.Err() != nil:
		return err
	case err != nil:
		return fmt.Errorf("reading the input: %w", err)
	}
	return nil
}

// serverHost returns the host of a base URL, lower-cased.
func serverHost(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	return strings.ToLower(u.Host)
}
