// Package synthetic generates handbooks of any size for benchmarks: N
// pages in sections of 20, M glossary terms, tables, lists and links, with
// TOML front matter that Hugo reads too.
package synthetic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Project makes a handbook of n pages in sections of 20, with m glossary
// terms, tables, lists and links: the kind of content an umbrella
// organisation's handbook has.
func Project(n, m int) fstest.MapFS {
	fs := fstest.MapFS{
		"handbuch.toml":     {Data: []byte("title = \"Synthetisches Handbuch\"\ncontact = \"a@example.org\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nWillkommen.\n")},
	}
	for i := range m {
		fs[fmt.Sprintf("glossary/begriff-%d.toml", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"term = \"Fachwort%d\"\nforms = [\"Fachwörter%d\"]\nshort = \"Ein Wort, das wir erklären.\"\ntext = \"Das Wort heißt %d. Wir erklären es kurz.\"\n", i, i, i))}
	}
	for s := 0; s*20 < n; s++ {
		fs[fmt.Sprintf("content/teil-%d/_index.md", s)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Teil %d\"\nweight = %d\n+++\nEinleitung zu Teil %d.\n", s, s, s))}
		for p := 0; p < 20 && s*20+p < n; p++ {
			var b strings.Builder
			fmt.Fprintf(&b, "+++\ntitle = \"Kapitel %d.%d\"\nweight = %d\ndescription = \"Kapitel %d in Teil %d.\"\n+++\n", s, p, p, p, s)
			b.WriteString("Ein kurzer Einstieg in das Kapitel mit einem Fachwort" + fmt.Sprint((s*20+p)%max(m, 1)) + ".\n\n")
			for h := range 4 {
				fmt.Fprintf(&b, "## Abschnitt %d\n\nDie Pflegekraft spricht ihren Bericht, und die Software schreibt ihn auf. Personenbezogene Daten bleiben im Haus. Mehr in [Kapitel 0](../teil-0/kapitel-0.md).\n\n- erster Punkt\n- zweiter Punkt mit **Betonung**\n  - ein Unterpunkt\n\n", h)
			}
			b.WriteString("Tabelle: Risiken\n\n| Risiko | Maßnahme |\n|---|---|\n| Fehler | Prüfen |\n| Ausfall | Plan B |\n")
			fs[fmt.Sprintf("content/teil-%d/kapitel-%d.md", s, p)] = &fstest.MapFile{Data: []byte(b.String())}
		}
	}
	return fs
}

// Write writes the project into dir.
func Write(dir string, fsys fstest.MapFS) error {
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
