package pdf

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Text is shaped by HarfBuzz (go-text/typesetting's port): kerning and
// the font's other positioning, and later scripts that need shaping.
// A shaped glyph has no rune of its own, so the PDF's fonts are encoded
// by glyph: each glyph drawn gets a code (usedGlyphs), each font's
// encoding CMap maps the codes to glyph ids and its ToUnicode CMap to
// their text, and fixFonts writes the subsets from the glyphs the writer
// recorded. fpdf draws no text: it lays out
// pages and writes the objects, and its font objects are rewritten.

// typeface is one font file, parsed once for all PDFs.
type typeface struct {
	data []byte
	font *font.Font
	upem float64
	res  string // its name in the page resources
	ps   string // its PostScript name
	// its family and style for fpdf, which writes the font's objects for
	// fixFonts to rewrite
	family, style string
	widths        []int // each glyph's width in thousandths of the type size
	advance       []int // each glyph's advance in font units
	// the underline's position (below the baseline: negative) and
	// thickness, in font units
	underPos, underThick float64
}

// The cuts: three of Atkinson Hyperlegible for Latin text (bold italic
// is drawn with the bold cut), two of Noto Sans Arabic for Arabic text.
const (
	cutRegular = iota
	cutBold
	cutItalic
	cutArabic
	cutArabicBold
	cuts
)

var typefaces = sync.OnceValues(func() ([cuts]*typeface, error) {
	var tf [cuts]*typeface
	for i, data := range [cuts][]byte{fontRegular, fontBold, fontItalic, fontArabic, fontArabicBold} {
		f, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			return tf, fmt.Errorf("Schrift %d nicht lesbar: %w", i, err)
		}
		sf, err := sfnt.Parse(data)
		if err != nil {
			return tf, fmt.Errorf("Schrift %d nicht lesbar: %w", i, err)
		}
		ps, err := sf.Name(nil, sfnt.NameIDPostScript)
		if err != nil {
			return tf, fmt.Errorf("Schrift %d ohne PostScript-Namen: %w", i, err)
		}
		t := &typeface{data: data, font: f.Font, upem: float64(f.Upem()), ps: ps,
			res:    [cuts]string{"R", "B", "I", "A", "AB"}[i],
			family: [cuts]string{family, family, family, "NotoArabic", "NotoArabic"}[i],
			style:  [cuts]string{"", "B", "I", "", "B"}[i]}
		t.widths = make([]int, sf.NumGlyphs())
		t.advance = make([]int, sf.NumGlyphs())
		for g := range t.widths {
			t.advance[g] = int(f.HorizontalAdvance(font.GID(g)))
			t.widths[g] = int(float64(t.advance[g])*1000/t.upem + 0.5)
		}
		t.underPos = float64(f.LineMetric(font.UnderlinePosition))
		t.underThick = float64(f.LineMetric(font.UnderlineThickness))
		tf[i] = t
	}
	return tf, nil
})

// registerFonts gives fpdf the fonts of the cuts a PDF draws with: fpdf
// writes their objects, fixFonts rewrites them for the glyphs drawn.
func registerFonts(f *fpdf.Fpdf, used *usedGlyphs) error {
	tf, err := typefaces()
	if err != nil {
		return err
	}
	for c, t := range tf {
		if len(used.text[c]) > 0 {
			f.AddUTF8FontFromBytes(t.family, t.style, t.data)
		}
	}
	return f.Error()
}

// cut is the cut a style ("", "B", "I", "BI", with or without "U") is
// drawn with.
func cut(style string) int {
	switch strings.ReplaceAll(style, "U", "") {
	case "B", "BI":
		return cutBold
	case "I":
		return cutItalic
	}
	return cutRegular
}

// cutFor is the cut text in style is drawn with: Arabic text (a piece of
// text with a character of the Arabic blocks, letters and the Arabic
// comma alike) in Noto Sans Arabic.
func cutFor(style, text string) int {
	for _, r := range text {
		if r >= 0x0600 && (r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF ||
			r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF) {
			if strings.Contains(style, "B") {
				return cutArabicBold
			}
			return cutArabic
		}
	}
	return cut(style)
}

