package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
)

// fpdf writes each UTF-8 font it was given as seven objects: Type0 font,
// CIDFontType2, ToUnicode, CIDSystemInfo, FontDescriptor, CIDToGIDMap and
// FontFile2, encoded by rune, with a subset of the runes fpdf itself drew.
// handbuch draws no text through fpdf: its text strings are codes of
// glyphs (see shape.go). fixFonts rewrites each font for that, from the glyphs
// the writer recorded:
//
//   - the font program is a subset written here (subsetFont): the glyphs
//     drawn and their components, every other glyph empty, so glyph ids
//     stay those of the font file; with a correct cmap (fpdf's subsetter
//     wrote its format-4 length wrong, which strict parsers refuse);
//   - the CIDToGIDMap is /Identity and /W gives the widths of the glyphs
//     drawn; the encoding is a CMap of codes of one byte for the first 128
//     glyphs and of two for the others (see usedGlyphs), so that text
//     takes one byte a glyph;
//   - BaseFont and FontName carry the subset tag "ABCDEF+" that ISO
//     32000-1 §9.6.4 requires;
//   - the ToUnicode CMap maps exactly the codes drawn to their text;
//   - a font that draws nothing is dropped, and the page resources name
//     the fonts by the names the content uses (R, B, I).

// cidFont is one font as fpdf wrote it: the numbers of its objects.
type cidFont struct {
	type0, cid, toUnicode, sysInfo, desc, gidMap, file int
	cut                                                int // -1: not one handbuch draws with
}

// cidGlyph is a code (a rune) and its glyph: an entry of a cmap.
type cidGlyph struct{ cid, gid uint16 }

var (
	descendantRE = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	toUnicodeRE  = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	sysInfoRE    = regexp.MustCompile(`/CIDSystemInfo (\d+) 0 R`)
	descRE       = regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	gidMapRE     = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
	fontFileRE   = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	fpdfNameRE   = regexp.MustCompile(`/BaseFont /utf8(\w*)`)
	fontNameRE   = regexp.MustCompile(`/FontName /[^\s/<>\[\]()]+`)
)

