package api_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// referenceSpec is TMDB's own OpenAPI document, from which testdata/examples
// was extracted. It sits next to the repository on the machines that build
// it, not in a clone.
const referenceSpec = "../../shared/reference/tmdb-api.json"

// notInReference lists the operations of our subset that TMDB's document
// does not describe, with the reason.
var notInReference = map[string]string{
	"GET /3/account": "TMDB documents only /3/account/{account_id}; the live API answers /3/account with the session's account",
}

// referenceDoc is the part of TMDB's document this test reads.
type referenceDoc struct {
	Paths map[string]map[string]json.RawMessage `json:"paths"`
}

type referenceOperation struct {
	OperationID string `json:"operationId"`
	Responses   map[string]struct {
		Content map[string]struct {
			Example  json.RawMessage `json:"example"`
			Examples map[string]struct {
				Value json.RawMessage `json:"value"`
			} `json:"examples"`
		} `json:"content"`
	} `json:"responses"`
}

func TestExamplesMatchReference(t *testing.T) {
	path, err := filepath.Abs(referenceSpec)
	require.NoError(t, err)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("TMDB's reference spec is not present next to the repository; testdata/examples already holds its examples")
	}
	require.NoError(t, err)
	var ref referenceDoc
	require.NoError(t, json.Unmarshal(data, &ref), "%s is not JSON", path)

	doc := loadSpec(t)
	expected := map[string]bool{} // example files the reference accounts for
	for _, o := range specOperations(doc) {
		item, ok := ref.Paths[o.path]
		rawOp, ok2 := item[strings.ToLower(o.method)]
		if !ok || !ok2 {
			_, known := notInReference[o.String()]
			assert.True(t, known, "%s (%s) is not in TMDB's reference document; is the path right?", o, o.op.OperationID)
			continue
		}
		assert.NotContains(t, notInReference, o.String(), "%s is in TMDB's reference document now; drop it from notInReference", o)
		var rop referenceOperation
		require.NoError(t, json.Unmarshal(rawOp, &rop), "%s in the reference", o)

		for _, status := range sortedKeys(rop.Responses) {
			var values []json.RawMessage
			for _, media := range rop.Responses[status].Content {
				if len(media.Example) > 0 {
					values = append(values, media.Example)
				}
				for _, ex := range media.Examples {
					values = append(values, ex.Value)
				}
			}
			if len(values) == 0 {
				continue
			}
			file := rop.OperationID + "." + status + ".json"
			expected[file] = true
			if !assert.Len(t, values, 1, "%s %s has several examples; testdata/examples holds one per status", o, status) {
				continue
			}
			want, err := exampleJSON(values[0])
			if !assert.NoError(t, err, "%s %s: the reference example is not JSON", o, status) {
				continue
			}
			got, err := os.ReadFile(filepath.Join(examplesDir, file))
			if !assert.NoError(t, err, "%s %s: the reference has an example that testdata/examples lacks", o, status) {
				continue
			}
			assert.JSONEq(t, want, string(got), "%s differs from TMDB's example for %s %s", file, o, status)
			if c, ok := exampleCases[file]; assert.True(t, ok, "%s is not in exampleCases", file) {
				assert.Equal(t, o.op.OperationID, c.op, "exampleCases[%q] names the wrong operation: TMDB's %s is our %s", file, rop.OperationID, o)
			}
		}
	}

	t.Logf("compared %d example files with TMDB's reference document", len(expected))
	var stale []string
	for file := range exampleCases {
		if !expected[file] {
			stale = append(stale, file)
		}
	}
	sort.Strings(stale)
	assert.Empty(t, stale, "example files that no operation of the subset has in TMDB's reference")
}

// exampleJSON returns an example value as JSON text: TMDB's document holds
// most examples as JSON strings of JSON, and some as JSON values.
func exampleJSON(v json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(v, &s); err == nil {
		if !json.Valid([]byte(s)) {
			return "", errors.New("the example string is not JSON")
		}
		return s, nil
	}
	return string(v), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
