package retry

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBackoffCeiling(t *testing.T) {
	t.Parallel()

	tests := []struct {
		name  string
		retry int
		want  time.Duration
	}{
		{name: "retry 0 treated as 1", retry: 0, want: 500 * time.Millisecond},
		{name: "negative treated as 1", retry: -7, want: 500 * time.Millisecond},
		{name: "first", retry: 1, want: 500 * time.Millisecond},
		{name: "second", retry: 2, want: time.Second},
		{name: "third", retry: 3, want: 2 * time.Second},
		{name: "sixth", retry: 6, want: 16 * time.Second},
		{name: "seventh capped", retry: 7, want: 30 * time.Second},
		{name: "retry 63", retry: 63, want: 30 * time.Second},
		{name: "retry 64", retry: 64, want: 30 * time.Second},
		{name: "retry 1000 does not overflow", retry: 1000, want: 30 * time.Second},
		{name: "max int", retry: math.MaxInt, want: 30 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			assert.Equal(t, tt.want, testPolicy(jitterMax).Backoff(tt.retry))
			assert.Equal(t, tt.want/2, testPolicy(jitterHalf).Backoff(tt.retry))
			assert.Equal(t, time.Duration(0), testPolicy(jitterZero).Backoff(tt.retry))
		})
	}
}

func TestBackoffRandomStaysInRange(t *testing.T) {
	t.Parallel()

	p := DefaultPolicy()
	for retry := range 12 {
		ceiling := expCeiling(p.BaseDelay, p.MaxDelay, retry)
		for range 100 {
			got := p.Backoff(retry)
			require.GreaterOrEqual(t, got, time.Duration(0))
			require.LessOrEqual(t, got, ceiling)
		}
	}
	got := p.Backoff(1000)
	assert.GreaterOrEqual(t, got, time.Duration(0))
	assert.LessOrEqual(t, got, p.MaxDelay)
}

func TestBackoffOddPolicies(t *testing.T) {
	t.Parallel()

	tests := []struct {
		name   string
		policy Policy
		retry  int
		want   time.Duration
	}{
		{name: "zero base", policy: Policy{MaxDelay: time.Second}, retry: 5, want: 0},
		{name: "zero max", policy: Policy{BaseDelay: time.Second}, retry: 5, want: 0},
		{name: "base above max", policy: Policy{BaseDelay: time.Hour, MaxDelay: time.Second}, retry: 1, want: time.Second},
		{name: "negative base", policy: Policy{BaseDelay: -time.Second, MaxDelay: time.Second}, retry: 2, want: 0},
		{
			name:   "huge max still saturates",
			policy: Policy{BaseDelay: time.Nanosecond, MaxDelay: math.MaxInt64},
			retry:  1000,
			want:   math.MaxInt64,
		},
		{
			name:   "largest exact power",
			policy: Policy{BaseDelay: time.Nanosecond, MaxDelay: math.MaxInt64},
			retry:  63,
			want:   1 << 62,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			tt.policy.Jitter = jitterMax
			assert.Equal(t, tt.want, tt.policy.Backoff(tt.retry))
		})
	}
}

func TestRateLimitBackoff(t *testing.T) {
	t.Parallel()

	tests := []struct {
		name     string
		policy   Policy
		retry    int
		wantLow  time.Duration // with zero jitter
		wantHigh time.Duration // with maximal jitter
	}{
		{name: "first is the floor", policy: DefaultPolicy(), retry: 1, wantLow: time.Second, wantHigh: time.Second},
		{name: "second", policy: DefaultPolicy(), retry: 2, wantLow: time.Second, wantHigh: 2 * time.Second},
		{name: "third", policy: DefaultPolicy(), retry: 3, wantLow: time.Second, wantHigh: 4 * time.Second},
		{name: "capped", policy: DefaultPolicy(), retry: 10, wantLow: time.Second, wantHigh: 30 * time.Second},
		{name: "retry 1000", policy: DefaultPolicy(), retry: 1000, wantLow: time.Second, wantHigh: 30 * time.Second},
		{
			name:     "floor above max is capped",
			policy:   Policy{MaxDelay: time.Second, RateLimitFloor: 5 * time.Second},
			retry:    3,
			wantLow:  time.Second,
			wantHigh: time.Second,
		},
		{name: "zero floor", policy: Policy{MaxDelay: time.Second}, retry: 3, wantLow: 0, wantHigh: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			low, high := tt.policy, tt.policy
			low.Jitter, high.Jitter = jitterZero, jitterMax
			assert.Equal(t, tt.wantLow, low.rateLimitBackoff(tt.retry))
			assert.Equal(t, tt.wantHigh, high.rateLimitBackoff(tt.retry))

			random := tt.policy
			random.Jitter = nil
			for range 50 {
				got := random.rateLimitBackoff(tt.retry)
				require.GreaterOrEqual(t, got, tt.wantLow)
				require.LessOrEqual(t, got, tt.wantHigh)
			}
		})
	}
}
