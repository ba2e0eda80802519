package pdf

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// Keeping things together. What must not be split by a page break (a
// heading with the start of what follows it, a form's declaration with
// its signature lines, a checklist's sign-off) is first drawn in a
// scratch writer whose page never ends, to learn its height, and then
// for real where it fits whole. Drawing twice costs only what is kept.

// scratchPage is the height of the scratch writer's page in mm: more
// than anything that is kept, so that nothing there breaks a page.
const scratchPage = 20000.0

// measure returns the height draw takes in a writer of the same format
// whose page never ends. The scratch writer shares the handbook, the
// glyph coverage, the widths cache and the settings that change layout
// with w; what it records (tags, links, anchors, errors) is thrown away.
func (w *writer) measure(draw func(v *writer)) float64 {
	v := w.scratch()
	y := v.f.GetY()
	draw(v)
	return v.f.GetY() - y
}

// keep draws draw on one page: on the next one when it does not fit in
// what is left of this one. What is taller than a page is drawn where
// it starts, with page breaks.
func (w *writer) keep(draw func(v *writer)) {
	if h := w.measure(draw); h <= w.ph-bottom-top {
		w.ensure(h)
	}
	draw(w)
}

func (w *writer) scratch() *writer {
	s := w.scratchW
	if s == nil {
		f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: w.pw, Ht: scratchPage}})
		f.SetAutoPageBreak(false, 0)
		f.AddPage()
		s = &writer{f: f}
		w.scratchW = s
	}
	// What was drawn to measure is not needed any more: one page serves
	// every measurement.
	fpdfPages(s.f)[s.f.PageNo()].Reset()
	s.font, s.color, s.txt = w.font, w.color, textObj{}
	s.f.SetXY(w.f.GetX(), top)
	// What changes layout comes from w, fresh on every use.
	s.pw, s.ph, s.margin, s.body = w.pw, scratchPage, w.margin, w.body
	s.h, s.glyphs, s.noHyphens, s.standalone, s.page = w.h, w.glyphs, w.noHyphens, w.standalone, w.page
	s.sh, s.sizer = w.sh, w.measurer()
	s.errs = nil
	s.tags = tags{root: &node{role: "Document"}, anchors: map[string]place{}}
	s.cur = s.root
	return s
}

// heading draws a heading of a page's Markdown as H1–H6, one level
// deeper per depth, with its anchor and bookmark.
func (w *writer) heading(d *markdown.Doc, h *ast.Heading, x, width float64, depth int) {
	level := min(h.Level+depth-1, 6)
	size := headingSizes[level]
	w.f.SetY(w.f.GetY() + 2)
	if id, ok := h.AttributeString("id"); ok {
		w.anchorHere(book.Anchor(d.Page.URL) + "--" + string(id.([]byte)))
	}
	w.bookmark(clean(markdown.PlainText(h, d.Page.Body)), level-1)
	w.tagged(fmt.Sprintf("H%d", level), func() {
		w.flow(w.inline(d, h, "B"), x, width, size, blockPos(d, h))
	})
	w.f.SetY(w.f.GetY() + 1)
}

// headingNeed is the room a heading needs on its page: itself and the
// start of what follows it, at most three lines of body text (a paragraph
// of more leaves two lines, see flow; one of one line keeps the first
// line of the next block), or a whole short block; a heading followed by
// a heading needs that one's room too. Where the page has
// room for three lines more, what follows is not measured: the answer
// would not move the heading.
func (w *writer) headingNeed(d *markdown.Doc, h *ast.Heading, x, width float64, depth int) float64 {
	return w.headingRoom(d, h, x, width, depth, w.ph-bottom-w.f.GetY())
}

func (w *writer) headingRoom(d *markdown.Doc, h *ast.Heading, x, width float64, depth int, room float64) float64 {
	need := w.measure(func(v *writer) { v.heading(d, h, x, width, depth) })
	next := h.NextSibling()
	for next != nil && unseen(next) {
		next = next.NextSibling()
	}
	if next == nil {
		return need
	}
	if nh, ok := next.(*ast.Heading); ok {
		return need + w.headingRoom(d, nh, x, width, depth, room-need)
	}
	lh := w.body * lineFactor * ptToMM
	if most := need + 3*lh + 2.5; most <= room {
		return most
	}
	if n := w.footLines(d, next, width); n > 1 {
		return need + float64(n)*lh + 2.5
	} else if n == 1 {
		// A paragraph of one line keeps the start of what follows it
		// too: a heading is never followed by just one line.
		if after := next.NextSibling(); after != nil && !unseen(after) {
			return need + 2*lh + 5
		}
		return need + lh + 2.5
	}
	return need + min(2*lh+2.5, w.measure(func(v *writer) { v.block(d, next, x, width, depth) }))
}

// unseen reports whether n draws nothing on paper: a note to the
// editors. What a heading keeps with it is what follows such a note.
func unseen(n ast.Node) bool {
	s, ok := n.(*markdown.Shortcode)
	if !ok {
		return false
	}
	r, ok := shortcode.Lookup(s.Name)
	return ok && r.Editors
}

// footLines is how many lines of paragraph n flow puts at least at a
// page's foot: all of two or three, two of more (see pageSplit). It is 0
// when n is no paragraph of text. The lines are counted, not drawn.
func (w *writer) footLines(d *markdown.Doc, n ast.Node, width float64) int {
	if _, ok := d.FigureOf(n); ok {
		return 0
	}
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
	default:
		return 0
	}
	v := w.scratch()
	spans, _ := v.prepare(v.inline(d, n, ""), book.Pos{})
	lines, _ := v.wrap(spans, w.body, width, false)
	if len(lines) > 3 {
		return 2
	}
	return len(lines)
}

// itemNeed is the room a list item needs at a page's foot: its marker
// never stands there without the start of its text.
func (w *writer) itemNeed(d *markdown.Doc, it ast.Node, width float64) float64 {
	lh := w.body * lineFactor * ptToMM
	if 3*lh <= w.ph-bottom-w.f.GetY() {
		return 3 * lh
	}
	if n := w.footLines(d, it.FirstChild(), width); n > 0 {
		return float64(n) * lh
	}
	return lh
}

// linesHere is how many lines of height lh fit between y and the foot of
// the page.
func (w *writer) linesHere(lh float64) int {
	return int((w.ph - bottom - w.f.GetY() + 1e-6) / lh)
}

// pageSplit is how many of n lines to draw on a page that has room for
// room more: all that fit, but never one alone at the page's foot (an
// orphan) nor one alone at the next page's top (a widow). A paragraph of
// two or three lines moves whole.
func pageSplit(n, room int) int {
	if n <= room {
		return n
	}
	k := room
	if n-k == 1 {
		k-- // leave two for the next page
	}
	if k < 2 {
		return 0
	}
	return k
}
