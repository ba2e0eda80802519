package source

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// within fails the test when do takes longer than 20 s: reading a named
// pipe blocks forever.
func within(t *testing.T, do func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		do()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("still reading after 20 s")
	}
}

func project(t *testing.T) (string, Folder) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data/echt.toml"), []byte("a = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, f
}

func wantReason(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	var e *Error
	if !strings.Contains(err.Error(), want) || !errors.As(err, &e) {
		t.Fatalf("error %q, want an *Error with %q", err, want)
	}
}

func TestReadRegularFile(t *testing.T) {
	_, f := project(t)
	b, err := Read(f, "data/echt.toml", MaxFileSize)
	if err != nil || string(b) != "a = 1\n" {
		t.Fatalf("%q, %v", b, err)
	}
	b, err = fs.ReadFile(f, "data/echt.toml")
	if err != nil || string(b) != "a = 1\n" {
		t.Fatalf("fs.ReadFile: %q, %v", b, err)
	}
}

func TestSymlinks(t *testing.T) {
	dir, f := project(t)
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "geheim.toml"), []byte("geheim = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"data/null.toml":    "/dev/zero",
		"data/geheim.toml":  filepath.Join(outside, "geheim.toml"),
		"data/drinnen.toml": "echt.toml",
		"layouts":           outside,
	} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"data/null.toml", "data/geheim.toml", "data/drinnen.toml"} {
		within(t, func() {
			_, err := Read(f, name, MaxFileSize)
			wantReason(t, err, "ist eine symbolische Verknüpfung")
		})
	}
	// A folder that leads out of the project: nothing in it is read,
	// through the folder or through a Sub of it.
	_, err := Read(f, "layouts/geheim.toml", MaxFileSize)
	wantReason(t, err, "aus dem Projektordner hinaus")
	sub, err := fs.Sub(f, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(sub, "geheim.toml", MaxFileSize)
	wantReason(t, err, "aus dem Projektordner hinaus")
	if _, err := fs.ReadDir(sub, "."); err == nil {
		t.Error("ReadDir listed a folder outside the project")
	}
}

func TestLimit(t *testing.T) {
	_, f := project(t)
	_, err := Read(f, "data/echt.toml", 5)
	wantReason(t, err, "handbuch liest Dateien bis 1 MB")
	// A file system that says the file is empty, as a device does: the
	// limit holds all the same.
	small := fstest.MapFS{"data/viel.toml": {Data: bytes.Repeat([]byte("x"), 100)}}
	_, err = Read(zeroSize{small}, "data/viel.toml", 10)
	wantReason(t, err, "ist größer als 1 MB; handbuch liest Dateien bis 1 MB. Verkleinern Sie die Datei.")
	b, err := Read(zeroSize{small}, "data/viel.toml", 100)
	if err != nil || len(b) != 100 {
		t.Fatalf("a file of exactly the limit: %d bytes, %v", len(b), err)
	}
	big := fstest.MapFS{"content/riesig.md": {Data: make([]byte, 6<<20)}}
	_, err = Read(big, "content/riesig.md", MaxFileSize)
	wantReason(t, err, "ist 6 MB groß; handbuch liest Dateien bis 5 MB. Teilen Sie den Text auf mehrere Seiten auf.")
}

// zeroSize reports every file as empty.
type zeroSize struct{ fstest.MapFS }

func (z zeroSize) Open(name string) (fs.File, error) {
	f, err := z.MapFS.Open(name)
	return zeroFile{f}, err
}

type zeroFile struct{ fs.File }

func (z zeroFile) Stat() (fs.FileInfo, error) {
	info, err := z.File.Stat()
	return zeroInfo{info}, err
}

type zeroInfo struct{ fs.FileInfo }

func (zeroInfo) Size() int64 { return 0 }

func TestOpen(t *testing.T) {
	dir, _ := project(t)
	for _, c := range []struct{ dir, want string }{
		{"", "hat keinen Namen"},
		{filepath.Join(dir, "gibt-es-nicht"), "gibt es nicht"},
		{filepath.Join(dir, "data/echt.toml"), "ist kein Ordner"},
		{filepath.Join(dir, strings.Repeat("a", 300)), "hat einen zu langen Namen"},
		{strings.Repeat("a/", 3000), "hat einen zu langen Namen"},
	} {
		_, err := Open(c.dir)
		wantReason(t, err, c.want)
	}
}
