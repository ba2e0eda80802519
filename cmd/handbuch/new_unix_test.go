//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewOnAFile: handbuch new on a file, or below one, says so in
// German, not with the system's English words.
func TestNewOnAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "datei")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{file, filepath.Join(file, "handbuch")} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"new", dir}, &stdout, &stderr); code != 1 {
			t.Errorf("handbuch new %s: exit %d, want 1", dir, code)
		}
		if got := stderr.String(); !strings.Contains(got, "kann kein Ordner sein: es ist eine Datei, oder ein Teil des Pfads ist eine Datei.") || strings.Contains(got, "not a directory") {
			t.Errorf("handbuch new %s printed:\n%s", dir, got)
		}
	}
}
