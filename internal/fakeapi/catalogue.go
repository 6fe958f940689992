package fakeapi

import (
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// catalogueFS holds the built-in data, decoded into gen types by New:
//
//	movies.json         the movie summaries of TMDB's list examples
//	movies/<id>.json    full details: 550 (Fight Club) with every
//	                    sub-resource, 11 (Star Wars), 1119232 (the sparse
//	                    "latest" movie); other movies' details are
//	                    synthesized from their summary
//	lists.json          now_playing and upcoming members and date windows,
//	                    and curated similar lists
//	changes.json        the ids of TMDB's movie change list example
//	tv.json             TV show summaries
//	account.json        the seeded account, its TV lists and user lists
//	genres.json         TMDB's movie genres
//	configuration.json  TMDB's configuration example
//
// Data facts (titles, ids, dates, names, paths, numbers) come from TMDB's
// published examples in testdata/examples, and the details of 550 from
// known facts; every overview, tagline, review text and list description
// was replaced by neutral text.
//
//go:embed catalogue
var catalogueFS embed.FS

// catalogue is the immutable movie data of a server, shared by all requests.
type catalogue struct {
	movies     map[int64]*movie
	ids        []int64 // every movie id, ascending
	popular    []int64 // by popularity
	topRated   []int64 // by vote average
	nowPlaying theatrical
	upcoming   theatrical
	similar    map[int64][]int64 // curated similar lists
	changed    []gen.ChangedMovie
	latestID   int64
	tv         map[int64]gen.TVSummary
	genres     map[int]string
	config     gen.Configuration
	seed       accountSeed
}

// movie is one catalogue movie. details holds the sub-resources known for
// it (credits, videos, ...), which the handlers copy out on request.
type movie struct {
	summary gen.MovieSummary
	details gen.MovieDetails
}

// theatrical is the member list of now_playing or upcoming.
type theatrical struct {
	Dates gen.DateRange `json:"dates"`
	IDs   []int64       `json:"ids"`
}

// accountSeed is the seeded account and its TV lists (the spec has no
// operation that writes them).
type accountSeed struct {
	Account       gen.Account        `json:"account"`
	FavoriteTV    []int64            `json:"favorite_tv"`
	WatchlistTV   []int64            `json:"watchlist_tv"`
	RatedTV       []ratedID          `json:"rated_tv"`
	RatedEpisodes []gen.RatedEpisode `json:"rated_episodes"`
	Lists         []gen.ListSummary  `json:"lists"`
}

type ratedID struct {
	ID     int64   `json:"id"`
	Rating float64 `json:"rating"`
}

// latestMovieID is the id of the movie getLatestMovie answers.
const latestMovieID = 1119232

func loadJSON(name string, v any) error {
	data, err := catalogueFS.ReadFile(path.Join("catalogue", name))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("fakeapi: catalogue %s: %w", name, err)
	}
	return nil
}

// loadCatalogue decodes the embedded catalogue.
func loadCatalogue() (*catalogue, error) {
	c := &catalogue{movies: map[int64]*movie{}, tv: map[int64]gen.TVSummary{}, genres: map[int]string{}}
	var genres []gen.Genre
	var summaries []gen.MovieSummary
	var tv []gen.TVSummary
	var lists struct {
		NowPlaying theatrical         `json:"now_playing"`
		Upcoming   theatrical         `json:"upcoming"`
		Similar    map[string][]int64 `json:"similar"`
	}
	for name, v := range map[string]any{
		"genres.json":        &genres,
		"movies.json":        &summaries,
		"tv.json":            &tv,
		"lists.json":         &lists,
		"changes.json":       &c.changed,
		"configuration.json": &c.config,
		"account.json":       &c.seed,
	} {
		if err := loadJSON(name, v); err != nil {
			return nil, err
		}
	}
	for _, g := range genres {
		c.genres[g.ID] = g.Name
	}
	for _, t := range tv {
		c.tv[t.ID] = t
	}
	for _, s := range summaries {
		c.movies[s.ID] = &movie{summary: s, details: c.synthesize(s)}
	}
	entries, err := catalogueFS.ReadDir("catalogue/movies")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		var d gen.MovieDetails
		if err := loadJSON("movies/"+e.Name(), &d); err != nil {
			return nil, err
		}
		m, ok := c.movies[d.ID]
		if !ok {
			m = &movie{summary: summaryOf(d)}
			c.movies[d.ID] = m
		}
		m.details = d
	}
	c.latestID = latestMovieID
	if _, ok := c.movies[c.latestID]; !ok {
		return nil, fmt.Errorf("fakeapi: catalogue lacks the latest movie %d", c.latestID)
	}
	c.similar = map[int64][]int64{}
	for k, ids := range lists.Similar {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("fakeapi: catalogue lists.json: similar key %q", k)
		}
		c.similar[id] = ids
	}
	c.nowPlaying, c.upcoming = lists.NowPlaying, lists.Upcoming
	for id := range c.movies {
		c.ids = append(c.ids, id)
	}
	slices.Sort(c.ids)
	c.popular = c.sorted(func(a, b *movie) int {
		return cmp.Or(cmp.Compare(b.summary.Popularity, a.summary.Popularity), cmp.Compare(a.summary.ID, b.summary.ID))
	})
	c.topRated = slices.DeleteFunc(c.sorted(func(a, b *movie) int {
		return cmp.Or(cmp.Compare(b.summary.VoteAverage, a.summary.VoteAverage),
			cmp.Compare(b.summary.VoteCount, a.summary.VoteCount), cmp.Compare(a.summary.ID, b.summary.ID))
	}), func(id int64) bool { return c.movies[id].summary.VoteCount == 0 })
	return c, nil
}

