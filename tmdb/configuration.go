package tmdb

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
)

// ConfigurationService reads TMDB's API configuration: the base URLs and
// sizes of images, and the keys of change lists.
type ConfigurationService struct{ c *Client }

// Get fetches the configuration from TMDB.
func (s *ConfigurationService) Get(ctx context.Context, opts ...CallOption) (*Configuration, error) {
	cs, err := s.c.settings(opts)
	if err != nil {
		return nil, err
	}
	return call[Configuration](ctx, s.c, operation{"getConfiguration", http.MethodGet}, func(ctx context.Context) (*http.Response, error) {
		return s.c.raw.GetConfiguration(ctx, cs.editors...)
	})
}

// Images returns the image configuration: the base URL and the sizes of
// each kind of image. It is fetched from TMDB on first use and kept for
// the client's life; concurrent first calls share one request. A failed
// fetch is not kept, so the next call tries again. Refresh fetches anew.
func (s *ConfigurationService) Images(ctx context.Context) (*ImageConfiguration, error) {
	return s.c.images.get(ctx, s.fetchImages)
}

// Refresh fetches the image configuration again and keeps it for Images
// and ImageURLs. TMDB changes it rarely; refreshing every few days is
// plenty for a long-running program.
func (s *ConfigurationService) Refresh(ctx context.Context) (*ImageConfiguration, error) {
	cfg, err := s.fetchImages(ctx)
	if err != nil {
		return nil, err
	}
	s.c.images.store(cfg)
	return cloneImageConfiguration(cfg), nil
}

// ImageURLs returns a builder of image URLs from the configuration that
// Images returns. When that fails it returns the error together with
// OfflineImageURLs, which is usable, so a caller may log the error and
// carry on.
func (s *ConfigurationService) ImageURLs(ctx context.Context) (ImageURLBuilder, error) {
	cfg, err := s.Images(ctx)
	if err != nil {
		return OfflineImageURLs(), err
	}
	return NewImageURLBuilder(cfg), nil
}

func (s *ConfigurationService) fetchImages(ctx context.Context) (*ImageConfiguration, error) {
	cfg, err := s.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &cfg.Images, nil
}

// imageCache holds the image configuration once fetched, and the fetch in
// flight, which concurrent first callers wait for instead of sending their
// own.
type imageCache struct {
	mu       sync.Mutex
	cfg      *ImageConfiguration
	inflight *imageFetch
}

// imageFetch is one fetch of the image configuration; done is closed when
// the other fields are set.
type imageFetch struct {
	done     chan struct{}
	cfg      *ImageConfiguration
	err      error
	ctxEnded bool // the fetching caller's context ended
}

// get returns a copy of the kept configuration, fetching it if there is
// none. A caller that waits for another's fetch gives up when its own ctx
// ends, and fetches itself when the other's ended with its context.
func (ic *imageCache) get(ctx context.Context, fetch func(context.Context) (*ImageConfiguration, error)) (*ImageConfiguration, error) {
	if ctx == nil {
		return nil, errNilContext
	}
	for {
		ic.mu.Lock()
		if ic.cfg != nil {
			cfg := ic.cfg
			ic.mu.Unlock()
			return cloneImageConfiguration(cfg), nil
		}
		if f := ic.inflight; f != nil {
			ic.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if f.err == nil {
				return cloneImageConfiguration(f.cfg), nil
			}
			if f.ctxEnded {
				continue
			}
			return nil, f.err
		}
		f := &imageFetch{done: make(chan struct{})}
		ic.inflight = f
		ic.mu.Unlock()
		ic.run(ctx, f, fetch)
		if f.err != nil {
			return nil, f.err
		}
		return cloneImageConfiguration(f.cfg), nil
	}
}

// run performs fetch f, keeps its result on success and releases the
// callers waiting for it, even if fetch panics.
func (ic *imageCache) run(ctx context.Context, f *imageFetch, fetch func(context.Context) (*ImageConfiguration, error)) {
	f.err = errImageFetchAborted
	defer func() {
		f.ctxEnded = ctx.Err() != nil
		ic.mu.Lock()
		if f.err == nil {
			ic.cfg = f.cfg
		}
		ic.inflight = nil
		ic.mu.Unlock()
		close(f.done)
	}()
	f.cfg, f.err = fetch(ctx)
}

// errImageFetchAborted is what waiters see when a fetch panicked.
var errImageFetchAborted = errors.New("tmdb: fetching the image configuration was aborted")

// store keeps cfg, replacing what was kept.
func (ic *imageCache) store(cfg *ImageConfiguration) {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	ic.cfg = cfg
}

// cloneImageConfiguration copies cfg, so callers cannot change the kept one.
func cloneImageConfiguration(cfg *ImageConfiguration) *ImageConfiguration {
	c := *cfg
	c.PosterSizes = slices.Clone(cfg.PosterSizes)
	c.BackdropSizes = slices.Clone(cfg.BackdropSizes)
	c.ProfileSizes = slices.Clone(cfg.ProfileSizes)
	c.LogoSizes = slices.Clone(cfg.LogoSizes)
	c.StillSizes = slices.Clone(cfg.StillSizes)
	return &c
}
