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
// fetch is not kept, so the next call tries again. Refresh fetches anew;
// when fetches overlap, the one that started last is kept.
func (s *ConfigurationService) Images(ctx context.Context) (*ImageConfiguration, error) {
	return s.c.images.get(ctx, s.fetchImages)
}

// Refresh fetches the image configuration again and keeps it for Images
// and ImageURLs. TMDB changes it rarely; refreshing every few days is
// plenty for a long-running program. It returns the configuration kept
// afterwards: the one it fetched, unless a fetch that started after it
// finished first, in which case that newer one stays kept.
func (s *ConfigurationService) Refresh(ctx context.Context) (*ImageConfiguration, error) {
	seq := s.c.images.begin()
	cfg, err := s.fetchImages(ctx)
	if err != nil {
		return nil, err
	}
	return cloneImageConfiguration(s.c.images.store(seq, cfg)), nil
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
//
// Every fetch, first or Refresh, takes the next number of started when it
// starts, and its result is kept only if no fetch that started later has
// been kept already (keptSeq is the number of the kept one). So a slow
// first fetch that finishes after a Refresh cannot replace the Refresh's
// newer result, whatever order the responses arrive in.
type imageCache struct {
	mu       sync.Mutex
	cfg      *ImageConfiguration
	keptSeq  uint64 // number of the fetch whose result cfg is; 0 for none
	started  uint64 // number of the last fetch started
	inflight *imageFetch
}

// imageFetch is one fetch of the image configuration; done is closed when
// the other fields are set.
type imageFetch struct {
	done     chan struct{}
	seq      uint64 // the fetch's number, from imageCache.started
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
		ic.started++
		f := &imageFetch{done: make(chan struct{}), seq: ic.started}
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
// callers waiting for it, even if fetch panics. When a newer result was
// kept while f was in flight, f's callers get that one instead of f's.
func (ic *imageCache) run(ctx context.Context, f *imageFetch, fetch func(context.Context) (*ImageConfiguration, error)) {
	f.err = errImageFetchAborted
	defer func() {
		f.ctxEnded = ctx.Err() != nil
		ic.mu.Lock()
		if f.err == nil {
			f.cfg = ic.keepLocked(f.seq, f.cfg)
		}
		ic.inflight = nil
		ic.mu.Unlock()
		close(f.done)
	}()
	f.cfg, f.err = fetch(ctx)
}

// errImageFetchAborted is what waiters see when a fetch panicked.
var errImageFetchAborted = errors.New("tmdb: fetching the image configuration was aborted")

// begin numbers a fetch that is about to start outside get, for store.
func (ic *imageCache) begin() uint64 {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	ic.started++
	return ic.started
}

// store keeps cfg, the result of the fetch numbered seq by begin, unless a
// later fetch's result is kept; it returns what is kept afterwards.
func (ic *imageCache) store(seq uint64, cfg *ImageConfiguration) *ImageConfiguration {
	ic.mu.Lock()
	defer ic.mu.Unlock()
	return ic.keepLocked(seq, cfg)
}

// keepLocked keeps cfg, the result of fetch seq, if no later fetch's
// result is kept, and returns what is kept. ic.mu must be held.
func (ic *imageCache) keepLocked(seq uint64, cfg *ImageConfiguration) *ImageConfiguration {
	if seq > ic.keptSeq {
		ic.cfg, ic.keptSeq = cfg, seq
	}
	return ic.cfg
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
