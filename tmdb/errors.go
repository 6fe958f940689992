package tmdb

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// APIError is a response from TMDB (or a proxy in front of it) that is not a
// success. Every error the client returns for such a response is an
// *APIError or wraps one, so errors.As(err, &apiErr) always works; the
// specific types below say which kind of failure it was.
//
// An APIError never contains a credential or a session id: the path is
// redacted and the body excerpt is kept only when it is not TMDB's envelope.
type APIError struct {
	// HTTPStatus is the HTTP status code of the response.
	HTTPStatus int
	// Code is TMDB's status_code from the body (see TMDB's list of codes
	// 1–47), or 0 when the body was not TMDB's JSON envelope.
	Code int
	// Message is TMDB's status_message, or a short excerpt of a body that
	// was not TMDB's envelope (an HTML page from a proxy, for example).
	Message string
	// Operation is the spec's operationId, such as "getMovieDetails".
	Operation string
	// Method and Path are the request's HTTP method and URL path (no
	// host, no query), with a guest session id replaced by "REDACTED".
	Method string
	Path   string
	// RetryAfter is the wait the server asked for with Retry-After, or 0.
	RetryAfter time.Duration
	// Attempts is how many times the request was sent.
	Attempts int
}

// Error describes the failure in one line.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("tmdb: ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	if e.Method != "" {
		b.WriteString(e.Method)
		b.WriteByte(' ')
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString("HTTP ")
	b.WriteString(strconv.Itoa(e.HTTPStatus))
	if t := http.StatusText(e.HTTPStatus); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	if e.Code != 0 {
		b.WriteString(", status_code ")
		b.WriteString(strconv.Itoa(e.Code))
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// apiError returns e; the types wrapping an *APIError inherit it.
func (e *APIError) apiError() *APIError { return e }

// Is lets errors.Is match an APIError against the sentinel errors
// ErrUnauthorized, ErrForbidden, ErrNotFound, ErrRateLimited, ErrInvalid
// and ErrServer.
func (e *APIError) Is(target error) bool {
	k, ok := target.(kindError)
	return ok && classify(e.HTTPStatus, e.Code) == errorKind(k)
}

// AuthenticationError reports that TMDB does not know who is calling: an
// invalid or suspended API key or token, an unapproved or expired request
// token, a denied, revoked or missing session, or a wrong login (HTTP 401,
// and TMDB codes such as 3, 7, 10, 17, 30, 33 and 41).
type AuthenticationError struct{ *APIError }

// Unwrap returns the underlying *APIError.
func (e *AuthenticationError) Unwrap() error { return e.APIError }

// AuthorizationError reports that TMDB knows the caller but does not allow
// the action (HTTP 403, and TMDB codes 36, 38, 39 and 45).
type AuthorizationError struct{ *APIError }

// Unwrap returns the underlying *APIError.
func (e *AuthorizationError) Unwrap() error { return e.APIError }

// ValidationError reports a request TMDB refused as malformed: a bad
// parameter, page, date range or body (HTTP 400, 405, 406 and 422, and
// TMDB codes such as 5, 18, 22 and 27). Message says what TMDB objected to.
type ValidationError struct{ *APIError }

// Unwrap returns the underlying *APIError.
func (e *ValidationError) Unwrap() error { return e.APIError }

// NotFoundError reports that the resource does not exist (HTTP 404, TMDB
// codes 6, 34 and 37).
type NotFoundError struct{ *APIError }

// Unwrap returns the underlying *APIError.
func (e *NotFoundError) Unwrap() error { return e.APIError }

// RateLimitError reports that TMDB throttled the client (HTTP 429, TMDB
// code 25) and retries, if any, did not get through. RetryAfter is the wait
// the server asked for, when it said.
type RateLimitError struct{ *APIError }

// Unwrap returns the underlying *APIError.
func (e *RateLimitError) Unwrap() error { return e.APIError }

// ServerError reports a failure on TMDB's side or its CDN's (HTTP 5xx, and
// TMDB codes such as 9, 11, 24, 43 and 46).
type ServerError struct{ *APIError }

// Unwrap returns the underlying *APIError.
func (e *ServerError) Unwrap() error { return e.APIError }

// Sentinel errors for errors.Is. Each matches every *APIError of its kind.
var (
	ErrUnauthorized error = kindError(kindAuthentication)
	ErrForbidden    error = kindError(kindAuthorization)
	ErrInvalid      error = kindError(kindValidation)
	ErrNotFound     error = kindError(kindNotFound)
	ErrRateLimited  error = kindError(kindRateLimit)
	ErrServer       error = kindError(kindServer)
)

type errorKind int

const (
	kindOther errorKind = iota
	kindAuthentication
	kindAuthorization
	kindValidation
	kindNotFound
	kindRateLimit
	kindServer
)

type kindError errorKind

func (k kindError) Error() string {
	switch errorKind(k) {
	case kindAuthentication:
		return "tmdb: authentication failed"
	case kindAuthorization:
		return "tmdb: not allowed"
	case kindValidation:
		return "tmdb: invalid request"
	case kindNotFound:
		return "tmdb: not found"
	case kindRateLimit:
		return "tmdb: rate limited"
	case kindServer:
		return "tmdb: server error"
	}
	return "tmdb: request failed"
}

// codeKinds classifies TMDB's status codes. A code decides before the HTTP
// status does, because some arrive with a surprising status (code 36 with
// 401, code 41 with 422).
var codeKinds = map[int]errorKind{
	2: kindServer, 3: kindAuthentication, 4: kindValidation, 5: kindValidation,
	6: kindNotFound, 7: kindAuthentication, 9: kindServer, 10: kindAuthentication,
	11: kindServer, 14: kindAuthentication, 15: kindServer, 16: kindAuthentication,
	17: kindAuthentication, 18: kindValidation, 19: kindValidation, 20: kindValidation,
	22: kindValidation, 23: kindValidation, 24: kindServer, 25: kindRateLimit,
	26: kindValidation, 27: kindValidation, 28: kindValidation, 29: kindValidation,
	30: kindAuthentication, 31: kindAuthentication, 32: kindAuthentication,
	33: kindAuthentication, 34: kindNotFound, 35: kindAuthentication,
	36: kindAuthorization, 37: kindNotFound, 38: kindAuthorization,
	39: kindAuthorization, 41: kindAuthentication, 42: kindValidation,
	43: kindServer, 44: kindServer, 45: kindAuthorization, 46: kindServer,
	47: kindValidation,
}

// classify decides the kind of a failed response, by TMDB code first and
// HTTP status second.
func classify(status, code int) errorKind {
	if k, ok := codeKinds[code]; ok {
		return k
	}
	switch {
	case status == http.StatusUnauthorized:
		return kindAuthentication
	case status == http.StatusForbidden:
		return kindAuthorization
	case status == http.StatusNotFound:
		return kindNotFound
	case status == http.StatusTooManyRequests:
		return kindRateLimit
	case status == http.StatusBadRequest, status == http.StatusMethodNotAllowed,
		status == http.StatusNotAcceptable, status == http.StatusUnprocessableEntity:
		return kindValidation
	case status >= 500:
		return kindServer
	}
	return kindOther
}

// typed wraps e in the specific type for its kind.
func (e *APIError) typed() error {
	switch classify(e.HTTPStatus, e.Code) {
	case kindAuthentication:
		return &AuthenticationError{e}
	case kindAuthorization:
		return &AuthorizationError{e}
	case kindValidation:
		return &ValidationError{e}
	case kindNotFound:
		return &NotFoundError{e}
	case kindRateLimit:
		return &RateLimitError{e}
	case kindServer:
		return &ServerError{e}
	}
	return e
}

// TransportError reports a request that got no complete response: the
// connection failed or broke, the body stalled past the timeout, or the
// context ended. Err keeps the cause, so errors.Is(err,
// context.DeadlineExceeded) and errors.Is(err, context.Canceled) work.
type TransportError struct {
	// Operation is the spec's operationId, such as "getMovieDetails".
	Operation string
	// Method and Path are the request's HTTP method and redacted URL path.
	Method string
	Path   string
	// Attempts is how many times the request was sent.
	Attempts int
	// Err is the cause, with secrets removed from its text: the URL of a
	// *url.Error, and any a transport wrote into its own message.
	Err error
}

// Error describes the failure in one line.
func (e *TransportError) Error() string {
	s := "tmdb: " + e.Operation + ": " + e.Method + " " + e.Path + ": " + e.Err.Error()
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return s
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// DecodeError reports a success response whose body could not be decoded
// into the operation's type, or was larger than the client accepts.
type DecodeError struct {
	// Operation is the spec's operationId, such as "getMovieDetails".
	Operation string
	// HTTPStatus is the status of the response, a 2xx.
	HTTPStatus int
	// Err is the decoder's error, or one wrapping ErrResponseTooLarge.
	Err error
}

// Error describes the failure in one line.
func (e *DecodeError) Error() string {
	return "tmdb: " + e.Operation + ": decoding the HTTP " + strconv.Itoa(e.HTTPStatus) + " response: " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// ErrResponseTooLarge is wrapped by the error returned when a response body
// is larger than the bound set with WithMaxResponseBytes.
var ErrResponseTooLarge = errors.New("tmdb: response body too large")

// ErrNoSession is returned, before anything is sent, by calls that need a
// user session (or a guest session) when none is set on the client.
var ErrNoSession = errors.New("tmdb: no session: create one with Authentication.CreateSession or set it with WithSessionID")
