package wire

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
)

// DateLayout is the layout of TMDB's calendar dates, such as release_date.
const DateLayout = "2006-01-02"

// Date is a calendar date such as a release date. TMDB sends "YYYY-MM-DD",
// and "" or null when the date is unknown; both decode to the zero Date.
// A value in another format is kept as text (String returns it) and Time
// reports the zero time, so an odd date never fails a whole response.
type Date struct {
	t   time.Time
	raw string
}

// NewDate returns the Date of t's year, month and day.
func NewDate(t time.Time) Date {
	y, m, d := t.Date()
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{t: u, raw: u.Format(DateLayout)}
}

// ParseDate parses "YYYY-MM-DD"; the empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t: t, raw: s}, nil
}

// Time returns the date at midnight UTC, or the zero time when unknown.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Year returns the year, or 0 when the date is unknown.
func (d Date) Year() int {
	if d.t.IsZero() {
		return 0
	}
	return d.t.Year()
}

// String returns the date as TMDB sent it ("" when unknown).
func (d Date) String() string { return d.raw }

// MarshalJSON encodes the date as TMDB does, "" when unknown.
func (d Date) MarshalJSON() ([]byte, error) { return strconv.AppendQuote(nil, d.raw), nil }

// UnmarshalJSON accepts "YYYY-MM-DD", "" and null.
func (d *Date) UnmarshalJSON(data []byte) error {
	s, err := jsonString(data)
	if err != nil {
		return err
	}
	t, perr := time.Parse(DateLayout, s)
	if perr != nil {
		t = time.Time{}
	}
	*d = Date{t: t, raw: s}
	return nil
}

// jsonString returns the text of a JSON string, "" for null.
func jsonString(data []byte) (string, error) {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, []byte("null")) {
		return "", nil
	}
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' && bytes.IndexByte(data, '\\') < 0 {
		return string(data[1 : len(data)-1]), nil
	}
	// Escapes are JSON's, which strconv.Unquote does not follow: it
	// rejects "\/" and accepts Go's own, such as "\x41".
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return "", &invalidStringError{data: data}
	}
	return s, nil
}

type invalidStringError struct{ data []byte }

func (e *invalidStringError) Error() string {
	return "wire: want a JSON string, got " + strconv.Quote(string(e.data[:min(len(e.data), 32)]))
}
