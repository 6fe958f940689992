package fakeapi

import (
	"context"
	"math"
	"net/http"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/wire"
)

// accountStates reports whether the session's account (or the guest
// session) rated, favourited or watch-listed the movie.
func (s *Server) accountStates(movieID int64, sessionID, guestID *string) (gen.AccountStates, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.raterLocked(sessionID, guestID)
	if err != nil {
		return gen.AccountStates{}, err
	}
	var st gen.AccountStates
	if v, ok := r.ratings()[movieID]; ok {
		st.Rated = wire.NewRated(v.value)
	}
	if a := r.account; a != nil {
		_, st.Favorite = a.favMovies[movieID]
		_, st.Watchlist = a.watchMovies[movieID]
	}
	return st, nil
}

// GetMovieAccountStates answers the account's (or guest session's) states
// for a movie; rated is false until the movie is rated.
func (h *handlers) GetMovieAccountStates(_ context.Context, req GetMovieAccountStatesRequestObject) (GetMovieAccountStatesResponseObject, error) {
	if _, err := h.s.movieOrNotFound(req.MovieID); err != nil {
		return nil, err
	}
	st, err := h.s.accountStates(req.MovieID, req.Params.SessionID, req.Params.GuestSessionID)
	if err != nil {
		return nil, err
	}
	st.ID = req.MovieID
	return GetMovieAccountStates200JSONResponse(st), nil
}

// validRating reports whether v is 0.5 to 10 in steps of 0.5.
func validRating(v float64) bool {
	return v >= 0.5 && v <= 10 && math.Mod(v*2, 1) == 0
}

// AddMovieRating rates a movie: 201 code 1, or code 12 when it replaces a
// rating.
func (h *handlers) AddMovieRating(_ context.Context, req AddMovieRatingRequestObject) (AddMovieRatingResponseObject, error) {
	if _, err := h.s.movieOrNotFound(req.MovieID); err != nil {
		return nil, err
	}
	if req.Body == nil {
		return nil, errNoBody
	}
	if !validRating(req.Body.Value) {
		return nil, newAPIErrorf(http.StatusBadRequest, codeValidation,
			"Validation failed: value must be between 0.5 and 10.0, in steps of 0.5.")
	}
	s := h.s
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.raterLocked(req.Params.SessionID, req.Params.GuestSessionID)
	if err != nil {
		return nil, err
	}
	rs := r.ratings()
	code := codeSuccess
	at := s.st.next()
	if old, ok := rs[req.MovieID]; ok {
		code, at = codeUpdated, old.at
	}
	rs[req.MovieID] = rating{value: req.Body.Value, at: at}
	return AddMovieRating201JSONResponse(success(code)), nil
}

// DeleteMovieRating removes a rating: 200 code 13, also when the movie was
// not rated.
func (h *handlers) DeleteMovieRating(_ context.Context, req DeleteMovieRatingRequestObject) (DeleteMovieRatingResponseObject, error) {
	if _, err := h.s.movieOrNotFound(req.MovieID); err != nil {
		return nil, err
	}
	s := h.s
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.raterLocked(req.Params.SessionID, req.Params.GuestSessionID)
	if err != nil {
		return nil, err
	}
	delete(r.ratings(), req.MovieID)
	return DeleteMovieRating200JSONResponse(success(codeDeleted)), nil
}

// ratedMovies lists rated movies with their ratings, in rating order.
func (s *Server) ratedMovies(rs ratings, sortBy *gen.SortBy, page *int32) gen.RatedMoviePage {
	var out []gen.RatedMovie
	for _, id := range rs.ordered(descending(sortBy)) {
		m := s.cat.movie(id)
		if m == nil {
			continue
		}
		v := m.summary
		out = append(out, gen.RatedMovie{
			Adult: v.Adult, BackdropPath: v.BackdropPath, GenreIDs: v.GenreIDs, ID: v.ID,
			OriginalLanguage: v.OriginalLanguage, OriginalTitle: v.OriginalTitle, Overview: v.Overview,
			Popularity: v.Popularity, PosterPath: v.PosterPath, Rating: rs[id].value, ReleaseDate: v.ReleaseDate,
			Title: v.Title, Video: v.Video, VoteAverage: v.VoteAverage, VoteCount: v.VoteCount,
		})
	}
	p := paginate(out, page, pageSize)
	return gen.RatedMoviePage{Page: p.page, Results: p.results, TotalPages: p.totalPages, TotalResults: p.totalResults}
}

// GetGuestSessionRatedMovies lists a guest session's ratings; an unknown or
// expired guest session answers 401 code 3.
func (h *handlers) GetGuestSessionRatedMovies(_ context.Context, req GetGuestSessionRatedMoviesRequestObject) (GetGuestSessionRatedMoviesResponseObject, error) {
	s := h.s
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.guestLocked(req.GuestSessionID)
	if err != nil {
		return nil, err
	}
	return GetGuestSessionRatedMovies200JSONResponse(s.ratedMovies(g.rated, req.Params.SortBy, req.Params.Page)), nil
}

// descending reports whether sort_by asks for the newest entries first.
func descending(sortBy *gen.SortBy) bool {
	return sortBy != nil && *sortBy == gen.CreatedAtDesc
}
