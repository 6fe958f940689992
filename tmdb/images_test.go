package tmdb_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/fakeapi"
	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

func ptr(s string) *string { return &s }

func TestImageURLBuilderJoinsBaseSizeAndPath(t *testing.T) {
	b := tmdb.OfflineImageURLs()

	assert.Equal(t, "https://image.tmdb.org/t/p/w500/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg",
		b.PosterURL(ptr("/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg"), tmdb.PosterW500))
	assert.Equal(t, "https://image.tmdb.org/t/p/w1280/hZkgoQYus5vegHoetLkCJzb17zJ.jpg",
		b.BackdropURL(ptr("/hZkgoQYus5vegHoetLkCJzb17zJ.jpg"), tmdb.BackdropW1280))
	assert.Equal(t, "https://image.tmdb.org/t/p/h632/a.jpg", b.ProfileURL(ptr("/a.jpg"), tmdb.ProfileH632))
	assert.Equal(t, "https://image.tmdb.org/t/p/w92/a.png", b.LogoURL(ptr("/a.png"), tmdb.LogoW92))
	assert.Equal(t, "https://image.tmdb.org/t/p/w300/a.jpg", b.StillURL(ptr("/a.jpg"), tmdb.StillW300))
	assert.Equal(t, "https://image.tmdb.org/t/p/original/a.jpg", b.PosterURL(ptr("/a.jpg"), tmdb.PosterOriginal))
	assert.Equal(t, "https://image.tmdb.org/t/p/w500/a.jpg", b.PosterURL(ptr("a.jpg"), tmdb.PosterW500),
		"a path without its leading slash gets one")
}

func TestImageURLBuilderHasNoURLForNoPath(t *testing.T) {
	b := tmdb.OfflineImageURLs()

	assert.Empty(t, b.PosterURL(nil, tmdb.PosterW500))
	assert.Empty(t, b.PosterURL(ptr(""), tmdb.PosterW500))
	assert.Empty(t, b.BackdropURL(nil, tmdb.BackdropW300))
	assert.Empty(t, b.ProfileURL(nil, tmdb.ProfileW45))
	assert.Empty(t, b.LogoURL(tmdb.ImagePath(""), tmdb.LogoW45))
	assert.Empty(t, b.StillURL(nil, tmdb.StillW92))
}

func TestImagePath(t *testing.T) {
	assert.Nil(t, tmdb.ImagePath(""))
	require.NotNil(t, tmdb.ImagePath("/a.jpg"))
	assert.Equal(t, "/a.jpg", *tmdb.ImagePath("/a.jpg"))
	assert.Equal(t, "https://image.tmdb.org/t/p/w780/a.jpg",
		tmdb.OfflineImageURLs().BackdropURL(tmdb.ImagePath("/a.jpg"), tmdb.BackdropW780))
}

func TestImageURLBuilderReturnsFullURLPaths(t *testing.T) {
	b := tmdb.OfflineImageURLs()

	assert.Equal(t, "https://secure.gravatar.com/avatar/f248ec34f953bc62cafcbdd81fddd6b6.jpg",
		b.ProfileURL(ptr("/https://secure.gravatar.com/avatar/f248ec34f953bc62cafcbdd81fddd6b6.jpg"), tmdb.ProfileW185))
	assert.Equal(t, "http://example.org/a.jpg", b.ProfileURL(ptr("/http://example.org/a.jpg"), tmdb.ProfileW45))
	assert.Equal(t, "https://example.org/a.jpg", b.PosterURL(ptr("https://example.org/a.jpg"), tmdb.PosterW92))
}

