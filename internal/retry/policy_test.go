package retry

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Deterministic jitter sources for tests.
var (
	jitterMax  = func(limit time.Duration) time.Duration { return limit }
	jitterZero = func(time.Duration) time.Duration { return 0 }
	jitterHalf = func(limit time.Duration) time.Duration { return limit / 2 }
)

// testPolicy is DefaultPolicy with a deterministic jitter source.
func testPolicy(jitter func(time.Duration) time.Duration) Policy {
	p := DefaultPolicy()
	p.Jitter = jitter
	return p
}

func TestDefaultPolicy(t *testing.T) {
	t.Parallel()

	p := DefaultPolicy()
	assert.Equal(t, 3, p.MaxRetries)
	assert.Equal(t, 500*time.Millisecond, p.BaseDelay)
	assert.Equal(t, 30*time.Second, p.MaxDelay)
	assert.Equal(t, time.Second, p.RateLimitFloor)
	assert.Nil(t, p.Jitter)
	require.NoError(t, p.Validate())
}

func TestPolicyValidate(t *testing.T) {
	t.Parallel()

	tests := []struct {
		name    string
		mutate  func(*Policy)
		wantErr []string
	}{
		{name: "default", mutate: func(*Policy) {}},
		{name: "zero policy", mutate: func(p *Policy) { *p = Policy{} }},
		{name: "retries disabled", mutate: func(p *Policy) { p.MaxRetries = 0 }},
		{name: "base above max is capped, not invalid", mutate: func(p *Policy) { p.BaseDelay = time.Hour }},
		{
			name:    "negative MaxRetries",
			mutate:  func(p *Policy) { p.MaxRetries = -1 },
			wantErr: []string{"MaxRetries must not be negative, got -1"},
		},
		{
			name:    "negative BaseDelay",
			mutate:  func(p *Policy) { p.BaseDelay = -time.Second },
			wantErr: []string{"BaseDelay must not be negative, got -1s"},
		},
		{
			name:    "negative MaxDelay",
			mutate:  func(p *Policy) { p.MaxDelay = -time.Millisecond },
			wantErr: []string{"MaxDelay must not be negative, got -1ms"},
		},
		{
			name:    "negative RateLimitFloor",
			mutate:  func(p *Policy) { p.RateLimitFloor = -2 * time.Second },
			wantErr: []string{"RateLimitFloor must not be negative, got -2s"},
		},
		{
			name: "all negative reported together",
			mutate: func(p *Policy) {
				*p = Policy{MaxRetries: -3, BaseDelay: -1, MaxDelay: -1, RateLimitFloor: -1}
			},
			wantErr: []string{"MaxRetries", "BaseDelay", "MaxDelay", "RateLimitFloor"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			p := DefaultPolicy()
			tt.mutate(&p)
			err := p.Validate()
			if len(tt.wantErr) == 0 {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidPolicy)
			for _, want := range tt.wantErr {
				assert.Contains(t, err.Error(), want)
			}
		})
	}
}

func TestPolicyJitter(t *testing.T) {
	t.Parallel()

	tests := []struct {
		name   string
		jitter func(time.Duration) time.Duration
		limit  time.Duration
		want   time.Duration
	}{
		{name: "zero limit", jitter: jitterMax, limit: 0, want: 0},
		{name: "negative limit", jitter: jitterMax, limit: -time.Second, want: 0},
		{name: "max", jitter: jitterMax, limit: time.Second, want: time.Second},
		{name: "half", jitter: jitterHalf, limit: time.Second, want: 500 * time.Millisecond},
		{
			name:   "too large is clamped",
			jitter: func(limit time.Duration) time.Duration { return 2 * limit },
			limit:  time.Second,
			want:   time.Second,
		},
		{
			name:   "negative is clamped",
			jitter: func(time.Duration) time.Duration { return -time.Hour },
			limit:  time.Second,
			want:   0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			p := Policy{Jitter: tt.jitter}
			assert.Equal(t, tt.want, p.jitter(tt.limit))
		})
	}
}

func TestPolicyJitterDefaultSource(t *testing.T) {
	t.Parallel()

	var p Policy
	for _, limit := range []time.Duration{1, 3, time.Millisecond, math.MaxInt64} {
		for range 200 {
			got := p.jitter(limit)
			require.GreaterOrEqual(t, got, time.Duration(0))
			require.LessOrEqual(t, got, limit)
		}
	}

	// With a limit of 1ns both ends of [0, 1ns] must be reachable.
	seen := map[time.Duration]bool{}
	for i := 0; i < 1000 && len(seen) < 2; i++ {
		seen[p.jitter(1)] = true
	}
	assert.Equal(t, map[time.Duration]bool{0: true, 1: true}, seen)
}

func TestErrInvalidPolicyIsSentinel(t *testing.T) {
	t.Parallel()

	err := Policy{MaxRetries: -1}.Validate()
	assert.True(t, errors.Is(err, ErrInvalidPolicy))
}
