package tmdb

import (
	"context"
	"net/http"
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

// imageCache holds the image configuration once fetched.
type imageCache struct {
	mu  sync.Mutex
	cfg *ImageConfiguration
}
