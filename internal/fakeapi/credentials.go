package fakeapi

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// seededPassword is the seeded account's password for validate_with_login.
const seededPassword = "fake-password"

// randomHex returns n random bytes as 2n hex characters.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return hex.EncodeToString(b)
}

// newJWT returns a token shaped like TMDB's v4 access tokens: an HS256 JWT
// whose audience is the API key. The signature is random; the fake only
// compares tokens.
func newJWT(apiKey string, issued time.Time, scopes ...string) string {
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]string{"alg": "HS256"})
	payload, _ := json.Marshal(map[string]any{
		"aud":     apiKey,
		"nbf":     issued.Unix(),
		"sub":     randomHex(12),
		"jti":     randomHex(4),
		"scopes":  scopes,
		"version": 1,
	})
	sig := make([]byte, 32)
	_, _ = rand.Read(sig)
	return enc.EncodeToString(header) + "." + enc.EncodeToString(payload) + "." + enc.EncodeToString(sig)
}

// equal compares secrets in constant time.
func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// checkCredentials accepts a request carrying ?api_key=<APIKey> or
// "Authorization: Bearer <token>" with the read access token or the user
// access token. Every credential sent must be valid, and one is required.
func (s *Server) checkCredentials(r *http.Request) *apiError {
	present := false
	if keys, ok := r.URL.Query()["api_key"]; ok {
		present = true
		if len(keys) != 1 || !equal(keys[0], s.cfg.apiKey) {
			return errInvalidAPIKey
		}
	}
	if auth := r.Header.Get("Authorization"); auth != "" {
		present = true
		scheme, token, _ := strings.Cut(auth, " ")
		token = strings.TrimSpace(token)
		if !strings.EqualFold(scheme, "Bearer") || !(equal(token, s.cfg.accessToken) || equal(token, s.userToken)) {
			return errInvalidAPIKey
		}
	}
	if !present {
		return errInvalidAPIKey
	}
	return nil
}
