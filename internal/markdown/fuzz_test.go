package markdown

import (
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// FuzzMarkdown parses any chapter text with shortcodes and glossary
// linking, renders it plainly and with source positions, and takes its
// text blocks: no panic, and every position inside the file.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"## Größe {#eigene-id}\n\nDie KI-Systeme verarbeiten Daten. {{< begriff \"daten\" \"Angaben\" >}}\n",
		"{{< feld \"Name\"\n",
		"{{< checkliste \"x\" >}} {{< ampel >}} {{< unterschrift >}}\n",
		"| a | b |\n|---|---|\n| KI | Daten |\n\n[^1]: Fußnote\n\nText[^1]\n",
		"Begriff\n: Erklärung mit KI\n\n- Liste\n  - Unterpunkt mit [Link](a.md#b)\n",
		"<script>alert(1)</script> ![Bild](b.png) `code` **fett**\n",
	} {
		f.Add(s)
	}
	glossary := book.Glossary{
		{Name: "daten", File: "glossary/daten.toml", Term: "Daten", Forms: []string{"Datums"}, Short: "Angaben."},
		{Name: "ki", File: "glossary/ki.toml", Term: "Künstliche Intelligenz", Abbr: "KI", Short: "Ein Programm."},
	}
	md := New(Options{Glossary: glossary, ReservedIDs: []string{"hb-inhalt"}})
	f.Fuzz(func(t *testing.T, body string) {
		src := "+++\ntitle = \"x\"\n+++\n" + body
		p := &book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(body), BodyOffset: len(src) - len(body), LinkTerms: true}
		d := md.Parse(p)
		if _, err := d.Render(&Context{}); err != nil {
			t.Fatal(err)
		}
		if _, err := d.Render(&Context{Positions: true, IDPrefix: "p--", Shift: 2}); err != nil {
			t.Fatal(err)
		}
		d.TextBlocks()
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		for _, e := range d.Errors {
			if e.Pos.File != "content/t.md" || e.Pos.Line < 1 || e.Pos.Line > lines {
				t.Fatalf("error at %s, outside the file (%d lines): %s", e.Pos, lines, e.Msg)
			}
		}
	})
}
