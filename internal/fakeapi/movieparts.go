package fakeapi

import (
	"cmp"
	"slices"
	"strings"
	"time"

	oapitypes "github.com/oapi-codegen/runtime/types"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// The sub-resources of a catalogue movie, as the endpoints and
// append_to_response send them. They carry no id: the sub-resource
// endpoints set it, appended parts leave it out as TMDB does. Slices are
// shared with the catalogue and must not be modified.

// nonNil returns s, or an empty slice when s is nil, so that JSON has [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// base returns the movie's details without sub-resources.
func (m *movie) base() gen.MovieDetails {
	d := m.details
	d.AccountStates, d.AlternativeTitles, d.Changes, d.Credits, d.ExternalIDs = nil, nil, nil, nil, nil
	d.Images, d.Keywords, d.Lists, d.Recommendations, d.ReleaseDates = nil, nil, nil, nil, nil
	d.Reviews, d.Similar, d.Translations, d.Videos, d.WatchProviders = nil, nil, nil, nil, nil
	d.Genres = nonNil(d.Genres)
	d.ProductionCompanies = nonNil(d.ProductionCompanies)
	d.ProductionCountries = nonNil(d.ProductionCountries)
	d.SpokenLanguages = nonNil(d.SpokenLanguages)
	return d
}

func (m *movie) alternativeTitles(country *string) gen.AlternativeTitles {
	var titles []gen.AlternativeTitle
	if at := m.details.AlternativeTitles; at != nil {
		titles = at.Titles
	}
	if country != nil {
		titles = slices.DeleteFunc(slices.Clone(titles), func(t gen.AlternativeTitle) bool { return t.Iso31661 != *country })
	}
	return gen.AlternativeTitles{Titles: nonNil(titles)}
}

// changes returns the movie's recorded changes, only those made within the
// period when start or end is given.
func (m *movie) changes(start, end *oapitypes.Date) gen.MovieChanges {
	out := gen.MovieChanges{Changes: []gen.Change{}}
	if m.details.Changes == nil {
		return out
	}
	from, until := time.Time{}, time.Time{}
	if start != nil {
		from = start.Time
	}
	if end != nil {
		until = end.Time.AddDate(0, 0, 1)
	}
	for _, c := range m.details.Changes.Changes {
		items := slices.DeleteFunc(slices.Clone(c.Items), func(it gen.ChangeItem) bool {
			t := it.Time.Time()
			return (!from.IsZero() && t.Before(from)) || (!until.IsZero() && !t.Before(until))
		})
		if len(items) > 0 {
			out.Changes = append(out.Changes, gen.Change{Key: c.Key, Items: items})
		}
	}
	return out
}

func (m *movie) credits() gen.Credits {
	if c := m.details.Credits; c != nil {
		return gen.Credits{Cast: nonNil(c.Cast), Crew: nonNil(c.Crew)}
	}
	return gen.Credits{Cast: []gen.Cast{}, Crew: []gen.Crew{}}
}

func (m *movie) externalIDs() gen.ExternalIDs {
	if e := m.details.ExternalIDs; e != nil {
		out := *e
		out.ID = 0
		return out
	}
	return gen.ExternalIDs{ImdbID: m.details.ImdbID}
}

// languages returns the ISO 639-1 codes that language and include keep,
// or nil to keep everything. "null" stands for items without a language.
func languages(language, include *string) map[string]bool {
	if language == nil && include == nil {
		return nil
	}
	keep := map[string]bool{}
	if language != nil {
		code, _, _ := strings.Cut(*language, "-")
		keep[code] = true
	}
	if include != nil {
		for c := range strings.SplitSeq(*include, ",") {
			if c = strings.TrimSpace(c); c != "" {
				keep[c] = true
			}
		}
	}
	return keep
}

func (m *movie) images(keep map[string]bool) gen.Images {
	var out gen.Images
	if im := m.details.Images; im != nil {
		out = gen.Images{Backdrops: im.Backdrops, Logos: im.Logos, Posters: im.Posters}
	}
	filter := func(images []gen.Image) []gen.Image {
		if keep == nil {
			return nonNil(images)
		}
		kept := []gen.Image{}
		for _, im := range images {
			lang := "null"
			if im.Iso6391 != nil {
				lang = *im.Iso6391
			}
			if keep[lang] {
				kept = append(kept, im)
			}
		}
		return kept
	}
	out.Backdrops, out.Logos, out.Posters = filter(out.Backdrops), filter(out.Logos), filter(out.Posters)
	return out
}

func (m *movie) keywords() gen.Keywords {
	if k := m.details.Keywords; k != nil {
		return gen.Keywords{Keywords: nonNil(k.Keywords)}
	}
	return gen.Keywords{Keywords: []gen.Keyword{}}
}

func (m *movie) lists(page *int32) gen.MovieListsPage {
	var all []gen.ListSummary
	if l := m.details.Lists; l != nil {
		all = l.Results
	}
	p := paginate(all, page, pageSize)
	return gen.MovieListsPage{Page: p.page, Results: p.results, TotalPages: p.totalPages, TotalResults: p.totalResults}
}

func (m *movie) releaseDates() gen.ReleaseDates {
	if r := m.details.ReleaseDates; r != nil {
		return gen.ReleaseDates{Results: nonNil(r.Results)}
	}
	return gen.ReleaseDates{Results: []gen.CountryReleaseDates{}}
}

func (m *movie) reviews(page *int32) gen.ReviewPage {
	var all []gen.Review
	if r := m.details.Reviews; r != nil {
		all = r.Results
	}
	p := paginate(all, page, pageSize)
	return gen.ReviewPage{Page: p.page, Results: p.results, TotalPages: p.totalPages, TotalResults: p.totalResults}
}

func (m *movie) translations() gen.Translations {
	if t := m.details.Translations; t != nil {
		return gen.Translations{Translations: nonNil(t.Translations)}
	}
	return gen.Translations{Translations: []gen.Translation{}}
}

func (m *movie) videos(keep map[string]bool) gen.Videos {
	out := gen.Videos{Results: []gen.Video{}}
	if v := m.details.Videos; v != nil {
		for _, vid := range v.Results {
			if keep == nil || keep[vid.Iso6391] {
				out.Results = append(out.Results, vid)
			}
		}
	}
	return out
}

func (m *movie) watchProviders() gen.WatchProviders {
	if w := m.details.WatchProviders; w != nil && w.Results != nil {
		return gen.WatchProviders{Results: w.Results}
	}
	return gen.WatchProviders{Results: map[string]gen.CountryWatchProviders{}}
}

// recommendations are the movies sharing most genres, most popular first.
func (c *catalogue) recommendations(m *movie) []int64 {
	return c.related(m, 2*pageSize, func(a, b *movie) int {
		return cmp.Compare(b.summary.Popularity, a.summary.Popularity)
	})
}

// similarTo returns the curated similar list of the movie, or else the
// movies sharing most genres, most voted first.
func (c *catalogue) similarTo(m *movie) []int64 {
	if ids, ok := c.similar[m.summary.ID]; ok {
		return ids
	}
	return c.related(m, 2*pageSize, func(a, b *movie) int {
		return cmp.Compare(b.summary.VoteCount, a.summary.VoteCount)
	})
}
