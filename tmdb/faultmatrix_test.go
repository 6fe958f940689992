package tmdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// faultCall is the call a fault-matrix row makes: a read (GET) or a write
// (POST, with a user session).
type faultCall struct {
	name      string
	operation string
	session   bool
	call      func(ctx context.Context, c *Client) error
}

var (
	faultRead = faultCall{name: "GET Movies.Details", operation: "getMovieDetails", call: func(ctx context.Context, c *Client) error {
		m, err := c.Movies.Details(ctx, 550)
		if err == nil && m.Title != "Fight Club" {
			return fmt.Errorf("got movie %q", m.Title)
		}
		return err
	}}
	faultWrite = faultCall{name: "POST Movies.Rate", operation: "addMovieRating", session: true, call: func(ctx context.Context, c *Client) error {
		r, err := c.Movies.Rate(ctx, 550, 8.5)
		if err == nil && !r.Success {
			return fmt.Errorf("rating answered %+v", r)
		}
		return err
	}}
)

// faultOutcome is what one call must end with under a fault that hits
// every attempt.
type faultOutcome struct {
	attempts int
	check    func(t *testing.T, err error)
}

// faultRow is one fault and what it must do to a read and to a write.
type faultRow struct {
	name    string
	fault   fakeapi.Fault // Count is set by the test
	timeout time.Duration // per attempt; 0 keeps the default
	// wait is the least the retries of the row must take in all.
	waitPerRetry time.Duration
	read, write  faultOutcome
}

func rateLimited(retryAfter time.Duration) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var rl *RateLimitError
		require.ErrorAs(t, err, &rl)
		assert.Equal(t, http.StatusTooManyRequests, rl.HTTPStatus)
		assert.Equal(t, 25, rl.Code)
		assert.Equal(t, retryAfter, rl.RetryAfter)
		assert.ErrorIs(t, err, ErrRateLimited)
	}
}

func serverError(status, code int, retryAfter time.Duration) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var se *ServerError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, status, se.HTTPStatus)
		assert.Equal(t, code, se.Code)
		assert.Equal(t, retryAfter, se.RetryAfter)
		assert.ErrorIs(t, err, ErrServer)
	}
}

func htmlServerError(status int) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		serverError(status, 0, 0)(t, err)
		var se *ServerError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, fmt.Sprintf("%d %s", status, http.StatusText(status)), se.Message, "the page's title")
	}
}

func decodeError(t *testing.T, err error) {
	t.Helper()
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, http.StatusOK, de.HTTPStatus)
	var apiErr *APIError
	var te *TransportError
	assert.False(t, errors.As(err, &apiErr) || errors.As(err, &te), "a decoding failure is neither an API nor a transport error: %v", err)
}

func transportError(target error) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var te *TransportError
		require.ErrorAs(t, err, &te)
		if target != nil {
			assert.ErrorIs(t, err, target)
		}
		assert.NotErrorIs(t, err, context.Canceled)
	}
}