// rightToLeft reports whether c is a cut of a script written right to
// left.
func rightToLeft(c int) bool { return c == cutArabic || c == cutArabicBold }

// glyph is a glyph as shaped: its id, its advance in font units,
// kerning included, and the character it stands for (-1: see the texts
// of its shaped).
type glyph struct {
	gid uint16
	adv int32
	r   rune
}

// shaped is a text shaped in one cut: its glyphs and its width in font
// units; where a glyph does not stand for one character, texts has what
// each glyph stands for (for the ToUnicode CMap).
type shaped struct {
	glyphs []glyph
	texts  []string
	width  int32
	cut    int
}

// shaper shapes text for one writer and those that measure for it; it
// keeps what it shaped, words repeat.
//
// Most text is Latin, and the fonts position Latin by pairs: HarfBuzz
// moves a glyph by a kerning value that depends on it and the next glyph
// only. For such text the shaper asks HarfBuzz once per pair of
// characters and adds up: the same glyphs and advances as shaping the
// whole text (TestPairsAsShaped holds it to that over the model
// handbook), at the cost of a sum, which measuring every hyphenation of
// every word needs. Any other text, and a pair HarfBuzz does not treat
// as a pair, is shaped whole.
type shaper struct {
	tf    [cuts]*typeface
	faces [cuts]*font.Face
	hb    shaping.HarfbuzzShaper
	cache map[shapeKey]*shaped
	lang  language.Language
	gid   [cuts]map[rune]uint16
	pairs [cuts]map[[2]rune]int32 // the kerning of a pair; noPair: shape whole
	// The same for the characters of most text (see fast), in arrays:
	// glyph + 1 (0: not looked up), and the kerning of a pair (unknown:
	// not looked up).
	fastGid  [cuts][]uint16
	fastKern [cuts][]int16
}

// noPair marks a pair of characters that HarfBuzz does not shape as two
// glyphs with a kerning value on the first.
const noPair = math.MinInt32

type shapeKey struct {
	cut  int
	text string
}

func newShaper(lang string) (*shaper, error) {
	tf, err := typefaces()
	if err != nil {
		return nil, err
	}
	s := &shaper{tf: tf, cache: map[shapeKey]*shaped{}, lang: language.NewLanguage(lang)}
	for i, t := range tf {
		s.faces[i] = font.NewFace(t.font)
		s.gid[i] = map[rune]uint16{}
		s.pairs[i] = map[[2]rune]int32{}
	}
	return s, nil
}

// pairwise reports whether r is a character of the scripts shaped by
// pairs: Latin, with the punctuation, symbols and digits around it; not
// combining marks.
func pairwise(r rune) bool {
	return r >= 0x20 && r < 0x0300 || r >= 0x1E00 && r < 0x2300
}

// glyphOf is the glyph of r in cut c, false if the font has none.
func (s *shaper) glyphOf(c int, r rune) (uint16, bool) {
	if i := fast(r); i >= 0 {
		if s.fastGid[c] == nil {
			s.fastGid[c] = make([]uint16, fastN)
		}
		if g := s.fastGid[c][i]; g != 0 {
			return g - 1, g != 1
		}
		g, _ := s.tf[c].font.NominalGlyph(r)
		s.fastGid[c][i] = uint16(g) + 1
		return uint16(g), g != 0
	}
	if g, ok := s.gid[c][r]; ok {
		return g, g != 0
	}
	g, _ := s.tf[c].font.NominalGlyph(r)
	s.gid[c][r] = uint16(g)
	return uint16(g), g != 0
}

// fastN is how many characters fast numbers: Latin-1 and Latin
// Extended-A, then the dashes, quotation marks, bullet and ellipsis of
// General Punctuation (2010–202F).
const fastN = 0x180 + 0x20

// fast is the number of r among the characters most text is made of,
// -1 for any other.
func fast(r rune) int {
	switch {
	case r >= 0 && r < 0x180:
		return int(r)
	case r >= 0x2010 && r < 0x2030:
		return 0x180 + int(r-0x2010)
	}
	return -1
}

