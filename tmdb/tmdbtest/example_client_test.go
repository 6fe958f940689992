package tmdbtest_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
	"github.com/tmdbfusion/tmdbfusion/tmdb/tmdbtest"
)

// rateAndCheck stands for the code under test: it rates a movie for the
// logged-in user and reads the rating back.
func rateAndCheck(ctx context.Context, c *tmdb.Client, movieID int64, value float64) (float64, error) {
	if _, err := c.Movies.Rate(ctx, movieID, value); err != nil {
		return 0, err
	}
	states, err := c.Movies.AccountStates(ctx, movieID)
	if err != nil {
		return 0, err
	}
	v, _ := states.Rated.Value()
	return v, nil
}

// A test of your own code: start the fake, point a client at it, log in
// (the fake plays the user approving the request token), run the code.
func Example_testingYourCode() {
	srv := tmdbtest.NewServer(t) // in a real test, t is the test's *testing.T
	defer srv.Close()            // a real test can leave this to t.Cleanup
	ctx := context.Background()

	c, err := tmdb.New(srv.APIKey, tmdb.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	tok, err := c.Authentication.CreateRequestToken(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	srv.Approve(tok.RequestToken)
	if _, err := c.Authentication.CreateSession(ctx, tok.RequestToken); err != nil {
		fmt.Println(err)
		return
	}

	got, err := rateAndCheck(ctx, c, 550, 8.5)
	fmt.Println(got, err)
	fmt.Println("ratings sent:", srv.Calls("addMovieRating"))

	// Faults are injected per operation, for testing your error handling.
	srv.InjectFault(tmdbtest.Fault{Operation: "getMovieDetails", Kind: tmdbtest.ServerError, Status: 503, Count: 10})
	c2, _ := tmdb.New(srv.APIKey, tmdb.WithBaseURL(srv.URL), tmdb.WithMaxRetries(0))
	_, err = c2.Movies.Details(ctx, 550)
	var se *tmdb.ServerError
	fmt.Println(errors.As(err, &se), se.HTTPStatus)
	// Output:
	// 8.5 <nil>
	// ratings sent: 1
	// true 503
}
