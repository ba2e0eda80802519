package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

var headingSizes = map[int]float64{1: 20, 2: 16, 3: 14, 4: 12.5, 5: 12, 6: 11.5}

// blocks draws the block children of n inside [x, x+width].
func (w *writer) blocks(d *markdown.Doc, n ast.Node, x, width float64, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if last := signedRun(c); last != nil {
			w.signed(d, c, last, x, width, depth)
			c = last
			continue
		}
		w.block(d, c, x, width, depth)
	}
}

// block draws one block node inside [x, x+width].
func (w *writer) block(d *markdown.Doc, c ast.Node, x, width float64, depth int) {
	src := d.Page.Body
	pos := blockPos(d, c)
	switch c := c.(type) {
	case *ast.Heading:
		// A heading never ends a page: it goes where it fits with
		// the start of what follows it.
		w.ensure(w.headingNeed(d, c, x, width, depth))
		w.heading(d, c, x, width, depth)
	case *ast.Paragraph, *ast.TextBlock:
		if f, ok := d.FigureOf(c); ok {
			w.picture(f, x, width, pos)
			return
		}
		w.tagged("P", func() {
			w.flow(w.inline(d, c, ""), x, width, w.body, pos)
		})
		if _, ok := c.(*ast.Paragraph); ok {
			w.f.SetY(w.f.GetY() + 2.5)
		}
	case *ast.List:
		w.list(d, c, x, width, depth)
		w.f.SetY(w.f.GetY() + 1.5)
	case *ast.Blockquote:
		// The bar stands left of the quote's text, on every page the
		// quote covers; a quote that is not indented any more shares
		// its parent's bar.
		qx, qw := w.indent(x, width, 7)
		bar := &quoteBar{x: qx - 5, y: w.f.GetY()}
		if len(w.bars) == 0 {
			w.f.SetFooterFunc(func() {
				w.barsToFoot()
				w.footer()
			})
			defer w.f.SetFooterFunc(w.footer)
		}
		w.bars = append(w.bars, bar)
		w.tagged("BlockQuote", func() {
			w.blocks(d, c, qx, qw, depth)
		})
		w.bars = w.bars[:len(w.bars)-1]
		bar.draw(w, w.f.GetY()-2.5)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		for i := 0; i < c.Lines().Len(); i++ {
			l := c.Lines().At(i)
			b.Write(l.Value(src))
		}
		cx, cw := w.indent(x, width, 4)
		w.tagged("P", func() {
			w.flow([]span{{text: strings.TrimRight(b.String(), "\n")}}, cx, cw, w.body-1, pos)
		})
		w.f.SetY(w.f.GetY() + 2.5)
	case *ast.ThematicBreak:
		w.ensure(6)
		w.artifact()
		w.f.SetDrawColor(0x8c, 0x95, 0x9f)
		w.f.Line(x, w.f.GetY()+2, x+width, w.f.GetY()+2)
		w.f.SetY(w.f.GetY() + 5)
	case *extast.Table:
		w.table(d, c, x, width, pos)
	case *extast.DefinitionList:
		// A term and its descriptions: a list item with the term as
		// its label.
		w.open("L")
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			switch t.(type) {
			case *extast.DefinitionTerm:
				if w.cur.role == "LBody" {
					w.close()
					w.close()
				}
				// A term never stands alone at a page's foot: it
				// keeps the start of its description.
				need := w.measure(func(v *writer) { v.flow(v.inline(d, t, "B"), x, width, v.body, blockPos(d, t)) })
				if dd, ok := t.NextSibling().(*extast.DefinitionDescription); ok && dd.FirstChild() != nil {
					_, dw := w.indent(x, width, 7)
					need += w.itemNeed(d, dd, dw)
				}
				w.ensure(need)
				w.open("LI")
				w.tagged("Lbl", func() {
					w.flow(w.inline(d, t, "B"), x, width, w.body, blockPos(d, t))
				})
				w.open("LBody")
			case *extast.DefinitionDescription:
				dx, dw := w.indent(x, width, 7)
				w.blocks(d, t, dx, dw, depth)
			}
		}
		if w.cur.role == "LBody" {
			w.close()
			w.close()
		}
		w.close()
		w.f.SetY(w.f.GetY() + 2)
	case *extast.FootnoteList:
		w.ensure(20)
		w.f.SetY(w.f.GetY() + 3)
		w.open("Div")
		w.tagged("P", func() {
			w.flow([]span{{text: "Fußnoten", style: "B"}}, x, width, w.body, pos)
		})
		i := 1
		for it := c.FirstChild(); it != nil; it = it.NextSibling() {
			n := i
			if fn, ok := it.(*extast.Footnote); ok {
				n = fn.Index
			}
			w.anchorHere(footnoteAnchor(d, n))
			// PDF/UA: every Note has an identifier, unique in the file.
			w.open("Note").extra = &extra{id: footnoteAnchor(d, n)}
			w.flow(append([]span{{text: fmt.Sprintf("%d. ", i)}}, w.inlineBlocks(d, it)...), x, width, w.body-1.5, blockPos(d, it))
			w.close()
			i++
		}
		w.close()
	case *markdown.Shortcode:
		w.shortcode(d, c, x, width, depth, pos)
	case *ast.HTMLBlock:
		// Raw HTML has no place on paper.
	default:
		if c.HasChildren() {
			w.blocks(d, c, x, width, depth)
		}
	}
}

