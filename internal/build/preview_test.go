package build

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/site"
	"github.com/handbuch/handbuch/internal/synthetic"
)

// TestIncremental: a preview rebuild that reuses the unchanged pages
// gives the same pages and findings as one that renders everything, and
// really reuses them.
func TestIncremental(t *testing.T) {
	fs := synthetic.Project(45, 10)
	opts := load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
	inc := &Incremental{}
	first, _, firstFindings, err := makeSite(fs, nil, opts, "public", pdfsLater, false, inc, nil)
	if err != nil {
		t.Fatal(err)
	}
	byPath := func(files []site.File) map[string][]byte {
		m := map[string][]byte{}
		for _, f := range files {
			m[f.Path] = f.Data
		}
		return m
	}
	before := byPath(first)
	for _, step := range []struct {
		name, file, text string
		reused           bool // pages other than the changed one are reused
		glossary         bool // the glossary page is reused
	}{
		// Fachwort2 is new on this page: the glossary lists where terms are used.
		{"text of a chapter", "content/teil-1/kapitel-3.md", string(fs["content/teil-1/kapitel-3.md"].Data) + "\n#### Zu tief\n\nNeuer Text mit Fachwort2.\n", true, false},
		{"text without a new term", "content/teil-1/kapitel-3.md", string(fs["content/teil-1/kapitel-3.md"].Data) + "\n#### Zu tief\n\nNeuer Text mit Fachwort2, dazu mehr.\n", true, true},
		{"title of a chapter", "content/teil-1/kapitel-4.md", "+++\ntitle = \"Ganz neuer Titel\"\nweight = 4\n+++\nText.\n", false, false},
		{"a glossary term", "glossary/begriff-1.toml", "term = \"Fachwort1\"\nshort = \"Neu erklärt.\"\ntext = \"Neu.\"\n", false, false},
	} {
		fs[step.file] = &fstest.MapFile{Data: []byte(step.text)}
		got, _, gotFindings, err := makeSite(fs, nil, opts, "public", pdfsLater, false, inc, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, _, wantFindings, err := makeSite(fs, nil, opts, "public", pdfsLater, false, &Incremental{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		g, w := byPath(got), byPath(want)
		if len(g) != len(w) {
			t.Errorf("%s: %d files, want %d", step.name, len(g), len(w))
		}
		for p, data := range w {
			if !bytes.Equal(g[p], data) {
				t.Errorf("%s: %s differs from a full rebuild", step.name, p)
			}
		}
		if fmt.Sprint(gotFindings) != fmt.Sprint(wantFindings) {
			t.Errorf("%s: findings differ:\n%v\nwant\n%v", step.name, gotFindings, wantFindings)
		}
		if step.reused && len(gotFindings) == len(firstFindings) {
			t.Errorf("%s: the new heading level was not found", step.name)
		}
		// Unchanged pages keep the very bytes of the last build.
		same := func(p string) bool { return len(g[p]) > 0 && &g[p][0] == &before[p][0] }
		if got := same("teil-0/kapitel-1/index.html"); got != step.reused {
			t.Errorf("%s: unchanged page reused = %v, want %v", step.name, got, step.reused)
		}
		if got := same("glossar/index.html"); got != step.glossary {
			t.Errorf("%s: glossary page reused = %v, want %v", step.name, got, step.glossary)
		}
		if same("teil-1/kapitel-3/index.html") && step.name == "text of a chapter" {
			t.Errorf("%s: the changed page was not rendered again", step.name)
		}
		before = g
	}
}