// faultRows is the fault matrix. With fastRetry a retried call makes 3
// attempts; 429 is retried for every method, 5xx and broken connections
// only for the read, and bodies that do not decode never.
var faultRows = []faultRow{
	{
		name:         "429 Retry-After 1",
		fault:        fakeapi.Fault{Kind: fakeapi.RateLimit, RetryAfter: "1"},
		waitPerRetry: time.Second,
		read:         faultOutcome{3, rateLimited(time.Second)},
		write:        faultOutcome{3, rateLimited(time.Second)},
	},
	{
		name:  "429 without Retry-After",
		fault: fakeapi.Fault{Kind: fakeapi.RateLimit},
		read:  faultOutcome{3, rateLimited(0)},
		write: faultOutcome{3, rateLimited(0)},
	},
	{
		name:  "429 Retry-After 0",
		fault: fakeapi.Fault{Kind: fakeapi.RateLimit, RetryAfter: "0"},
		read:  faultOutcome{3, rateLimited(0)},
		write: faultOutcome{3, rateLimited(0)},
	},
	{
		name:  "500",
		fault: fakeapi.Fault{Kind: fakeapi.ServerError, Status: 500},
		read:  faultOutcome{3, serverError(500, 11, 0)},
		write: faultOutcome{1, serverError(500, 11, 0)},
	},
	{
		name:  "502",
		fault: fakeapi.Fault{Kind: fakeapi.ServerError, Status: 502},
		read:  faultOutcome{3, serverError(502, 43, 0)},
		write: faultOutcome{1, serverError(502, 43, 0)},
	},
	{
		name:  "503 without Retry-After",
		fault: fakeapi.Fault{Kind: fakeapi.ServerError, Status: 503},
		read:  faultOutcome{3, serverError(503, 9, 0)},
		write: faultOutcome{1, serverError(503, 9, 0)},
	},
	{
		name:         "503 Retry-After 1",
		fault:        fakeapi.Fault{Kind: fakeapi.ServerError, Status: 503, RetryAfter: "1"},
		waitPerRetry: time.Second,
		read:         faultOutcome{3, serverError(503, 9, time.Second)},
		write:        faultOutcome{1, serverError(503, 9, time.Second)},
	},
	{
		name:  "504",
		fault: fakeapi.Fault{Kind: fakeapi.ServerError, Status: 504},
		read:  faultOutcome{3, serverError(504, 24, 0)},
		write: faultOutcome{1, serverError(504, 24, 0)},
	},
	{
		name:  "502 HTML page",
		fault: fakeapi.Fault{Kind: fakeapi.HTMLError},
		read:  faultOutcome{3, htmlServerError(502)},
		write: faultOutcome{1, htmlServerError(502)},
	},
	{
		name:  "200 HTML page",
		fault: fakeapi.Fault{Kind: fakeapi.HTMLError, Status: 200},
		read:  faultOutcome{1, decodeError},
		write: faultOutcome{1, decodeError},
	},
	{
		name:  "200 empty body",
		fault: fakeapi.Fault{Kind: fakeapi.EmptyBody},
		read:  faultOutcome{1, decodeError},
		write: faultOutcome{1, decodeError},
	},
	{
		name:  "502 empty body",
		fault: fakeapi.Fault{Kind: fakeapi.EmptyBody, Status: 502},
		read:  faultOutcome{3, serverError(502, 0, 0)},
		write: faultOutcome{1, serverError(502, 0, 0)},
	},
	{
		name:  "200 malformed JSON",
		fault: fakeapi.Fault{Kind: fakeapi.Malformed},
		read:  faultOutcome{1, decodeError},
		write: faultOutcome{1, decodeError},
	},
	{
		name:  "200 truncated JSON, connection closed",
		fault: fakeapi.Fault{Kind: fakeapi.Truncated},
		read:  faultOutcome{3, transportError(io.ErrUnexpectedEOF)},
		write: faultOutcome{1, transportError(io.ErrUnexpectedEOF)},
	},
	{
		name:    "body stalls past the attempt timeout",
		fault:   fakeapi.Fault{Kind: fakeapi.SlowBody, Delay: 2 * time.Second},
		timeout: 200 * time.Millisecond,
		read:    faultOutcome{3, transportError(context.DeadlineExceeded)},
		write:   faultOutcome{1, transportError(context.DeadlineExceeded)},
	},
	{
		name:  "connection dropped",
		fault: fakeapi.Fault{Kind: fakeapi.Drop},
		read:  faultOutcome{3, transportError(nil)},
		write: faultOutcome{1, transportError(nil)},
	},
}

// faultClient starts a fake and a client of it for call, logged in when
// the call needs a session, with no idle connection left: the first
// attempt of the call opens a fresh one, so that the transport's own
// replay of a request on a reused connection cannot add calls.
func faultClient(t *testing.T, call faultCall, opts ...Option) (*fakeEnv, *Client) {
	t.Helper()
	env := startResilienceFake(t)
	c := env.client(t, append([]Option{WithRetry(fastRetry), WithRateLimit(0, 0)}, opts...)...)
	if call.session {
		env.login(t, c)
	}
	closeIdleConnections(c)
	return env, c
}

// assertNoSecret checks that err shows neither the API key nor the session.
func assertNoSecret(t *testing.T, err error, env *fakeEnv, c *Client) {
	t.Helper()
	text := fmt.Sprintf("%v %+v", err, err)
	assert.NotContains(t, text, env.fake.APIKey())
	if s := c.SessionID(); s != "" {
		assert.NotContains(t, text, s)
	}
}

