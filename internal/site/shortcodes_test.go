package site

import (
	"slices"
	"strings"
	"testing"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// TestEveryShortcodeOnScreen renders every block shortcode of the
// registry through its default layout: one without a layout is an error.
func TestEveryShortcodeOnScreen(t *testing.T) {
	h := &book.Handbook{
		Checklists: []*book.Checklist{{Name: "probe", Title: "Probe", Groups: []*book.ChecklistGroup{{Title: "Gruppe", Items: []*book.ChecklistItem{{Text: "Ein Punkt"}}}}}},
		Register:   []*book.AISystem{{Name: "System", Purpose: "Ein Zweck"}},
		Contacts:   []*book.Contact{{Role: "Beratung", Name: "Frau Beispiel"}},
	}
	tpls, err := NewLayouts(nil, handbuch.Layouts()).templates("page.html")
	if err != nil {
		t.Fatal(err)
	}
	tl := tools{s: newSite(h), tpl: tpls["page.html"]}
	render := tl.renderer("", func(s string) string { return s })
	figure := tl.figure(func(s string) string { return s })
	for i, name := range shortcode.Block() {
		if name == "bild" {
			// Pictures are drawn through Context.Figure.
			html, err := figure(markdown.Figure{Img: &book.Image{Name: "probe.1a2b3c4d.png", Width: 20, Height: 10}, Alt: "Probe"})
			if err != nil || !strings.Contains(string(html), `<img src="/assets/bilder/probe.1a2b3c4d.png" width="20" height="10" alt="Probe" decoding="async">`) {
				t.Errorf("%s: %q, %v", name, html, err)
			}
			continue
		}
		var args []string
		for range shortcode.All[name].Min {
			args = append(args, "probe")
		}
		html, err := render(&markdown.Shortcode{Name: name, Args: args, Index: i})
		if err != nil || len(strings.TrimSpace(string(html))) == 0 {
			t.Errorf("%s: %q, %v", name, html, err)
		}
	}
	if _, err := render(&markdown.Shortcode{Name: "gibt-es-nicht"}); err == nil || !strings.Contains(err.Error(), "layouts/shortcodes/gibt-es-nicht.html") {
		t.Errorf("a shortcode without a layout: %v", err)
	}
}

// TestFieldKinds: every kind of field the loader accepts has an input.
func TestFieldKinds(t *testing.T) {
	var kinds []string
	for k := range fieldKinds {
		kinds = append(kinds, k)
	}
	if want := slices.Sorted(slices.Values(shortcode.FieldKinds)); !slices.Equal(slices.Sorted(slices.Values(kinds)), want) {
		t.Errorf("kinds of feld with an input: %v, want %v", kinds, want)
	}
}
