package tmdb

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// concurrentGoroutines is how many goroutines share the client.
const concurrentGoroutines = 64

// TestConcurrentSharedClient has 64 goroutines share one client, its
// limiter, connection pool and session: movie reads, user-context reads
// and writes on a movie of each goroutine's own, request tokens, and reads
// and writes of the session itself. Run with -race; every call must
// succeed.
func TestConcurrentSharedClient(t *testing.T) {
	t.Parallel()
	env := startResilienceFake(t)
	c := env.client(t, WithRateLimit(500, 50))
	session := env.login(t, c)
	ids := env.fake.MovieIDs()
	require.GreaterOrEqual(t, len(ids), concurrentGoroutines, "a movie for each goroutine")
	account := env.fake.Account()

	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	fail := func(g int, what string, err error) {
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, fmt.Errorf("goroutine %d, %s: %w", g, what, err))
	}
	for g := range concurrentGoroutines {
		id := ids[g]
		wg.Go(func() {
			ctx := t.Context()
			steps := []struct {
				what string
				run  func(context.Context) error
			}{
				{"Movies.Details", func(ctx context.Context) error {
					m, err := c.Movies.Details(ctx, id)
					if err == nil && m.ID != id {
						err = fmt.Errorf("got movie %d", m.ID)
					}
					return err
				}},
				{"Movies.Credits", func(ctx context.Context) error { _, err := c.Movies.Credits(ctx, id); return err }},
				{"Movies.Popular", func(ctx context.Context) error { _, err := c.Movies.Popular(ctx, Page(g%3+1)); return err }},
				{"Account.Details", func(ctx context.Context) error {
					a, err := c.Account.Details(ctx)
					if err == nil && a.ID != account.ID {
						err = fmt.Errorf("got account %d", a.ID)
					}
					return err
				}},
				{"Account.ID", func(ctx context.Context) error {
					got, err := c.Account.ID(ctx)
					if err == nil && got != account.ID {
						err = fmt.Errorf("got account id %d", got)
					}
					return err
				}},
				{"Movies.Rate", func(ctx context.Context) error { _, err := c.Movies.Rate(ctx, id, float64(g%20+1)/2); return err }},
				{"Movies.AccountStates", func(ctx context.Context) error {
					st, err := c.Movies.AccountStates(ctx, id)
					if err == nil && !st.Rated.IsRated() {
						err = fmt.Errorf("movie %d is not rated after Rate", id)
					}
					return err
				}},
				{"Movies.DeleteRating", func(ctx context.Context) error { _, err := c.Movies.DeleteRating(ctx, id); return err }},
				{"session", func(context.Context) error {
					if got := c.SessionID(); got != session {
						return fmt.Errorf("SessionID() = %q", got)
					}
					_ = c.String()
					return c.SetSessionID(session)
				}},
			}
			if g%8 == 0 {
				steps = append(steps, struct {
					what string
					run  func(context.Context) error
				}{"request token", func(ctx context.Context) error {
					tok, err := c.Authentication.CreateRequestToken(ctx)
					if err != nil {
						return err
					}
					return env.fake.Approve(tok.RequestToken)
				}})
			}
			for _, s := range steps {
				if err := s.run(ctx); err != nil {
					fail(g, s.what, err)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	for op, want := range map[string]int{
		"getMovieDetails": concurrentGoroutines, "getMovieCredits": concurrentGoroutines,
		"addMovieRating": concurrentGoroutines, "deleteMovieRating": concurrentGoroutines,
		"getMovieAccountStates": concurrentGoroutines,
	} {
		assert.Equal(t, want, env.fake.Calls(op), op)
	}
	assert.Equal(t, session, c.SessionID())
}
