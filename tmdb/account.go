package tmdb

import (
	"context"
	"net/http"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// AccountService reads and changes the account of the client's session.
// Every call needs a user session (ErrNoSession otherwise, nothing sent);
// a guest session has no account, so AsGuest does not apply here.
// The account id is learned from TMDB on first use and remembered for the
// session, so no call takes it.
type AccountService struct{ c *Client }

// Details returns the account that owns the session (GET /3/account) and
// remembers its id for the other account calls.
func (s *AccountService) Details(ctx context.Context, opts ...CallOption) (*Account, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.userEditors(cs)
	if err != nil {
		return nil, err
	}
	session, _ := s.c.userSession(cs)
	var out Account
	err = s.c.do(ctx, operation{"getCurrentAccount", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetCurrentAccount(ctx, nil, eds...)
	}, &out)
	if err != nil {
		return nil, err
	}
	s.c.mu.Lock()
	if s.c.state.sessionID == session {
		s.c.state.accountID = out.ID
	}
	s.c.mu.Unlock()
	return &out, nil
}

// Get returns an account by its id (GET /3/account/{account_id}).
func (s *AccountService) Get(ctx context.Context, accountID int64, opts ...CallOption) (*Account, error) {
	if err := validID("account", accountID); err != nil {
		return nil, err
	}
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.userEditors(cs)
	if err != nil {
		return nil, err
	}
	var out Account
	err = s.c.do(ctx, operation{"getAccount", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetAccount(ctx, accountID, nil, eds...)
	}, &out)
	return result(&out, err)
}

// ID returns the session's account id, asking TMDB once per session:
// goroutines that need it at the same time wait, as long as their context
// allows, for the one that asks. The id of a session given to a call
// WithSession, not the client's, is not kept: each such call asks.
func (s *AccountService) ID(ctx context.Context, opts ...CallOption) (int64, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return 0, err
	}
	session, err := s.c.userSession(cs)
	if err != nil {
		return 0, err
	}
	if id := s.cachedID(session); id != 0 {
		return id, nil
	}
	if session == s.c.SessionID() {
		// The client's session: its id is kept, so one goroutine asks and
		// the others wait for it, as long as their context lets them.
		select {
		case s.c.accountIDTurn <- struct{}{}:
			defer func() { <-s.c.accountIDTurn }()
		case <-ctx.Done():
			return 0, ctx.Err()
		}
		if id := s.cachedID(session); id != 0 {
			return id, nil // another goroutine asked meanwhile
		}
	}
	a, err := s.Details(ctx, opts...)
	if err != nil {
		return 0, err
	}
	return a.ID, nil
}

// cachedID is the account id learned for session, or 0.
func (s *AccountService) cachedID(session string) int64 {
	s.c.mu.RLock()
	defer s.c.mu.RUnlock()
	if s.c.state.sessionID != session {
		return 0
	}
	return s.c.state.accountID
}

// SetFavorite marks (favorite true) or unmarks a movie or TV show as a
// favourite. TMDB answers status_code 1 (added), 12 (already there) or 13
// (removed); all are successes.
func (s *AccountService) SetFavorite(ctx context.Context, media MediaType, mediaID int64, favorite bool, opts ...CallOption) (*StatusResponse, error) {
	if err := validMedia(media, mediaID); err != nil {
		return nil, err
	}
	body := gen.FavoriteBody{MediaType: media, MediaID: mediaID, Favorite: favorite}
	return s.write(ctx, "addFavorite", opts, func(ctx context.Context, id int64, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.AddFavorite(ctx, id, nil, body, eds...)
	})
}

// SetWatchlist adds (watchlist true) a movie or TV show to the watchlist,
// or removes it.
func (s *AccountService) SetWatchlist(ctx context.Context, media MediaType, mediaID int64, watchlist bool, opts ...CallOption) (*StatusResponse, error) {
	if err := validMedia(media, mediaID); err != nil {
		return nil, err
	}
	body := gen.WatchlistBody{MediaType: media, MediaID: mediaID, Watchlist: watchlist}
	return s.write(ctx, "addToWatchlist", opts, func(ctx context.Context, id int64, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.AddToWatchlist(ctx, id, nil, body, eds...)
	})
}

