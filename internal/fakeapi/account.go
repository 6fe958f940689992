package fakeapi

import (
	"context"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// withAccount runs fn with the session's account under the server's lock.
// A missing, unknown or revoked session, or an account id in the path that
// is not the session's (accountID < 0 when the path has none), answers 401
// code 3.
func (s *Server) withAccount(sessionID *string, accountID int64, fn func(*accountData) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.accountLocked(sessionID)
	if err != nil {
		return err
	}
	if accountID >= 0 && accountID != a.account.ID {
		return errAuthFailed
	}
	return fn(a)
}

// GetCurrentAccount returns the session's account.
func (h *handlers) GetCurrentAccount(_ context.Context, req GetCurrentAccountRequestObject) (GetCurrentAccountResponseObject, error) {
	var out gen.Account
	if err := h.s.withAccount(req.Params.SessionID, -1, func(a *accountData) error { out = a.account; return nil }); err != nil {
		return nil, err
	}
	return GetCurrentAccount200JSONResponse(out), nil
}

// GetAccount returns the session's account when the id is its id.
func (h *handlers) GetAccount(_ context.Context, req GetAccountRequestObject) (GetAccountResponseObject, error) {
	var out gen.Account
	if err := h.s.withAccount(req.Params.SessionID, req.AccountID, func(a *accountData) error { out = a.account; return nil }); err != nil {
		return nil, err
	}
	return GetAccount200JSONResponse(out), nil
}

// toggle adds id to set (201 code 1, or code 12 when present) or removes
// it (200 code 13).
func (s *Server) toggle(set idSet, id int64, add bool) (added bool, code int) {
	if !add {
		delete(set, id)
		return false, codeDeleted
	}
	if _, ok := set[id]; ok {
		return true, codeUpdated
	}
	set[id] = s.st.next()
	return true, codeSuccess
}

// mediaExists reports whether the movie or TV show is in the catalogue.
func (s *Server) mediaExists(mediaType gen.MediaType, id int64) bool {
	if mediaType == gen.Tv {
		_, ok := s.cat.tv[id]
		return ok
	}
	return s.cat.movie(id) != nil
}

// AddFavorite marks or unmarks a movie or TV show as a favourite.
func (h *handlers) AddFavorite(_ context.Context, req AddFavoriteRequestObject) (AddFavoriteResponseObject, error) {
	if req.Body == nil {
		return nil, errNoBody
	}
	b := *req.Body
	var added bool
	var code int
	err := h.s.withAccount(req.Params.SessionID, req.AccountID, func(a *accountData) error {
		if !h.s.mediaExists(b.MediaType, b.MediaID) {
			return errNotFound
		}
		set := a.favMovies
		if b.MediaType == gen.Tv {
			set = a.favTV
		}
		added, code = h.s.toggle(set, b.MediaID, b.Favorite)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if added {
		return AddFavorite201JSONResponse(success(code)), nil
	}
	return AddFavorite200JSONResponse(success(code)), nil
}

// AddToWatchlist adds a movie or TV show to the watchlist, or removes it.
func (h *handlers) AddToWatchlist(_ context.Context, req AddToWatchlistRequestObject) (AddToWatchlistResponseObject, error) {
	if req.Body == nil {
		return nil, errNoBody
	}
	b := *req.Body
	var added bool
	var code int
	err := h.s.withAccount(req.Params.SessionID, req.AccountID, func(a *accountData) error {
		if !h.s.mediaExists(b.MediaType, b.MediaID) {
			return errNotFound
		}
		set := a.watchMovies
		if b.MediaType == gen.Tv {
			set = a.watchTV
		}
		added, code = h.s.toggle(set, b.MediaID, b.Watchlist)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if added {
		return AddToWatchlist201JSONResponse(success(code)), nil
	}
	return AddToWatchlist200JSONResponse(success(code)), nil
}

// movieList answers an account's movie list.
func (s *Server) movieList(sessionID *string, accountID int64, pick func(*accountData) idSet, sortBy *gen.SortBy, page *int32) (gen.MoviePage, error) {
	var out gen.MoviePage
	err := s.withAccount(sessionID, accountID, func(a *accountData) error {
		out = s.moviePage(pick(a).ordered(descending(sortBy)), page)
		return nil
	})
	return out, err
}

// tvList answers an account's TV list.
func (s *Server) tvList(sessionID *string, accountID int64, pick func(*accountData) idSet, sortBy *gen.SortBy, page *int32) (gen.TVPage, error) {
	var out gen.TVPage
	err := s.withAccount(sessionID, accountID, func(a *accountData) error {
		var shows []gen.TVSummary
		for _, id := range pick(a).ordered(descending(sortBy)) {
			if t, ok := s.cat.tv[id]; ok {
				shows = append(shows, t)
			}
		}
		p := paginate(shows, page, pageSize)
		out = gen.TVPage{Page: p.page, Results: p.results, TotalPages: p.totalPages, TotalResults: p.totalResults}
		return nil
	})
	return out, err
}

func (h *handlers) GetFavoriteMovies(_ context.Context, req GetFavoriteMoviesRequestObject) (GetFavoriteMoviesResponseObject, error) {
	p := req.Params
	page, err := h.s.movieList(p.SessionID, req.AccountID, func(a *accountData) idSet { return a.favMovies }, p.SortBy, p.Page)
	if err != nil {
		return nil, err
	}
	return GetFavoriteMovies200JSONResponse(page), nil
}

func (h *handlers) GetWatchlistMovies(_ context.Context, req GetWatchlistMoviesRequestObject) (GetWatchlistMoviesResponseObject, error) {
	p := req.Params
	page, err := h.s.movieList(p.SessionID, req.AccountID, func(a *accountData) idSet { return a.watchMovies }, p.SortBy, p.Page)
	if err != nil {
		return nil, err
	}
	return GetWatchlistMovies200JSONResponse(page), nil
}

func (h *handlers) GetFavoriteTV(_ context.Context, req GetFavoriteTVRequestObject) (GetFavoriteTVResponseObject, error) {
	p := req.Params
	page, err := h.s.tvList(p.SessionID, req.AccountID, func(a *accountData) idSet { return a.favTV }, p.SortBy, p.Page)
	if err != nil {
		return nil, err
	}
	return GetFavoriteTV200JSONResponse(page), nil
}

func (h *handlers) GetWatchlistTV(_ context.Context, req GetWatchlistTVRequestObject) (GetWatchlistTVResponseObject, error) {
	p := req.Params
	page, err := h.s.tvList(p.SessionID, req.AccountID, func(a *accountData) idSet { return a.watchTV }, p.SortBy, p.Page)
	if err != nil {
		return nil, err
	}
	return GetWatchlistTV200JSONResponse(page), nil
}

func (h *handlers) GetRatedMovies(_ context.Context, req GetRatedMoviesRequestObject) (GetRatedMoviesResponseObject, error) {
	p := req.Params
	var out gen.RatedMoviePage
	err := h.s.withAccount(p.SessionID, req.AccountID, func(a *accountData) error {
		out = h.s.ratedMovies(a.ratedMovies, p.SortBy, p.Page)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return GetRatedMovies200JSONResponse(out), nil
}

func (h *handlers) GetRatedTV(_ context.Context, req GetRatedTVRequestObject) (GetRatedTVResponseObject, error) {
	p := req.Params
	var out gen.RatedTVPage
	err := h.s.withAccount(p.SessionID, req.AccountID, func(a *accountData) error {
		var shows []gen.RatedTV
		for _, id := range a.ratedTV.ordered(descending(p.SortBy)) {
			t, ok := h.s.cat.tv[id]
			if !ok {
				continue
			}
			shows = append(shows, gen.RatedTV{
				Adult: t.Adult, BackdropPath: t.BackdropPath, FirstAirDate: t.FirstAirDate, GenreIDs: t.GenreIDs,
				ID: t.ID, Name: t.Name, OriginCountry: t.OriginCountry, OriginalLanguage: t.OriginalLanguage,
				OriginalName: t.OriginalName, Overview: t.Overview, Popularity: t.Popularity, PosterPath: t.PosterPath,
				Rating: a.ratedTV[id].value, VoteAverage: t.VoteAverage, VoteCount: t.VoteCount,
			})
		}
		pg := paginate(shows, p.Page, pageSize)
		out = gen.RatedTVPage{Page: pg.page, Results: pg.results, TotalPages: pg.totalPages, TotalResults: pg.totalResults}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return GetRatedTV200JSONResponse(out), nil
}

// GetRatedTVEpisodes lists the seeded episode ratings (the spec has no
// operation that rates an episode), oldest first unless sort_by says
// otherwise.
func (h *handlers) GetRatedTVEpisodes(_ context.Context, req GetRatedTVEpisodesRequestObject) (GetRatedTVEpisodesResponseObject, error) {
	p := req.Params
	var out gen.RatedEpisodePage
	err := h.s.withAccount(p.SessionID, req.AccountID, func(a *accountData) error {
		eps := a.ratedEpisodes
		if descending(p.SortBy) {
			eps = make([]gen.RatedEpisode, 0, len(a.ratedEpisodes))
			for i := len(a.ratedEpisodes) - 1; i >= 0; i-- {
				eps = append(eps, a.ratedEpisodes[i])
			}
		}
		pg := paginate(eps, p.Page, pageSize)
		out = gen.RatedEpisodePage{Page: pg.page, Results: pg.results, TotalPages: pg.totalPages, TotalResults: pg.totalResults}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return GetRatedTVEpisodes200JSONResponse(out), nil
}

// GetAccountLists lists the seeded account's lists.
func (h *handlers) GetAccountLists(_ context.Context, req GetAccountListsRequestObject) (GetAccountListsResponseObject, error) {
	var out gen.ListPage
	err := h.s.withAccount(req.Params.SessionID, req.AccountID, func(a *accountData) error {
		pg := paginate(a.lists, req.Params.Page, pageSize)
		out = gen.ListPage{Page: pg.page, Results: pg.results, TotalPages: pg.totalPages, TotalResults: pg.totalResults}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return GetAccountLists200JSONResponse(out), nil
}
