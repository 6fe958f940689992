package retry_test

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/tmdbfusion/tmdbfusion/internal/retry"
)

func ExamplePolicy_Decide() {
	p := retry.DefaultPolicy()
	p.Jitter = func(limit time.Duration) time.Duration { return limit } // deterministic output

	fmt.Println(p.Decide(retry.Outcome{Method: "POST", StatusCode: 429, RetryAfter: "2"}))
	fmt.Println(p.Decide(retry.Outcome{Method: "POST", StatusCode: 429}))
	fmt.Println(p.Decide(retry.Outcome{Method: "POST", StatusCode: 500}))
	fmt.Println(p.Decide(retry.Outcome{Method: "GET", StatusCode: 500, Retry: 1}))
	fmt.Println(p.Decide(retry.Outcome{Method: "POST", Err: io.ErrUnexpectedEOF}))
	fmt.Println(p.Decide(retry.Outcome{Method: "GET", Err: context.Canceled}))
	// Output:
	// {true 2s}
	// {true 1s}
	// {false 0s}
	// {true 1s}
	// {false 0s}
	// {false 0s}
}

func ExampleSleep() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := retry.Sleep(ctx, time.Minute)
	fmt.Println(err)
	// Output: context canceled
}
