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
	render := tl.renderer("", func(s string) string { return s }, 0)
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
		s := shortcode.All[name]
		var args []string
		for i := range s.Min {
			arg := "probe"
			if s.Values != nil && i == s.ValuesAt {
				arg = s.Values[0] // a limited argument, such as the key of org
			}
			args = append(args, arg)
		}
		html, err := render(&markdown.Shortcode{Name: name, Args: args, Index: i})
		if s.Editors {
			// A note to the editors is never on a reader's page.
			if err != nil || len(html) != 0 {
				t.Errorf("%s: %q, %v", name, html, err)
			}
			continue
		}
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

// TestOrgOnScreen: a value of the organisation settings is shown with
// its link (tel:, mailto:, the website) and an address keeps its lines;
// an empty one is the marked note of an open slot.
func TestOrgOnScreen(t *testing.T) {
	h := &book.Handbook{Config: book.Config{Org: book.Organisation{
		Party: book.Party{Name: "Muster & Söhne e. V.", Address: "Musterstraße 1\n\n 12345 Musterstadt ", Phone: "+49 30 1234567-0", Email: "info@example.org", Website: "https://www.example.org/"},
	}}}
	tpls, err := NewLayouts(nil, handbuch.Layouts()).templates("page.html")
	if err != nil {
		t.Fatal(err)
	}
	render := tools{s: newSite(h), tpl: tpls["page.html"]}.renderer("", func(s string) string { return s }, 0)
	for key, want := range map[string]string{
		"name":             `<p class="org">Muster &amp; Söhne e. V.</p>`,
		"address":          `<p class="org">Musterstraße 1<br>12345 Musterstadt</p>`,
		"phone":            `<p class="org">Telefon: <a href="tel:&#43;493012345670">&#43;49 30 1234567-0</a></p>`,
		"email":            `<p class="org">E-Mail: <a href="mailto:info@example.org">info@example.org</a></p>`,
		"website":          `<p class="org">Internet: <a href="https://www.example.org/">https://www.example.org/</a></p>`,
		"aufsicht.website": `<div class="hinweis hinweis-offen" role="note" id="w1">` + "\n" + `<p><strong>Noch offen:</strong> Website der Datenschutz-Aufsichtsbehörde</p>` + "\n</div>",
	} {
		html, err := render(&markdown.Shortcode{Name: "org", Args: []string{key}})
		if err != nil || strings.TrimSpace(string(html)) != want {
			t.Errorf("%s:\ngot  %s\nwant %s (%v)", key, html, want, err)
		}
	}
}