// unknownKern marks a pair in fastKern not yet looked up; noFastPair one
// HarfBuzz does not shape as a pair.
const (
	unknownKern = math.MinInt16
	noFastPair  = math.MinInt16 + 1
)

// kern is what HarfBuzz adds to the advance of a's glyph before b's.
func (s *shaper) kern(c int, a, b rune) int32 {
	ia, ib := fast(a), fast(b)
	if ia >= 0 && ib >= 0 {
		if s.fastKern[c] == nil {
			s.fastKern[c] = make([]int16, fastN*fastN)
			for i := range s.fastKern[c] {
				s.fastKern[c][i] = unknownKern
			}
		}
		at := ia*fastN + ib
		switch v := s.fastKern[c][at]; v {
		case noFastPair:
			return noPair
		case unknownKern:
		default:
			return int32(v)
		}
		v := s.kernWhole(c, a, b)
		switch {
		case v == noPair:
			s.fastKern[c][at] = noFastPair
		case v > unknownKern+1 && v <= math.MaxInt16:
			s.fastKern[c][at] = int16(v)
		}
		return v
	}
	k := [2]rune{a, b}
	if v, ok := s.pairs[c][k]; ok {
		return v
	}
	v := s.kernWhole(c, a, b)
	s.pairs[c][k] = v
	return v
}

// kernWhole asks HarfBuzz for the kerning of a and b.
func (s *shaper) kernWhole(c int, a, b rune) int32 {
	v := int32(noPair)
	ga, _ := s.glyphOf(c, a)
	gb, _ := s.glyphOf(c, b)
	sh := s.harfbuzz(c, []rune{a, b})
	if g := sh.glyphs; len(g) == 2 && g[0].gid == ga && g[1].gid == gb && g[1].adv == int32(s.tf[c].advance[gb]) {
		v = g[0].adv - int32(s.tf[c].advance[ga])
	}
	return v
}

// pairWidth is the width of text in cut c in font units, added up by
// pairs; false if text is not shaped by pairs.
func (s *shaper) pairWidth(c int, text string) (int32, bool) {
	if rightToLeft(c) {
		return 0, false
	}
	var width int32
	prev := rune(-1)
	for _, r := range text {
		if !pairwise(r) {
			return 0, false
		}
		g, ok := s.glyphOf(c, r)
		if !ok {
			return 0, false
		}
		width += int32(s.tf[c].advance[g])
		if prev >= 0 {
			k := s.kern(c, prev, r)
			if k == noPair {
				return 0, false
			}
			width += k
		}
		prev = r
	}
	return width, true
}

// shape returns text shaped in the cut of style.
func (s *shaper) shape(style, text string) *shaped {
	k := shapeKey{cutFor(style, text), text}
	if sh, ok := s.cache[k]; ok {
		return sh
	}
	var sh *shaped
	if w, ok := s.pairWidth(k.cut, text); ok {
		sh = &shaped{glyphs: make([]glyph, 0, len(text)), width: w}
		for _, r := range text {
			g, _ := s.glyphOf(k.cut, r)
			if n := len(sh.glyphs); n > 0 {
				sh.glyphs[n-1].adv += s.kern(k.cut, sh.glyphs[n-1].r, r)
			}
			sh.glyphs = append(sh.glyphs, glyph{gid: g, adv: int32(s.tf[k.cut].advance[g]), r: r})
		}
	} else {
		sh = s.harfbuzz(k.cut, []rune(text))
	}
	sh.cut = k.cut
	s.cache[k] = sh
	return sh
}

// space is a space shaped in cut c.
func (s *shaper) space(c int) *shaped {
	k := shapeKey{c, " "}
	if sh, ok := s.cache[k]; ok {
		return sh
	}
	g, _ := s.glyphOf(c, ' ')
	sh := &shaped{glyphs: []glyph{{gid: g, adv: int32(s.tf[c].advance[g]), r: ' '}}, width: int32(s.tf[c].advance[g]), cut: c}
	s.cache[k] = sh
	return sh
}

