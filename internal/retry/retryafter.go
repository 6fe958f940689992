package retry

import (
	"net/http"
	"strings"
	"time"
)

// MaxRetryAfter is the largest duration [ParseRetryAfter] returns; longer
// requests are capped to it so that absurd values cannot overflow.
const MaxRetryAfter = 24 * time.Hour

// ParseRetryAfter parses the value of a Retry-After header (RFC 9110,
// section 10.2.3) relative to now.
//
// It accepts delta-seconds ("120", surrounding whitespace allowed) and an
// HTTP-date in any format [http.ParseTime] understands. Negative seconds and
// dates not after now yield 0 and true. Results are capped at
// [MaxRetryAfter]. An empty or malformed value yields 0 and false.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if d, ok := parseDeltaSeconds(v); ok {
		return d, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	// Time.Sub saturates instead of overflowing.
	return min(max(t.Sub(now), 0), MaxRetryAfter), true
}

// parseDeltaSeconds parses an optionally signed run of ASCII digits as a
// number of seconds, clamped to [0, MaxRetryAfter].
func parseDeltaSeconds(v string) (time.Duration, bool) {
	negative := false
	switch v[0] {
	case '-':
		negative = true
		v = v[1:]
	case '+':
		v = v[1:]
	}
	if v == "" {
		return 0, false
	}
	const capSeconds = int64(MaxRetryAfter / time.Second)
	var secs int64
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if secs <= capSeconds {
			secs = secs*10 + int64(c-'0')
		}
	}
	if negative {
		return 0, true
	}
	return time.Duration(min(secs, capSeconds)) * time.Second, true
}
