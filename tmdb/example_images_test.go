package tmdb_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func ExampleConfigurationService_ImageURLs() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()

	// The configuration is fetched once and kept; if it cannot be, the
	// builder returned is OfflineImageURLs.
	images, err := c.Configuration.ImageURLs(ctx)
	if err != nil {
		fmt.Println("using offline image URLs:", err)
	}
	m, err := c.Movies.Details(ctx, 550)
	if err != nil {
		panic(err)
	}
	fmt.Println(images.PosterURL(m.PosterPath, tmdb.PosterW500))
	fmt.Println(images.BackdropURL(m.BackdropPath, tmdb.BackdropW1280))
	// Output:
	// https://image.tmdb.org/t/p/w500/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg
	// https://image.tmdb.org/t/p/w1280/hZkgoQYus5vegHoetLkCJzb17zJ.jpg
}

func ExampleImageURLBuilder_PosterURL() {
	images := tmdb.OfflineImageURLs()
	poster := "/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg"

	fmt.Println(images.PosterURL(&poster, tmdb.PosterW342))
	fmt.Println(images.PosterURL(&poster, tmdb.PosterOriginal))
	fmt.Printf("%q\n", images.PosterURL(nil, tmdb.PosterW342)) // no poster, no URL
	// Output:
	// https://image.tmdb.org/t/p/w342/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg
	// https://image.tmdb.org/t/p/original/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg
	// ""
}

func ExampleImageURLBuilder_ProfileURL() {
	images := tmdb.OfflineImageURLs()

	// Review authors' avatars are TMDB paths or, behind a "/", full URLs.
	for _, avatar := range []string{
		"/4KVM1VkqmXLOuwj1jjaSdxbvBDk.jpg",
		"/https://secure.gravatar.com/avatar/f248ec34f953bc62cafcbdd81fddd6b6.jpg",
	} {
		fmt.Println(images.ProfileURL(&avatar, tmdb.ProfileW45))
	}
	// Output:
	// https://image.tmdb.org/t/p/w45/4KVM1VkqmXLOuwj1jjaSdxbvBDk.jpg
	// https://secure.gravatar.com/avatar/f248ec34f953bc62cafcbdd81fddd6b6.jpg
}

func ExampleNewImageURLBuilder() {
	// A configuration without "w500" among its poster sizes.
	images := tmdb.NewImageURLBuilder(&tmdb.ImageConfiguration{
		SecureBaseURL: "https://image.tmdb.org/t/p/",
		PosterSizes:   []string{"w92", "w185", "original"},
	})

	fmt.Println(images.PosterURL(tmdb.ImagePath("/a.jpg"), tmdb.PosterW185))
	fmt.Println(images.PosterURL(tmdb.ImagePath("/a.jpg"), tmdb.PosterW500))
	// Output:
	// https://image.tmdb.org/t/p/w185/a.jpg
	// https://image.tmdb.org/t/p/original/a.jpg
}
