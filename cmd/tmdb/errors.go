package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// usageError is a mistake on the command line or in the configuration,
// found before anything is sent. It exits with exitUsage. argError marks a
// mistake in a command's arguments, whose message gets the command's name.
type usageError struct {
	msg      string
	argError bool
}

func (e *usageError) Error() string { return e.msg }

// usagef returns a *usageError with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// codedError is a failure with its own message and exit code, such as
// "tmdb logout" with no session to log out of.
type codedError struct {
	msg  string
	code int
}

func (e *codedError) Error() string { return e.msg }

// errNoSessionHint is printed when a command needs a user session and none
// is configured.
const errNoSessionHint = "no session: run 'tmdb login' first, or set TMDB_SESSION_ID or --session"

// describe turns err into the one line printed on stderr, starting with
// "tmdb: ", and the exit code. The line names the kind of failure, the HTTP
// status, TMDB's status code and message; every secret in secrets is
// replaced, and so is anything that looks like one in a URL.
func describe(err error, secrets ...string) (string, int) {
	line, code := classify(err)
	return "tmdb: " + oneLine(scrub(line, secrets...)), code
}

// classify picks the message and exit code for err.
func classify(err error) (string, int) {
	var (
		usage     *usageError
		coded     *codedError
		authn     *tmdb.AuthenticationError
		authz     *tmdb.AuthorizationError
		notFound  *tmdb.NotFoundError
		limited   *tmdb.RateLimitError
		invalid   *tmdb.ValidationError
		server    *tmdb.ServerError
		api       *tmdb.APIError
		transport *tmdb.TransportError
		decode    *tmdb.DecodeError
	)
	switch {
	case errors.As(err, &usage):
		return usage.msg, exitUsage
	case errors.As(err, &coded):
		return coded.msg, coded.code
	case errors.Is(err, tmdb.ErrNoSession):
		return errNoSessionHint, exitUsage
	case errors.Is(err, tmdb.ErrInvalidCredential):
		return trimPrefix(err.Error()), exitUsage
	case errors.Is(err, context.Canceled):
		// Before the API kinds: a call interrupted while it waited to
		// retry a 429 carries that 429 too, but the user stopped it.
		return "interrupted", exitError
	case errors.As(err, &authn):
		return apiLine("authentication failed", authn.APIError), exitAuth
	case errors.As(err, &authz):
		return apiLine("not allowed", authz.APIError), exitForbidden
	case errors.As(err, &notFound):
		return apiLine("not found", notFound.APIError), exitNotFound
	case errors.As(err, &limited):
		return apiLine("rate limited", limited.APIError), exitRateLimited
	case errors.As(err, &invalid):
		return apiLine("invalid request", invalid.APIError), exitError
	case errors.As(err, &server):
		return apiLine("server error", server.APIError), exitError
	case errors.As(err, &api):
		return apiLine("request failed", api), exitError
	case errors.As(err, &transport):
		return transportLine(transport), exitError
	case errors.As(err, &decode):
		return "unexpected response from the server: " + trimPrefix(decode.Error()), exitError
	}
	return trimPrefix(err.Error()), exitError
}

// apiLine renders an API error as
// "not found: HTTP 404, TMDB code 34: The resource ... (after 2 attempts)".
func apiLine(kind string, e *tmdb.APIError) string {
	if e == nil {
		return kind
	}
	var b strings.Builder
	b.WriteString(kind)
	b.WriteString(": HTTP ")
	b.WriteString(strconv.Itoa(e.HTTPStatus))
	if e.Code != 0 {
		b.WriteString(", TMDB code ")
		b.WriteString(strconv.Itoa(e.Code))
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	var notes []string
	if e.Attempts > 1 {
		notes = append(notes, "after "+strconv.Itoa(e.Attempts)+" attempts")
	}
	if e.RetryAfter > 0 {
		notes = append(notes, "retry after "+e.RetryAfter.Round(time.Second).String())
	}
	if len(notes) > 0 {
		b.WriteString(" (")
		b.WriteString(strings.Join(notes, ", "))
		b.WriteString(")")
	}
	return b.String()
}

// transportLine renders a request that got no complete response.
func transportLine(e *tmdb.TransportError) string {
	msg := "network error"
	if errors.Is(e, context.DeadlineExceeded) {
		msg = "timed out"
	}
	if e.Err != nil {
		msg += ": " + trimPrefix(e.Err.Error())
	}
	if e.Attempts > 1 {
		msg += " (after " + strconv.Itoa(e.Attempts) + " attempts)"
	}
	return msg
}

// trimPrefix drops the "tmdb: " the library puts before its messages, so
// the printed line does not say it twice.
func trimPrefix(s string) string {
	for strings.HasPrefix(s, "tmdb: ") {
		s = strings.TrimPrefix(s, "tmdb: ")
	}
	return s
}

// secretParams are the query parameters whose values are never printed:
// the library's list, and request_token as well. The library already
// redacts what it puts in its errors; this is a second line of defence for
// text that did not go through it.
var secretParams = [...]string{"api_key", "session_id", "guest_session_id", "access_token", "password", "request_token"}

// scrub replaces every secret, and the value of any secret query parameter
// or bearer token written out in s, with "REDACTED".
func scrub(s string, secrets ...string) string {
	for _, v := range secrets {
		if len(v) >= 4 {
			s = strings.ReplaceAll(s, v, "REDACTED")
		}
	}
	for _, p := range secretParams {
		s = redactAfter(s, p+"=", "&# \t\n\"'")
	}
	return redactAfter(s, "Bearer ", " \t\n\"'")
}

// redactAfter replaces the text following each marker, up to one of the
// stop characters, with "REDACTED".
func redactAfter(s, marker, stops string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, marker)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+len(marker)])
		rest := s[i+len(marker):]
		end := strings.IndexAny(rest, stops)
		if end < 0 {
			end = len(rest)
		}
		if end > 0 && rest[:end] != "REDACTED" {
			b.WriteString("REDACTED")
		} else {
			b.WriteString(rest[:end])
		}
		s = rest[end:]
	}
}

// oneLine collapses line breaks and runs of spaces so that a message, even
// an excerpt of an HTML page, prints on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
