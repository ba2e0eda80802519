package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
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
// opportunity (a space, or after a hyphen, a Mediopunkt, an en dash or a
// slash inside a word), or up to the end of its span.
type piece struct {
	span
	space  bool // ends with a space, dropped at the end of a line
	glue   bool // no line break after it (with space: a no-break space)
	soft   bool // ends with a hyphen added at a line break
	joined bool // the next piece belongs to the same link
	width  float64
}

// split cuts spans into pieces at their break opportunities and marks
// where a line must not break: between two spans with no space between
// them (a link or an emphasis ends, goldmark splits text at „ and “),
// before closing punctuation and a footnote mark, and where German
// typesetting binds words with a no-break space (see binds).
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
					out[len(out)-1].glue = false
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
			// The span ends inside a word: the next span continues it.
			out = append(out, piece{span: s.with(s.text[start:]), glue: true})
		}
	}
	for i := range out {
		p := &out[i]
		if i+1 == len(out) || out[i+1].text == "\n" || p.text == "\n" {
			p.glue = false
			continue
		}
		q := out[i+1]
		p.joined = p.link != "" && q.link == p.link && q.run == p.run
		last, _ := utf8.DecodeLastRuneInString(p.text)
		first, _ := utf8.DecodeRuneInString(q.text)
		switch {
		case q.sup || strings.ContainsRune(closing, first):
			p.glue = true // a line never starts with a footnote mark or closing punctuation
		case !p.space && strings.ContainsRune("-·/–", last):
			// A hyphen breaks inside a word, also at a span's end, but
			// not between digits (a phone number, "45-67").
			before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(p.text, string(last)))
			p.glue = unicode.IsDigit(before) && unicode.IsDigit(first)
		case p.space && binds(p.text, q.text):
			p.glue = true
		}
	}
	return out
}

// closing is the punctuation no line starts with.
const closing = ".,;:!?)]“”’‘…»«"

// boundBefore are words that a no-break space binds to a number after
// them: "§ 61", "Art. 6 Abs. 1", "Kapitel 4", "Seite 12".
var boundBefore = map[string]bool{
	"§": true, "§§": true, "Art.": true, "Artikel": true, "Abs.": true, "Absatz": true,
	"Nr.": true, "Nummer": true, "S.": true, "Satz": true, "Ziff.": true, "Kapitel": true,
	"Kap.": true, "Anlage": true, "Anhang": true, "Seite": true, "Seiten": true, "Bd.": true,
	"SGB": true, "Tel.": true,
}

// units are words that a no-break space binds to the number before them.
var units = map[string]bool{
	"%": true, "‰": true, "€": true, "$": true, "Euro": true, "EUR": true, "Cent": true, "Prozent": true,
	"Uhr": true, "Jahr": true, "Jahre": true, "Jahren": true, "Monat": true, "Monate": true, "Monaten": true,
	"Woche": true, "Wochen": true, "Tag": true, "Tage": true, "Tagen": true, "Stunde": true, "Stunden": true,
	"Minute": true, "Minuten": true, "Sekunden": true, "Std.": true, "Min.": true, "Mio.": true, "Mrd.": true,
	"Millionen": true, "Milliarden": true, "Personen": true, "Mal": true,
	"mm": true, "cm": true, "m": true, "km": true, "g": true, "kg": true, "t": true, "l": true,
	"KB": true, "MB": true, "GB": true, "TB": true, "kB": true, "pt": true, "px": true, "dpi": true,
}

// binds reports whether the space between the words a and b must not
// break a line (German typesetting: a no-break space): a number after
// "§", "Art.", "Kapitel" and the like; a unit after a number; the groups
// of a phone number; "z. B.", "d. h.", "u. a."; a spaced dash stays at
// the line's end.
func binds(a, b string) bool {
	bw := strings.TrimRight(b, closing)
	aw := strings.TrimLeft(a, "(„‚[«»\"")
	first, _ := utf8.DecodeRuneInString(b)
	switch {
	case b == "–" || b == "—":
		return true
	case boundBefore[aw] && (unicode.IsDigit(first) || aw == "SGB" && romanNumeral(bw)):
		return true
	case endsInNumber(aw) && (units[bw] || units[b]):
		return true
	case digitGroup(aw) && digitGroup(bw):
		return true // "+49 30 1234567-0", "030 123 45-67", "10 000"
	case initial(aw) && initial(strings.TrimRight(b, ",;:!?)")):
		return true // "z. B.", "d. h.", "u. a.", "i. d. R."
	}
	return false
}