// TestFaultMatrix injects each fault into every attempt of a read and of a
// write and checks whether the client retried, how often the request was
// sent (by the server's count and the error's), the type of the error,
// that it holds no secret, and that nothing is left running. A second run
// of each retried cell fails only the first attempt: the retry recovers.
func TestFaultMatrix(t *testing.T) {
	for _, row := range faultRows {
		for _, call := range []faultCall{faultRead, faultWrite} {
			want := row.read
			if call.session {
				want = row.write
			}
			t.Run(row.name+"/"+call.name, func(t *testing.T) {
				verifyNoLeaks(t)
				var opts []Option
				if row.timeout > 0 {
					opts = append(opts, WithTimeout(row.timeout))
				}
				env, c := faultClient(t, call, opts...)
				f := row.fault
				f.Operation, f.Count = call.operation, fastRetry.MaxRetries+1
				env.fake.InjectFault(f)

				start := time.Now()
				err := call.call(t.Context(), c)
				elapsed := time.Since(start)
				require.Error(t, err)
				want.check(t, err)
				assert.Equal(t, want.attempts, env.fake.Calls(call.operation), "requests the server saw")
				assert.Equal(t, want.attempts, attemptsOf(err), "attempts the error reports: %v", err)
				assert.Contains(t, err.Error(), call.operation)
				assertNoSecret(t, err, env, c)
				if row.waitPerRetry > 0 {
					t.Logf("%d attempts in %v", want.attempts, elapsed.Round(time.Millisecond))
					assert.GreaterOrEqual(t, elapsed, time.Duration(want.attempts-1)*row.waitPerRetry)
				}
				assert.Less(t, elapsed, 20*time.Second)
			})
			if want.attempts == 1 {
				continue
			}
			t.Run(row.name+"/"+call.name+"/recovers", func(t *testing.T) {
				verifyNoLeaks(t)
				var opts []Option
				if row.timeout > 0 {
					opts = append(opts, WithTimeout(row.timeout))
				}
				env, c := faultClient(t, call, opts...)
				f := row.fault
				f.Operation, f.Count = call.operation, 1
				env.fake.InjectFault(f)

				require.NoError(t, call.call(t.Context(), c))
				assert.Equal(t, 2, env.fake.Calls(call.operation))
			})
		}
	}
}

// TestFaultDropOnReusedConnection documents the transport's own replay: a
// GET whose kept-alive connection closes before any byte of an answer is
// sent again at once by net/http, so the server may count one request more
// than the client's attempts. A POST is never replayed.
func TestFaultDropOnReusedConnection(t *testing.T) {
	for _, call := range []faultCall{faultRead, faultWrite} {
		t.Run(call.name, func(t *testing.T) {
			verifyNoLeaks(t)
			env, c := faultClient(t, call)
			_, err := c.Movies.Popular(t.Context()) // leaves a kept-alive connection
			require.NoError(t, err)
			env.fake.InjectFault(fakeapi.Fault{Operation: call.operation, Kind: fakeapi.Drop, Count: 10})

			err = call.call(t.Context(), c)
			transportError(nil)(t, err)
			calls, attempts := env.fake.Calls(call.operation), attemptsOf(err)
			t.Logf("server saw %d requests, the client made %d attempts", calls, attempts)
			if call.session {
				assert.Equal(t, 1, calls)
				assert.Equal(t, 1, attempts)
				return
			}
			assert.Equal(t, fastRetry.MaxRetries+1, attempts)
			assert.GreaterOrEqual(t, calls, attempts)
			assert.LessOrEqual(t, calls, attempts+1, "only the first attempt went out on a reused connection")
		})
	}
}

// TestFaultContextCancelledDuringRetryWait cancels the caller's context
// while the client waits out a 429's Retry-After, for a read and a write:
// the call returns at once with context.Canceled after one attempt.
func TestFaultContextCancelledDuringRetryWait(t *testing.T) {
	for _, call := range []faultCall{faultRead, faultWrite} {
		t.Run(call.name, func(t *testing.T) {
			verifyNoLeaks(t)
			sig := newRetrySignal()
			slow := fastRetry
			slow.MaxDelay = time.Minute
			env, c := faultClient(t, call, WithRetry(slow), WithLogger(slog.New(sig)))
			env.fake.InjectFault(fakeapi.Fault{Operation: call.operation, Kind: fakeapi.RateLimit, Count: 3, RetryAfter: "30"})

			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			done := make(chan error, 1)
			start := time.Now()
			go func() { done <- call.call(ctx, c) }()
			select {
			case <-sig.retrying:
			case <-time.After(20 * time.Second):
				t.Fatal("the client never began to wait for a retry")
			}
			cancel()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("the call did not return after its context was cancelled")
			}
			assert.Less(t, time.Since(start), 20*time.Second)
			require.ErrorIs(t, err, context.Canceled)
			var te *TransportError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, 1, te.Attempts)
			assert.Equal(t, 1, env.fake.Calls(call.operation))
			assertNoSecret(t, err, env, c)
		})
	}
}
