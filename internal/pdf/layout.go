package pdf

import (
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/hyph"
)

// span is a piece of running text in one style.
type span struct {
	text  string
	style string // "", "B", "I", "BI"
	link  string // an URL, or "#id" inside the document
	sup   bool   // a footnote reference
	run   int    // which link of the block the text belongs to (flow sets it)
}

// piece is the unit of line breaking: text up to and including a break
// opportunity (a space, or after a hyphen, a Mediopunkt or a slash).
type piece struct {
	span
	space bool // ends with a space, dropped at the end of a line
	soft  bool // ends with a hyphen added at a line break
	width float64
}

// split cuts spans into pieces at their break opportunities.
func split(spans []span) []piece {
	n := 0
	for _, s := range spans {
		n += len(s.text)/6 + 1 // about a word in six bytes of German
	}
	out := make([]piece, 0, n)
	for _, s := range spans {
		start := 0
		for i, r := range s.text {
			next := i + utf8.RuneLen(r)
			switch r {
			case ' ', '\n':
				if i > start {
					out = append(out, piece{span: s.with(s.text[start:i]), space: r == ' '})
				} else if len(out) > 0 && r == ' ' {
					out[len(out)-1].space = true
				}
				if r == '\n' {
					out = append(out, piece{span: span{text: "\n"}})
				}
				start = next
			case '-', '·', '/', '–':
				// Not inside "https://": a slash breaks only between words.
				slashes := r == '/' && (strings.HasPrefix(s.text[next:], "/") || strings.HasSuffix(s.text[:i], ":") || strings.HasSuffix(s.text[:i], "/"))
				if next < len(s.text) && i > start && !slashes {
					out = append(out, piece{span: s.with(s.text[start:next])})
					start = next
				}
			}
		}
		if start < len(s.text) {
			out = append(out, piece{span: s.with(s.text[start:])})
		}
	}
	return out
}

// with is s with another text.
func (s span) with(text string) span {
	s.text = text
	return s
}

// line is a laid-out line of pieces.
type line struct {
	pieces []piece
	width  float64
}

// breakLines fills lines of at most width, greedily, and hyphenates a
// word that does not fit a line of its own. A word that cannot be
// hyphenated to fit is an error: nothing is cut silently.
func (w *writer) breakLines(spans []span, size, width float64, pos book.Pos) []line {
	lines, long := w.wrap(spans, size, width, false)
	for _, word := range long {
		w.errs.Addf(pos, "das Wort „%s“ ist zu lang für eine Zeile und lässt sich nicht trennen. Kürzen Sie es oder setzen Sie einen Bindestrich.", word)
	}
	return lines
}

// wrap fills lines of at most width, greedily, and hyphenates a word that
// does not fit a line of its own. It returns the words that cannot be
// hyphenated to fit, each on a line of its own, too wide; with anywhere,
// such a word is broken between any two characters instead, with a
// hyphen as at a hyphenation point, and none is too wide.
func (w *writer) wrap(spans []span, size, width float64, anywhere bool) (lines []line, long []string) {
	pieces := split(spans)
	cur := line{}
	spaceW := w.textWidth(" ", "", size)
	flush := func() {
		if n := len(cur.pieces); n > 0 {
			lines = append(lines, cur)
		}
		cur = line{}
	}
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if p.text == "\n" {
			flush()
			continue
		}
		p.width = w.textWidth(p.text, p.style, size)
		gap := 0.0
		if n := len(cur.pieces); n > 0 && cur.pieces[n-1].space {
			gap = spaceW
		}
		if cur.width+gap+p.width <= width {
			cur.pieces = append(cur.pieces, p)
			cur.width += gap + p.width
			continue
		}
		if len(cur.pieces) > 0 && p.width <= width {
			flush()
			i--
			continue
		}
		// The word is too wide for what is left of the line: hyphenate.
		head, tail, ok := w.hyphenate(p, width-cur.width-gap, size)
		if !ok && len(cur.pieces) > 0 {
			flush()
			i--
			continue
		}
		if !ok && anywhere {
			head, tail = w.breakAnywhere(p, width, size)
			ok = true
		}
		if !ok {
			long = append(long, p.text)
			head, tail = p, piece{}
			head.width = width
		}
		cur.pieces = append(cur.pieces, head)
		cur.width += gap + head.width
		flush()
		if tail.text != "" {
			pieces[i] = tail
			i--
		}
	}
	flush()
	return lines, long
}

