package tmdb

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/retry"
)

// DefaultBaseURL is TMDB's production API. Paths start with /3, so a base
// URL is a scheme and host; "https://api.themoviedb.org/3" is accepted too.
const DefaultBaseURL = "https://api.themoviedb.org"

// Defaults of a new client.
const (
	DefaultTimeout          = 30 * time.Second
	DefaultRateLimit        = 40 // requests per second, TMDB's documented ceiling
	DefaultRateBurst        = 20
	DefaultMaxResponseBytes = 16 << 20
	maxErrorBodyBytes       = 1 << 20
)

// RequestEditorFn changes an outgoing request just before it is sent. The
// client's own editors (credential, session, user agent) run first.
type RequestEditorFn = gen.RequestEditorFn

// RetryPolicy says how failed requests are retried. 429 is retried for
// every method; 5xx answers and broken connections only for idempotent
// methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE), never for a POST that
// may have been applied. Waits honour the context.
type RetryPolicy struct {
	// MaxRetries is how many times a request is sent again after the
	// first attempt; 0 disables retrying.
	MaxRetries int
	// BaseDelay is the first backoff step, doubled on each retry and
	// drawn with full jitter. Zero means 500 ms.
	BaseDelay time.Duration
	// MaxDelay caps one wait. A server asking (with Retry-After) for a
	// longer wait is not retried: the error is returned at once. Zero
	// means 30 s.
	MaxDelay time.Duration
	// RateLimitFloor is the wait after a 429 that does not say how long
	// (or says 0, as TMDB's CDN does); later ones back off from it. Zero
	// means 1 s.
	RateLimitFloor time.Duration
}

// DefaultRetryPolicy returns the policy of a new client: up to 3 retries,
// exponential backoff with full jitter from 500 ms capped at 30 s,
// Retry-After honoured, and 1 s for a 429 that does not say how long.
func DefaultRetryPolicy() RetryPolicy {
	d := retry.DefaultPolicy()
	return RetryPolicy{MaxRetries: d.MaxRetries, BaseDelay: d.BaseDelay, MaxDelay: d.MaxDelay, RateLimitFloor: d.RateLimitFloor}
}

// validate rejects negative values.
func (p RetryPolicy) validate() error {
	switch {
	case p.MaxRetries < 0:
		return fmt.Errorf("negative MaxRetries %d", p.MaxRetries)
	case p.BaseDelay < 0 || p.MaxDelay < 0 || p.RateLimitFloor < 0:
		return errors.New("negative delay")
	}
	return nil
}

// internal returns the policy with zero durations set to the defaults.
func (p RetryPolicy) internal() retry.Policy {
	d := retry.DefaultPolicy()
	d.MaxRetries = p.MaxRetries
	if p.BaseDelay > 0 {
		d.BaseDelay = p.BaseDelay
	}
	if p.MaxDelay > 0 {
		d.MaxDelay = p.MaxDelay
	}
	if p.RateLimitFloor > 0 {
		d.RateLimitFloor = p.RateLimitFloor
	}
	return d
}

// Option configures a Client in New. An option that is given a bad value
// makes New fail with an error saying so.
type Option func(*config) error

type config struct {
	credential     string
	mode           AuthMode
	baseURL        string
	httpClient     *http.Client
	sessionID      string
	guestSessionID string
	userAgent      string
	editors        []RequestEditorFn
	logger         *slog.Logger
	allowInsecure  bool
	timeout        time.Duration
	retry          RetryPolicy
	maxRetries     *int // WithMaxRetries, applied over retry whatever the order
	rateLimit      float64
	rateBurst      int
	maxBody        int64
	defaults       callSettings
}

// WithAPIKey sends the credential as a v3 API key, in the api_key query
// parameter, whatever its length. key may be "" to keep New's credential
// and only force the mode; a key different from New's is an error.
func WithAPIKey(key string) Option {
	return func(c *config) error {
		return c.setCredential(key, AuthAPIKey)
	}
}

// setCredential forces a mode, replacing New's credential when given one.
// Two different credentials are a mistake, not a choice to make silently.
func (c *config) setCredential(v string, mode AuthMode) error {
	if v != "" {
		if c.credential != "" && c.credential != v {
			return errors.New("tmdb: two different credentials: one in New and one in WithAPIKey or WithAccessToken")
		}
		c.credential = v
	}
	c.mode = mode
	return nil
}

// WithAccessToken sends the credential as a v4 Read Access Token, in
// "Authorization: Bearer <token>", whatever its length. token may be "" to
// keep New's credential and only force the mode; a token different from
// New's is an error.
func WithAccessToken(token string) Option {
	return func(c *config) error {
		return c.setCredential(token, AuthAccessToken)
	}
}

