package tmdb

import (
	"context"
	"iter"
	"slices"
)

// pages yields the items of a paged list, page after page from the Page
// option's page. fetch gets one page with the call options given; split
// returns a page's items and total_pages.
func pages[P, T any](ctx context.Context, c *Client, opts []CallOption,
	fetch func(context.Context, ...CallOption) (*P, error),
	split func(*P) ([]T, int)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if ctx == nil {
			yield(zero, errNilContext)
			return
		}
		cs, err := c.settings(opts)
		if err != nil {
			yield(zero, err)
			return
		}
		n := max(cs.page, 1)
		base := slices.Clip(opts)
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			p, err := fetch(ctx, append(base, Page(n))...)
			if err != nil {
				yield(zero, err)
				return
			}
			items, total := split(p)
			for _, it := range items {
				if err := ctx.Err(); err != nil {
					yield(zero, err)
					return
				}
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 || n >= min(total, MaxPage) {
				return
			}
			n++
		}
	}
}

// PopularAll ranges over the popular movies, page after page. Options as
// for Popular.
//
//	for m, err := range c.Movies.PopularAll(ctx, tmdb.Language("de-DE")) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(m.Title)
//	}
//
// Every method ending in All iterates a paged list this way. It fetches
// lazily, one page at a time and only when the loop needs the next item,
// through the single-page method of the same name, so every page is rate
// limited and retried like any other call. It starts at the Page option's
// page (1 without it) and ends after the last page: the list's
// total_pages, never beyond MaxPage (TMDB serves no page past 500), or
// after a page with no results. Breaking out of the loop sends nothing
// more.
//
// A failure is yielded once, with a zero item, and ends the iteration: a
// bad option (then nothing is sent), a failed page, or ctx ending, which
// yields ctx's error. The iterator can be ranged over again; each range
// starts anew.
func (s *MoviesService) PopularAll(ctx context.Context, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, s.Popular, moviePage)
}

// TopRatedAll ranges over the top-rated movies, page after page. Options
// as for TopRated.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) TopRatedAll(ctx context.Context, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, s.TopRated, moviePage)
}

// UpcomingAll ranges over the upcoming movies, page after page. Options as
// for Upcoming.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) UpcomingAll(ctx context.Context, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, s.Upcoming, datedMoviePage)
}

// NowPlayingAll ranges over the movies now in theatres, page after page.
// Options as for NowPlaying.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) NowPlayingAll(ctx context.Context, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, s.NowPlaying, datedMoviePage)
}

// RecommendationsAll ranges over the movies recommended to viewers of the
// movie, page after page. Options as for Recommendations.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) RecommendationsAll(ctx context.Context, movieID int64, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, func(ctx context.Context, o ...CallOption) (*MoviePage, error) {
		return s.Recommendations(ctx, movieID, o...)
	}, moviePage)
}

// SimilarAll ranges over the movies similar to the movie, page after page.
// Options as for Similar.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) SimilarAll(ctx context.Context, movieID int64, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, func(ctx context.Context, o ...CallOption) (*MoviePage, error) {
		return s.Similar(ctx, movieID, o...)
	}, moviePage)
}

// ReviewsAll ranges over the movie's reviews, page after page. Options as
// for Reviews.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) ReviewsAll(ctx context.Context, movieID int64, opts ...CallOption) iter.Seq2[Review, error] {
	return pages(ctx, s.c, opts, func(ctx context.Context, o ...CallOption) (*ReviewPage, error) {
		return s.Reviews(ctx, movieID, o...)
	}, func(p *ReviewPage) ([]Review, int) { return p.Results, p.TotalPages })
}

// ListsAll ranges over the public lists that contain the movie, page after
// page. Options as for Lists.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) ListsAll(ctx context.Context, movieID int64, opts ...CallOption) iter.Seq2[ListSummary, error] {
	return pages(ctx, s.c, opts, func(ctx context.Context, o ...CallOption) (*MovieListsPage, error) {
		return s.Lists(ctx, movieID, o...)
	}, func(p *MovieListsPage) ([]ListSummary, int) { return p.Results, p.TotalPages })
}

