package tmdb

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/tmdbfusion/tmdbfusion/gen"
)

// MoviesService reads movies and their sub-resources, the movie charts
// (popular, top rated, now playing, upcoming), and rates movies.
type MoviesService struct{ c *Client }

// Details returns a movie. With Append, sub-resources (credits, videos,
// images, ...) come in the same response, in the MovieDetails field of the
// same name; the others stay nil. Options: Append, Language, ImageLanguages,
// VideoLanguages, Page (for appended paged parts). The user or guest
// session, when the client has one, is sent for an appended account_states.
func (s *MoviesService) Details(ctx context.Context, movieID int64, opts ...CallOption) (*MovieDetails, error) {
	cs, err := s.settings(movieID, opts)
	if err != nil {
		return nil, err
	}
	params := &gen.GetMovieDetailsParams{
		AppendToResponse:     appendParam(cs.appends),
		Language:             optString(cs.language),
		IncludeImageLanguage: joinCodes(cs.imageLanguages),
		IncludeVideoLanguage: joinCodes(cs.videoLanguages),
		Page:                 optInt32(cs.page),
	}
	eds := cs.editors
	if wantsAccountStates(cs.appends) {
		if eds, err = s.c.eitherSessionEditors(cs); err != nil {
			return nil, fmt.Errorf("tmdb: appending account_states: %w", err)
		}
	}
	return call[MovieDetails](ctx, s.c, operation{"getMovieDetails", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetMovieDetails(ctx, movieID, params, eds...)
	})
}

// AccountStates reports whether the session's account has rated,
// favourited or watch-listed the movie. Rated is false until rated. Works
// with a user session, or a guest session AsGuest.
func (s *MoviesService) AccountStates(ctx context.Context, movieID int64, opts ...CallOption) (*AccountStates, error) {
	cs, err := s.settings(movieID, opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.eitherSessionEditors(cs)
	if err != nil {
		return nil, err
	}
	return call[AccountStates](ctx, s.c, operation{"getMovieAccountStates", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetMovieAccountStates(ctx, movieID, nil, eds...)
	})
}

// AlternativeTitles lists the movie's titles in other countries. Option: Country.
func (s *MoviesService) AlternativeTitles(ctx context.Context, movieID int64, opts ...CallOption) (*AlternativeTitles, error) {
	return movieCall[AlternativeTitles](ctx, s, movieID, opts, "getMovieAlternativeTitles", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieAlternativeTitles(ctx, movieID, &gen.GetMovieAlternativeTitlesParams{Country: optString(cs.country)}, cs.editors...)
	})
}

// Changes lists edits to the movie, by default over the last day.
// Options: Period (at most 14 days), Page.
func (s *MoviesService) Changes(ctx context.Context, movieID int64, opts ...CallOption) (*MovieChanges, error) {
	return movieCall[MovieChanges](ctx, s, movieID, opts, "getMovieChanges", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieChanges(ctx, movieID, &gen.GetMovieChangesParams{StartDate: optDate(cs.startDate), EndDate: optDate(cs.endDate), Page: optInt32(cs.page)}, cs.editors...)
	})
}

// Credits lists the movie's cast and crew. Option: Language.
func (s *MoviesService) Credits(ctx context.Context, movieID int64, opts ...CallOption) (*Credits, error) {
	return movieCall[Credits](ctx, s, movieID, opts, "getMovieCredits", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieCredits(ctx, movieID, &gen.GetMovieCreditsParams{Language: optString(cs.language)}, cs.editors...)
	})
}

// ExternalIDs returns the movie's ids on IMDb, Wikidata and social sites.
func (s *MoviesService) ExternalIDs(ctx context.Context, movieID int64, opts ...CallOption) (*ExternalIDs, error) {
	return movieCall[ExternalIDs](ctx, s, movieID, opts, "getMovieExternalIDs", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieExternalIDs(ctx, movieID, cs.editors...)
	})
}

// Images lists the movie's backdrops, logos and posters. Options:
// Language, ImageLanguages.
func (s *MoviesService) Images(ctx context.Context, movieID int64, opts ...CallOption) (*Images, error) {
	return movieCall[Images](ctx, s, movieID, opts, "getMovieImages", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieImages(ctx, movieID, &gen.GetMovieImagesParams{Language: optString(cs.language), IncludeImageLanguage: joinCodes(cs.imageLanguages)}, cs.editors...)
	})
}

// Keywords lists the keywords attached to the movie.
func (s *MoviesService) Keywords(ctx context.Context, movieID int64, opts ...CallOption) (*Keywords, error) {
	return movieCall[Keywords](ctx, s, movieID, opts, "getMovieKeywords", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieKeywords(ctx, movieID, cs.editors...)
	})
}

