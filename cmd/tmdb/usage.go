package main

import (
	"fmt"
	"io"
	"strings"
)

// usageHeader opens "tmdb help".
const usageHeader = `tmdb is a command-line client for TMDB's v3 API (themoviedb.org).

Usage:
  tmdb [global flags] <command> [arguments] [flags]
  tmdb help [command]
`

// usageFooter closes "tmdb help": global flags, environment, files and
// exit codes.
const usageFooter = `Global flags, accepted before or after the command:
  --token T      v3 API key or v4 read access token (instead of $TMDB_TOKEN)
  --session S    session id (instead of $TMDB_SESSION_ID and the stored session)
  --base-url U   server to talk to (instead of $TMDB_BASE_URL;
                 default https://api.themoviedb.org)
  --json         print the result as JSON instead of a table
  --retries N    retries of a failed request (default 3; 0 disables)
  -h, --help     help

  A --token or --session value shows in the process list (ps) and stays in
  the shell history: prefer TMDB_TOKEN / TMDB_SESSION_ID; a value of - reads
  it from standard input (one line, spaces trimmed). With both, the token is
  the first line and the session id the second; 'tmdb login' waits for Enter
  after them.

Environment:
  TMDB_TOKEN       v3 API key or v4 read access token, told apart by length
  TMDB_SESSION_ID  user session id, used instead of the stored session
  TMDB_BASE_URL    server to talk to, such as the one 'tmdb fake' prints

Files:
  <config dir>/tmdbfusion/session   the session stored by 'tmdb login' (mode 0600);
  the config dir is $XDG_CONFIG_HOME or ~/.config on Linux and other Unixes,
  ~/Library/Application Support on macOS, %AppData% on Windows.

Exit codes (3 to 6 go by TMDB's status_code first and the HTTP status
second, as the library's error types do):
  0  success
  1  other error: network, server error, invalid request, unexpected
     response, interrupted, or 'tmdb logout' with no session
  2  usage: bad command line, or no credential or session configured (or
     given on standard input for -)
  3  authentication failed (HTTP 401 and TMDB's who-are-you codes, such as
     7, 17 and 41): wrong credential, or a session that is unknown, revoked
     or not approved
  4  not allowed (HTTP 403 and codes 36, 38, 39, 45; code 36 arrives with
     HTTP 401)
  5  not found (HTTP 404 and codes 6, 34, 37)
  6  rate limited (HTTP 429 and code 25), still after the retries

Errors are printed on stderr as one line naming the kind, the HTTP status,
TMDB's status code and message, e.g.
  tmdb: not found: HTTP 404, TMDB code 34: The resource you requested could not be found.
Credentials and session ids are never printed.
`

// writeUsage prints the full help.
func writeUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString(usageHeader)
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	group := ""
	for _, c := range commands() {
		if c.group != group {
			group = c.group
			fmt.Fprintf(&b, "\n%s:\n", group)
		}
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(&b, "\n  %-*s  %s\n\n", width, "help", "this text, or the help of one command")
	b.WriteString(usageFooter)
	_, _ = io.WriteString(w, b.String())
}

// writeCommandUsage prints the help of one command.
func writeCommandUsage(w io.Writer, c command) {
	synopsis := "tmdb " + c.name
	if c.synopsis != "" {
		synopsis += " " + c.synopsis
	}
	fmt.Fprintf(w, "Usage: %s\n\n%s\n\n%s\n", synopsis, c.help,
		"Global flags (--token, --session, --base-url, --json, --retries) work here too;\nrun 'tmdb help' for them, the environment and the exit codes.")
}

// wrapWords breaks s into lines of at most width characters, each
// starting with indent.
func wrapWords(s string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(s) {
		if line != indent && len(line)+1+len(word) > width {
			b.WriteString(line)
			b.WriteByte('\n')
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}