// ChangeListAll ranges over the movies changed over a period, page after
// page. Options as for ChangeList.
// It iterates as MoviesService.PopularAll does.
func (s *MoviesService) ChangeListAll(ctx context.Context, opts ...CallOption) iter.Seq2[ChangedMovie, error] {
	return pages(ctx, s.c, opts, s.ChangeList,
		func(p *ChangedMoviePage) ([]ChangedMovie, int) { return p.Results, p.TotalPages })
}

// MoviesAll ranges over the movies matching query, page after page.
// Options as for Movies.
// It iterates as MoviesService.PopularAll does.
func (s *SearchService) MoviesAll(ctx context.Context, query string, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, func(ctx context.Context, o ...CallOption) (*MoviePage, error) {
		return s.Movies(ctx, query, o...)
	}, moviePage)
}

// FavoriteMoviesAll ranges over the account's favourite movies, page after
// page. Options as for FavoriteMovies.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) FavoriteMoviesAll(ctx context.Context, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, s.FavoriteMovies, moviePage)
}

// FavoriteTVAll ranges over the account's favourite TV shows, page after
// page. Options as for FavoriteTV.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) FavoriteTVAll(ctx context.Context, opts ...CallOption) iter.Seq2[TVSummary, error] {
	return pages(ctx, s.c, opts, s.FavoriteTV, tvPage)
}

// ListsAll ranges over the lists the account created, page after page.
// Options as for Lists.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) ListsAll(ctx context.Context, opts ...CallOption) iter.Seq2[ListSummary, error] {
	return pages(ctx, s.c, opts, s.Lists,
		func(p *ListPage) ([]ListSummary, int) { return p.Results, p.TotalPages })
}

// RatedMoviesAll ranges over the movies the account rated, page after
// page. Options as for RatedMovies.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) RatedMoviesAll(ctx context.Context, opts ...CallOption) iter.Seq2[RatedMovie, error] {
	return pages(ctx, s.c, opts, s.RatedMovies, ratedMoviePage)
}

// RatedTVAll ranges over the TV shows the account rated, page after page.
// Options as for RatedTV.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) RatedTVAll(ctx context.Context, opts ...CallOption) iter.Seq2[RatedTV, error] {
	return pages(ctx, s.c, opts, s.RatedTV,
		func(p *RatedTVPage) ([]RatedTV, int) { return p.Results, p.TotalPages })
}

// RatedTVEpisodesAll ranges over the TV episodes the account rated, page
// after page. Options as for RatedTVEpisodes.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) RatedTVEpisodesAll(ctx context.Context, opts ...CallOption) iter.Seq2[RatedEpisode, error] {
	return pages(ctx, s.c, opts, s.RatedTVEpisodes,
		func(p *RatedEpisodePage) ([]RatedEpisode, int) { return p.Results, p.TotalPages })
}

// WatchlistMoviesAll ranges over the movies on the account's watchlist,
// page after page. Options as for WatchlistMovies.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) WatchlistMoviesAll(ctx context.Context, opts ...CallOption) iter.Seq2[MovieSummary, error] {
	return pages(ctx, s.c, opts, s.WatchlistMovies, moviePage)
}

// WatchlistTVAll ranges over the TV shows on the account's watchlist, page
// after page. Options as for WatchlistTV.
// It iterates as MoviesService.PopularAll does.
func (s *AccountService) WatchlistTVAll(ctx context.Context, opts ...CallOption) iter.Seq2[TVSummary, error] {
	return pages(ctx, s.c, opts, s.WatchlistTV, tvPage)
}

// RatedMoviesAll ranges over the movies the guest session rated, page
// after page. Options as for RatedMovies.
// It iterates as MoviesService.PopularAll does.
func (s *GuestSessionsService) RatedMoviesAll(ctx context.Context, opts ...CallOption) iter.Seq2[RatedMovie, error] {
	return pages(ctx, s.c, opts, s.RatedMovies, ratedMoviePage)
}

// Splitters of the page types shared by several lists.

func moviePage(p *MoviePage) ([]MovieSummary, int) { return p.Results, p.TotalPages }

func datedMoviePage(p *DatedMoviePage) ([]MovieSummary, int) { return p.Results, p.TotalPages }

func tvPage(p *TVPage) ([]TVSummary, int) { return p.Results, p.TotalPages }

func ratedMoviePage(p *RatedMoviePage) ([]RatedMovie, int) { return p.Results, p.TotalPages }
