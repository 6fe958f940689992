package retry

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestIdempotent(t *testing.T) {
	t.Parallel()

	tests := []struct {
		method string
		want   bool
	}{
		{"", true},
		{http.MethodGet, true},
		{http.MethodHead, true},
		{http.MethodOptions, true},
		{http.MethodPut, true},
		{http.MethodDelete, true},
		{http.MethodTrace, true},
		{http.MethodPost, false},
		{http.MethodPatch, false},
		{http.MethodConnect, false},
		{"get", false},
		{"PURGE", false},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			t.Parallel()

			assert.Equal(t, tt.want, Idempotent(tt.method))
		})
	}
}

// timeoutError is a net.Error whose Timeout method reports true.
type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

var _ net.Error = timeoutError{}

func ptr[T any](v T) *T { return &v }

func TestDecide(t *testing.T) {
	t.Parallel()

	now := time.Date(2024, time.March, 10, 12, 0, 0, 0, time.UTC)
	connReset := &url.Error{Op: "Get", URL: "https://api.themoviedb.org/3/movie/550", Err: &net.OpError{
		Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET),
	}}
	connRefused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	backoff1 := 500 * time.Millisecond // Backoff(1) with maximal jitter
	backoff3 := 2 * time.Second        // Backoff(3) with maximal jitter
	retry := func(d time.Duration) Decision { return Decision{Retry: true, Wait: d} }

	tests := []struct {
		name   string
		policy *Policy // nil means testPolicy(jitterMax)
		in     Outcome
		want   Decision
	}{
		// Success and final statuses.
		{name: "200", in: Outcome{Method: "GET", StatusCode: 200}, want: Decision{}},
		{name: "204", in: Outcome{Method: "DELETE", StatusCode: 204}, want: Decision{}},
		{name: "304", in: Outcome{Method: "GET", StatusCode: 304}, want: Decision{}},
		{name: "400", in: Outcome{Method: "GET", StatusCode: 400}, want: Decision{}},
		{name: "401", in: Outcome{Method: "GET", StatusCode: 401}, want: Decision{}},
		{name: "404", in: Outcome{Method: "GET", StatusCode: 404}, want: Decision{}},
		{name: "408 is final", in: Outcome{Method: "GET", StatusCode: 408}, want: Decision{}},
		{name: "422", in: Outcome{Method: "POST", StatusCode: 422}, want: Decision{}},
		{name: "501", in: Outcome{Method: "GET", StatusCode: 501}, want: Decision{}},
		{name: "505", in: Outcome{Method: "GET", StatusCode: 505}, want: Decision{}},
		{name: "out of range status", in: Outcome{Method: "GET", StatusCode: 600}, want: Decision{}},
		{name: "no status and no error", in: Outcome{Method: "GET"}, want: Decision{}},

		// 429.
		{name: "429 GET without header uses floor", in: Outcome{Method: "GET", StatusCode: 429}, want: retry(time.Second)},
		{name: "429 POST retried", in: Outcome{Method: "POST", StatusCode: 429}, want: retry(time.Second)},
		{name: "429 PATCH retried", in: Outcome{Method: "PATCH", StatusCode: 429}, want: retry(time.Second)},
		{
			name: "429 without header backs off from floor",
			in:   Outcome{Method: "GET", StatusCode: 429, Retry: 2},
			want: retry(4 * time.Second),
		},
		{
			name:   "429 without header, zero jitter stays at floor",
			policy: ptr(testPolicy(jitterZero)),
			in:     Outcome{Method: "GET", StatusCode: 429, Retry: 2},
			want:   retry(time.Second),
		},
		{
			name:   "429 without header, half jitter",
			policy: ptr(testPolicy(jitterHalf)),
			in:     Outcome{Method: "POST", StatusCode: 429, Retry: 2},
			want:   retry(2500 * time.Millisecond),
		},
		{
			name: "429 Retry-After 0 uses floor",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: "0"},
			want: retry(time.Second),
		},
		{
			name: "429 garbage Retry-After uses floor",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: "later"},
			want: retry(time.Second),
		},
		{
			name: "429 past date uses floor",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: now.Add(-time.Minute).Format(http.TimeFormat), Now: now},
			want: retry(time.Second),
		},
		{
			name: "429 Retry-After seconds",
			in:   Outcome{Method: "POST", StatusCode: 429, RetryAfter: "7"},
			want: retry(7 * time.Second),
		},
		{
			name: "429 Retry-After date",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: now.Add(12 * time.Second).Format(http.TimeFormat), Now: now},
			want: retry(12 * time.Second),
		},
		{
			name: "429 Retry-After equal to MaxDelay",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: "30"},
			want: retry(30 * time.Second),
		},
		{
			name: "429 Retry-After above MaxDelay not retried",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: "31"},
			want: Decision{},
		},
		{
			name: "429 huge Retry-After not retried",
			in:   Outcome{Method: "GET", StatusCode: 429, RetryAfter: "99999999999999999999"},
			want: Decision{},
		},
		{
			name: "429 with broken body still 429",
			in:   Outcome{Method: "POST", StatusCode: 429, RetryAfter: "2", Err: io.ErrUnexpectedEOF},
			want: retry(2 * time.Second),
		},

		// 5xx.
		{name: "500 GET", in: Outcome{Method: "GET", StatusCode: 500}, want: retry(backoff1)},
		{name: "500 POST not retried", in: Outcome{Method: "POST", StatusCode: 500}, want: Decision{}},
		{name: "502 GET", in: Outcome{Method: "GET", StatusCode: 502}, want: retry(backoff1)},
		{name: "502 PATCH not retried", in: Outcome{Method: "PATCH", StatusCode: 502}, want: Decision{}},
		{name: "503 GET", in: Outcome{Method: "GET", StatusCode: 503}, want: retry(backoff1)},
		{name: "504 DELETE", in: Outcome{Method: "DELETE", StatusCode: 504}, want: retry(backoff1)},
		{name: "504 PUT", in: Outcome{Method: "PUT", StatusCode: 504}, want: retry(backoff1)},
		{name: "520 GET", in: Outcome{Method: "GET", StatusCode: 520}, want: retry(backoff1)},
		{name: "500 third retry", in: Outcome{Method: "GET", StatusCode: 500, Retry: 2}, want: retry(backoff3)},
		{
			name: "503 Retry-After honoured",
			in:   Outcome{Method: "GET", StatusCode: 503, RetryAfter: "9"},
			want: retry(9 * time.Second),
		},
		{
			name: "503 Retry-After date honoured",
			in:   Outcome{Method: "GET", StatusCode: 503, RetryAfter: now.Add(5 * time.Second).Format(http.TimeFormat), Now: now},
			want: retry(5 * time.Second),
		},
		{
			name: "503 Retry-After 0 uses backoff",
			in:   Outcome{Method: "GET", StatusCode: 503, RetryAfter: "0"},
			want: retry(backoff1),
		},
		{
			name: "503 Retry-After above MaxDelay not retried",
			in:   Outcome{Method: "GET", StatusCode: 503, RetryAfter: "120"},
			want: Decision{},
		},
		{
			name: "503 Retry-After on POST not retried",
			in:   Outcome{Method: "POST", StatusCode: 503, RetryAfter: "1"},
			want: Decision{},
		},
		{
			name: "500 ignores Retry-After",
			in:   Outcome{Method: "GET", StatusCode: 500, RetryAfter: "9"},
			want: retry(backoff1),
		},

		// Transport and body errors.
		{name: "connection reset GET", in: Outcome{Method: "GET", Err: connReset}, want: retry(backoff1)},
		{name: "connection reset POST not retried", in: Outcome{Method: "POST", Err: connReset}, want: Decision{}},
		{name: "connection refused GET", in: Outcome{Method: "GET", Err: connRefused}, want: retry(backoff1)},
		{name: "connection refused POST not retried", in: Outcome{Method: "POST", Err: connRefused}, want: Decision{}},
		{
			name: "refused by message",
			in:   Outcome{Method: "HEAD", Err: errors.New("dial tcp 127.0.0.1:443: connect: connection refused")},
			want: retry(backoff1),
		},
		{name: "unexpected EOF GET", in: Outcome{Method: "GET", Err: io.ErrUnexpectedEOF}, want: retry(backoff1)},
		{name: "EOF GET", in: Outcome{Method: "GET", Err: io.EOF}, want: retry(backoff1)},
		{name: "unexpected EOF POST not retried", in: Outcome{Method: "POST", Err: io.ErrUnexpectedEOF}, want: Decision{}},
		{
			name: "body broke mid-read on 200",
			in:   Outcome{Method: "GET", StatusCode: 200, Err: fmt.Errorf("read body: %w", io.ErrUnexpectedEOF)},
			want: retry(backoff1),
		},
		{
			name: "body broke mid-read on 200 POST",
			in:   Outcome{Method: "POST", StatusCode: 200, Err: io.ErrUnexpectedEOF},
			want: Decision{},
		},
		{
			name: "body broke mid-read on 500",
			in:   Outcome{Method: "GET", StatusCode: 500, Err: io.ErrUnexpectedEOF},
			want: retry(backoff1),
		},
		{name: "net timeout GET", in: Outcome{Method: "GET", Err: timeoutError{}}, want: retry(backoff1)},
		{name: "net timeout POST not retried", in: Outcome{Method: "POST", Err: timeoutError{}}, want: Decision{}},
		{
			name: "certificate error not retried",
			in:   Outcome{Method: "GET", Err: &url.Error{Op: "Get", URL: "https://x", Err: x509.UnknownAuthorityError{}}},
			want: Decision{},
		},
		{
			name: "hostname error not retried",
			in:   Outcome{Method: "GET", Err: x509.HostnameError{Host: "x"}},
			want: Decision{},
		},

		// Contexts.
		{name: "caller cancelled", in: Outcome{Method: "GET", Err: context.Canceled}, want: Decision{}},
		{
			name: "caller cancelled wrapped",
			in:   Outcome{Method: "GET", Err: &url.Error{Op: "Get", URL: "https://x", Err: context.Canceled}},
			want: Decision{},
		},
		{name: "caller deadline", in: Outcome{Method: "GET", Err: context.DeadlineExceeded}, want: Decision{}},
		{
			name: "caller deadline wrapped",
			in:   Outcome{Method: "GET", Err: fmt.Errorf("send: %w", context.DeadlineExceeded)},
			want: Decision{},
		},
		{
			name: "caller cancelled during 429",
			in:   Outcome{Method: "GET", StatusCode: 429, Err: context.Canceled},
			want: Decision{},
		},
		{
			name: "caller cancelled during 503",
			in:   Outcome{Method: "GET", StatusCode: 503, Err: context.Canceled},
			want: Decision{},
		},
		{
			name: "attempt timeout GET",
			in:   Outcome{Method: "GET", Err: context.DeadlineExceeded, AttemptTimedOut: true},
			want: retry(backoff1),
		},
		{
			name: "attempt timeout wrapped GET",
			in: Outcome{Method: "GET", AttemptTimedOut: true,
				Err: &url.Error{Op: "Get", URL: "https://x", Err: context.DeadlineExceeded}},
			want: retry(backoff1),
		},
		{
			name: "attempt timeout POST not retried",
			in:   Outcome{Method: "POST", Err: context.DeadlineExceeded, AttemptTimedOut: true},
			want: Decision{},
		},
		{
			name: "attempt timeout without error",
			in:   Outcome{Method: "GET", AttemptTimedOut: true},
			want: Decision{},
		},

		// Retry budget.
		{
			name:   "MaxRetries 0 disables 429",
			policy: &Policy{MaxRetries: 0, BaseDelay: time.Second, MaxDelay: time.Minute, RateLimitFloor: time.Second, Jitter: jitterMax},
			in:     Outcome{Method: "GET", StatusCode: 429},
			want:   Decision{},
		},
		{
			name:   "MaxRetries 0 disables 500",
			policy: &Policy{MaxRetries: 0, BaseDelay: time.Second, MaxDelay: time.Minute, Jitter: jitterMax},
			in:     Outcome{Method: "GET", StatusCode: 500},
			want:   Decision{},
		},
		{
			name:   "MaxRetries 0 disables transport errors",
			policy: &Policy{MaxRetries: 0, BaseDelay: time.Second, MaxDelay: time.Minute, Jitter: jitterMax},
			in:     Outcome{Method: "GET", Err: connReset},
			want:   Decision{},
		},
		{name: "last allowed retry", in: Outcome{Method: "GET", StatusCode: 500, Retry: 2}, want: retry(backoff3)},
		{name: "budget exhausted", in: Outcome{Method: "GET", StatusCode: 500, Retry: 3}, want: Decision{}},
		{name: "budget exhausted for 429", in: Outcome{Method: "POST", StatusCode: 429, Retry: 3}, want: Decision{}},
		{name: "budget overrun", in: Outcome{Method: "GET", Err: connReset, Retry: 1000}, want: Decision{}},
		{name: "negative retry treated as 0", in: Outcome{Method: "GET", StatusCode: 500, Retry: -4}, want: retry(backoff1)},
		{
			name:   "large budget does not overflow",
			policy: &Policy{MaxRetries: 1 << 20, BaseDelay: time.Second, MaxDelay: time.Minute, RateLimitFloor: time.Second, Jitter: jitterMax},
			in:     Outcome{Method: "GET", StatusCode: 500, Retry: 1000},
			want:   retry(time.Minute),
		},
		{
			name:   "large budget 429 does not overflow",
			policy: &Policy{MaxRetries: 1 << 20, BaseDelay: time.Second, MaxDelay: time.Minute, RateLimitFloor: time.Second, Jitter: jitterMax},
			in:     Outcome{Method: "POST", StatusCode: 429, Retry: 1000},
			want:   retry(time.Minute),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			p := testPolicy(jitterMax)
			if tt.policy != nil {
				p = *tt.policy
			}
			assert.Equal(t, tt.want, p.Decide(tt.in))
		})
	}
}

