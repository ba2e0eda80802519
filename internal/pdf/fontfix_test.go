package pdf

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/handbuch/handbuch/internal/pdfua"
)

// shapedUse is what a writer records when it draws texts in style.
func shapedUse(t *testing.T, style string, texts ...string) usedGlyphs {
	t.Helper()
	sh, err := newShaper("de")
	if err != nil {
		t.Fatal(err)
	}
	var u usedGlyphs
	for _, s := range texts {
		u.add(sh.shape(style, s))
	}
	return u
}

// TestSubsetFont subsets the regular font to the glyphs of a text: a
// second parser (x/image's sfnt) reads the subset, finds every character
// of the text at its glyph, no glyph for one not drawn, the drawn glyphs'
// outlines and the others empty; every table checksum and the whole
// file's checksum are what TrueType demands.
func TestSubsetFont(t *testing.T) {
	used := shapedUse(t, "", " ABCDEFabcxyzäöüßÄ€„“–ẞ").text[cutRegular]
	prog, err := subsetFont(fontRegular, used)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog) >= len(fontRegular)/2 {
		t.Errorf("subset of %d bytes, the font has %d", len(prog), len(fontRegular))
	}
	f, err := sfnt.Parse(prog)
	if err != nil {
		t.Fatal(err)
	}
	full, _ := sfnt.Parse(fontRegular)
	if f.NumGlyphs() != full.NumGlyphs() {
		t.Errorf("%d glyphs, the font has %d: glyph ids must stay", f.NumGlyphs(), full.NumGlyphs())
	}
	var b sfnt.Buffer
	for gid, text := range used {
		r := []rune(text)
		if len(r) != 1 {
			continue
		}
		if g, err := f.GlyphIndex(&b, r[0]); err != nil || uint16(g) != gid {
			t.Errorf("%q: glyph %d (%v), want %d", text, g, err, gid)
		}
		if segs, err := f.LoadGlyph(&b, sfnt.GlyphIndex(gid), 1000, nil); err != nil || text != " " && len(segs) == 0 {
			t.Errorf("%q: outline of %d segments (%v)", text, len(segs), err)
		}
	}
	if g, _ := f.GlyphIndex(&b, 'q'); g != 0 {
		t.Errorf("q, not in the subset, has glyph %d", g)
	}
	q, _ := full.GlyphIndex(&b, 'q')
	if segs, err := f.LoadGlyph(&b, q, 1000, nil); err != nil || len(segs) != 0 {
		t.Errorf("q, not drawn, has an outline of %d segments (%v)", len(segs), err)
	}
	if got := tableSum(prog); got != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", got)
	}
	num := int(binary.BigEndian.Uint16(prog[4:]))
	var tags []string
	for i := range num {
		rec := prog[12+16*i:]
		tags = append(tags, string(rec[:4]))
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		table := bytes.Clone(prog[off : off+n])
		if string(rec[:4]) == "head" {
			binary.BigEndian.PutUint32(table[8:], 0)
		}
		if off%4 != 0 || tableSum(table) != binary.BigEndian.Uint32(rec[4:]) {
			t.Errorf("table %s: offset %d, checksum %#x, recorded %#x", rec[:4], off, tableSum(table), binary.BigEndian.Uint32(rec[4:]))
		}
	}
	for _, gone := range []string{"GPOS", "GSUB", "GDEF"} {
		if strings.Contains(strings.Join(tags, " "), gone) {
			t.Errorf("subset keeps %s: %v", gone, tags)
		}
	}
}

// TestCmapLength: the format-4 subtable's length is what it holds.
func TestCmapLength(t *testing.T) {
	cmap := cmapTable([]cidGlyph{{'A', 1}, {'B', 2}, {'C', 3}, {'x', 90}, {0x20AC, 300}})
	if n := binary.BigEndian.Uint16(cmap[2:]); n != 1 {
		t.Fatalf("%d subtables", n)
	}
	sub := cmap[12:]
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if got := int(binary.BigEndian.Uint16(sub[2:])); got != len(sub) || got != 16+8*segs {
		t.Errorf("format-4 length %d, subtable has %d bytes, %d segments", got, len(sub), segs)
	}
}

