package pdf

import (
	"math"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"rsc.io/qr"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// The flyer is one A5 sheet printed on both sides. The front has the
// logo, a title panel and the start of the page's text; the back the
// rest of it and, at its foot, whom to ask, the organisation and the
// page's address with a QR code. The page's text is the flyer's text:
// its paragraphs and lists are the key messages, each "##" heading
// starts a panel. Blocks are measured first and placed whole, so no
// sentence is cut by the turn of the sheet; what does not fit both
// sides is an error that says how much to cut.

const (
	flyerTop   = 12.0 // the flyer has no running header
	flyerFoot  = 12.0 // nor a footer: the foot of the back goes down to here
	flyerTitle = 24.0 // type size of the title, in pt
	flyerHead  = 16.0 // of the panels' headings and the question on the back
	flyerSmall = 11.0 // of notes to the organisation (status, open slots)
)

// flyer draws page d as a flyer of exactly two pages.
func (w *writer) flyer(d *markdown.Doc) {
	p := d.Page
	w.inBody = false // no running header and footer on a flyer
	w.runningTitle = p.Title
	w.page = book.Anchor(p.URL)
	pos := book.Pos{File: p.File, Line: 1, Col: 1}
	x, width := w.margin, w.pw-2*w.margin

	w.f.AddPage()
	w.f.SetXY(x, flyerTop)
	w.open("Sect")
	defer w.close()
	w.anchorHere(w.page)
	w.bookmark(p.Title, 0)
	if ht := w.logo(x, flyerTop, 45, 16, pos); ht > 0 {
		w.f.SetY(flyerTop + ht + 5)
	}
	w.flyerTitle(p.Title, x, width, pos)
	if note, ok := w.statusSpans(p); ok {
		w.para(note, x, width, flyerSmall, pos)
		w.f.SetY(w.f.GetY() + 3)
	}

	// The key messages, placed whole on the front or the back.
	var blocks []ast.Node
	var heights []float64
	for c := d.Root().FirstChild(); c != nil; c = c.NextSibling() {
		blocks = append(blocks, c)
		heights = append(heights, w.measure(func(v *writer) { v.flyerBlock(d, c, x, width) }))
	}
	back := w.measure(func(v *writer) { v.flyerBack(p) })
	// Every block ends with at least 1 mm of space, which may hang
	// below a side's last line.
	room := [2]float64{w.ph - bottom - w.f.GetY() + 1, w.ph - flyerFoot - back - 6 - flyerTop + 1}
	split, over, at := flyerSplit(blocks, heights, room)
	if over > 0 {
		lines := int(math.Ceil(over / (w.body * lineFactor * ptToMM)))
		_ = at
		w.errf(blockPos(d, blocks[at]), "der Text des Faltblatts ist etwa %d %s zu lang für zwei A5-Seiten (ab hier passt er nicht mehr). Kürzen Sie ihn um etwa %d Wörter: Lassen Sie Einzelheiten weg, die auf anderen Seiten stehen, oder streichen Sie einen Abschnitt.", lines, plural(lines, "Zeile", "Zeilen"), lines*6)
		return
	}
	for i, c := range blocks {
		if i == split {
			w.f.AddPage()
			w.f.SetXY(x, flyerTop)
		}
		w.flyerBlock(d, c, x, width)
	}
	if split == len(blocks) {
		w.f.AddPage()
	}
	w.f.SetXY(x, w.ph-flyerFoot-back)
	w.flyerBack(p)
}

// flyerSplit chooses where the back starts: blocks[:split] go on the
// front, the rest on the back, each side within its room. A heading
// stays with what follows it; a panel moves whole to the back when
// that fits, else it is divided between blocks. over is how much is
// left over at the best split, and at the block where it starts.
func flyerSplit(blocks []ast.Node, heights []float64, room [2]float64) (split int, over float64, at int) {
	heading := func(i int) bool {
		_, ok := blocks[i].(*ast.Heading)
		return ok
	}
	sum := func(from, to int) (s float64) {
		for _, h := range heights[from:to] {
			s += h
		}
		return s
	}
	n := len(blocks)
	// The most the front holds, not ending with a heading.
	most := 0
	for most < n && sum(0, most+1) <= room[0] {
		most++
	}
	for most > 0 && most < n && heading(most-1) {
		most--
	}
	best := -1
	for s := most; s >= 0; s-- {
		if s > 0 && s < n && heading(s-1) {
			continue
		}
		if sum(s, n) > room[1] {
			break // fewer on the front leaves more for the back
		}
		if s == n || heading(s) {
			best = s // a panel boundary: take it
			break
		}
		if best < 0 {
			best = s
		}
	}
	if best >= 0 {
		return best, 0, 0
	}
	// Too long: from the fullest front, where the back overflows.
	used := 0.0
	at = n - 1
	for i := most; i < n; i++ {
		used += heights[i]
		if used > room[1] {
			at = i
			break
		}
	}
	return most, sum(most, n) - room[1], at
}

// flyerTitle draws the title panel: the title large, on a pale ground
// with a bar in the accent colour.
func (w *writer) flyerTitle(title string, x, width float64, pos book.Pos) {
	const pad = 5.0
	size := flyerTitle
	for _, word := range strings.Fields(title) {
		for size > 16 && w.textWidth(word, "B", size) > width-2*pad-3 {
			size -= 2
		}
	}
	spans := []span{{text: title, style: "B"}}
	draw := func(v *writer) {
		v.tagged("H1", func() { v.flow(spans, x+pad+3, width-2*pad-3, size, pos) })
	}
	ht := w.measure(draw) + 2*pad
	y := w.f.GetY()
	w.artifact()
	w.setFill(0xee, 0xf3, 0xf8)
	w.f.Rect(x, y, width, ht, "F")
	w.setFill(linkR, linkG, linkB)
	w.f.Rect(x, y, 3, ht, "F")
	w.f.SetXY(x+pad+3, y+pad)
	w.color = [3]uint8{linkR, linkG, linkB}
	draw(w)
	w.color = [3]uint8{textR, textG, textB}
	w.f.SetXY(x, y+ht+5)
}

// flyerBlock draws one block of the flyer's text: a heading as the
// head of a panel, anything else as in the handbook.
func (w *writer) flyerBlock(d *markdown.Doc, c ast.Node, x, width float64) {
	if s, ok := c.(*markdown.Shortcode); ok && s.Name == "eintragen" {
		// A note to the organisation, not to the reader: small.
		defer func(b float64) { w.body = b }(w.body)
		w.body = flyerSmall
	}
	h, ok := c.(*ast.Heading)
	if !ok {
		w.block(d, c, x, width, 1)
		return
	}
	w.f.SetY(w.f.GetY() + 3)
	w.artifact()
	w.setFill(linkR, linkG, linkB)
	w.f.Rect(x, w.f.GetY()+1, 12, 1.2, "F")
	w.f.SetY(w.f.GetY() + 2)
	w.color = [3]uint8{linkR, linkG, linkB}
	w.heading(d, h, x, width, 1)
	w.color = [3]uint8{textR, textG, textB}
}

// flyerBack draws the foot of the back: whom to ask with phone and
// e-mail, the organisation, and with a full base URL the page's address
// with a QR code beside the contacts.
func (w *writer) flyerBack(p *book.Page) {
	x, width := w.margin, w.pw-2*w.margin
	pos := book.Pos{File: p.File, Line: 1, Col: 1}
	w.artifact()
	w.f.SetDrawColor(linkR, linkG, linkB)
	w.f.SetLineWidth(0.6)
	w.f.Line(x, w.f.GetY(), x+width, w.f.GetY())
	w.f.SetLineWidth(0.2)
	w.f.SetY(w.f.GetY() + 3)
	w.flyerPara([]span{{text: "Fragen? Sprechen Sie uns an.", style: "B"}}, x, width, flyerHead, pos)
	w.f.SetY(w.f.GetY() + 1)

	addr := w.flyerAddress(p)
	const side = 30.0
	col := width
	if addr != "" {
		col = width - side - 5
	}
	top := w.f.GetY()
	for _, c := range w.h.Contacts {
		// "uns": the organisation's own contacts for clients; other
		// offices (an ombudsman, the authority) are on the client pages.
		if !c.Internal || !c.Footer && !c.Clients {
			continue
		}
		w.flyerPara([]span{{text: c.Role, style: "B"}}, x, col, w.body, pos)
		// Each number and address on a line of its own, its spaces
		// unbreakable: a number is never divided.
		if c.Phone != "" {
			w.flyerPara([]span{{text: "Telefon:\u00a0"}, {text: noBreak(c.Phone), link: urlpolicy.Tel(c.Phone)}}, x, col, w.body, pos)
		}
		if c.Email != "" {
			w.flyerPara([]span{{text: "E-Mail:\u00a0"}, {text: c.Email, link: urlpolicy.Mailto(c.Email, "")}}, x, col, w.body, pos)
		}
		w.f.SetY(w.f.GetY() + 1.5)
	}
	if len(w.h.Contacts) == 0 && w.h.Config.Contact != "" {
		w.flyerPara([]span{{text: "E-Mail:\u00a0"}, {text: w.h.Config.Contact, link: urlpolicy.Mailto(w.h.Config.Contact, "")}}, x, col, w.body, pos)
	}
	if addr != "" {
		w.f.SetY(max(w.f.GetY(), top+side+2))
	}
	w.flyerOrg(x, width, pos)
	if addr != "" {
		// Drawn here, beside the contacts, to be read with the address.
		w.flyerQR(addr, x+width-side, top, side)
		w.flyerPara([]span{{text: "Diese Seite im Internet: ", style: "B"}, {text: addr, link: addr}}, x, width, flyerSmall+1, pos)
	}
}

// flyerQR draws a QR code of addr at (x, y), side mm wide, as a figure.
func (w *writer) flyerQR(addr string, x, y, side float64) {
	code, err := qr.Encode(addr, qr.M)
	if err != nil {
		return
	}
	cell := side / float64(code.Size)
	w.figure("QR-Code mit der Adresse dieser Seite im Internet: "+addr, x, y, side, side, func() {
		w.setFill(0, 0, 0)
		for row := 0; row < code.Size; row++ {
			for col := 0; col < code.Size; col++ {
				if code.Black(col, row) {
					w.f.Rect(x+float64(col)*cell, y+float64(row)*cell, cell, cell, "F")
				}
			}
		}
	})
}

// flyerOrg draws the organisation's name, phone, e-mail and website; the
// ones still empty in one small note, not one large slot each.
func (w *writer) flyerOrg(x, width float64, pos book.Pos) {
	var open []string
	for _, key := range []string{"name", "phone", "email", "website"} {
		v := w.h.Config.Org.Value(key)
		f, _ := book.LookupOrgField(key)
		if v == "" {
			open = append(open, strings.TrimSuffix(f.Label, " der Organisation"))
			continue
		}
		spans := orgSpans(f.Kind, v)
		switch f.Kind {
		case book.OrgPhone:
			spans[0].text = "Telefon:\u00a0"
			spans[1].text = noBreak(v)
		case book.OrgEmail:
			spans[0].text = "E-Mail:\u00a0"
		case book.OrgWebsite:
			spans[0].text = "Internet:\u00a0"
		default:
			spans[0].style = "B"
		}
		w.flyerPara(spans, x, width, w.body, pos)
	}
	if len(open) > 0 {
		// What is still missing, small, framed as every open slot;
		// where to enter it is for the editors.
		y := w.f.GetY() + 1
		w.f.SetY(y + 2)
		w.flyerPara([]span{{text: shortcode.OpenTitle + ": ", style: "B"}, {text: listWords(open) + " der Organisation"}}, x+3, width-6, flyerSmall, pos)
		w.artifact()
		w.f.SetDrawColor(0x8a, 0x4b, 0x00)
		w.f.SetLineWidth(0.6)
		w.f.Rect(x, y, width, w.f.GetY()+1-y, "D")
		w.f.SetLineWidth(0.2)
		w.f.SetY(w.f.GetY() + 3)
	}
}

// flyerPara draws a paragraph where it is, without a page break: the
// foot of the back is placed by measuring it, below the last line that
// running text may take on other pages.
func (w *writer) flyerPara(spans []span, x, width, size float64, pos book.Pos) {
	w.tagged("P", func() {
		spans, ls := w.prepare(spans, pos)
		lh := size * lineFactor * ptToMM
		for _, l := range w.breakLines(spans, size, width, pos) {
			y := w.f.GetY()
			w.drawLine(l, x, y, size, lh, ls)
			w.f.SetXY(x, y+lh)
		}
		w.endText()
	})
}

// flyerAddress is the web address of page p, or "" when base_url is
// not a full address.
func (w *writer) flyerAddress(p *book.Page) string {
	u, err := url.Parse(w.h.Config.BaseURL)
	if err != nil || u.Scheme == "" {
		return ""
	}
	return strings.TrimSuffix(w.h.Config.BaseURL, "/") + p.URL
}

// noBreak is s with its spaces unbreakable.
func noBreak(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }

// listWords joins words as German lists them: "a, b und c".
func listWords(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " und " + words[len(words)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
