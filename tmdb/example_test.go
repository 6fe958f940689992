package tmdb_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// The examples run against the in-memory fake TMDB on loopback; with a
// real credential, drop WithBaseURL and they talk to TMDB.

// A v3 API key (32 characters) goes out as the api_key query parameter.
func ExampleNew_apiKey() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()

	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := c.Movies.Details(context.Background(), 550)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.AuthMode(), m.Title, m.ReleaseDate.Year())
	// Output: api_key Fight Club 1999
}

// A v4 Read Access Token (longer than 50 characters) goes out as
// "Authorization: Bearer".
func ExampleNew_accessToken() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()

	c, err := tmdb.New(fake.AccessToken(), tmdb.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	if _, err := c.Authentication.ValidateKey(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.AuthMode(), "accepted")
	// Output: bearer accepted
}

// The 3-legged flow: request token, approval by the user, session,
// user-context calls, logout.
func ExampleAuthenticationService_CreateSession() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	ctx := context.Background()
	c, _ := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))

	tok, err := c.Authentication.CreateRequestToken(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	url := c.Authentication.AuthorizeURL(tok.RequestToken, "")
	fmt.Println(strings.HasPrefix(url, "https://www.themoviedb.org/authenticate/"))

	_ = fake.Approve(tok.RequestToken) // the user clicks "Approve" on that page

	if _, err := c.Authentication.CreateSession(ctx, tok.RequestToken); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("session set:", c.SessionID() != "")

	if _, err := c.Movies.Rate(ctx, 550, 8.5); err != nil {
		fmt.Println(err)
		return
	}
	states, _ := c.Movies.AccountStates(ctx, 550)
	fmt.Println("rated:", states.Rated)

	if err := c.Authentication.DeleteSession(ctx); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("session set:", c.SessionID() != "")
	// Output:
	// true
	// session set: true
	// rated: 8.5
	// session set: false
}

// Errors are typed: errors.As finds the kind, and every failure is also an
// *APIError with TMDB's status_code and status_message.
func ExampleNotFoundError() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, _ := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))

	_, err := c.Movies.Details(context.Background(), 999999999)
	var nf *tmdb.NotFoundError
	if errors.As(err, &nf) {
		fmt.Println("not found:", nf.HTTPStatus, nf.Code, nf.Message)
	}
	fmt.Println(errors.Is(err, tmdb.ErrNotFound))
	// Output:
	// not found: 404 34 The resource you requested could not be found.
	// true
}

// A revoked or unknown session is an *AuthenticationError.
func ExampleAuthenticationError() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, _ := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL), tmdb.WithSessionID("0000000000000000000000000000000000000000"))

	_, err := c.Account.Details(context.Background())
	var authErr *tmdb.AuthenticationError
	fmt.Println(errors.As(err, &authErr), authErr.HTTPStatus)
	// Output: true 401
}
