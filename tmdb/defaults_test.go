package tmdb_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// queryServer answers every request with a small object that decodes into
// any result, and keeps the query of each request by path.
type queryServer struct {
	*httptest.Server
	mu      sync.Mutex
	queries map[string][]url.Values
	total   int
}

func newQueryServer(t *testing.T) *queryServer {
	t.Helper()
	qs := &queryServer{queries: map[string][]url.Values{}}
	qs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		qs.mu.Lock()
		qs.queries[r.URL.Path] = append(qs.queries[r.URL.Path], r.URL.Query())
		qs.total++
		qs.mu.Unlock()
		writeJSON(w, map[string]any{"id": 548, "page": 1, "total_pages": 1, "results": []any{}})
	}))
	t.Cleanup(qs.Close)
	return qs
}

func (qs *queryServer) last(path string) url.Values {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	q := qs.queries[path]
	if len(q) == 0 {
		return nil
	}
	return q[len(q)-1]
}

func (qs *queryServer) requests() int {
	qs.mu.Lock()
	defer qs.mu.Unlock()
	return qs.total
}

// defaultedCall is one call whose request carries client defaults.
type defaultedCall struct {
	path   string
	params []string // the defaults the call sends: language, region, include_adult
	call   func(ctx context.Context, c *tmdb.Client, opts ...tmdb.CallOption) error
}

func defaultedCalls() []defaultedCall {
	lang := []string{"language"}
	langRegion := []string{"language", "region"}
	e := func(_ any, err error) error { return err }
	return []defaultedCall{
		{"/3/movie/550", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Details(ctx, 550, o...))
		}},
		{"/3/movie/550/credits", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Credits(ctx, 550, o...))
		}},
		{"/3/movie/550/images", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Images(ctx, 550, o...))
		}},
		{"/3/movie/550/videos", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Videos(ctx, 550, o...))
		}},
		{"/3/movie/550/lists", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Lists(ctx, 550, o...))
		}},
		{"/3/movie/550/recommendations", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Recommendations(ctx, 550, o...))
		}},
		{"/3/movie/550/reviews", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Reviews(ctx, 550, o...))
		}},
		{"/3/movie/550/similar", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Similar(ctx, 550, o...))
		}},
		{"/3/movie/latest", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Latest(ctx, o...))
		}},
		{"/3/movie/popular", langRegion, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Popular(ctx, o...))
		}},
		{"/3/movie/top_rated", langRegion, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.TopRated(ctx, o...))
		}},
		{"/3/movie/upcoming", langRegion, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.Upcoming(ctx, o...))
		}},
		{"/3/movie/now_playing", langRegion, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Movies.NowPlaying(ctx, o...))
		}},
		{"/3/search/movie", []string{"language", "region", "include_adult"}, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Search.Movies(ctx, "fight club", o...))
		}},
		{"/3/account/548/favorite/movies", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.FavoriteMovies(ctx, o...))
		}},
		{"/3/account/548/favorite/tv", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.FavoriteTV(ctx, o...))
		}},
		{"/3/account/548/rated/movies", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.RatedMovies(ctx, o...))
		}},
		{"/3/account/548/rated/tv", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.RatedTV(ctx, o...))
		}},
		{"/3/account/548/rated/tv/episodes", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.RatedTVEpisodes(ctx, o...))
		}},
		{"/3/account/548/watchlist/movies", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.WatchlistMovies(ctx, o...))
		}},
		{"/3/account/548/watchlist/tv", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.Account.WatchlistTV(ctx, o...))
		}},
		{"/3/guest_session/" + pagedGuest + "/rated/movies", lang, func(ctx context.Context, c *tmdb.Client, o ...tmdb.CallOption) error {
			return e(c.GuestSessions.RatedMovies(ctx, o...))
		}},
	}
}

func defaultsClient(t *testing.T, qs *queryServer, opts ...tmdb.Option) *tmdb.Client {
	t.Helper()
	opts = append([]tmdb.Option{
		tmdb.WithBaseURL(qs.URL), tmdb.WithRateLimit(0, 0),
		tmdb.WithSessionID(pagedSession), tmdb.WithGuestSessionID(pagedGuest),
	}, opts...)
	c, err := tmdb.New(pagedKey, opts...)
	require.NoError(t, err)
	return c
}

