package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// accountCommand is "tmdb account": the account of the session.
func accountCommand() command {
	return command{
		name:    "account",
		summary: "the account the session belongs to",
		group:   groupAccount,
		help:    "Prints the id, username and settings of the session's account.",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				if err := noArgs(args); err != nil {
					return err
				}
				c, err := a.client(true)
				if err != nil {
					return err
				}
				acct, err := withProgress(a, "fetching the account", func() (*tmdb.Account, error) {
					return c.Account.Details(ctx)
				})
				if err != nil {
					return err
				}
				if a.opts.json {
					return printJSON(a.stdout, acct)
				}
				return printAccount(a.stdout, acct)
			}
		},
	}
}

// movieAction is what states, rate and unrate do with a movie for the
// session's account, once its id and any further argument are read.
type movieAction[T any] struct {
	label string                                               // shown while the call runs
	call  func(ctx context.Context, c *tmdb.Client) (T, error) // the request
	print func(w io.Writer, v T) error                         // the output without --json
}

// accountMovieCommand builds a command that takes a movie id and nargs-1
// further arguments (want names them all, for the usage error), and calls
// TMDB about that movie with the session. prepare checks the arguments
// after the id, before anything is sent, and returns the action; its result
// is printed as JSON with --json.
func accountMovieCommand[T any](cmd command, nargs int, want string, prepare func(id int64, rest []string) (movieAction[T], error)) command {
	cmd.setup = func(*flag.FlagSet) runFunc {
		return func(ctx context.Context, a *app, args []string) error {
			if err := wantArgs(args, nargs, want); err != nil {
				return err
			}
			id, err := parseMovieID(args[0])
			if err != nil {
				return err
			}
			act, err := prepare(id, args[1:])
			if err != nil {
				return err
			}
			c, err := a.client(true)
			if err != nil {
				return err
			}
			v, err := withProgress(a, act.label, func() (T, error) {
				return act.call(ctx, c)
			})
			if err != nil {
				return err
			}
			if a.opts.json {
				return printJSON(a.stdout, v)
			}
			return act.print(a.stdout, v)
		}
	}
	return cmd
}

// statesCommand is "tmdb states <movie-id>": whether the account rated,
// favourited or watch-listed a movie.
func statesCommand() command {
	return accountMovieCommand(command{
		name:     "states",
		synopsis: "<movie-id>",
		summary:  "your rating, favourite and watchlist state of a movie",
		group:    groupAccount,
		help:     "Prints whether the session's account rated (and how), favourited or\nwatch-listed the movie.",
	}, 1, "one movie id", func(id int64, _ []string) (movieAction[*tmdb.AccountStates], error) {
		return movieAction[*tmdb.AccountStates]{
			label: "fetching account states",
			call: func(ctx context.Context, c *tmdb.Client) (*tmdb.AccountStates, error) {
				return c.Movies.AccountStates(ctx, id)
			},
			print: func(w io.Writer, st *tmdb.AccountStates) error {
				return printStates(w, id, st)
			},
		}, nil
	})
}

// rateCommand is "tmdb rate <movie-id> <value>".
func rateCommand() command {
	return accountMovieCommand(command{
		name:     "rate",
		synopsis: "<movie-id> <value>",
		summary:  "rate a movie, 0.5 to 10 in steps of 0.5",
		group:    groupAccount,
		help:     "Rates the movie for the session's account, replacing an earlier rating.\nThe value runs from 0.5 to 10 in steps of 0.5.",
	}, 2, "a movie id and a rating", func(id int64, rest []string) (movieAction[*tmdb.StatusResponse], error) {
		value, err := parseRating(rest[0])
		if err != nil {
			return movieAction[*tmdb.StatusResponse]{}, err
		}
		return movieAction[*tmdb.StatusResponse]{
			label: "rating movie " + strconv.FormatInt(id, 10),
			call: func(ctx context.Context, c *tmdb.Client) (*tmdb.StatusResponse, error) {
				return c.Movies.Rate(ctx, id, value)
			},
			print: func(w io.Writer, _ *tmdb.StatusResponse) error {
				_, err := fmt.Fprintf(w, "rated movie %d: %s\n", id, strconv.FormatFloat(value, 'f', -1, 64))
				return err
			},
		}, nil
	})
}

// unrateCommand is "tmdb unrate <movie-id>".
func unrateCommand() command {
	return accountMovieCommand(command{
		name:     "unrate",
		synopsis: "<movie-id>",
		summary:  "delete your rating of a movie",
		group:    groupAccount,
		help:     "Deletes the session's account's rating of the movie; no rating is not an error.",
	}, 1, "one movie id", func(id int64, _ []string) (movieAction[*tmdb.StatusResponse], error) {
		return movieAction[*tmdb.StatusResponse]{
			label: "deleting the rating of movie " + strconv.FormatInt(id, 10),
			call: func(ctx context.Context, c *tmdb.Client) (*tmdb.StatusResponse, error) {
				return c.Movies.DeleteRating(ctx, id)
			},
			print: func(w io.Writer, _ *tmdb.StatusResponse) error {
				_, err := fmt.Fprintf(w, "deleted the rating of movie %d\n", id)
				return err
			},
		}, nil
	})
}

// parseRating reads a rating TMDB accepts.
func parseRating(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || tmdb.ValidRating(v) != nil {
		return 0, argError("rating %q: want 0.5 to 10 in steps of 0.5", s)
	}
	return v, nil
}