// footnoteAnchor is where footnote n of a page is printed.
func footnoteAnchor(d *markdown.Doc, n int) string {
	return fmt.Sprintf("%s--fn-%d", book.Anchor(d.Page.URL), n)
}

// blockPos is the source position of a block, for messages.
func blockPos(d *markdown.Doc, n ast.Node) book.Pos {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return d.Page.BodyPos(n.Lines().At(0).Start)
		}
		if off := n.Pos(); off >= 0 {
			return d.Page.BodyPos(off)
		}
	}
	return book.Pos{File: d.Page.File, Line: 1, Col: 1}
}

// list draws a list: L with an LI per item, its marker as Lbl and its
// blocks as LBody.
func (w *writer) list(d *markdown.Doc, l *ast.List, x, width float64, depth int) {
	n := l.Start
	if n == 0 {
		n = 1
	}
	ls := w.open("L")
	defer w.close()
	ls.extra = &extra{attrs: "<</O /List /ListNumbering /Disc>>"}
	if l.IsOrdered() {
		ls.extra.attrs = "<</O /List /ListNumbering /Decimal>>"
	}
	// The marker stands in the 7 mm left of the item's text: in a list
	// nested too deep to indent, in its parent's.
	bx, bw := w.indent(x, width, 7)
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		marker := "•"
		if l.IsOrdered() {
			marker = fmt.Sprintf("%d.", n)
			n++
		}
		w.ensure(w.itemNeed(d, it, bw))
		y := w.f.GetY()
		w.setFont("", w.body)
		// An item written right to left has its marker on the right.
		ix, mx, align := bx, bx-7, "L"
		if rightToLeftText(markdown.PlainText(it, d.Page.Body)) {
			ix, mx, align = bx-(bx-x), bx+bw-(bx-x)+1, "R"
		}
		w.f.SetXY(mx, y)
		w.open("LI")
		w.tagged("Lbl", func() {
			w.content()
			w.cellText(6, w.body*lineFactor*ptToMM, marker, align)
		})
		w.f.SetXY(ix, y)
		w.tagged("LBody", func() {
			w.blocks(d, it, ix, bw, depth)
		})
		w.close()
	}
}

// inline collects the running text of a block as spans.
func (w *writer) inline(d *markdown.Doc, n ast.Node, style string) []span {
	var out []span
	src := d.Page.Body
	var walk func(n ast.Node, style, link string)
	walk = func(n ast.Node, style, link string) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := string(c.Segment.Value(src))
				if c.SoftLineBreak() {
					t += " "
				}
				if c.HardLineBreak() {
					t += "\n"
				}
				out = append(out, span{text: t, style: style, link: link})
			case *ast.String:
				out = append(out, span{text: string(c.Value), style: style, link: link})
			case *ast.CodeSpan:
				out = append(out, span{text: markdown.PlainText(c, src), style: style, link: link})
			case *ast.Emphasis:
				s := "I"
				if c.Level == 2 {
					s = "B"
				}
				if style != "" && style != s {
					s = "BI"
				}
				walk(c, s, link)
			case *markdown.TermLink:
				walk(c, style, "#s_glossar--"+c.Term.ID())
			case *ast.Link:
				// The site rewrites the destination of a link inside the
				// handbook while this PDF is made: read only its target.
				var dest string
				if t := d.Target(c); t != "" {
					page, frag, _ := strings.Cut(t, "#")
					dest = "#" + book.Anchor(page)
					if frag != "" {
						dest += "--" + frag
					}
				} else {
					// The address of the site's href; "" if the URL
					// policy refuses it.
					dest = d.URL(c)
				}
				walk(c, style, dest)
				if strings.HasPrefix(dest, "http") {
					// On paper the address must be readable.
					out = append(out, span{text: " (" + readable(dest) + ")", style: style})
				}
			case *ast.AutoLink:
				out = append(out, span{text: string(c.Label(src)), style: style, link: d.URL(c)})
			case *extast.FootnoteLink:
				out = append(out, span{text: fmt.Sprint(c.Index), sup: true, link: "#" + footnoteAnchor(d, c.Index)})
			case *extast.FootnoteBacklink, *ast.RawHTML, *ast.Image:
			default:
				walk(c, style, link)
			}
		}
	}
	walk(n, style, "")
	return out
}

