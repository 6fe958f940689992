package tmdb

import (
	"fmt"
	"strings"
)

// AppendPart is a movie sub-resource that Movies.Details can embed in the
// same response with append_to_response. Each part fills the MovieDetails
// field of the same name; fields of parts not asked for stay nil.
type AppendPart string

// The parts TMDB can append to movie details.
const (
	AppendAccountStates     AppendPart = "account_states" // needs a session or guest session
	AppendAlternativeTitles AppendPart = "alternative_titles"
	AppendChanges           AppendPart = "changes"
	AppendCredits           AppendPart = "credits"
	AppendExternalIDs       AppendPart = "external_ids"
	AppendImages            AppendPart = "images"
	AppendKeywords          AppendPart = "keywords"
	AppendLists             AppendPart = "lists"
	AppendRecommendations   AppendPart = "recommendations"
	AppendReleaseDates      AppendPart = "release_dates"
	AppendReviews           AppendPart = "reviews"
	AppendSimilar           AppendPart = "similar"
	AppendTranslations      AppendPart = "translations"
	AppendVideos            AppendPart = "videos"
	AppendWatchProviders    AppendPart = "watch/providers"
)

// MaxAppend is the most parts TMDB accepts in one append_to_response.
const MaxAppend = 20

// AppendParts lists every part, in TMDB's order.
func AppendParts() []AppendPart {
	return []AppendPart{
		AppendAccountStates, AppendAlternativeTitles, AppendChanges, AppendCredits,
		AppendExternalIDs, AppendImages, AppendKeywords, AppendLists,
		AppendRecommendations, AppendReleaseDates, AppendReviews, AppendSimilar,
		AppendTranslations, AppendVideos, AppendWatchProviders,
	}
}

// ParseAppendPart returns the part named s ("credits", "watch/providers").
func ParseAppendPart(s string) (AppendPart, error) {
	for _, p := range AppendParts() {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("tmdb: %q is not a movie part that can be appended", s)
}

// Append embeds sub-resources in a Movies.Details response, in one
// request. Asking for more than MaxAppend parts in one call is an error,
// even when some repeat; a repeated part is sent once.
func Append(parts ...AppendPart) CallOption {
	return func(s *callSettings) error {
		s.appendCount += len(parts)
		if s.appendCount > MaxAppend {
			return fmt.Errorf("tmdb: Append: %d parts asked for, TMDB accepts at most %d", s.appendCount, MaxAppend)
		}
		for _, p := range parts {
			if _, err := ParseAppendPart(string(p)); err != nil {
				return err
			}
			dup := false
			for _, q := range s.appends {
				dup = dup || q == p
			}
			if !dup {
				s.appends = append(s.appends, p)
			}
		}
		return nil
	}
}

// appendParam renders the parts for the append_to_response parameter.
func appendParam(parts []AppendPart) *string {
	if len(parts) == 0 {
		return nil
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(p))
	}
	s := b.String()
	return &s
}
