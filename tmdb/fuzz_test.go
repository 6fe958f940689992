package tmdb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzKey is the API key of the client the fuzzers use; bodies that echo it
// must never get it into an error.
const fuzzKey = "k3y-SECRET-fuzz0123456789abcdef"

// firstBadByte returns the index of the first byte of s that no credential
// may hold (a space, a control character or anything outside ASCII), or -1.
func firstBadByte(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] <= 0x20 || s[i] >= 0x7f {
			return i
		}
	}
	return -1
}

// FuzzCredential checks that no credential makes validateCredential,
// detectMode or New panic, that New refuses exactly the credentials that
// are empty or hold a byte outside printable ASCII, and that a refusal
// tells nothing of the credential but the position of the bad byte.
func FuzzCredential(f *testing.F) {
	for _, s := range []string{
		"",
		"0123456789abcdef0123456789abcdef",
		"eyJhbGciOiJIUzI1NiJ9." + strings.Repeat("x", 60),
		strings.Repeat("a", 50),
		strings.Repeat("a", 51),
		" 0123456789abcdef",
		"0123456789abcdef\n",
		"k3y\x00SECRET",
		"\ufeff0123456789abcdef",
		"ключ-API",
		"the credential",
		"\x7f",
		"~",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, credential string) {
		bad := firstBadByte(credential)
		wantErr := credential == "" || bad >= 0

		// The same refusal, for a credential with only the bad byte's
		// position in common: what an error may reveal.
		canonical := ""
		if bad >= 0 {
			canonical = strings.Repeat("a", bad) + " "
		}

		err := validateCredential("credential", credential)
		assert.Equal(t, wantErr, err != nil, "validateCredential(%q) = %v", credential, err)

		mode := detectMode(AuthAuto, credential)
		if len(credential) > accessTokenMinLen {
			assert.Equal(t, AuthAccessToken, mode)
		} else {
			assert.Equal(t, AuthAPIKey, mode)
		}
		assert.Equal(t, AuthAPIKey, detectMode(AuthAPIKey, credential))
		assert.Equal(t, AuthAccessToken, detectMode(AuthAccessToken, credential))

		for _, build := range []struct {
			name string
			new  func(string) (*Client, error)
		}{
			{"auto", func(s string) (*Client, error) { return New(s, WithBaseURL("http://127.0.0.1:9")) }},
			{"api key", func(s string) (*Client, error) { return New("", WithAPIKey(s), WithBaseURL("http://127.0.0.1:9")) }},
			{"access token", func(s string) (*Client, error) {
				return New("", WithAccessToken(s), WithBaseURL("http://127.0.0.1:9"))
			}},
		} {
			c, err := build.new(credential)
			if wantErr {
				ref, refErr := build.new(canonical)
				require.Error(t, err, "%s: New(%q)", build.name, credential)
				require.ErrorIs(t, err, ErrInvalidCredential)
				require.Error(t, refErr)
				assert.Nil(t, c)
				assert.Nil(t, ref)
				assert.Equal(t, refErr.Error(), err.Error(), "%s: the error depends on the credential", build.name)
				if len(credential) >= 4 && !strings.Contains(refErr.Error(), credential) {
					assert.NotContains(t, err.Error(), credential)
				}
				continue
			}
			require.NoError(t, err, "%s: New(%q)", build.name, credential)
			// A valid client prints the same as one with a dull credential
			// of the same length: nothing of the credential shows.
			ref, refErr := build.new(strings.Repeat("a", len(credential)))
			require.NoError(t, refErr)
			assert.Equal(t, fmt.Sprintf("%v %+v %#v %s", ref, ref, ref, ref), fmt.Sprintf("%v %+v %#v %s", c, c, c, c))
			if len(credential) >= 4 && !strings.Contains(ref.String(), credential) {
				assert.NotContains(t, fmt.Sprintf("%v %+v %#v", c, c, c), credential)
			}
		}
	})
}

// fuzzClient returns a client with fuzzKey that never sends anything.
func fuzzClient(t *testing.T) *Client {
	t.Helper()
	c, err := New(fuzzKey, WithBaseURL("http://127.0.0.1:9"))
	require.NoError(t, err)
	return c
}

