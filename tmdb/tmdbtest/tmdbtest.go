// Package tmdbtest runs a fake TMDB API on loopback for the tests of code
// that talks to TMDB: no network, no API key, no rate limit, and the same
// answers every run.
//
// Start one per test with [NewServer] and point your TMDB client at
// [Server.URL] (the base URL; requests go to URL+"/3/..."), with
// [Server.APIKey] as the api_key query parameter or [Server.AccessToken] as
// the bearer token:
//
//	func TestShowsFightClub(t *testing.T) {
//		srv := tmdbtest.NewServer(t)
//		app := myapp.New(myapp.Config{TMDBBaseURL: srv.URL, TMDBKey: srv.APIKey})
//
//		page, err := app.MoviePage(t.Context(), 550)
//		if err != nil {
//			t.Fatal(err)
//		}
//		if !strings.Contains(page, "Fight Club") {
//			t.Errorf("page lacks the title:\n%s", page)
//		}
//	}
//
// The fake serves a built-in catalogue (about 160 movies; Fight Club, 550,
// with every sub-resource; Star Wars, 11, with full details), one seeded
// account whose credentials [Server.Login] returns, and the whole user flow:
// request tokens ([Server.Approve] plays the user approving one), sessions,
// guest sessions, ratings, favourites and watchlists. It answers errors the
// way TMDB does (status codes, status_code values, JSON envelope), so error
// handling can be tested too, and [Server.InjectFault] makes chosen requests
// fail (rate limiting, 5xx, HTML error pages, broken, slow or missing
// bodies) for retry and timeout tests. [Server.Calls] counts the requests
// per operation, to assert caching or batching.
//
// Every response is validated against the TMDB spec the fake implements; a
// mismatch fails the test (turn it off with [WithoutResponseValidation]).
// The server is closed when the test ends.
package tmdbtest

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
)

// Server is a running fake TMDB.
type Server struct {
	// URL is the base URL of the fake, such as http://127.0.0.1:41234,
	// without a trailing slash; API paths start with /3/.
	URL string
	// APIKey is the v3 API key the fake accepts as ?api_key=.
	APIKey string
	// AccessToken is the v4 read access token the fake accepts as
	// "Authorization: Bearer".
	AccessToken string
	// UserAccessToken is a v4 user access token of the seeded account:
	// POST /3/authentication/session/convert/4 turns it into a session id.
	UserAccessToken string

	t         testing.TB
	fake      *fakeapi.Server
	srv       *httptest.Server
	closeOnce sync.Once
}

// Option configures [NewServer].
type Option func(*options)

type options struct {
	clock      *Clock
	noValidate bool
}

// WithClock makes the fake read time from c, so that a test can expire
// request tokens (60 minutes) and guest sessions (24 hours) with
// [Clock.Advance] instead of waiting.
func WithClock(c *Clock) Option { return func(o *options) { o.clock = c } }

// WithoutResponseValidation stops the fake from checking its responses
// against the spec. Leave validation on unless a test is slowed down by it.
func WithoutResponseValidation() Option { return func(o *options) { o.noValidate = true } }

// NewServer starts a fake TMDB on a loopback port and closes it when the
// test ends. With response validation on (the default), a response that
// does not match the spec fails t.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	var fopts []fakeapi.Option
	if o.clock != nil {
		fopts = append(fopts, fakeapi.WithClock(o.clock))
	}
	if !o.noValidate {
		fopts = append(fopts, fakeapi.WithResponseValidation(func(op string, err error) {
			t.Errorf("tmdbtest: the fake's %s response does not match the TMDB spec: %v", op, err)
		}))
	}
	fake := fakeapi.New(fopts...)
	s := &Server{
		APIKey:          fake.APIKey(),
		AccessToken:     fake.AccessToken(),
		UserAccessToken: fake.UserAccessToken(),
		t:               t,
		fake:            fake,
		srv:             httptest.NewServer(fake),
	}
	s.URL = s.srv.URL
	t.Cleanup(s.Close)
	return s
}