func TestImageURLBuilderReviewAvatarsFromExample(t *testing.T) {
	ex := readExample(t, "movie-reviews.200.json")
	b := tmdb.OfflineImageURLs()
	var urls []string
	for _, r := range ex["results"].([]any) {
		details := r.(map[string]any)["author_details"].(map[string]any)
		var p *string
		if s, ok := details["avatar_path"].(string); ok {
			p = &s
		}
		urls = append(urls, b.ProfileURL(p, tmdb.ProfileW45))
	}

	assert.Contains(t, urls, "https://secure.gravatar.com/avatar/f248ec34f953bc62cafcbdd81fddd6b6.jpg")
	assert.Contains(t, urls, "https://image.tmdb.org/t/p/w45/4KVM1VkqmXLOuwj1jjaSdxbvBDk.jpg")
	assert.Contains(t, urls, "", "a null avatar has no URL")
}

func TestImageURLBuilderFallsBackToOriginal(t *testing.T) {
	b := tmdb.NewImageURLBuilder(&tmdb.ImageConfiguration{
		SecureBaseURL: "https://cdn.example.org/t/p",
		PosterSizes:   []string{"w92", "original"},
		BackdropSizes: []string{"w300", "original"},
	})

	assert.Equal(t, "https://cdn.example.org/t/p/w92/a.jpg", b.PosterURL(ptr("/a.jpg"), tmdb.PosterW92))
	assert.Equal(t, "https://cdn.example.org/t/p/original/a.jpg", b.PosterURL(ptr("/a.jpg"), tmdb.PosterW500),
		"a size the configuration does not list")
	assert.Equal(t, "https://cdn.example.org/t/p/original/a.jpg", b.PosterURL(ptr("/a.jpg"), tmdb.PosterSize("w9999")))
	assert.Equal(t, "https://cdn.example.org/t/p/original/a.jpg", b.PosterURL(ptr("/a.jpg"), ""))
	assert.Equal(t, "https://cdn.example.org/t/p/original/a.jpg", b.BackdropURL(ptr("/a.jpg"), tmdb.BackdropW1280))
	assert.Equal(t, "https://cdn.example.org/t/p/h632/a.jpg", b.ProfileURL(ptr("/a.jpg"), tmdb.ProfileH632),
		"a kind without sizes takes TMDB's usual ones")
}

func TestNewImageURLBuilderFillsGaps(t *testing.T) {
	offline := tmdb.OfflineImageURLs()

	assert.Equal(t, offline, tmdb.NewImageURLBuilder(nil))
	assert.Equal(t, offline, tmdb.NewImageURLBuilder(&tmdb.ImageConfiguration{}))
	assert.Equal(t, "https://image.tmdb.org/t/p/w342/a.jpg", tmdb.ImageURLBuilder{}.PosterURL(ptr("/a.jpg"), tmdb.PosterW342),
		"the zero builder is the offline one")
}

func TestZeroImageURLBuilderIsCheap(t *testing.T) {
	path := ptr("/a.jpg")
	offline := tmdb.OfflineImageURLs()
	var zero tmdb.ImageURLBuilder

	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = tmdb.OfflineImageURLs() }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = tmdb.NewImageURLBuilder(nil) }))
	want := testing.AllocsPerRun(100, func() { _ = offline.PosterURL(path, tmdb.PosterW342) })
	assert.Equal(t, want, testing.AllocsPerRun(100, func() { _ = zero.PosterURL(path, tmdb.PosterW342) }),
		"the zero builder allocates no more than the offline one")
	assert.Equal(t, offline.StillURL(path, tmdb.StillW300), zero.StillURL(path, tmdb.StillW300))
	assert.Equal(t, offline.LogoURL(path, tmdb.LogoW154), zero.LogoURL(path, tmdb.LogoW154))
}

func TestNewImageURLBuilderCopiesTheConfiguration(t *testing.T) {
	cfg := &tmdb.ImageConfiguration{SecureBaseURL: "https://cdn.example.org/", PosterSizes: []string{"w92"}}
	b := tmdb.NewImageURLBuilder(cfg)
	cfg.PosterSizes[0] = "w500"
	cfg.SecureBaseURL = "https://other.example.org/"

	assert.Equal(t, "https://cdn.example.org/w92/a.jpg", b.PosterURL(ptr("/a.jpg"), tmdb.PosterW92))
}

