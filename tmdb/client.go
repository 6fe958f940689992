package tmdb

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
	"github.com/tmdbfusion/tmdbfusion/internal/retry"
)

// Version is the version of this module, sent in the default User-Agent.
const Version = "0.1.0"

// Client talks to TMDB's v3 API. Create one with New and share it: it is
// safe for concurrent use by many goroutines, which share its connection
// pool, rate limiter and session.
//
// The services group the operations as TMDB's documentation does.
type Client struct {
	// Authentication creates and deletes request tokens and sessions.
	Authentication *AuthenticationService
	// Account reads and changes the session's account: favourites,
	// watchlist, ratings and lists.
	Account *AccountService
	// Movies reads movies, their sub-resources and lists, and rates them.
	Movies *MoviesService
	// Search finds movies by title.
	Search *SearchService
	// Configuration reads TMDB's image configuration and builds image URLs.
	Configuration *ConfigurationService
	// GuestSessions reads what a guest session has rated.
	GuestSessions *GuestSessionsService

	cfg     *config // behind pointers, so that no fmt verb can reach a secret
	mode    AuthMode
	baseURL string
	raw     *gen.Client
	limiter *rate.Limiter
	retry   retry.Policy
	log     *slog.Logger

	mu    sync.RWMutex
	state *sessionState

	accountIDTurn chan struct{} // one GET /3/account at a time to learn the id

	images imageCache
	bodies jsonx.BodyDecoder // reuses the read buffers of success bodies
}

// sessionState is the user and guest session on the client, and the
// account id learned for the user session.
type sessionState struct {
	sessionID      string
	guestSessionID string
	accountID      int64
}

// New returns a client that authenticates with credential: a v3 API key
// or a v4 Read Access Token, told apart by length (more than 50 characters
// is a token). WithAPIKey or WithAccessToken force one mode; either of them
// can also carry the credential, with credential left "".
//
// New sends nothing. It fails, with an error naming the problem, for a
// credential that is empty or holds whitespace or control characters, for a
// bad option, or for a plain-http base URL on a non-loopback host.
func New(credential string, opts ...Option) (*Client, error) {
	cfg := config{
		credential: credential,
		baseURL:    DefaultBaseURL,
		userAgent:  "tmdbfusion-go/" + Version,
		timeout:    DefaultTimeout,
		retry:      DefaultRetryPolicy(),
		rateLimit:  DefaultRateLimit,
		rateBurst:  DefaultRateBurst,
		maxBody:    DefaultMaxResponseBytes,
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	what := "credential"
	switch cfg.mode {
	case AuthAPIKey:
		what = "API key"
	case AuthAccessToken:
		what = "access token"
	}
	if err := validateCredential(what, cfg.credential); err != nil {
		return nil, err
	}
	base, err := normalizeBaseURL(cfg.baseURL, cfg.allowInsecure)
	if err != nil {
		return nil, err
	}
	if cfg.httpClient == nil {
		cfg.httpClient = defaultHTTPClient()
	}
	c := &Client{
		cfg:     &cfg,
		mode:    detectMode(cfg.mode, cfg.credential),
		baseURL: base,
		log:     cfg.logger,
		state:   &sessionState{sessionID: cfg.sessionID, guestSessionID: cfg.guestSessionID},

		accountIDTurn: make(chan struct{}, 1),
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	c.retry = cfg.retry.internal()
	if cfg.maxRetries != nil {
		c.retry.MaxRetries = *cfg.maxRetries
	}
	if cfg.rateLimit > 0 {
		c.limiter = rate.NewLimiter(rate.Limit(cfg.rateLimit), cfg.rateBurst)
	}
	ua := cfg.userAgent
	editors := []gen.ClientOption{
		gen.WithHTTPClient(cfg.httpClient),
		gen.WithRequestEditorFn(authEditor(c.mode, cfg.credential)),
		gen.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
			req.Header.Set("User-Agent", ua)
			req.Header.Set("Accept", "application/json")
			return nil
		}),
	}
	raw, err := gen.NewClient(base, editors...)
	if err != nil {
		return nil, fmt.Errorf("tmdb: %w", err)
	}
	c.raw = raw
	c.Authentication = &AuthenticationService{c: c}
	c.Account = &AccountService{c: c}
	c.Movies = &MoviesService{c: c}
	c.Search = &SearchService{c: c}
	c.Configuration = &ConfigurationService{c: c}
	c.GuestSessions = &GuestSessionsService{c: c}
	return c, nil
}

