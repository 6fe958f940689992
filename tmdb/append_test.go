package tmdb_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func TestAppendFillsOnlyTheAskedPartsInOneRequest(t *testing.T) {
	fake, c := fakeClient(t)

	m, err := c.Movies.Details(t.Context(), 550, tmdb.Append(tmdb.AppendCredits, tmdb.AppendVideos))
	require.NoError(t, err)

	assert.Equal(t, int64(550), m.ID)
	require.NotNil(t, m.Credits)
	assert.NotEmpty(t, m.Credits.Cast)
	assert.NotEmpty(t, m.Credits.Crew)
	require.NotNil(t, m.Videos)
	assert.NotEmpty(t, m.Videos.Results)
	assert.Nil(t, m.AccountStates)
	assert.Nil(t, m.AlternativeTitles)
	assert.Nil(t, m.Changes)
	assert.Nil(t, m.ExternalIDs)
	assert.Nil(t, m.Images)
	assert.Nil(t, m.Keywords)
	assert.Nil(t, m.Lists)
	assert.Nil(t, m.Recommendations)
	assert.Nil(t, m.ReleaseDates)
	assert.Nil(t, m.Reviews)
	assert.Nil(t, m.Similar)
	assert.Nil(t, m.Translations)
	assert.Nil(t, m.WatchProviders)
	assert.Equal(t, 1, fake.Calls("getMovieDetails"))
	assert.Equal(t, 1, fake.TotalCalls())
}

func TestAppendWithoutPartsLeavesEveryPartNil(t *testing.T) {
	fake, c := fakeClient(t)

	m, err := c.Movies.Details(t.Context(), 550)
	require.NoError(t, err)

	assert.Nil(t, m.Credits)
	assert.Nil(t, m.Videos)
	assert.Equal(t, 1, fake.TotalCalls())
}

func TestAppendEveryPartTypesEachOne(t *testing.T) {
	fake, c := fakeClient(t)
	var parts []tmdb.AppendPart
	for _, p := range tmdb.AppendParts() {
		if p != tmdb.AppendAccountStates {
			parts = append(parts, p)
		}
	}

	m, err := c.Movies.Details(t.Context(), 550, tmdb.Append(parts...))
	require.NoError(t, err)

	assert.NotNil(t, m.AlternativeTitles)
	assert.NotNil(t, m.Changes)
	assert.NotNil(t, m.Credits)
	assert.NotNil(t, m.ExternalIDs)
	assert.NotNil(t, m.Images)
	assert.NotNil(t, m.Keywords)
	assert.NotNil(t, m.Lists)
	assert.NotNil(t, m.Recommendations)
	assert.NotNil(t, m.ReleaseDates)
	assert.NotNil(t, m.Reviews)
	assert.NotNil(t, m.Similar)
	assert.NotNil(t, m.Translations)
	assert.NotNil(t, m.Videos)
	assert.NotNil(t, m.WatchProviders)
	assert.Nil(t, m.AccountStates, "not asked for")
	assert.Equal(t, 1, fake.TotalCalls())
}

func TestAppendBeyondMaxIsRefusedBeforeSending(t *testing.T) {
	fake, c := fakeClient(t)
	parts := make([]tmdb.AppendPart, 0, tmdb.MaxAppend+1)
	for len(parts) <= tmdb.MaxAppend {
		parts = append(parts, tmdb.AppendParts()...)
	}
	parts = parts[:tmdb.MaxAppend+1]

	m, err := c.Movies.Details(t.Context(), 550, tmdb.Append(parts...))
	assert.Nil(t, m)
	require.ErrorContains(t, err, "at most 20")

	_, err = c.Movies.Details(t.Context(), 550, tmdb.Append(parts[:10]...), tmdb.Append(parts[10:]...))
	require.ErrorContains(t, err, "at most 20", "the count adds up over several Append options")

	assert.Equal(t, 0, fake.TotalCalls())
}

func TestAppendExactlyMaxIsSent(t *testing.T) {
	fake, c := fakeClient(t)
	parts := make([]tmdb.AppendPart, 0, tmdb.MaxAppend)
	for len(parts) < tmdb.MaxAppend {
		parts = append(parts, tmdb.AppendCredits)
	}

	m, err := c.Movies.Details(t.Context(), 550, tmdb.Append(parts...))
	require.NoError(t, err)

	assert.NotNil(t, m.Credits)
	assert.Equal(t, 1, fake.TotalCalls())
}

func TestAppendUnknownPartIsRefusedBeforeSending(t *testing.T) {
	fake, c := fakeClient(t)

	_, err := c.Movies.Details(t.Context(), 550, tmdb.Append("cast"))

	require.ErrorContains(t, err, `"cast"`)
	assert.Equal(t, 0, fake.TotalCalls())
}

func TestParseAppendPart(t *testing.T) {
	for _, p := range tmdb.AppendParts() {
		got, err := tmdb.ParseAppendPart(string(p))
		require.NoError(t, err)
		assert.Equal(t, p, got)
	}
	_, err := tmdb.ParseAppendPart("watch_providers")
	assert.Error(t, err)
}

func ExampleMoviesService_Details_append() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	// One request returns the movie, its credits and its videos.
	m, err := c.Movies.Details(context.Background(), 550, tmdb.Append(tmdb.AppendCredits, tmdb.AppendVideos))
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Title)
	fmt.Println("directed by", director(m.Credits))
	fmt.Println("has videos:", len(m.Videos.Results) > 0)
	fmt.Println("images appended:", m.Images != nil)
	fmt.Println("requests:", fake.TotalCalls())
	// Output:
	// Fight Club
	// directed by David Fincher
	// has videos: true
	// images appended: false
	// requests: 1
}

func director(c *tmdb.Credits) string {
	for _, p := range c.Crew {
		if p.Job == "Director" {
			return p.Name
		}
	}
	return ""
}
