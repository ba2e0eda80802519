package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// The fonts fpdf embeds need mending before the file is PDF/UA:
//
//   - fpdf v0.12.0 writes the subset's format-4 cmap with a wrong length
//     (utf8fontfile.go: 16 + 8*segCount + (numSymbols+1) instead of
//     2*(numSymbols+1) for the glyph array), which strict font parsers
//     refuse;
//   - BaseFont and FontName lack the subset tag "ABCDEF+" that ISO 32000-1
//     §9.6.4 requires for a subset;
//   - the ToUnicode CMap is one bfrange <0000> <FFFF> <0000>, whose last
//     byte ISO 32000-1 §9.10.3 forbids to increment past 255;
//   - every font added is embedded, also one no page draws with (the bold
//     italic entry, which is the bold file).
//
// fpdf writes each UTF-8 font as seven objects: Type0 font, CIDFontType2,
// ToUnicode, CIDSystemInfo, FontDescriptor, CIDToGIDMap and FontFile2. Its
// CIDs are the Unicode code points (the text is written as UTF-16BE of the
// BMP), and the CIDToGIDMap maps exactly the runes drawn to their glyphs
// in the subset: that map is what fixFonts rebuilds the rest from.

// cidFont is one font as fpdf wrote it: the numbers of its objects.
type cidFont struct {
	type0, cid, toUnicode, sysInfo, desc, gidMap, file int
	used                                               []cidGlyph
}

// cidGlyph is a CID (here: a rune) and its glyph in the subset.
type cidGlyph struct{ cid, gid uint16 }

var (
	descendantRE = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	toUnicodeRE  = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	sysInfoRE    = regexp.MustCompile(`/CIDSystemInfo (\d+) 0 R`)
	descRE       = regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	gidMapRE     = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
	fontFileRE   = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	baseFontRE   = regexp.MustCompile(`/BaseFont /[^\s/<>\[\]()]+`)
	fontNameRE   = regexp.MustCompile(`/FontName /[^\s/<>\[\]()]+`)
	fontRefRE    = regexp.MustCompile(`(/F[0-9A-Za-z]+ )(\d+)( 0 R)`)
)

// fixFonts mends the fonts in objs (fpdf's objects by number, changed in
// place): a correct cmap in each font program, subset tags, a ToUnicode
// CMap of the CIDs used, and no font that draws nothing. The objects of a
// dropped font become nil; the resources name it as another font, so a
// Tf that set it and drew nothing still finds a font.
func fixFonts(objs [][]byte) error {
	var fonts []*cidFont
	for id, o := range objs {
		if !bytes.Contains(o, []byte("/Subtype /Type0")) {
			continue
		}
		f := &cidFont{type0: id}
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
		data, err := streamData(objs[f.gidMap])
		if err != nil {
			return fmt.Errorf("CIDToGIDMap der Schrift (Objekt %d): %w", id, err)
		}
		for c := 1; 2*c+1 < len(data); c++ {
			if g := uint16(data[2*c])<<8 | uint16(data[2*c+1]); g != 0 {
				f.used = append(f.used, cidGlyph{uint16(c), g})
			}
		}
		fonts = append(fonts, f)
	}

	var (
		wg   sync.WaitGroup
		errs = make([]error, len(fonts))
	)
	for i, f := range fonts {
		if len(f.used) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = f.mend(objs)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}

	// Drop the fonts that draw nothing; their names in the resources go to
	// the first font that draws.
	i := slices.IndexFunc(fonts, func(f *cidFont) bool { return len(f.used) > 0 })
	if i < 0 {
		return nil
	}
	instead := map[string]string{}
	for _, f := range fonts {
		if len(f.used) > 0 {
			continue
		}
		instead[strconv.Itoa(f.type0)] = strconv.Itoa(fonts[i].type0)
		for _, n := range []int{f.type0, f.cid, f.toUnicode, f.sysInfo, f.desc, f.gidMap, f.file} {
			objs[n] = nil
		}
	}
	if len(instead) == 0 {
		return nil
	}
	for id, o := range objs {
		at := bytes.Index(o, []byte("/Font <<"))
		if at < 0 || bytes.Contains(o, []byte("\nstream\n")) {
			continue
		}
		end := bytes.Index(o[at:], []byte(">>"))
		if end < 0 {
			continue
		}
		end += at
		dict := fontRefRE.ReplaceAllFunc(o[at:end], func(m []byte) []byte {
			s := fontRefRE.FindSubmatch(m)
			if n, ok := instead[string(s[2])]; ok {
				return []byte(string(s[1]) + n + string(s[3]))
			}
			return m
		})
		objs[id] = slices.Concat(o[:at], dict, o[end:])
	}
	return nil
}

