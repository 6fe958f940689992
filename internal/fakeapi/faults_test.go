package fakeapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// fetch gets path with the API key on a connection of its own (no
// keep-alive, so that the transport never retries a dropped request) and
// returns the response and the error reading its body.
func (h *harness) fetch(ctx context.Context, path string) (*http.Response, []byte, error) {
	h.t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.srv.URL+path+"?api_key="+h.fake.APIKey(), nil)
	require.NoError(h.t, err)
	hc := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func TestFaultRateLimit(t *testing.T) {
	h := newHarness(t)
	h.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.RateLimit, Count: 2, RetryAfter: "3"})
	assert.Equal(t, http.StatusOK, h.get("/3/configuration").status, "other operations are not affected")
	for range 2 {
		r := h.get("/3/movie/550")
		requireError(t, r, http.StatusTooManyRequests, 25)
		assert.Equal(t, "3", r.header.Get("Retry-After"))
	}
	assert.Equal(t, http.StatusOK, h.get("/3/movie/550").status, "the fault is consumed")
	assert.Equal(t, 3, h.fake.Calls("getMovieDetails"))
	assert.Equal(t, 1, h.fake.Calls("getConfiguration"))
	assert.Equal(t, 4, h.fake.TotalCalls())

	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.RateLimit})
	r := h.get("/3/movie/550")
	requireError(t, r, http.StatusTooManyRequests, 25)
	assert.Empty(t, r.header.Get("Retry-After"))
}

func TestFaultServerError(t *testing.T) {
	h := newHarness(t)
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.ServerError})
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.ServerError, Status: http.StatusServiceUnavailable, RetryAfter: "1"})
	requireError(t, h.get("/3/movie/550"), http.StatusInternalServerError, 11)
	r := h.get("/3/configuration")
	requireError(t, r, http.StatusServiceUnavailable, 9)
	assert.Equal(t, "1", r.header.Get("Retry-After"))
	assert.Equal(t, http.StatusOK, h.get("/3/movie/550").status)
}

func TestFaultHTMLError(t *testing.T) {
	h := newHarness(t)
	h.fake.InjectFault(fakeapi.Fault{Operation: "getPopularMovies", Kind: fakeapi.HTMLError})
	h.fake.InjectFault(fakeapi.Fault{Operation: "getPopularMovies", Kind: fakeapi.HTMLError, Status: http.StatusGatewayTimeout})
	r := h.get("/3/movie/popular")
	assert.Equal(t, http.StatusBadGateway, r.status)
	assert.Equal(t, "text/html; charset=utf-8", r.header.Get("Content-Type"))
	assert.True(t, strings.HasPrefix(string(r.raw), "<html>"))
	assert.Equal(t, http.StatusGatewayTimeout, h.get("/3/movie/popular").status)
	assert.Equal(t, http.StatusOK, h.get("/3/movie/popular").status)
}

func TestFaultMalformed(t *testing.T) {
	h := newHarness(t)
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.Malformed})
	resp, body, err := h.fetch(context.Background(), "/3/movie/550")
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/json;charset=utf-8", resp.Header.Get("Content-Type"))
	assert.False(t, json.Valid(body))
	var v map[string]any
	assert.Error(t, json.Unmarshal(body, &v))
}

func TestFaultTruncated(t *testing.T) {
	h := newHarness(t)
	_, full, err := h.fetch(context.Background(), "/3/movie/550/credits")
	require.NoError(t, err)

	h.fake.InjectFault(fakeapi.Fault{Operation: "getMovieCredits", Kind: fakeapi.Truncated})
	resp, body, err := h.fetch(context.Background(), "/3/movie/550/credits")
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, strconv.Itoa(len(full)), resp.Header.Get("Content-Length"))
	assert.Equal(t, full[:len(full)/2], body)

	_, again, err := h.fetch(context.Background(), "/3/movie/550/credits")
	require.NoError(t, err)
	assert.Equal(t, full, again)
}

func TestFaultSlowBody(t *testing.T) {
	requireNoFaultGoroutines(t)
	h := newHarness(t)
	_, full, err := h.fetch(context.Background(), "/3/movie/550")
	require.NoError(t, err)

	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.SlowBody, Delay: 200 * time.Millisecond})
	start := time.Now()
	resp, body, err := h.fetch(context.Background(), "/3/movie/550")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 200*time.Millisecond)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, full, body)

	// A client that gives up releases the stalled handler at once.
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.SlowBody, Delay: time.Hour})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start = time.Now()
	resp, _, err = h.fetch(ctx, "/3/movie/550")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "headers arrived before the stall")
	assert.Less(t, time.Since(start), 10*time.Second)
}

func TestFaultDrop(t *testing.T) {
	h := newHarness(t)
	h.fake.InjectFault(fakeapi.Fault{Operation: "getMovieDetails", Kind: fakeapi.Drop})
	_, _, err := h.fetch(context.Background(), "/3/movie/550")
	require.Error(t, err)
	assert.True(t, errors.Is(err, io.EOF) || strings.Contains(err.Error(), "EOF"), err.Error())
	_, _, err = h.fetch(context.Background(), "/3/movie/550")
	require.NoError(t, err)
	assert.Equal(t, 2, h.fake.Calls("getMovieDetails"))
}

func TestFaultEmptyBody(t *testing.T) {
	h := newHarness(t)
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.EmptyBody, Count: 2})
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.EmptyBody, Status: http.StatusBadGateway})
	for _, want := range []int{http.StatusOK, http.StatusOK, http.StatusBadGateway} {
		r := h.get("/3/movie/550")
		assert.Equal(t, want, r.status)
		assert.Empty(t, r.raw)
	}
	assert.Equal(t, http.StatusOK, h.get("/3/movie/550").status)
}

func TestFaultBookkeeping(t *testing.T) {
	h := newHarness(t)
	assert.Panics(t, func() { h.fake.InjectFault(fakeapi.Fault{Operation: "GetMovieDetails", Kind: fakeapi.RateLimit}) })
	assert.Panics(t, func() { h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.FaultKind(99)}) })
	assert.Panics(t, func() { h.fake.InjectFault(fakeapi.Fault{}) })
	assert.Equal(t, "SlowBody", fakeapi.SlowBody.String())

	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.ServerError, Count: 5})
	requireError(t, h.get("/3/movie/550"), http.StatusInternalServerError, 11)
	h.fake.ClearFaults()
	assert.Equal(t, http.StatusOK, h.get("/3/movie/550").status)

	// A fault for one operation does not block a later one for another.
	h.fake.InjectFault(fakeapi.Fault{Operation: "getMovieCredits", Kind: fakeapi.ServerError})
	h.fake.InjectFault(fakeapi.Fault{Operation: "getMovieVideos", Kind: fakeapi.RateLimit})
	requireError(t, h.get("/3/movie/550/videos"), http.StatusTooManyRequests, 25)
	requireError(t, h.get("/3/movie/550/credits"), http.StatusInternalServerError, 11)
	assert.Equal(t, http.StatusOK, h.get("/3/movie/550/videos").status)
}

// requireNoFaultGoroutines fails the test when, after the test and its
// servers are done, a goroutine is still inside the fake's fault code.
func requireNoFaultGoroutines(t *testing.T) {
	t.Cleanup(func() {
		deadline := time.Now().Add(2 * time.Second)
		for {
			buf := make([]byte, 1<<20)
			stacks := string(buf[:runtime.Stack(buf, true)])
			if !strings.Contains(stacks, "fakeapi.serveFault") {
				return
			}
			if time.Now().After(deadline) {
				t.Errorf("goroutines left behind:\n%s", stacks)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}
