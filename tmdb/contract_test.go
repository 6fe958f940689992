package tmdb_test

import (
	"context"
	"net/http/httptest"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/api"
	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// contractEnv is what a contract step works with: a client with a user
// session, one with a guest session, and the fake behind both.
type contractEnv struct {
	fake  *fakeapi.Server
	url   string
	user  *tmdb.Client
	guest *tmdb.Client
	cred  string
	mode  func(string) tmdb.Option
}

// contractStep calls one operation of the spec through the facade.
type contractStep struct {
	op  string
	run func(ctx context.Context, t *testing.T, e *contractEnv) error
}

// contractSteps calls every operation of api/tmdb-v3.yaml, in an order that
// lets the session flow build on itself. Each step must succeed.
var contractSteps = []contractStep{
	{"validateKey", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Authentication.ValidateKey(ctx)
		return err
	}},
	{"createRequestToken", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		tok, err := e.user.Authentication.CreateRequestToken(ctx)
		if err == nil {
			assert.Len(t, tok.RequestToken, 40)
			assert.WithinDuration(t, time.Now().Add(time.Hour), tok.ExpiresAt.Time(), 2*time.Minute)
		}
		return err
	}},
	{"createSession", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		tok, err := e.user.Authentication.CreateRequestToken(ctx)
		if err != nil {
			return err
		}
		require.NoError(t, e.fake.Approve(tok.RequestToken))
		s, err := e.user.Authentication.CreateSession(ctx, tok.RequestToken)
		if err == nil {
			assert.Equal(t, s.SessionID, e.user.SessionID(), "the session is set on the client")
		}
		return err
	}},
	{"createSessionFromLogin", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		other := newContractClient(t, e)
		user, pass := e.fake.Login()
		_, err := other.Authentication.CreateSessionWithLogin(ctx, user, pass)
		if err == nil {
			assert.NotEmpty(t, other.SessionID())
		}
		return err
	}},
	{"createSessionFromV4Token", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		other := newContractClient(t, e)
		_, err := other.Authentication.CreateSessionFromV4Token(ctx, e.fake.UserAccessToken())
		if err == nil {
			assert.NotEmpty(t, other.SessionID())
		}
		return err
	}},
	{"createGuestSession", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		g, err := e.guest.Authentication.CreateGuestSession(ctx)
		if err == nil {
			assert.Equal(t, g.GuestSessionID, e.guest.GuestSessionID())
		}
		return err
	}},
	{"getCurrentAccount", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		a, err := e.user.Account.Details(ctx)
		if err == nil {
			assert.Equal(t, e.fake.Account().ID, a.ID)
		}
		return err
	}},
	{"getAccount", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.Get(ctx, e.fake.Account().ID)
		return err
	}},
	{"addFavorite", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		st, err := e.user.Account.SetFavorite(ctx, tmdb.MediaMovie, 550, true)
		if err == nil {
			assert.Contains(t, []int{1, 12}, st.StatusCode)
		}
		return err
	}},
	{"addToWatchlist", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.SetWatchlist(ctx, tmdb.MediaMovie, 550, true)
		return err
	}},
	{"getFavoriteMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		p, err := e.user.Account.FavoriteMovies(ctx, tmdb.SortBy(tmdb.SortCreatedAtDesc))
		if err == nil {
			assert.True(t, containsMovie(p.Results, 550), "the favourite just added is listed")
		}
		return err
	}},
	{"getFavoriteTV", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.FavoriteTV(ctx)
		return err
	}},
	{"getAccountLists", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.Lists(ctx)
		return err
	}},
	{"addMovieRating", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		st, err := e.user.Movies.Rate(ctx, 550, 8.5)
		if err == nil {
			assert.Contains(t, []int{1, 12}, st.StatusCode)
		}
		if err == nil && e.guest.GuestSessionID() != "" {
			_, err = e.guest.Movies.Rate(ctx, 550, 7)
		}
		return err
	}},
	{"getMovieAccountStates", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		st, err := e.user.Movies.AccountStates(ctx, 550)
		if err == nil {
			v, ok := st.Rated.Value()
			assert.True(t, ok)
			assert.InDelta(t, 8.5, v, 1e-9)
			assert.True(t, st.Favorite)
		}
		return err
	}},
	{"getRatedMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		p, err := e.user.Account.RatedMovies(ctx)
		if err == nil {
			require.NotEmpty(t, p.Results)
		}
		return err
	}},
	{"getRatedTV", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.RatedTV(ctx)
		return err
	}},
	{"getRatedTVEpisodes", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.RatedTVEpisodes(ctx)
		return err
	}},
	{"getWatchlistMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.WatchlistMovies(ctx)
		return err
	}},
	{"getWatchlistTV", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Account.WatchlistTV(ctx)
		return err
	}},
	{"getGuestSessionRatedMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		p, err := e.guest.GuestSessions.RatedMovies(ctx)
		if err == nil {
			assert.True(t, containsRated(p.Results, 550))
		}
		return err
	}},
	{"deleteMovieRating", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		st, err := e.user.Movies.DeleteRating(ctx, 550)
		if err == nil {
			assert.Equal(t, 13, st.StatusCode)
			states, err := e.user.Movies.AccountStates(ctx, 550)
			require.NoError(t, err)
			assert.False(t, states.Rated.IsRated(), "rated is false again")
		}
		return err
	}},
	{"getMovieDetails", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		m, err := e.user.Movies.Details(ctx, 550, tmdb.Append(tmdb.AppendParts()...), tmdb.Language("en-US"))
		if err == nil {
			assert.Equal(t, int64(550), m.ID)
			assert.NotNil(t, m.Credits)
			assert.NotNil(t, m.WatchProviders)
			assert.NotNil(t, m.AccountStates)
		}
		return err
	}},
	{"getMovieAlternativeTitles", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.AlternativeTitles(ctx, 550)
		return err
	}},
	{"getMovieChanges", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		now := time.Now().UTC()
		_, err := e.user.Movies.Changes(ctx, 550, tmdb.Period(now.AddDate(0, 0, -7), now))
		return err
	}},
	{"getMovieCredits", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		cr, err := e.user.Movies.Credits(ctx, 550)
		if err == nil {
			assert.NotEmpty(t, cr.Cast)
		}
		return err
	}},
	{"getMovieExternalIDs", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.ExternalIDs(ctx, 550)
		return err
	}},
	{"getMovieImages", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Images(ctx, 550, tmdb.ImageLanguages("en", "null"))
		return err
	}},
	{"getMovieKeywords", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Keywords(ctx, 550)
		return err
	}},
	{"getLatestMovie", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Latest(ctx)
		return err
	}},
	{"getMovieLists", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Lists(ctx, 550)
		return err
	}},
	{"getMovieRecommendations", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Recommendations(ctx, 550)
		return err
	}},
	{"getMovieReleaseDates", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.ReleaseDates(ctx, 550)
		return err
	}},
	{"getMovieReviews", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Reviews(ctx, 550)
		return err
	}},
	{"getSimilarMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Similar(ctx, 550, tmdb.Page(1))
		return err
	}},
	{"getMovieTranslations", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Translations(ctx, 550)
		return err
	}},
	{"getMovieVideos", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Videos(ctx, 550, tmdb.VideoLanguages("en"))
		return err
	}},
	{"getMovieWatchProviders", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.WatchProviders(ctx, 550)
		return err
	}},
	{"getNowPlayingMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.NowPlaying(ctx, tmdb.Region("US"))
		return err
	}},
	{"getPopularMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		p, err := e.user.Movies.Popular(ctx, tmdb.Page(2))
		if err == nil {
			assert.Equal(t, 2, p.Page)
			assert.GreaterOrEqual(t, p.TotalPages, 3)
		}
		return err
	}},
	{"getTopRatedMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.TopRated(ctx)
		return err
	}},
	{"getUpcomingMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.Upcoming(ctx)
		return err
	}},
	{"getMovieChangeList", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		_, err := e.user.Movies.ChangeList(ctx)
		return err
	}},
	{"searchMovies", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		p, err := e.user.Search.Movies(ctx, "fight club", tmdb.IncludeAdult(false))
		if err == nil {
			assert.True(t, containsMovie(p.Results, 550))
		}
		return err
	}},
	{"getConfiguration", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		cfg, err := e.user.Configuration.Get(ctx)
		if err == nil {
			assert.NotEmpty(t, cfg.Images.SecureBaseURL)
		}
		return err
	}},
	{"deleteSession", func(ctx context.Context, t *testing.T, e *contractEnv) error {
		err := e.user.Authentication.DeleteSession(ctx)
		if err == nil {
			assert.Empty(t, e.user.SessionID(), "the session is cleared")
		}
		return err
	}},
}

