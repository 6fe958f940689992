// Command benchtable reads the output of `go test -bench -benchmem` on
// stdin and prints, benchstat-style, the median of each measure over the
// -count runs of every benchmark pair and the ratio between the two sides:
// BenchmarkX/facade against BenchmarkX/baseline, and BenchmarkX/on against
// BenchmarkX/off. A ratio below 1 means the first side is cheaper. `make
// bench` runs it on bench.out.
//
// Usage:
//
//	go test -run='^$' -bench=. -benchmem -count=6 ./tmdb/ > bench.out
//	go run ./internal/benchtable < bench.out
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	runs, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(runs) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on stdin")
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	render(w, runs)
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}
