package fakeapi

import (
	"context"
	"strconv"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

const (
	pageSize        = 20  // results per page of every list
	changesPageSize = 100 // results per page of /3/movie/changes
)

// paged is one page of a list and the list's totals.
type paged[T any] struct {
	results      []T
	page         int
	totalPages   int
	totalResults int
}

// paginate cuts page (1 when nil) out of items. A page past the end has no
// results; an empty list still reports one page, as TMDB does.
func paginate[T any](items []T, page *int32, size int) paged[T] {
	p := 1
	if page != nil && *page > 0 {
		p = int(*page)
	}
	out := paged[T]{page: p, totalResults: len(items), totalPages: max(1, (len(items)+size-1)/size), results: []T{}}
	if start := (p - 1) * size; start < len(items) {
		out.results = append(out.results, items[start:min(start+size, len(items))]...)
	}
	return out
}

// moviePage is the page of the movies with the ids.
func (s *Server) moviePage(ids []int64, page *int32) gen.MoviePage {
	p := paginate(s.cat.summaries(ids), page, pageSize)
	return gen.MoviePage{Page: p.page, Results: p.results, TotalPages: p.totalPages, TotalResults: p.totalResults}
}

// datedPage is the page of a theatrical list with its date window.
func (s *Server) datedPage(t theatrical, page *int32) gen.DatedMoviePage {
	mp := s.moviePage(t.IDs, page)
	return gen.DatedMoviePage{Dates: t.Dates, Page: mp.Page, Results: mp.Results, TotalPages: mp.TotalPages, TotalResults: mp.TotalResults}
}

// GetPopularMovies lists the catalogue by popularity.
func (h *handlers) GetPopularMovies(_ context.Context, req GetPopularMoviesRequestObject) (GetPopularMoviesResponseObject, error) {
	return GetPopularMovies200JSONResponse(h.s.moviePage(h.s.cat.popular, req.Params.Page)), nil
}

// GetTopRatedMovies lists the catalogue by vote average.
func (h *handlers) GetTopRatedMovies(_ context.Context, req GetTopRatedMoviesRequestObject) (GetTopRatedMoviesResponseObject, error) {
	return GetTopRatedMovies200JSONResponse(h.s.moviePage(h.s.cat.topRated, req.Params.Page)), nil
}

// GetNowPlayingMovies lists the recent releases with the date window of
// TMDB's example.
func (h *handlers) GetNowPlayingMovies(_ context.Context, req GetNowPlayingMoviesRequestObject) (GetNowPlayingMoviesResponseObject, error) {
	return GetNowPlayingMovies200JSONResponse(h.s.datedPage(h.s.cat.nowPlaying, req.Params.Page)), nil
}

// GetUpcomingMovies lists the coming releases with the date window of
// TMDB's example.
func (h *handlers) GetUpcomingMovies(_ context.Context, req GetUpcomingMoviesRequestObject) (GetUpcomingMoviesResponseObject, error) {
	return GetUpcomingMovies200JSONResponse(h.s.datedPage(h.s.cat.upcoming, req.Params.Page)), nil
}

// SearchMovies matches the query against titles and original titles,
// case-insensitively, most popular first.
func (h *handlers) SearchMovies(_ context.Context, req SearchMoviesRequestObject) (SearchMoviesResponseObject, error) {
	p := req.Params
	year := 0
	for _, y := range []*string{p.PrimaryReleaseYear, p.Year} {
		if y != nil {
			year, _ = strconv.Atoi(*y) // the spec's pattern made it four digits
		}
	}
	adult := p.IncludeAdult != nil && *p.IncludeAdult
	return SearchMovies200JSONResponse(h.s.moviePage(h.s.cat.search(p.Query, year, adult), p.Page)), nil
}

// GetMovieChangeList lists the ids of changed movies, 100 a page: every
// catalogue movie, then the ids of TMDB's example (most of which are not
// in the catalogue, as deleted movies are not in TMDB). The period is
// checked (at most 14 days, start before end) but does not filter.
func (h *handlers) GetMovieChangeList(_ context.Context, req GetMovieChangeListRequestObject) (GetMovieChangeListResponseObject, error) {
	if err := checkPeriod(req.Params.StartDate, req.Params.EndDate); err != nil {
		return nil, err
	}
	adult := false
	changed := make([]gen.ChangedMovie, 0, len(h.s.cat.ids)+len(h.s.cat.changed))
	for _, id := range h.s.cat.ids {
		changed = append(changed, gen.ChangedMovie{ID: id, Adult: &adult})
	}
	for _, c := range h.s.cat.changed {
		if h.s.cat.movie(c.ID) == nil {
			changed = append(changed, c)
		}
	}
	p := paginate(changed, req.Params.Page, changesPageSize)
	return GetMovieChangeList200JSONResponse(gen.ChangedMoviePage{
		Page: p.page, Results: p.results, TotalPages: p.totalPages, TotalResults: p.totalResults,
	}), nil
}
