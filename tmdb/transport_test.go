package tmdb

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTripFunc is a RoundTripper made of a function: the kind of
// transport (a recorder, a signer, a test double) users plug in with
// WithHTTPClient.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestResponseWithoutRequestDoesNotPanic(t *testing.T) {
	t.Parallel()
	rt := roundTripFunc(func(*http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 404, Header: http.Header{},
			Body: io.NopCloser(strings.NewReader(`{"status_code":34,"status_message":"gone"}`))}, nil
	})
	c, err := New(testKey, WithHTTPClient(&http.Client{Transport: rt}))
	require.NoError(t, err)
	_, err = c.Movies.Details(t.Context(), 550)
	var nf *NotFoundError
	require.ErrorAs(t, err, &nf)
	assert.Equal(t, "gone", nf.Message)
}

func TestReplacedDefaultTransportIsNotAssumed(t *testing.T) {
	t.Parallel()
	assert.Nil(t, cloneTransport(roundTripFunc(func(*http.Request) (*http.Response, error) { return nil, errors.New("unused") })),
		"a replaced default transport is used as it is, not assumed to be an *http.Transport")
	assert.NotNil(t, cloneTransport(http.DefaultTransport))
}

func TestTransportMessagesAreScrubbed(t *testing.T) {
	t.Parallel()
	const session = "session-0123456789abcdef0123456789"
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return nil, fmt.Errorf("upstream refused %s", r.URL)
	})
	c, err := New(testKey, WithHTTPClient(&http.Client{Transport: rt}), WithSessionID(session), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Movies.AccountStates(t.Context(), 550)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.NotContains(t, err.Error(), testKey)
	assert.NotContains(t, err.Error(), session)
	assert.Equal(t, "/3/movie/550/account_states", te.Path)
}

func TestRetryAfterBeyondTheDeadlineReturnsTheRateLimit(t *testing.T) {
	t.Parallel()
	srv, seen := recordingServerWithHeader(t, 429, `{"status_code":25,"status_message":"slow down"}`, "Retry-After", "30")
	c, err := New(testKey, WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	start := time.Now()
	_, err = c.Movies.Popular(ctx)
	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.Equal(t, 30*time.Second, rl.RetryAfter)
	assert.Less(t, time.Since(start), 4*time.Second, "no wait that cannot end before the deadline")
	assert.Len(t, seen(), 1)
}

func TestEditorFailureIsNotRetried(t *testing.T) {
	t.Parallel()
	srv, seen := recordingServer(t, 200, `{}`)
	var calls atomic.Int32
	signer := errors.New("signer down")
	c, err := New(testKey, WithBaseURL(srv.URL), WithRequestEditor(func(context.Context, *http.Request) error {
		calls.Add(1)
		return signer
	}))
	require.NoError(t, err)
	_, err = c.Movies.Details(t.Context(), 550)
	require.ErrorIs(t, err, signer)
	assert.Equal(t, int32(1), calls.Load())
	assert.Empty(t, seen())
}

func TestUserEditorsRunAfterTheSessionEditor(t *testing.T) {
	t.Parallel()
	srv, _ := recordingServer(t, 200, `{"id":550,"favorite":false,"rated":false,"watchlist":false}`)
	var query string
	c, err := New(testKey, WithBaseURL(srv.URL), WithSessionID("session-abc"),
		WithRequestEditor(func(_ context.Context, r *http.Request) error {
			query = r.URL.RawQuery
			return nil
		}))
	require.NoError(t, err)
	_, err = c.Movies.AccountStates(t.Context(), 550)
	require.NoError(t, err)
	assert.Contains(t, query, "session_id=session-abc")
	assert.Contains(t, query, "api_key=")
}

func TestRetryOptionsCompose(t *testing.T) {
	t.Parallel()
	c, err := New(testKey, WithMaxRetries(0), WithRetry(RetryPolicy{MaxRetries: 5}))
	require.NoError(t, err)
	assert.Equal(t, 0, c.retry.MaxRetries, "WithMaxRetries wins in any order")
	assert.Equal(t, DefaultRetryPolicy().BaseDelay, c.retry.BaseDelay, "zero durations take the default")
	assert.Equal(t, DefaultRetryPolicy().MaxDelay, c.retry.MaxDelay)
	assert.Equal(t, DefaultRetryPolicy().RateLimitFloor, c.retry.RateLimitFloor)

	_, err = New(testKey, WithAPIKey("ffffffffffffffffffffffffffffffff"))
	assert.Error(t, err, "two different credentials")
	c, err = New(testToken, WithAPIKey(""))
	require.NoError(t, err)
	assert.Equal(t, AuthAPIKey, c.AuthMode(), "an empty value only forces the mode")
}

func TestPeriodCountsCalendarDays(t *testing.T) {
	t.Parallel()
	var s callSettings
	start := time.Date(2026, 1, 1, 22, 0, 0, 0, time.UTC)
	require.NoError(t, Period(start, start.AddDate(0, 0, 14).Add(time.Hour))(&s), "14 calendar days")
	assert.Equal(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), s.startDate)
	require.Error(t, Period(start, start.AddDate(0, 0, 15))(&s))
	require.Error(t, Period(start, start.Add(-time.Hour*48))(&s))
}

