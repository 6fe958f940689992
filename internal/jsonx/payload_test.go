package jsonx_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// examplesDir holds TMDB's published response examples.
const examplesDir = "../../testdata/examples"

// appendedDetails builds the body of movie details with credits, videos and
// images appended, as TMDB sends it: the details example with the three
// sub-resource examples under their keys, each without its "id".
func appendedDetails(tb testing.TB) []byte {
	tb.Helper()
	doc := readObject(tb, "movie-details.200.json")
	for key, file := range map[string]string{
		"credits": "movie-credits.200.json",
		"videos":  "movie-videos.200.json",
		"images":  "movie-images.200.json",
	} {
		part := readObject(tb, file)
		delete(part, "id")
		raw, err := json.Marshal(part)
		require.NoError(tb, err)
		doc[key] = raw
	}
	body, err := json.Marshal(doc)
	require.NoError(tb, err)
	return body
}

// readObject reads one example as a JSON object.
func readObject(tb testing.TB, name string) map[string]json.RawMessage {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name))
	require.NoError(tb, err)
	var obj map[string]json.RawMessage
	require.NoError(tb, json.Unmarshal(data, &obj), name)
	return obj
}
