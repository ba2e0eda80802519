// Package synthetic generates handbooks of any size for benchmarks: N
// pages in sections of 20, M glossary terms, tables, lists and links, with
// TOML front matter that Hugo reads too.
//
// The running text is German-looking prose from a pseudo-random generator
// seeded with the page index, so a page's bytes depend only on its index
// (not on N) and the same N gives the same corpus every time. Sentences
// are mostly 8 to 20 words long, some shorter, none longer than 28 words;
// a few are questions. The words follow a long-tailed distribution: a
// hundred-odd frequent function words (der, die, und, ist, nicht …) make
// up half of the text, the rest are nouns, verbs and adjectives
// built from German stems (Pflege+dokumentation, über+prüf+t,
// pflege+bedürftig+en) whose ranks are drawn from Zipf distributions,
// so rare compounds keep appearing as the corpus grows, as in real text.
//
// Corpus statistics (words of the chapter bodies with headings, lists and
// table, front matter left out; distinct words counted case-sensitively;
// TestCorpusStatistics checks the first row, HANDBUCH_CORPUS_STATS=1 go
// test -run 5000 -v ./internal/synthetic prints all three):
//
//	pages    words/page   words       distinct words
//	1,000    386            385,646    39,126
//	5,000    385          1,926,895   113,233
//	10,000   385          3,847,384   177,087
//
// Of the sentences of the running text, 13 % have fewer than 8 words,
// 73 % 8 to 20 and 14 % 21 to 28; 7 % are questions; function words are
// half of the running text. Words average 7
// letters, the longest compounds reach 40.
//
// The old corpus repeated one paragraph: 158 words a page and 198
// distinct words in all, which hid the cost of every stage that works
// word by word (syllables, hyphenation, the search index).
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
			fs[fmt.Sprintf("content/teil-%d/kapitel-%d.md", s, p)] = &fstest.MapFile{Data: page(s, p, m)}
		}
	}
	return fs
}

// page writes chapter p of section s: an introduction with a glossary
// term, four sections of prose, each with the link to the first chapter
// and a nested list, and the risk table.
func page(s, p, m int) []byte {
	i := s*20 + p
	g := newGen(uint64(i))
	var b strings.Builder
	b.Grow(4096)
	fmt.Fprintf(&b, "+++\ntitle = \"Kapitel %d.%d\"\nweight = %d\ndescription = \"Kapitel %d in Teil %d.\"\n+++\n", s, p, p, p, s)
	b.WriteString("Ein kurzer Einstieg in das Kapitel mit einem Fachwort" + fmt.Sprint(i%max(m, 1)) + ".")
	g.paragraph(&b, 10+g.r.IntN(40))
	b.WriteString("\n\n")
	// About 300 words of prose in the four sections, 170 to 430 on a page.
	budget := 80 + g.r.IntN(281)
	for h := range 4 {
		fmt.Fprintf(&b, "## Abschnitt %d\n\n", h)
		words := budget / 4
		if g.r.IntN(3) == 0 && words > 40 { // two paragraphs
			first := words/3 + g.r.IntN(words/3)
			g.paragraph(&b, first)
			b.WriteString("\n\n")
			words -= first
		}
		g.paragraph(&b, words)
		b.WriteString(" Mehr in [Kapitel 0](../teil-0/kapitel-0.md).\n\n")
		b.WriteString("- ")
		g.item(&b, false)
		b.WriteString("\n- ")
		g.item(&b, true)
		b.WriteString("\n  - ")
		g.item(&b, false)
		b.WriteString("\n\n")
	}
	b.WriteString("Tabelle: Risiken\n\n| Risiko | Maßnahme |\n|---|---|\n| Fehler | Prüfen |\n| Ausfall | Plan B |\n")
	return []byte(b.String())
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