// harfbuzz shapes runes whole; right to left in an Arabic cut, where
// the glyphs come in the order they are drawn, from the left.
func (s *shaper) harfbuzz(c int, runes []rune) *shaped {
	tf := s.tf[c]
	in := shaping.Input{
		Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR,
		Face: s.faces[c], Size: fixed.I(int(tf.upem)),
		Script: language.Latin, Language: s.lang,
	}
	if rightToLeft(c) {
		in.Direction, in.Script, in.Language = di.DirectionRTL, language.Arabic, language.NewLanguage("ar")
	}
	out := s.hb.Shape(in)
	sh := &shaped{glyphs: make([]glyph, len(out.Glyphs)), texts: make([]string, len(out.Glyphs)), cut: c}
	for i, g := range out.Glyphs {
		adv := int32(g.Advance.Round())
		sh.glyphs[i] = glyph{gid: uint16(g.GlyphID), adv: adv, r: -1}
		sh.width += adv
		if i == 0 || g.ClusterIndex != out.Glyphs[i-1].ClusterIndex {
			text := runes[g.ClusterIndex : g.ClusterIndex+g.RuneCount]
			if rightToLeft(c) && len(text) > 1 {
				// A ligature of two letters (lam-alef) maps to them in
				// the order it is drawn, as every other glyph of a
				// right-to-left word: what reads the text back turns the
				// word around, the ligature with it.
				text = slices.Clone(text)
				slices.Reverse(text)
			}
			sh.texts[i] = string(text)
		}
	}
	return sh
}

// width is the width of text in style and size, in mm.
func (s *shaper) width(style, text string, size float64) float64 {
	c := cutFor(style, text)
	w, ok := s.pairWidth(c, text)
	if !ok {
		w = s.shape(style, text).width
	}
	return float64(w) / s.tf[c].upem * size * ptToMM
}

// usedGlyphs records the glyphs a PDF draws, by cut, with their text
// and their code in the content. The first 128 glyphs of a cut get the
// one-byte codes 00–7F, the others two-byte codes from 8000 on: most
// text takes one byte a glyph, half of Identity-H's two (see fixFonts
// for the CMap that says so).
type usedGlyphs struct {
	text  [cuts]map[uint16]string
	code  [cuts][]uint16 // by glyph id: its code + 1, 0 if it has none yet
	codes [cuts]int      // how many codes are given
}

// oneByte is how many glyphs of a cut get a one-byte code.
const oneByte = 0x80

func (u *usedGlyphs) add(sh *shaped) {
	c := sh.cut
	if u.text[c] == nil {
		u.text[c] = map[uint16]string{}
		u.code[c] = make([]uint16, 1<<16)
	}
	for i, g := range sh.glyphs {
		if u.code[c][g.gid] != 0 && u.text[c][g.gid] != "" {
			continue
		}
		t := ""
		if g.r >= 0 {
			t = string(g.r)
		} else {
			t = sh.texts[i]
		}
		u.text[c][g.gid] = t
		if u.code[c][g.gid] == 0 {
			code := u.codes[c]
			if code >= oneByte {
				code = 0x8000 + code - oneByte
			}
			u.code[c][g.gid] = uint16(code) + 1
			u.codes[c]++
		}
	}
}

// appendCode appends the code of glyph g of cut c to a literal string.
func (u *usedGlyphs) appendCode(b []byte, c int, g uint16) []byte {
	code := u.code[c][g] - 1
	if code < oneByte {
		return appendLiteral(b, byte(code))
	}
	return appendLiteral(appendLiteral(b, byte(code>>8)), byte(code))
}

// byCode returns the glyphs of cut c that have a code, by code.
func (u *usedGlyphs) byCode(c int) map[uint16]uint16 {
	m := map[uint16]uint16{}
	for g := range u.text[c] {
		if code := u.code[c][g]; code != 0 {
			m[code-1] = g
		}
	}
	return m
}

