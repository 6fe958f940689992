package retry

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()

	now := time.Date(2024, time.March, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		value  string
		want   time.Duration
		wantOK bool
	}{
		{name: "seconds", value: "120", want: 120 * time.Second, wantOK: true},
		{name: "one second", value: "1", want: time.Second, wantOK: true},
		{name: "zero", value: "0", want: 0, wantOK: true},
		{name: "leading zeros", value: "007", want: 7 * time.Second, wantOK: true},
		{name: "surrounding spaces", value: "  30 \t", want: 30 * time.Second, wantOK: true},
		{name: "explicit plus", value: "+5", want: 5 * time.Second, wantOK: true},
		{name: "negative", value: "-5", want: 0, wantOK: true},
		{name: "negative huge", value: "-99999999999999999999999999", want: 0, wantOK: true},
		{name: "exactly the cap", value: "86400", want: MaxRetryAfter, wantOK: true},
		{name: "above the cap", value: "86401", want: MaxRetryAfter, wantOK: true},
		{name: "int64 overflow", value: "9223372036854775808", want: MaxRetryAfter, wantOK: true},
		{name: "very long number", value: "99999999999999999999999999999999999999", want: MaxRetryAfter, wantOK: true},
		{
			name:   "RFC 1123 date",
			value:  now.Add(90 * time.Second).Format(http.TimeFormat),
			want:   90 * time.Second,
			wantOK: true,
		},
		{
			name:   "RFC 1123 date with spaces",
			value:  "  " + now.Add(time.Minute).Format(http.TimeFormat) + " ",
			want:   time.Minute,
			wantOK: true,
		},
		{
			name:   "RFC 850 date",
			value:  now.Add(10 * time.Second).Format(time.RFC850),
			want:   10 * time.Second,
			wantOK: true,
		},
		{
			name:   "ANSI C date",
			value:  now.Add(3 * time.Second).Format(time.ANSIC),
			want:   3 * time.Second,
			wantOK: true,
		},
		{name: "date equal to now", value: now.Format(http.TimeFormat), want: 0, wantOK: true},
		{name: "past date", value: now.Add(-time.Hour).Format(http.TimeFormat), want: 0, wantOK: true},
		{name: "far future date", value: "Fri, 31 Dec 9999 23:59:59 GMT", want: MaxRetryAfter, wantOK: true},
		{name: "empty", value: "", want: 0, wantOK: false},
		{name: "blank", value: "   ", want: 0, wantOK: false},
		{name: "word", value: "soon", want: 0, wantOK: false},
		{name: "fraction", value: "1.5", want: 0, wantOK: false},
		{name: "trailing garbage", value: "12a", want: 0, wantOK: false},
		{name: "inner space", value: "1 2", want: 0, wantOK: false},
		{name: "lone sign", value: "-", want: 0, wantOK: false},
		{name: "double sign", value: "--5", want: 0, wantOK: false},
		{name: "unit suffix", value: "5s", want: 0, wantOK: false},
		{name: "broken date", value: "Sun, 32 Foo 2024 99:00:00 GMT", want: 0, wantOK: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()

			got, ok := ParseRetryAfter(tt.value, now)
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2024, time.March, 10, 12, 0, 0, 0, time.UTC)
	for _, seed := range []string{
		"",
		"0",
		"120",
		" 30 ",
		"-1",
		"+7",
		"86401",
		"99999999999999999999999999",
		"1.5",
		"Sun, 10 Mar 2024 12:01:30 GMT",
		"Sunday, 10-Mar-24 12:00:10 GMT",
		"Sun Mar 10 12:00:03 2024",
		"Fri, 31 Dec 9999 23:59:59 GMT",
		"Mon, 01 Jan 0001 00:00:00 GMT",
	} {
		f.Add(seed, now.Unix())
	}
	f.Fuzz(func(t *testing.T, v string, unix int64) {
		got, ok := ParseRetryAfter(v, time.Unix(unix, 0))
		if got < 0 {
			t.Fatalf("ParseRetryAfter(%q) = %v, negative", v, got)
		}
		if got > MaxRetryAfter {
			t.Fatalf("ParseRetryAfter(%q) = %v, above cap %v", v, got, MaxRetryAfter)
		}
		if !ok && got != 0 {
			t.Fatalf("ParseRetryAfter(%q) = %v, false; want 0 when not ok", v, got)
		}
	})
}

func TestParseRetryAfterIgnoresLocation(t *testing.T) {
	t.Parallel()

	now := time.Date(2024, time.March, 10, 12, 0, 0, 0, time.FixedZone("UTC+5", 5*3600))
	got, ok := ParseRetryAfter(now.UTC().Add(45*time.Second).Format(http.TimeFormat), now)
	require.True(t, ok)
	assert.Equal(t, 45*time.Second, got)
}
