package build

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// TestGuide builds the editors' guide (docs/, as the binary carries it)
// with every output, PDFs included, and wants our own checks to find
// neither an error nor a warning in it: the guide that explains the
// checks passes them. Hints are allowed.
func TestGuide(t *testing.T) {
	files, h, findings, err := Make(handbuch.Guide(), nil, load.Options{}, "public")
	if err != nil {
		t.Fatalf("the guide does not build:\n%v", err)
	}
	var bad []string
	for _, f := range findings {
		if f.Severity != check.Hint {
			bad = append(bad, f.String())
		}
	}
	if len(bad) > 0 {
		t.Errorf("the checks found %d errors and warnings in the guide:\n%s", len(bad), strings.Join(bad, "\n"))
	}
	// Every page that speaks to editors is checked as Einfache Sprache.
	for _, p := range h.Pages {
		if strings.HasPrefix(p.File, "content/") && !strings.HasPrefix(p.File, "content/regeln/") && !p.Plain {
			t.Errorf("%s: a page of the guide needs plain = true", p.File)
		}
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Path] = true
	}
	if !names["pdf/handbuch-fuer-die-redaktion.pdf"] {
		t.Error("the guide has no PDF of its own")
	}
}

// TestGuideNamesEveryShortcode keeps the reference of shortcodes in the
// guide complete: a new shortcode must be explained there with an
// example.
func TestGuideNamesEveryShortcode(t *testing.T) {
	b, err := fs.ReadFile(handbuch.Guide(), "content/shortcodes.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range shortcode.Names() {
		if !strings.Contains(string(b), "{{< "+name) {
			t.Errorf("content/shortcodes.md has no example of the shortcode %q", name)
		}
	}
}
