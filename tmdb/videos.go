package tmdb

import (
	"net/url"
	"strings"
)

// The sites TMDB's videos are hosted on, as Video.Site names them.
const (
	SiteYouTube = "YouTube"
	SiteVimeo   = "Vimeo"
)

// VideoURL returns the page where a video plays:
// "https://www.youtube.com/watch?v=KEY" for YouTube,
// "https://vimeo.com/KEY" for Vimeo, and "" for another site or an empty
// key. The key is escaped.
func VideoURL(v Video) string {
	if v.Key == "" {
		return ""
	}
	switch {
	case strings.EqualFold(v.Site, SiteYouTube):
		return "https://www.youtube.com/watch?v=" + url.QueryEscape(v.Key)
	case strings.EqualFold(v.Site, SiteVimeo):
		return "https://vimeo.com/" + url.PathEscape(v.Key)
	}
	return ""
}

// VideoThumbnailURL returns the 480×360 thumbnail YouTube serves for a
// video, "https://img.youtube.com/vi/KEY/hqdefault.jpg", and "" for another
// site or an empty key.
func VideoThumbnailURL(v Video) string {
	if v.Key == "" || !strings.EqualFold(v.Site, SiteYouTube) {
		return ""
	}
	return "https://img.youtube.com/vi/" + url.PathEscape(v.Key) + "/hqdefault.jpg"
}
