package tmdb_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

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
	data, err := os.ReadFile(filepath.Join(benchExamples, name))
	require.NoError(tb, err)
	return data
}

// benchAppendedDetails builds the body of movie details with credits,
// videos and images appended, as TMDB sends it: the details example with
// the three sub-resource examples under their keys, each without its "id".
func benchAppendedDetails(tb testing.TB) []byte {
	tb.Helper()
	doc := benchObject(tb, "movie-details.200.json")
	for key, file := range map[string]string{
		"credits": "movie-credits.200.json",
		"videos":  "movie-videos.200.json",
		"images":  "movie-images.200.json",
	} {
		part := benchObject(tb, file)
		delete(part, "id")
		raw, err := json.Marshal(part)
		require.NoError(tb, err)
		doc[key] = raw
	}
	body, err := json.Marshal(doc)
	require.NoError(tb, err)
	return body
}

// benchObject reads one example as a JSON object.
func benchObject(tb testing.TB, name string) map[string]json.RawMessage {
	tb.Helper()
	var obj map[string]json.RawMessage
	require.NoError(tb, json.Unmarshal(benchExample(tb, name), &obj), name)
	return obj
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
