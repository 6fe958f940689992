package wire

import (
	"strconv"
	"time"
)

// TimestampLayout is TMDB's layout for token and session expiry times,
// as in "2016-08-26 17:04:39 UTC".
const TimestampLayout = "2006-01-02 15:04:05 MST"

// timestampLayouts are the forms TMDB has been seen to use for instants.
var timestampLayouts = [...]string{TimestampLayout, time.RFC3339Nano, "2006-01-02 15:04:05 UT", "2006-01-02 15:04:05"}

// Timestamp is an instant as TMDB writes it: "2016-08-26 17:04:39 UTC" for
// token expiry and change times, RFC 3339 elsewhere. Unknown forms are kept
// as text (String returns it) with a zero Time.
type Timestamp struct {
	t   time.Time
	raw string
}

// NewTimestamp returns t as a Timestamp in TMDB's layout, truncated to the second.
func NewTimestamp(t time.Time) Timestamp {
	u := t.UTC().Truncate(time.Second)
	return Timestamp{t: u, raw: u.Format(TimestampLayout)}
}

// ParseTimestamp parses any of the layouts TMDB uses.
func ParseTimestamp(s string) (Timestamp, error) {
	var err error
	for _, layout := range timestampLayouts {
		var t time.Time
		if t, err = time.Parse(layout, s); err == nil {
			return Timestamp{t: t.UTC(), raw: s}, nil
		}
	}
	return Timestamp{}, err
}

// Time returns the instant in UTC, or the zero time when unknown.
func (ts Timestamp) Time() time.Time { return ts.t }

// IsZero reports whether the instant is unknown.
func (ts Timestamp) IsZero() bool { return ts.t.IsZero() }

// String returns the instant as TMDB sent it.
func (ts Timestamp) String() string { return ts.raw }

// MarshalJSON encodes the instant as TMDB sent it.
func (ts Timestamp) MarshalJSON() ([]byte, error) { return strconv.AppendQuote(nil, ts.raw), nil }

// UnmarshalJSON accepts any of TMDB's layouts, "" and null.
func (ts *Timestamp) UnmarshalJSON(data []byte) error {
	s, err := jsonString(data)
	if err != nil {
		return err
	}
	parsed, perr := ParseTimestamp(s)
	if perr != nil {
		*ts = Timestamp{raw: s}
		return nil
	}
	*ts = parsed
	return nil
}
