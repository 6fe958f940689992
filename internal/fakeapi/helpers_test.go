package fakeapi_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// harness is a fake on loopback with response validation on, and a small
// JSON client for it.
type harness struct {
	t    testing.TB
	fake *fakeapi.Server
	srv  *httptest.Server
	hc   *http.Client

	mu      sync.Mutex
	reports []string
}

func newHarness(t testing.TB, opts ...fakeapi.Option) *harness {
	t.Helper()
	h := &harness{t: t}
	opts = append([]fakeapi.Option{fakeapi.WithResponseValidation(func(op string, err error) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.reports = append(h.reports, op+": "+err.Error())
	})}, opts...)
	h.fake = fakeapi.New(opts...)
	h.srv = httptest.NewServer(h.fake)
	h.hc = h.srv.Client()
	t.Cleanup(func() {
		h.srv.CloseClientConnections()
		h.srv.Close()
		h.mu.Lock()
		defer h.mu.Unlock()
		for _, r := range h.reports {
			t.Errorf("response does not match the spec: %s", r)
		}
	})
	return h
}

// result is a decoded response.
type result struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// code returns TMDB's status_code of the body.
func (r result) code() int {
	c, _ := r.body["status_code"].(float64)
	return int(c)
}

// request sends a request with the API key added to the query; body is
// sent as JSON when not nil.
func (h *harness) request(method, path string, body any) result {
	h.t.Helper()
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return h.raw(method, path+sep+"api_key="+h.fake.APIKey(), body, nil)
}

// raw sends a request as given, with the extra headers.
func (h *harness) raw(method, path string, body any, header http.Header) result {
	h.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(h.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, h.srv.URL+path, rd)
	require.NoError(h.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json;charset=utf-8")
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := h.hc.Do(req)
	require.NoError(h.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(h.t, err)
	r := result{status: resp.StatusCode, header: resp.Header, raw: raw}
	if len(raw) > 0 && raw[0] == '{' {
		require.NoError(h.t, json.Unmarshal(raw, &r.body), "body: %s", raw)
	}
	return r
}

func (h *harness) get(path string) result {
	h.t.Helper()
	return h.request(http.MethodGet, path, nil)
}

// requireError checks an error answer: HTTP status, TMDB code and envelope.
func requireError(t testing.TB, r result, status, code int) {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.raw)
	require.Equal(t, code, r.code(), "body: %s", r.raw)
	require.Equal(t, false, r.body["success"], "body: %s", r.raw)
	require.NotEmpty(t, r.body["status_message"])
	require.Equal(t, "application/json;charset=utf-8", r.header.Get("Content-Type"))
}

// session runs the request-token flow and returns a session id.
func (h *harness) session() string {
	h.t.Helper()
	tok := h.get("/3/authentication/token/new")
	require.Equal(h.t, http.StatusOK, tok.status)
	token := tok.body["request_token"].(string)
	require.NoError(h.t, h.fake.Approve(token))
	s := h.request(http.MethodPost, "/3/authentication/session/new", map[string]string{"request_token": token})
	require.Equal(h.t, http.StatusOK, s.status, "body: %s", s.raw)
	return s.body["session_id"].(string)
}

// guest opens a guest session.
func (h *harness) guest() string {
	h.t.Helper()
	g := h.get("/3/authentication/guest_session/new")
	require.Equal(h.t, http.StatusOK, g.status)
	return g.body["guest_session_id"].(string)
}
