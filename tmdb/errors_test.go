package tmdb

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorMapping sends each kind of failure TMDB (or its CDN) produces
// through the real request path and checks the typed error.
func TestErrorMapping(t *testing.T) {
	t.Parallel()
	type check func(t *testing.T, err error)
	is := func(target any) check {
		return func(t *testing.T, err error) { require.ErrorAs(t, err, target) }
	}
	cases := []struct {
		name    string
		status  int
		body    string
		code    int
		message string
		want    check
		kind    error
	}{
		{"invalid key", 401, `{"status_code":7,"status_message":"Invalid API key: You must be granted a valid key.","success":false}`, 7, "Invalid API key: You must be granted a valid key.", is(new(*AuthenticationError)), ErrUnauthorized},
		{"session denied", 401, `{"status_code":17,"status_message":"Session denied.","success":false}`, 17, "Session denied.", is(new(*AuthenticationError)), ErrUnauthorized},
		{"token not approved (422)", 422, `{"status_code":41,"status_message":"The request token has not been approved."}`, 41, "", is(new(*AuthenticationError)), ErrUnauthorized},
		{"no write permission (401 code 36)", 401, `{"status_code":36,"status_message":"This token hasn't been granted write permission by the user."}`, 36, "", is(new(*AuthorizationError)), ErrForbidden},
		{"plain 403", 403, `{"status_code":8,"status_message":"Duplicate entry"}`, 8, "", is(new(*AuthorizationError)), ErrForbidden},
		{"not found", 404, `{"status_code":34,"status_message":"The resource you requested could not be found.","success":false}`, 34, "", is(new(*NotFoundError)), ErrNotFound},
		{"bad page", 400, `{"status_code":22,"status_message":"Invalid page: Pages start at 1 and max at 500."}`, 22, "", is(new(*ValidationError)), ErrInvalid},
		{"bad params 422", 422, `{"status_code":5,"status_message":"Invalid parameters"}`, 5, "", is(new(*ValidationError)), ErrInvalid},
		{"rate limited", 429, `{"status_code":25,"status_message":"Your request count (41) is over the allowed limit of 40."}`, 25, "", is(new(*RateLimitError)), ErrRateLimited},
		{"internal", 500, `{"status_code":11,"status_message":"Internal error"}`, 11, "", is(new(*ServerError)), ErrServer},
		{"HTML from the CDN", 502, "<html><head><title>502 Bad Gateway</title></head><body>cloudfront</body></html>", 0, "502 Bad Gateway", is(new(*ServerError)), ErrServer},
		{"empty 503", 503, "", 0, "", is(new(*ServerError)), ErrServer},
		{"unknown code keeps the status", 418, `{"status_code":99,"status_message":"teapot"}`, 99, "teapot", is(new(*APIError)), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, _ := recordingServer(t, tc.status, tc.body)
			c, err := New(testKey, WithBaseURL(srv.URL), WithMaxRetries(0), WithRateLimit(0, 0))
			require.NoError(t, err)
			_, err = c.Movies.Details(t.Context(), 550)
			require.Error(t, err)
			tc.want(t, err)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr, "every failure is an *APIError")
			assert.Equal(t, tc.status, apiErr.HTTPStatus)
			assert.Equal(t, tc.code, apiErr.Code)
			if tc.message != "" {
				assert.Equal(t, tc.message, apiErr.Message)
			}
			assert.Equal(t, "getMovieDetails", apiErr.Operation)
			assert.Equal(t, http.MethodGet, apiErr.Method)
			assert.Contains(t, apiErr.Path, "/3/movie/550")
			assert.NotContains(t, err.Error(), testKey)
			assert.Contains(t, err.Error(), "HTTP "+strconv.Itoa(tc.status))
			if tc.kind != nil {
				assert.ErrorIs(t, err, tc.kind)
			}
		})
	}
}

