package tmdb

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

// maxExcerpt bounds the text kept from a body that is not TMDB's envelope.
const maxExcerpt = 200

// parseErrorBody reads TMDB's envelope {"status_code", "status_message"}
// from an error body. Anything else (an HTML page from a proxy, plain text,
// nothing) gives code 0 and a short, single-line excerpt. The secrets are
// replaced before the message is cut, so that a server repeating one back
// cannot leave a piece of it at the cut. It never fails.
func parseErrorBody(body []byte, secrets ...string) (code int, message string) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var env struct {
			StatusCode    *int    `json:"status_code"`
			StatusMessage *string `json:"status_message"`
		}
		if jsonx.Unmarshal(trimmed, &env) == nil && env.StatusCode != nil {
			if env.StatusMessage != nil {
				message = *env.StatusMessage
			}
			return *env.StatusCode, oneLine(message, secrets...)
		}
	}
	return 0, excerpt(trimmed, secrets...)
}

// excerpt returns the gist of a non-JSON body: an HTML page's title, or
// its first characters, on one line.
func excerpt(body []byte, secrets ...string) string {
	if len(body) == 0 {
		return ""
	}
	s := string(body[:min(len(body), 64<<10)])
	lower := asciiLower(s)
	if i := strings.Index(lower, "<title>"); i >= 0 {
		if j := strings.Index(lower[i:], "</title>"); j > 0 {
			if t := oneLine(s[i+len("<title>"):i+j], secrets...); t != "" {
				return t
			}
		}
	}
	if strings.Contains(lower, "<html") || strings.Contains(lower, "<!doctype") {
		s = stripTags(s)
	}
	return oneLine(s, secrets...)
}

// asciiLower lower-cases ASCII letters only, so that byte offsets in the
// result are offsets in s too (strings.ToLower changes the length of
// invalid UTF-8 and of some letters).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// stripTags drops everything between '<' and '>'.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine collapses whitespace and control characters, replaces the
// secrets and cuts the text to maxExcerpt runes and an ellipsis, keeping
// it valid UTF-8. The secrets go before the cut: cutting first could leave
// the head of one that no longer matches.
func oneLine(s string, secrets ...string) string {
	s = collapse(s[:min(len(s), 64<<10)])
	for _, v := range secrets {
		if len(v) < minSecretLen {
			continue
		}
		// The secret as sent, as collapsed with the text, and as escaped
		// in a query string a server may repeat back.
		s = scrub(s, v, collapse(v), url.QueryEscape(v))
	}
	n := 0
	for i := range s {
		if n == maxExcerpt {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}

// collapse turns every run of whitespace (Unicode line and paragraph
// separators included), control characters (C0 and C1) and invalid UTF-8
// into one space and drops it at both ends. Text that is already on one
// clean line is returned as it is, without copying.
func collapse(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isBlank(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isBlank reports whether collapse turns r into a space.
func isBlank(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// isClean reports whether s has no leading or trailing space, no double
// space and nothing else collapse would change.
func isClean(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return cleanRunes(s)
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c < ' ' || c == 0x7f {
			return false
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// cleanRunes is isClean for text that is not plain ASCII.
func cleanRunes(s string) bool {
	prevSpace := true
	for _, r := range s {
		if r == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if isBlank(r) {
			return false
		}
		prevSpace = false
	}
	return !prevSpace
}