// inlineBlocks collects the text of all paragraphs under n as one run.
func (w *writer) inlineBlocks(d *markdown.Doc, n ast.Node) []span {
	var out []span
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, w.inline(d, c, "")...)
	}
	return out
}

// table draws a table with wrapping cells; the header row is repeated
// after a page break, as an artifact: the structure has it once.
func (w *writer) table(d *markdown.Doc, t *extast.Table, x, width float64, pos book.Pos) {
	var rows [][][]span
	var header []([]span)
	var caption []span
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		switch r := r.(type) {
		case *markdown.Caption:
			caption = w.inline(d, r, "B")
		case *extast.TableHeader:
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				header = append(header, w.inline(d, c, "B"))
			}
		case *extast.TableRow:
			var row [][]span
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				row = append(row, w.inline(d, c, ""))
			}
			rows = append(rows, row)
		}
	}
	if len(header) == 0 {
		return
	}
	w.open("Table")
	defer w.close()
	cols := len(header)
	// Every cell is cleaned once, its links numbered once.
	type cell struct {
		spans []span
		lines []line
		links *links
	}
	all := make([][]cell, 0, len(rows)+1) // the header, then the rows
	texts := make([][][]span, 0, len(rows)+1)
	for _, r := range append([][][]span{header}, rows...) {
		cells := make([]cell, cols)
		text := make([][]span, cols)
		for i := range cells {
			if i < len(r) {
				cells[i].spans, cells[i].links = w.prepare(r[i], pos)
				text[i] = cells[i].spans
			}
		}
		all = append(all, cells)
		texts = append(texts, text)
	}
	// The columns are as wide as their content asks (columnWidths). The
	// type is the table's own size if every word fits its column there,
	// hyphenated where need be; else the largest size down to a minimum
	// at which they fit; else the minimum, with the words that still do
	// not fit broken between any two characters. Many columns must not
	// fail a build that a browser shows.
	size, minSize := w.body-1.5, w.body-4
	anywhere := false
	m := w.measurer()
	var colW []float64
	fits := func() bool {
		colW = m.columnWidths(texts, size, width, cellPad)
		for _, cells := range all {
			for i, c := range cells {
				if _, long := m.wrap(c.spans, size, colW[i]-cellPad, false); len(long) > 0 {
					return false
				}
			}
		}
		return true
	}
	for !fits() {
		if size <= minSize {
			anywhere = true
			break
		}
		size = max(minSize, size-0.5)
	}
	lh := size * lineFactor * ptToMM
	// Every row is laid out right before it is drawn.
	layout := func(cells []cell) (h float64) {
		n := 1
		for i := range cells {
			cells[i].lines, _ = w.wrap(cells[i].spans, size, colW[i]-cellPad, anywhere)
			n = max(n, len(cells[i].lines))
		}
		return float64(n)*lh + 2
	}
	// drawRow draws a row; tagged is false for the repeated header, an
	// artifact.
	headCells := all[0]
	headH := layout(headCells)
	drawRow := func(cells []cell, h float64, head, tagged bool) {
		y := w.f.GetY()
		if tagged {
			w.open("TR")
		}
		cx := x
		for i, c := range cells {
			w.artifact()
			w.f.SetDrawColor(0x8c, 0x95, 0x9f)
			style := "D"
			if head {
				w.setFill(0xee, 0xf3, 0xf8)
				style = "FD"
			}
			w.f.Rect(cx, y, colW[i], h, style)
			var ls *links
			if tagged {
				td := w.open("TD")
				if head {
					td.role = "TH"
					td.extra = &extra{attrs: "<</O /Table /Scope /Column>>"}
				}
				ls = c.links
			}
			for k, l := range c.lines {
				w.drawLine(l, cx+cellPad/2, y+1+float64(k)*lh, size, lh, ls)
			}
			w.endText()
			if tagged {
				w.close()
			}
			cx += colW[i]
		}
		if tagged {
			w.close()
		}
		w.f.SetXY(x, y+h)
	}
	// The caption and the header row stay with the first row.
	need := headH
	if len(all) > 1 {
		need += layout(all[1])
	}
	if caption != nil {
		need += w.measure(func(v *writer) { v.flow(caption, x, width, w.body, pos) }) + 1
	}
	if need <= w.ph-bottom-top {
		w.ensure(need)
	}
	if caption != nil {
		w.tagged("Caption", func() {
			w.flow(caption, x, width, w.body, pos)
		})
		w.f.SetY(w.f.GetY() + 1)
	}
	w.ensure(headH)
	drawRow(headCells, headH, true, true)
	// A row is never split: it moves to the next page whole, under the
	// header repeated.
	for _, cells := range all[1:] {
		h := layout(cells)
		if w.f.GetY()+h > w.ph-bottom {
			w.f.AddPage()
			w.f.SetXY(w.margin, top)
			drawRow(headCells, headH, true, false)
		}
		drawRow(cells, h, false, true)
	}
	w.f.SetY(w.f.GetY() + 4)
}

