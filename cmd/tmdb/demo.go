package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// demoMovie is the movie the demo reads and rates: Fight Club, complete in
// the fake's catalogue.
const (
	demoMovie  = 550
	demoRating = 8.5
)

// demoCommand is "tmdb demo": the whole story of the library against an
// embedded fake, with nothing sent beyond loopback.
func demoCommand() command {
	return command{
		name:    "demo",
		summary: "walk through login, reading, rating and logout against a built-in fake",
		group:   groupTry,
		help: `Starts the in-memory fake TMDB on 127.0.0.1 and walks through what the
library does, printing each step: a request token, its approval, a
session, the account, a movie with its credits, rating it, reading the
rating back, deleting it, deleting the session, and the error a revoked
session then gets. Needs no credential and sends nothing beyond loopback.`,
		setup: func(*flag.FlagSet) runFunc { return runDemo },
	}
}

// demo is one run of the demo story.
type demo struct {
	out  io.Writer
	fake *fakeapi.Server
	c    *tmdb.Client
	step int
}

// runDemo runs "tmdb demo".
func runDemo(ctx context.Context, a *app, args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	fake := fakeapi.New()
	srv, err := serveFake("127.0.0.1:0", fake)
	if err != nil {
		return err
	}
	defer func() { _ = srv.close() }()
	a.remember(fake.APIKey(), fake.AccessToken())
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.url))
	if err != nil {
		return err
	}
	d := &demo{out: a.stdout, fake: fake, c: c}
	fmt.Fprintf(d.out, "tmdb demo: a fake TMDB runs on %s; nothing leaves loopback.\n", srv.url)
	fmt.Fprintf(d.out, "Client: tmdb.New(apiKey, tmdb.WithBaseURL(%q)), auth: %s\n\n", srv.url, c.AuthMode())
	if err := d.story(ctx, a); err != nil {
		return err
	}
	fmt.Fprintln(d.out, "\nDemo complete.")
	return nil
}

// say prints a numbered step.
func (d *demo) say(format string, args ...any) {
	d.step++
	fmt.Fprintf(d.out, "%2d. %s\n", d.step, fmt.Sprintf(format, args...))
}

// more prints a line under the current step.
func (d *demo) more(format string, args ...any) {
	fmt.Fprintf(d.out, "    %s\n", fmt.Sprintf(format, args...))
}

// story runs the steps in order and stops at the first failure.
func (d *demo) story(ctx context.Context, a *app) error {
	c := d.c

	tok, err := c.Authentication.CreateRequestToken(ctx)
	if err != nil {
		return err
	}
	d.say("Request token created, valid until %s.", tok.ExpiresAt)

	d.say("The user approves it at the authorization URL:")
	d.more("%s", c.Authentication.AuthorizeURL(tok.RequestToken, ""))

	if err := d.fake.Approve(tok.RequestToken); err != nil {
		return fmt.Errorf("approving the request token: %w", err)
	}
	d.say("Approved (the fake plays the user clicking Approve).")

	sess, err := c.Authentication.CreateSession(ctx, tok.RequestToken)
	if err != nil {
		return err
	}
	revoked := sess.SessionID
	a.remember(revoked)
	d.say("Session created (id hidden) and set on the client.")

	acct, err := c.Account.Details(ctx)
	if err != nil {
		return err
	}
	d.say("Account: id %d, username %q.", acct.ID, acct.Username)

	m, err := c.Movies.Details(ctx, demoMovie, tmdb.Append(tmdb.AppendCredits))
	if err != nil {
		return err
	}
	length := "unknown runtime"
	if m.Runtime != nil {
		length = strconv.Itoa(*m.Runtime) + " min"
	}
	d.say("Movie %d with credits appended, in one request: %s, %s.", m.ID, titleYear(m.Title, m.ReleaseDate), length)
	d.more("Top cast: %s.", strings.Join(topCast(m.Credits, 3), "; "))

	if _, err := c.Movies.Rate(ctx, demoMovie, demoRating); err != nil {
		return err
	}
	d.say("Rated movie %d: %s.", demoMovie, strconv.FormatFloat(demoRating, 'f', -1, 64))

	st, err := c.Movies.AccountStates(ctx, demoMovie)
	if err != nil {
		return err
	}
	d.say("Account states of movie %d: rated: %s, favorite: %s, watchlist: %s.", demoMovie, st.Rated, yesNo(st.Favorite), yesNo(st.Watchlist))

	if _, err := c.Movies.DeleteRating(ctx, demoMovie); err != nil {
		return err
	}
	st, err = c.Movies.AccountStates(ctx, demoMovie)
	if err != nil {
		return err
	}
	d.say("Rating deleted; account states now say rated: %s.", st.Rated)

	if err := c.Authentication.DeleteSession(ctx); err != nil {
		return err
	}
	d.say("Session deleted at TMDB and cleared from the client (session set: %s).", yesNo(c.SessionID() != ""))

	_, err = c.Account.Details(ctx, tmdb.WithSession(revoked))
	var authErr *tmdb.AuthenticationError
	if !errors.As(err, &authErr) {
		return fmt.Errorf("a call with the revoked session should fail with an authentication error, got %v", err)
	}
	line, code := describe(err, a.secrets...)
	d.say("A call with the revoked session fails, as a user of this command would see it:")
	d.more("%s", line)
	d.more("(the error is a *tmdb.AuthenticationError; for it this command exits with %d)", code)
	return nil
}
