package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/tmdbfusion/tmdbfusion/tmdb"
)

// printJSON writes v, one of the library's result types, as indented JSON.
// It is the typed value encoded again, not the body TMDB sent.
func printJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding the result as JSON: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// newTable returns a writer that aligns tab-separated columns.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}

// clean makes text from the server safe to print on a terminal: control
// characters, escape sequences among them, become spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, s)
}

// yearOf returns the year of a date, or "" when it is unknown.
func yearOf(d tmdb.Date) string {
	if y := d.Year(); y != 0 {
		return strconv.Itoa(y)
	}
	return ""
}

// titleYear renders "Fight Club (1999)".
func titleYear(title string, d tmdb.Date) string {
	if y := yearOf(d); y != "" {
		return clean(title) + " (" + y + ")"
	}
	return clean(title)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// score renders a vote average and count.
func score(avg float64, votes int) string {
	if votes == 0 {
		return "no votes"
	}
	return strconv.FormatFloat(avg, 'f', 1, 64) + " (" + strconv.Itoa(votes) + " votes)"
}

// topCast returns the first n cast members as "Name as Character".
func topCast(cr *tmdb.Credits, n int) []string {
	if cr == nil {
		return nil
	}
	var out []string
	for _, c := range cr.Cast {
		if len(out) == n {
			break
		}
		s := clean(c.Name)
		if c.Character != "" {
			s += " as " + clean(c.Character)
		}
		out = append(out, s)
	}
	return out
}

// printMovie writes a movie's details and the appended parts it knows how
// to show; the others are only named, with a pointer to --json.
func printMovie(w io.Writer, m *tmdb.MovieDetails, parts []tmdb.AppendPart) error {
	t := newTable(w)
	fmt.Fprintf(t, "%s\n", titleYear(m.Title, m.ReleaseDate))
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(t, "  %s:\t%s\n", k, v)
		}
	}
	row("id", strconv.FormatInt(m.ID, 10))
	if m.OriginalTitle != m.Title {
		row("original title", clean(m.OriginalTitle))
	}
	row("tagline", clean(m.Tagline))
	row("released", m.ReleaseDate.String())
	if m.Runtime != nil && *m.Runtime > 0 {
		row("runtime", strconv.Itoa(*m.Runtime)+" min")
	}
	genres := make([]string, 0, len(m.Genres))
	for _, g := range m.Genres {
		genres = append(genres, clean(g.Name))
	}
	row("genres", strings.Join(genres, ", "))
	row("rating", score(m.VoteAverage, m.VoteCount))
	row("status", clean(m.Status))
	row("overview", clean(m.Overview))
	if err := t.Flush(); err != nil {
		return err
	}
	var more []string
	for _, p := range parts {
		switch p {
		case tmdb.AppendCredits:
			printCredits(w, m.Credits)
		case tmdb.AppendVideos:
			printVideos(w, m.Videos)
		case tmdb.AppendKeywords:
			printKeywords(w, m.Keywords)
		case tmdb.AppendAccountStates:
			if m.AccountStates != nil {
				fmt.Fprintf(w, "\nYour account: rated: %s, favorite: %s, watchlist: %s\n",
					m.AccountStates.Rated, yesNo(m.AccountStates.Favorite), yesNo(m.AccountStates.Watchlist))
			}
		default:
			more = append(more, string(p))
		}
	}
	if len(more) > 0 {
		_, err := fmt.Fprintf(w, "\nAlso appended: %s (use --json to see them)\n", strings.Join(more, ", "))
		return err
	}
	return nil
}

// printCredits writes the top of the cast and the directors.
func printCredits(w io.Writer, cr *tmdb.Credits) {
	if cr == nil {
		return
	}
	fmt.Fprintln(w, "\nCast:")
	t := newTable(w)
	for i, c := range cr.Cast {
		if i == 10 {
			fmt.Fprintf(t, "  … and %d more\t\n", len(cr.Cast)-i)
			break
		}
		fmt.Fprintf(t, "  %s\t%s\n", clean(c.Name), clean(c.Character))
	}
	_ = t.Flush()
	var directors []string
	for _, c := range cr.Crew {
		if c.Job == "Director" {
			directors = append(directors, clean(c.Name))
		}
	}
	if len(directors) > 0 {
		fmt.Fprintf(w, "Directed by %s\n", strings.Join(directors, ", "))
	}
}

// printVideos writes the appended videos.
func printVideos(w io.Writer, v *tmdb.Videos) {
	if v == nil {
		return
	}
	fmt.Fprintln(w, "\nVideos:")
	if len(v.Results) == 0 {
		fmt.Fprintln(w, "  none")
		return
	}
	t := newTable(w)
	for _, vid := range v.Results {
		fmt.Fprintf(t, "  %s\t%s\t%s\n", clean(vid.Name), clean(vid.Type), clean(vid.Site))
	}
	_ = t.Flush()
}

// printKeywords writes the appended keywords on one line.
func printKeywords(w io.Writer, k *tmdb.Keywords) {
	if k == nil {
		return
	}
	names := make([]string, 0, len(k.Keywords))
	for _, kw := range k.Keywords {
		names = append(names, clean(kw.Name))
	}
	fmt.Fprintf(w, "\nKeywords: %s\n", strings.Join(names, ", "))
}

// printMoviePage writes a page of movies as a table and where it is in
// the list.
func printMoviePage(w io.Writer, p *tmdb.MoviePage) error {
	if len(p.Results) == 0 {
		_, err := fmt.Fprintf(w, "no movies (page %d of %d)\n", p.Page, p.TotalPages)
		return err
	}
	t := newTable(w)
	fmt.Fprintln(t, "ID\tTITLE\tYEAR\tRATING")
	for _, m := range p.Results {
		fmt.Fprintf(t, "%d\t%s\t%s\t%s\n", m.ID, clean(m.Title), yearOf(m.ReleaseDate), score(m.VoteAverage, m.VoteCount))
	}
	if err := t.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "page %d of %d, %d movies\n", p.Page, p.TotalPages, p.TotalResults)
	return err
}

// printAccount writes an account.
func printAccount(w io.Writer, acct *tmdb.Account) error {
	t := newTable(w)
	fmt.Fprintf(t, "id:\t%d\n", acct.ID)
	fmt.Fprintf(t, "username:\t%s\n", clean(acct.Username))
	if acct.Name != "" {
		fmt.Fprintf(t, "name:\t%s\n", clean(acct.Name))
	}
	fmt.Fprintf(t, "language:\t%s-%s\n", clean(acct.Iso6391), clean(acct.Iso31661))
	fmt.Fprintf(t, "adult titles:\t%s\n", yesNo(acct.IncludeAdult))
	return t.Flush()
}

// printStates writes an account's states for a movie.
func printStates(w io.Writer, movieID int64, st *tmdb.AccountStates) error {
	t := newTable(w)
	fmt.Fprintf(t, "movie:\t%d\n", movieID)
	fmt.Fprintf(t, "rated:\t%s\n", st.Rated)
	fmt.Fprintf(t, "favorite:\t%s\n", yesNo(st.Favorite))
	fmt.Fprintf(t, "watchlist:\t%s\n", yesNo(st.Watchlist))
	return t.Flush()
}
