package retry

import (
	"context"
	"fmt"
	"time"
)

// Sleep waits for d or until ctx is done, whichever comes first. It returns
// nil after a full wait. When ctx ends first it returns at once with an
// error that satisfies errors.Is against ctx.Err() (context.Canceled or
// context.DeadlineExceeded) and also wraps the context's cause when one was
// set with a different value. A non-positive d returns immediately: nil
// unless ctx is already done.
func Sleep(ctx context.Context, d time.Duration) error {
	if err := ctxError(ctx); err != nil {
		return err
	}
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctxError(ctx)
	}
}

// ctxError returns nil while ctx is live, otherwise ctx.Err() joined with
// its cause when the two differ.
func ctxError(ctx context.Context) error {
	err := ctx.Err()
	if err == nil {
		return nil
	}
	if cause := context.Cause(ctx); cause != nil && cause != err {
		return fmt.Errorf("%w: %w", err, cause)
	}
	return err
}
