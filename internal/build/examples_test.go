package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
)

// TestRuleExamples: the examples in Markdown that explain a rule are
// true. Built as a chapter, the wrong one breaks the rule (or the build
// refuses it with an error at its place, earlier and stricter than the
// rule), and the right one builds and does not break it.
func TestRuleExamples(t *testing.T) {
	picture, err := os.ReadFile("../../content/fuenf-schritte.png")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range check.Rules {
		e, _ := check.ExplanationOf(r.ID)
		if e.Wrong.Lang != "markdown" {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			findings, err := buildExample(t, r, e.Wrong.Code, picture)
			var list book.ErrorList
			switch {
			case errors.As(err, &list):
				for _, e := range list {
					if e.Pos.File != "content/beispiel.md" {
						t.Errorf("the wrong example fails the build elsewhere: %v", e)
					}
				}
			case err != nil:
				t.Errorf("the wrong example does not build: %v", err)
			case len(findings) == 0:
				t.Errorf("the wrong example does not break the rule:\n%s", e.Wrong.Code)
			}
			findings, err = buildExample(t, r, e.Right.Code, picture)
			if err != nil {
				t.Errorf("the right example does not build: %v", err)
			}
			for _, f := range findings {
				t.Errorf("the right example breaks the rule: %s", f)
			}
		})
	}
}

// buildExample builds a chapter content/beispiel.md with body (for the
// plain-language rules in Einfache Sprache), and returns the findings of
// the rule r in it, or the build's error.
func buildExample(t *testing.T, r check.Rule, body string, picture []byte) ([]check.Finding, error) {
	fm := "+++\ntitle = \"Beispiel\"\nweight = 1\n"
	if r.Kind == "sprache" {
		fm += "plain = true\n"
	}
	// The rules on a whole page need a page of some length.
	if r.ID == "lesbarkeit" || r.ID == "anteil-lange-saetze" {
		body = strings.Repeat(body+"\n", 6)
	}
	files := map[string]string{
		"handbuch.toml":                  "title = \"Testhandbuch\"\n",
		"content/_index.md":              "+++\ntitle = \"Start\"\n+++\nWillkommen.\n",
		"content/datenschutz.md":         "+++\ntitle = \"Datenschutz\"\n+++\nText.\n",
		"content/kontakte.md":            "+++\ntitle = \"Kontakte\"\n+++\nText.\n",
		"content/checkliste-vorher.md":   "+++\ntitle = \"Vorher\"\n+++\nText.\n",
		"content/checkliste-waehrend.md": "+++\ntitle = \"Während\"\n+++\nText.\n",
		"content/beispiel.md":            fm + "+++\n\n" + body,
		"content/ampel.png":              string(picture),
		"content/schritte.png":           string(picture),
	}
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Build(context.Background(), Options{Source: dir, Dest: "public", NoPDF: true, Today: modelToday})
	var all []check.Finding
	var fe *FindingsError
	switch {
	case errors.As(err, &fe):
		all = fe.Findings
	case err != nil:
		return nil, err
	default:
		all = res.Findings
	}
	var out []check.Finding
	for _, f := range all {
		if f.Rule == r.ID && f.Pos.File == "content/beispiel.md" {
			out = append(out, f)
		}
	}
	return out, nil
}
