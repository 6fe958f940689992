package tmdb

import (
	"net/http"
	"testing"

	"go.uber.org/goleak"
)

// verifyNoLeaks makes t fail when it leaves a goroutine behind. Call it
// first in the test: the check runs after every cleanup registered later
// (closing servers and idle connections), and ignores the goroutines alive
// at the call, which belong to other tests and to the testing package. The
// test must not run in parallel with others, whose goroutines would count.
func verifyNoLeaks(t *testing.T) {
	t.Helper()
	alive := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, alive) })
}

// closeIdleConnections closes the idle keep-alive connections of the
// client's transport, which would otherwise keep their goroutines until
// the idle timeout.
func closeIdleConnections(c *Client) {
	if tr, ok := c.cfg.httpClient.Transport.(*http.Transport); ok {
		tr.CloseIdleConnections()
	}
}