// para draws one paragraph of running text.
func (w *writer) para(spans []span, x, width, size float64, pos book.Pos) {
	w.tagged("P", func() { w.flow(spans, x, width, size, pos) })
}

// writeLine draws a line to write on, from x to x2 at y. It is an
// artifact: its label says what belongs there, and is read once.
func (w *writer) writeLine(x, y, x2 float64) {
	w.artifact()
	w.f.SetDrawColor(textR, textG, textB)
	w.f.Line(x, y, x2, y)
}

// shortcode draws the working tools on paper: fields as lines, boxes to
// tick, signature lines.
func (w *writer) shortcode(d *markdown.Doc, s *markdown.Shortcode, x, width float64, depth int, pos book.Pos) {
	if unseen(s) {
		return // a note to the editors, never on paper
	}
	label := ""
	if len(s.Args) > 0 {
		label = s.Args[0]
	}
	switch s.Name {
	case "bild":
		if f, ok := d.FigureOf(s); ok {
			w.picture(f, x, width, pos)
		}
	case "feld":
		w.field(label, shortcode.FieldLines(s.Args), x, width, pos)
	case "ankreuzen":
		w.box(label, x, width, pos)
	case "unterschrift":
		w.signature(label, x, width, pos)
	case "nur-organisation":
		w.staffOnly(d, s, x, width, depth, pos)
	case "checkliste":
		if c := shortcode.Checklist(w.h, label); c != nil {
			w.checklist(c, x, width, depth+1)
		}
	case "ampel":
		// The self-check as on the site (layouts/shortcodes/ampel.html):
		// each criterion with its three levels to tick, then the rule
		// that reads the result.
		w.para([]span{{text: "Wählen Sie für jedes der drei Kriterien die Stufe, die am besten passt. Das Kriterium mit der höchsten Stufe bestimmt das Ergebnis."}}, x, width, w.body, pos)
		w.f.SetY(w.f.GetY() + 2)
		for _, c := range ampelCriteria {
			w.keep(func(v *writer) {
				v.para([]span{{text: c.question, style: "B"}}, x, width, v.body, pos)
				for i, l := range []string{"Grün", "Gelb", "Rot"} {
					v.box(l+": "+c.levels[i], x+4, width-4, pos)
				}
				v.f.SetY(v.f.GetY() + 2)
			})
		}
		w.keep(func(v *writer) { v.ampelRule(x, width, pos) })
	case "ki-register":
		// As on the site: the sum with the overdue checks, then each
		// system whole with its lights, check dates and "überfällig".
		var red, yellow, green, overdue int
		examples := false
		for _, sys := range w.h.Register {
			switch sys.Light() {
			case book.Red:
				red++
			case book.Yellow:
				yellow++
			default:
				green++
			}
			if sys.Overdue {
				overdue++
			}
			examples = examples || sys.Example
		}
		if len(w.h.Register) == 0 {
			break
		}
		if examples {
			w.para([]span{{text: "Die Einträge sind Beispiele. Die Organisation trägt hier ihre eigenen KI-Systeme ein (in der Datei data/ki-register.toml).", style: "I"}}, x, width, w.body-1.5, pos)
			w.f.SetY(w.f.GetY() + 1.5)
		}
		sum := fmt.Sprintf("Im Register stehen %d Systeme: %d mit Rot, %d mit Gelb, %d mit Grün.", len(w.h.Register), red, yellow, green)
		if len(w.h.Register) == 1 {
			sum = fmt.Sprintf("Im Register steht 1 System: %d mit Rot, %d mit Gelb, %d mit Grün.", red, yellow, green)
		}
		summary := []span{{text: sum}}
		if overdue > 0 {
			n := fmt.Sprintf("%d Systemen ist", overdue)
			if overdue == 1 {
				n = "1 System ist"
			}
			summary = append(summary, span{text: " Bei " + n + " der jährliche Ethik-Check "}, span{text: "überfällig", style: "B"}, span{text: " (Stand: " + book.Date(w.h.Today) + ")."})
		}
		w.para(summary, x, width, w.body, pos)
		w.f.SetY(w.f.GetY() + 3)
		for _, sys := range w.h.Register {
			w.keep(func(v *writer) {
				v.para([]span{{text: sys.Name, style: "B"}, {text: " – Ampel: " + sys.Light().Word()}}, x, width, v.body, pos)
				v.para([]span{{text: sys.Purpose}}, x+4, width-4, v.body-1, pos)
				v.para(registerFacts(sys), x+4, width-4, v.body-1.5, pos)
				v.f.SetY(v.f.GetY() + 3)
			})
		}
	case "kontakte":
		for _, c := range shortcode.Contacts(w.h, label) {
			text := []span{{text: c.Role, style: "B"}}
			for _, v := range []string{c.Name, c.Phone, c.Email} {
				if v != "" {
					text = append(text, span{text: " · " + v})
				}
			}
			w.para(text, x, width, w.body, pos)
			w.para([]span{{text: c.Topics}}, x+4, width-4, w.body-1, pos)
			w.f.SetY(w.f.GetY() + 1.5)
		}
	case "eintragen":
		w.slot(shortcode.OpenTitle+": ", shortcode.OpenNote, x, width, pos)
	case "org":
		w.orgValue(label, x, width, pos)
	default:
		// Every shortcode of the registry has a case here (a test makes
		// sure); one without must not vanish from paper unnoticed.
		w.errf(pos, "der Shortcode %q kann noch nicht ins PDF gezeichnet werden. Das ist ein Fehler in handbuch; bitte melden Sie ihn.", s.Name)
	}
	w.f.SetY(w.f.GetY() + 1.5)
}

