package tmdb_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// TestSessionFlow walks TMDB's 3-legged flow as a user of the client
// does, in both credential modes, and checks what happens to a revoked
// session, an unapproved token and an expired one.
func TestSessionFlow(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"api key", "access token"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			clock := fakeapi.NewClock(time.Now())
			fake, url := startFakeWith(t, fakeapi.WithClock(clock))
			cred := fake.APIKey()
			if mode == "access token" {
				cred = fake.AccessToken()
			}
			c, err := tmdb.New(cred, tmdb.WithBaseURL(url))
			require.NoError(t, err)
			want := tmdb.AuthAPIKey
			if mode == "access token" {
				want = tmdb.AuthAccessToken
			}
			require.Equal(t, want, c.AuthMode(), "detected by length")
			ctx := t.Context()

			// 1. a request token and its expiry
			tok, err := c.Authentication.CreateRequestToken(ctx)
			require.NoError(t, err)
			assert.True(t, tok.ExpiresAt.Time().After(clock.Now()))

			// 2. the approval URL; the fake plays the user clicking Approve
			assert.Equal(t, "https://www.themoviedb.org/authenticate/"+tok.RequestToken,
				c.Authentication.AuthorizeURL(tok.RequestToken, ""))
			assert.Equal(t, "https://www.themoviedb.org/authenticate/"+tok.RequestToken+"?redirect_to=https%3A%2F%2Fapp.example%2Fdone",
				c.Authentication.AuthorizeURL(tok.RequestToken, "https://app.example/done"))

			_, err = c.Authentication.CreateSession(ctx, tok.RequestToken)
			var authErr *tmdb.AuthenticationError
			require.ErrorAs(t, err, &authErr, "an unapproved token is refused")
			assert.Empty(t, c.SessionID())
			require.NoError(t, fake.Approve(tok.RequestToken))

			// 3. the session is created and set on the client
			s, err := c.Authentication.CreateSession(ctx, tok.RequestToken)
			require.NoError(t, err)
			assert.Equal(t, s.SessionID, c.SessionID())
			assert.NotContains(t, c.String(), s.SessionID)

			// 4. the account, whose id is remembered for the sub-resources
			acct, err := c.Account.Details(ctx)
			require.NoError(t, err)
			assert.Equal(t, fake.Account().ID, acct.ID)
			before := fake.Calls("getCurrentAccount")
			_, err = c.Account.WatchlistMovies(ctx)
			require.NoError(t, err)
			assert.Equal(t, before, fake.Calls("getCurrentAccount"), "the account id was not fetched again")

			// 5. logout revokes the session and clears it
			require.NoError(t, c.Authentication.DeleteSession(ctx))
			assert.Empty(t, c.SessionID())
			_, err = c.Account.Details(ctx)
			assert.ErrorIs(t, err, tmdb.ErrNoSession, "nothing is sent without a session")
			_, err = c.Account.Details(ctx, tmdb.WithSession(s.SessionID))
			require.ErrorAs(t, err, &authErr, "the revoked session is refused")
			assert.Equal(t, 401, authErr.HTTPStatus)
			assert.NotContains(t, err.Error(), s.SessionID)

			// a used token cannot be exchanged again, an expired one neither
			_, err = c.Authentication.CreateSession(ctx, tok.RequestToken)
			require.ErrorAs(t, err, &authErr)
			old, err := c.Authentication.CreateRequestToken(ctx)
			require.NoError(t, err)
			require.NoError(t, fake.Approve(old.RequestToken))
			clock.Advance(61 * time.Minute)
			_, err = c.Authentication.CreateSession(ctx, old.RequestToken)
			require.ErrorAs(t, err, &authErr, "an expired token is refused")
		})
	}
}

