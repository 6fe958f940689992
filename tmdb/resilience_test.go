package tmdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// fastRetry retries twice: at once for 5xx and broken connections, after
// 10 ms for a 429 without Retry-After, and after the Retry-After when one
// of at most 5 s is given.
var fastRetry = RetryPolicy{MaxRetries: 2, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Second, RateLimitFloor: 10 * time.Millisecond}

// fakeEnv is the fake TMDB served on loopback.
type fakeEnv struct {
	fake *fakeapi.Server
	srv  *httptest.Server
}

// startResilienceFake serves a fake TMDB on loopback until the test ends;
// responses that do not match the spec fail the test.
func startResilienceFake(t *testing.T) *fakeEnv {
	t.Helper()
	fake := fakeapi.New(fakeapi.WithResponseValidation(func(op string, err error) {
		t.Errorf("fake response of %s does not match the spec: %v", op, err)
	}))
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	return &fakeEnv{fake: fake, srv: srv}
}

// client returns a client of the fake, with its API key, whose idle
// connections close when the test ends.
func (e *fakeEnv) client(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, err := New(e.fake.APIKey(), append([]Option{WithBaseURL(e.srv.URL)}, opts...)...)
	require.NoError(t, err)
	t.Cleanup(func() { closeIdleConnections(c) })
	return c
}

// login runs the web flow on c: a request token, approved on the fake,
// exchanged for a session that c then carries.
func (e *fakeEnv) login(t *testing.T, c *Client) string {
	t.Helper()
	tok, err := c.Authentication.CreateRequestToken(t.Context())
	require.NoError(t, err)
	require.NoError(t, e.fake.Approve(tok.RequestToken))
	s, err := c.Authentication.CreateSession(t.Context(), tok.RequestToken)
	require.NoError(t, err)
	require.Equal(t, s.SessionID, c.SessionID())
	return s.SessionID
}

// retrySignal is a log handler that reports each "tmdb: retrying" record:
// the client logs it just before it sleeps.
type retrySignal struct{ retrying chan struct{} }

func newRetrySignal() *retrySignal { return &retrySignal{retrying: make(chan struct{}, 16)} }

func (h *retrySignal) Enabled(context.Context, slog.Level) bool { return true }

func (h *retrySignal) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "tmdb: retrying" {
		select {
		case h.retrying <- struct{}{}:
		default:
		}
	}
	return nil
}

func (h *retrySignal) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *retrySignal) WithGroup(string) slog.Handler      { return h }

// TestRetryAfterStorm has the server refuse three times with Retry-After: 1
// before it answers: the default policy waits as asked and gets through.
func TestRetryAfterStorm(t *testing.T) {
	t.Parallel()
	env := startResilienceFake(t)
	c := env.client(t)
	env.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.RateLimit, Count: 3, RetryAfter: "1"})

	start := time.Now()
	m, err := c.Movies.Details(t.Context(), 550)
	elapsed := time.Since(start)
	require.NoError(t, err)
	assert.Equal(t, "Fight Club", m.Title)
	assert.Equal(t, 4, env.fake.Calls("getMovieDetails"), "three refusals and the answer")
	t.Logf("3 × 429 with Retry-After: 1, then 200: %v", elapsed.Round(time.Millisecond))
	assert.GreaterOrEqual(t, elapsed, 2500*time.Millisecond, "the client waited as asked")
	assert.Less(t, elapsed, 20*time.Second)
}

// TestRetryAfterWaitIsCancelled cancels the context while the client waits
// out a Retry-After of 30 s: the call returns at once.
func TestRetryAfterWaitIsCancelled(t *testing.T) {
	t.Parallel()
	env := startResilienceFake(t)
	sig := newRetrySignal()
	c := env.client(t, WithLogger(slog.New(sig)))
	env.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.RateLimit, Count: 5, RetryAfter: "30"})

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := c.Movies.Details(ctx, 550)
		done <- err
	}()
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
	elapsed := time.Since(start)
	t.Logf("cancelled during a 30 s Retry-After wait; returned after %v", elapsed.Round(time.Millisecond))
	assert.Less(t, elapsed, 5*time.Second)
	require.ErrorIs(t, err, context.Canceled)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 1, te.Attempts)
	assert.Equal(t, 1, env.fake.Calls("getMovieDetails"))
	assert.Contains(t, err.Error(), "HTTP 429", "the error tells what the client was waiting for")
}

