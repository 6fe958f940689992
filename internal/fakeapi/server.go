package fakeapi

import (
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// Server is the fake TMDB. It implements [http.Handler]; create it with
// [New]. It is safe for concurrent use.
type Server struct {
	cfg        config
	clock      *Clock
	log        *slog.Logger
	cat        *catalogue
	router     routers.Router
	operations map[string]bool // the spec's operationIds
	api        http.Handler    // the generated routes
	fake       http.Handler    // the fake-only approval routes
	validation *openapi3filter.Options
	userToken  string

	mu sync.Mutex
	st state
}

// handlers implements the generated strict server on top of a Server.
type handlers struct{ s *Server }

var _ StrictServerInterface = (*handlers)(nil)

// New returns a fake TMDB with the built-in catalogue and one seeded
// account. It panics if the embedded spec or catalogue cannot be loaded,
// which would be a build defect.
func New(opts ...Option) *Server {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.clock == nil {
		cfg.clock = newRealClock()
	}
	if cfg.apiKey == "" {
		cfg.apiKey = randomHex(16)
	}
	now := cfg.clock.Now()
	if cfg.accessToken == "" {
		cfg.accessToken = newJWT(cfg.apiKey, now, "api_read")
	}
	log := cfg.logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	doc, router, err := loadSpec()
	if err != nil {
		panic(err)
	}
	cat, err := loadCatalogue()
	if err != nil {
		panic(err)
	}
	s := &Server{
		cfg:        cfg,
		clock:      cfg.clock,
		log:        log,
		cat:        cat,
		router:     router,
		operations: map[string]bool{},
		userToken:  newJWT(cfg.apiKey, now, "api_read", "api_write"),
		st:         newState(cat),
		validation: requestValidationOptions(),
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			s.operations[op.OperationID] = true
		}
	}
	strict := NewStrictHandlerWithOptions(&handlers{s: s}, nil, StrictHTTPServerOptions{
		RequestErrorHandlerFunc: func(w http.ResponseWriter, _ *http.Request, _ error) {
			writeAPIError(w, newAPIErrorf(http.StatusBadRequest, codeValidation, "Validation failed: the body is not valid JSON."))
		},
		ResponseErrorHandlerFunc: func(w http.ResponseWriter, _ *http.Request, err error) { writeAPIError(w, err) },
	})
	mux := http.NewServeMux()
	// What the spec's router matched but the mux does not (a trailing
	// slash, say) is unknown to TMDB too.
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { writeAPIError(w, errNotFound) })
	s.api = HandlerWithOptions(strict, StdHTTPServerOptions{BaseRouter: mux, ErrorHandlerFunc: bindError})
	s.fake = s.fakeRoutes()
	return s
}

// bindError answers a parameter the generated code could not bind. The
// request validation before it normally catches these first.
func bindError(w http.ResponseWriter, _ *http.Request, err error) {
	var name string
	var ipf *InvalidParamFormatError
	var rpe *RequiredParamError
	switch {
	case errors.As(err, &ipf):
		name = ipf.ParamName
	case errors.As(err, &rpe):
		name = rpe.ParamName
	}
	in := "query"
	if name == "movie_id" || name == "account_id" || name == "guest_session_id" {
		in = "path"
	}
	writeAPIError(w, parameterError(name, in, "is invalid"))
}

// ServeHTTP answers a TMDB API request: it finds the operation, counts the
// call, applies a pending fault, checks the credential, validates the
// request against the spec and runs the handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isFakeRoute(r.URL.Path) {
		s.fake.ServeHTTP(w, r)
		return
	}
	s.mu.Lock()
	s.st.total++
	s.mu.Unlock()

	route, pathParams, err := s.router.FindRoute(r)
	if err != nil {
		s.log.DebugContext(r.Context(), "fakeapi: no route", "method", r.Method)
		writeAPIError(w, errNotFound)
		return
	}
	op := route.Operation.OperationID
	fault, faulted := s.countAndTakeFault(op)
	if faulted && !fault.needsResponse() {
		s.log.DebugContext(r.Context(), "fakeapi: fault", "method", r.Method, "operation", op, "route", route.Path, "fault", fault.Kind)
		serveFault(w, r, fault, nil)
		return
	}

	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: pathParams, Route: route, Options: s.validation}
	rec := newRecorder()
	s.serveOperation(rec, r, in)
	rec.finish()
	s.log.DebugContext(r.Context(), "fakeapi: request", "method", r.Method, "operation", op, "route", route.Path, "status", rec.code())
	if faulted {
		s.log.DebugContext(r.Context(), "fakeapi: fault", "operation", op, "fault", fault.Kind)
		serveFault(w, r, fault, rec)
		return
	}
	if s.cfg.report != nil {
		if err := validateResponse(r.Context(), in, rec); err != nil {
			s.cfg.report(op, err)
		}
	}
	rec.writeTo(w)
}

// serveOperation checks the credential, validates the request and runs
// the handler, writing to rec.
func (s *Server) serveOperation(rec *recorder, r *http.Request, in *openapi3filter.RequestValidationInput) {
	if err := s.checkCredentials(r); err != nil {
		writeAPIError(rec, err)
		return
	}
	if err := validateRequest(r.Context(), in); err != nil {
		writeAPIError(rec, err)
		return
	}
	s.api.ServeHTTP(rec, r)
}

// APIKey returns the v3 API key the server accepts as ?api_key=.
func (s *Server) APIKey() string { return s.cfg.apiKey }

// AccessToken returns the v4 read access token (application level) the
// server accepts as "Authorization: Bearer".
func (s *Server) AccessToken() string { return s.cfg.accessToken }

// UserAccessToken returns a v4 user access token of the seeded account:
// POST /3/authentication/session/convert/4 turns it into a session, and it
// is also accepted as a bearer credential.
func (s *Server) UserAccessToken() string { return s.userToken }

// Login returns the seeded account's username and password, which
// POST /3/authentication/token/validate_with_login accepts.
func (s *Server) Login() (username, password string) {
	return s.cat.seed.Account.Username, seededPassword
}

// Account returns the seeded account.
func (s *Server) Account() gen.Account { return s.cat.seed.Account }

// Clock returns the server's time source.
func (s *Server) Clock() *Clock { return s.clock }

// Calls returns how many requests the server received for the operation
// (an operationId of the spec, such as "getMovieDetails"), faulted and
// rejected ones included.
func (s *Server) Calls(operationID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.calls[operationID]
}

// TotalCalls returns how many API requests the server received, whether
// or not they matched an operation. The fake-only approval routes do not
// count.
func (s *Server) TotalCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.total
}

// MovieIDs returns the ids of the catalogue's movies, ascending.
func (s *Server) MovieIDs() []int64 { return slices.Clone(s.cat.ids) }

// isFakeRoute reports whether the path is one of the fake-only routes.
func isFakeRoute(p string) bool {
	return strings.HasPrefix(p, "/fake/") || strings.HasPrefix(p, "/authenticate/")
}
