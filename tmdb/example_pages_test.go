package tmdb_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func ExampleMoviesService_PopularAll() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	// Pages are fetched as the loop needs them, one request each.
	n := 0
	for m, err := range c.Movies.PopularAll(context.Background()) {
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		n++
		if n <= 3 {
			fmt.Println(m.Title)
		}
		if n == 25 {
			break // no request is sent for the rest
		}
	}
	fmt.Println("movies:", n, "requests:", fake.Calls("getPopularMovies"))
	// Output:
	// Ant-Man and the Wasp: Quantumania
	// The Super Mario Bros. Movie
	// Shazam! Fury of the Gods
	// movies: 25 requests: 2
}

func ExampleSearchService_MoviesAll() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	// Page 2 onwards, in German, until the last page.
	n := 0
	for m, err := range c.Search.MoviesAll(context.Background(), "the", tmdb.Page(2), tmdb.Language("de-DE")) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		if n == 0 {
			fmt.Println("first:", m.Title)
		}
		n++
	}
	fmt.Println("movies:", n, "requests:", fake.Calls("searchMovies"))
	// Output:
	// first: The Shawshank Redemption
	// movies: 25 requests: 2
}
