package fakeapi_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestLoggerKeepsSecretsOut(t *testing.T) {
	var buf syncBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := newHarness(t, fakeapi.WithLogger(log))
	session := h.session()
	guest := h.guest()
	h.get("/3/movie/550/account_states?session_id=" + session)
	h.get("/3/guest_session/" + guest + "/rated/movies")
	h.fake.InjectFault(fakeapi.Fault{Kind: fakeapi.ServerError})
	h.get("/3/movie/550")
	h.get("/3/nowhere")

	out := buf.String()
	assert.Contains(t, out, "operation=getMovieAccountStates")
	assert.Contains(t, out, "fault=ServerError")
	for _, secret := range []string{h.fake.APIKey(), session, guest} {
		assert.NotContains(t, out, secret)
	}
}

func TestPathIDs(t *testing.T) {
	h := newHarness(t)
	requireError(t, h.get("/3/movie/0"), http.StatusNotFound, 34)
	requireError(t, h.get("/3/movie/-5/credits"), http.StatusNotFound, 34)
	requireError(t, h.get("/3/account/x?session_id=s"), http.StatusNotFound, 34)
	requireError(t, h.get("/3/movie/550/"), http.StatusNotFound, 34)
}

func TestRequestBodies(t *testing.T) {
	h := newHarness(t)
	// A body without Content-Type, and one that is not JSON.
	for _, hdr := range []http.Header{nil, {"Content-Type": {"application/json"}}} {
		req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/3/authentication/session/new?api_key="+h.fake.APIKey(),
			bytes.NewReader([]byte("request_token=abc")))
		for k, v := range hdr {
			req.Header[k] = v
		}
		resp, err := h.hc.Do(req)
		if !assert.NoError(t, err) {
			continue
		}
		resp.Body.Close()
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	}
}