// Client returns an HTTP client configured for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close stops the server, cutting requests still in flight (such as one
// stalled by a SlowBody fault). NewServer arranges for it to run when the
// test ends; calling it earlier is fine, and calling it again does nothing.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.srv.CloseClientConnections()
		s.srv.Close()
	})
}

// Approve plays the user clicking "Approve" for the request token on
// TMDB's authentication page. It fails the test when the token is unknown,
// expired or already used.
func (s *Server) Approve(requestToken string) {
	s.t.Helper()
	if err := s.fake.Approve(requestToken); err != nil {
		s.t.Fatalf("tmdbtest: Approve: %v", err)
	}
}

// Login returns the seeded account's username and password, accepted by
// POST /3/authentication/token/validate_with_login.
func (s *Server) Login() (username, password string) { return s.fake.Login() }

// Account returns the seeded account, the one every session belongs to.
func (s *Server) Account() gen.Account { return s.fake.Account() }

// InjectFault makes the next f.Count requests for f.Operation (an
// operationId such as "getMovieDetails"; "" for any) fail as f.Kind says.
// Faults are used up in the order they were injected. It panics when the
// kind or the operation is unknown.
//
// Go's http.Transport silently retries an idempotent request once when a
// reused keep-alive connection closes before any response byte, so a
// single Drop fault can go unnoticed by a client; inject it twice, or
// disable keep-alives, when the test needs the client to see the failure.
func (s *Server) InjectFault(f Fault) { s.fake.InjectFault(f) }

// ClearFaults drops the faults not used yet.
func (s *Server) ClearFaults() { s.fake.ClearFaults() }

// Calls returns how many requests the server received for the operation,
// an operationId of the spec such as "getMovieDetails" or
// "getPopularMovies"; rejected and faulted requests count.
func (s *Server) Calls(operationID string) int { return s.fake.Calls(operationID) }

// TotalCalls returns how many API requests the server received.
func (s *Server) TotalCalls() int { return s.fake.TotalCalls() }

// Clock returns the server's clock; real time unless [WithClock] set one.
func (s *Server) Clock() *Clock { return s.fake.Clock() }

// MovieIDs returns the ids of the catalogue's movies, ascending.
func (s *Server) MovieIDs() []int64 { return s.fake.MovieIDs() }

// Clock is the fake's time source; see [NewClock].
type Clock = fakeapi.Clock

// NewClock returns a clock that stands at start until advanced with
// [Clock.Advance].
func NewClock(start time.Time) *Clock { return fakeapi.NewClock(start) }

// Fault describes how the next matching requests fail; see
// [Server.InjectFault].
type Fault = fakeapi.Fault

// FaultKind is a way for a response to fail.
type FaultKind = fakeapi.FaultKind

// The kinds of [Fault].
const (
	// RateLimit answers 429 with TMDB's status_code 25 and, when
	// Fault.RetryAfter is set, a Retry-After header.
	RateLimit = fakeapi.RateLimit
	// ServerError answers Fault.Status (default 500) with TMDB's JSON error
	// envelope and, when set, Retry-After.
	ServerError = fakeapi.ServerError
	// HTMLError answers Fault.Status (default 502) with an HTML error page,
	// as a proxy in front of TMDB does.
	HTMLError = fakeapi.HTMLError
	// Malformed answers 200 with a body that is not valid JSON.
	Malformed = fakeapi.Malformed
	// Truncated sends the headers with the full Content-Length, half the
	// body, then closes the connection.
	Truncated = fakeapi.Truncated
	// SlowBody sends the headers and half the body, then stalls for
	// Fault.Delay (default one second) or until the client gives up.
	SlowBody = fakeapi.SlowBody
	// Drop closes the connection without answering.
	Drop = fakeapi.Drop
	// EmptyBody answers Fault.Status (default 200) with no body.
	EmptyBody = fakeapi.EmptyBody
)
