package tmdb_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

const (
	pagedKey     = "0123456789abcdef0123456789abcdef"
	pagedSession = "2629f70fb498edc263a0adb99118ac41f0053e8c"
	pagedGuest   = "fedcba9876543210fedcba9876543210"
)

// pagedServer serves TMDB's published example of a list, whatever the
// path, as page after page of a list of totalPages pages, and counts what
// it was asked for.
type pagedServer struct {
	*httptest.Server
	totalPages int
	failPage   int // answers 404 for this page
	emptyFrom  int // pages from this one on have no results

	mu        sync.Mutex
	pagesSeen []int
	example   map[string]any
}

func newPagedServer(t *testing.T, example string, totalPages int) *pagedServer {
	t.Helper()
	ps := &pagedServer{totalPages: totalPages, example: readExample(t, example)}
	ps.Server = httptest.NewServer(http.HandlerFunc(ps.serve))
	t.Cleanup(ps.Close)
	return ps
}

func (ps *pagedServer) serve(w http.ResponseWriter, r *http.Request) {
	page := 1
	if v := r.URL.Query().Get("page"); v != "" {
		page, _ = strconv.Atoi(v)
	}
	ps.mu.Lock()
	ps.pagesSeen = append(ps.pagesSeen, page)
	ps.mu.Unlock()
	if page == ps.failPage {
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}`))
		return
	}
	body := pageOf(ps.example, page, ps.totalPages)
	if ps.emptyFrom > 0 && page >= ps.emptyFrom {
		body["results"] = []any{}
	}
	writeJSON(w, body)
}

func (ps *pagedServer) pages() []int {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return append([]int(nil), ps.pagesSeen...)
}

func (ps *pagedServer) client(t *testing.T, opts ...tmdb.Option) *tmdb.Client {
	t.Helper()
	opts = append([]tmdb.Option{tmdb.WithBaseURL(ps.URL), tmdb.WithRateLimit(0, 0), tmdb.WithMaxRetries(0)}, opts...)
	c, err := tmdb.New(pagedKey, opts...)
	require.NoError(t, err)
	return c
}

// readExample decodes one of TMDB's published examples.
func readExample(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "examples", name))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	return m
}

// pageOf is example as page of a list of totalPages pages, with ids
// unique across pages.
func pageOf(example map[string]any, page, totalPages int) map[string]any {
	out := make(map[string]any, len(example))
	for k, v := range example {
		out[k] = v
	}
	var results []any
	src, _ := example["results"].([]any)
	for i, r := range src {
		item := make(map[string]any)
		for k, v := range r.(map[string]any) {
			item[k] = v
		}
		if _, ok := item["id"].(float64); ok {
			item["id"] = page*1000 + i + 1
		}
		results = append(results, item)
	}
	if results == nil {
		results = []any{}
	}
	out["results"] = results
	out["page"] = page
	out["total_pages"] = totalPages
	out["total_results"] = totalPages * len(src)
	return out
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

// collect ranges over seq, keeping the items and errors it yields.
func collect[T any](seq iter.Seq2[T, error]) ([]T, []error) {
	var items []T
	var errs []error
	for it, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, it)
	}
	return items, errs
}

func TestPopularAllIteratesEveryPageOnce(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)

	movies, errs := collect(c.Movies.PopularAll(t.Context()))

	require.Empty(t, errs)
	assert.Len(t, movies, 60)
	assert.Equal(t, []int{1, 2, 3}, ps.pages())
	assert.Equal(t, int64(1001), movies[0].ID)
	assert.Equal(t, int64(3020), movies[59].ID)
	assert.Equal(t, "Ant-Man and the Wasp: Quantumania", movies[0].Title)
}

func TestAllBreakSendsNothingMore(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)

	n := 0
	for m, err := range c.Movies.PopularAll(t.Context()) {
		require.NoError(t, err)
		assert.NotZero(t, m.ID)
		n++
		break
	}

	assert.Equal(t, 1, n)
	assert.Equal(t, []int{1}, ps.pages())
}

func TestAllBreakAtPageEndSendsNothingMore(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)

	n := 0
	for _, err := range c.Movies.PopularAll(t.Context()) {
		require.NoError(t, err)
		n++
		if n == 20 {
			break
		}
	}

	assert.Equal(t, []int{1}, ps.pages())
}

func TestAllStartsAtPageOption(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)

	movies, errs := collect(c.Movies.PopularAll(t.Context(), tmdb.Page(2)))

	require.Empty(t, errs)
	assert.Len(t, movies, 40)
	assert.Equal(t, []int{2, 3}, ps.pages())
}

func TestAllStopsAtMaxPage(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 38029)
	c := ps.client(t)

	movies, errs := collect(c.Movies.PopularAll(t.Context()))

	require.Empty(t, errs)
	seen := ps.pages()
	require.Len(t, seen, tmdb.MaxPage)
	assert.Equal(t, tmdb.MaxPage, seen[len(seen)-1])
	assert.Len(t, movies, tmdb.MaxPage*20)
}

func TestAllYieldsAFailedPageOnce(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	ps.failPage = 2
	c := ps.client(t)

	movies, errs := collect(c.Movies.PopularAll(t.Context()))

	assert.Len(t, movies, 20)
	require.Len(t, errs, 1)
	var apiErr *tmdb.APIError
	require.ErrorAs(t, errs[0], &apiErr)
	assert.Equal(t, http.StatusNotFound, apiErr.HTTPStatus)
	assert.Equal(t, "getPopularMovies", apiErr.Operation)
	assert.Equal(t, []int{1, 2}, ps.pages())
}

func TestAllErrorYieldsAZeroItem(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	ps.failPage = 1
	c := ps.client(t)

	for m, err := range c.Movies.PopularAll(t.Context()) {
		require.Error(t, err)
		assert.Zero(t, m)
	}
}

func TestAllStopsWhenContextIsCancelled(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()

	var items int
	var errs []error
	for _, err := range c.Movies.PopularAll(ctx) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items++
		cancel()
	}

	assert.Equal(t, 1, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Equal(t, []int{1}, ps.pages())
}

func TestAllWithCancelledContextSendsNothing(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()

	movies, errs := collect(c.Movies.PopularAll(ctx))

	assert.Empty(t, movies)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Empty(t, ps.pages())
}

func TestAllWithBadOptionSendsNothing(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)

	movies, errs := collect(c.Movies.PopularAll(t.Context(), tmdb.Language("english")))

	assert.Empty(t, movies)
	require.Len(t, errs, 1)
	assert.ErrorContains(t, errs[0], "Language")
	assert.Empty(t, ps.pages())
}

func TestAllWithNilContextFails(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 3)
	c := ps.client(t)

	// A nil context is refused with an error, not a panic.
	//lint:ignore SA1012 that is what is tested
	movies, errs := collect(c.Movies.PopularAll(nil))

	assert.Empty(t, movies)
	require.Len(t, errs, 1)
	assert.Empty(t, ps.pages())
}

func TestAllEndsAtAnEmptyPage(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 10)
	ps.emptyFrom = 3
	c := ps.client(t)

	movies, errs := collect(c.Movies.PopularAll(t.Context()))

	require.Empty(t, errs)
	assert.Len(t, movies, 40)
	assert.Equal(t, []int{1, 2, 3}, ps.pages())
}

func TestAllCanBeRangedAgain(t *testing.T) {
	ps := newPagedServer(t, "movie-popular-list.200.json", 2)
	c := ps.client(t)
	seq := c.Movies.PopularAll(t.Context(), tmdb.Language("de-DE"))

	first, errs1 := collect(seq)
	second, errs2 := collect(seq)

	require.Empty(t, errs1)
	require.Empty(t, errs2)
	assert.Equal(t, first, second)
	assert.Equal(t, []int{1, 2, 1, 2}, ps.pages())
}

func TestAllPassesOptionsToEveryPage(t *testing.T) {
	var mu sync.Mutex
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.Query().Get("language")+"|"+r.URL.Query().Get("region"))
		mu.Unlock()
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		writeJSON(w, map[string]any{"page": page, "results": []any{map[string]any{"id": page}}, "total_pages": 2, "total_results": 2})
	}))
	t.Cleanup(srv.Close)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0), tmdb.WithLanguage("fr-FR"))
	require.NoError(t, err)

	movies, errs := collect(c.Movies.TopRatedAll(t.Context(), tmdb.Region("DE")))

	require.Empty(t, errs)
	assert.Len(t, movies, 2)
	assert.Equal(t, []string{"fr-FR|DE", "fr-FR|DE"}, queries)
}

// pagedRoutes serves each paged list's published example as a list of two
// pages, and the account for the account lists.
type pagedRoutes struct {
	*httptest.Server
	examples map[string]map[string]any
	mu       sync.Mutex
	hits     map[string][]int
}

var idSegment = regexp.MustCompile(`/(\d+|[0-9a-f]{32})(/|$)`)

func newPagedRoutes(t *testing.T) *pagedRoutes {
	t.Helper()
	files := map[string]string{
		"/3/movie/popular":                   "movie-popular-list.200.json",
		"/3/movie/top_rated":                 "movie-top-rated-list.200.json",
		"/3/movie/upcoming":                  "movie-upcoming-list.200.json",
		"/3/movie/now_playing":               "movie-now-playing-list.200.json",
		"/3/movie/changes":                   "changes-movie-list.200.json",
		"/3/movie/{id}/recommendations":      "movie-similar.200.json",
		"/3/movie/{id}/similar":              "movie-similar.200.json",
		"/3/movie/{id}/reviews":              "movie-reviews.200.json",
		"/3/movie/{id}/lists":                "movie-lists.200.json",
		"/3/search/movie":                    "search-movie.200.json",
		"/3/account/{id}/favorite/movies":    "account-get-favorites.200.json",
		"/3/account/{id}/favorite/tv":        "account-favorite-tv.200.json",
		"/3/account/{id}/lists":              "account-lists.200.json",
		"/3/account/{id}/rated/movies":       "account-rated-movies.200.json",
		"/3/account/{id}/rated/tv":           "account-rated-tv.200.json",
		"/3/account/{id}/rated/tv/episodes":  "account-rated-tv-episodes.200.json",
		"/3/account/{id}/watchlist/movies":   "account-watchlist-movies.200.json",
		"/3/account/{id}/watchlist/tv":       "account-watchlist-tv.200.json",
		"/3/guest_session/{id}/rated/movies": "guest-session-rated-movies.200.json",
		"/3/account":                         "account-details.200.json",
	}
	pr := &pagedRoutes{examples: map[string]map[string]any{}, hits: map[string][]int{}}
	for route, file := range files {
		pr.examples[route] = readExample(t, file)
	}
	pr.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(r.URL.Path, "/3")
		route := "/3" + idSegment.ReplaceAllString(rest, "/{id}$2")
		ex, ok := pr.examples[route]
		if !ok {
			http.NotFound(w, r)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		pr.mu.Lock()
		pr.hits[route] = append(pr.hits[route], page)
		pr.mu.Unlock()
		if route == "/3/account" {
			writeJSON(w, ex)
			return
		}
		writeJSON(w, pageOf(ex, page, 2))
	}))
	t.Cleanup(pr.Close)
	return pr
}

func (pr *pagedRoutes) pages(route string) []int {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	return append([]int(nil), pr.hits[route]...)
}

// count ranges over seq and returns how many items it yielded.
func count[T any](t *testing.T, seq iter.Seq2[T, error]) int {
	t.Helper()
	items, errs := collect(seq)
	require.Empty(t, errs)
	return len(items)
}

func TestEveryAllMethodIteratesItsList(t *testing.T) {
	pr := newPagedRoutes(t)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(pr.URL), tmdb.WithRateLimit(0, 0),
		tmdb.WithSessionID(pagedSession), tmdb.WithGuestSessionID(pagedGuest))
	require.NoError(t, err)
	ctx := t.Context()

	cases := []struct {
		route string
		count func(t *testing.T) int
	}{
		{"/3/movie/popular", func(t *testing.T) int { return count(t, c.Movies.PopularAll(ctx)) }},
		{"/3/movie/top_rated", func(t *testing.T) int { return count(t, c.Movies.TopRatedAll(ctx)) }},
		{"/3/movie/upcoming", func(t *testing.T) int { return count(t, c.Movies.UpcomingAll(ctx)) }},
		{"/3/movie/now_playing", func(t *testing.T) int { return count(t, c.Movies.NowPlayingAll(ctx)) }},
		{"/3/movie/changes", func(t *testing.T) int { return count(t, c.Movies.ChangeListAll(ctx)) }},
		{"/3/movie/{id}/recommendations", func(t *testing.T) int { return count(t, c.Movies.RecommendationsAll(ctx, 550)) }},
		{"/3/movie/{id}/similar", func(t *testing.T) int { return count(t, c.Movies.SimilarAll(ctx, 550)) }},
		{"/3/movie/{id}/reviews", func(t *testing.T) int { return count(t, c.Movies.ReviewsAll(ctx, 550)) }},
		{"/3/movie/{id}/lists", func(t *testing.T) int { return count(t, c.Movies.ListsAll(ctx, 550)) }},
		{"/3/search/movie", func(t *testing.T) int { return count(t, c.Search.MoviesAll(ctx, "fight club")) }},
		{"/3/account/{id}/favorite/movies", func(t *testing.T) int { return count(t, c.Account.FavoriteMoviesAll(ctx)) }},
		{"/3/account/{id}/favorite/tv", func(t *testing.T) int { return count(t, c.Account.FavoriteTVAll(ctx)) }},
		{"/3/account/{id}/lists", func(t *testing.T) int { return count(t, c.Account.ListsAll(ctx)) }},
		{"/3/account/{id}/rated/movies", func(t *testing.T) int { return count(t, c.Account.RatedMoviesAll(ctx)) }},
		{"/3/account/{id}/rated/tv", func(t *testing.T) int { return count(t, c.Account.RatedTVAll(ctx)) }},
		{"/3/account/{id}/rated/tv/episodes", func(t *testing.T) int { return count(t, c.Account.RatedTVEpisodesAll(ctx)) }},
		{"/3/account/{id}/watchlist/movies", func(t *testing.T) int { return count(t, c.Account.WatchlistMoviesAll(ctx)) }},
		{"/3/account/{id}/watchlist/tv", func(t *testing.T) int { return count(t, c.Account.WatchlistTVAll(ctx)) }},
		{"/3/guest_session/{id}/rated/movies", func(t *testing.T) int { return count(t, c.GuestSessions.RatedMoviesAll(ctx)) }},
	}
	for _, tc := range cases {
		t.Run(tc.route, func(t *testing.T) {
			perPage := len(pr.examples[tc.route]["results"].([]any))
			require.NotZero(t, perPage)
			assert.Equal(t, 2*perPage, tc.count(t))
			assert.Equal(t, []int{1, 2}, pr.pages(tc.route))
		})
	}
	assert.Len(t, pr.pages("/3/account"), 1, "the account id is asked for once")
}

func TestAccountAllWithoutSessionFailsOnce(t *testing.T) {
	pr := newPagedRoutes(t)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(pr.URL), tmdb.WithRateLimit(0, 0))
	require.NoError(t, err)

	movies, errs := collect(c.Account.FavoriteMoviesAll(t.Context()))

	assert.Empty(t, movies)
	require.Len(t, errs, 1)
	assert.True(t, errors.Is(errs[0], tmdb.ErrNoSession), fmt.Sprint(errs[0]))
	assert.Empty(t, pr.pages("/3/account"))
}

func TestNowPlayingAllAgainstTheFake(t *testing.T) {
	fake, c := fakeClient(t)
	first, err := c.Movies.NowPlaying(t.Context())
	require.NoError(t, err)
	require.Equal(t, 3, first.TotalPages, "the fake's now-playing list has three pages")

	movies, errs := collect(c.Movies.NowPlayingAll(t.Context()))

	require.Empty(t, errs)
	assert.Len(t, movies, first.TotalResults)
	assert.Equal(t, 1+3, fake.Calls("getNowPlayingMovies"))
	ids := map[int64]bool{}
	for _, m := range movies {
		ids[m.ID] = true
	}
	assert.Len(t, ids, len(movies), "no movie twice")
}

func TestAllBreakAgainstTheFakeSendsOneRequest(t *testing.T) {
	fake, c := fakeClient(t)

	for _, err := range c.Movies.NowPlayingAll(t.Context()) {
		require.NoError(t, err)
		break
	}

	assert.Equal(t, 1, fake.Calls("getNowPlayingMovies"))
	assert.Equal(t, 1, fake.TotalCalls())
}
