// Command tmdb is a command-line client for TMDB's v3 API, built on the
// tmdb package. It reads movies, searches, rates, keeps a user session
// through TMDB's 3-legged login, and can run an in-memory fake of TMDB
// (tmdb fake) or walk through the whole flow against one (tmdb demo).
//
// Run "tmdb help" for the commands, environment variables and exit codes.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
