package main

import (
	"context"
	"flag"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// listFunc fetches one page of a movie list with the client.
type listFunc func(ctx context.Context, c *tmdb.Client, args []string, opts []tmdb.CallOption) (*tmdb.MoviePage, error)

// listCommand builds a command that prints a page of movies. nargs checks
// the positional arguments; needSession says whether the list belongs to
// the session's account.
func listCommand(cmd command, needSession bool, nargs func([]string) error, fetch listFunc) command {
	cmd.setup = func(fs *flag.FlagSet) runFunc {
		page := 1
		fs.IntVar(&page, "page", 1, "page, 1 to 500")
		return func(ctx context.Context, a *app, args []string) error {
			if err := nargs(args); err != nil {
				return err
			}
			opt, err := pageOption(page)
			if err != nil {
				return err
			}
			c, err := a.client(needSession)
			if err != nil {
				return err
			}
			p, err := withProgress(a, "fetching "+cmd.name, func() (*tmdb.MoviePage, error) {
				return fetch(ctx, c, args, []tmdb.CallOption{opt})
			})
			if err != nil {
				return err
			}
			if a.opts.json {
				return printJSON(a.stdout, p)
			}
			return printMoviePage(a.stdout, p)
		}
	}
	return cmd
}

// noArgs accepts no positional argument.
func noArgs(args []string) error { return wantArgs(args, 0, "no arguments") }

// popularCommand is "tmdb popular": TMDB's popular movies.
func popularCommand() command {
	return listCommand(command{
		name:     "popular",
		synopsis: "[--page N]",
		summary:  "the movies popular on TMDB now",
		group:    groupMovies,
		help:     "Prints a page of TMDB's popular movies, 20 a page.",
	}, false, noArgs, func(ctx context.Context, c *tmdb.Client, _ []string, opts []tmdb.CallOption) (*tmdb.MoviePage, error) {
		return c.Movies.Popular(ctx, opts...)
	})
}

// searchCommand is "tmdb search <query>": movies by title.
func searchCommand() command {
	return listCommand(command{
		name:     "search",
		synopsis: "<query> [--page N]",
		summary:  "find movies by title",
		group:    groupMovies,
		help: `Prints a page of the movies whose title matches the query. Several
words are one query: tmdb search fight club. Put "--" before a query
that starts with "-".`,
	}, false, func(args []string) error {
		if strings.TrimSpace(strings.Join(args, " ")) == "" {
			return argError("want a query, such as: tmdb search \"fight club\"")
		}
		return nil
	}, func(ctx context.Context, c *tmdb.Client, args []string, opts []tmdb.CallOption) (*tmdb.MoviePage, error) {
		return c.Search.Movies(ctx, strings.Join(args, " "), opts...)
	})
}

// favoritesCommand is "tmdb favorites": the account's favourite movies.
func favoritesCommand() command {
	return listCommand(command{
		name:     "favorites",
		synopsis: "[--page N]",
		summary:  "your favourite movies",
		group:    groupAccount,
		help:     "Prints a page of the session's account's favourite movies, oldest first.",
	}, true, noArgs, func(ctx context.Context, c *tmdb.Client, _ []string, opts []tmdb.CallOption) (*tmdb.MoviePage, error) {
		return c.Account.FavoriteMovies(ctx, opts...)
	})
}

// watchlistCommand is "tmdb watchlist": the movies on the account's
// watchlist.
func watchlistCommand() command {
	return listCommand(command{
		name:     "watchlist",
		synopsis: "[--page N]",
		summary:  "the movies on your watchlist",
		group:    groupAccount,
		help:     "Prints a page of the movies on the session's account's watchlist, oldest first.",
	}, true, noArgs, func(ctx context.Context, c *tmdb.Client, _ []string, opts []tmdb.CallOption) (*tmdb.MoviePage, error) {
		return c.Account.WatchlistMovies(ctx, opts...)
	})
}