func TestDefaultsReachEveryCallThatTakesThem(t *testing.T) {
	qs := newQueryServer(t)
	c := defaultsClient(t, qs, tmdb.WithLanguage("de-DE"), tmdb.WithRegion("AT"), tmdb.WithIncludeAdult(true))
	want := map[string]string{"language": "de-DE", "region": "AT", "include_adult": "true"}

	for _, dc := range defaultedCalls() {
		t.Run(dc.path, func(t *testing.T) {
			require.NoError(t, dc.call(t.Context(), c))
			q := qs.last(dc.path)
			require.NotNil(t, q, "no request to %s", dc.path)
			for _, p := range dc.params {
				assert.Equal(t, want[p], q.Get(p), p)
			}
		})
	}
}

func TestDefaultsAreOverriddenPerCall(t *testing.T) {
	qs := newQueryServer(t)
	c := defaultsClient(t, qs, tmdb.WithLanguage("de-DE"), tmdb.WithRegion("AT"), tmdb.WithIncludeAdult(true))
	override := []tmdb.CallOption{tmdb.Language("pt-BR"), tmdb.Region("BR"), tmdb.IncludeAdult(false)}
	want := map[string]string{"language": "pt-BR", "region": "BR", "include_adult": "false"}

	for _, dc := range defaultedCalls() {
		t.Run(dc.path, func(t *testing.T) {
			require.NoError(t, dc.call(t.Context(), c, override...))
			q := qs.last(dc.path)
			require.NotNil(t, q)
			for _, p := range dc.params {
				assert.Equal(t, want[p], q.Get(p), p)
			}
		})
	}

	require.NoError(t, defaultedCalls()[0].call(t.Context(), c))
	assert.Equal(t, "de-DE", qs.last("/3/movie/550").Get("language"), "an override lasts one call")
}

func TestNoDefaultsSendNoParameters(t *testing.T) {
	qs := newQueryServer(t)
	c := defaultsClient(t, qs)

	for _, dc := range defaultedCalls() {
		require.NoError(t, dc.call(t.Context(), c), dc.path)
		q := qs.last(dc.path)
		for _, p := range []string{"language", "region", "include_adult"} {
			assert.False(t, q.Has(p), "%s sent %s", dc.path, p)
		}
	}
}

func TestBadDefaultIsRefusedByNew(t *testing.T) {
	for _, tc := range []struct {
		opt  tmdb.Option
		name string
	}{
		{tmdb.WithLanguage("german"), "WithLanguage"},
		{tmdb.WithLanguage("de_DE"), "WithLanguage"},
		{tmdb.WithLanguage("DE-de"), "WithLanguage"},
		{tmdb.WithLanguage(""), "WithLanguage"},
		{tmdb.WithRegion("usa"), "WithRegion"},
		{tmdb.WithRegion("us"), "WithRegion"},
	} {
		c, err := tmdb.New(pagedKey, tc.opt)
		assert.Nil(t, c)
		assert.ErrorContains(t, err, tc.name)
	}
}

func TestBadLanguagePerCallSendsNothing(t *testing.T) {
	qs := newQueryServer(t)
	c := defaultsClient(t, qs, tmdb.WithLanguage("de-DE"))
	bad := []tmdb.CallOption{tmdb.Language("deutsch"), tmdb.Region("Austria")}

	for _, dc := range defaultedCalls() {
		for _, o := range bad {
			err := dc.call(t.Context(), c, o)
			require.Error(t, err, dc.path)
			assert.Regexp(t, `tmdb: (Language|Region): "(deutsch|Austria)" is not`, err.Error())
		}
	}

	assert.Equal(t, 0, qs.requests())
}

func ExampleWithLanguage() {
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	defer srv.Close()

	// Every call that takes a language or region sends these unless told
	// otherwise.
	c, err := tmdb.New(fake.APIKey(), tmdb.WithBaseURL(srv.URL),
		tmdb.WithLanguage("de-DE"), tmdb.WithRegion("DE"))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	if _, err := c.Movies.Popular(ctx); err != nil {
		panic(err)
	}
	// Language overrides the default for one call.
	if _, err := c.Movies.Popular(ctx, tmdb.Language("fr-FR")); err != nil {
		panic(err)
	}
	// A malformed tag is refused before anything is sent.
	_, err = c.Movies.Popular(ctx, tmdb.Language("french"))
	fmt.Println(err)
	_, err = tmdb.New(fake.APIKey(), tmdb.WithLanguage("de_DE"))
	fmt.Println(err)
	fmt.Println("requests:", fake.Calls("getPopularMovies"))
	// Output:
	// tmdb: Language: "french" is not a language tag like "en" or "en-US"
	// tmdb: WithLanguage: "de_DE" is not a language tag like "en" or "en-US"
	// requests: 2
}
