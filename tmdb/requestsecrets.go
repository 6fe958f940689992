package tmdb

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

// maxSecretBody bounds how much of a request body requestSecrets reads.
const maxSecretBody = 64 << 10

// requestSecrets returns the secrets one request carried, beyond the
// client's own: a session given to the call with WithSession or AsGuest, a
// bearer token, a guest session id in the path, and the password, session
// id or access token of a JSON body. The client removes them from what a
// server sends back before it puts any of that in an error.
func requestSecrets(req *http.Request) []string {
	if req == nil {
		return nil
	}
	var out []string
	if req.URL != nil {
		out = appendQuerySecrets(out, req.URL.RawQuery)
		if id := guestSessionInPath(req.URL.Path); id != "" {
			out = append(out, id)
		}
	}
	if scheme, token, ok := strings.Cut(req.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		out = append(out, strings.TrimSpace(token))
	}
	if req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			data, _ := io.ReadAll(io.LimitReader(body, maxSecretBody))
			_ = body.Close()
			var fields struct {
				Password    string `json:"password"`
				SessionID   string `json:"session_id"`
				AccessToken string `json:"access_token"`
			}
			if jsonx.Unmarshal(data, &fields) == nil {
				out = append(out, fields.Password, fields.SessionID, fields.AccessToken)
			}
		}
	}
	return out
}

// rawURLSecrets returns the secrets in a URL given as text: the values of
// secret query parameters and a guest session id in the path.
func rawURLSecrets(raw string) []string {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	out := appendQuerySecrets(nil, u.RawQuery)
	if id := guestSessionInPath(u.Path); id != "" {
		out = append(out, id)
	}
	return out
}

// appendQuerySecrets appends the values of the secret parameters of a raw
// query, without building the whole url.Values.
func appendQuerySecrets(out []string, raw string) []string {
	for raw != "" {
		var kv string
		kv, raw, _ = strings.Cut(raw, "&")
		k, v, _ := strings.Cut(kv, "=")
		if k, err := url.QueryUnescape(k); err != nil || !slices.Contains(secretParams[:], k) {
			continue
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		out = append(out, v)
	}
	return out
}

// guestSessionInPath returns the id in a /3/guest_session/{id}/... path.
func guestSessionInPath(p string) string {
	const seg = "/guest_session/"
	i := strings.Index(p, seg)
	if i < 0 {
		return ""
	}
	id, _, _ := strings.Cut(p[i+len(seg):], "/")
	return id
}

// errorSecrets is every secret an error built from the response to req
// must not hold: the client's and the request's.
func (c *Client) errorSecrets(req *http.Request) []string {
	return append(c.secrets(), requestSecrets(req)...)
}
