package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = `goos: linux
goarch: amd64
pkg: github.com/tmdbfusion/tmdbfusion/tmdb
cpu: AMD EPYC
BenchmarkPopularPage/facade-2     7302   100000 ns/op   1.000 conns   25600 B/op   324 allocs/op
BenchmarkPopularPage/baseline-2   2841   400000 ns/op   0 conns       51200 B/op   327 allocs/op
BenchmarkPopularPage/facade-2     7302   120000 ns/op   1.000 conns   25600 B/op   324 allocs/op
BenchmarkPopularPage/baseline-2   2841   380000 ns/op   0 conns       51200 B/op   327 allocs/op
BenchmarkPopularPage/facade-2     7302   110000 ns/op   1.000 conns   25600 B/op   324 allocs/op
BenchmarkPopularPage/baseline-2   2841   420000 ns/op   0 conns       51200 B/op   327 allocs/op
BenchmarkLimiterRetryOverhead/on-2    100   50000 ns/op   10 B/op   100 allocs/op
BenchmarkLimiterRetryOverhead/off-2   100   50000 ns/op   10 B/op   100 allocs/op
BenchmarkAlone                        10    2000 ns/op
--- BENCH: BenchmarkAlone
    bench_test.go:10: BenchmarkAlone is logged
PASS
ok  	github.com/tmdbfusion/tmdbfusion/tmdb	12.3s
`

func TestParse(t *testing.T) {
	runs, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	require.Len(t, runs, 5)
	p := runs[0]
	assert.Equal(t, "PopularPage/facade", p.name)
	assert.Equal(t, []string{"ns/op", "conns", "B/op", "allocs/op"}, p.units)
	assert.Equal(t, []float64{100000, 120000, 110000}, p.values["ns/op"])
	assert.Equal(t, "Alone", runs[4].name)
}

func TestParseRejectsBadValue(t *testing.T) {
	_, err := parse(strings.NewReader("BenchmarkX-2  10  abc ns/op\n"))
	assert.ErrorContains(t, err, "line 1")
}

func TestTrimName(t *testing.T) {
	assert.Equal(t, "X/facade", trimName("BenchmarkX/facade-8"))
	assert.Equal(t, "X/facade", trimName("BenchmarkX/facade"))
	assert.Equal(t, "X/a-b", trimName("BenchmarkX/a-b"))
}

func TestMedianAndSpread(t *testing.T) {
	assert.Equal(t, 2.0, median([]float64{3, 1, 2}))
	assert.Equal(t, 2.5, median([]float64{4, 1, 2, 3}))
	assert.InDelta(t, 0.5, spread([]float64{1, 2, 3}), 1e-9)
	assert.Zero(t, spread([]float64{0, 0}))
}

func TestPairUp(t *testing.T) {
	runs, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	pairs, single := pairUp(runs)
	require.Len(t, pairs, 2)
	assert.Equal(t, "PopularPage", pairs[0].name)
	assert.Equal(t, "PopularPage/baseline", pairs[0].b.name)
	assert.Equal(t, "LimiterRetryOverhead", pairs[1].name)
	assert.Equal(t, [2]string{"on", "off"}, pairs[1].labels)
	require.Len(t, single, 1)
	assert.Equal(t, "Alone", single[0].name)
}

func TestRender(t *testing.T) {
	runs, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	var out bytes.Buffer
	render(&out, runs)
	text := out.String()
	assert.Regexp(t, `PopularPage\s+110µs ±9%\s+400µs ±5%\s+0.28×`, text)
	assert.Regexp(t, `PopularPage\s+25KiB ±0%\s+50KiB ±0%\s+0.50×`, text)
	assert.Regexp(t, `LimiterRetryOverhead \(on/off\)\s+100\s+100\s+1.00×`, text)
	assert.Regexp(t, `conns\s`, text)
	assert.Regexp(t, `PopularPage\s+1 ±0%\s+0 ±0%\s+n/a`, text)
	assert.Regexp(t, `Alone\s+2µs ns/op`, text)
	assert.Contains(t, text, "medians of 1 to 3 runs")
}

func TestFormatValue(t *testing.T) {
	assert.Equal(t, "1.5s", formatValue("ns/op", 1.5e9))
	assert.Equal(t, "2.25ms", formatValue("ns/op", 2.25e6))
	assert.Equal(t, "950ns", formatValue("ns/op", 950))
	assert.Equal(t, "2MiB", formatValue("B/op", 2<<20))
	assert.Equal(t, "512B", formatValue("B/op", 512))
	assert.Equal(t, "2170", formatValue("allocs/op", 2170))
	assert.Equal(t, "20", formatValue("conns", 20))
}
