package fakeapi

import (
	"context"
	"strings"
	"time"

	oapitypes "github.com/oapi-codegen/runtime/types"
)

// maxAppends is how many names append_to_response may list.
const maxAppends = 20

// movieOrNotFound returns the catalogue movie, or 404 code 34.
func (s *Server) movieOrNotFound(id int64) (*movie, error) {
	if m := s.cat.movie(id); m != nil {
		return m, nil
	}
	return nil, errNotFound
}

// GetMovieDetails returns a movie with the sub-resources named by
// append_to_response embedded, without their ids.
func (h *handlers) GetMovieDetails(_ context.Context, req GetMovieDetailsRequestObject) (GetMovieDetailsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	p := req.Params
	var names []string
	if p.AppendToResponse != nil {
		for n := range strings.SplitSeq(*p.AppendToResponse, ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	if len(names) > maxAppends {
		return nil, errTooManyAppends
	}
	d := m.base()
	for _, name := range names {
		switch name {
		case "account_states":
			if p.SessionID == nil && p.GuestSessionID == nil {
				continue // TMDB leaves it out without a session
			}
			st, err := h.s.accountStates(m.summary.ID, p.SessionID, p.GuestSessionID)
			if err != nil {
				return nil, err
			}
			d.AccountStates = &st
		case "alternative_titles":
			v := m.alternativeTitles(nil)
			d.AlternativeTitles = &v
		case "changes":
			v := m.changes(nil, nil)
			d.Changes = &v
		case "credits":
			v := m.credits()
			d.Credits = &v
		case "external_ids":
			v := m.externalIDs()
			d.ExternalIDs = &v
		case "images":
			v := m.images(languages(p.Language, p.IncludeImageLanguage))
			d.Images = &v
		case "keywords":
			v := m.keywords()
			d.Keywords = &v
		case "lists":
			v := m.lists(p.Page)
			d.Lists = &v
		case "recommendations":
			v := h.s.moviePage(h.s.cat.recommendations(m), p.Page)
			d.Recommendations = &v
		case "release_dates":
			v := m.releaseDates()
			d.ReleaseDates = &v
		case "reviews":
			v := m.reviews(p.Page)
			d.Reviews = &v
		case "similar":
			v := h.s.moviePage(h.s.cat.similarTo(m), p.Page)
			d.Similar = &v
		case "translations":
			v := m.translations()
			d.Translations = &v
		case "videos":
			v := m.videos(languages(p.Language, p.IncludeVideoLanguage))
			d.Videos = &v
		case "watch/providers":
			v := m.watchProviders()
			d.WatchProviders = &v
		}
	}
	return GetMovieDetails200JSONResponse(d), nil
}

// GetLatestMovie returns the newest catalogue entry, sparse as TMDB's
// newest entries are (null paths and ids, "" release date).
func (h *handlers) GetLatestMovie(context.Context, GetLatestMovieRequestObject) (GetLatestMovieResponseObject, error) {
	return GetLatestMovie200JSONResponse(h.s.cat.movie(h.s.cat.latestID).base()), nil
}

// GetConfiguration returns TMDB's published configuration.
func (h *handlers) GetConfiguration(context.Context, GetConfigurationRequestObject) (GetConfigurationResponseObject, error) {
	return GetConfiguration200JSONResponse(h.s.cat.config), nil
}

func (h *handlers) GetMovieAlternativeTitles(_ context.Context, req GetMovieAlternativeTitlesRequestObject) (GetMovieAlternativeTitlesResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.alternativeTitles(req.Params.Country)
	v.ID = req.MovieID
	return GetMovieAlternativeTitles200JSONResponse(v), nil
}

// GetMovieChanges lists the recorded edits of a movie; with start_date or
// end_date only those made in the period.
func (h *handlers) GetMovieChanges(_ context.Context, req GetMovieChangesRequestObject) (GetMovieChangesResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	if err := checkPeriod(req.Params.StartDate, req.Params.EndDate); err != nil {
		return nil, err
	}
	return GetMovieChanges200JSONResponse(m.changes(req.Params.StartDate, req.Params.EndDate)), nil
}

func (h *handlers) GetMovieCredits(_ context.Context, req GetMovieCreditsRequestObject) (GetMovieCreditsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.credits()
	v.ID = req.MovieID
	return GetMovieCredits200JSONResponse(v), nil
}

func (h *handlers) GetMovieExternalIDs(_ context.Context, req GetMovieExternalIDsRequestObject) (GetMovieExternalIDsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.externalIDs()
	v.ID = req.MovieID
	return GetMovieExternalIDs200JSONResponse(v), nil
}

func (h *handlers) GetMovieImages(_ context.Context, req GetMovieImagesRequestObject) (GetMovieImagesResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.images(languages(req.Params.Language, req.Params.IncludeImageLanguage))
	v.ID = req.MovieID
	return GetMovieImages200JSONResponse(v), nil
}

func (h *handlers) GetMovieKeywords(_ context.Context, req GetMovieKeywordsRequestObject) (GetMovieKeywordsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.keywords()
	v.ID = req.MovieID
	return GetMovieKeywords200JSONResponse(v), nil
}

func (h *handlers) GetMovieLists(_ context.Context, req GetMovieListsRequestObject) (GetMovieListsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.lists(req.Params.Page)
	v.ID = req.MovieID
	return GetMovieLists200JSONResponse(v), nil
}

func (h *handlers) GetMovieRecommendations(_ context.Context, req GetMovieRecommendationsRequestObject) (GetMovieRecommendationsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	return GetMovieRecommendations200JSONResponse(h.s.moviePage(h.s.cat.recommendations(m), req.Params.Page)), nil
}

func (h *handlers) GetMovieReleaseDates(_ context.Context, req GetMovieReleaseDatesRequestObject) (GetMovieReleaseDatesResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.releaseDates()
	v.ID = req.MovieID
	return GetMovieReleaseDates200JSONResponse(v), nil
}

func (h *handlers) GetMovieReviews(_ context.Context, req GetMovieReviewsRequestObject) (GetMovieReviewsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.reviews(req.Params.Page)
	v.ID = req.MovieID
	return GetMovieReviews200JSONResponse(v), nil
}

func (h *handlers) GetSimilarMovies(_ context.Context, req GetSimilarMoviesRequestObject) (GetSimilarMoviesResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	return GetSimilarMovies200JSONResponse(h.s.moviePage(h.s.cat.similarTo(m), req.Params.Page)), nil
}

func (h *handlers) GetMovieTranslations(_ context.Context, req GetMovieTranslationsRequestObject) (GetMovieTranslationsResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.translations()
	v.ID = req.MovieID
	return GetMovieTranslations200JSONResponse(v), nil
}

func (h *handlers) GetMovieVideos(_ context.Context, req GetMovieVideosRequestObject) (GetMovieVideosResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.videos(languages(req.Params.Language, req.Params.IncludeVideoLanguage))
	v.ID = req.MovieID
	return GetMovieVideos200JSONResponse(v), nil
}

func (h *handlers) GetMovieWatchProviders(_ context.Context, req GetMovieWatchProvidersRequestObject) (GetMovieWatchProvidersResponseObject, error) {
	m, err := h.s.movieOrNotFound(req.MovieID)
	if err != nil {
		return nil, err
	}
	v := m.watchProviders()
	v.ID = req.MovieID
	return GetMovieWatchProviders200JSONResponse(v), nil
}

// checkPeriod rejects a change period longer than 14 days or ending before
// it starts (422 code 20).
func checkPeriod(start, end *oapitypes.Date) *apiError {
	if start == nil || end == nil {
		return nil
	}
	if end.Time.Before(start.Time) || end.Time.Sub(start.Time) > 14*24*time.Hour {
		return errDateRange
	}
	return nil
}
