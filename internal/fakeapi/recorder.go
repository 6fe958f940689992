package fakeapi

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
)

// recorder buffers a handler's response so that the server can validate it,
// give it TMDB's headers, or shape it with a fault before sending it.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}

// code returns the status written, 200 when the handler wrote none.
func (r *recorder) code() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}

// finish gives the buffered response TMDB's Content-Type and an exact
// Content-Length.
func (r *recorder) finish() {
	if ct := r.header.Get("Content-Type"); ct == "" || strings.HasPrefix(ct, "application/json") {
		r.header.Set("Content-Type", jsonContentType)
	}
	r.header.Set("Content-Length", strconv.Itoa(r.body.Len()))
}

// writeTo sends the buffered response to w.
func (r *recorder) writeTo(w http.ResponseWriter) {
	copyHeader(w.Header(), r.header)
	w.WriteHeader(r.code())
	_, _ = w.Write(r.body.Bytes())
}

func copyHeader(dst, src http.Header) {
	for k, v := range src {
		dst[k] = append([]string(nil), v...)
	}
}
