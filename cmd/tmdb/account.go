package main

import (
	"context"
	"flag"
	"fmt"
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

// statesCommand is "tmdb states <movie-id>": whether the account rated,
// favourited or watch-listed a movie.
func statesCommand() command {
	return command{
		name:     "states",
		synopsis: "<movie-id>",
		summary:  "your rating, favourite and watchlist state of a movie",
		group:    groupAccount,
		help:     "Prints whether the session's account rated (and how), favourited or\nwatch-listed the movie.",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				if err := wantArgs(args, 1, "one movie id"); err != nil {
					return err
				}
				id, err := parseMovieID(args[0])
				if err != nil {
					return err
				}
				c, err := a.client(true)
				if err != nil {
					return err
				}
				st, err := withProgress(a, "fetching account states", func() (*tmdb.AccountStates, error) {
					return c.Movies.AccountStates(ctx, id)
				})
				if err != nil {
					return err
				}
				if a.opts.json {
					return printJSON(a.stdout, st)
				}
				return printStates(a.stdout, id, st)
			}
		},
	}
}

// rateCommand is "tmdb rate <movie-id> <value>".
func rateCommand() command {
	return command{
		name:     "rate",
		synopsis: "<movie-id> <value>",
		summary:  "rate a movie, 0.5 to 10 in steps of 0.5",
		group:    groupAccount,
		help:     "Rates the movie for the session's account, replacing an earlier rating.\nThe value runs from 0.5 to 10 in steps of 0.5.",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				if err := wantArgs(args, 2, "a movie id and a rating"); err != nil {
					return err
				}
				id, err := parseMovieID(args[0])
				if err != nil {
					return err
				}
				value, err := parseRating(args[1])
				if err != nil {
					return err
				}
				c, err := a.client(true)
				if err != nil {
					return err
				}
				res, err := withProgress(a, "rating movie "+args[0], func() (*tmdb.StatusResponse, error) {
					return c.Movies.Rate(ctx, id, value)
				})
				if err != nil {
					return err
				}
				if a.opts.json {
					return printJSON(a.stdout, res)
				}
				_, err = fmt.Fprintf(a.stdout, "rated movie %d: %s\n", id, strconv.FormatFloat(value, 'f', -1, 64))
				return err
			}
		},
	}
}

// unrateCommand is "tmdb unrate <movie-id>".
func unrateCommand() command {
	return command{
		name:     "unrate",
		synopsis: "<movie-id>",
		summary:  "delete your rating of a movie",
		group:    groupAccount,
		help:     "Deletes the session's account's rating of the movie; no rating is not an error.",
		setup: func(*flag.FlagSet) runFunc {
			return func(ctx context.Context, a *app, args []string) error {
				if err := wantArgs(args, 1, "one movie id"); err != nil {
					return err
				}
				id, err := parseMovieID(args[0])
				if err != nil {
					return err
				}
				c, err := a.client(true)
				if err != nil {
					return err
				}
				res, err := withProgress(a, "deleting the rating of movie "+args[0], func() (*tmdb.StatusResponse, error) {
					return c.Movies.DeleteRating(ctx, id)
				})
				if err != nil {
					return err
				}
				if a.opts.json {
					return printJSON(a.stdout, res)
				}
				_, err = fmt.Fprintf(a.stdout, "deleted the rating of movie %d\n", id)
				return err
			}
		},
	}
}

// parseRating reads a rating TMDB accepts.
func parseRating(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || tmdb.ValidRating(v) != nil {
		return 0, argError("rating %q: want 0.5 to 10 in steps of 0.5", s)
	}
	return v, nil
}
