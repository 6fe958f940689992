package main

import (
	"context"
	"flag"
	"slices"
)

// runFunc runs a command with its positional arguments, once its flags
// are parsed.
type runFunc func(ctx context.Context, a *app, args []string) error

// command is one subcommand of tmdb.
type command struct {
	name     string
	synopsis string // arguments and flags, after the name
	summary  string // one line for the list of commands
	help     string // what "tmdb help <name>" adds below the synopsis
	group    string // heading in the list of commands
	// setup registers the command's own flags on fs and returns the
	// function that runs it with their values.
	setup func(fs *flag.FlagSet) runFunc
}

// Headings of the list of commands, in the order printed.
const (
	groupMovies  = "Movies"
	groupAccount = "Your account (needs a session: tmdb login)"
	groupSession = "Session"
	groupTry     = "Trying it out"
)

// commands lists every subcommand, in the order of the usage text.
func commands() []command {
	return []command{
		movieCommand(),
		popularCommand(),
		searchCommand(),
		accountCommand(),
		statesCommand(),
		rateCommand(),
		unrateCommand(),
		favoritesCommand(),
		watchlistCommand(),
		loginCommand(),
		logoutCommand(),
		demoCommand(),
		fakeCommand(),
	}
}

// findCommand returns the command called name.
func findCommand(name string) (command, bool) {
	cmds := commands()
	i := slices.IndexFunc(cmds, func(c command) bool { return c.name == name })
	if i < 0 {
		return command{}, false
	}
	return cmds[i], true
}