func TestRateLimitErrorCarriesRetryAfter(t *testing.T) {
	t.Parallel()
	srv, _ := recordingServerWithHeader(t, 429, `{"status_code":25,"status_message":"slow down"}`, "Retry-After", "7")
	c, err := New(testKey, WithBaseURL(srv.URL), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Movies.Popular(t.Context())
	var rl *RateLimitError
	require.ErrorAs(t, err, &rl)
	assert.Equal(t, 7*time.Second, rl.RetryAfter)
	assert.Equal(t, 1, rl.Attempts)
}

func TestSuccessBodyThatDoesNotDecode(t *testing.T) {
	t.Parallel()
	srv, _ := recordingServer(t, 200, `{"id": "not a number"`)
	c, err := New(testKey, WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = c.Movies.Details(t.Context(), 550)
	var de *DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "getMovieDetails", de.Operation)
	assert.Contains(t, err.Error(), "getMovieDetails")
}

func TestTransportErrorKeepsItsCause(t *testing.T) {
	t.Parallel()
	srv, _ := recordingServer(t, 200, `{}`)
	srv.Close()
	c, err := New(testKey, WithBaseURL(srv.URL), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Movies.Details(t.Context(), 550)
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.NotContains(t, err.Error(), testKey, "the *url.Error's URL is redacted")
	assert.Contains(t, err.Error(), "api_key=REDACTED")

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = c.Movies.Details(ctx, 550)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestInvalidInputIsRefusedBeforeSending(t *testing.T) {
	t.Parallel()
	srv, seen := recordingServer(t, 200, `{}`)
	c, err := New(testKey, WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := t.Context()
	errs := []error{
		func() error { _, err := c.Movies.Details(ctx, 0); return err }(),
		func() error { _, err := c.Movies.Details(ctx, -5); return err }(),
		func() error { _, err := c.Movies.Details(ctx, 550, Language("english")); return err }(),
		func() error { _, err := c.Movies.Popular(ctx, Page(501)); return err }(),
		func() error { _, err := c.Movies.Popular(ctx, Region("usa")); return err }(),
		func() error { _, err := c.Movies.Rate(ctx, 550, 8.3); return err }(),
		func() error { _, err := c.Movies.Rate(ctx, 550, 0); return err }(),
		func() error { _, err := c.Movies.Rate(ctx, 550, 10.5); return err }(),
		func() error { _, err := c.Movies.Rate(ctx, 550, 8.5); return err }(), // no session
		func() error { _, err := c.Account.Details(ctx); return err }(),       // no session
		func() error { return c.Authentication.DeleteSession(ctx) }(),         // no session
		func() error { _, err := c.Search.Movies(ctx, "  "); return err }(),
		func() error { _, err := c.Authentication.CreateSession(ctx, ""); return err }(),
		func() error { _, err := c.Account.SetFavorite(ctx, "person", 1, true); return err }(),
		func() error {
			_, err := c.Movies.Changes(ctx, 550, Period(time.Now().AddDate(0, 0, -20), time.Now()))
			return err
		}(),
		//lint:ignore SA1012 a nil context must give an error, not a panic
		func() error { _, err := c.Movies.Details(nil, 550); return err }(),
	}
	for i, err := range errs {
		assert.Error(t, err, "case %d", i)
	}
	assert.Empty(t, seen(), "nothing was sent")
	assert.ErrorIs(t, errs[8], ErrNoSession)
}

func TestParseErrorBodyExcerpts(t *testing.T) {
	t.Parallel()
	code, msg := parseErrorBody([]byte("<!DOCTYPE html><html><body><h1>Service   Unavailable</h1>\n<p>try later</p></body></html>"))
	assert.Zero(t, code)
	assert.Equal(t, "Service Unavailable try later", msg)
	_, msg = parseErrorBody([]byte(strings.Repeat("x", 5000)))
	assert.LessOrEqual(t, len([]rune(msg)), maxExcerpt+1)
	code, msg = parseErrorBody([]byte(`{"status_code":3,"status_message":"Authentication failed"}`))
	assert.Equal(t, 3, code)
	assert.Equal(t, "Authentication failed", msg)
	code, _ = parseErrorBody([]byte(`{"status_message":"no code"}`))
	assert.Zero(t, code)
}

func TestAPIErrorIsMatchesKinds(t *testing.T) {
	t.Parallel()
	e := (&APIError{HTTPStatus: 404, Code: 34}).typed()
	assert.True(t, errors.Is(e, ErrNotFound))
	assert.False(t, errors.Is(e, ErrUnauthorized))
	assert.Equal(t, "tmdb: not found", ErrNotFound.Error())
}

func TestErrorMessagesStayOnOneLine(t *testing.T) {
	t.Parallel()
	_, msg := parseErrorBody([]byte("{\"status_code\":5,\"status_message\":\"a\\u2028b\\u0085c\\u2029d\\r\\ne\\u00a0f\"}"))
	assert.Equal(t, "a b c d e f", msg)
}

func TestExcerptSurvivesInvalidUTF8(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		strings.Repeat("\xff", 40) + "<title>Bad gateway</title>",
		"İİİİİİİİ<TITLE>Bad gateway</TITLE>",
		"<title>" + strings.Repeat("\xc3", 10) + "</title>",
	} {
		assert.NotPanics(t, func() { _, _ = parseErrorBody([]byte(body)) })
	}
	_, msg := parseErrorBody([]byte(strings.Repeat("\xff", 40) + "<title>Bad gateway</title>"))
	assert.Equal(t, "Bad gateway", msg)
}
