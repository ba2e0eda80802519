package pdf

import (
	"github.com/yuin/goldmark/ast"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// Forms on paper. A field is its label, read once, and lines to write
// on, which are decoration once the label is there (artifacts). What
// belongs together is kept on one page: a field's label with its lines,
// a declaration with the fields and the signature that close it, a
// checklist's sign-off. The part of a form only for the organisation
// starts on a sheet of its own, so that the client's sheets are complete
// without it.

// writingGap is the distance between two lines to write on by hand.
const writingGap = 9.0

// field draws a fill-in field: its label in bold, then lines lines to
// write on, all on one page.
func (w *writer) field(label string, lines int, x, width float64, pos book.Pos) {
	w.keep(func(v *writer) {
		v.para([]span{{text: label, style: "B"}}, x, width, v.body-1, pos)
		y := v.f.GetY() + 6
		for i := range lines {
			v.writeLine(x, y+float64(i)*writingGap, x+width)
		}
		v.f.SetY(y + float64(lines-1)*writingGap + 3)
	})
}

// signature draws the lines for place and date and for the signature,
// each with its label below it, on one page.
func (w *writer) signature(label string, x, width float64, pos book.Pos) {
	who := "Unterschrift"
	if label != "" {
		who += ": " + label
	}
	w.keep(func(v *writer) {
		y := v.f.GetY() + 14
		for _, f := range []struct {
			text   string
			x0, x1 float64
		}{{"Ort, Datum", x, x + width*0.4}, {who, x + width*0.5, x + width}} {
			v.writeLine(f.x0, y, f.x1)
			v.tagged("P", func() {
				v.content()
				v.setFont("", 9.5)
				v.f.SetXY(f.x0, y+1)
				v.cellText(f.x1-f.x0, 5, v.fit(f.text, f.x1-f.x0, 9.5), "L")
			})
		}
		v.f.SetXY(x, y+8)
	})
}

// signedRun returns the last node of the run of blocks from c that a
// form's signature closes: headings, up to two paragraphs or lists (the
// declaration), fields and boxes, then an unterschrift shortcode. It
// returns nil when no signature closes what starts at c.
func signedRun(c ast.Node) ast.Node {
	texts := 0
	for n := c; n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if texts > 0 {
				return nil
			}
		case *ast.Paragraph, *ast.List:
			if texts++; texts > 2 {
				return nil
			}
		case *markdown.Shortcode:
			switch n.Name {
			case "unterschrift":
				if n == c {
					return nil // a signature alone keeps itself
				}
				return n
			case "feld", "ankreuzen":
				texts = 3 // no more text before the signature
			default:
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// signed draws the blocks from c to last on one page: a declaration
// never parts from its signature.
func (w *writer) signed(d *markdown.Doc, c, last ast.Node, x, width float64, depth int) {
	w.keep(func(v *writer) {
		for n := c; ; n = n.NextSibling() {
			v.block(d, n, x, width, depth)
			if n == last {
				return
			}
		}
	})
}

// staffOnly draws the part of a form only for the organisation. In a
// form printed alone it starts on a new sheet: on an odd page, after a
// page left empty where need be, so that printed on both sides no staff
// note stands on the back of the client's last sheet. Its pages say in
// their header whom they are for and are counted on their own: the
// client's last sheet says "Seite 4 von 4", not "von 6".
func (w *writer) staffOnly(d *markdown.Doc, s *markdown.Shortcode, x, width float64, depth int, pos book.Pos) {
	defer func(t string) { w.runningTitle = t }(w.runningTitle)
	// Measured, it is only as tall as its text: the scratch writer's
	// page never ends.
	measuring := w.ph == scratchPage
	if w.standalone && !measuring && w.f.PageNo()%2 == 1 {
		w.newPage()
		w.artifact()
		w.setFont("I", w.body-1)
		w.color = [3]uint8{0x55, 0x5d, 0x66}
		w.f.SetXY(x, top+40)
		w.cellText(width, 6, "Diese Seite bleibt frei.", "C")
		w.color = [3]uint8{textR, textG, textB}
	}
	w.runningTitle = shortcode.StaffTitle + " · " + w.runningTitle
	if !measuring {
		w.newPage()
		if w.standalone {
			// The client's sheets count to their own last page.
			w.parts = append(w.parts, w.f.PageNo())
		}
	}
	level := min(depth+1, 6)
	w.open("Sect")
	defer w.close()
	w.bookmark(shortcode.StaffTitle, level-1)
	w.tagged(headingRole(level), func() {
		w.flow([]span{{text: shortcode.StaffTitle, style: "B"}}, x, width, headingSizes[level], pos)
	})
	w.para([]span{{text: shortcode.StaffNote(s.Args), style: "I"}}, x, width, w.body-1, pos)
	w.f.SetY(w.f.GetY() + 3)
	// Its headings are one level below its own.
	w.blocks(d, s, x, width, depth+1)
}

func headingRole(level int) string { return "H" + string(rune('0'+level)) }
