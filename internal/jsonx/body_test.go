package jsonx_test

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tmdbfusion/tmdbfusion/gen"
	"github.com/tmdbfusion/tmdbfusion/internal/jsonx"
)

func stringsReader(s string) io.Reader { return strings.NewReader(s) }
func bytesReader(b []byte) io.Reader   { return bytes.NewReader(b) }

// TestBodyDecoderReadErrorComesFirst checks that a broken stream is
// reported as the reader's own error, not as malformed JSON.
func TestBodyDecoderReadErrorComesFirst(t *testing.T) {
	broken := errors.New("connection reset")
	var bd jsonx.BodyDecoder
	r := io.MultiReader(strings.NewReader(`{"id":550,"title":"Fig`), iotest.ErrReader(broken))
	var m gen.MovieDetails
	err := bd.Decode(r, 0, &m)
	assert.Same(t, broken, err)
}

// TestBodyDecoderEmptyBody checks that an empty or blank body is io.EOF, as
// a stream decoder reports it.
func TestBodyDecoderEmptyBody(t *testing.T) {
	var bd jsonx.BodyDecoder
	for _, body := range []string{"", " \r\n\t"} {
		var g gen.Genre
		assert.ErrorIs(t, bd.Decode(strings.NewReader(body), int64(len(body)), &g), io.EOF, "%q", body)
	}
}

// TestBodyDecoderValuesOwnTheirMemory checks that a decoded value does not
// refer to the reused buffer: decoding another body leaves it unchanged.
func TestBodyDecoderValuesOwnTheirMemory(t *testing.T) {
	var bd jsonx.BodyDecoder
	var first gen.ChangeItem
	require.NoError(t, bd.Decode(strings.NewReader(`{"id":"aaaa","action":"added","value":{"k":"vvvv"}}`), 0, &first))
	for range 10 {
		var other gen.ChangeItem
		require.NoError(t, bd.Decode(strings.NewReader(`{"id":"bbbb","action":"xxxxx","value":{"k":"wwww"}}`), 0, &other))
	}
	assert.Equal(t, "aaaa", first.ID)
	assert.Equal(t, "added", first.Action)
	assert.JSONEq(t, `{"k":"vvvv"}`, string(first.Value))
}

// TestBodyDecoderSizes decodes with a size that is right, too small, too
// large, unknown and absurd, in reads of one byte, and a body larger than
// the buffers kept for reuse.
func TestBodyDecoderSizes(t *testing.T) {
	body := appendedDetails(t)
	var want gen.MovieDetails
	require.NoError(t, jsonx.Unmarshal(body, &want))
	var bd jsonx.BodyDecoder
	n := int64(len(body))
	for _, size := range []int64{n, n / 3, n * 2, 0, -1, 1 << 62} {
		var got gen.MovieDetails
		require.NoError(t, bd.Decode(bytes.NewReader(body), size, &got), "size %d", size)
		assert.Equal(t, want, got, "size %d", size)
	}
	var got gen.MovieDetails
	require.NoError(t, bd.Decode(iotest.OneByteReader(bytes.NewReader(body)), n, &got))
	assert.Equal(t, want, got, "one byte at a time")

	large := bytes.Repeat([]byte(" "), 2<<20)
	large = append(large, body...)
	got = gen.MovieDetails{}
	require.NoError(t, bd.Decode(bytes.NewReader(large), 0, &got))
	assert.Equal(t, want, got, "large body")
}

// TestBodyDecoderConcurrent shares one decoder between goroutines (run
// with -race).
func TestBodyDecoderConcurrent(t *testing.T) {
	var bd jsonx.BodyDecoder
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 50 {
				name := strings.Repeat("x", i*100+j)
				var g gen.Genre
				if assert.NoError(t, bd.Decode(strings.NewReader(`{"id":7,"name":"`+name+`"}`), 0, &g)) {
					assert.Equal(t, name, g.Name)
				}
			}
		})
	}
	wg.Wait()
}

// claimedSize is the length that a short body claims to have.
const claimedSize = 16 << 20

// TestBodyDecoderDistrustsTheSize decodes a 10-byte body that claims to be
// 16 MiB long: the decoder must not allocate a buffer of the claimed size.
func TestBodyDecoderDistrustsTheSize(t *testing.T) {
	const body = `{"id":550}`
	var bd jsonx.BodyDecoder
	var g gen.Genre
	require.NoError(t, bd.Decode(strings.NewReader(body), claimedSize, &g))
	assert.Equal(t, 550, g.ID)

	const runs = 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range runs {
		var g gen.Genre
		if err := bd.Decode(strings.NewReader(body), claimedSize, &g); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	perDecode := (after.TotalAlloc - before.TotalAlloc) / runs
	assert.Less(t, perDecode, uint64(2<<20), "bytes allocated per decode")
}
