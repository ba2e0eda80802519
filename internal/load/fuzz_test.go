package load

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch/internal/book"
)

// FuzzPage feeds any bytes to the front matter reader: it must report
// problems as errors with a position, never panic or hang.
func FuzzPage(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"Kapitel\"\nweight = 1\n+++\nText.\n",
		"+++\ntitle = \"A\nweight = 1\n+++\n",
		"---\ntitle: A\n---\n",
		"\uFEFF+++\r\ntitle = \"A\"\r\n+++\r\n",
		"+++\nreviewed = 2026-13-40\n+++\n",
		"+++\n[[x]]\n+++\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var errs book.ErrorList
		if !checkText("content/a.md", src, &errs) {
			return
		}
		if p := parsePage("content/a.md", src, &errs); p != nil && p.BodyOffset > len(p.Source) {
			t.Fatalf("body offset %d beyond the source (%d bytes)", p.BodyOffset, len(p.Source))
		}
		for _, e := range errs {
			if e.Pos.File != "content/a.md" {
				t.Fatalf("error without its file: %v", e)
			}
		}
	})
}

// FuzzProject loads a project whose settings, glossary entry, checklist
// and register come from the fuzzer.
func FuzzProject(f *testing.F) {
	f.Add([]byte("title = \"T\"\ncontact = \"a@example.org\"\n"), []byte("term = \"Daten\"\nshort = \"Angaben.\"\ntext = \"Mehr.\"\nsee_also = [\"daten\"]\n"),
		[]byte("title = \"Liste\"\n[[group]]\ntitle = \"G\"\n[[group.item]]\ntext = \"Punkt\"\n"), []byte("[[system]]\nname = \"X\"\n"))
	f.Add([]byte("title = \"T\n"), []byte("term = 1\n"), []byte("[[group]]\n[[group.item]]\n"), []byte("[[system]]\nlast_ethics_check = 2025-01-01\n"))
	f.Fuzz(func(t *testing.T, config, term, checklist, register []byte) {
		fsys := fstest.MapFS{
			"handbuch.toml":             {Data: config},
			"content/_index.md":         {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
			"glossary/daten.toml":       {Data: term},
			"checklists/liste.toml":     {Data: checklist},
			"data/ki-register.toml":     {Data: register},
			"data/kontakte.toml":        {Data: register},
			"content/kapitel/_index.md": {Data: []byte("+++\ntitle = \"Kapitel\"\n+++\n")},
		}
		_, _ = Load(fsys, Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	})
}
