package tmdb

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// accessTokenMinLen is the length above which a credential is taken for a
// v4 Read Access Token (a JWT of 200 characters or more) rather than a v3
// API key (32 hexadecimal characters).
const accessTokenMinLen = 50

// AuthMode says how the client presents its credential.
type AuthMode int

const (
	// AuthAuto picks the mode from the credential's length: more than 50
	// characters is a Read Access Token, otherwise an API key.
	AuthAuto AuthMode = iota
	// AuthAPIKey sends the credential as the api_key query parameter (v3).
	AuthAPIKey
	// AuthAccessToken sends the credential as "Authorization: Bearer" (v4
	// Read Access Token).
	AuthAccessToken
)

// String names the mode.
func (m AuthMode) String() string {
	switch m {
	case AuthAPIKey:
		return "api_key"
	case AuthAccessToken:
		return "bearer"
	}
	return "auto"
}

// ErrInvalidCredential is wrapped by the error New returns for a credential
// that is empty or holds whitespace or control characters. The message
// gives the position of the offending character, never the credential.
var ErrInvalidCredential = errors.New("tmdb: invalid credential")

// validateCredential rejects credentials that cannot be right: empty, or
// with anything but printable ASCII (a pasted newline, a space, a BOM).
func validateCredential(what, s string) error {
	if s == "" {
		return fmt.Errorf("%w: the %s is empty", ErrInvalidCredential, what)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			return fmt.Errorf("%w: the %s has a whitespace, control or non-ASCII character at byte %d", ErrInvalidCredential, what, i)
		}
	}
	return nil
}

// detectMode resolves AuthAuto for the credential.
func detectMode(mode AuthMode, credential string) AuthMode {
	if mode != AuthAuto {
		return mode
	}
	if len(credential) > accessTokenMinLen {
		return AuthAccessToken
	}
	return AuthAPIKey
}

// authEditor returns the request editor that presents the credential.
func authEditor(mode AuthMode, credential string) func(context.Context, *http.Request) error {
	if mode == AuthAccessToken {
		bearer := "Bearer " + credential
		return func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", bearer)
			return nil
		}
	}
	return func(_ context.Context, req *http.Request) error {
		setQuery(req, "api_key", credential)
		return nil
	}
}

// setQuery sets one query parameter of req, replacing any value it had. A
// key the query does not hold yet, the usual case, is appended without
// parsing and encoding the rest of the query again.
func setQuery(req *http.Request, key, value string) {
	u := req.URL
	if hasQueryKey(u.RawQuery, key) {
		q := u.Query()
		q.Set(key, value)
		u.RawQuery = q.Encode()
		return
	}
	sep := "&"
	if u.RawQuery == "" {
		sep = ""
	}
	u.RawQuery = u.RawQuery + sep + url.QueryEscape(key) + "=" + url.QueryEscape(value)
}

// hasQueryKey reports whether the raw query has a parameter named key.
func hasQueryKey(raw, key string) bool {
	for raw != "" {
		var kv string
		kv, raw, _ = strings.Cut(raw, "&")
		k, _, _ := strings.Cut(kv, "=")
		if k == key {
			return true
		}
		if strings.ContainsAny(k, "%+") {
			if name, err := url.QueryUnescape(k); err == nil && name == key {
				return true
			}
		}
	}
	return false
}