// TestToUnicode: each code drawn maps to the text of its glyph, one of
// one byte as one byte, one of two as two; a glyph that stands for two
// characters to both, a glyph without text of its own to nothing; blocks
// hold at most 100 entries. The encoding maps each code to its glyph.
func TestToUnicode(t *testing.T) {
	byCode := map[uint16]uint16{0: 3, 1: 7, 2: 8, 0x7F: 9, 0x8000: 0x1E9}
	text := map[uint16]string{3: "A", 0x1E9: "ẞ", 7: "fi", 8: "", 9: "😀"}
	got := toUnicode(byCode, text)
	for _, want := range []string{
		"2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n",
		"4 beginbfchar\n<00> <0041>\n<01> <00660069>\n<7F> <D83DDE00>\n<8000> <1E9E>\nendbfchar\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("CMap lacks\n%s\nin\n%s", want, got)
		}
	}
	enc := encodingCMap("Handbuch-R", byCode)
	if want := "5 begincidchar\n<00> 3\n<01> 7\n<02> 8\n<7F> 9\n<8000> 489\nendcidchar\n"; !strings.Contains(enc, want) {
		t.Errorf("encoding lacks\n%s\nin\n%s", want, enc)
	}
	many, glyphs := map[uint16]uint16{}, map[uint16]string{}
	for c := range uint16(150) {
		many[c] = c + 1
		glyphs[c+1] = "a"
	}
	got = toUnicode(many, glyphs)
	if !strings.Contains(got, "100 beginbfchar\n") || !strings.Contains(got, "50 beginbfchar\n") {
		t.Errorf("150 glyphs not in blocks of 100 and 50:\n%.300s", got)
	}
}

// TestCodes: the first 128 glyphs of a cut get codes of one byte, the
// next ones of two bytes from 8000, each glyph one code however often
// it is drawn.
func TestCodes(t *testing.T) {
	var u usedGlyphs
	sh := &shaped{cut: cutBold}
	for g := range uint16(200) {
		sh.glyphs = append(sh.glyphs, glyph{gid: g + 10, r: 'a' + rune(g)})
	}
	u.add(sh)
	u.add(sh)
	if u.codes[cutBold] != 200 {
		t.Errorf("%d codes for 200 glyphs", u.codes[cutBold])
	}
	if got := string(u.appendCode(nil, cutBold, 10)); got != "\x00" {
		t.Errorf("first glyph: %q", got)
	}
	if got := string(u.appendCode(nil, cutBold, 10+127)); got != "\x7f" {
		t.Errorf("128th glyph: %q", got)
	}
	if got := string(u.appendCode(nil, cutBold, 10+128)); got != "\x80\x00" {
		t.Errorf("129th glyph: %q", got)
	}
	if got := string(u.appendCode(nil, cutBold, 10+40)); got != "\\(" {
		t.Errorf("the glyph with the code of a parenthesis: %q", got)
	}
	if m := u.byCode(cutBold); len(m) != 200 || m[0x8000] != 10+128 {
		t.Errorf("byCode: %d codes, 8000 is glyph %d", len(m), m[0x8000])
	}
}