// breakAnywhere splits p after the most characters that fit into room
// with a hyphen after them, at least one: a column narrower than one
// character lets it stand out rather than lose it.
func (w *writer) breakAnywhere(p piece, room, size float64) (head, tail piece) {
	hyphen := w.textWidth("-", p.style, size)
	used, end := 0.0, 0
	for end < len(p.text) {
		_, n := utf8.DecodeRuneInString(p.text[end:])
		rw := w.textWidth(p.text[end:end+n], p.style, size)
		if end > 0 && used+rw+hyphen > room {
			break
		}
		used += rw
		end += n
	}
	head, tail = p, p
	if end == len(p.text) { // one character, wider than the room
		head.width, tail.text = used, ""
		return head, tail
	}
	head.text, head.width, head.space, head.soft = p.text[:end]+"-", used+hyphen, false, true
	tail.text = p.text[end:]
	return head, tail
}

// indent returns the left edge and width of a block nested by step in
// one at x with width: a quote, a list item's text, a description. A
// block is not indented further once that would leave it less than half
// the width of the page's text: 30 quotes in one another lay out like
// the deepest that fits, instead of in a column too narrow for a word.
func (w *writer) indent(x, width, step float64) (float64, float64) {
	if width-step < (w.pw-2*w.margin)/2 {
		return x, width
	}
	return x + step, width - step
}

// hyphenate splits p at the last German hyphenation point that fits into
// room, with a hyphen at the end of the first part.
func (w *writer) hyphenate(p piece, room, size float64) (head, tail piece, ok bool) {
	if w.noHyphens {
		return p, piece{}, false
	}
	parts := hyph.Hyphenate(p.text)
	if len(parts) < 2 || strings.ContainsAny(p.text, "-") {
		return p, piece{}, false
	}
	for k := len(parts) - 1; k >= 1; k-- {
		h := strings.Join(parts[:k], "") + "-"
		if wd := w.textWidth(h, p.style, size); wd <= room {
			head, tail = p, p
			head.text, head.width, head.space, head.soft = h, wd, false, true
			tail.text = strings.Join(parts[k:], "")
			return head, tail, true
		}
	}
	return p, piece{}, false
}

// textWidth measures s; words repeat, so widths are cached.
func (w *writer) textWidth(s, style string, size float64) float64 {
	k := fontKey{style, size, s}
	if wd, ok := w.widths[k]; ok {
		return wd
	}
	w.setFont(style, size)
	wd := w.f.GetStringWidth(s)
	w.widths[k] = wd
	return wd
}

// measurer returns a writer that only measures text, with an fpdf of its
// own that has no pages: measuring there sets no font in the document.
// A table is measured before it is drawn, to choose its type size; with
// the document's fpdf that would write font changes into its page.
func (w *writer) measurer() *writer {
	if w.sizer == nil {
		f := fpdf.New("P", "mm", "A4", "")
		addFonts(f)
		w.sizer = &writer{f: f, noHyphens: w.noHyphens, widths: map[fontKey]float64{}}
	}
	return w.sizer
}

// setFont sets the font unless it is set already: every change costs a
// command in the page.
func (w *writer) setFont(style string, size float64) {
	if k := (fontKey{style: style, size: size}); k != w.font {
		w.f.SetFont(family, style, size)
		w.font = k
	}
}

// flow lays out and draws running text at the left edge x with the given
// width, starting at the current y, breaking pages where needed but
// never leaving a single line of it at a page's foot or top.
func (w *writer) flow(spans []span, x, width, size float64, pos book.Pos) {
	spans, ls := w.prepare(spans, pos)
	lh := size * lineFactor * ptToMM
	lines := w.breakLines(spans, size, width, pos)
	for len(lines) > 0 {
		k := pageSplit(len(lines), w.linesHere(lh))
		if k == 0 && w.f.GetY() <= top+1e-6 {
			k = max(1, w.linesHere(lh)) // a page of its own is all there is
		}
		if k == 0 {
			w.newPage()
			continue
		}
		for _, l := range lines[:k] {
			y := w.f.GetY()
			w.drawLine(l, x, y, size, lh, ls)
			w.f.SetXY(x, y+lh)
		}
		lines = lines[k:]
		if len(lines) > 0 {
			w.newPage()
		}
	}
}

// links are the links of a block of text: each is one Link element
// inside the current element, with one annotation per line it covers;
// its text is the annotation's description.
type links struct {
	texts []string // by run
	node  *node    // the Link element of the run drawn last
	run   int
}

// prepare cleans the text of spans, reports characters the font lacks
// (and drops them), and numbers the links. It returns a cleaned copy:
// the spans passed in may be shared by PDFs made at the same time (the
// status notes).
func (w *writer) prepare(spans []span, pos book.Pos) ([]span, *links) {
	spans = slices.Clone(spans)
	ls := &links{run: -1}
	for i := range spans {
		spans[i].text = clean(spans[i].text)
		if r, bad := w.glyphs.missing(spans[i].text); bad {
			w.errs.Addf(pos, "das Zeichen %q (U+%04X) fehlt in der Schrift des PDF. Ersetzen Sie es durch ein Wort oder ein anderes Zeichen.", string(r), r)
			spans[i].text = strings.Map(func(c rune) rune {
				if m, _ := w.glyphs.missing(string(c)); m == c {
					return -1
				}
				return c
			}, spans[i].text)
		}
		if spans[i].link == "" || w.standalone && !w.ownAnchor(spans[i].link) {
			spans[i].link = ""
			continue
		}
		if i == 0 || spans[i-1].link != spans[i].link {
			ls.texts = append(ls.texts, "")
		}
		spans[i].run = len(ls.texts) - 1
		if spans[i].sup {
			ls.texts[len(ls.texts)-1] += "Fußnote "
		}
		ls.texts[len(ls.texts)-1] += spans[i].text
	}
	return spans, ls
}

