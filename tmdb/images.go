package tmdb

import (
	"slices"
	"strings"
)

// DefaultImageBaseURL is the secure base URL TMDB has long served images
// from, used by OfflineImageURLs.
const DefaultImageBaseURL = "https://image.tmdb.org/t/p/"

// originalSize is the size every image kind has: the file as uploaded.
const originalSize = "original"

// PosterSize is a width a poster can be fetched in.
type PosterSize string

// The poster sizes TMDB serves.
const (
	PosterW92      PosterSize = "w92"
	PosterW154     PosterSize = "w154"
	PosterW185     PosterSize = "w185"
	PosterW342     PosterSize = "w342"
	PosterW500     PosterSize = "w500"
	PosterW780     PosterSize = "w780"
	PosterOriginal PosterSize = originalSize
)

// BackdropSize is a width a backdrop can be fetched in.
type BackdropSize string

// The backdrop sizes TMDB serves.
const (
	BackdropW300     BackdropSize = "w300"
	BackdropW780     BackdropSize = "w780"
	BackdropW1280    BackdropSize = "w1280"
	BackdropOriginal BackdropSize = originalSize
)

// ProfileSize is a width or height a person's profile picture (or a review
// author's avatar) can be fetched in.
type ProfileSize string

// The profile sizes TMDB serves; H632 is a height.
const (
	ProfileW45      ProfileSize = "w45"
	ProfileW185     ProfileSize = "w185"
	ProfileH632     ProfileSize = "h632"
	ProfileOriginal ProfileSize = originalSize
)

// LogoSize is a width a logo can be fetched in.
type LogoSize string

// The logo sizes TMDB serves.
const (
	LogoW45      LogoSize = "w45"
	LogoW92      LogoSize = "w92"
	LogoW154     LogoSize = "w154"
	LogoW185     LogoSize = "w185"
	LogoW300     LogoSize = "w300"
	LogoW500     LogoSize = "w500"
	LogoOriginal LogoSize = originalSize
)

// StillSize is a width a TV episode still can be fetched in.
type StillSize string

// The still sizes TMDB serves.
const (
	StillW92      StillSize = "w92"
	StillW185     StillSize = "w185"
	StillW300     StillSize = "w300"
	StillOriginal StillSize = originalSize
)

// ImageURLBuilder turns the image paths in TMDB's responses
// ("/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg") into URLs: secure base URL, size,
// path. Build one with NewImageURLBuilder from a fetched configuration
// (Configuration.ImageURLs does both), or use OfflineImageURLs. The zero
// value is OfflineImageURLs. It is a value, safe for concurrent use.
//
// Every method returns "" for a nil or empty path, so a missing poster
// never becomes a URL of a directory. A size the configuration does not
// list falls back to "original", which TMDB always serves. A path that is
// already a URL behind a leading "/", as TMDB sends some review authors'
// avatars ("/https://secure.gravatar.com/avatar/..."), is returned as that
// URL.
type ImageURLBuilder struct {
	base     string
	poster   []string
	backdrop []string
	profile  []string
	logo     []string
	still    []string
}

// The sizes of each kind of image that TMDB has long served, which
// OfflineImageURLs uses and NewImageURLBuilder falls back to. Builders
// share them and never change them.
var (
	offlinePosterSizes   = [...]string{"w92", "w154", "w185", "w342", "w500", "w780", originalSize}
	offlineBackdropSizes = [...]string{"w300", "w780", "w1280", originalSize}
	offlineProfileSizes  = [...]string{"w45", "w185", "h632", originalSize}
	offlineLogoSizes     = [...]string{"w45", "w92", "w154", "w185", "w300", "w500", originalSize}
	offlineStillSizes    = [...]string{"w92", "w185", "w300", originalSize}
)

