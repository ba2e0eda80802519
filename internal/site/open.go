package site

import (
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// OpenURL is the address of the editors' list of what is still open:
// the open slots with their questions, and the notes to the editors.
// Readers see only "Noch offen" at a slot and nothing of a note; the
// intranet has this page in the editors' area, a public build never.
const OpenURL = "/offene-stellen/"

// OpenData is what the list of open slots shows: per page, in reading
// order, what the organisation still fills in or decides and the notes
// to the editors.
type OpenData struct {
	Slots, Notes int
	Pages        []OpenPage
	// Statement is what the accessibility statement still lacks.
	Statement []OpenItem
}

// OpenPage is a page with open slots or notes.
type OpenPage struct {
	Title string
	Href  string // "" for a data file
	File  string
	Items []OpenItem
}

// OpenItem is one open slot or one note.
type OpenItem struct {
	Note bool   // a note to the editors ({{< redaktion >}}), else an open slot
	Text string // the question, the missing setting or the note
	Fill string // how to fill the slot in, a German sentence; "" for a note
	Href string // the place on the page; "" for a note, which is not shown there, and in a data file
	Line int    // in the page's file
}

// openData collects the open slots and the notes of every page, the
// placeholders of the contacts and the gaps of the statement.
func (s *site) openData() *PageData {
	p := &book.Page{Title: "Offene Stellen und Hinweise für die Redaktion", URL: OpenURL, Audience: book.AudienceEditors,
		Description: "Was die Organisation noch ausfüllen oder entscheiden muss, und die Hinweise für die Redaktion, Seite für Seite."}
	d := s.pageData(p, "")
	d.Title = p.Title + " – " + s.h.Config.Title
	open := &OpenData{}
	for _, doc := range s.b.Docs {
		var items []OpenItem
		for _, sc := range doc.Shortcodes {
			r, ok := shortcode.Lookup(sc.Name)
			if !ok {
				continue
			}
			line := doc.ShortcodePos(sc).Line
			switch {
			case r.Editors:
				items = append(items, OpenItem{Note: true, Text: shortcode.Arg(sc.Args, 0), Line: line})
				open.Notes++
			case r.Slot != nil:
				if what, fill := r.Slot(s.h, sc.Args); what != "" {
					items = append(items, OpenItem{Text: what, Fill: fill + ".", Href: d.Rel(doc.Page.URL) + "#" + markdown.ShortcodeID("", sc.Index), Line: line})
					open.Slots++
				}
			}
		}
		if items != nil {
			open.Pages = append(open.Pages, OpenPage{Title: doc.Page.Title, Href: d.Rel(doc.Page.URL), File: doc.Page.File, Items: items})
		}
	}
	// The placeholders of the contacts, which stand in a data file.
	contacts := OpenPage{Title: "Ansprechpersonen"}
	for _, c := range s.h.Contacts {
		for _, p := range c.Open {
			what, fill := shortcode.ContactSlot(c, p)
			contacts.File = p.Pos.File
			contacts.Items = append(contacts.Items, OpenItem{Text: what, Fill: fill + ".", Line: p.Pos.Line})
			open.Slots++
		}
	}
	if contacts.Items != nil {
		open.Pages = append(open.Pages, contacts)
	}
	// The statement's gaps are no slots of a page: the statement is a
	// draft until they are filled, which the public build requires.
	for _, g := range StatementGaps(s.h) {
		open.Statement = append(open.Statement, OpenItem{Text: g.What, Fill: g.Fill + "."})
	}
	d.Open = open
	return d
}
