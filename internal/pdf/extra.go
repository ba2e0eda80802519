package pdf

import (
	"net/url"
	"strings"

	"rsc.io/qr"

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
	return single(h, pf, d.Page.Title, func(w *writer) {
		w.chapter(d)
	})
}

// Checklist renders a checklist as its own A4 PDF, with drawn tick boxes,
// help texts and "Geprüft von / am / Unterschrift".
func Checklist(h *book.Handbook, c *book.Checklist) ([]byte, error) {
	return single(h, a4, c.Title, func(w *writer) {
		w.runningTitle = c.Title
		w.f.AddPage()
		w.f.SetXY(w.margin, top)
		w.bookmark(c.Title, 0)
		w.flowSized("H1", []span{{text: c.Title, style: "B"}}, 20, book.Pos{File: c.File, Line: 1, Col: 1})
		w.f.SetY(w.f.GetY() + 3)
		w.checklist(c, w.margin, w.pw-2*w.margin, 2)
	})
}

// Flyer renders a page as an A5 flyer for clients: 14 pt and more, no
// hyphenation (a word that does not fit is an error), the organisation's
// contact, and a QR code with the page's address when base_url is a full
// address.
func Flyer(h *book.Handbook, d *markdown.Doc) ([]byte, error) {
	return single(h, a5, d.Page.Title, func(w *writer) {
		w.noHyphens = true
		w.chapter(d)
		w.flyerEnd(d.Page)
	})
}

// single renders a PDF without cover and contents.
func single(h *book.Handbook, pf format, title string, draw func(*writer)) ([]byte, error) {
	w, err := newWriter(h, pf)
	if err != nil {
		return nil, err
	}
	defer w.done.wait()
	w.f.SetTitle(title, true)
	w.standalone = true
	w.inBody = true
	draw(w)
	if err := w.errs.Err(); err != nil {
		return nil, err
	}
	return w.output(title)
}

// flyerEnd adds whom to ask, the organisation with its phone, e-mail
// and website (each an open slot while it is empty) and, with a full
// base URL, a QR code of the page's address.
func (w *writer) flyerEnd(p *book.Page) {
	width := w.pw - 2*w.margin
	if w.h.Logo != nil {
		w.ensure(78)
	} else {
		w.ensure(60)
	}
	w.f.SetY(w.f.GetY() + 4)
	w.artifact()
	w.f.SetDrawColor(linkR, linkG, linkB)
	w.f.SetLineWidth(0.6)
	w.f.Line(w.margin, w.f.GetY(), w.pw-w.margin, w.f.GetY())
	w.f.SetLineWidth(0.2)
	w.f.SetY(w.f.GetY() + 3)
	pos := book.Pos{File: p.File, Line: 1, Col: 1}
	if ht := w.logo(w.margin, w.f.GetY(), 40, 15, pos); ht > 0 {
		w.f.SetY(w.f.GetY() + ht + 3)
	}
	ask := []span{{text: "Fragen? ", style: "B"}, {text: "Sprechen Sie uns an."}}
	w.para(ask, w.margin, width, w.body, pos)
	for _, c := range w.h.Contacts {
		if !c.Footer && !c.Clients {
			continue
		}
		line := []span{{text: c.Role, style: "B"}}
		if c.Phone != "" {
			line = append(line, span{text: ": Telefon " + c.Phone})
		}
		w.para(line, w.margin, width, w.body, pos)
	}
	if len(w.h.Contacts) == 0 && w.h.Config.Contact != "" {
		w.para([]span{{text: "E-Mail: " + w.h.Config.Contact}}, w.margin, width, w.body, pos)
	}
	for _, key := range []string{"name", "phone", "email", "website"} {
		w.orgValue(key, w.margin, width, pos)
	}
	u, err := url.Parse(w.h.Config.BaseURL)
	if err != nil || u.Scheme == "" {
		return
	}
	addr := strings.TrimSuffix(w.h.Config.BaseURL, "/") + p.URL
	code, err := qr.Encode(addr, qr.M)
	if err != nil {
		return
	}
	side := 30.0
	w.ensure(side + 12)
	x, y := w.margin, w.f.GetY()+3
	cell := side / float64(code.Size)
	w.figure("QR-Code mit der Adresse dieser Seite im Internet: "+addr, x, y, side, side, func() {
		w.f.SetFillColor(0, 0, 0)
		for row := 0; row < code.Size; row++ {
			for col := 0; col < code.Size; col++ {
				if code.Black(col, row) {
					w.f.Rect(x+float64(col)*cell, y+float64(row)*cell, cell, cell, "F")
				}
			}
		}
	})
	w.f.SetXY(x+side+4, y)
	w.para([]span{{text: "Diese Seite im Internet: " + addr}}, x+side+4, width-side-4, w.body-2, pos)
	w.f.SetY(y + side + 2)
}