func TestOfflineImageURLsMatchTheConfigurationExample(t *testing.T) {
	ex := readExample(t, "configuration-details.200.json")["images"].(map[string]any)
	sizes := func(key string) []string {
		var out []string
		for _, s := range ex[key].([]any) {
			out = append(out, s.(string))
		}
		return out
	}
	cfg := tmdb.ImageConfiguration{
		SecureBaseURL: ex["secure_base_url"].(string),
		PosterSizes:   sizes("poster_sizes"),
		BackdropSizes: sizes("backdrop_sizes"),
		ProfileSizes:  sizes("profile_sizes"),
		LogoSizes:     sizes("logo_sizes"),
		StillSizes:    sizes("still_sizes"),
	}

	b := tmdb.NewImageURLBuilder(&cfg)

	assert.Equal(t, tmdb.OfflineImageURLs().PosterURL(ptr("/a.jpg"), tmdb.PosterW780), b.PosterURL(ptr("/a.jpg"), tmdb.PosterW780))
	for _, s := range []tmdb.PosterSize{tmdb.PosterW92, tmdb.PosterW154, tmdb.PosterW185, tmdb.PosterW342, tmdb.PosterW500, tmdb.PosterW780, tmdb.PosterOriginal} {
		assert.Contains(t, cfg.PosterSizes, string(s))
	}
	for _, s := range []tmdb.BackdropSize{tmdb.BackdropW300, tmdb.BackdropW780, tmdb.BackdropW1280, tmdb.BackdropOriginal} {
		assert.Contains(t, cfg.BackdropSizes, string(s))
	}
	for _, s := range []tmdb.ProfileSize{tmdb.ProfileW45, tmdb.ProfileW185, tmdb.ProfileH632, tmdb.ProfileOriginal} {
		assert.Contains(t, cfg.ProfileSizes, string(s))
	}
	for _, s := range []tmdb.LogoSize{tmdb.LogoW45, tmdb.LogoW92, tmdb.LogoW154, tmdb.LogoW185, tmdb.LogoW300, tmdb.LogoW500, tmdb.LogoOriginal} {
		assert.Contains(t, cfg.LogoSizes, string(s))
	}
	for _, s := range []tmdb.StillSize{tmdb.StillW92, tmdb.StillW185, tmdb.StillW300, tmdb.StillOriginal} {
		assert.Contains(t, cfg.StillSizes, string(s))
	}
}

// fakeClient is a client of a fresh fake TMDB on loopback.
func fakeClient(t *testing.T, opts ...tmdb.Option) (*fakeapi.Server, *tmdb.Client) {
	t.Helper()
	fake := fakeapi.New()
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	opts = append([]tmdb.Option{tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0)}, opts...)
	c, err := tmdb.New(fake.APIKey(), opts...)
	require.NoError(t, err)
	return fake, c
}

func TestConfigurationImagesIsFetchedOnce(t *testing.T) {
	fake, c := fakeClient(t)

	first, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	second, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)

	assert.Equal(t, "https://image.tmdb.org/t/p/", first.SecureBaseURL)
	assert.Contains(t, first.PosterSizes, "w500")
	assert.Equal(t, first, second)
	assert.Equal(t, 1, fake.Calls("getConfiguration"))
}

func TestConfigurationImagesReturnsACopy(t *testing.T) {
	_, c := fakeClient(t)
	first, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	first.PosterSizes[0] = "changed"
	first.SecureBaseURL = "changed"

	second, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)

	assert.Equal(t, "https://image.tmdb.org/t/p/", second.SecureBaseURL)
	assert.NotEqual(t, "changed", second.PosterSizes[0])
}

func TestConfigurationRefreshFetchesAgain(t *testing.T) {
	fake, c := fakeClient(t)
	_, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)

	cfg, err := c.Configuration.Refresh(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "https://image.tmdb.org/t/p/", cfg.SecureBaseURL)
	_, err = c.Configuration.Images(t.Context())
	require.NoError(t, err)

	assert.Equal(t, 2, fake.Calls("getConfiguration"))
}

