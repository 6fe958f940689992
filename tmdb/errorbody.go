package tmdb

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

// maxExcerpt bounds the text kept from a body that is not TMDB's envelope.
const maxExcerpt = 200

// parseErrorBody reads TMDB's envelope {"status_code", "status_message"}
// from an error body. Anything else (an HTML page from a proxy, plain text,
// nothing) gives code 0 and a short, single-line excerpt. It never fails.
func parseErrorBody(body []byte) (code int, message string) {
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
			return *env.StatusCode, oneLine(message)
		}
	}
	return 0, excerpt(trimmed)
}

// excerpt returns the gist of a non-JSON body: an HTML page's title, or
// its first characters, on one line.
func excerpt(body []byte) string {
	if len(body) == 0 {
		return ""
	}
	s := string(body[:min(len(body), 64<<10)])
	lower := strings.ToLower(s)
	if i := strings.Index(lower, "<title>"); i >= 0 {
		if j := strings.Index(lower[i:], "</title>"); j > 0 {
			if t := oneLine(s[i+len("<title>") : i+j]); t != "" {
				return t
			}
		}
	}
	if strings.Contains(lower, "<html") || strings.Contains(lower, "<!doctype") {
		s = stripTags(s)
	}
	return oneLine(s)
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

// oneLine collapses whitespace and control characters and cuts the text
// to maxExcerpt runes, keeping it valid UTF-8.
func oneLine(s string) string {
	var b strings.Builder
	space, n := false, 0
	for _, r := range s {
		if r == utf8.RuneError || r < ' ' || r == 0x7f || r == ' ' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
			n++
		}
		if n >= maxExcerpt {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}
