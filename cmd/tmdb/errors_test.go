package main

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func TestDescribeMapsErrorsToExitCodes(t *testing.T) {
	t.Parallel()
	api := func(status, code int, msg string) *tmdb.APIError {
		return &tmdb.APIError{HTTPStatus: status, Code: code, Message: msg, Operation: "getMovieDetails", Method: "GET", Path: "/3/movie/1"}
	}
	tests := []struct {
		name string
		err  error
		line string
		code int
	}{
		{"authentication", &tmdb.AuthenticationError{APIError: api(401, 7, "Invalid API key: You must be granted a valid key.")},
			"tmdb: authentication failed: HTTP 401, TMDB code 7: Invalid API key: You must be granted a valid key.", exitAuth},
		{"authorization", &tmdb.AuthorizationError{APIError: api(403, 36, "This token hasn't been granted write permission by the user.")},
			"tmdb: not allowed: HTTP 403, TMDB code 36: This token hasn't been granted write permission by the user.", exitForbidden},
		{"authorization without TMDB code", &tmdb.AuthorizationError{APIError: api(403, 0, "403 Forbidden")},
			"tmdb: not allowed: HTTP 403: 403 Forbidden", exitForbidden},
		{"not found", &tmdb.NotFoundError{APIError: api(404, 34, "The resource you requested could not be found.")},
			"tmdb: not found: HTTP 404, TMDB code 34: The resource you requested could not be found.", exitNotFound},
		{"rate limited", &tmdb.RateLimitError{APIError: &tmdb.APIError{HTTPStatus: 429, Code: 25, Message: "Slow down.", Attempts: 4, RetryAfter: 2 * time.Second}},
			"tmdb: rate limited: HTTP 429, TMDB code 25: Slow down. (after 4 attempts, retry after 2s)", exitRateLimited},
		{"validation", &tmdb.ValidationError{APIError: api(400, 22, "Invalid page.")},
			"tmdb: invalid request: HTTP 400, TMDB code 22: Invalid page.", exitError},
		{"server", &tmdb.ServerError{APIError: api(503, 9, "Service offline.")},
			"tmdb: server error: HTTP 503, TMDB code 9: Service offline.", exitError},
		{"other API error", api(418, 0, "teapot"), "tmdb: request failed: HTTP 418: teapot", exitError},
		{"wrapped", fmt.Errorf("while doing it: %w", &tmdb.NotFoundError{APIError: api(404, 34, "gone")}),
			"tmdb: not found: HTTP 404, TMDB code 34: gone", exitNotFound},
		{"no session", tmdb.ErrNoSession, "tmdb: " + errNoSessionHint, exitUsage},
		{"usage", usagef("bad %s", "thing"), "tmdb: bad thing", exitUsage},
		{"coded", &codedError{msg: "not logged in", code: exitError}, "tmdb: not logged in", exitError},
		{"transport", &tmdb.TransportError{Operation: "getMovieDetails", Err: errors.New("dial tcp 127.0.0.1:1: connection refused"), Attempts: 2},
			"tmdb: network error: dial tcp 127.0.0.1:1: connection refused (after 2 attempts)", exitError},
		{"timeout", &tmdb.TransportError{Err: fmt.Errorf("attempt timed out: %w", context.DeadlineExceeded)},
			"tmdb: timed out: attempt timed out: context deadline exceeded", exitError},
		{"interrupted", &tmdb.TransportError{Err: context.Canceled}, "tmdb: interrupted", exitError},
		{"decode", &tmdb.DecodeError{Operation: "getMovieDetails", HTTPStatus: 200, Err: errors.New("unexpected EOF")},
			"tmdb: unexpected response from the server: getMovieDetails: decoding the HTTP 200 response: unexpected EOF", exitError},
		{"plain", errors.New("tmdb: something odd"), "tmdb: something odd", exitError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			line, code := describe(tt.err)
			assert.Equal(t, tt.line, line)
			assert.Equal(t, tt.code, code)
		})
	}
}

func TestDescribeScrubsSecrets(t *testing.T) {
	t.Parallel()
	const key = "0123456789abcdef0123456789abcdef"
	const session = "feedfacefeedfacefeedfacefeedfacefeedface"
	err := &tmdb.TransportError{Err: fmt.Errorf(`Get "http://127.0.0.1:1/3/account?api_key=%s&session_id=%s": refused; Bearer abc.def.ghi; other %s`, "k2", "s2", session)}
	line, code := describe(err, key, session)
	assert.Equal(t, exitError, code)
	assert.NotContains(t, line, session)
	assert.NotContains(t, line, "k2")
	assert.NotContains(t, line, "s2")
	assert.NotContains(t, line, "abc.def.ghi")
	assert.Contains(t, line, "api_key=REDACTED&session_id=REDACTED")

	line, _ = describe(&tmdb.NotFoundError{APIError: &tmdb.APIError{HTTPStatus: 404, Message: "no " + key}}, key)
	assert.Equal(t, "tmdb: not found: HTTP 404: no REDACTED", line)
}

func TestDescribeIsOneLine(t *testing.T) {
	t.Parallel()
	html := "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\n</body></html>"
	line, _ := describe(&tmdb.ServerError{APIError: &tmdb.APIError{HTTPStatus: 502, Message: html}})
	assert.NotContains(t, line, "\n")
	assert.NotContains(t, line, "\r")
	assert.Equal(t, "tmdb: server error: HTTP 502: <html> <head><title>502 Bad Gateway</title></head> <body> </body></html>", line)
}

func TestScrubHidesEverySecretQueryParameter(t *testing.T) {
	t.Parallel()
	for _, p := range secretParams {
		line := scrub(`Get "http://127.0.0.1:1/3/x?` + p + `=hunter2&page=1": refused`)
		assert.Equal(t, `Get "http://127.0.0.1:1/3/x?`+p+`=REDACTED&page=1": refused`, line, p)
	}
	assert.Contains(t, secretParams, "password")
	assert.Contains(t, secretParams, "request_token")
}

func TestInterruptedWhileWaitingToRetryIsInterrupted(t *testing.T) {
	t.Parallel()
	limited := &tmdb.RateLimitError{APIError: &tmdb.APIError{HTTPStatus: 429, Code: 25, Message: "slow down"}}
	err := fmt.Errorf("%w, while waiting to retry after: %w", context.Canceled, limited)
	msg, code := classify(err)
	assert.Equal(t, "interrupted", msg)
	assert.Equal(t, exitError, code)
}
