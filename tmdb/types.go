package tmdb

import (
	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/wire"
)

// The result types are the ones generated from api/tmdb-v3.yaml, under
// names of this package so that applications never import gen. Their
// fields follow TMDB's JSON: nullable fields are pointers, scores are
// float64, money is int64, and sub-resources appended to MovieDetails are
// pointers that stay nil unless asked for.
type (
	Account               = gen.Account
	Avatar                = gen.Avatar
	AccountStates         = gen.AccountStates
	StatusResponse        = gen.StatusResponse
	RequestToken          = gen.RequestToken
	Session               = gen.Session
	GuestSession          = gen.GuestSession
	ErrorResponse         = gen.ErrorResponse
	MovieDetails          = gen.MovieDetails
	MovieSummary          = gen.MovieSummary
	MoviePage             = gen.MoviePage
	DatedMoviePage        = gen.DatedMoviePage
	DateRange             = gen.DateRange
	RatedMovie            = gen.RatedMovie
	RatedMoviePage        = gen.RatedMoviePage
	TVSummary             = gen.TVSummary
	TVPage                = gen.TVPage
	RatedTV               = gen.RatedTV
	RatedTVPage           = gen.RatedTVPage
	RatedEpisode          = gen.RatedEpisode
	RatedEpisodePage      = gen.RatedEpisodePage
	ListSummary           = gen.ListSummary
	ListPage              = gen.ListPage
	MovieListsPage        = gen.MovieListsPage
	ChangedMovie          = gen.ChangedMovie
	ChangedMoviePage      = gen.ChangedMoviePage
	CollectionSummary     = gen.CollectionSummary
	Genre                 = gen.Genre
	Company               = gen.Company
	ProductionCountry     = gen.Country
	SpokenLanguage        = gen.SpokenLanguage
	Credits               = gen.Credits
	Cast                  = gen.Cast
	Crew                  = gen.Crew
	Images                = gen.Images
	Image                 = gen.Image
	Videos                = gen.Videos
	Video                 = gen.Video
	Keywords              = gen.Keywords
	Keyword               = gen.Keyword
	ReleaseDates          = gen.ReleaseDates
	CountryReleaseDates   = gen.CountryReleaseDates
	ReleaseDate           = gen.ReleaseDate
	ExternalIDs           = gen.ExternalIDs
	ReviewPage            = gen.ReviewPage
	Review                = gen.Review
	ReviewAuthor          = gen.ReviewAuthor
	Translations          = gen.Translations
	Translation           = gen.Translation
	TranslationData       = gen.TranslationData
	AlternativeTitles     = gen.AlternativeTitles
	AlternativeTitle      = gen.AlternativeTitle
	WatchProviders        = gen.WatchProviders
	CountryWatchProviders = gen.CountryWatchProviders
	WatchProvider         = gen.WatchProvider
	MovieChanges          = gen.MovieChanges
	Change                = gen.Change
	ChangeItem            = gen.ChangeItem
	Configuration         = gen.Configuration
	ImageConfiguration    = gen.ImageConfiguration
)

// Value types for TMDB's irregular JSON.
type (
	// Rated is an account's rating in AccountStates: TMDB sends false when
	// there is none and {"value": 8.5} when there is. Use IsRated and Value.
	Rated = wire.Rated
	// Date is a calendar date that TMDB may send as "" when unknown.
	Date = wire.Date
	// Timestamp is an instant in TMDB's "2016-08-26 17:04:39 UTC" layout.
	Timestamp = wire.Timestamp
)

// MediaType says whether a favourite or watchlist entry is a movie or a TV show.
type MediaType = gen.MediaType

// The media types TMDB accepts.
const (
	MediaMovie MediaType = gen.Movie
	MediaTV    MediaType = gen.Tv
)
