package retry

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSleepCompletes(t *testing.T) {
	t.Parallel()

	start := time.Now()
	require.NoError(t, Sleep(context.Background(), 20*time.Millisecond))
	assert.GreaterOrEqual(t, time.Since(start), 20*time.Millisecond)
}

func TestSleepNonPositive(t *testing.T) {
	t.Parallel()

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()

	tests := []struct {
		name    string
		ctx     context.Context
		d       time.Duration
		wantErr error
	}{
		{name: "zero", ctx: context.Background(), d: 0},
		{name: "negative", ctx: context.Background(), d: -time.Hour},
		{name: "zero with done context", ctx: cancelled, d: 0, wantErr: context.Canceled},
		{name: "negative with done context", ctx: cancelled, d: -time.Second, wantErr: context.Canceled},
		{name: "positive with done context", ctx: cancelled, d: time.Hour, wantErr: context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			err := Sleep(tt.ctx, tt.d)
			if tt.wantErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
		})
	}
}

func TestSleepCancelledMidWait(t *testing.T) {
	t.Parallel()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(10*time.Millisecond, cancel)

	start := time.Now()
	err := Sleep(ctx, time.Minute)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled))
	assert.Less(t, time.Since(start), 30*time.Second)
}

func TestSleepDeadline(t *testing.T) {
	t.Parallel()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()

	start := time.Now()
	err := Sleep(ctx, time.Minute)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 30*time.Second)
}

func TestSleepKeepsCause(t *testing.T) {
	t.Parallel()

	errShutdown := errors.New("shutting down")
	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(10*time.Millisecond, func() { cancel(errShutdown) })

	err := Sleep(ctx, time.Minute)
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorIs(t, err, errShutdown)
	assert.Equal(t, "context canceled: shutting down", err.Error())
}