// offlineURLs is OfflineImageURLs, built once: ImageURLBuilder is
// immutable, so every copy can share its size lists.
var offlineURLs = ImageURLBuilder{
	base:     DefaultImageBaseURL,
	poster:   offlinePosterSizes[:],
	backdrop: offlineBackdropSizes[:],
	profile:  offlineProfileSizes[:],
	logo:     offlineLogoSizes[:],
	still:    offlineStillSizes[:],
}

// OfflineImageURLs builds URLs without asking TMDB: DefaultImageBaseURL
// and the sizes of this package's size constants, which TMDB has served
// for years. Use it when the configuration cannot be fetched; prefer
// Configuration.ImageURLs otherwise, as TMDB asks. It allocates nothing.
func OfflineImageURLs() ImageURLBuilder { return offlineURLs }

// NewImageURLBuilder builds URLs from an image configuration, as returned
// by Configuration.Images. Whatever cfg lacks (cfg nil, no secure base URL,
// no sizes for a kind of image) is taken from OfflineImageURLs. cfg is
// copied, so changing it later does not change the builder.
func NewImageURLBuilder(cfg *ImageConfiguration) ImageURLBuilder {
	if cfg == nil {
		return offlineURLs
	}
	base := cfg.SecureBaseURL
	if base == "" {
		base = offlineURLs.base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	sizes := func(got, fallback []string) []string {
		if len(got) == 0 {
			return fallback
		}
		return slices.Clone(got)
	}
	return ImageURLBuilder{
		base:     base,
		poster:   sizes(cfg.PosterSizes, offlineURLs.poster),
		backdrop: sizes(cfg.BackdropSizes, offlineURLs.backdrop),
		profile:  sizes(cfg.ProfileSizes, offlineURLs.profile),
		logo:     sizes(cfg.LogoSizes, offlineURLs.logo),
		still:    sizes(cfg.StillSizes, offlineURLs.still),
	}
}

// ImagePath turns a path held in a string, such as Image.FilePath, into
// the *string the URL methods take; "" becomes nil.
func ImagePath(path string) *string {
	if path == "" {
		return nil
	}
	return &path
}

// PosterURL returns the URL of a poster path in size, or "" for no path.
func (b ImageURLBuilder) PosterURL(path *string, size PosterSize) string {
	b = b.orOffline()
	return b.url(path, string(size), b.poster)
}

// BackdropURL returns the URL of a backdrop path in size, or "" for no path.
func (b ImageURLBuilder) BackdropURL(path *string, size BackdropSize) string {
	b = b.orOffline()
	return b.url(path, string(size), b.backdrop)
}

// ProfileURL returns the URL of a profile path in size, or "" for no path.
// It also suits review authors' avatars, which may be full URLs.
func (b ImageURLBuilder) ProfileURL(path *string, size ProfileSize) string {
	b = b.orOffline()
	return b.url(path, string(size), b.profile)
}

// LogoURL returns the URL of a logo path in size, or "" for no path.
func (b ImageURLBuilder) LogoURL(path *string, size LogoSize) string {
	b = b.orOffline()
	return b.url(path, string(size), b.logo)
}

// StillURL returns the URL of a still path in size, or "" for no path.
func (b ImageURLBuilder) StillURL(path *string, size StillSize) string {
	b = b.orOffline()
	return b.url(path, string(size), b.still)
}

// url joins base, size and path, applying the rules of ImageURLBuilder.
func (b ImageURLBuilder) url(path *string, size string, known []string) string {
	if path == nil || *path == "" {
		return ""
	}
	p := *path
	if full := strings.TrimPrefix(p, "/"); strings.HasPrefix(full, "https://") || strings.HasPrefix(full, "http://") {
		return full
	}
	if !slices.Contains(known, size) {
		size = originalSize
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return b.base + size + p
}

// orOffline makes the zero ImageURLBuilder OfflineImageURLs, without
// allocating.
func (b ImageURLBuilder) orOffline() ImageURLBuilder {
	if b.base == "" {
		return offlineURLs
	}
	return b
}
