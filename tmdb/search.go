package tmdb

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// SearchService finds movies by title.
type SearchService struct{ c *Client }

// Movies returns a page of movies whose original, translated or
// alternative title matches query. Options: Language, Page, Region,
// IncludeAdult, Year, PrimaryReleaseYear.
func (s *SearchService) Movies(ctx context.Context, query string, opts ...CallOption) (*MoviePage, error) {
	if strings.TrimSpace(query) == "" {
		return nil, errors.New("tmdb: Search.Movies: empty query")
	}
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	p := cs.list()
	params := &gen.SearchMoviesParams{
		Query:              query,
		IncludeAdult:       cs.includeAdult,
		Language:           p.language,
		Page:               p.page,
		Region:             p.region,
		Year:               optYear(cs.year),
		PrimaryReleaseYear: optYear(cs.primaryYear),
	}
	return call[MoviePage](ctx, s.c, operation{"searchMovies", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.SearchMovies(ctx, params, cs.editors...)
	})
}