// sorted returns the movie ids ordered by cmpFn.
func (c *catalogue) sorted(cmpFn func(a, b *movie) int) []int64 {
	ids := slices.Clone(c.ids)
	slices.SortStableFunc(ids, func(a, b int64) int { return cmpFn(c.movies[a], c.movies[b]) })
	return ids
}

// movie returns the catalogue movie with the id, or nil.
func (c *catalogue) movie(id int64) *movie { return c.movies[id] }

// synthesize builds the details of a movie known only by its summary.
func (c *catalogue) synthesize(s gen.MovieSummary) gen.MovieDetails {
	genres := make([]gen.Genre, 0, len(s.GenreIDs))
	for _, id := range s.GenreIDs {
		genres = append(genres, gen.Genre{ID: id, Name: c.genres[id]})
	}
	status := "Released"
	if s.ReleaseDate.IsZero() {
		status = "Planned"
	}
	return gen.MovieDetails{
		Adult:               s.Adult,
		BackdropPath:        s.BackdropPath,
		Genres:              genres,
		ID:                  s.ID,
		OriginalLanguage:    s.OriginalLanguage,
		OriginalTitle:       s.OriginalTitle,
		Overview:            s.Overview,
		Popularity:          s.Popularity,
		PosterPath:          s.PosterPath,
		ProductionCompanies: []gen.Company{},
		ProductionCountries: []gen.Country{},
		ReleaseDate:         s.ReleaseDate,
		SpokenLanguages:     []gen.SpokenLanguage{},
		Status:              status,
		Title:               s.Title,
		Video:               s.Video,
		VoteAverage:         s.VoteAverage,
		VoteCount:           s.VoteCount,
	}
}

// summaryOf derives the list form of a movie from its details.
func summaryOf(d gen.MovieDetails) gen.MovieSummary {
	ids := make([]int, 0, len(d.Genres))
	for _, g := range d.Genres {
		ids = append(ids, g.ID)
	}
	return gen.MovieSummary{
		Adult:            d.Adult,
		BackdropPath:     d.BackdropPath,
		GenreIDs:         ids,
		ID:               d.ID,
		OriginalLanguage: d.OriginalLanguage,
		OriginalTitle:    d.OriginalTitle,
		Overview:         d.Overview,
		Popularity:       d.Popularity,
		PosterPath:       d.PosterPath,
		ReleaseDate:      d.ReleaseDate,
		Title:            d.Title,
		Video:            d.Video,
		VoteAverage:      d.VoteAverage,
		VoteCount:        d.VoteCount,
	}
}

// summaries returns the summaries of the ids, skipping unknown ones.
func (c *catalogue) summaries(ids []int64) []gen.MovieSummary {
	out := make([]gen.MovieSummary, 0, len(ids))
	for _, id := range ids {
		if m := c.movies[id]; m != nil {
			out = append(out, m.summary)
		}
	}
	return out
}

// related returns the movies sharing genres with m, most shared genres
// first, then ordered by less; at most limit of them.
func (c *catalogue) related(m *movie, limit int, less func(a, b *movie) int) []int64 {
	genres := map[int]bool{}
	for _, g := range m.summary.GenreIDs {
		genres[g] = true
	}
	shared := func(o *movie) int {
		n := 0
		for _, g := range o.summary.GenreIDs {
			if genres[g] {
				n++
			}
		}
		return n
	}
	var ids []int64
	for _, id := range c.ids {
		if o := c.movies[id]; id != m.summary.ID && shared(o) > 0 {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, func(a, b int64) int {
		ma, mb := c.movies[a], c.movies[b]
		return cmp.Or(cmp.Compare(shared(mb), shared(ma)), less(ma, mb))
	})
	return ids[:min(len(ids), limit)]
}

// search returns the ids of the movies whose title or original title
// contains query (case-insensitively), by popularity, released in year
// when year is not 0.
func (c *catalogue) search(query string, year int, includeAdult bool) []int64 {
	q := strings.ToLower(query)
	var ids []int64
	for _, id := range c.popular {
		s := c.movies[id].summary
		if s.Adult && !includeAdult {
			continue
		}
		if year != 0 && s.ReleaseDate.Year() != year {
			continue
		}
		if strings.Contains(strings.ToLower(s.Title), q) || strings.Contains(strings.ToLower(s.OriginalTitle), q) {
			ids = append(ids, id)
		}
	}
	return ids
}
