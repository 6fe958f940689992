package tmdb

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// CallOption adjusts one call: its language, page, appended parts and so
// on. An option that does not apply to a call is ignored by it; an option
// with a bad value makes the call fail before anything is sent.
type CallOption func(*callSettings) error

// callSettings is what the call options of one call add up to, starting
// from the client's defaults.
type callSettings struct {
	language       string
	region         string
	includeAdult   *bool
	page           int
	appends        []AppendPart
	appendCount    int
	sortBy         SortOrder
	year           int
	primaryYear    int
	startDate      time.Time
	endDate        time.Time
	country        string
	imageLanguages []string
	videoLanguages []string
	sessionID      string
	guestSessionID string
	asGuest        bool
	editors        []RequestEditorFn
}

// settings applies opts over the client's defaults.
func (c *Client) settings(opts []CallOption) (callSettings, error) {
	s := c.cfg.defaults
	// The client's WithRequestEditor hooks come first; the session editor
	// is put in front of them by the call, so they see the whole request.
	s.appends, s.editors = nil, slices.Clip(c.cfg.editors)
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&s); err != nil {
			return callSettings{}, err
		}
	}
	return s, nil
}

// Language overrides the client's language for one call ("pt-BR", "ja").
func Language(tag string) CallOption {
	return func(s *callSettings) error {
		if err := validLanguage(tag); err != nil {
			return fmt.Errorf("tmdb: Language: %w", err)
		}
		s.language = tag
		return nil
	}
}

// Region overrides the client's region for one call ("US", "DE").
func Region(code string) CallOption {
	return func(s *callSettings) error {
		if err := validRegion(code); err != nil {
			return fmt.Errorf("tmdb: Region: %w", err)
		}
		s.region = code
		return nil
	}
}

// IncludeAdult overrides whether a search may return adult titles.
func IncludeAdult(include bool) CallOption {
	return func(s *callSettings) error {
		s.includeAdult = &include
		return nil
	}
}

// MaxPage is the last page TMDB serves of any list.
const MaxPage = 500

// Page asks for one page of a paged list, from 1 to 500.
func Page(n int) CallOption {
	return func(s *callSettings) error {
		if n < 1 || n > MaxPage {
			return fmt.Errorf("tmdb: Page: want 1 to %d, got %d", MaxPage, n)
		}
		s.page = n
		return nil
	}
}

// SortOrder orders account and guest-session lists by when items were added.
type SortOrder = gen.SortOrder

// The orders TMDB accepts for account lists.
const (
	SortCreatedAtAsc  SortOrder = gen.CreatedAtAsc
	SortCreatedAtDesc SortOrder = gen.CreatedAtDesc
)

// SortBy orders an account or guest-session list.
func SortBy(o SortOrder) CallOption {
	return func(s *callSettings) error {
		if o != SortCreatedAtAsc && o != SortCreatedAtDesc {
			return fmt.Errorf("tmdb: SortBy: want %q or %q, got %q", SortCreatedAtAsc, SortCreatedAtDesc, string(o))
		}
		s.sortBy = o
		return nil
	}
}

// Year keeps search results with a release in that year.
func Year(y int) CallOption {
	return func(s *callSettings) error {
		if y < 1800 || y > 9999 {
			return fmt.Errorf("tmdb: Year: want a four-digit year, got %d", y)
		}
		s.year = y
		return nil
	}
}

// PrimaryReleaseYear keeps search results first released in that year.
func PrimaryReleaseYear(y int) CallOption {
	return func(s *callSettings) error {
		if y < 1800 || y > 9999 {
			return fmt.Errorf("tmdb: PrimaryReleaseYear: want a four-digit year, got %d", y)
		}
		s.primaryYear = y
		return nil
	}
}

// Period limits a change list to the calendar days of start and end (each
// in its own location, as written), at most 14 days apart. A zero time
// leaves that end to TMDB's default (the last day).
func Period(start, end time.Time) CallOption {
	return func(s *callSettings) error {
		start, end = calendarDay(start), calendarDay(end)
		if !start.IsZero() && !end.IsZero() {
			if end.Before(start) {
				return errors.New("tmdb: Period: end is before start")
			}
			if days := int(end.Sub(start) / (24 * time.Hour)); days > maxChangeDays {
				return fmt.Errorf("tmdb: Period: %d days; TMDB reports at most %d", days, maxChangeDays)
			}
		}
		s.startDate, s.endDate = start, end
		return nil
	}
}

// maxChangeDays is the widest period, in days, TMDB reports changes for.
const maxChangeDays = 14

// calendarDay is midnight UTC of t's calendar day where t is, or the zero
// time: the date a reader of t sees, in a form days can be counted on.
func calendarDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Country keeps only one country's alternative titles ("US").
func Country(code string) CallOption {
	return func(s *callSettings) error {
		if err := validRegion(code); err != nil {
			return fmt.Errorf("tmdb: Country: %w", err)
		}
		s.country = code
		return nil
	}
}

// ImageLanguages keeps images in these languages (ISO 639-1 codes, and
// "null" for images without text), for Images and an appended images part.
func ImageLanguages(codes ...string) CallOption {
	return func(s *callSettings) error {
		for _, c := range codes {
			if c != "null" && !isLower2(c) {
				return fmt.Errorf("tmdb: ImageLanguages: %q is not an ISO 639-1 code or \"null\"", c)
			}
		}
		s.imageLanguages = codes
		return nil
	}
}

// VideoLanguages keeps videos in these languages (ISO 639-1 codes), for
// Videos and an appended videos part.
func VideoLanguages(codes ...string) CallOption {
	return func(s *callSettings) error {
		for _, c := range codes {
			if c != "null" && !isLower2(c) {
				return fmt.Errorf("tmdb: VideoLanguages: %q is not an ISO 639-1 code", c)
			}
		}
		s.videoLanguages = codes
		return nil
	}
}

// WithSession uses this user session for one call instead of the client's.
func WithSession(id string) CallOption {
	return func(s *callSettings) error {
		if err := validateCredential("session id", id); err != nil {
			return err
		}
		s.sessionID = id
		return nil
	}
}

// AsGuest makes a rating or account-state call on behalf of a guest session:
// id, or the client's guest session when id is "".
func AsGuest(id string) CallOption {
	return func(s *callSettings) error {
		if id != "" {
			if err := validateCredential("guest session id", id); err != nil {
				return err
			}
			s.guestSessionID = id
		}
		s.asGuest = true
		return nil
	}
}

// WithCallEditor adds a request editor to one call, run after the client's.
func WithCallEditor(fn RequestEditorFn) CallOption {
	return func(s *callSettings) error {
		if fn == nil {
			return errors.New("tmdb: WithCallEditor: nil editor")
		}
		s.editors = append(s.editors, fn)
		return nil
	}
}

// validLanguage accepts "xx" and "xx-YY".
func validLanguage(tag string) error {
	lang, region, hasRegion := strings.Cut(tag, "-")
	if !isLower2(lang) || (hasRegion && !isUpper2(region)) {
		return fmt.Errorf("%q is not a language tag like \"en\" or \"en-US\"", tag)
	}
	return nil
}

// validRegion accepts "YY".
func validRegion(code string) error {
	if !isUpper2(code) {
		return fmt.Errorf("%q is not an ISO 3166-1 country code like \"US\"", code)
	}
	return nil
}

func isLower2(s string) bool {
	return len(s) == 2 && 'a' <= s[0] && s[0] <= 'z' && 'a' <= s[1] && s[1] <= 'z'
}
func isUpper2(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}
