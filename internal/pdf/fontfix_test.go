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

// glyphsOf returns what each rune of s maps to in the regular font.
func glyphsOf(t *testing.T, s string) []cidGlyph {
	t.Helper()
	f, err := sfnt.Parse(fontRegular)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	var out []cidGlyph
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] {
			continue
		}
		seen[r] = true
		g, err := f.GlyphIndex(&b, r)
		if err != nil || g == 0 {
			t.Fatalf("no glyph for %q", r)
		}
		out = append(out, cidGlyph{uint16(r), uint16(g)})
	}
	return out
}

// TestWithCmap puts a cmap of its own into the regular font: the cmap's
// length is right, x/image reads it back, and every table checksum and
// the whole file's checksum are what TrueType demands.
func TestWithCmap(t *testing.T) {
	used := glyphsOf(t, " ABCDEFabcxyzäöüßÄ€„“–ẞ")
	cmap := cmapTable(used)
	if n := binary.BigEndian.Uint16(cmap[2:]); n != 1 {
		t.Fatalf("%d subtables", n)
	}
	sub := cmap[12:]
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if got := int(binary.BigEndian.Uint16(sub[2:])); got != len(sub) || got != 16+8*segs {
		t.Errorf("format-4 length %d, subtable has %d bytes, %d segments", got, len(sub), segs)
	}
	prog, err := withTable(fontRegular, "cmap", cmap)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(prog)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for _, u := range used {
		if g, err := f.GlyphIndex(&b, rune(u.cid)); err != nil || uint16(g) != u.gid {
			t.Errorf("%q: glyph %d (%v), want %d", rune(u.cid), g, err, u.gid)
		}
	}
	if g, _ := f.GlyphIndex(&b, 'q'); g != 0 {
		t.Errorf("q, not in the subset, has glyph %d", g)
	}
	if got := tableSum(prog); got != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA", got)
	}
	num := int(binary.BigEndian.Uint16(prog[4:]))
	for i := range num {
		rec := prog[12+16*i:]
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		table := bytes.Clone(prog[off : off+n])
		if string(rec[:4]) == "head" {
			binary.BigEndian.PutUint32(table[8:], 0)
		}
		if off%4 != 0 || tableSum(table) != binary.BigEndian.Uint32(rec[4:]) {
			t.Errorf("table %s: offset %d, checksum %#x, recorded %#x", rec[:4], off, tableSum(table), binary.BigEndian.Uint32(rec[4:]))
		}
	}
}

// TestToUnicode: CIDs in runs that stay within their high byte become
// bfranges, a run across a byte boundary is cut there, lone CIDs are
// bfchars, blocks hold at most 100 entries.
func TestToUnicode(t *testing.T) {
	var used []cidGlyph
	for _, c := range []uint16{0x20, 0x41, 0x42, 0x43, 0xFE, 0xFF, 0x100, 0x101, 0x1E9E} {
		used = append(used, cidGlyph{c, 1})
	}
	got := toUnicode(used)
	for _, want := range []string{
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
		"2 beginbfchar\n<0020> <0020>\n<1E9E> <1E9E>\nendbfchar\n",
		"3 beginbfrange\n<0041> <0043> <0041>\n<00FE> <00FF> <00FE>\n<0100> <0101> <0100>\nendbfrange\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("CMap lacks\n%s\nin\n%s", want, got)
		}
	}
	if strings.Contains(got, "<FFFF> <0000>") {
		t.Error("fpdf's range is still there")
	}

	used = used[:0]
	for c := uint16(0x100); c < 0x100+2*150; c += 2 {
		used = append(used, cidGlyph{c, 1})
	}
	got = toUnicode(used)
	if !strings.Contains(got, "100 beginbfchar\n") || !strings.Contains(got, "50 beginbfchar\n") {
		t.Errorf("150 lone CIDs not in blocks of 100 and 50:\n%.300s", got)
	}
}

// TestFixFonts runs fixFonts on what fpdf writes for a page that draws
// with the regular and the bold font only: the italic and bold-italic
// fonts are gone and their names lead to a font that draws; the others
// are tagged subsets with a readable cmap and a ToUnicode of their runes.
// Written by pack, the file passes pdfua's parser and qpdf.
func TestFixFonts(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	addFonts(f)
	f.SetCompression(false)
	f.SetCatalogSort(true)
	f.AddPage()
	f.SetFont(family, "", 12)
	f.Text(20, 20, "Grüße")
	f.SetFont(family, "B", 12)
	f.Text(20, 30, "Fett")
	f.SetFont(family, "BI", 12) // set, but draws nothing
	var raw bytes.Buffer
	if err := f.Output(&raw); err != nil {
		t.Fatal(err)
	}
	objs, root, info, err := objects(raw.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	before := len(regexp.MustCompile(`/Subtype /Type0`).FindAll(raw.Bytes(), -1))
	if err := fixFonts(objs); err != nil {
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
	if before != 4 || len(fonts) != 2 {
		t.Fatalf("%d fonts before, %d after: %v", before, len(fonts), fonts)
	}
	tagged := regexp.MustCompile(`^[A-Z]{6}\+AtkinsonHyperlegibleNext-(Regular|Bold)$`)
	for _, name := range fonts {
		if !tagged.MatchString(name) {
			t.Errorf("BaseFont %s has no subset tag", name)
		}
	}
	var cmaps []byte
	for _, o := range objs {
		if bytes.Contains(o, []byte("begincmap")) {
			cmaps = append(cmaps, o...)
		}
	}
	for _, want := range []string{"<00FC> <00FC>", "<0046> <0046>", "<0047> <0047>"} {
		if !bytes.Contains(cmaps, []byte(want)) {
			t.Errorf("no ToUnicode maps %s", want)
		}
	}
	if bytes.Contains(cmaps, []byte("<FFFF> <0000>")) {
		t.Error("fpdf's ToUnicode is still there")
	}
	for _, m := range regexp.MustCompile(`/F\w+ (\d+) 0 R`).FindAllSubmatch(resources, -1) {
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
