package retry

import "time"

// Backoff returns the wait before retry number retry (1 for the first
// retry) using exponential backoff with full jitter: a duration drawn
// uniformly from [0, min(MaxDelay, BaseDelay * 2^(retry-1))]. Values of
// retry below 1 are treated as 1. Large retry numbers saturate at MaxDelay
// instead of overflowing.
func (p Policy) Backoff(retry int) time.Duration {
	return p.jitter(expCeiling(p.BaseDelay, p.MaxDelay, retry))
}

// rateLimitBackoff returns the wait before retry number retry after a 429
// without a usable Retry-After: RateLimitFloor for the first retry, then a
// duration drawn uniformly from [floor, floor * 2^(retry-1)], everything
// capped by MaxDelay.
func (p Policy) rateLimitBackoff(retry int) time.Duration {
	ceiling := expCeiling(p.RateLimitFloor, p.MaxDelay, retry)
	floor := min(max(p.RateLimitFloor, 0), ceiling)
	return floor + p.jitter(ceiling-floor)
}

// expCeiling returns min(limit, base * 2^(n-1)) without overflowing. A
// non-positive base or limit yields 0; n below 1 is treated as 1.
func expCeiling(base, limit time.Duration, n int) time.Duration {
	if base <= 0 || limit <= 0 {
		return 0
	}
	if base >= limit {
		return limit
	}
	shift := max(n-1, 0)
	if shift >= 63 || base > limit>>shift {
		return limit
	}
	return base << shift
}
