package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// TestNavigationOfLargeSection: in a section of 2,000 pages the
// navigation of a page lists the pages around it and a link to the
// section's list of all, not all 2,000 pages on every page.
func TestNavigationOfLargeSection(t *testing.T) {
	home := &book.Page{Kind: book.KindHome, Title: "Start", URL: "/"}
	sec := &book.Page{Kind: book.KindSection, Title: "Abschnitt", URL: "/abschnitt/", Parent: home}
	home.Children = []*book.Page{sec}
	h := &book.Handbook{Home: home, Pages: []*book.Page{home, sec}, Config: book.Config{Title: "Test"}}
	for i := range 2000 {
		p := &book.Page{Kind: book.KindPage, Title: fmt.Sprintf("Kapitel %d", i), URL: fmt.Sprintf("/abschnitt/kapitel-%d/", i), Parent: sec}
		sec.Children = append(sec.Children, p)
		h.Pages = append(h.Pages, p)
	}
	s := newSite(h)
	links := func(items []*NavItem) (n int, titles []string) {
		var walk func([]*NavItem)
		walk = func(items []*NavItem) {
			for _, it := range items {
				n++
				titles = append(titles, it.Title)
				walk(it.Children)
			}
		}
		walk(items)
		return n, titles
	}
	total := 0
	for _, p := range h.Pages {
		n, titles := links(s.nav(&PageData{Page: p, url: p.URL}))
		total += n
		// Start, the section, 21 pages around the way, the link to all.
		if n > 24 {
			t.Fatalf("the navigation of %s has %d links", p.URL, n)
		}
		if p.Kind == book.KindPage && !strings.Contains(strings.Join(titles, "|"), "|"+p.Title+"|") {
			t.Errorf("the navigation of %s lacks the page itself: %v", p.URL, titles)
		}
		if p != home && titles[len(titles)-1] != "Alle 2000 Seiten in „Abschnitt“" {
			t.Errorf("the navigation of %s lacks the link to all pages: %v", p.URL, titles)
		}
	}
	mid := sec.Children[1000]
	_, titles := links(s.nav(&PageData{Page: mid, url: mid.URL}))
	if got := strings.Join(titles, "|"); !strings.Contains(got, "|Kapitel 990|") || !strings.Contains(got, "|Kapitel 1010|") || strings.Contains(got, "|Kapitel 989|") {
		t.Errorf("the navigation of Kapitel 1000 does not show the pages around it: %v", titles)
	}
	t.Logf("%d links in the navigation of all %d pages", total, len(h.Pages))
}