func TestWrongCredentialIsAnAuthenticationError(t *testing.T) {
	t.Parallel()
	_, url := startFake(t)
	for _, cred := range []string{"0000000000000000000000000000dead", "eyJaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		c, err := tmdb.New(cred, tmdb.WithBaseURL(url))
		require.NoError(t, err)
		_, err = c.Movies.Details(t.Context(), 550)
		var authErr *tmdb.AuthenticationError
		require.ErrorAs(t, err, &authErr)
		assert.Equal(t, 7, authErr.Code)
		assert.True(t, errors.Is(err, tmdb.ErrUnauthorized))
		assert.NotContains(t, err.Error(), cred)
	}
}

func TestGuestSessionRates(t *testing.T) {
	t.Parallel()
	fake, url := startFake(t)
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(url))
	require.NoError(t, err)
	ctx := t.Context()
	g, err := c.Authentication.CreateGuestSession(ctx)
	require.NoError(t, err)
	_, err = c.Movies.Rate(ctx, 550, 9.5) // no user session: goes out as the guest
	require.NoError(t, err)
	p, err := c.GuestSessions.RatedMovies(ctx)
	require.NoError(t, err)
	require.True(t, containsRated(p.Results, 550))
	st, err := c.Movies.AccountStates(ctx, 550, tmdb.AsGuest(g.GuestSessionID))
	require.NoError(t, err)
	v, ok := st.Rated.Value()
	assert.True(t, ok)
	assert.InDelta(t, 9.5, v, 1e-9)
}

func TestUnknownMovieIsNotFound(t *testing.T) {
	t.Parallel()
	fake, url := startFake(t)
	c, err := tmdb.New(fake.AccessToken(), tmdb.WithBaseURL(url))
	require.NoError(t, err)
	_, err = c.Movies.Details(t.Context(), 999999999)
	var nf *tmdb.NotFoundError
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, 34, nf.Code)
	var apiErr *tmdb.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.HTTPStatus)
}

func TestDeleteUnknownSessionClearsIt(t *testing.T) {
	t.Parallel()
	fake, url := startFake(t)
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(url), tmdb.WithSessionID("0000000000000000000000000000000000000000"))
	require.NoError(t, err)
	err = c.Authentication.DeleteSession(t.Context())
	var nf *tmdb.NotFoundError
	require.ErrorAs(t, err, &nf, "TMDB does not know it")
	assert.Empty(t, c.SessionID(), "a session TMDB does not know is of no use")
}

func TestAccountIDIsFetchedOnceForManyGoroutines(t *testing.T) {
	t.Parallel()
	fake, url := startFake(t)
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(url), tmdb.WithRateLimit(0, 0))
	require.NoError(t, err)
	tok, err := c.Authentication.CreateRequestToken(t.Context())
	require.NoError(t, err)
	require.NoError(t, fake.Approve(tok.RequestToken))
	_, err = c.Authentication.CreateSession(t.Context(), tok.RequestToken)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			_, err := c.Account.WatchlistMovies(t.Context())
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.Equal(t, 1, fake.Calls("getCurrentAccount"))
}

func TestDeleteSessionWhoseAnswerWasLostSucceeds(t *testing.T) {
	t.Parallel()
	fake, url := startFake(t)
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(url),
		tmdb.WithRetry(tmdb.RetryPolicy{MaxRetries: 2, BaseDelay: time.Millisecond}))
	require.NoError(t, err)
	tok, err := c.Authentication.CreateRequestToken(t.Context())
	require.NoError(t, err)
	require.NoError(t, fake.Approve(tok.RequestToken))
	_, err = c.Authentication.CreateSession(t.Context(), tok.RequestToken)
	require.NoError(t, err)

	// TMDB deletes the session, but the answer breaks on the way back; the
	// retry then hears that the session is unknown.
	fake.InjectFault(fakeapi.Fault{Operation: "deleteSession", Kind: fakeapi.Truncated})
	require.NoError(t, c.Authentication.DeleteSession(t.Context()))
	assert.Empty(t, c.SessionID())
	assert.Equal(t, 2, fake.Calls("deleteSession"))
}
