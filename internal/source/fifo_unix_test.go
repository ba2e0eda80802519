//go:build unix

package source

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe is refused, whether it is found by name, opened directly
// or listed as a folder, and nothing blocks.
func TestNamedPipe(t *testing.T) {
	dir, f := project(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "data/rohr.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "glossary"), 0o644); err != nil {
		t.Fatal(err)
	}
	within(t, func() {
		_, err := Read(f, "data/rohr.toml", MaxFileSize)
		wantReason(t, err, "ist eine benannte Pipe (FIFO), keine Datei")
	})
	within(t, func() {
		if file, err := f.Open("data/rohr.toml"); err == nil {
			file.Close()
			t.Error("Open opened a named pipe")
		}
	})
	within(t, func() {
		if _, err := fs.ReadDir(f, "glossary"); err == nil {
			t.Error("ReadDir listed a named pipe")
		}
	})
}

// A pipe put in place of a file after Lstat looked at it: Open must not
// block. The race is played by an fs.FS whose Lstat lies.
func TestPipeSwappedIn(t *testing.T) {
	dir, f := project(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "data/rohr.toml"), 0o644); err != nil {
		t.Fatal(err)
	}
	within(t, func() {
		_, err := Read(lyingLstat{f}, "data/rohr.toml", MaxFileSize)
		wantReason(t, err, "benannte Pipe")
	})
}

type lyingLstat struct{ Folder }

func (l lyingLstat) Lstat(name string) (fs.FileInfo, error) {
	return l.Folder.Lstat("data/echt.toml")
}