// mend rewrites the font's program, names and ToUnicode CMap.
func (f *cidFont) mend(objs [][]byte) error {
	prog, err := streamData(objs[f.file])
	if err != nil {
		return fmt.Errorf("Schriftprogramm (Objekt %d): %w", f.file, err)
	}
	if prog, err = withTable(prog, "cmap", cmapTable(f.used)); err != nil {
		return fmt.Errorf("Schriftprogramm (Objekt %d): %w", f.file, err)
	}
	sf, err := sfnt.Parse(prog)
	if err != nil {
		return fmt.Errorf("Schriftprogramm (Objekt %d) nach der Korrektur nicht lesbar: %w", f.file, err)
	}
	ps, err := sf.Name(nil, sfnt.NameIDPostScript)
	if err != nil || ps == "" {
		ps = "Font"
	}
	name := "/" + subsetTag(prog) + "+" + pdfName(ps)

	objs[f.type0] = baseFontRE.ReplaceAllLiteral(objs[f.type0], []byte("/BaseFont "+name))
	objs[f.cid] = baseFontRE.ReplaceAllLiteral(objs[f.cid], []byte("/BaseFont "+name))
	objs[f.desc] = fontNameRE.ReplaceAllLiteral(objs[f.desc], []byte("/FontName "+name))

	cmap := toUnicode(f.used)
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

// withTable returns the TrueType program prog with table tag replaced by
// data, written anew: tables in tag order, each on a four-byte boundary
// with its checksum, and head.checkSumAdjustment set for the whole file.
func withTable(prog []byte, tag string, data []byte) ([]byte, error) {
	if len(prog) < 12 {
		return nil, fmt.Errorf("zu kurz")
	}
	num := int(binary.BigEndian.Uint16(prog[4:]))
	if len(prog) < 12+16*num {
		return nil, fmt.Errorf("Tabellenverzeichnis zu kurz")
	}
	tables := map[string][]byte{}
	var tags []string
	for i := range num {
		rec := prog[12+16*i:]
		t := string(rec[:4])
		off, n := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(n) > uint64(len(prog)) {
			return nil, fmt.Errorf("Tabelle %q außerhalb der Datei", t)
		}
		if _, dup := tables[t]; !dup {
			tags = append(tags, t)
		}
		tables[t] = prog[off : off+n]
	}
	if _, ok := tables[tag]; !ok {
		tags = append(tags, tag)
	}
	tables[tag] = data
	head, ok := tables["head"]
	if !ok || len(head) < 12 {
		return nil, fmt.Errorf("Tabelle head fehlt")
	}
	head = slices.Clone(head)
	binary.BigEndian.PutUint32(head[8:], 0)
	tables["head"] = head
	slices.Sort(tags)

	num = len(tags)
	search, selector := 1, 0
	for search*2 <= num {
		search *= 2
		selector++
	}
	out := make([]byte, 12+16*num, len(prog)+len(data))
	copy(out, prog[:4]) // sfnt version
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
	return out, nil
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

// toUnicode is a ToUnicode CMap for the CIDs used, each mapped to itself
// as UTF-16BE: runs of two or more consecutive CIDs with the same high
// byte as a bfrange (so no range increments its last byte past 255), the
// rest as bfchar, at most 100 entries to a block.
func toUnicode(used []cidGlyph) string {
	var ranges, chars [][2]uint16
	used = sortedByCID(used)
	for i := 0; i < len(used); {
		j := i + 1
		for j < len(used) && used[j].cid == used[j-1].cid+1 && used[j].cid>>8 == used[i].cid>>8 {
			j++
		}
		if j-i > 1 {
			ranges = append(ranges, [2]uint16{used[i].cid, used[j-1].cid})
		} else {
			chars = append(chars, [2]uint16{used[i].cid, used[i].cid})
		}
		i = j
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for k := 0; k < len(chars); k += 100 {
		block := chars[k:min(k+100, len(chars))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, c := range block {
			fmt.Fprintf(&b, "<%04X> <%04X>\n", c[0], c[0])
		}
		b.WriteString("endbfchar\n")
	}
	for k := 0; k < len(ranges); k += 100 {
		block := ranges[k:min(k+100, len(ranges))]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(block))
		for _, r := range block {
			fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", r[0], r[1], r[0])
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}
