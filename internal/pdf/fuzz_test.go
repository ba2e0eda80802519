package pdf_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/build"
)

// FuzzLayout lays out any chapter text in the handbook PDF, a form PDF
// and the site: a build either works or fails with positioned errors
// (a glyph the font lacks, a word too long for a line), never panics
// or hangs.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"Ein Absatz mit **fett**, *kursiv* und `Code`.\n\n| Spalte | Zweite Spalte |\n|---|---|\n| Datenschutzgrundverordnung | x |\n",
		"## Überschrift\n\n- Punkt\n  - Unterpunkt\n\n1. Eins\n2. Zwei\n\n> Zitat\n",
		"{{< feld \"Name\" >}}\n{{< ankreuzen \"Ja\" >}}\n{{< unterschrift >}}\n",
		strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän ", 30),
		"Smiley 😀\n",
		"\u00ad\u200b\t\u00a0 –„“…\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		fs := fstest.MapFS{
			"handbuch.toml":     {Data: []byte("title = \"T\"\ncontact = \"a@example.org\"\n")},
			"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
			"content/a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\n" + body)},
		}
		_, _, err := build.Render(fs, nil, today)
		for _, e := range book.Errors(err) {
			if e.Pos.File == "" {
				t.Fatalf("error without a file: %v", e)
			}
		}
	})
}
