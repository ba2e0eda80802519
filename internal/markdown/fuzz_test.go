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
		"Ein <a href=\"javascript:x\">Link</a> <https://example.org/a\\_b> <a@example.org>\n\n<div>\n<img srcset=\"a.png 1x, data:x 2x\">\n</div>\n",
		"## T {style=x #a .b class=\"c;d\"}\n\n## U {#a}\n\n## W1\n",
		"{{< eintragen \"Ein \\\"Zitat\\\"\" >}}\n\nX {{< begriff \"KI\" \"a >}} b\" >}} \\{{< begriff \"KI\" >}}\n",
	} {
		f.Add(s)
	}
	glossary := book.Glossary{
		{Name: "daten", File: "glossary/daten.toml", Term: "Daten", Forms: []string{"Datums"}, Short: "Angaben."},
		{Name: "ki", File: "glossary/ki.toml", Term: "Künstliche Intelligenz", Abbr: "KI", Short: "Ein Programm."},
	}
	md := New(Options{Glossary: glossary, ReservedIDs: []string{"hb-inhalt"}})
	withHTML := New(Options{Glossary: glossary, AllowHTML: true})
	f.Fuzz(func(t *testing.T, body string) {
		src := "+++\ntitle = \"x\"\n+++\n" + body
		p := &book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(body), BodyOffset: len(src) - len(body), LinkTerms: true}
		d := md.Parse(p)
		if len(body)%2 == 1 {
			d = withHTML.Parse(p)
		}
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
		for _, l := range d.Links {
			if l.Pos.File != "content/t.md" || l.Pos.Line < 1 || l.Pos.Line > lines {
				t.Fatalf("link %q at %s, outside the file (%d lines)", l.Dest, l.Pos, lines)
			}
		}
	})
}