// WithBaseURL points the client at another server, such as a local fake:
// "http://127.0.0.1:8080". A trailing "/" or "/3" is dropped. Plain http is
// accepted only for loopback hosts unless WithAllowInsecureHTTP is given.
func WithBaseURL(u string) Option {
	return func(c *config) error {
		c.baseURL = u
		return nil
	}
}

// WithAllowInsecureHTTP allows a plain-http base URL on a host that is not
// loopback. The credential and session then cross the network in clear.
func WithAllowInsecureHTTP() Option {
	return func(c *config) error {
		c.allowInsecure = true
		return nil
	}
}

// WithHTTPClient replaces the client's tuned *http.Client. Retries, the
// rate limiter and the per-request timeout still apply around it.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("tmdb: WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithSessionID starts the client with a user session, as created earlier
// by Authentication.CreateSession.
func WithSessionID(id string) Option {
	return func(c *config) error {
		if err := validateCredential("session id", id); err != nil {
			return err
		}
		c.sessionID = id
		return nil
	}
}

// WithGuestSessionID starts the client with a guest session, as created by
// Authentication.CreateGuestSession.
func WithGuestSessionID(id string) Option {
	return func(c *config) error {
		if err := validateCredential("guest session id", id); err != nil {
			return err
		}
		c.guestSessionID = id
		return nil
	}
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if ua == "" {
			return errors.New("tmdb: WithUserAgent: empty user agent")
		}
		c.userAgent = ua
		return nil
	}
}

// WithRequestEditor adds a hook run on every request after the client's own.
func WithRequestEditor(fn RequestEditorFn) Option {
	return func(c *config) error {
		if fn == nil {
			return errors.New("tmdb: WithRequestEditor: nil editor")
		}
		c.editors = append(c.editors, fn)
		return nil
	}
}

// WithLogger sets the logger for request and retry events (debug and warn
// levels). Nothing is logged by default. Secrets never appear in the log.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return errors.New("tmdb: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithTimeout bounds each attempt of a request, reading the body included
// (30 s by default; 0 disables). A shorter deadline on the caller's context
// wins.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("tmdb: WithTimeout: negative timeout %v", d)
		}
		c.timeout = d
		return nil
	}
}

// WithRetry replaces the retry policy; see RetryPolicy.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return fmt.Errorf("tmdb: WithRetry: %w", err)
		}
		c.retry = p
		return nil
	}
}

// WithMaxRetries sets how many times a failed request is retried; 0
// disables retries. It wins over WithRetry's MaxRetries in any order.
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("tmdb: WithMaxRetries: negative count %d", n)
		}
		c.maxRetries = &n
		return nil
	}
}

// WithRateLimit sets the client-side limit shared by every goroutine using
// the client: rps requests per second with bursts of burst. rps 0 turns
// the limiter off. The default is 40 per second, bursts of 20.
func WithRateLimit(rps float64, burst int) Option {
	return func(c *config) error {
		if rps < 0 || burst < 0 || (rps > 0 && burst == 0) {
			return fmt.Errorf("tmdb: WithRateLimit: want rps >= 0 and burst >= 1, got %v and %d", rps, burst)
		}
		c.rateLimit, c.rateBurst = rps, burst
		return nil
	}
}

// WithMaxResponseBytes bounds the size of a success body (16 MiB by
// default); a larger one fails with ErrResponseTooLarge instead of being
// read. Error bodies are always read up to 1 MiB.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("tmdb: WithMaxResponseBytes: want a positive size, got %d", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithLanguage sets the default language of translated fields, such as
// "de-DE" or "fr" (ISO 639-1, optionally a hyphen and ISO 3166-1). The
// Language call option overrides it for one call.
func WithLanguage(tag string) Option {
	return func(c *config) error {
		if err := validLanguage(tag); err != nil {
			return fmt.Errorf("tmdb: WithLanguage: %w", err)
		}
		c.defaults.language = tag
		return nil
	}
}

// WithRegion sets the default region for release dates and lists, such as
// "DE" (ISO 3166-1). The Region call option overrides it for one call.
func WithRegion(code string) Option {
	return func(c *config) error {
		if err := validRegion(code); err != nil {
			return fmt.Errorf("tmdb: WithRegion: %w", err)
		}
		c.defaults.region = code
		return nil
	}
}

// WithIncludeAdult sets whether searches may return adult titles (TMDB's
// default is false). The IncludeAdult call option overrides it.
func WithIncludeAdult(include bool) Option {
	return func(c *config) error {
		c.defaults.includeAdult = &include
		return nil
	}
}
