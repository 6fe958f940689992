package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// spinnerDelay is how long a request runs before the spinner shows, so
// that fast answers print nothing extra.
const spinnerDelay = 150 * time.Millisecond

// spinnerFrames are drawn in turn, one every spinnerInterval.
const (
	spinnerFrames   = `|/-\`
	spinnerInterval = 100 * time.Millisecond
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// showProgress reports whether this run draws a spinner: only on a
// terminal stderr, and never with --json, so piped or parsed output stays
// clean.
func (a *app) showProgress() bool {
	return !a.opts.json && isTerminal(a.stderr)
}

// withProgress runs fn while a spinner labelled label turns on stderr,
// when the run shows progress.
func withProgress[T any](a *app, label string, fn func() (T, error)) (T, error) {
	if !a.showProgress() {
		return fn()
	}
	stop := startSpinner(a.stderr, label)
	defer stop()
	return fn()
}

// startSpinner draws "| label..." on w until the returned function is
// called, which erases the line.
func startSpinner(w io.Writer, label string) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		delay := time.NewTimer(spinnerDelay)
		defer delay.Stop()
		select {
		case <-done:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(spinnerInterval)
		defer tick.Stop()
		for i := 0; ; i++ {
			fmt.Fprintf(w, "\r%c %s...", spinnerFrames[i%len(spinnerFrames)], label)
			select {
			case <-done:
				fmt.Fprint(w, "\r\033[K")
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
	}
}