// drawLine draws a laid-out line at (x, y) as content of the current
// element, its links as Link elements. With ls nil the line is drawn
// into the open artifact, links as plain text (a repeated table header).
func (w *writer) drawLine(l line, x, y, size, lh float64, ls *links) {
	mark := func() {
		if ls != nil {
			w.content()
		}
	}
	cx := x
	// Words in the regular style that follow each other are drawn as one
	// string, with their spaces: far fewer text operations. The font has
	// no kerning, so the widths add up as laid out.
	var plain strings.Builder
	plainX := 0.0
	flush := func() {
		if plain.Len() == 0 {
			return
		}
		t := plain.String()
		w.setFont("", size)
		mark()
		w.f.SetXY(plainX, y)
		w.f.CellFormat(w.f.GetStringWidth(t), lh, t, "", 0, "L", false, 0, "")
		plain.Reset()
	}
	for j, p := range l.pieces {
		if ls == nil {
			p.link = ""
		}
		if p.link == "" && !p.sup && !p.soft && p.style == "" {
			if plain.Len() == 0 {
				plainX = cx
			}
			plain.WriteString(p.text)
			if p.space {
				plain.WriteByte(' ')
			}
			cx += w.textWidth(p.text, "", size)
			if p.space && j < len(l.pieces)-1 {
				cx += w.textWidth(" ", "", size)
			}
			continue
		}
		flush()
		style := p.style
		s := size
		dy := 0.0
		if p.sup {
			s, dy = size*0.7, -size*0.3*ptToMM
		}
		w.setFont(style, s)
		wd := w.f.GetStringWidth(p.text)
		w.f.SetXY(cx, y+dy)
		// The space after a word is drawn too, also at the end of a line:
		// text read from the tags needs it between words.
		text := p.text
		space := ""
		if p.space {
			space = " "
		}
		if p.soft {
			text = strings.TrimSuffix(text, "-")
		}
		if p.link == "" {
			mark()
			w.f.CellFormat(wd, lh, text+space, "", 0, "L", false, 0, "")
		} else {
			if p.run != ls.run {
				ls.node, ls.run = w.open("Link"), p.run
				w.close()
			}
			next := j + 1
			if next < len(l.pieces) && l.pieces[next].link != "" && l.pieces[next].run == ls.run {
				text, space = text+space, ""
			}
			outer := w.cur
			w.cur = ls.node
			w.content()
			w.f.SetTextColor(linkR, linkG, linkB)
			w.setFont(style+"U", s)
			w.f.CellFormat(wd, lh, text, "", 0, "L", false, 0, "")
			w.f.SetTextColor(textR, textG, textB)
			w.link(ls.node, p.link, strings.Join(strings.Fields(ls.texts[p.run]), " "), cx, y, cx+wd, y+lh)
			w.cur = outer
			if space != "" {
				w.content()
				w.setFont(style, s)
				w.f.SetXY(cx+wd, y+dy)
				w.f.CellFormat(w.textWidth(" ", style, s), lh, space, "", 0, "L", false, 0, "")
			}
		}
		if p.soft {
			w.hyphen(cx+w.textWidth(text, style, s), y+dy, lh)
		}
		cx += wd
		if p.space && j < len(l.pieces)-1 {
			cx += w.textWidth(" ", "", size)
		}
	}
	flush()
}

// ownAnchor reports whether a link of a PDF of one page stays inside it:
// an address, or a place on the page itself (a footnote, a heading).
func (w *writer) ownAnchor(link string) bool {
	a, ok := strings.CutPrefix(link, "#")
	return !ok || w.page != "" && (a == w.page || strings.HasPrefix(a, w.page+"--"))
}

// hyphen draws the hyphen of a word broken at the line end as an
// artifact: read from the tags, the word is whole. The font is the word's.
func (w *writer) hyphen(x, y, lh float64) {
	w.artifact()
	w.f.SetXY(x, y)
	w.f.CellFormat(w.f.GetStringWidth("-"), lh, "-", "", 0, "L", false, 0, "")
}

func (w *writer) errf(pos book.Pos, format string, args ...any) {
	w.errs.Add(&book.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}
