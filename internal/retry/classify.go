package retry

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"time"
)

// Idempotent reports whether method is idempotent per RFC 9110, section
// 9.2.2: GET, HEAD, OPTIONS, PUT, DELETE and TRACE. Method names are
// case-sensitive; the empty string means GET, as in [http.Request].
func Idempotent(method string) bool {
	switch method {
	case "", http.MethodGet, http.MethodHead, http.MethodOptions,
		http.MethodPut, http.MethodDelete, http.MethodTrace:
		return true
	}
	return false
}

// Outcome describes one finished attempt of a request.
type Outcome struct {
	// Method is the HTTP method of the request.
	Method string

	// Retry is the number of retries already made: 0 after the first
	// attempt, 1 after the first retry, and so on.
	Retry int

	// StatusCode is the response status, or 0 when no response arrived.
	StatusCode int

	// RetryAfter is the raw Retry-After response header, possibly empty.
	RetryAfter string

	// Err is the transport or body-read error of the attempt, nil when a
	// response was received and fully read.
	Err error

	// AttemptTimedOut reports that the per-attempt timeout fired, as
	// opposed to the caller's context ending. Such an attempt is retried
	// like a connection failure even though Err then usually is
	// context.DeadlineExceeded.
	AttemptTimedOut bool

	// Now is the time the response arrived, used to resolve an HTTP-date
	// Retry-After. The zero value means time.Now().
	Now time.Time
}

// Decision is the verdict of [Policy.Decide].
type Decision struct {
	// Retry reports whether the request should be sent again.
	Retry bool

	// Wait is how long to sleep before the next attempt; zero when Retry
	// is false.
	Wait time.Duration
}

// Decide classifies one attempt and reports whether and after how long to
// retry it. The rules, in order:
//
//   - No retry once in.Retry >= MaxRetries.
//   - No retry when Err is or wraps context.Canceled or
//     context.DeadlineExceeded and AttemptTimedOut is false: the caller
//     gave up.
//   - 429 Too Many Requests is retried for every method, since the server
//     did not act on the request. The wait is the Retry-After when it is
//     present and positive; a Retry-After above MaxDelay means no retry.
//     Without a usable Retry-After the wait backs off from RateLimitFloor.
//   - Other 5xx statuses except 501 Not Implemented and 505 HTTP Version
//     Not Supported are retried for idempotent methods only, after
//     [Policy.Backoff](in.Retry+1). A 503 with a positive Retry-After waits
//     that long instead, and is not retried when it exceeds MaxDelay.
//   - Any other non-nil Err (connection refused or reset, unexpected EOF,
//     timeouts, a body that broke mid-read, a fired per-attempt timeout) is
//     retried for idempotent methods only, after Backoff(in.Retry+1): a
//     non-idempotent request may already have been applied. TLS
//     certificate failures are never retried, as they cannot heal.
//   - Any other status (1xx, 2xx, 3xx, 4xx other than 429) is final.
func (p Policy) Decide(in Outcome) Decision {
	done := max(in.Retry, 0)
	if done >= p.MaxRetries {
		return Decision{}
	}
	if !in.AttemptTimedOut && callerGaveUp(in.Err) {
		return Decision{}
	}
	next := done + 1

	switch {
	case in.StatusCode == http.StatusTooManyRequests:
		if d, ok := p.retryAfter(in); ok {
			return p.waitAtMost(d)
		}
		return retryIn(p.rateLimitBackoff(next))

	case retryableStatus(in.StatusCode):
		if !Idempotent(in.Method) {
			return Decision{}
		}
		if in.StatusCode == http.StatusServiceUnavailable {
			if d, ok := p.retryAfter(in); ok {
				return p.waitAtMost(d)
			}
		}
		return retryIn(p.Backoff(next))

	case in.Err != nil:
		if !Idempotent(in.Method) || permanentError(in.Err) {
			return Decision{}
		}
		return retryIn(p.Backoff(next))
	}
	return Decision{}
}

// retryAfter returns the positive Retry-After of in, if any.
func (p Policy) retryAfter(in Outcome) (time.Duration, bool) {
	now := in.Now
	if now.IsZero() {
		now = time.Now()
	}
	d, ok := ParseRetryAfter(in.RetryAfter, now)
	return d, ok && d > 0
}

// waitAtMost retries after exactly d, or not at all when d exceeds
// MaxDelay.
func (p Policy) waitAtMost(d time.Duration) Decision {
	if d > p.MaxDelay {
		return Decision{}
	}
	return retryIn(d)
}

// retryIn is a retrying Decision that waits d.
func retryIn(d time.Duration) Decision {
	return Decision{Retry: true, Wait: max(d, 0)}
}

// retryableStatus reports whether code is a 5xx worth retrying.
func retryableStatus(code int) bool {
	return code >= 500 && code <= 599 &&
		code != http.StatusNotImplemented &&
		code != http.StatusHTTPVersionNotSupported
}

// callerGaveUp reports whether err stems from the end of a context.
func callerGaveUp(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// permanentError reports whether err is a transport failure that a retry
// cannot fix.
func permanentError(err error) bool {
	var (
		verify    *tls.CertificateVerificationError
		authority x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
	)
	return errors.As(err, &verify) || errors.As(err, &authority) ||
		errors.As(err, &hostname) || errors.As(err, &invalid)
}
