package fakeapi

import (
	"sync"
	"time"
)

// Clock is the time source of a [Server]: token and guest session expiry
// follow it. A Clock from [NewClock] stands still until advanced; the default
// clock of a server follows real time, and Advance moves it ahead of real
// time. A Clock is safe for concurrent use.
type Clock struct {
	mu     sync.Mutex
	start  time.Time // the manual clock's time, zero for a real-time clock
	offset time.Duration
}

// NewClock returns a clock that reads start until [Clock.Advance] moves it.
func NewClock(start time.Time) *Clock {
	if start.IsZero() {
		start = time.Unix(0, 0)
	}
	return &Clock{start: start}
}

// newRealClock returns a clock that follows real time.
func newRealClock() *Clock { return &Clock{} }

// Now returns the clock's current time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.start.IsZero() {
		return time.Now().Add(c.offset)
	}
	return c.start.Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}