// FavoriteMovies returns a page of the account's favourite movies.
// Options: Language, Page, SortBy.
func (s *AccountService) FavoriteMovies(ctx context.Context, opts ...CallOption) (*MoviePage, error) {
	return accountList[MoviePage](ctx, s, "getFavoriteMovies", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetFavoriteMovies(ctx, id, &gen.GetFavoriteMoviesParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// FavoriteTV returns a page of the account's favourite TV shows.
func (s *AccountService) FavoriteTV(ctx context.Context, opts ...CallOption) (*TVPage, error) {
	return accountList[TVPage](ctx, s, "getFavoriteTV", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetFavoriteTV(ctx, id, &gen.GetFavoriteTVParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// Lists returns a page of the lists the account created. Option: Page.
func (s *AccountService) Lists(ctx context.Context, opts ...CallOption) (*ListPage, error) {
	return accountList[ListPage](ctx, s, "getAccountLists", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetAccountLists(ctx, id, &gen.GetAccountListsParams{Page: p.page}, eds...)
	})
}

// RatedMovies returns a page of the movies the account rated, with the
// rating of each.
func (s *AccountService) RatedMovies(ctx context.Context, opts ...CallOption) (*RatedMoviePage, error) {
	return accountList[RatedMoviePage](ctx, s, "getRatedMovies", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetRatedMovies(ctx, id, &gen.GetRatedMoviesParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// RatedTV returns a page of the TV shows the account rated.
func (s *AccountService) RatedTV(ctx context.Context, opts ...CallOption) (*RatedTVPage, error) {
	return accountList[RatedTVPage](ctx, s, "getRatedTV", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetRatedTV(ctx, id, &gen.GetRatedTVParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// RatedTVEpisodes returns a page of the TV episodes the account rated.
func (s *AccountService) RatedTVEpisodes(ctx context.Context, opts ...CallOption) (*RatedEpisodePage, error) {
	return accountList[RatedEpisodePage](ctx, s, "getRatedTVEpisodes", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetRatedTVEpisodes(ctx, id, &gen.GetRatedTVEpisodesParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// WatchlistMovies returns a page of the movies on the account's watchlist.
func (s *AccountService) WatchlistMovies(ctx context.Context, opts ...CallOption) (*MoviePage, error) {
	return accountList[MoviePage](ctx, s, "getWatchlistMovies", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetWatchlistMovies(ctx, id, &gen.GetWatchlistMoviesParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// WatchlistTV returns a page of the TV shows on the account's watchlist.
func (s *AccountService) WatchlistTV(ctx context.Context, opts ...CallOption) (*TVPage, error) {
	return accountList[TVPage](ctx, s, "getWatchlistTV", opts, func(ctx context.Context, id int64, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetWatchlistTV(ctx, id, &gen.GetWatchlistTVParams{Language: p.language, Page: p.page, SortBy: p.sortBy}, eds...)
	})
}

// accountList runs one paged account call for the session's account.
func accountList[T any](ctx context.Context, s *AccountService, op string, opts []CallOption,
	send func(context.Context, int64, listParams, []RequestEditorFn) (*http.Response, error)) (*T, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.userEditors(cs)
	if err != nil {
		return nil, err
	}
	id, err := s.ID(ctx, opts...)
	if err != nil {
		return nil, err
	}
	p := cs.list()
	var out T
	err = s.c.do(ctx, operation{op, http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return send(ctx, id, p, eds)
	}, &out)
	return result(&out, err)
}

// write runs one account write for the session's account.
func (s *AccountService) write(ctx context.Context, op string, opts []CallOption,
	send func(context.Context, int64, []RequestEditorFn) (*http.Response, error)) (*StatusResponse, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.userEditors(cs)
	if err != nil {
		return nil, err
	}
	id, err := s.ID(ctx, opts...)
	if err != nil {
		return nil, err
	}
	var out StatusResponse
	err = s.c.do(ctx, operation{op, http.MethodPost}, func(ctx context.Context) (*http.Response, error) {
		return send(ctx, id, eds)
	}, &out)
	return result(&out, err)
}