// textObj is the text object being written, and the state of the page's
// graphics that text uses. A text object stays open over the lines of a
// paragraph until something else is drawn or the marked content changes
// (endText); font, colour and rise are written only where they change.
// fpdf writes no text, so the font is only ever set here; the fill colour
// is set by fpdf too (setFill forgets it), and a new page starts afresh.
type textObj struct {
	open  bool
	known bool // cut, size, color and rise are those of the page
	cut   int
	size  float64
	color [3]uint8
	rise  float64
	x, y  float64 // where the last Td put the line, in pt
	buf   []byte
}

// forget makes the next text set font, colour and rise again: the page
// is new, or its fill colour was set for a drawing.
func (t *textObj) forget() { t.known = false }

// setFill sets the colour fpdf fills with.
func (w *writer) setFill(r, g, b int) {
	w.endText()
	w.f.SetFillColor(r, g, b)
	w.txt.forget()
}

// showText draws text in style and size starting at x on the baseline y
// (mm from the page's top left), rise pt above it.
func (w *writer) showText(x, y float64, style string, size, rise float64, text string) {
	sh := w.sh.shape(style, text)
	w.used.add(sh)
	w.show(x, y, sh.cut, size, rise, sh.glyphs)
}

// show draws glyphs of cut c in size starting at x on the baseline y, as
// one string whose glyphs are placed by their advances: the positions
// the shaper chose, or that the line's layout gave.
func (w *writer) show(x, y float64, c int, size, rise float64, glyphs []glyph) {
	if len(glyphs) == 0 {
		return
	}
	t := &w.txt
	tf := w.sh.tf[c]
	k := 72 / 25.4
	px, py := x*k, (w.ph-y)*k
	b := t.buf[:0]
	if !t.open {
		b = append(b, "BT"...)
		t.open = true
		t.x, t.y = 0, 0
	}
	if !t.known || t.cut != c || t.size != size {
		b = fmt.Appendf(b, " /%s %s Tf", tf.res, num(size))
		t.cut, t.size = c, size
	}
	if !t.known || t.color != w.color {
		b = fmt.Appendf(b, " %s %s %s rg", num(float64(w.color[0])/255), num(float64(w.color[1])/255), num(float64(w.color[2])/255))
		t.color = w.color
	}
	if !t.known && rise != 0 || t.rise != rise {
		b = fmt.Appendf(b, " %s Ts", num(rise))
		t.rise = rise
	}
	t.known = true
	// Positions to a tenth of a point (0.04 mm), which print does not
	// show and which takes fewer bytes; the line is where the rounded
	// moves put it, so that rounding does not add up over a paragraph.
	dx, dy := math.Round((px-t.x)*10)/10, math.Round((py-t.y)*10)/10
	b = fmt.Appendf(b, " %s %s Td [(", num(dx), num(dy))
	t.x, t.y = t.x+dx, t.y+dy
	// The advances wanted, against the widths the PDF knows: each
	// difference is one number in the TJ array, and the rounding of the
	// widths to thousandths is carried so that it does not add up. The
	// codes are written as bytes in a literal string, half the size of
	// hex.
	want, got := 0.0, 0
	for i, g := range glyphs {
		if i > 0 {
			if d := int(math.Round(want)) - got; d != 0 {
				b = fmt.Appendf(b, ")%d(", -d)
				got += d
			}
		}
		b = w.used.appendCode(b, c, g.gid)
		want += float64(g.adv) * 1000 / tf.upem
		got += tf.widths[g.gid]
	}
	b = append(b, ")]TJ"...)
	w.f.RawWriteStr(string(b))
	t.buf = b
}

// appendLiteral appends c to a literal string: escaped where it would
// end the string, escape, or be read as the end of a line.
func appendLiteral(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, c)
}

// endText closes the open text object.
func (w *writer) endText() {
	if w.txt.open {
		w.f.RawWriteStr("ET")
		w.txt.open = false
	}
}

// num writes a number as PDF content needs it: two decimals, no trailing
// zeros, no leading zero.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	switch {
	case s == "-0" || s == "":
		return "0"
	case strings.HasPrefix(s, "0."):
		return s[1:]
	case strings.HasPrefix(s, "-0."):
		return "-" + s[2:]
	}
	return s
}
