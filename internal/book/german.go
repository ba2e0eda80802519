package book

import (
	"fmt"
	"strings"
	"time"
)

var germanMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// Month is the German name of the month of t: "September".
func Month(t time.Time) string { return germanMonths[t.Month()-1] }

// Date formats t the German way: "15. September 2026".
func Date(t time.Time) string { return fmt.Sprintf("%d. %s %d", t.Day(), Month(t), t.Year()) }

// Word is the light as the pages name it: "Grün", "Gelb", "Rot".
func (l Light) Word() string {
	switch l {
	case Red:
		return "Rot"
	case Yellow:
		return "Gelb"
	}
	return "Grün"
}

// Anchor is the id of a page inside the print view and the handbook PDF,
// where all pages are one document: "s_leitlinien_praeambel", and
// "startseite" for the start page.
func Anchor(url string) string {
	if url == "/" {
		return "startseite"
	}
	return "s_" + strings.ReplaceAll(strings.Trim(url, "/"), "/", "_")
}

// PageAt returns the page with the site-absolute URL (a #fragment is
// ignored), or nil.
func (h *Handbook) PageAt(url string) *Page {
	u, _, _ := strings.Cut(url, "#")
	for _, p := range h.Pages {
		if p.URL == u {
			return p
		}
	}
	return nil
}
