package pdf

import (
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
)

// Page renders one page of the handbook as its own A4 PDF: the forms
// (consent, project application) that are printed and signed. Links to
// other pages become plain text, since they have no target here. A page
// in Einfache Sprache is set larger, in shorter lines.
func Page(h *book.Handbook, d *markdown.Doc) ([]byte, error) {
	pf := a4
	if d.Page.Plain {
		pf = a4Plain
	}
	return single(h, pf, d.Page.Title, d.Page.Lang(h.Config.Language), func(w *writer) {
		w.chapter(d)
	})
}

// Checklist renders a checklist as its own A4 PDF, with drawn tick boxes,
// help texts and "Geprüft von / am / Unterschrift".
func Checklist(h *book.Handbook, c *book.Checklist) ([]byte, error) {
	return single(h, a4, c.Title, h.Config.Language, func(w *writer) {
		w.runningTitle = c.Title
		w.f.AddPage()
		w.f.SetXY(w.margin, top)
		w.bookmark(c.Title, 0)
		w.flowSized("H1", []span{{text: c.Title, style: "B"}}, 20, book.Pos{File: c.File, Line: 1, Col: 1})
		w.f.SetY(w.f.GetY() + 3)
		w.checklist(c, w.margin, w.pw-2*w.margin, 2)
	})
}

// Flyer renders a page as a flyer for clients: one A5 sheet, front and
// back (see flyer.go), 14 pt and more, no hyphenation (a word that does
// not fit is an error), whom to ask, the organisation, and a QR code with
// the page's address when base_url is a full address. A text too long
// for the two pages is an error that says how much to cut.
func Flyer(h *book.Handbook, d *markdown.Doc) ([]byte, error) {
	return single(h, a5, d.Page.Title, d.Page.Lang(h.Config.Language), func(w *writer) {
		w.noHyphens = true
		w.flyer(d)
	})
}

// single renders a PDF without cover and contents, in language lang.
func single(h *book.Handbook, pf format, title, lang string, draw func(*writer)) ([]byte, error) {
	w, err := newWriter(h, pf)
	if err != nil {
		return nil, err
	}
	defer w.done.wait()
	w.f.SetTitle(title, true)
	w.lang = lang
	w.f.SetLang(langTag(lang))
	w.standalone = true
	w.inBody = true
	draw(w)
	if err := w.errs.Err(); err != nil {
		return nil, err
	}
	return w.output(title)
}