// endsInNumber reports whether s is a number: "30", "3,5", "1.000", "15–20".
func endsInNumber(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(last) && strings.Trim(s, "0123456789.,–-+") == ""
}

// digitGroup reports whether s is a group of a phone number: digits, and
// "+", "(", ")", "/", "-" among them.
func digitGroup(s string) bool {
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "+("))
	return unicode.IsDigit(first) && strings.Trim(s, "0123456789+()/-") == ""
}

// initial reports whether s is one letter and a full stop, as each part
// of "z. B.".
func initial(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && s[n:] == "."
}

func romanNumeral(s string) bool {
	return s != "" && strings.Trim(s, "IVX") == ""
}

// with is s with another text.
func (s span) with(text string) span {
	s.text = text
	return s
}

// line is a laid-out line of pieces.
type line struct {
	pieces  []piece
	width   float64
	measure float64 // the width it was broken for
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

// ragFill is how full a line must be before the next word moves to the
// next line whole; a line that would end shorter takes the first part of
// the word, hyphenated, where the word allows: a calm right edge.
const ragFill = 0.8

// wrap fills lines of at most width, greedily. A word (the pieces
// between two break opportunities) that does not fit what is left of
// the line moves to the next line, unless the line would end too short
// (ragFill) and the word can be hyphenated there; a word that does not
// fit a line of its own is hyphenated. wrap returns the words that
// cannot be hyphenated to fit, each on a line of its own, too wide; with
// anywhere, such a word is broken between any two characters instead,
// with a hyphen as at a hyphenation point, and none is too wide.
func (w *writer) wrap(spans []span, size, width float64, anywhere bool) (lines []line, long []string) {
	pieces := split(spans)
	for i := range pieces {
		pieces[i].width = w.textWidth(pieces[i].text, pieces[i].style, size)
	}
	cur := line{}
	spaceW := w.textWidth(" ", "", size)
	// Rag hyphenation for running text, not for headings: they are set
	// larger than the body and break only where they must.
	rag := !w.noHyphens && (w.body == 0 || size <= w.body)
	flush := func() {
		if n := len(cur.pieces); n > 0 {
			cur.measure = width
			lines = append(lines, cur)
		}
		cur = line{}
	}
	add := func(ps ...piece) {
		for _, p := range ps {
			if n := len(cur.pieces); n > 0 && cur.pieces[n-1].space {
				cur.width += spaceW
			}
			cur.pieces = append(cur.pieces, p)
			cur.width += p.width
		}
	}
	// split ends the line with the word pieces[i:] up to its k-th piece
	// and head, the part of that piece before the hyphen; tail, the rest,
	// takes the piece's place. It returns where to go on: at the tail.
	split := func(i int, word []piece, k int, head, tail piece) int {
		add(word[:k]...)
		add(head)
		flush()
		pieces[i+k] = tail
		return i + k
	}
	for i := 0; i < len(pieces); {
		if pieces[i].text == "\n" {
			flush()
			i++
			continue
		}
		// The word: pieces[i:j], with no break opportunity inside.
		j, gw := i+1, pieces[i].width
		for ; j < len(pieces) && pieces[j-1].glue; j++ {
			if pieces[j-1].space {
				gw += spaceW
			}
			gw += pieces[j].width
		}
		word := pieces[i:j]
		gap := 0.0
		if n := len(cur.pieces); n > 0 && cur.pieces[n-1].space {
			gap = spaceW
		}
		if cur.width+gap+gw <= width {
			add(word...)
			i = j
			continue
		}
		room := width - cur.width - gap
		if len(cur.pieces) > 0 && gw <= width {
			// The word fits the next line; take part of it only if this
			// line would end much too short.
			if rag && cur.width < ragFill*width {
				if k, head, tail, ok := w.hyphenateWord(word, room, size, true); ok {
					i = split(i, word, k, head, tail)
					continue
				}
			}
			flush()
			continue
		}
		// The word is wider than a line: hyphenate.
		k, head, tail, ok := w.hyphenateWord(word, room, size, false)
		if !ok && len(cur.pieces) > 0 {
			flush()
			continue
		}
		if ok {
			i = split(i, word, k, head, tail)
			continue
		}
		// No hyphenation point: break where the word's parts meet (a link
		// and what follows it), else between characters or not at all.
		if k := fitting(word, width, spaceW); k > 0 {
			add(word[:k]...)
			flush()
			i += k
			continue
		}
		p := pieces[i]
		if anywhere {
			head, tail := w.breakAnywhere(p, width, size)
			add(head)
			flush()
			if tail.text != "" {
				tail.width = w.textWidth(tail.text, tail.style, size)
				pieces[i] = tail
				continue
			}
			i++
			continue
		}
		long = append(long, p.text)
		p.width = width
		add(p)
		flush()
		i++
	}
	flush()
	return lines, long
}

// fitting is how many of the pieces of word fit into width, as a line of
// their own.
func fitting(word []piece, width, spaceW float64) int {
	used := 0.0
	for k, p := range word {
		if k > 0 && word[k-1].space {
			used += spaceW
		}
		used += p.width
		if used > width {
			return k
		}
	}
	return len(word)
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

// cellPad is the room in mm left and right of a table cell's text,
// together.
const cellPad = 3.0

// columnWidths shares width among the columns of a table whose cells
// (rows of columns of spans) are set in size, as a browser lays out a
// table automatically: a column is at least as wide as its longest word
// and at most as wide as its widest cell on one line, each with pad. If
// every column can be as wide as it asks, the rest is shared in
// proportion to that; else each column gets its minimum and a share of
// the rest in proportion to what it asks beyond it; if even the minima
// do not fit, they shrink alike (and the words are hyphenated, or the
// type gets smaller, see table).
func (w *writer) columnWidths(cells [][][]span, size, width, pad float64) []float64 {
	var lo, hi []float64
	for _, row := range cells {
		for i, c := range row {
			for len(lo) <= i {
				lo, hi = append(lo, pad), append(hi, pad)
			}
			l, h := w.extent(c, size)
			lo[i], hi[i] = max(lo[i], l+pad), max(hi[i], h+pad)
		}
	}
	var sumLo, sumHi float64
	for i := range lo {
		sumLo += lo[i]
		sumHi += hi[i]
	}
	out := make([]float64, len(lo))
	for i := range lo {
		switch {
		case sumHi <= width:
			out[i] = hi[i] * width / sumHi
		case sumLo <= width:
			out[i] = lo[i] + (hi[i]-lo[i])*(width-sumLo)/(sumHi-sumLo)
		default:
			out[i] = lo[i] * width / sumLo
		}
	}
	return out
}

// extent is the width of the widest word of spans (what no line break
// divides) and of its widest line with no break but the hard ones.
func (w *writer) extent(spans []span, size float64) (word, line float64) {
	spaceW := w.textWidth(" ", "", size)
	cur, run := 0.0, 0.0
	pieces := split(spans)
	for i, p := range pieces {
		if p.text == "\n" {
			cur, run = 0, 0
			continue
		}
		pw := w.textWidth(p.text, p.style, size)
		cur += pw
		run += pw
		word, line = max(word, run), max(line, cur)
		if p.space {
			cur += spaceW
		}
		if !p.glue || i+1 < len(pieces) && pieces[i+1].text == "\n" {
			run = 0
		} else if p.space {
			run += spaceW
		}
	}
	return word, line
}

// quoteBar is the bar left of a quote, from y down on the current page.
// A page break inside the quote draws it to where the text on the page
// ends (barsToFoot, from the footer) and starts it again at the next
// page's top.
type quoteBar struct{ x, y float64 }

// draw draws the bar down to y2, unless nothing of the quote is on the
// page (its first paragraph moved on to the next).
func (b *quoteBar) draw(w *writer, y2 float64) {
	if y2 <= b.y+0.5 {
		return
	}
	w.artifact()
	w.f.SetDrawColor(linkR, linkG, linkB)
	w.f.SetLineWidth(0.8)
	w.f.Line(b.x, b.y, b.x, y2)
	w.f.SetLineWidth(0.2)
}

// barsToFoot draws the bars of the quotes that a page break interrupts,
// on the page that ends, and starts them at the next page's top.
func (w *writer) barsToFoot() {
	for _, b := range w.bars {
		b.draw(w, w.f.GetY())
		b.y = top
	}
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

// Hyphenation never leaves fewer than minHead letters at a line's end
// nor fewer than minTail at the next line's start: no syllable of one
// letter stands alone, nor one of three at a word's end.
const (
	minHead = 2
	minTail = 4
)

// hyphenateWord breaks the word (pieces with no break opportunity
// between them) at the last German hyphenation point that fits into
// room: the piece k it breaks in becomes head, with a hyphen at its end,
// after word[:k], and tail. For the rag (calm) only words of letters are
// broken, no addresses, numbers or abbreviations.
func (w *writer) hyphenateWord(word []piece, room, size float64, calm bool) (k int, head, tail piece, ok bool) {
	if w.noHyphens {
		return 0, piece{}, piece{}, false
	}
	spaceW := w.textWidth(" ", "", size)
	used := 0.0
	for k = 0; k < len(word)-1; k++ {
		if used+word[k].width > room {
			break
		}
		used += word[k].width
		if word[k].space {
			used += spaceW
		}
	}
	p := word[k]
	if p.sup || calm && !plainWord(p.text) {
		return 0, piece{}, piece{}, false
	}
	head, tail, ok = w.hyphenate(p, room-used, size)
	return k, head, tail, ok
}

// plainWord reports whether s is a word of letters, with punctuation
// around it: no address, number or abbreviation in capitals.
func plainWord(s string) bool {
	upper := 0
	for _, r := range strings.Trim(s, closing+"(„‚[«»\"'") {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper < 2
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
	letters := func(parts []string) (n int) {
		for _, s := range parts {
			for _, r := range s {
				if unicode.IsLetter(r) {
					n++
				}
			}
		}
		return n
	}
	for k := len(parts) - 1; k >= 1; k-- {
		if letters(parts[:k]) < minHead || letters(parts[k:]) < minTail {
			continue
		}
		h := strings.Join(parts[:k], "") + "-"
		if wd := w.textWidth(h, p.style, size); wd <= room {
			head, tail = p, p
			head.text, head.width, head.space, head.soft, head.glue = h, wd, false, true, false
			head.joined = p.link != ""
			tail.text = strings.Join(parts[k:], "")
			tail.width = w.textWidth(tail.text, p.style, size)
			return head, tail, true
		}
	}
	return p, piece{}, false
}

// textWidth is the width of s in style and size, in mm, as shaped.
func (w *writer) textWidth(s, style string, size float64) float64 {
	return w.sh.width(style, s, size)
}

// measurer returns a writer that only measures text: a table is laid
// out at several sizes before it is drawn.
func (w *writer) measurer() *writer {
	if w.sh == nil {
		// Only a writer that never draws has none; the fonts are ours,
		// embedded: that they cannot be read is a bug.
		sh, err := newShaper("de")
		if err != nil {
			panic(err)
		}
		w.sh = sh
	}
	if w.sizer == nil {
		w.sizer = &writer{sh: w.sh, noHyphens: w.noHyphens}
		w.sizer.sizer = w.sizer
	}
	return w.sizer
}

// setFont sets the style and size cellText draws in.
func (w *writer) setFont(style string, size float64) {
	w.font = fontKey{style: style, size: size}
}

// cellText draws text in the current font and colour as fpdf's
// CellFormat placed it: in a cell of width wd and height h at the
// current position, aligned "L", "R" or "C" inside fpdf's cell margin,
// its baseline 0.3 of the type size below the cell's middle. The
// position moves to the cell's right edge.
func (w *writer) cellText(wd, h float64, text, align string) {
	x, y := w.f.GetXY()
	m := w.f.GetCellMargin()
	tw := w.textWidth(text, w.font.style, w.font.size)
	dx := m
	switch align {
	case "R":
		dx = wd - m - tw
	case "C":
		dx = (wd - tw) / 2
	}
	w.showText(x+dx, y+h/2+0.3*w.font.size/(72/25.4), w.font.style, w.font.size, 0, text)
	w.endText()
	if strings.Contains(w.font.style, "U") {
		w.underline(x+dx, y+h/2+0.3*w.font.size/(72/25.4), tw, w.font.style, w.font.size)
	}
	w.f.SetXY(x+wd, y)
}

// underline draws the line under text of width wd on the baseline y in
// the text's colour, where and as thick as the font says.
func (w *writer) underline(x, y, wd float64, style string, size float64) {
	t := w.sh.tf[cut(style)]
	pos, thick, upem := t.underPos, t.underThick, t.upem
	k := 72 / 25.4
	y0 := (w.ph-y)*k + pos/upem*size
	w.f.RawWriteStr(fmt.Sprintf("q %s %s %s rg %s %s %s %s re f Q",
		num(float64(w.color[0])/255), num(float64(w.color[1])/255), num(float64(w.color[2])/255),
		num(x*k), num(y0), num(wd*k), num(-thick/upem*size)))
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
		w.endText()
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
// Words in one style follow each other in one string of glyphs, their
// spaces as wide as the layout made them, and so do the words of a link,
// with one underline; a link, a hyphen or a change of element closes the
// text object, and the caller closes it after its last line (endText).
func (w *writer) drawLine(l line, x, y, size, lh float64, ls *links) {
	if rightToLeftLine(l) {
		w.drawRTL(l, x, y, size, lh, ls)
		return
	}
	k := 72 / 25.4
	base := y + lh/2 + 0.3*size/k
	margin := w.f.GetCellMargin()
	cx := x + margin
	spaceW := w.textWidth(" ", "", size)
	// r is the words not yet drawn: in one style, size and rise, and
	// either all of one link (p.run, with target) or of none (run -1).
	r := struct {
		glyphs     []glyph
		x, end     float64 // where it starts, and where its last word ends
		style      string
		cut        int
		size, rise float64
		run        int
		target     string
	}{glyphs: w.lineGlyphs[:0], run: -1}
	defer func() { w.lineGlyphs = r.glyphs[:0] }()
	flush := func() {
		if len(r.glyphs) == 0 {
			return
		}
		defer func() { r.glyphs = r.glyphs[:0] }()
		if r.run < 0 {
			if ls != nil {
				w.content()
			}
			w.show(r.x, base, r.cut, r.size, r.rise, r.glyphs)
			return
		}
		outer, color := w.cur, w.color
		w.cur = ls.node
		w.content()
		w.color = [3]uint8{linkR, linkG, linkB}
		w.show(r.x, base, r.cut, r.size, r.rise, r.glyphs)
		w.endText()
		w.underline(r.x, base-r.rise/k, r.end-r.x, r.style, r.size)
		w.color = color
		w.link(ls.node, r.target, strings.Join(strings.Fields(ls.texts[r.run]), " "), r.x-margin, y, r.end-margin, y+lh)
		w.cur = outer
	}
	// add appends text (and a space as wide as the layout's) at x.
	add := func(x float64, style string, s, rise float64, run int, target, text string, space bool) {
		c := r.cut
		var sh *shaped
		if text != "" {
			sh = w.sh.shape(style, text)
			c = sh.cut
		}
		if len(r.glyphs) > 0 && (style != r.style || c != r.cut || s != r.size || rise != r.rise || run != r.run) {
			flush()
		}
		if len(r.glyphs) == 0 {
			r.x, r.style, r.cut, r.size, r.rise, r.run, r.target = x, style, c, s, rise, run, target
		}
		if sh != nil {
			w.used.add(sh)
			r.glyphs = append(r.glyphs, sh.glyphs...)
			r.end = x + float64(sh.width)/w.sh.tf[c].upem*s*ptToMM
		}
		if space {
			sp := w.sh.space(r.cut)
			w.used.add(sp)
			g := sp.glyphs[0]
			g.adv = int32(math.Round(spaceW / (s * ptToMM) * w.sh.tf[r.cut].upem))
			r.glyphs = append(r.glyphs, g)
		}
	}
	for j, p := range l.pieces {
		if ls == nil {
			p.link = ""
		}
		s, rise := size, 0.0
		if p.sup {
			s, rise = size*0.7, size*0.3
		}
		// The space after a word is drawn too, also at the end of a line:
		// text read from the tags needs it between words.
		text := p.text
		if p.soft {
			text = strings.TrimSuffix(text, "-")
		}
		wd := w.textWidth(text, p.style, s)
		switch {
		case p.link == "":
			add(cx, p.style, s, rise, -1, "", text, p.space)
		case p.joined:
			// The space between two words of a link is the link's, also
			// at a line's end: its text reads "Sie dürfen", not "Sie"
			// "dürfen" with the space in the paragraph around it.
			if p.run != ls.run {
				flush()
				ls.node, ls.run = w.open("Link"), p.run
				w.close()
			}
			add(cx, p.style, s, rise, p.run, p.link, text, p.space)
		default:
			if p.run != ls.run {
				flush()
				ls.node, ls.run = w.open("Link"), p.run
				w.close()
			}
			add(cx, p.style, s, rise, p.run, p.link, text, false)
			if p.space {
				add(cx+wd, p.style, s, rise, -1, "", "", true)
			}
		}
		if p.soft {
			flush()
			w.artifact()
			w.showText(cx+wd, base, p.style, s, rise, "-")
		}
		cx += wd
		if p.space && j < len(l.pieces)-1 {
			cx += spaceW
		}
	}
	flush()
}

// rightToLeftLine reports whether the first letter of l is of a script
// written right to left.
func rightToLeftLine(l line) bool {
	for _, p := range l.pieces {
		if strings.IndexFunc(p.text, unicode.IsLetter) >= 0 {
			return rightToLeftText(p.text)
		}
	}
	return false
}

// rightToLeftText reports whether the first letter of s is of a script
// written right to left.
func rightToLeftText(s string) bool {
	if i := strings.IndexFunc(s, unicode.IsLetter); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return rightToLeft(cutFor("", string(r)))
	}
	return false
}

// drawRTL draws a line whose text runs right to left: set flush right,
// its words in the order the Unicode bidirectional algorithm gives them
// (rule L2: a run of left-to-right words, a number or a Latin name, keeps
// its order inside the line's order from the right). Each word is shaped
// in its own direction, and the words are written into the content in
// the order they are read, each at its place: what reads the text
// (pdftotext, a screen reader through the tags) gets it in that order.
func (w *writer) drawRTL(l line, x, y, size, lh float64, ls *links) {
	k := 72 / 25.4
	base := y + lh/2 + 0.3*size/k
	margin := w.f.GetCellMargin()
	spaceW := w.textWidth(" ", "", size)
	n := len(l.pieces)
	texts := make([]string, n)
	widths := make([]float64, n)
	ltr := make([]bool, n) // the bidi level is 2, not 1
	for i, p := range l.pieces {
		texts[i] = p.text
		if p.soft {
			texts[i] = strings.TrimSuffix(p.text, "-")
		}
		s := size
		if p.sup {
			s = size * 0.7
		}
		widths[i] = w.textWidth(texts[i], p.style, s)
		for _, r := range p.text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				ltr[i] = !rightToLeft(cutFor("", string(r)))
				break
			}
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for i := 0; i < n; { // L2: reverse the runs of level 2, then the line
		if !ltr[i] {
			i++
			continue
		}
		j := i
		for j < n && ltr[j] {
			j++
		}
		slices.Reverse(order[i:j])
		i = j
	}
	slices.Reverse(order)
	pos := make([]float64, n)
	cx := x + margin + max(0, l.measure-l.width)
	for v, i := range order {
		if v > 0 {
			if a := min(i, order[v-1]); l.pieces[a].space {
				cx += spaceW
			}
		}
		pos[i] = cx
		cx += widths[i]
	}
	for i, p := range l.pieces {
		s, rise := size, 0.0
		if p.sup {
			s, rise = size*0.7, size*0.3
		}
		if p.link != "" && ls != nil {
			if p.run != ls.run {
				ls.node, ls.run = w.open("Link"), p.run
				w.close()
			}
			outer, color := w.cur, w.color
			w.cur = ls.node
			w.content()
			w.color = [3]uint8{linkR, linkG, linkB}
			w.showText(pos[i], base, p.style, s, rise, texts[i])
			w.endText()
			w.underline(pos[i], base-rise/k, widths[i], p.style, s)
			w.color = color
			w.link(ls.node, p.link, strings.Join(strings.Fields(ls.texts[p.run]), " "), pos[i]-margin, y, pos[i]-margin+widths[i], y+lh)
			w.cur = outer
		} else {
			if ls != nil {
				w.content()
			}
			w.showText(pos[i], base, p.style, s, rise, texts[i])
		}
		if p.space && i < n-1 {
			// The space between this word and the next, wherever the two
			// stand.
			gap := pos[i] + widths[i]
			if pos[i+1] < pos[i] {
				gap = pos[i+1] + widths[i+1]
			}
			if ls != nil {
				w.content()
			}
			sp := w.sh.space(cutFor(p.style, texts[i]))
			w.used.add(sp)
			w.show(gap, base, sp.cut, size, 0, sp.glyphs)
		}
		if p.soft {
			w.artifact()
			w.showText(pos[i]+widths[i], base, p.style, s, rise, "-")
		}
	}
}

// ownAnchor reports whether a link of a PDF of one page stays inside it:
// an address, or a place on the page itself (a footnote, a heading).
func (w *writer) ownAnchor(link string) bool {
	a, ok := strings.CutPrefix(link, "#")
	return !ok || w.page != "" && (a == w.page || strings.HasPrefix(a, w.page+"--"))
}

func (w *writer) errf(pos book.Pos, format string, args ...any) {
	w.errs.Add(&book.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}