// FuzzErrorBody feeds any status and body through the error path of a
// response: readAPIError, parseErrorBody and typed never panic, every
// status from 400 gives an error that errors.As finds as an *APIError of
// the right kind, and the message is one line of valid UTF-8, at most 201
// runes, that never holds the client's API key.
func FuzzErrorBody(f *testing.F) {
	for _, seed := range []struct {
		status     int
		body       string
		retryAfter string
	}{
		{401, `{"status_code":7,"status_message":"Invalid API key: You must be granted a valid key.","success":false}`, ""},
		{404, `{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}`, ""},
		{429, `{"status_code":25,"status_message":"Your request count (41) is over the allowed limit of 40."}`, "1"},
		{503, `{"status_code":9,"status_message":"Service offline."}`, "Wed, 21 Oct 2015 07:28:00 GMT"},
		{500, `{"status_code":6,"status_message":"code wins over status"}`, ""},
		{502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>", ""},
		{504, "<!DOCTYPE html><html><body>Gateway\tTimeout\n\n</body></html>", ""},
		{418, "plain text\r\nwith lines", ""},
		{400, `{"status_code":"22","status_message":7}`, ""},
		{422, `{"status_code":5,"status_message":"echo: api_key=` + fuzzKey + `&page=1"}`, ""},
		{401, `{"status_code":3,"status_message":"k3y-SECRET-\u0001fuzz0123456789abcdef"}`, ""},
		{500, "<title>" + fuzzKey + "</title>", ""},
		{403, strings.Repeat("é", 300), ""},
		{429, "\xff\xfe\x00\x01", "-5"},
		{599, "", ""},
		{100, "", ""},
	} {
		f.Add(seed.status, []byte(seed.body), seed.retryAfter)
	}
	f.Fuzz(func(t *testing.T, status int, body []byte, retryAfter string) {
		status = 100 + int(uint(status)%500)
		c := fuzzClient(t)
		u, err := url.Parse("https://api.themoviedb.org/3/movie/550?api_key=" + fuzzKey)
		require.NoError(t, err)
		resp := &http.Response{
			StatusCode: status,
			Header:     http.Header{"Retry-After": {retryAfter}},
			Body:       io.NopCloser(bytes.NewReader(body)),
			Request:    &http.Request{Method: http.MethodGet, URL: u},
		}
		apiErr := c.readAPIError(operation{"getMovieDetails", http.MethodGet}, resp)
		require.NotNil(t, apiErr)
		assert.Equal(t, status, apiErr.HTTPStatus)
		assert.GreaterOrEqual(t, apiErr.RetryAfter, time.Duration(0))

		code, msg := parseErrorBody(body)
		assert.Equal(t, code, apiErr.Code)
		for _, m := range []string{msg, apiErr.Message} {
			assert.True(t, utf8.ValidString(m), "message %q is not valid UTF-8", m)
			assert.LessOrEqual(t, utf8.RuneCountInString(m), maxExcerpt+1, "message %q is too long", m)
			assert.False(t, strings.ContainsFunc(m, func(r rune) bool { return r < 0x20 || r == 0x7f }),
				"message %q holds a control character", m)
		}

		err = apiErr.typed()
		var got *APIError
		require.ErrorAs(t, err, &got)
		assert.Same(t, apiErr, got)
		text := err.Error()
		assert.True(t, utf8.ValidString(text))
		assert.False(t, strings.ContainsAny(text, "\r\n"), "error %q is not one line", text)
		assert.NotContains(t, text, fuzzKey)
		assert.NotContains(t, fmt.Sprintf("%+v", err), fuzzKey)

		kind := classify(status, apiErr.Code)
		if _, known := codeKinds[apiErr.Code]; !known && status >= 400 {
			assert.Equal(t, statusKind(status), kind, "status %d, code %d", status, apiErr.Code)
		}
		assertErrorKind(t, err, kind)
	})
}

// statusKind is the kind of a failure told by its HTTP status alone, as
// the documentation of the error types lists them.
func statusKind(status int) errorKind {
	switch {
	case status == 401:
		return kindAuthentication
	case status == 403:
		return kindAuthorization
	case status == 404:
		return kindNotFound
	case status == 429:
		return kindRateLimit
	case status == 400, status == 405, status == 406, status == 422:
		return kindValidation
	case status >= 500:
		return kindServer
	}
	return kindOther
}

// assertErrorKind checks that err has the type of its kind and that only
// the kind's sentinel matches it.
func assertErrorKind(t *testing.T, err error, kind errorKind) {
	t.Helper()
	sentinels := map[errorKind]error{
		kindAuthentication: ErrUnauthorized, kindAuthorization: ErrForbidden, kindValidation: ErrInvalid,
		kindNotFound: ErrNotFound, kindRateLimit: ErrRateLimited, kindServer: ErrServer,
	}
	for k, s := range sentinels {
		assert.Equal(t, k == kind, errors.Is(err, s), "errors.Is(%v, %v) for kind %d", err, s, kind)
	}
	var ok bool
	switch kind {
	case kindAuthentication:
		_, ok = err.(*AuthenticationError)
	case kindAuthorization:
		_, ok = err.(*AuthorizationError)
	case kindValidation:
		_, ok = err.(*ValidationError)
	case kindNotFound:
		_, ok = err.(*NotFoundError)
	case kindRateLimit:
		_, ok = err.(*RateLimitError)
	case kindServer:
		_, ok = err.(*ServerError)
	default:
		_, ok = err.(*APIError)
	}
	assert.True(t, ok, "error of kind %d has type %T", kind, err)
}

// urlSafe reports whether s is made only of the characters a URL carries
// unescaped (RFC 3986's unreserved set).
func urlSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0) {
			return false
		}
	}
	return true
}