// fixFonts rewrites the fonts in objs (fpdf's objects by number, changed
// in place) for the glyphs used, by cut, and points the page resources
// at them.
func fixFonts(objs [][]byte, used usedGlyphs) error {
	tf, err := typefaces()
	if err != nil {
		return err
	}
	var fonts []*cidFont
	for id, o := range objs {
		if !bytes.Contains(o, []byte("/Subtype /Type0")) {
			continue
		}
		f := &cidFont{type0: id, cut: -1}
		f.cid = refIn(descendantRE, o)
		f.toUnicode = refIn(toUnicodeRE, o)
		if f.cid > 0 && f.cid < len(objs) {
			c := objs[f.cid]
			f.sysInfo, f.desc, f.gidMap = refIn(sysInfoRE, c), refIn(descRE, c), refIn(gidMapRE, c)
		}
		if f.desc > 0 && f.desc < len(objs) {
			f.file = refIn(fontFileRE, objs[f.desc])
		}
		for _, n := range []int{f.cid, f.toUnicode, f.sysInfo, f.desc, f.gidMap, f.file} {
			if n <= 0 || n >= len(objs) || objs[n] == nil {
				return fmt.Errorf("Schrift (Objekt %d) nicht vollständig", id)
			}
		}
		if m := fpdfNameRE.FindSubmatch(o); m != nil {
			for c, t := range tf {
				if string(m[1]) == strings.ToLower(t.family)+t.style {
					f.cut = c
				}
			}
		}
		if f.cut >= 0 && len(used.text[f.cut]) == 0 {
			f.cut = -1
		}
		fonts = append(fonts, f)
	}

	var (
		wg   sync.WaitGroup
		errs = make([]error, len(fonts))
	)
	for i, f := range fonts {
		if f.cut < 0 {
			for _, n := range []int{f.type0, f.cid, f.toUnicode, f.sysInfo, f.desc, f.gidMap, f.file} {
				objs[n] = nil
			}
			continue
		}
		wg.Go(func() { errs[i] = f.write(objs, tf[f.cut], used.text[f.cut], used.byCode(f.cut)) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}

	// The resources: the names the content uses, for the fonts kept.
	var dict strings.Builder
	dict.WriteString("/Font <<")
	for _, f := range fonts {
		if f.cut >= 0 {
			fmt.Fprintf(&dict, " /%s %d 0 R", tf[f.cut].res, f.type0)
		}
	}
	dict.WriteString(" >>")
	for id, o := range objs {
		at := bytes.Index(o, []byte("/Font <<"))
		if at < 0 || bytes.Contains(o, []byte("\nstream\n")) {
			continue
		}
		end := bytes.Index(o[at:], []byte(">>"))
		if end < 0 {
			continue
		}
		objs[id] = slices.Concat(o[:at], []byte(dict.String()), o[at+end+2:])
	}
	return nil
}

// write replaces the font's objects with those of a subset of t with the
// glyphs used, drawn with the codes of byCode. The encoding is a CMap of
// those codes, one byte or two (written in the object of fpdf's
// CIDToGIDMap, which /Identity replaces): code to CID, and the CID is the
// glyph id.
func (f *cidFont) write(objs [][]byte, t *typeface, used map[uint16]string, byCode map[uint16]uint16) error {
	prog, err := subsetFont(t.data, used)
	if err != nil {
		return fmt.Errorf("Teilschrift von %s: %w", t.ps, err)
	}
	name := "/" + subsetTag(prog) + "+" + pdfName(t.ps)
	gids := slices.Sorted(maps.Keys(used))

	objs[f.type0] = fmt.Appendf(nil, "%d 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont %s\n/Encoding %d 0 R\n/DescendantFonts [%d 0 R]\n/ToUnicode %d 0 R>>\nendobj\n",
		f.type0, name, f.gidMap, f.cid, f.toUnicode)
	cmapName := "Handbuch-" + t.res
	enc := encodingCMap(cmapName, byCode)
	objs[f.gidMap] = fmt.Appendf(nil, "%d 0 obj\n<</Type /CMap /CMapName /%s /CIDSystemInfo %s /Length %d>>\nstream\n%s\nendstream\nendobj\n",
		f.gidMap, cmapName, systemInfo, len(enc), enc)
	objs[f.sysInfo] = fmt.Appendf(nil, "%d 0 obj\n%s\nendobj\n", f.sysInfo, systemInfo)

	var w strings.Builder
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&w, "%d [", gids[i])
		for k, g := range gids[i:j] {
			if k > 0 {
				w.WriteByte(' ')
			}
			fmt.Fprintf(&w, "%d", t.widths[g])
		}
		w.WriteString("] ")
		i = j
	}
	objs[f.cid] = fmt.Appendf(nil, "%d 0 obj\n<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont %s\n/CIDSystemInfo %d 0 R\n/FontDescriptor %d 0 R\n/DW %d\n/W [%s]\n/CIDToGIDMap /Identity>>\nendobj\n",
		f.cid, name, f.sysInfo, f.desc, t.widths[0], strings.TrimSpace(w.String()))
	objs[f.desc] = fontNameRE.ReplaceAllLiteral(objs[f.desc], []byte("/FontName "+name))

	cmap := toUnicode(byCode, used)
	objs[f.toUnicode] = fmt.Appendf(nil, "%d 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", f.toUnicode, len(cmap), cmap)

	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.DefaultCompression) // the level is valid
	zw.Write(prog)                                            // writes to memory cannot fail
	zw.Close()
	o := fmt.Appendf(nil, "%d 0 obj\n<</Filter /FlateDecode /Length %d /Length1 %d>>\nstream\n", f.file, z.Len(), len(prog))
	o = append(o, z.Bytes()...)
	objs[f.file] = append(o, "\nendstream\nendobj\n"...)
	return nil
}

