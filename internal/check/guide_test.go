package check_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/check"
)

var update = flag.Bool("update", false, "rewrite the pages of the editors' guide in docs/content/regeln")

// TestGuidePages: the pages on the rules in the editors' guide are
// those the explanations make; -update writes them (and removes pages
// of rules that are gone).
func TestGuidePages(t *testing.T) {
	dir := filepath.Join("..", "..", filepath.FromSlash(check.GuideDir))
	pages := check.GuidePages()
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, f := range old {
			if _, ok := pages[filepath.Base(f)]; !ok {
				if err := os.Remove(f); err != nil {
					t.Fatal(err)
				}
			}
		}
		for name, data := range pages {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	have, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range have {
		if _, ok := pages[filepath.Base(f)]; !ok {
			t.Errorf("%s belongs to no rule: go test ./internal/check -run TestGuidePages -update removes it", f)
		}
	}
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s/%s is out of date: go test ./internal/check -run TestGuidePages -update", check.GuideDir, name)
		}
	}
	if len(pages) != len(check.Rules)+1 {
		t.Errorf("%d pages for %d rules", len(pages), len(check.Rules))
	}
}

// TestGuidePagesBuild: the pages on the rules build in a handbook of
// their own without one error or warning of our checks, though their
// wrong examples break the rules: examples are code, and code is not
// checked as text or markup.
func TestGuidePagesBuild(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"handbuch.toml":     "title = \"Handbuch für die Redaktion\"\nlanguage = \"de\"\n",
		"content/_index.md": "+++\ntitle = \"Start\"\ndescription = \"Die Startseite.\"\n+++\n\nLesen Sie [die Regeln der Prüfung](regeln/_index.md).\n",
	}
	for name, data := range check.GuidePages() {
		files["content/regeln/"+name] = string(data)
	}
	for name, data := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := build.Build(context.Background(), build.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), NoPDF: true, Strict: true, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if fe, ok := err.(*build.FindingsError); ok {
		for _, f := range fe.Findings {
			if f.Severity != check.Hint {
				t.Errorf("%s", f)
			}
		}
		t.FailNow()
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Severity != check.Hint {
			t.Errorf("%s", f)
		}
	}
	// Every rule has its page.
	if res.Pages < len(check.Rules)+1 {
		t.Errorf("%d pages built for %d rules", res.Pages, len(check.Rules))
	}
	out, err := os.ReadFile(filepath.Join(res.Dest, "regeln", "color-contrast", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1.4.3", "Kontrast (Minimum)", "<pre><code class=\"language-css\">.hinweis { color: #999999;"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the page of color-contrast lacks %q", want)
		}
	}
}