// countingConn reports its Close to the dialer that made it.
type countingConn struct {
	net.Conn
	once  sync.Once
	close func()
}

func (c *countingConn) Close() error {
	c.once.Do(c.close)
	return c.Conn.Close()
}

// TestDefaultTransportCapsConnections shares one client among 32
// goroutines and counts, where the client dials, how many connections it
// holds at once: never more than TMDB's CDN allows per IP. (The server
// side cannot count this exactly: it sees a replaced connection close
// only after the client has opened the next.)
func TestDefaultTransportCapsConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 6,400 requests")
	}
	t.Parallel()
	srv, _ := recordingServer(t, 200, `{"page":1,"results":[],"total_pages":1,"total_results":0}`)
	c, err := New(testKey, WithBaseURL(srv.URL), WithRateLimit(0, 0))
	require.NoError(t, err)
	tr := c.cfg.httpClient.Transport.(*http.Transport)
	var open, peak, opened atomic.Int64
	dial := tr.DialContext
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		opened.Add(1)
		n := open.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		return &countingConn{Conn: conn, close: func() { open.Add(-1) }}, nil
	}
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range 32 {
		wg.Go(func() {
			for range 200 {
				if _, err := c.Movies.Popular(t.Context()); err != nil {
					failed.Add(1)
				}
			}
		})
	}
	wg.Wait()
	tr.CloseIdleConnections()
	assert.Zero(t, failed.Load())
	assert.LessOrEqual(t, peak.Load(), int64(20), "connections held at once")
	t.Logf("connections opened: %d, most held at once: %d", opened.Load(), peak.Load())
}

func TestPeriodKeepsTheDateAsWritten(t *testing.T) {
	t.Parallel()
	var s callSettings
	east := time.FixedZone("UTC+2", 2*3600)
	require.NoError(t, Period(time.Date(2026, 1, 10, 0, 0, 0, 0, east), time.Date(2026, 1, 12, 23, 0, 0, 0, east))(&s))
	assert.Equal(t, "2026-01-10", s.startDate.Format("2006-01-02"))
	assert.Equal(t, "2026-01-12", s.endDate.Format("2006-01-02"))
}

func TestTransportMessagesLoseCallSecretsToo(t *testing.T) {
	t.Parallel()
	const session, guest = "call-session-0123456789abcdef", "call-guest-0123456789abcdef"
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return nil, fmt.Errorf("refused %s %v", r.URL.Path, r.URL.Query())
	})
	c, err := New(testKey, WithHTTPClient(&http.Client{Transport: rt}), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Movies.AccountStates(t.Context(), 550, WithSession(session))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), session)
	_, err = c.GuestSessions.RatedMovies(t.Context(), AsGuest(guest))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), guest)

	signer := func(_ context.Context, r *http.Request) error { return fmt.Errorf("cannot sign %s", r.URL) }
	c, err = New(testKey, WithRequestEditor(signer))
	require.NoError(t, err)
	_, err = c.Movies.Details(t.Context(), 550)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), testKey, "an editor's own message is scrubbed too")
}
