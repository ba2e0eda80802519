package check

import (
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// TestWriteTextFolds: the text report lists 100 findings of one rule in
// one file and says how many more there are; other rules and files are
// listed as before, and the counts keep every finding.
func TestWriteTextFolds(t *testing.T) {
	var fs []Finding
	for i := range 250 {
		fs = append(fs, Finding{Rule: "duplicate-id", Severity: Error, Pos: book.Pos{File: "a.html", Line: 1, Col: 10 + i}, Msg: "doppelt"})
	}
	fs = append(fs,
		Finding{Rule: "image-alt", Severity: Error, Pos: book.Pos{File: "a.html", Line: 2, Col: 1}, Msg: "kein alt"},
		Finding{Rule: "duplicate-id", Severity: Error, Pos: book.Pos{File: "b.html", Line: 1, Col: 1}, Msg: "doppelt"})
	Sort(fs)
	var b strings.Builder
	if err := WriteText(&b, fs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 100+1+2 {
		t.Fatalf("%d lines, want 103:\n%s", len(lines), b.String())
	}
	if want := "a.html:1:110: Fehler: duplicate-id: und 150 weitere Befunde dieser Regel in dieser Datei"; !strings.HasPrefix(lines[100], want) {
		t.Errorf("line 101: %q, want it to start with %q", lines[100], want)
	}
	if !strings.HasPrefix(lines[101], "a.html:2:1: Fehler: image-alt:") || !strings.HasPrefix(lines[102], "b.html:1:1: Fehler: duplicate-id: doppelt") {
		t.Errorf("other findings: %q", lines[101:])
	}
	if n, _, _ := Count(fs); n != 252 {
		t.Errorf("Count: %d errors, want 252", n)
	}
}
