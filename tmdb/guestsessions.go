package tmdb

import (
	"context"
	"net/http"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// GuestSessionsService reads what a guest session has rated. Calls use the
// client's guest session (see Authentication.CreateGuestSession), or the
// one given AsGuest.
type GuestSessionsService struct{ c *Client }

// RatedMovies returns a page of the movies the guest session rated, with
// the rating of each. Options: AsGuest, Language, Page, SortBy.
func (s *GuestSessionsService) RatedMovies(ctx context.Context, opts ...CallOption) (*RatedMoviePage, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	id, err := s.c.guestSession(cs)
	if err != nil {
		return nil, err
	}
	p := cs.list()
	params := &gen.GetGuestSessionRatedMoviesParams{Language: p.language, Page: p.page, SortBy: p.sortBy}
	return call[RatedMoviePage](ctx, s.c, operation{"getGuestSessionRatedMovies", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetGuestSessionRatedMovies(ctx, id, params, cs.editors...)
	})
}
