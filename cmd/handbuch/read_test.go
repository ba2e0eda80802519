package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestLayoutsSizeLimit: the project's layouts and assets are held to the
// size limit of every project file (an asset of any size was copied).
func TestLayoutsSizeLimit(t *testing.T) {
	for _, name := range []string{"layouts/assets/gross.bin", "layouts/partials/gross.html"} {
		dir := t.TempDir()
		writeArchive(t, dir, txtar.Parse([]byte(goodProject)).Files)
		sparse(t, filepath.Join(dir, name), 6<<20)
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "--ohne-pdf", "--source", dir}, &stdout, &stderr)
		want := name + ": ist 6 MB groß; handbuch liest Dateien bis 5 MB. Verkleinern Sie die Datei."
		if code != 1 || !strings.Contains(stderr.String(), want) {
			t.Errorf("exit %d, want 1, and stderr lacks %q:\n%s", code, want, stderr.String())
		}
	}
}

// sparse makes a file of size bytes that takes no room on the disk.
func sparse(t *testing.T, p string, size int64) {
	t.Helper()
	write(t, p, nil)
	if err := os.Truncate(p, size); err != nil {
		t.Fatal(err)
	}
}

// TestEmptySource: --source "" is a usage error in German, not the
// system's English about an empty root.
func TestEmptySource(t *testing.T) {
	for _, cmd := range []string{"build", "serve"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{cmd, "--source", ""}, &stdout, &stderr)
		want := "handbuch " + cmd + ": --source braucht einen Ordner"
		if code != 2 || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: exit %d, want 2, and stderr lacks %q:\n%s", cmd, code, want, stderr.String())
		}
	}
}

// TestLongSource: a project folder whose name is too long for the file
// system gets a German message before anything else is tried.
func TestLongSource(t *testing.T) {
	for _, dir := range []string{strings.Repeat("a", 300), "/tmp/" + strings.Repeat("a/", 3000)} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "--source", dir}, &stdout, &stderr)
		want := "hat einen zu langen Namen: das Dateisystem erlaubt höchstens 255 Zeichen"
		if code != 1 || !strings.Contains(stderr.String(), want) || strings.Contains(stderr.String(), "file name too long") {
			t.Errorf("exit %d, want 1, and stderr lacks %q or has English:\n%.500s", code, want, stderr.String())
		}
	}
}