// Latest returns the movie most recently added to TMDB, often sparse (null
// paths, an empty release date). Option: Language.
func (s *MoviesService) Latest(ctx context.Context, opts ...CallOption) (*MovieDetails, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	params := &gen.GetLatestMovieParams{Language: optString(cs.language)}
	return call[MovieDetails](ctx, s.c, operation{"getLatestMovie", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetLatestMovie(ctx, params, cs.editors...)
	})
}

// Lists returns a page of the public lists that contain the movie.
// Options: Language, Page.
func (s *MoviesService) Lists(ctx context.Context, movieID int64, opts ...CallOption) (*MovieListsPage, error) {
	return movieCall[MovieListsPage](ctx, s, movieID, opts, "getMovieLists", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieLists(ctx, movieID, &gen.GetMovieListsParams{Language: optString(cs.language), Page: optInt32(cs.page)}, cs.editors...)
	})
}

// Recommendations returns a page of movies recommended to viewers of the
// movie. Options: Language, Page.
func (s *MoviesService) Recommendations(ctx context.Context, movieID int64, opts ...CallOption) (*MoviePage, error) {
	return movieCall[MoviePage](ctx, s, movieID, opts, "getMovieRecommendations", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieRecommendations(ctx, movieID, &gen.GetMovieRecommendationsParams{Language: optString(cs.language), Page: optInt32(cs.page)}, cs.editors...)
	})
}

// ReleaseDates lists the movie's release dates and certifications by country.
func (s *MoviesService) ReleaseDates(ctx context.Context, movieID int64, opts ...CallOption) (*ReleaseDates, error) {
	return movieCall[ReleaseDates](ctx, s, movieID, opts, "getMovieReleaseDates", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieReleaseDates(ctx, movieID, cs.editors...)
	})
}

// Reviews returns a page of user reviews of the movie. Options: Language, Page.
func (s *MoviesService) Reviews(ctx context.Context, movieID int64, opts ...CallOption) (*ReviewPage, error) {
	return movieCall[ReviewPage](ctx, s, movieID, opts, "getMovieReviews", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieReviews(ctx, movieID, &gen.GetMovieReviewsParams{Language: optString(cs.language), Page: optInt32(cs.page)}, cs.editors...)
	})
}

// Similar returns a page of movies sharing genres and keywords with the
// movie. Options: Language, Page.
func (s *MoviesService) Similar(ctx context.Context, movieID int64, opts ...CallOption) (*MoviePage, error) {
	return movieCall[MoviePage](ctx, s, movieID, opts, "getSimilarMovies", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetSimilarMovies(ctx, movieID, &gen.GetSimilarMoviesParams{Language: optString(cs.language), Page: optInt32(cs.page)}, cs.editors...)
	})
}

// Translations lists the translations of the movie's title and texts.
func (s *MoviesService) Translations(ctx context.Context, movieID int64, opts ...CallOption) (*Translations, error) {
	return movieCall[Translations](ctx, s, movieID, opts, "getMovieTranslations", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieTranslations(ctx, movieID, cs.editors...)
	})
}

// Videos lists the movie's trailers, teasers and clips. Options: Language,
// VideoLanguages. See VideoURL for a video's address.
func (s *MoviesService) Videos(ctx context.Context, movieID int64, opts ...CallOption) (*Videos, error) {
	return movieCall[Videos](ctx, s, movieID, opts, "getMovieVideos", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieVideos(ctx, movieID, &gen.GetMovieVideosParams{Language: optString(cs.language), IncludeVideoLanguage: joinCodes(cs.videoLanguages)}, cs.editors...)
	})
}

// WatchProviders lists where the movie streams, rents and sells, keyed by
// country code.
func (s *MoviesService) WatchProviders(ctx context.Context, movieID int64, opts ...CallOption) (*WatchProviders, error) {
	return movieCall[WatchProviders](ctx, s, movieID, opts, "getMovieWatchProviders", func(ctx context.Context, cs callSettings) (*http.Response, error) {
		return s.c.raw.GetMovieWatchProviders(ctx, movieID, cs.editors...)
	})
}

// Rate rates the movie for the session's account, or for a guest session
// AsGuest. value runs from 0.5 to 10 in steps of 0.5; anything else is an
// error before sending. TMDB answers status_code 1 (rated) or 12 (changed).
func (s *MoviesService) Rate(ctx context.Context, movieID int64, value float64, opts ...CallOption) (*StatusResponse, error) {
	if err := ValidRating(value); err != nil {
		return nil, err
	}
	cs, err := s.settings(movieID, opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.eitherSessionEditors(cs)
	if err != nil {
		return nil, err
	}
	body := gen.RatingBody{Value: value}
	return call[StatusResponse](ctx, s.c, operation{"addMovieRating", http.MethodPost}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.AddMovieRating(ctx, movieID, nil, body, eds...)
	})
}

