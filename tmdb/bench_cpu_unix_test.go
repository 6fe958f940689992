//go:build unix

package tmdb_test

import (
	"syscall"
	"time"
)

// benchProcessCPU returns the CPU time the process has used, user and system,
// and whether it could be read. Both ends of a loopback benchmark run in
// the process, so it counts the work of a request wherever it is done, and
// it varies less than the elapsed time on a busy machine.
func benchProcessCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