// SessionID returns the user session id set on the client, or "".
func (c *Client) SessionID() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.state.sessionID
}

// SetSessionID sets the user session that user-context calls carry, such
// as one stored from an earlier run; "" clears it. The account id learned
// for the previous session is forgotten.
func (c *Client) SetSessionID(id string) error {
	if id != "" {
		if err := validateCredential("session id", id); err != nil {
			return err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.state.sessionID != id {
		c.state.sessionID, c.state.accountID = id, 0
	}
	return nil
}

// GuestSessionID returns the guest session id set on the client, or "".
func (c *Client) GuestSessionID() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.state.guestSessionID
}

// SetGuestSessionID sets the guest session used by calls made AsGuest and
// by GuestSessions; "" clears it.
func (c *Client) SetGuestSessionID(id string) error {
	if id != "" {
		if err := validateCredential("guest session id", id); err != nil {
			return err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state.guestSessionID = id
	return nil
}

// AuthMode reports how the client presents its credential.
func (c *Client) AuthMode() AuthMode { return c.mode }

// BaseURL returns the server the client talks to.
func (c *Client) BaseURL() string { return c.baseURL }

// String describes the client without any secret.
func (c *Client) String() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return fmt.Sprintf("tmdb.Client{base: %s, auth: %s, session: %s, guest session: %s}",
		c.baseURL, c.mode, setOrNot(c.state.sessionID), setOrNot(c.state.guestSessionID))
}

// GoString is String, so %#v does not print secrets either.
func (c *Client) GoString() string { return c.String() }

// Format prints String for every verb, so no fmt verb reaches the fields.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

func setOrNot(s string) string {
	if s == "" {
		return "none"
	}
	return "set"
}

// secrets lists the values that must never be printed.
func (c *Client) secrets() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return []string{c.cfg.credential, c.state.sessionID, c.state.guestSessionID}
}

// normalizeBaseURL checks u and drops a trailing "/" or "/3".
func normalizeBaseURL(u string, allowInsecure bool) (string, error) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" || (p.Scheme != "https" && p.Scheme != "http") {
		return "", fmt.Errorf("tmdb: base URL %q: want http(s)://host[:port]", redactRawURL(u))
	}
	if p.RawQuery != "" || p.Fragment != "" || p.User != nil {
		return "", fmt.Errorf("tmdb: base URL %q: must not carry a query, fragment or user", redactRawURL(u))
	}
	path := strings.TrimRight(p.Path, "/")
	path = strings.TrimSuffix(path, "/3")
	p.Path, p.RawPath = strings.TrimRight(path, "/"), ""
	if p.Scheme == "http" && !allowInsecure && !isLoopback(p.Hostname()) {
		return "", fmt.Errorf("tmdb: base URL %s is plain http to a non-loopback host; use https or WithAllowInsecureHTTP", redactURL(p))
	}
	return p.String(), nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// defaultHTTPClient is tuned for TMDB: its CDN allows 20 connections per
// IP, so the pool holds at most 20 per host and keeps all of them idle for
// reuse; HTTP/2 is used where the server offers it. Timeouts are per
// attempt, through the request context, so the client has none of its own.
// A program that replaced http.DefaultTransport (a mock, a tracing
// wrapper) gets that transport as it is.
func defaultHTTPClient() *http.Client {
	t := cloneTransport(http.DefaultTransport)
	if t == nil {
		return &http.Client{Transport: http.DefaultTransport}
	}
	t.MaxConnsPerHost = 20
	t.MaxIdleConnsPerHost = 20
	t.MaxIdleConns = 100
	t.IdleConnTimeout = 90 * time.Second
	t.ForceAttemptHTTP2 = true
	t.ResponseHeaderTimeout = 0
	return &http.Client{Transport: t}
}

// cloneTransport copies rt when it is an *http.Transport, or returns nil
// when a program replaced http.DefaultTransport (a mock, a tracing
// wrapper), which the client then uses as it is.
func cloneTransport(rt http.RoundTripper) *http.Transport {
	if t, ok := rt.(*http.Transport); ok {
		return t.Clone()
	}
	return nil
}

// errNilContext is returned for a nil context instead of panicking.
var errNilContext = errors.New("tmdb: nil context")
