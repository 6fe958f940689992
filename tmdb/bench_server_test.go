package tmdb_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/examples"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// benchKey and benchSession are well-formed credentials the loopback
// servers of the benchmarks accept without looking.
const (
	benchKey     = "0123456789abcdef0123456789abcdef"
	benchSession = "2629f70fb498edc263a0adb99118ac41f0053e8c"
)

// benchExamples holds TMDB's published response examples.
const benchExamples = "../testdata/examples"

// benchExample returns one example file as it is published.
func benchExample(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := examples.Read(benchExamples, name)
	require.NoError(tb, err)
	return data
}

// benchAppendedDetails is the largest common TMDB response, ~91 KB.
func benchAppendedDetails(tb testing.TB) []byte {
	tb.Helper()
	body, err := examples.AppendedDetails(benchExamples)
	require.NoError(tb, err)
	return body
}

// benchServer is a loopback server that answers every request with one
// status and body, and counts the TCP connections clients open to it: in
// all, and the most open at once.
type benchServer struct {
	*httptest.Server
	conns atomic.Int64 // opened
	open  atomic.Int64 // open now
	peak  atomic.Int64 // most open at once
}

// newBenchServer starts a server answering status and body as TMDB does,
// with "Content-Type: application/json;charset=utf-8" and a Content-Length,
// so that a decoder which stops at the end of the value still sees the end
// of the body and the connection is reused on both sides. It reads the
// whole request body first, so POSTs keep their connection too.
func newBenchServer(tb testing.TB, status int, body []byte) *benchServer {
	tb.Helper()
	length := strconv.Itoa(len(body))
	s := &benchServer{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		h := w.Header()
		h["Content-Type"] = []string{"application/json;charset=utf-8"}
		h["Content-Length"] = []string{length}
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		switch st {
		case http.StateNew:
			s.conns.Add(1)
			benchRaise(&s.peak, s.open.Add(1))
		case http.StateClosed, http.StateHijacked:
			s.open.Add(-1)
		}
	}
	s.Start()
	tb.Cleanup(s.Close)
	return s
}

// benchRaise sets m to n when n is larger.
func benchRaise(m *atomic.Int64, n int64) {
	for {
		p := m.Load()
		if n <= p || m.CompareAndSwap(p, n) {
			return
		}
	}
}

// newBenchFacade returns the client of the main pairs: no rate limiter, no
// retries, the tuned default *http.Client.
func newBenchFacade(tb testing.TB, srv *benchServer, opts ...tmdb.Option) *tmdb.Client {
	tb.Helper()
	base := []tmdb.Option{tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0), tmdb.WithMaxRetries(0)}
	c, err := tmdb.New(benchKey, append(base, opts...)...)
	require.NoError(tb, err)
	return c
}
