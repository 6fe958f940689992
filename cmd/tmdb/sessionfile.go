package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// The stored session lives in <config dir>/tmdbfusion/session, readable
// by its owner only.
const (
	configSubdir    = "tmdbfusion"
	sessionFileName = "session"
	sessionDirMode  = 0o700
	sessionFileMode = 0o600
	maxSessionBytes = 4 << 10
)

// configDir returns the user's configuration directory as
// os.UserConfigDir does, but from getenv, so a run (and a test) decides
// which environment it sees: %AppData% on Windows, $HOME/Library/Application
// Support on macOS and iOS, $home/lib on Plan 9, and elsewhere
// $XDG_CONFIG_HOME, which must be absolute, or else $HOME/.config.
func configDir(getenv func(string) string, goos string) (string, error) {
	switch goos {
	case "windows":
		if dir := getenv("AppData"); dir != "" {
			return dir, nil
		}
		return "", errors.New("%AppData% is not set")
	case "darwin", "ios":
		if home := getenv("HOME"); home != "" {
			return home + "/Library/Application Support", nil
		}
		return "", errors.New("$HOME is not set")
	case "plan9":
		if home := getenv("home"); home != "" {
			return home + "/lib", nil
		}
		return "", errors.New("$home is not set")
	}
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		if !filepath.IsAbs(dir) {
			return "", errors.New("$XDG_CONFIG_HOME is not an absolute path")
		}
		return dir, nil
	}
	if home := getenv("HOME"); home != "" {
		return home + "/.config", nil
	}
	return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME is set")
}

// sessionPath returns where "tmdb login" stores the session.
func sessionPath(getenv func(string) string) (string, error) {
	dir, err := configDir(getenv, runtime.GOOS)
	if err != nil {
		return "", fmt.Errorf("finding the configuration directory: %w", err)
	}
	return filepath.Join(dir, configSubdir, sessionFileName), nil
}

// readSession returns the stored session id, or "" when there is none.
func readSession(path string) (string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading the stored session: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSessionBytes))
	if err != nil {
		return "", fmt.Errorf("reading the stored session %s: %w", path, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// writeSession stores the session id at path, atomically: it is written to
// a temporary file in the same directory, synced, then renamed over the
// old one, so a crash leaves either the old session or the new one. The
// directory is made private (0700) and the file is 0600.
func writeSession(path, id string) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, sessionDirMode); err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	if err := os.Chmod(dir, sessionDirMode); err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+sessionFileName+"-*.tmp")
	if err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(sessionFileMode); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("storing the session: %w", err)
	}
	if _, err := tmp.WriteString(id + "\n"); err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("storing the session: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a directory's entries, so a rename in it survives a
// crash. Not every system can open a directory for that; it is best
// effort.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}

// removeSession deletes the stored session; none stored is not an error.
func removeSession(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing the stored session: %w", err)
	}
	return nil
}