// TestRateLimiterSharedByGoroutines checks that the goroutines of one
// client share its limiter: 20 requests at 10 a second, bursts of 1, take
// about 1.9 s however they are spread.
func TestRateLimiterSharedByGoroutines(t *testing.T) {
	t.Parallel()
	env := startResilienceFake(t)
	c := env.client(t, WithRateLimit(10, 1))

	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 4 {
		wg.Go(func() {
			for range 5 {
				_, err := c.Movies.Details(t.Context(), 550)
				errs <- err
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 20, env.fake.Calls("getMovieDetails"))
	t.Logf("20 requests from 4 goroutines at 10/s: %v", elapsed.Round(time.Millisecond))
	assert.GreaterOrEqual(t, elapsed, 1500*time.Millisecond, "the limiter is shared")
	assert.Less(t, elapsed, 20*time.Second)
}

// TestRateLimiterHonoursContext checks that a wait for the limiter ends
// with the caller's context, and that a wait that cannot end before the
// context's deadline is refused at once, sending nothing.
func TestRateLimiterHonoursContext(t *testing.T) {
	t.Parallel()
	env := startResilienceFake(t)
	c := env.client(t, WithRateLimit(0.1, 1))
	_, err := c.Movies.Details(t.Context(), 550)
	require.NoError(t, err, "the burst lets the first request through")

	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Movies.Details(ctx, 550)
	elapsed := time.Since(start)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Zero(t, te.Attempts)
	assert.Equal(t, 1, env.fake.Calls("getMovieDetails"), "the second request never left")
	assert.Less(t, elapsed, 5*time.Second)

	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = c.Movies.Details(cancelled, 550)
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, env.fake.Calls("getMovieDetails"))
}

// endlessServer answers every request with status and a body of size
// bytes made of prefix and then 'x's, and counts what it managed to write
// before the client stopped reading.
type endlessServer struct {
	*httptest.Server
	written atomic.Int64
	done    chan struct{}
}

func newEndlessServer(t *testing.T, status int, prefix string, size int64, withLength bool) *endlessServer {
	t.Helper()
	s := &endlessServer{done: make(chan struct{}, 16)}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		defer func() { s.done <- struct{}{} }()
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		if withLength {
			w.Header().Set("Content-Length", fmt.Sprint(size))
		}
		w.WriteHeader(status)
		n, err := io.WriteString(w, prefix)
		s.written.Add(int64(n))
		chunk := []byte(strings.Repeat("x", 32<<10))
		for left := size - int64(n); err == nil && left > 0; left -= int64(n) {
			n, err = w.Write(chunk[:min(int64(len(chunk)), left)])
			s.written.Add(int64(n))
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// wait returns once the handler has returned.
func (s *endlessServer) wait(t *testing.T) {
	t.Helper()
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		t.Fatal("the handler is still writing: the client did not close the body")
	}
}

// TestBoundedSuccessBody sends a 2xx body far over WithMaxResponseBytes:
// the call fails with ErrResponseTooLarge, and the client stops reading
// instead of taking the whole body.
func TestBoundedSuccessBody(t *testing.T) {
	t.Parallel()
	const size = 256 << 20
	for _, withLength := range []bool{false, true} {
		t.Run(fmt.Sprintf("Content-Length %v", withLength), func(t *testing.T) {
			t.Parallel()
			srv := newEndlessServer(t, http.StatusOK, `{"id":550,"title":"`, size, withLength)
			c, err := New("0123456789abcdef0123456789abcdef", WithBaseURL(srv.URL), WithMaxResponseBytes(1<<20))
			require.NoError(t, err)
			t.Cleanup(func() { closeIdleConnections(c) })

			_, err = c.Movies.Details(t.Context(), 550)
			require.ErrorIs(t, err, ErrResponseTooLarge)
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, http.StatusOK, de.HTTPStatus)
			srv.wait(t)
			t.Logf("the server wrote %d of %d bytes", srv.written.Load(), int64(size))
			assert.Less(t, srv.written.Load(), int64(size), "the client stopped reading")
		})
	}
}

// TestBoundedErrorBody sends error bodies of megabytes: the client reads
// at most 1 MiB of one and keeps a message of at most 200 runes.
func TestBoundedErrorBody(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		prefix string
		size   int64
	}{
		{"5 MiB envelope", `{"status_code":11,"status_message":"`, 5 << 20},
		{"5 MiB text", "upstream failure: ", 5 << 20},
		{"256 MiB text", "upstream failure: ", 256 << 20},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := newEndlessServer(t, http.StatusInternalServerError, tc.prefix, tc.size, true)
			c, err := New("0123456789abcdef0123456789abcdef", WithBaseURL(srv.URL), WithMaxRetries(0))
			require.NoError(t, err)
			t.Cleanup(func() { closeIdleConnections(c) })

			_, err = c.Movies.Details(t.Context(), 550)
			var se *ServerError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, http.StatusInternalServerError, se.HTTPStatus)
			assert.LessOrEqual(t, len([]rune(se.Message)), maxExcerpt+1)
			assert.NotEmpty(t, se.Message)
			assert.LessOrEqual(t, len(err.Error()), 400, "the error stays short")
			srv.wait(t)
			t.Logf("%s: the server wrote %d of %d bytes; message %q", tc.name, srv.written.Load(), tc.size, se.Message[:min(len(se.Message), 40)])
			if tc.size > 64<<20 {
				assert.Less(t, srv.written.Load(), tc.size, "the client stopped reading")
			}
		})
	}
}

// attemptsOf returns the attempt count an error reports, or 1 for a
// DecodeError, which has none: decoding failures are never retried.
func attemptsOf(err error) int {
	var apiErr *APIError
	var te *TransportError
	var de *DecodeError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Attempts
	case errors.As(err, &te):
		return te.Attempts
	case errors.As(err, &de):
		return 1
	}
	return 0
}
