package fakeapi

import "log/slog"

// Option configures a [Server] built by [New].
type Option func(*config)

type config struct {
	apiKey      string
	accessToken string
	clock       *Clock
	report      func(operationID string, err error)
	logger      *slog.Logger
	autoApprove bool
}

// WithCredentials sets the v3 API key and the v4 read access token the
// server accepts. An empty argument keeps the generated default: a random
// 32-hex-character key and a random JWT-shaped token.
func WithCredentials(apiKey, accessToken string) Option {
	return func(c *config) {
		if apiKey != "" {
			c.apiKey = apiKey
		}
		if accessToken != "" {
			c.accessToken = accessToken
		}
	}
}

// WithClock makes the server read time from c, so that tests can expire
// request tokens and guest sessions with [Clock.Advance]. By default the
// server uses real time.
func WithClock(c *Clock) Option {
	return func(cfg *config) { cfg.clock = c }
}

// WithResponseValidation validates every response the server sends against
// the spec and calls report with the operationId and the mismatch when one
// does not conform. Responses shaped by an injected fault are not validated.
// report may be called from many goroutines at once.
func WithResponseValidation(report func(operationID string, err error)) Option {
	return func(c *config) { c.report = report }
}

// WithLogger makes the server log each request at debug level (method,
// operation, route template and status; never query strings or bodies,
// which carry credentials). By default nothing is logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) { c.logger = l }
}

// WithAutoApprove makes every new request token approved at once, as if the
// user clicked "Approve" immediately; useful for a standalone fake.
func WithAutoApprove() Option {
	return func(c *config) { c.autoApprove = true }
}
