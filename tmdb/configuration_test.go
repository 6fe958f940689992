package tmdb_test

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// Secure base URLs that tell apart the configurations heldConfigServer
// sends.
const (
	heldBaseURL  = "https://held.example.org/t/p/"
	laterBaseURL = "https://later.example.org/t/p/"
)

// heldConfigServer answers /3/configuration. The first request is
// announced on arrived and answered with heldBaseURL once release is
// closed; the others are answered at once with laterBaseURL.
type heldConfigServer struct {
	*httptest.Server
	requests atomic.Int32
	arrived  chan struct{}
	release  chan struct{}
}

func newHeldConfigServer(t *testing.T) *heldConfigServer {
	t.Helper()
	hs := &heldConfigServer{arrived: make(chan struct{}), release: make(chan struct{})}
	hs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/3/configuration" {
			http.NotFound(w, r)
			return
		}
		base := laterBaseURL
		if hs.requests.Add(1) == 1 {
			close(hs.arrived)
			select {
			case <-hs.release:
			case <-r.Context().Done():
				return
			}
			base = heldBaseURL
		}
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		_, _ = w.Write([]byte(`{"change_keys":[],"images":{"secure_base_url":"` + base + `","poster_sizes":["w92","original"]}}`))
	}))
	t.Cleanup(hs.Close)
	return hs
}

func (hs *heldConfigServer) client(t *testing.T) *tmdb.Client {
	t.Helper()
	c, err := tmdb.New(pagedKey, tmdb.WithBaseURL(hs.URL), tmdb.WithRateLimit(0, 0), tmdb.WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

// TestImagesFirstFetchFinishingAfterRefreshKeepsTheRefresh holds the
// first fetch of Images until a Refresh that started after it has kept its
// result: the first fetch's older result must not replace it.
func TestImagesFirstFetchFinishingAfterRefreshKeepsTheRefresh(t *testing.T) {
	hs := newHeldConfigServer(t)
	c := hs.client(t)
	type result struct {
		cfg *tmdb.ImageConfiguration
		err error
	}
	first := make(chan result, 1)
	go func() {
		cfg, err := c.Configuration.Images(t.Context())
		first <- result{cfg, err}
	}()
	<-hs.arrived

	refreshed, err := c.Configuration.Refresh(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL, refreshed.SecureBaseURL)
	close(hs.release)
	got := <-first

	require.NoError(t, got.err)
	assert.Equal(t, laterBaseURL, got.cfg.SecureBaseURL, "the first fetch's callers get the newer configuration")
	kept, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL, kept.SecureBaseURL, "the Refresh's configuration stays kept")
	b, err := c.Configuration.ImageURLs(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL+"w92/a.jpg", b.PosterURL(ptr("/a.jpg"), tmdb.PosterW92))
	assert.Equal(t, int32(2), hs.requests.Load())
}

// TestConfigurationRefreshFinishingAfterALaterFetchKeepsTheLaterOne holds a Refresh
// until a first fetch of Images that started after it has kept its
// result: the Refresh must not replace it, and returns what is kept.
func TestConfigurationRefreshFinishingAfterALaterFetchKeepsTheLaterOne(t *testing.T) {
	hs := newHeldConfigServer(t)
	c := hs.client(t)
	type result struct {
		cfg *tmdb.ImageConfiguration
		err error
	}
	refresh := make(chan result, 1)
	go func() {
		cfg, err := c.Configuration.Refresh(t.Context())
		refresh <- result{cfg, err}
	}()
	<-hs.arrived

	cfg, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL, cfg.SecureBaseURL)
	close(hs.release)
	got := <-refresh

	require.NoError(t, got.err)
	assert.Equal(t, laterBaseURL, got.cfg.SecureBaseURL, "Refresh returns the configuration kept")
	kept, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL, kept.SecureBaseURL)
	assert.Equal(t, int32(2), hs.requests.Load())
}

// TestConfigurationRefreshReplacesTheKeptConfiguration checks that a Refresh that
// overlaps no other fetch keeps what it fetched.
func TestConfigurationRefreshReplacesTheKeptConfiguration(t *testing.T) {
	hs := newHeldConfigServer(t)
	close(hs.release)
	c := hs.client(t)

	cfg, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	assert.Equal(t, heldBaseURL, cfg.SecureBaseURL)
	refreshed, err := c.Configuration.Refresh(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL, refreshed.SecureBaseURL)

	kept, err := c.Configuration.Images(t.Context())
	require.NoError(t, err)
	assert.Equal(t, laterBaseURL, kept.SecureBaseURL)
}
