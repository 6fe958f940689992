package tmdb

import (
	"errors"
	"net/url"
	"strings"
)

// redacted replaces secrets wherever the client prints a URL or an error.
const redacted = "REDACTED"

// secretParams are the query parameters whose values are secrets.
var secretParams = [...]string{"api_key", "session_id", "guest_session_id", "access_token", "password"}

// redactURL returns u as text with secret query values and the guest
// session id in /3/guest_session/{id}/... replaced.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	c.Fragment, c.RawFragment = "", ""
	c.Path, c.Opaque = redactPath(c.Path), redactPath(c.Opaque)
	c.RawPath = ""
	if c.RawQuery != "" {
		c.RawQuery = redactQuery(c.RawQuery)
	}
	return c.String()
}

// redactPath hides the id segment of guest-session paths.
func redactPath(p string) string {
	const seg = "/guest_session/"
	i := strings.Index(p, seg)
	if i < 0 {
		return p
	}
	rest := p[i+len(seg):]
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		return p[:i+len(seg)] + redacted + rest[j:]
	}
	return p[:i+len(seg)] + redacted
}

// redactQuery replaces the values of secret parameters, keeping the order
// and encoding of the others.
func redactQuery(raw string) string {
	parts := strings.Split(raw, "&")
	for i, kv := range parts {
		k, _, _ := strings.Cut(kv, "=")
		if name, err := url.QueryUnescape(k); err == nil {
			for _, s := range secretParams {
				if strings.EqualFold(name, s) {
					parts[i] = k + "=" + redacted
					break
				}
			}
		}
	}
	return strings.Join(parts, "&")
}

// redactRawURL redacts a URL given as text; text that does not parse is
// scrubbed of anything after '?' or '#' and of a guest session id in its
// path.
func redactRawURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		rest := ""
		if i := strings.IndexAny(s, "?#"); i >= 0 {
			s, rest = s[:i], "?"+redacted
		}
		return redactPath(s) + rest
	}
	return redactURL(u)
}

// redactError returns err with the URL of any *url.Error in it redacted,
// keeping the chain below it so errors.Is and errors.As still work.
func redactError(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	c := *ue
	c.URL = redactRawURL(ue.URL)
	if err == ue {
		return &c
	}
	// The *url.Error is deeper in the chain: keep the outer message shape
	// but rebuild it around the redacted copy.
	msg := strings.ReplaceAll(err.Error(), ue.Error(), c.Error())
	if ue.URL != "" {
		msg = strings.ReplaceAll(msg, ue.URL, c.URL)
	}
	return &redactedError{msg: msg, err: &c}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// minSecretLen is the shortest value scrub replaces: shorter ones would
// blank out ordinary words and cannot be a credential or session id.
const minSecretLen = 4

// scrub removes every given secret from s.
func scrub(s string, secrets ...string) string {
	for _, v := range secrets {
		if len(v) >= minSecretLen {
			s = strings.ReplaceAll(s, v, redacted)
		}
	}
	return s
}

// urlPath is the redacted path of u, for the Path of an error.
func urlPath(u *url.URL) string {
	if u == nil {
		return ""
	}
	return redactPath(u.EscapedPath())
}

// rawURLPath is urlPath for a URL given as text.
func rawURLPath(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return urlPath(u)
}

// scrubText removes the secrets from free text, and the value of every
// secret query parameter written in it ("api_key=..."), whoever wrote it.
func scrubText(s string, secrets ...string) string {
	s = scrub(s, secrets...)
	for _, name := range secretParams {
		s = redactParamValues(s, name+"=")
	}
	return s
}

// redactParamValues replaces what follows each occurrence of prefix up to
// the next delimiter of a URL or a sentence.
func redactParamValues(s, prefix string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, prefix)
		if i < 0 {
			if b.Len() == 0 {
				return s
			}
			b.WriteString(s)
			return b.String()
		}
		j := i + len(prefix)
		end := j + strings.IndexAny(s[j:], "&#\"' \t\r\n<>")
		if end < j {
			end = len(s)
		}
		b.WriteString(s[:j])
		if strings.HasPrefix(s[j:end], redacted) || end == j {
			b.WriteString(s[j:end])
		} else {
			b.WriteString(redacted)
		}
		s = s[end:]
	}
}
