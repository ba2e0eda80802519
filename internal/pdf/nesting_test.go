package pdf_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch/internal/build"
)

// TestDeepNestingAndWideTables: 30 quotes in one another, 30 nested
// lists and a table of 14 columns lay out with ordinary words, which
// failed as words "zu lang für eine Zeile" in a column gone tiny or
// negative; the text is in the PDF, words whole.
func TestDeepNestingAndWideTables(t *testing.T) {
	sentence := "Ein ganz normaler Satz mit Wörtern wie Datenschutz und Verantwortung."
	var header, rule, row strings.Builder
	for i := range 14 {
		header.WriteString("| Spalte " + string(rune('A'+i)) + " ")
		rule.WriteString("|---")
		row.WriteString("| Verantwortung ")
	}
	long := strings.Repeat("x", 60)
	chapter := strings.Repeat("> ", 30) + sentence + "\n\n" +
		strings.Repeat("- ", 30) + "Liste: " + sentence + "\n\n" +
		"Tabelle: Vierzehn Spalten\n\n" + header.String() + "|\n" + rule.String() + "|\n" + row.String() + "|\n" +
		"| " + long + strings.Repeat(" | kurz", 13) + " |\n"
	fs := fstest.MapFS{
		"handbuch.toml":     {Data: []byte("title = \"T\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
		"content/a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\n" + chapter)},
	}
	files, _, err := build.Render(fs, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	pdfinfo := tool(t, "pdfinfo")
	file := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(file, handbookPDF(t, files), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-struct-text", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	// The pieces of a word broken at a line end are one string each,
	// the hyphen between them an artifact: join strings that follow
	// each other.
	text := regexp.MustCompile(`"\s*\n\s*"`).ReplaceAllString(string(out), "")
	for want, n := range map[string]int{sentence: 2, "Verantwortung": 16, long: 1, "Spalte N": 1} {
		if got := strings.Count(text, want); got != n {
			t.Errorf("the tagged text has %q %d times, want %d:\n%s", want, got, n, text)
		}
	}
}