// DeleteRating removes the session's (or guest session's) rating of the
// movie. TMDB answers status_code 13.
func (s *MoviesService) DeleteRating(ctx context.Context, movieID int64, opts ...CallOption) (*StatusResponse, error) {
	cs, err := s.settings(movieID, opts)
	if err != nil {
		return nil, err
	}
	eds, err := s.c.eitherSessionEditors(cs)
	if err != nil {
		return nil, err
	}
	return call[StatusResponse](ctx, s.c, operation{"deleteMovieRating", http.MethodDelete}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.DeleteMovieRating(ctx, movieID, nil, eds...)
	})
}

// NowPlaying returns a page of movies in theatres now, with the release
// window used. Options: Language, Page, Region.
func (s *MoviesService) NowPlaying(ctx context.Context, opts ...CallOption) (*DatedMoviePage, error) {
	return chart[DatedMoviePage](ctx, s.c, "getNowPlayingMovies", opts, func(ctx context.Context, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetNowPlayingMovies(ctx, &gen.GetNowPlayingMoviesParams{Language: p.language, Page: p.page, Region: p.region}, eds...)
	})
}

// Popular returns a page of movies by current popularity. Options:
// Language, Page, Region.
func (s *MoviesService) Popular(ctx context.Context, opts ...CallOption) (*MoviePage, error) {
	return chart[MoviePage](ctx, s.c, "getPopularMovies", opts, func(ctx context.Context, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetPopularMovies(ctx, &gen.GetPopularMoviesParams{Language: p.language, Page: p.page, Region: p.region}, eds...)
	})
}

// TopRated returns a page of movies by average vote. Options: Language,
// Page, Region.
func (s *MoviesService) TopRated(ctx context.Context, opts ...CallOption) (*MoviePage, error) {
	return chart[MoviePage](ctx, s.c, "getTopRatedMovies", opts, func(ctx context.Context, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetTopRatedMovies(ctx, &gen.GetTopRatedMoviesParams{Language: p.language, Page: p.page, Region: p.region}, eds...)
	})
}

// Upcoming returns a page of movies soon in theatres, with the release
// window used. Options: Language, Page, Region.
func (s *MoviesService) Upcoming(ctx context.Context, opts ...CallOption) (*DatedMoviePage, error) {
	return chart[DatedMoviePage](ctx, s.c, "getUpcomingMovies", opts, func(ctx context.Context, p listParams, eds []RequestEditorFn) (*http.Response, error) {
		return s.c.raw.GetUpcomingMovies(ctx, &gen.GetUpcomingMoviesParams{Language: p.language, Page: p.page, Region: p.region}, eds...)
	})
}

// ChangeList returns a page of the ids of movies changed over a period (the
// last day by default), 100 per page. Options: Period, Page.
func (s *MoviesService) ChangeList(ctx context.Context, opts ...CallOption) (*ChangedMoviePage, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	params := &gen.GetMovieChangeListParams{StartDate: optDate(cs.startDate), EndDate: optDate(cs.endDate), Page: optInt32(cs.page)}
	return call[ChangedMoviePage](ctx, s.c, operation{"getMovieChangeList", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetMovieChangeList(ctx, params, cs.editors...)
	})
}

// movieCall runs a read of one movie's sub-resource: it validates the id,
// applies the call options and sends through the request path.
func movieCall[T any](ctx context.Context, s *MoviesService, movieID int64, opts []CallOption, op string,
	send func(context.Context, callSettings) (*http.Response, error)) (*T, error) {
	cs, err := s.settings(movieID, opts)
	if err != nil {
		return nil, err
	}
	return call[T](ctx, s.c, operation{op, http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return send(ctx, cs)
	})
}

// settings validates the movie id and applies the call options.
func (s *MoviesService) settings(movieID int64, opts []CallOption) (callSettings, error) {
	if err := validID("movie", movieID); err != nil {
		return callSettings{}, err
	}
	return s.c.settings(opts)
}

// ValidRating returns an error unless v is a rating TMDB accepts: 0.5 to
// 10 in steps of 0.5. Rate checks it before sending.
func ValidRating(v float64) error {
	if math.IsNaN(v) || v < 0.5 || v > 10 || v*2 != math.Trunc(v*2) {
		return fmt.Errorf("tmdb: rating %s: want 0.5 to 10 in steps of 0.5", strconv.FormatFloat(v, 'g', -1, 64))
	}
	return nil
}

func wantsAccountStates(parts []AppendPart) bool {
	for _, p := range parts {
		if p == AppendAccountStates {
			return true
		}
	}
	return false
}

// chart runs one paged, region-aware movie list.
func chart[T any](ctx context.Context, c *Client, op string, opts []CallOption,
	send func(context.Context, listParams, []RequestEditorFn) (*http.Response, error)) (*T, error) {
	cs, err := c.settings(opts)
	if err != nil {
		return nil, err
	}
	p := cs.list()
	return call[T](ctx, c, operation{op, http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return send(ctx, p, cs.editors)
	})
}