func newContractClient(t *testing.T, e *contractEnv) *tmdb.Client {
	t.Helper()
	c, err := tmdb.New("", e.mode(e.cred), tmdb.WithBaseURL(e.url), tmdb.WithRateLimit(0, 0))
	require.NoError(t, err)
	return c
}

// startFake runs the fake on loopback with response validation reported
// as test failures.
func startFake(t *testing.T) (*fakeapi.Server, string) {
	t.Helper()
	return startFakeWith(t)
}

// startFakeWith is startFake with more fake options.
func startFakeWith(t *testing.T, opts ...fakeapi.Option) (*fakeapi.Server, string) {
	t.Helper()
	var mu sync.Mutex
	var problems []string
	opts = append(opts, fakeapi.WithResponseValidation(func(op string, err error) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, op+": "+err.Error())
	}))
	fake := fakeapi.New(opts...)
	srv := httptest.NewServer(fake)
	t.Cleanup(func() {
		srv.Close()
		mu.Lock()
		defer mu.Unlock()
		assert.Empty(t, problems, "responses that do not match the spec")
	})
	return fake, srv.URL
}

// TestContract calls every operation of the spec through the facade
// against the fake, once per credential kind; the fake validates each
// request against the spec and the test each response.
func TestContract(t *testing.T) {
	t.Parallel()
	modes := map[string]func(*fakeapi.Server) (string, func(string) tmdb.Option){
		"api key": func(f *fakeapi.Server) (string, func(string) tmdb.Option) { return f.APIKey(), tmdb.WithAPIKey },
		"access token": func(f *fakeapi.Server) (string, func(string) tmdb.Option) {
			return f.AccessToken(), tmdb.WithAccessToken
		},
	}
	for name, mode := range modes {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fake, url := startFake(t)
			cred, opt := mode(fake)
			e := &contractEnv{fake: fake, url: url, cred: cred, mode: opt}
			e.user = newContractClient(t, e)
			e.guest = newContractClient(t, e)
			for _, step := range contractSteps {
				require.NoError(t, step.run(t.Context(), t, e), step.op)
				assert.Positive(t, fake.Calls(step.op), "%s reached the server", step.op)
			}
		})
	}
}

// TestContractCoversEverySpecOperation fails when an operation is added to
// api/tmdb-v3.yaml without a facade call in contractSteps, or a step names
// an operation the spec does not have.
func TestContractCoversEverySpecOperation(t *testing.T) {
	t.Parallel()
	doc, err := openapi3.NewLoader().LoadFromData(api.Spec)
	require.NoError(t, err)
	var inSpec []string
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			inSpec = append(inSpec, op.OperationID)
		}
	}
	covered := map[string]bool{}
	for _, s := range contractSteps {
		covered[s.op] = true
	}
	var missing []string
	for _, id := range inSpec {
		if !covered[id] {
			missing = append(missing, id)
		}
		delete(covered, id)
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "operations without a contract step (add a facade method and a step)")
	assert.Empty(t, covered, "steps for operations the spec does not have")
	assert.Len(t, inSpec, 46)
}

func containsMovie(ms []tmdb.MovieSummary, id int64) bool {
	for _, m := range ms {
		if m.ID == id {
			return true
		}
	}
	return false
}

func containsRated(ms []tmdb.RatedMovie, id int64) bool {
	for _, m := range ms {
		if m.ID == id {
			return true
		}
	}
	return false
}