// ampelCriteria are the three criteria of the self-check with what
// each level means, as layouts/shortcodes/ampel.html has them.
var ampelCriteria = []struct {
	question string
	levels   [3]string
}{
	{"1. Datenempfindlichkeit: Wie sensibel sind die Daten, mit denen die KI arbeitet?", [3]string{
		"Keine Daten über Personen, zum Beispiel allgemeine Texte oder öffentliche Informationen.",
		"Daten über Personen ohne sensible Inhalte, zum Beispiel Namen und Termine. Pseudonymisierte Daten bewerten Sie nach ihrem Inhalt.",
		"Gesundheitsdaten und andere sensible Daten, zum Beispiel zu Sucht, Gewalt, Schulden oder Hilfeplänen."}},
	{"2. Auswirkung auf Menschen: Wie stark beeinflusst das Ergebnis das Leben eines Menschen?", [3]string{
		"Kein direkter Einfluss auf Menschen, zum Beispiel der Entwurf für einen Rundbrief.",
		"Einfluss auf Abläufe, der sich leicht korrigieren lässt, zum Beispiel bei Terminen.",
		"Einfluss auf Hilfen, Leistungen oder Rechte, zum Beispiel bei der Bewilligung einer Leistung. Auch jedes Hochrisiko-KI-System, etwa wenn die KI Dienste nach dem Verhalten von Mitarbeitenden verteilt."}},
	{"3. Autonomiegrad: Wie selbstständig handelt die KI?", [3]string{
		"Unterstützend: Die KI macht Vorschläge, ein Mensch prüft jedes Ergebnis.",
		"Teilweise automatisiert: Die KI handelt in Teilen selbst, ein Mensch prüft Stichproben und kann jederzeit eingreifen.",
		"Vollautomatisiert: Die KI handelt ohne menschliche Prüfung."}},
}

