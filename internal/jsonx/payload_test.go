package jsonx_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/internal/examples"
)

// examplesDir holds TMDB's published response examples.
const examplesDir = "../../testdata/examples"

// appendedDetails is the largest common TMDB response, ~91 KB.
func appendedDetails(tb testing.TB) []byte {
	tb.Helper()
	body, err := examples.AppendedDetails(examplesDir)
	require.NoError(tb, err)
	return body
}
