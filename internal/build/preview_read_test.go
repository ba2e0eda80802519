//go:build unix

package build

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/synthetic"
)

// TestPreviewSkipsPipes: the preview hashes every file of data/ and
// layouts/, also those the handbook does not use; a named pipe among
// them made it wait forever. It is read like every project file now, and
// the handbook still builds, since nothing uses the pipe.
func TestPreviewSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	if err := synthetic.Write(dir, synthetic.Project(3, 2)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"data/notiz.txt", "layouts/notiz.txt"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(filepath.Join(dir, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error, 1)
	go func() {
		_, _, _, err := Preview(Options{Source: dir}, &Incremental{})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the preview still runs after 20 s")
	}
}