// ampelRule draws the table that reads the self-check's result: the
// highest level and what it requires, a row per level.
func (w *writer) ampelRule(x, width float64, pos book.Pos) {
	rows := [][2]string{
		{"Höchste Stufe", "Was dann nötig ist"},
		{"Grün: geringes Risiko", "Die KI-Koordination gibt das Vorhaben mit der zuständigen Leitung frei und trägt es ins KI-Register ein."},
		{"Gelb: mittleres Risiko", "Zusätzlich prüft die oder der Datenschutzbeauftragte. Sie beginnen mit einem zeitlich begrenzten Test und werten ihn aus."},
		{"Rot: hohes Risiko", "Der Ethik-Beirat berät, die Geschäftsführung entscheidet. Die oder der Datenschutzbeauftragte prüft ebenfalls. Entscheidet die KI über Hilfen oder Leistungen ohne menschliche Prüfung, ist der Einsatz ausgeschlossen."},
	}
	size := w.body - 1.5
	lh := size * lineFactor * ptToMM
	colW := [2]float64{width * 0.32, width * 0.68}
	w.open("Table")
	defer w.close()
	w.tagged("Caption", func() {
		w.flow([]span{{text: "So lesen Sie das Ergebnis: Die höchste Stufe zählt", style: "B"}}, x, width, w.body, pos)
	})
	w.f.SetY(w.f.GetY() + 1)
	for r, row := range rows {
		var cells [2][]line
		var links [2]*links
		n := 1
		for i, text := range row {
			style := ""
			if r == 0 || i == 0 {
				style = "B"
			}
			var spans []span
			spans, links[i] = w.prepare([]span{{text: text, style: style}}, pos)
			cells[i] = w.breakLines(spans, size, colW[i]-3, pos)
			n = max(n, len(cells[i]))
		}
		h := float64(n)*lh + 2
		y := w.f.GetY()
		w.open("TR")
		cx := x
		for i := range row {
			w.artifact()
			w.f.SetDrawColor(0x8c, 0x95, 0x9f)
			fill := "D"
			if r == 0 {
				w.setFill(0xee, 0xf3, 0xf8)
				fill = "FD"
			}
			w.f.Rect(cx, y, colW[i], h, fill)
			cell := w.open("TD")
			switch {
			case r == 0:
				cell.role, cell.extra = "TH", &extra{attrs: "<</O /Table /Scope /Column>>"}
			case i == 0:
				cell.role, cell.extra = "TH", &extra{attrs: "<</O /Table /Scope /Row>>"}
			}
			for k, l := range cells[i] {
				w.drawLine(l, cx+1.5, y+1+float64(k)*lh, size, lh, links[i])
			}
			w.endText()
			w.close()
			cx += colW[i]
		}
		w.close()
		w.f.SetXY(x, y+h)
	}
	w.f.SetY(w.f.GetY() + 4)
}

// slot draws a place the organisation still fills in or decides: a
// framed note, lead in bold before its text.
func (w *writer) slot(lead, text string, x, width float64, pos book.Pos) {
	w.ensure(w.body*lineFactor*ptToMM*2 + 6)
	y, page := w.f.GetY(), w.f.PageNo()
	w.f.SetY(y + 2)
	w.para([]span{{text: lead, style: "B"}, {text: text}}, x+4, width-8, w.body, pos)
	if w.f.PageNo() == page {
		w.artifact()
		w.f.SetDrawColor(0x8a, 0x4b, 0x00)
		w.f.SetLineWidth(0.6)
		w.f.Rect(x, y, width, w.f.GetY()-y, "D")
		w.f.SetLineWidth(0.2)
	}
	w.f.SetY(w.f.GetY() + 2)
}

// orgValue draws the value called key of the organisation settings as
// a paragraph, or the mark of an open slot while it is empty.
func (w *writer) orgValue(key string, x, width float64, pos book.Pos) {
	f, _ := book.LookupOrgField(key)
	if v := w.h.Config.Org.Value(key); v != "" {
		w.para(orgSpans(f.Kind, v), x, width, w.body, pos)
	} else {
		w.slot(shortcode.OpenTitle+": ", f.Label, x, width, pos)
	}
}

// orgSpans is a value of the organisation settings on paper, linked as
// on screen: an address line by line, phone, e-mail and website with
// what they are.
func orgSpans(kind book.OrgKind, v string) []span {
	switch kind {
	case book.OrgAddress:
		return []span{{text: strings.Join(book.AddressLines(v), "\n")}}
	case book.OrgPhone:
		return []span{{text: "Telefon: "}, {text: v, link: urlpolicy.Tel(v)}}
	case book.OrgEmail:
		return []span{{text: "E-Mail: "}, {text: v, link: urlpolicy.Mailto(v, "")}}
	case book.OrgWebsite:
		return []span{{text: "Internet: "}, {text: v, link: v}}
	}
	return []span{{text: v}}
}

