package tmdb_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func TestVideoURL(t *testing.T) {
	cases := []struct {
		name, site, key, url, thumb string
	}{
		{"youtube", "YouTube", "SUXWAEX2jlg", "https://www.youtube.com/watch?v=SUXWAEX2jlg", "https://img.youtube.com/vi/SUXWAEX2jlg/hqdefault.jpg"},
		{"site in another case", "youtube", "SUXWAEX2jlg", "https://www.youtube.com/watch?v=SUXWAEX2jlg", "https://img.youtube.com/vi/SUXWAEX2jlg/hqdefault.jpg"},
		{"vimeo", "Vimeo", "76979871", "https://vimeo.com/76979871", ""},
		{"other site", "Dailymotion", "x7tgad0", "", ""},
		{"no site", "", "SUXWAEX2jlg", "", ""},
		{"no key", "YouTube", "", "", ""},
		{"key escaped", "YouTube", "a&b=c d", "https://www.youtube.com/watch?v=a%26b%3Dc+d", "https://img.youtube.com/vi/a&b=c%20d/hqdefault.jpg"},
		{"vimeo key escaped", "Vimeo", "../x?y", "https://vimeo.com/..%2Fx%3Fy", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := tmdb.Video{Site: tc.site, Key: tc.key}
			assert.Equal(t, tc.url, tmdb.VideoURL(v))
			assert.Equal(t, tc.thumb, tmdb.VideoThumbnailURL(v))
		})
	}
}

func TestVideoURLOfFakeVideos(t *testing.T) {
	_, c := fakeClient(t)

	videos, err := c.Movies.Videos(t.Context(), 550)
	require.NoError(t, err)

	require.NotEmpty(t, videos.Results)
	for _, v := range videos.Results {
		if v.Site == tmdb.SiteYouTube {
			assert.Equal(t, "https://www.youtube.com/watch?v="+v.Key, tmdb.VideoURL(v))
		}
	}
}

func ExampleVideoURL() {
	trailer := tmdb.Video{Name: "Fight Club | #TBT Trailer", Site: tmdb.SiteYouTube, Key: "BdJKm16Co6M", Type: "Trailer"}

	fmt.Println(tmdb.VideoURL(trailer))
	fmt.Println(tmdb.VideoThumbnailURL(trailer))
	fmt.Println(tmdb.VideoURL(tmdb.Video{Site: tmdb.SiteVimeo, Key: "76979871"}))
	// Output:
	// https://www.youtube.com/watch?v=BdJKm16Co6M
	// https://img.youtube.com/vi/BdJKm16Co6M/hqdefault.jpg
	// https://vimeo.com/76979871
}