// TestFixFonts runs fixFonts on what fpdf writes for a page, with the
// glyphs of regular and bold text recorded and the fonts of those cuts
// registered, and the italic one too: the italic font is gone, the
// resources name the others R and B; those are tagged subsets with
// /Identity as CIDToGIDMap, widths, an encoding and a ToUnicode of the
// glyphs drawn. Written by pack, the file passes pdfua's parser and qpdf.
func TestFixFonts(t *testing.T) {
	sh, err := newShaper("de")
	if err != nil {
		t.Fatal(err)
	}
	var used usedGlyphs
	used.add(sh.shape("", "Grüße"))
	used.add(sh.shape("B", "Fett"))
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.SetCatalogSort(true)
	if err := registerFonts(f, &used); err != nil {
		t.Fatal(err)
	}
	f.AddUTF8FontFromBytes(family, "I", fontItalic) // draws nothing
	f.AddPage()
	var raw bytes.Buffer
	if err := f.Output(&raw); err != nil {
		t.Fatal(err)
	}
	objs, root, info, err := objects(raw.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	before := len(regexp.MustCompile(`/Subtype /Type0`).FindAll(raw.Bytes(), -1))
	if err := fixFonts(objs, used); err != nil {
		t.Fatal(err)
	}
	var fonts []string
	var resources []byte
	for _, o := range objs {
		if m := regexp.MustCompile(`/Subtype /Type0\n/BaseFont /([^\s]+)`).FindSubmatch(o); m != nil {
			fonts = append(fonts, string(m[1]))
		}
		if bytes.Contains(o, []byte("/Font <<")) {
			resources = o
		}
	}
	if before != 3 || len(fonts) != 2 {
		t.Fatalf("%d fonts before, %d after: %v", before, len(fonts), fonts)
	}
	tagged := regexp.MustCompile(`^[A-Z]{6}\+AtkinsonHyperlegibleNext-(Regular|Bold)$`)
	for _, name := range fonts {
		if !tagged.MatchString(name) {
			t.Errorf("BaseFont %s has no subset tag", name)
		}
	}
	var cmaps, cids []byte
	for _, o := range objs {
		if bytes.Contains(o, []byte("begincmap")) {
			cmaps = append(cmaps, o...)
		}
		if bytes.Contains(o, []byte("/CIDFontType2")) {
			cids = append(cids, o...)
		}
	}
	// "Grüße": ü is the third glyph, code 02.
	if !bytes.Contains(cmaps, []byte("<02> <00FC>")) {
		t.Errorf("no ToUnicode maps <02> <00FC>")
	}
	if n := bytes.Count(cmaps, []byte("beginbfchar")); n != 2 {
		t.Errorf("%d bfchar blocks", n)
	}
	if n := bytes.Count(cmaps, []byte("begincidchar")); n != 2 {
		t.Errorf("%d encodings", n)
	}
	if bytes.Count(cids, []byte("/CIDToGIDMap /Identity")) != 2 || bytes.Count(cids, []byte("/W [")) != 2 {
		t.Errorf("CIDFonts:\n%s", cids)
	}
	if !regexp.MustCompile(`/Font << /R \d+ 0 R /B \d+ 0 R >>`).Match(resources) {
		t.Errorf("resources: %s", resources)
	}
	for _, m := range regexp.MustCompile(`/[RB] (\d+) 0 R`).FindAllSubmatch(resources, -1) {
		if n := refIn(regexp.MustCompile(`(\d+)`), m[1]); objs[n] == nil || !bytes.Contains(objs[n], []byte("/Type0")) {
			t.Errorf("resources name object %d, which is no font", n)
		}
	}

	bodies := make([]body, len(objs))
	for id := 1; id < len(objs); id++ {
		bodies[id] = fpdfBody(objs[id])
	}
	data := pack(bodies, root, info)
	if !bytes.Equal(data, pack(bodies, root, info)) {
		t.Error("pack writes different bytes for the same objects")
	}
	doc := string(Expand(data))
	for _, want := range []string{"/FontName /" + fonts[0], "/FontName /" + fonts[1]} {
		if !strings.Contains(doc, want) {
			t.Errorf("file lacks %s", want)
		}
	}
	if _, err := pdfua.Parse(data); err != nil {
		t.Error(err)
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		file := filepath.Join(t.TempDir(), "fonts.pdf")
		os.WriteFile(file, data, 0o644)
		if out, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// TestTextString: German text is a literal in PDFDocEncoding, a byte a
// character („ “ – … € included, parentheses escaped); text with a
// character PDFDocEncoding lacks is UTF-16BE.
func TestTextString(t *testing.T) {
	for in, want := range map[string]string{
		"Für Sie, Seite 3":    "(F\xfcr Sie, Seite 3)",
		"„Ja“ – (nein) … 5 €": "(\x8cJa\x8d \x85 \\(nein\\) \x83 5 \xa0)",
		"العربية":             "<FEFF06270644063906310628064A0629>",
		"þÿ":                  "<FEFF00FE00FF>",
	} {
		if got := textString(in); got != want {
			t.Errorf("textString(%q) = %q, want %q", in, got, want)
		}
	}
}