// refIn returns the object number re's first group matches in o, 0 if none.
func refIn(re *regexp.Regexp, o []byte) int {
	m := re.FindSubmatch(o)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// streamData returns the data of an fpdf stream object, inflated if it is
// compressed.
func streamData(o []byte) ([]byte, error) {
	i := bytes.Index(o, []byte("\nstream\n"))
	j := bytes.LastIndex(o, []byte("\nendstream"))
	if i < 0 || j < i+len("\nstream\n") {
		return nil, fmt.Errorf("kein Datenstrom")
	}
	data := o[i+len("\nstream\n") : j]
	if !bytes.Contains(o[:i], []byte("/FlateDecode")) {
		return data, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// subsetTag is six capital letters taken from a hash of the subset's
// program: the same subset gets the same tag, a different one (almost
// surely) another.
func subsetTag(prog []byte) string {
	sum := sha256.Sum256(prog)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// pdfName escapes s for use as a PDF name (without the slash).
func pdfName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("#/%()<>[]{}", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// cmapTable is a cmap table with one subtable, Windows Unicode BMP
// (3, 1) in format 4, mapping each CID (a rune) to its glyph. Runs of
// consecutive runes on consecutive glyphs share a segment.
func cmapTable(used []cidGlyph) []byte {
	type segment struct{ start, end, delta uint16 }
	var segs []segment
	used = sortedByCID(used)
	for _, u := range used {
		if n := len(segs); n > 0 && segs[n-1].end+1 == u.cid && segs[n-1].delta == u.gid-u.cid && u.cid != 0xFFFF {
			segs[n-1].end = u.cid
			continue
		}
		if u.cid == 0xFFFF {
			continue // reserved for the closing segment
		}
		segs = append(segs, segment{u.cid, u.cid, u.gid - u.cid})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	search := 1
	selector := 0
	for search*2 <= n {
		search *= 2
		selector++
	}
	search *= 2
	length := 16 + 8*n
	b := make([]byte, 0, 12+length)
	u16 := func(v int) { b = binary.BigEndian.AppendUint16(b, uint16(v)) }
	u16(0) // version
	u16(1) // one subtable
	u16(3) // Windows
	u16(1) // Unicode BMP
	b = binary.BigEndian.AppendUint32(b, 12)
	u16(4)
	u16(length)
	u16(0) // language
	u16(2 * n)
	u16(search)
	u16(selector)
	u16(2*n - search)
	for _, s := range segs {
		u16(int(s.end))
	}
	u16(0) // reserved
	for _, s := range segs {
		u16(int(s.start))
	}
	for _, s := range segs {
		u16(int(s.delta))
	}
	for range segs {
		u16(0) // idRangeOffset: glyph = code + delta
	}
	return b
}

// sortedByCID returns used in the order of the CIDs, as cmaps and CMaps
// list them.
func sortedByCID(used []cidGlyph) []cidGlyph {
	return slices.SortedFunc(slices.Values(used), func(a, b cidGlyph) int { return int(a.cid) - int(b.cid) })
}

// subsetFont returns the TrueType program data with only the glyphs
// used (and .notdef and the components of composite glyphs) kept, each
// at its glyph id; a cmap of the glyphs that stand for one character of
// the Basic Multilingual Plane; and no tables a PDF reader does not use
// (the layout tables: text in a PDF is shaped already).
func subsetFont(data []byte, used map[uint16]string) ([]byte, error) {
	tables, err := fontTables(data)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, fmt.Errorf("keine TrueType-Schrift (head, maxp, loca, glyf)")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(g int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
	}
	if need := (n + 1) * 2; long && len(loca) < 2*need || !long && len(loca) < need {
		return nil, fmt.Errorf("Tabelle loca zu kurz")
	}
	glyphData := func(g int) []byte {
		a, b := offset(g), offset(g+1)
		if a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}

	keep := map[int]bool{0: true}
	var todo []int
	for g := range used {
		if int(g) < n && !keep[int(g)] {
			keep[int(g)] = true
			todo = append(todo, int(g))
		}
	}
	// A composite glyph is drawn from others: keep them too.
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		d := glyphData(g)
		if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
			continue
		}
		for p := 10; p+4 <= len(d); {
			flags := binary.BigEndian.Uint16(d[p:])
			c := int(binary.BigEndian.Uint16(d[p+2:]))
			if c < n && !keep[c] {
				keep[c] = true
				todo = append(todo, c)
			}
			p += 4
			if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}

	newGlyf := make([]byte, 0, len(glyf)/4)
	newLoca := make([]byte, 0, 4*(n+1))
	for g := range n {
		newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyphData(g)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))

	// A character drawn by several glyphs (the forms of an Arabic letter)
	// maps to the first of them: the same one on every build.
	var cmap []cidGlyph
	for _, g := range slices.Sorted(maps.Keys(used)) {
		if r := []rune(used[g]); len(r) == 1 && r[0] > 0 && r[0] < 0xFFFF &&
			!slices.ContainsFunc(cmap, func(c cidGlyph) bool { return c.cid == uint16(r[0]) }) {
			cmap = append(cmap, cidGlyph{uint16(r[0]), g})
		}
	}
	head = slices.Clone(head)
	binary.BigEndian.PutUint16(head[50:], 1) // long offsets in loca
	post := tables["post"]
	if len(post) >= 32 {
		// Version 3: no glyph names, which a subset need not carry.
		post = slices.Clone(post[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
	}
	// The metrics of the glyphs left out are zero: the PDF's /W gives the
	// widths, and zeros take no room once compressed.
	hmtx := slices.Clone(tables["hmtx"])
	if hhea := tables["hhea"]; len(hhea) >= 36 {
		long := int(binary.BigEndian.Uint16(hhea[34:]))
		for g := range n {
			at, size := 4*g, 4
			if g >= long {
				at, size = 4*long+2*(g-long), 2
			}
			if !keep[g] && at+size <= len(hmtx) {
				clear(hmtx[at : at+size])
			}
		}
	}
	out := map[string][]byte{
		"head": head, "hhea": tables["hhea"], "maxp": maxp, "hmtx": hmtx,
		"loca": newLoca, "glyf": newGlyf, "cmap": cmapTable(cmap), "post": post,
		"name": tables["name"], "OS/2": tables["OS/2"],
		"cvt ": tables["cvt "], "fpgm": tables["fpgm"], "prep": tables["prep"], "gasp": tables["gasp"],
	}
	for t, d := range out {
		if d == nil {
			delete(out, t)
		}
	}
	return writeFont(data[:4], out), nil
}

// fontTables returns the tables of a TrueType program by tag.
func fontTables(prog []byte) (map[string][]byte, error) {
	if len(prog) < 12 {
		return nil, fmt.Errorf("zu kurz")
	}
	num := int(binary.BigEndian.Uint16(prog[4:]))
	if len(prog) < 12+16*num {
		return nil, fmt.Errorf("Tabellenverzeichnis zu kurz")
	}
	tables := map[string][]byte{}
	for i := range num {
		rec := prog[12+16*i:]
		t := string(rec[:4])
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(n) > uint64(len(prog)) {
			return nil, fmt.Errorf("Tabelle %q außerhalb der Datei", t)
		}
		if _, dup := tables[t]; !dup {
			tables[t] = prog[off : off+n]
		}
	}
	return tables, nil
}

// writeFont writes a TrueType program of tables: in tag order, each on a
// four-byte boundary with its checksum, and head.checkSumAdjustment set
// for the whole file.
func writeFont(version []byte, tables map[string][]byte) []byte {
	head := slices.Clone(tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)
	tables["head"] = head
	tags := slices.Sorted(maps.Keys(tables))
	num := len(tags)
	search, selector := 1, 0
	for search*2 <= num {
		search *= 2
		selector++
	}
	size := 12 + 16*num
	for _, d := range tables {
		size += len(d) + 3
	}
	out := make([]byte, 12+16*num, size)
	copy(out, version) // sfnt version
	binary.BigEndian.PutUint16(out[4:], uint16(num))
	binary.BigEndian.PutUint16(out[6:], uint16(16*search))
	binary.BigEndian.PutUint16(out[8:], uint16(selector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(num-search)))
	headAt := 0
	for i, t := range tags {
		d := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], tableSum(d))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(d)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-tableSum(out))
	return out
}

// tableSum is the TrueType checksum: the sum of big-endian uint32 words,
// the last padded with zeros.
func tableSum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

// systemInfo is the CIDSystemInfo of the fonts and their encodings.
const systemInfo = "<</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"

// codespaces are the codes of the content: one byte below 80, two bytes
// from 8000 (see usedGlyphs).
const codespaces = "2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n"

// cmapCode writes code as a CMap writes a code of its codespace.
func cmapCode(code uint16) string {
	if code < oneByte {
		return fmt.Sprintf("<%02X>", code)
	}
	return fmt.Sprintf("<%04X>", code)
}

// encodingCMap is the CMap that maps each code to its glyph id as CID.
func encodingCMap(name string, byCode map[uint16]uint16) string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo " + systemInfo + " def\n/CMapName /" + name + " def\n/CMapType 1 def\n" + codespaces)
	codes := slices.Sorted(maps.Keys(byCode))
	for k := 0; k < len(codes); k += 100 {
		block := codes[k:min(k+100, len(codes))]
		fmt.Fprintf(&b, "%d begincidchar\n", len(block))
		for _, c := range block {
			fmt.Fprintf(&b, "%s %d\n", cmapCode(c), byCode[c])
		}
		b.WriteString("endcidchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}

// toUnicode is a ToUnicode CMap for the codes drawn, each mapped to the
// text of its glyph as UTF-16BE, at most 100 entries to a block. A glyph
// with no text of its own (the second glyph of a cluster) maps to
// nothing.
func toUnicode(byCode map[uint16]uint16, text map[uint16]string) string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" + codespaces)
	var codes []uint16
	for _, c := range slices.Sorted(maps.Keys(byCode)) {
		if text[byCode[c]] != "" {
			codes = append(codes, c)
		}
	}
	for k := 0; k < len(codes); k += 100 {
		block := codes[k:min(k+100, len(codes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, c := range block {
			fmt.Fprintf(&b, "%s <", cmapCode(c))
			for _, u := range utf16.Encode([]rune(text[byCode[c]])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}
