package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigDir(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		goos    string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{"linux XDG", "linux", map[string]string{"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"}, "/x/cfg", false},
		{"linux HOME", "linux", map[string]string{"HOME": "/home/u"}, "/home/u/.config", false},
		{"linux relative XDG", "linux", map[string]string{"XDG_CONFIG_HOME": "cfg", "HOME": "/home/u"}, "", true},
		{"linux nothing", "linux", nil, "", true},
		{"freebsd", "freebsd", map[string]string{"HOME": "/home/u"}, "/home/u/.config", false},
		{"darwin", "darwin", map[string]string{"HOME": "/Users/u", "XDG_CONFIG_HOME": "/ignored"}, "/Users/u/Library/Application Support", false},
		{"darwin no HOME", "darwin", nil, "", true},
		{"windows", "windows", map[string]string{"AppData": `C:\Users\u\AppData\Roaming`}, `C:\Users\u\AppData\Roaming`, false},
		{"windows no AppData", "windows", map[string]string{"HOME": "/home/u"}, "", true},
		{"plan9", "plan9", map[string]string{"home": "/usr/u"}, "/usr/u/lib", false},
	}
	for _, tt := range tests {
		got, err := configDir(func(k string) string { return tt.env[k] }, tt.goos)
		if tt.wantErr {
			assert.Error(t, err, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
	}
}

func TestSessionFileRoundTrip(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cfg", configSubdir)
	path := filepath.Join(dir, sessionFileName)

	got, err := readSession(path)
	require.NoError(t, err)
	assert.Empty(t, got, "no file, no session")

	require.NoError(t, writeSession(path, "first"))
	require.NoError(t, writeSession(path, "second"))
	got, err = readSession(path)
	require.NoError(t, err)
	assert.Equal(t, "second", got)

	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(sessionFileMode), fi.Mode().Perm())
		di, err := os.Stat(dir)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(sessionDirMode), di.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")

	require.NoError(t, removeSession(path))
	require.NoError(t, removeSession(path), "removing twice is fine")
	got, err = readSession(path)
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestWriteSessionTightensAnExistingDirectory(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), configSubdir)
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, writeSession(filepath.Join(dir, sessionFileName), "id"))
	di, err := os.Stat(dir)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(sessionDirMode), di.Mode().Perm())
}

func TestStoredSessionIsUsedAfterFlagAndEnvironment(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	require.NoError(t, writeSession(e.sessionFile(t), "fromfile"))
	a := &app{getenv: e.getenv}
	id, src, err := a.sessionID()
	require.NoError(t, err)
	assert.Equal(t, "fromfile", id)
	assert.Equal(t, sessionFile, src)

	e.vars[envSession] = "fromenv"
	id, src, err = a.sessionID()
	require.NoError(t, err)
	assert.Equal(t, "fromenv", id)
	assert.Equal(t, sessionEnv, src)

	a.opts.session = "fromflag"
	id, src, err = a.sessionID()
	require.NoError(t, err)
	assert.Equal(t, "fromflag", id)
	assert.Equal(t, sessionFlag, src)
}