func TestConfigurationImageURLs(t *testing.T) {
	fake, c := fakeClient(t)
	m, err := c.Movies.Details(t.Context(), 550)
	require.NoError(t, err)

	b, err := c.Configuration.ImageURLs(t.Context())
	require.NoError(t, err)
	_, err = c.Configuration.ImageURLs(t.Context())
	require.NoError(t, err)

	require.NotNil(t, m.PosterPath)
	assert.Equal(t, "https://image.tmdb.org/t/p/w500"+*m.PosterPath, b.PosterURL(m.PosterPath, tmdb.PosterW500))
	assert.Equal(t, 1, fake.Calls("getConfiguration"))
}

// configurationServer answers /3/configuration with TMDB's example after
// release is closed, failing the first fail requests with a 404, and
// counts the requests.
type configurationServer struct {
	*httptest.Server
	requests atomic.Int32
	arrived  chan struct{}
}

func newConfigurationServer(t *testing.T, release <-chan struct{}, fail int32) *configurationServer {
	t.Helper()
	ex := readExample(t, "configuration-details.200.json")
	cs := &configurationServer{arrived: make(chan struct{}, 100)}
	cs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cs.requests.Add(1)
		cs.arrived <- struct{}{}
		if release != nil {
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		if n <= fail {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}`))
			return
		}
		writeJSON(w, ex)
	}))
	t.Cleanup(cs.Close)
	return cs
}

func TestConcurrentFirstImagesCallsShareOneFetch(t *testing.T) {
	release := make(chan struct{})
	srv := newConfigurationServer(t, release, 0)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0))
	require.NoError(t, err)

	const callers = 8
	var wg sync.WaitGroup
	results := make([]*tmdb.ImageConfiguration, callers)
	errs := make([]error, callers)
	for i := range callers {
		wg.Go(func() { results[i], errs[i] = c.Configuration.Images(t.Context()) })
	}
	<-srv.arrived
	time.Sleep(50 * time.Millisecond) // let the other callers queue behind the fetch
	close(release)
	wg.Wait()

	for i := range callers {
		require.NoError(t, errs[i])
		assert.Equal(t, "https://image.tmdb.org/t/p/", results[i].SecureBaseURL)
	}
	assert.Equal(t, int32(1), srv.requests.Load())
}

func TestImagesWaiterGivesUpWithItsContext(t *testing.T) {
	release := make(chan struct{})
	srv := newConfigurationServer(t, release, 0)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0))
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() {
		_, err := c.Configuration.Images(t.Context())
		done <- err
	}()
	<-srv.arrived

	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err = c.Configuration.Images(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)

	close(release)
	require.NoError(t, <-done)
	assert.Equal(t, int32(1), srv.requests.Load())
}

func TestImagesFetcherCancelledLetsWaiterFetch(t *testing.T) {
	release := make(chan struct{})
	srv := newConfigurationServer(t, release, 0)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0), tmdb.WithMaxRetries(0))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	first := make(chan error, 1)
	go func() {
		_, err := c.Configuration.Images(ctx)
		first <- err
	}()
	<-srv.arrived
	second := make(chan error, 1)
	go func() {
		_, err := c.Configuration.Images(t.Context())
		second <- err
	}()
	time.Sleep(20 * time.Millisecond)

	cancel()
	require.ErrorIs(t, <-first, context.Canceled)
	<-srv.arrived
	close(release)

	require.NoError(t, <-second)
	assert.Equal(t, int32(2), srv.requests.Load())
}

func TestFailedImagesFetchIsNotKept(t *testing.T) {
	srv := newConfigurationServer(t, nil, 1)
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(srv.URL), tmdb.WithRateLimit(0, 0))
	require.NoError(t, err)

	b, err := c.Configuration.ImageURLs(t.Context())
	var apiErr *tmdb.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, tmdb.OfflineImageURLs(), b, "the offline builder comes with the error")

	cfg, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	assert.Equal(t, "https://image.tmdb.org/t/p/", cfg.SecureBaseURL)
	assert.Equal(t, int32(2), srv.requests.Load())
}
