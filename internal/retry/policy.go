package retry

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Default values used by [DefaultPolicy].
const (
	DefaultMaxRetries     = 3
	DefaultBaseDelay      = 500 * time.Millisecond
	DefaultMaxDelay       = 30 * time.Second
	DefaultRateLimitFloor = time.Second
)

// ErrInvalidPolicy is wrapped by every error returned from [Policy.Validate].
var ErrInvalidPolicy = errors.New("retry: invalid policy")

// Policy describes when and how long to wait before retrying a request.
//
// Fields are taken literally: a zero field means zero, not "use the
// default". Start from [DefaultPolicy] and override what you need. The zero
// Policy never retries.
type Policy struct {
	// MaxRetries is the number of retries allowed after the first attempt.
	// Zero disables retrying.
	MaxRetries int

	// BaseDelay is the first step of the exponential backoff used for
	// server errors and transport failures. The ceiling of retry n is
	// BaseDelay * 2^(n-1), capped by MaxDelay. Default 500ms.
	BaseDelay time.Duration

	// MaxDelay caps any single wait. It also bounds a server's Retry-After:
	// when the server asks for a longer wait than MaxDelay the request is
	// not retried at all, because waiting less than asked would only earn
	// another rejection. Default 30s.
	MaxDelay time.Duration

	// RateLimitFloor is the wait used for a 429 response that carries no
	// usable Retry-After (missing, unparsable or zero), as TMDB's CDN
	// sends. Later header-less 429s back off exponentially from the floor:
	// retry n waits between RateLimitFloor and RateLimitFloor * 2^(n-1),
	// capped by MaxDelay. Default 1s.
	RateLimitFloor time.Duration

	// Jitter returns a duration in [0, max]. It is the randomness source of
	// every jittered wait, and exists so tests can be deterministic. Nil
	// means uniformly random in [0, max]. Results outside [0, max] are
	// clamped.
	Jitter func(max time.Duration) time.Duration
}

// DefaultPolicy returns the recommended policy: 3 retries, a 500ms base
// delay, a 30s cap on any wait and a 1s floor for header-less 429s.
func DefaultPolicy() Policy {
	return Policy{
		MaxRetries:     DefaultMaxRetries,
		BaseDelay:      DefaultBaseDelay,
		MaxDelay:       DefaultMaxDelay,
		RateLimitFloor: DefaultRateLimitFloor,
	}
}

// Validate reports whether p is usable. Negative counts or durations are
// errors; every returned error wraps [ErrInvalidPolicy].
func (p Policy) Validate() error {
	var errs []error
	if p.MaxRetries < 0 {
		errs = append(errs, fmt.Errorf("%w: MaxRetries must not be negative, got %d", ErrInvalidPolicy, p.MaxRetries))
	}
	for _, f := range []struct {
		name string
		d    time.Duration
	}{
		{"BaseDelay", p.BaseDelay},
		{"MaxDelay", p.MaxDelay},
		{"RateLimitFloor", p.RateLimitFloor},
	} {
		if f.d < 0 {
			errs = append(errs, fmt.Errorf("%w: %s must not be negative, got %s", ErrInvalidPolicy, f.name, f.d))
		}
	}
	return errors.Join(errs...)
}

// jitter returns a duration in [0, limit] drawn from p.Jitter, or uniformly at
// random when p.Jitter is nil.
func (p Policy) jitter(limit time.Duration) time.Duration {
	if limit <= 0 {
		return 0
	}
	if p.Jitter != nil {
		return min(max(0, p.Jitter(limit)), limit)
	}
	if limit == math.MaxInt64 {
		return rand.N(limit)
	}
	return rand.N(limit + 1)
}
