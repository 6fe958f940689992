package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSpinnerDrawsAndErases(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	stop := startSpinner(&buf, "fetching movie 550")
	require.Eventually(t, func() bool { return strings.Contains(buf.String(), "fetching movie 550...") }, 5*time.Second, 10*time.Millisecond)
	stop()
	stop() // a second stop is harmless
	out := buf.String()
	assert.True(t, strings.HasPrefix(out, "\r| fetching movie 550..."), "%q", out)
	assert.True(t, strings.HasSuffix(out, "\r\033[K"), "the line is erased: %q", out)
}

func TestSpinnerStaysQuietForFastCalls(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	startSpinner(&buf, "quick")()
	assert.Empty(t, buf.String())
}

func TestNoProgressWithoutATerminal(t *testing.T) {
	t.Parallel()
	assert.False(t, isTerminal(&bytes.Buffer{}))
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a file is not a terminal")

	a := &app{stderr: f}
	assert.False(t, a.showProgress())
	calls := 0
	v, err := withProgress(a, "x", func() (int, error) { calls++; return 7, nil })
	require.NoError(t, err)
	assert.Equal(t, 7, v)
	assert.Equal(t, 1, calls)
	fi, err := f.Stat()
	require.NoError(t, err)
	assert.Zero(t, fi.Size(), "nothing drawn")
}
