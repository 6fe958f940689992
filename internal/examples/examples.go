// Package examples reads TMDB's published response examples, kept in the
// repository's testdata/examples, and builds the composite payloads the
// tests and benchmarks share.
package examples

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Read returns one example file of dir as it is published.
func Read(dir, name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(dir, name))
}

// AppendedDetails builds movie details with credits, videos and images
// appended, as TMDB sends it for append_to_response=credits,videos,images:
// the details example with the three sub-resource examples under their
// keys, each without its "id". It is the largest common TMDB response.
func AppendedDetails(dir string) ([]byte, error) {
	doc, err := object(dir, "movie-details.200.json")
	if err != nil {
		return nil, err
	}
	for key, file := range map[string]string{
		"credits": "movie-credits.200.json",
		"videos":  "movie-videos.200.json",
		"images":  "movie-images.200.json",
	} {
		part, err := object(dir, file)
		if err != nil {
			return nil, err
		}
		delete(part, "id")
		if doc[key], err = json.Marshal(part); err != nil {
			return nil, err
		}
	}
	return json.Marshal(doc)
}

// object reads one example as a JSON object.
func object(dir, name string) (map[string]json.RawMessage, error) {
	data, err := Read(dir, name)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, fmt.Errorf("examples: %s: %w", name, err)
	}
	return obj, nil
}
