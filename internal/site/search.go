package site

import (
	"sort"
	"strings"
	"unicode"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/search"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// SearchURL is the address of the generated search page; its index is
// the script SearchIndex beside it.
const (
	SearchURL   = "/suche/"
	SearchIndex = "/suche/index.js"
)

// SearchData is the search page: for the script, the way back to the site
// root; for everyone, every page title, heading (h2, h3) and glossary
// term from A to Z.
type SearchData struct {
	Root    string // relative way from the search page to the site root: "../"
	Count   int    // entries in the A–Z index
	Letters []Letter
	Groups  []*SearchGroup
}

// SearchGroup holds the A–Z entries of one letter.
type SearchGroup struct {
	Letter  string
	ID      string
	Entries []SearchEntry
}

// SearchEntry is one line of the A–Z index.
type SearchEntry struct {
	Text   string // a page title, heading or term
	Where  string // the page a heading stands on, "Glossar" for terms
	Target string // site-absolute, for PageData.Rel
	// Lang is the language of Text and Where when it is not the
	// handbook's (a translation's title and headings), for lang="…".
	Lang string
	key  string
}

// searchPage returns the search index and the A–Z index of the search
// page.
func (s *site) searchPage(docs, entries []*markdown.Doc) (*search.Index, *SearchData) {
	var idx []search.Doc
	var az []SearchEntry
	for _, d := range docs {
		p := d.Page
		lang := s.otherLang(p)
		az = append(az, SearchEntry{Text: p.Title, Target: p.URL, Lang: lang})
		for _, hd := range d.Headings {
			if hd.Level == 2 || hd.Level == 3 {
				az = append(az, SearchEntry{Text: hd.Text, Where: p.Title, Target: p.URL + "#" + hd.ID, Lang: lang})
			}
		}
		idx = append(idx, s.searchDoc(d))
		if p.Kind != book.KindGlossary {
			continue
		}
		for i, t := range s.h.Glossary {
			title := t.Term
			if t.Abbr != "" && t.Abbr != t.Term {
				title += " (" + t.Abbr + ")"
				az = append(az, SearchEntry{Text: t.Abbr, Where: "Glossar: " + t.Term, Target: p.URL + "#" + t.ID()})
			}
			az = append(az, SearchEntry{Text: title, Where: "Glossar", Target: p.URL + "#" + t.ID()})
			text := []string{t.Short}
			for _, b := range entries[i].TextBlocks() {
				text = append(text, b.Text)
			}
			idx = append(idx, search.Doc{Title: title, URL: strings.TrimPrefix(p.URL, "/"), Kind: "Begriff", Parts: []search.Part{{
				Anchor:  t.ID(),
				Terms:   append([]string{t.Term, t.Abbr}, t.Forms...),
				Text:    strings.Join(append(text, t.Example), " "),
				Snippet: t.Short,
			}}})
		}
	}

	data := &SearchData{Root: relURL(SearchURL, "/"), Count: len(az)}
	for i := range az {
		az[i].key = book.SortKey(strings.TrimLeftFunc(az[i].Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	}
	// Entries that start with no letter from A to Z (a digit, or a
	// title in Arabic letters) come first, in one group "#".
	other := func(key string) bool { return key == "" || key[0] < 'a' || key[0] > 'z' }
	sort.SliceStable(az, func(i, j int) bool {
		a, b := az[i], az[j]
		if oa, ob := other(a.key), other(b.key); oa != ob {
			return oa
		}
		if a.key != b.key {
			return a.key < b.key
		}
		if a.Where != b.Where {
			return book.SortKey(a.Where) < book.SortKey(b.Where)
		}
		return a.Target < b.Target
	})
	var group *SearchGroup
	for _, e := range az {
		letter := "#"
		if !other(e.key) {
			letter = strings.ToUpper(e.key[:1])
		}
		if group == nil || group.Letter != letter {
			group = &SearchGroup{Letter: letter, ID: "az-" + strings.ToLower(letter)}
			if letter == "#" {
				group.ID = "az-andere"
			}
			data.Groups = append(data.Groups, group)
		}
		group.Entries = append(group.Entries, e)
	}
	ids := map[string]string{}
	for _, g := range data.Groups {
		ids[g.Letter] = g.ID
	}
	data.Letters = letters(ids, "Kein Eintrag mit")
	return search.Build(idx), data
}

// otherLang is the language of page p when it is not the handbook's,
// else "".
func (s *site) otherLang(p *book.Page) string {
	if l := p.Lang(s.h.Config.Language); book.Primary(l) != book.Primary(s.h.Config.Language) {
		return l
	}
	return ""
}

// searchDoc is a page as the search index sees it: the text before the
// first heading with the title and description, then one part per
// heading. Labels of form fields count as text of their part, so do the
// items of a checklist.
func (s *site) searchDoc(d *markdown.Doc) search.Doc {
	p := d.Page
	doc := search.Doc{Title: p.Title, URL: strings.TrimPrefix(p.URL, "/"), Lang: s.otherLang(p)}
	switch {
	case d.Uses(func(s *shortcode.Shortcode) bool { return s.Input }):
		doc.Kind = "Formular"
	case p.Kind == book.KindChecklist:
		doc.Kind = "Checkliste"
	}
	intro := search.Part{Title: p.Title, Text: p.Description, Snippet: p.Description}
	if doc.Kind != "" {
		intro.Terms = []string{doc.Kind}
	}
	parts := []search.Part{intro}
	starts := []int{0} // where each part starts in the body
	h := 0
	for _, b := range d.TextBlocks() {
		if b.Level == 0 || h >= len(d.Headings) {
			parts[len(parts)-1].Text += " " + b.Text
			continue
		}
		hd := d.Headings[h]
		h++
		start := starts[len(starts)-1]
		if len(b.Offsets) > 0 {
			start = b.Offsets[0]
		}
		parts = append(parts, search.Part{Anchor: hd.ID, Heading: hd.Text})
		starts = append(starts, start)
	}
	for _, sc := range d.Shortcodes {
		i := sort.SearchInts(starts, sc.Offset+1) - 1
		var text string
		if r, ok := shortcode.Lookup(sc.Name); ok && r.Text != nil {
			text = r.Text(s.h, sc.Args)
		}
		parts[max(i, 0)].Text += " " + text
	}
	if p.Checklist != nil {
		parts[0].Text += " " + shortcode.ChecklistText(p.Checklist)
	}
	doc.Parts = parts
	return doc
}
