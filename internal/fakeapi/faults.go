package fakeapi

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// FaultKind is a way for a response to fail; see [Fault].
type FaultKind int

const (
	// RateLimit answers 429 with TMDB's status_code 25 and, when
	// Fault.RetryAfter is set, a Retry-After header.
	RateLimit FaultKind = iota + 1
	// ServerError answers Fault.Status (default 500) with TMDB's JSON
	// envelope (code 11; 9 for 503, 24 for 504, 43 for 502) and, when set,
	// Retry-After.
	ServerError
	// HTMLError answers Fault.Status (default 502) with an HTML page as a
	// CDN or proxy in front of TMDB would, Content-Type text/html.
	HTMLError
	// Malformed answers 200 with a body that is not valid JSON.
	Malformed
	// Truncated sends the real response's headers, with the Content-Length
	// of the full body, then half the body, then closes the connection.
	Truncated
	// SlowBody sends the real response's headers and the first half of the
	// body at once, then waits Fault.Delay (default one second), or until
	// the client goes away, before sending the rest.
	SlowBody
	// Drop closes the connection without sending a response.
	Drop
	// EmptyBody answers Fault.Status (default 200) with an empty body.
	EmptyBody
)

var faultNames = map[FaultKind]string{
	RateLimit: "RateLimit", ServerError: "ServerError", HTMLError: "HTMLError", Malformed: "Malformed",
	Truncated: "Truncated", SlowBody: "SlowBody", Drop: "Drop", EmptyBody: "EmptyBody",
}

// String returns the kind's name.
func (k FaultKind) String() string {
	if n, ok := faultNames[k]; ok {
		return n
	}
	return "FaultKind(" + strconv.Itoa(int(k)) + ")"
}

// Fault makes the next matching requests fail in a controlled way. Faults
// are consumed in the order they were injected; a faulted request still
// counts in [Server.Calls]. Kinds that need the real response (Truncated,
// SlowBody) run the request normally, with its effects, and shape what is
// sent; the others answer without running it.
type Fault struct {
	// Operation is the operationId the fault applies to, as in the spec
	// (e.g. "getMovieDetails"); "" matches any operation.
	Operation string
	// Kind is how the response fails.
	Kind FaultKind
	// Count is how many matching requests fail; 0 means 1.
	Count int
	// Status overrides the HTTP status of ServerError, HTMLError and
	// EmptyBody.
	Status int
	// RetryAfter is the Retry-After header of RateLimit and ServerError
	// answers (seconds or an HTTP date); none when empty.
	RetryAfter string
	// Delay is how long SlowBody stalls; 0 means one second.
	Delay time.Duration
}

// needsResponse reports whether the fault shapes the real response.
func (f Fault) needsResponse() bool { return f.Kind == Truncated || f.Kind == SlowBody }

// InjectFault queues f. It panics when f.Kind is not a known kind or
// f.Operation is not an operationId of the spec, both programming errors.
func (s *Server) InjectFault(f Fault) {
	if _, ok := faultNames[f.Kind]; !ok {
		panic(fmt.Sprintf("fakeapi: InjectFault: unknown fault kind %d", int(f.Kind)))
	}
	if f.Operation != "" && !s.operations[f.Operation] {
		panic(fmt.Sprintf("fakeapi: InjectFault: %q is not an operationId of the spec", f.Operation))
	}
	if f.Count <= 0 {
		f.Count = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.faults = append(s.st.faults, f)
}

// ClearFaults drops every pending fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.faults = nil
}

// countAndTakeFault records a request for the operation and consumes the
// first pending fault that matches it.
func (s *Server) countAndTakeFault(op string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.calls[op]++
	for i := range s.st.faults {
		f := &s.st.faults[i]
		if f.Operation != "" && f.Operation != op {
			continue
		}
		taken := *f
		if f.Count--; f.Count == 0 {
			s.st.faults = append(s.st.faults[:i], s.st.faults[i+1:]...)
		}
		return taken, true
	}
	return Fault{}, false
}

// serveFault answers r as the fault says. rec holds the real response for
// the kinds that need one.
func serveFault(w http.ResponseWriter, r *http.Request, f Fault, rec *recorder) {
	h := w.Header()
	if f.RetryAfter != "" && (f.Kind == RateLimit || f.Kind == ServerError) {
		h.Set("Retry-After", f.RetryAfter)
	}
	switch f.Kind {
	case RateLimit:
		writeEnvelope(w, http.StatusTooManyRequests, codeRateLimited, statusMessages[codeRateLimited])
	case ServerError:
		status := cmpOr(f.Status, http.StatusInternalServerError)
		code := map[int]int{
			http.StatusBadGateway:         codeBackendDown,
			http.StatusServiceUnavailable: codeServiceOffline,
			http.StatusGatewayTimeout:     codeBackendTimeout,
		}[status]
		code = cmpOr(code, codeInternalError)
		writeEnvelope(w, status, code, statusMessages[code])
	case HTMLError:
		status := cmpOr(f.Status, http.StatusBadGateway)
		text := strconv.Itoa(status) + " " + http.StatusText(status)
		body := "<html>\r\n<head><title>" + text + "</title></head>\r\n<body>\r\n<center><h1>" + text +
			"</h1></center>\r\n<hr><center>cloudfront</center>\r\n</body>\r\n</html>\r\n"
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	case Malformed:
		body := `{"page":1,"results":[{"id":550,"title":"Fight Club",,}],"total_pages":1`
		h.Set("Content-Type", jsonContentType)
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(body))
	case EmptyBody:
		h.Set("Content-Type", jsonContentType)
		h.Set("Content-Length", "0")
		w.WriteHeader(cmpOr(f.Status, http.StatusOK))
	case Drop:
		dropConnection(w, false)
	case Truncated:
		body := rec.body.Bytes()
		copyHeader(h, rec.header)
		w.WriteHeader(rec.code())
		_, _ = w.Write(body[:len(body)/2])
		dropConnection(w, true)
	case SlowBody:
		body := rec.body.Bytes()
		copyHeader(h, rec.header)
		w.WriteHeader(rec.code())
		_, _ = w.Write(body[:len(body)/2])
		rc := http.NewResponseController(w)
		_ = rc.Flush()
		delay := f.Delay
		if delay <= 0 {
			delay = time.Second
		}
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
			_, _ = w.Write(body[len(body)/2:])
		case <-r.Context().Done():
		}
	}
}

// dropConnection closes the connection, after sending what was written
// when flush is set. When the connection cannot be taken over (HTTP/2), it
// aborts the handler, which resets the stream.
func dropConnection(w http.ResponseWriter, flush bool) {
	rc := http.NewResponseController(w)
	if flush {
		_ = rc.Flush()
	}
	conn, _, err := rc.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// cmpOr returns v, or def when v is 0.
func cmpOr(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
