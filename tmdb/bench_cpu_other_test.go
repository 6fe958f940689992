//go:build !unix

package tmdb_test

import "time"

// benchProcessCPU is not available here: the benchmarks report no CPU time.
func benchProcessCPU() (time.Duration, bool) { return 0, false }