func TestDecideRandomJitterBounds(t *testing.T) {
	t.Parallel()

	p := DefaultPolicy()
	for retry := range p.MaxRetries {
		for range 50 {
			d := p.Decide(Outcome{Method: "GET", StatusCode: 429, Retry: retry})
			assert.True(t, d.Retry)
			assert.GreaterOrEqual(t, d.Wait, p.RateLimitFloor, "header-less 429 must wait at least the floor")
			assert.LessOrEqual(t, d.Wait, p.MaxDelay)

			d = p.Decide(Outcome{Method: "GET", StatusCode: 502, Retry: retry})
			assert.True(t, d.Retry)
			assert.GreaterOrEqual(t, d.Wait, time.Duration(0))
			assert.LessOrEqual(t, d.Wait, expCeiling(p.BaseDelay, p.MaxDelay, retry+1))
		}
	}
}

func TestDecideDefaultNow(t *testing.T) {
	t.Parallel()

	p := testPolicy(jitterMax)
	d := p.Decide(Outcome{
		Method:     "GET",
		StatusCode: 429,
		RetryAfter: time.Now().Add(time.Hour).Format(http.TimeFormat),
	})
	assert.Equal(t, Decision{}, d, "a date an hour ahead exceeds MaxDelay when Now is unset")

	d = p.Decide(Outcome{
		Method:     "GET",
		StatusCode: 429,
		RetryAfter: time.Now().Add(-time.Hour).Format(http.TimeFormat),
	})
	assert.Equal(t, Decision{Retry: true, Wait: time.Second}, d)
}