// redactShapes are URLs the client may print, with SECRET where a secret
// goes and EXTRA where the fuzzer's free text goes.
var redactShapes = []string{
	"https://api.themoviedb.org/3/movie/550?api_key=SECRET&language=EXTRA",
	"https://api.themoviedb.org/3/account/1/rated/movies?page=2&session_id=SECRET",
	"http://127.0.0.1:8080/3/guest_session/SECRET/rated/movies?api_key=SECRET&sort_by=EXTRA",
	"https://api.themoviedb.org/3/movie/550/rating?guest_session_id=SECRET",
	"https://api.themoviedb.org/3/guest_session/SECRET",
	"https://api.themoviedb.org/3/movie/550?EXTRA&api_key=SECRET",
	"https://api.themoviedb.org/3/guest_session/SECRET/EXTRA",
	"https://api.themoviedb.org/3/movie/550/account_states?API_KEY=SECRET&Session_ID=SECRET",
	"https://api.themoviedb.org/3/authentication?access_token=SECRET&password=SECRET&x=EXTRA",
	"https://user:SECRET@api.themoviedb.org/3/movie/550?api_key=SECRET",
	"https://api.themoviedb.org/3/search/movie?query=EXTRA&api_key=SECRET&api_key=SECRET",
	"https://api.themoviedb.org/3/movie/550?api%5Fkey=SECRET&session%5fid=SECRET",
	"EXTRA/3/guest_session/SECRET/rated?guest_session_id=SECRET",
}

// errFuzzInner is the cause inside the *url.Error values FuzzRedact builds.
var errFuzzInner = errors.New("connection reset by peer")

// FuzzRedact fills URLs with a secret in each place the client puts one
// (api_key, session_id and guest_session_id parameters, the guest-session
// path) and checks that no redacted form holds the secret, and that
// redactError keeps the chain of the *url.Error it rewrites.
func FuzzRedact(f *testing.F) {
	for i := range redactShapes {
		f.Add("k3y-SECRET-0123456789abcdefghijk", "en-US", uint8(i))
		f.Add("0123456789abcdef0123456789abcdef", "a=b&c", uint8(i))
	}
	f.Add("abcd", "%zz", uint8(5))
	f.Add("sess~ion.SECRET_1", "x y\x7f", uint8(6))
	f.Add("s3cr3t", "#frag=s3cr3t", uint8(0))
	f.Fuzz(func(t *testing.T, secret, extra string, shape uint8) {
		if len(secret) < 4 || !urlSafe(secret) {
			t.Skip("not a secret the client sends")
		}
		tmpl := redactShapes[int(shape)%len(redactShapes)]
		if strings.HasPrefix(tmpl, "EXTRA") && strings.ContainsAny(extra, "?#") {
			// New refuses a base URL with a query or fragment, so no URL
			// the client prints has one before its path.
			t.Skip("not a URL the client builds")
		}
		withSecret := strings.ReplaceAll(strings.ReplaceAll(tmpl, "SECRET", secret), "EXTRA", extra)
		// The same URL with a dull value: when even its redacted form
		// holds the secret, the secret is the URL's own text.
		dull := strings.ReplaceAll(strings.ReplaceAll(tmpl, "SECRET", "Z"), "EXTRA", extra)
		for name, redact := range map[string]func(string) string{
			"redactRawURL": redactRawURL,
			"redactURL": func(s string) string {
				u, err := url.Parse(s)
				if err != nil {
					return ""
				}
				return redactURL(u)
			},
			"redactError": func(s string) string {
				return redactError(&url.Error{Op: "Get", URL: s, Err: errFuzzInner}).Error()
			},
			"redactError wrapped": func(s string) string {
				return redactError(fmt.Errorf("tmdb: %w", &url.Error{Op: "Get", URL: s, Err: errFuzzInner})).Error()
			},
		} {
			if strings.Contains(redact(dull), secret) {
				continue
			}
			assert.NotContains(t, redact(withSecret), secret, "%s(%q)", name, withSecret)
		}

		for _, inner := range []error{errFuzzInner, context.DeadlineExceeded} {
			ue := &url.Error{Op: "Get", URL: withSecret, Err: inner}
			for _, err := range []error{ue, fmt.Errorf("tmdb: %w", ue)} {
				red := redactError(err)
				assert.ErrorIs(t, red, inner)
				var got *url.Error
				require.ErrorAs(t, red, &got)
				assert.Equal(t, redactRawURL(withSecret), got.URL)
				assert.Equal(t, withSecret, ue.URL, "redactError changed the error it was given")
			}
		}
	})
}