// registerFacts lists what the site shows of a register entry besides
// its name and purpose, as "Name: value" spans: area, status, the three
// criteria, oversight, the data-protection and AI Act fields that are
// filled in, the ethics checks (the last one marked "überfällig" when it
// is) and who is responsible.
func registerFacts(s *book.AISystem) []span {
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return book.Date(t)
	}
	dpia := s.DPIA
	if d := date(s.DPIADate); d != "" && dpia != "" {
		dpia += " am " + d
	}
	approval := s.ApprovedBy
	if d := date(s.Approved); d != "" {
		approval = strings.TrimSpace(approval + " am " + d)
	}
	oversight := "Nein"
	if s.HumanOversight {
		oversight = "Ja, ein Mensch prüft jedes Ergebnis"
	}
	last := date(s.LastEthicsCheck)
	if last == "" {
		last = "noch keiner"
	}
	aiAct := s.AIActClass
	if aiAct == "" {
		aiAct = "noch nicht eingestuft"
	}
	var out []span
	for _, f := range [][2]string{
		{"Bereich", s.Area}, {"Status", s.Status}, {"Anbieter", s.Provider},
		{"Datenquellen", strings.Join(s.DataSources, ", ")}, {"Personenbezogene Daten", strings.Join(s.PersonalData, ", ")},
		{"Datenempfindlichkeit", s.DataSensitivity.Word()}, {"Auswirkung auf Menschen", s.Impact.Word()}, {"Autonomiegrad", s.Autonomy.Word()},
		{"Menschliche Kontrolle", oversight},
		{"KI-Verordnung", aiAct}, {"Rolle", s.AIActRole}, {"Rechtsgrundlage", s.LegalBasis},
		{"Einwilligung", s.Consent}, {"Formular", s.ConsentForm}, {"Löschfrist", s.Retention},
		{"Ort der Verarbeitung", s.Place}, {"Training mit unseren Daten", s.VendorTraining},
		{"DSFA", dpia}, {"AVV", s.ProcessorDeal}, {"Freigabe", approval},
		{"Letzter Ethik-Check", last},
		{"Nächster Ethik-Check", date(s.NextEthicsCheck)},
		{"Verantwortlich", s.Owner},
	} {
		if f[1] == "" {
			continue
		}
		if out != nil {
			out = append(out, span{text: " · "})
		}
		out = append(out, span{text: f[0] + ": ", style: "B"}, span{text: f[1]})
		if f[0] == "Letzter Ethik-Check" && s.Overdue {
			out = append(out, span{text: " "}, span{text: "überfällig", style: "B"})
		}
	}
	return out
}

const boxAlt = "Kästchen zum Ankreuzen"

// box draws a tick box (a drawn square, not a font glyph) with its label,
// as one paragraph: the box is a figure in it.
func (w *writer) box(label string, x, width float64, pos book.Pos) {
	w.ensure(w.body * lineFactor * ptToMM)
	w.tagged("P", func() {
		w.drawBox(x, w.f.GetY())
		w.flow([]span{{text: label}}, x+7, width-7, w.body, pos)
	})
}

func (w *writer) drawBox(x, y float64) {
	w.figure(boxAlt, x, y+1, 4.2, 4.2, func() {
		w.f.SetDrawColor(textR, textG, textB)
		w.f.SetLineWidth(0.35)
		w.f.Rect(x, y+1, 4.2, 4.2, "D")
		w.f.SetLineWidth(0.2)
	})
}

// checklist draws a checklist: when it is gone through, a line for the
// system checked, its groups as headings of the given level with who
// checks them, and each item as a list item with a box for every answer
// (Ja, Nein, Weiß nicht, Trifft nicht zu), its help text, and the check
// note at the end.
func (w *writer) checklist(c *book.Checklist, x, width float64, level int) {
	pos := book.Pos{File: c.File, Line: 1, Col: 1}
	if c.Intro != "" {
		w.para([]span{{text: c.Intro}}, x, width, w.body, pos)
		w.f.SetY(w.f.GetY() + 2)
	}
	if c.Interval != "" {
		w.para([]span{{text: "Wann: ", style: "B"}, {text: c.Interval}}, x, width, w.body, pos)
		w.f.SetY(w.f.GetY() + 2)
	}
	w.fillLine("Geprüftes KI-Werkzeug", x, width)
	w.f.SetY(w.f.GetY() + 4)
	for _, g := range c.Groups {
		// A group's heading stays with its first item, an item is never
		// split.
		head := func(v *writer) {
			v.tagged(fmt.Sprintf("H%d", min(level, 6)), func() {
				v.flow([]span{{text: g.Title, style: "B"}}, x, width, 13, pos)
			})
			if g.Who != "" {
				v.para([]span{{text: "Wer prüft: ", style: "B"}, {text: g.Who}}, x, width, v.body-1, pos)
			}
		}
		need := w.measure(head)
		if len(g.Items) > 0 {
			need += w.measure(func(v *writer) { v.checkItem(g.Items[0], x, width) })
		}
		w.ensure(need)
		head(w)
		w.open("L")
		for _, it := range g.Items {
			w.keep(func(v *writer) { v.checkItem(it, x, width) })
		}
		w.close()
		w.f.SetY(w.f.GetY() + 2)
	}
	// The sign-off stays whole, above the bottom margin.
	w.keep(func(v *writer) {
		for _, l := range []string{"Geprüft von", "am", "Unterschrift"} {
			v.fillLine(l, x, width*0.6)
		}
	})
}

