package main

import (
	"context"
	"flag"
	"slices"
	"strconv"
	"strings"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// movieCommand is "tmdb movie <id>": a movie's details, with sub-resources
// appended in the same request.
func movieCommand() command {
	return command{
		name:     "movie",
		synopsis: "<movie-id> [--append credits,videos,...] [--language xx-XX]",
		summary:  "details of a movie, with credits, videos and more appended",
		group:    groupMovies,
		help: `Prints a movie's details. --append embeds sub-resources in the same
request, comma-separated, from these parts:
` + wrapWords(appendPartNames()+".", 72, "  ") + `
account_states needs a session. --language translates the overview and
other translated fields ("de", "pt-BR").`,
		setup: func(fs *flag.FlagSet) runFunc {
			var appendList, language string
			fs.StringVar(&appendList, "append", "", "parts to append, comma-separated")
			fs.StringVar(&language, "language", "", "language of translated fields")
			return func(ctx context.Context, a *app, args []string) error {
				if err := wantArgs(args, 1, "one movie id"); err != nil {
					return err
				}
				id, err := parseMovieID(args[0])
				if err != nil {
					return err
				}
				parts, err := parseAppend(appendList)
				if err != nil {
					return err
				}
				opts := []tmdb.CallOption{}
				if len(parts) > 0 {
					opts = append(opts, tmdb.Append(parts...))
				}
				if language != "" {
					if err := checkLanguage(language); err != nil {
						return err
					}
					opts = append(opts, tmdb.Language(language))
				}
				c, err := a.client(slices.Contains(parts, tmdb.AppendAccountStates))
				if err != nil {
					return err
				}
				m, err := withProgress(a, "fetching movie "+args[0], func() (*tmdb.MovieDetails, error) {
					return c.Movies.Details(ctx, id, opts...)
				})
				if err != nil {
					return err
				}
				if a.opts.json {
					return printJSON(a.stdout, m)
				}
				return printMovie(a.stdout, m, parts)
			}
		},
	}
}

// parseMovieID reads a positive movie id.
func parseMovieID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, argError("%q is not a movie id (a positive number, such as 550)", s)
	}
	return id, nil
}

// parseAppend reads --append: part names separated by commas. The count
// is checked here although tmdb.Append checks it too: the library's plain
// error would exit 1 without naming the flag.
func parseAppend(list string) ([]tmdb.AppendPart, error) {
	var parts []tmdb.AppendPart
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		p, err := tmdb.ParseAppendPart(name)
		if err != nil {
			return nil, argError("--append: %q is not a part; want some of %s", name, appendPartNames())
		}
		parts = append(parts, p)
	}
	if len(parts) > tmdb.MaxAppend {
		return nil, argError("--append: %d parts, TMDB accepts at most %d", len(parts), tmdb.MaxAppend)
	}
	return parts, nil
}

// appendPartNames lists the parts --append accepts.
func appendPartNames() string {
	names := make([]string, 0, len(tmdb.AppendParts()))
	for _, p := range tmdb.AppendParts() {
		names = append(names, string(p))
	}
	return strings.Join(names, ", ")
}

// checkLanguage accepts a language tag as TMDB takes it: "xx" or "xx-YY".
// tmdb.Language applies the same rule, but its error is a plain one, which
// cannot be told reliably from other failures and would exit 1; checked
// here, the mistake names the flag and exits 2.
func checkLanguage(tag string) error {
	lang, region, hasRegion := strings.Cut(tag, "-")
	if !isLetters(lang, 'a') || (hasRegion && !isLetters(region, 'A')) {
		return argError("--language: %q is not a language tag like \"en\" or \"pt-BR\"", tag)
	}
	return nil
}

// isLetters reports whether s is two letters from first to first+25.
func isLetters(s string, first byte) bool {
	return len(s) == 2 && s[0] >= first && s[0] <= first+25 && s[1] >= first && s[1] <= first+25
}

// pageOption checks --page, which runs from 1 to 500, for the same reason
// as checkLanguage: tmdb.Page's error would exit 1 without naming the flag.
func pageOption(page int) (tmdb.CallOption, error) {
	if page < 1 || page > tmdb.MaxPage {
		return nil, argError("--page: want 1 to %d, got %d", tmdb.MaxPage, page)
	}
	return tmdb.Page(page), nil
}