// checkItem draws one item of a checklist: its text, the answers to
// tick and its help with the link to the page that explains it.
func (w *writer) checkItem(it *book.ChecklistItem, x, width float64) {
	w.open("LI")
	w.open("LBody")
	w.para([]span{{text: it.Text}}, x, width, w.body, it.Pos)
	w.answers(x+4, width-4)
	var help []span
	if it.Help != "" {
		help = append(help, span{text: it.Help + " ", style: "I"})
	}
	if it.Target != "" {
		page, frag, _ := strings.Cut(it.Target, "#")
		target := "#" + book.Anchor(page)
		if frag != "" {
			target += "--" + frag
		}
		help = append(help, span{text: "Mehr dazu: ", style: "I"}, span{text: w.h.PageAt(page).NumberedTitle(), style: "I", link: target})
	}
	if help != nil {
		w.para(help, x+4, width-4, w.body-1.5, it.Pos)
	}
	w.close()
	w.close()
	w.f.SetY(w.f.GetY() + 2)
}

// answers draws the answers to a checklist item on one line, each a box
// with its word, as one paragraph; a narrow column wraps them.
func (w *writer) answers(x, width float64) {
	size := w.body - 1
	lh := size * lineFactor * ptToMM
	w.ensure(lh + 1)
	w.tagged("P", func() {
		cx, y := x, w.f.GetY()
		for _, a := range book.Answers {
			tw := w.textWidth(a, "", size)
			if cx > x && cx+6+tw > x+width {
				cx, y = x, y+lh+1
			}
			w.drawBox(cx, y)
			w.content()
			w.setFont("", size)
			w.f.SetXY(cx+6, y+0.6)
			w.cellText(tw+1, 5, a, "L")
			cx += 6 + tw + 7
		}
		w.f.SetXY(x, y+lh+1.5)
	})
}

// fillLine draws a line to write on, with its label below it.
func (w *writer) fillLine(label string, x, width float64) {
	y := w.f.GetY() + 9
	w.writeLine(x, y, x+width)
	w.tagged("P", func() {
		w.content()
		w.f.SetXY(x, y+0.5)
		w.setFont("", 9.5)
		w.cellText(width, 5, label, "L")
	})
	w.f.SetXY(x, y+6)
}

// glossary draws the glossary as the appendix: a heading per term.
func (w *writer) glossary() {
	if len(w.h.Glossary) == 0 {
		return
	}
	w.runningTitle = "Glossar"
	w.draft = false
	w.f.AddPage()
	w.f.SetXY(w.margin, top)
	w.open("Sect")
	defer w.close()
	w.anchorHere("s_glossar")
	w.bookmark("Glossar", 0)
	w.flowSized("H1", []span{{text: "Glossar", style: "B"}}, 20, book.Pos{File: "glossary"})
	w.f.SetY(w.f.GetY() + 3)
	for _, t := range w.h.Glossary {
		w.ensure(25)
		w.anchorHere("s_glossar--" + t.ID())
		title := t.Term
		if t.Abbr != "" && t.Abbr != t.Term {
			title += " (" + t.Abbr + ")"
		}
		pos := book.Pos{File: t.File, Line: 1, Col: 1}
		w.tagged("H2", func() {
			w.flow([]span{{text: title, style: "B"}}, w.margin, w.pw-2*w.margin, 13, pos)
		})
		w.para([]span{{text: t.Short}}, w.margin, w.pw-2*w.margin, w.body, pos)
		w.f.SetY(w.f.GetY() + 3)
	}
}

// readable is an address as a reader types it from paper: letters beyond
// ASCII, which a link carries percent-encoded (ü as %C3%BC), are shown
// as themselves; every other character stays as the link has it.
func readable(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); {
		// A run of escaped bytes beyond ASCII.
		j := i
		var raw []byte
		for j+2 < len(u) && u[j] == '%' {
			c, err := strconv.ParseUint(u[j+1:j+3], 16, 8)
			if err != nil || c < 0x80 {
				break
			}
			raw = append(raw, byte(c))
			j += 3
		}
		if len(raw) > 0 && utf8.Valid(raw) {
			b.Write(raw)
			i = j
			continue
		}
		if j > i {
			b.WriteString(u[i:j])
			i = j
			continue
		}
		b.WriteByte(u[i])
		i++
	}
	return b.String()
}
