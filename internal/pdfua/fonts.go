package pdfua

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// The font rules beyond PDF/UA's "embedded, with Unicode map": rules of
// ISO 32000-1 a generator of subsets breaks easily, and a second reading
// of each TrueType program by golang.org/x/image/font/sfnt.

var subsetTag = regexp.MustCompile(`^[A-Z]{6}\+`)

// checkSubset checks that a subset's names carry the tag "ABCDEF+" (ISO
// 32000-1 §9.6.4) and agree. Whether a font is a subset the file does not
// say; it counts as one if a name has a tag or its CIDToGIDMap is a
// stream (glyphs renumbered, as when a program is cut down). A whole
// font embedded with /Identity and names without tag is no subset.
func (c *checker) checkSubset(where string, f, desc, fd dict) {
	base := c.d.nameOf(desc["BaseFont"])
	fontName := c.d.nameOf(fd["FontName"])
	_, cut := c.d.resolve(desc["CIDToGIDMap"]).(*stream)
	names := []string{base, fontName, c.d.nameOf(f["BaseFont"])}
	subset := cut
	for _, n := range names {
		subset = subset || subsetTag.MatchString(n)
	}
	switch {
	case !subset:
	case !subsetTag.MatchString(base) || !subsetTag.MatchString(fontName):
		c.addf("font-subset", "%s: Teilschrift ohne Kennung „ABCDEF+“ in /BaseFont (%s) oder /FontName (%s)", where, base, fontName)
	case base != fontName:
		c.addf("font-subset", "%s: /BaseFont %s und /FontName %s stimmen nicht überein", where, base, fontName)
	case !strings.HasPrefix(names[2], base):
		c.addf("font-subset", "%s: /BaseFont der Type0-Schrift (%s) passt nicht zur CIDFont (%s)", where, names[2], base)
	}
}

// checkToUnicode checks that no bfrange of the ToUnicode CMap increments
// its source past a byte boundary or the last byte of its destination
// past 255 (ISO 32000-1 §9.10.3: the mapping is undefined then).
func (c *checker) checkToUnicode(where string, s *stream) {
	data, err := c.d.decode(s)
	if err != nil {
		c.addf("tounicode", "%s: ToUnicode-CMap nicht lesbar: %v", where, err)
		return
	}
	ops, err := parseContent(data)
	if err != nil {
		c.addf("tounicode", "%s: ToUnicode-CMap nicht lesbar: %v", where, err)
		return
	}
	bad, first := 0, ""
	for _, o := range ops {
		if o.name != "endbfrange" {
			continue
		}
		for i := 0; i+2 < len(o.args); i += 3 {
			lo, ok1 := o.args[i].(pdfText)
			hi, ok2 := o.args[i+1].(pdfText)
			dst, isText := o.args[i+2].(pdfText)
			n := len(lo)
			ok := ok1 && ok2 && n > 0 && len(hi) == n && lo[:n-1] == hi[:n-1] && lo[n-1] <= hi[n-1]
			if ok && isText {
				ok = len(dst) > 0 && int(dst[len(dst)-1])+int(hi[n-1]-lo[n-1]) <= 255
			}
			if !ok {
				if bad == 0 {
					first = fmt.Sprintf("<%X> <%X>", string(lo), string(hi))
				}
				bad++
			}
		}
	}
	if bad > 0 {
		c.addf("tounicode", "%s: %d bfrange-Einträge der ToUnicode-CMap überschreiten eine Bytegrenze, zuerst %s", where, bad, first)
	}
}

// checkProgram reads an embedded TrueType program with x/image/font/sfnt
// and checks its cmap subtables of format 4, which sfnt reads without
// looking at their length.
func (c *checker) checkProgram(where string, s *stream) {
	prog, err := c.d.decode(s)
	if err != nil {
		c.addf("font-program", "%s: Schriftprogramm nicht lesbar: %v", where, err)
		return
	}
	f, err := sfnt.Parse(prog)
	if err != nil {
		c.addf("font-program", "%s: Schriftprogramm nicht lesbar: %v", where, err)
		return
	}
	var b sfnt.Buffer
	if _, err := f.GlyphIndex(&b, ' '); err != nil {
		c.addf("font-program", "%s: cmap des Schriftprogramms nicht lesbar: %v", where, err)
		return
	}
	if msg := cmapProblem(prog); msg != "" {
		c.addf("font-program", "%s: cmap des Schriftprogramms nicht lesbar: %s", where, msg)
	}
}

// cmapProblem returns what is wrong with the format-4 subtables of the
// program's cmap table, "" if nothing. A subtable's length must be even
// (it is an array of 16-bit values), cover its segments and lie within
// the table, and so must every glyph index an idRangeOffset points to.
func cmapProblem(prog []byte) string {
	u16 := func(b []byte, at int) int { return int(binary.BigEndian.Uint16(b[at:])) }
	if len(prog) < 12 {
		return "Tabellenverzeichnis fehlt"
	}
	var cmap []byte
	for i := range u16(prog, 4) {
		rec := 12 + 16*i
		if rec+16 > len(prog) {
			return "Tabellenverzeichnis zu kurz"
		}
		off, n := binary.BigEndian.Uint32(prog[rec+8:]), binary.BigEndian.Uint32(prog[rec+12:])
		if string(prog[rec:rec+4]) == "cmap" && uint64(off)+uint64(n) <= uint64(len(prog)) {
			cmap = prog[off : off+n]
		}
	}
	if len(cmap) < 4 {
		return "keine cmap-Tabelle"
	}
	for i := range u16(cmap, 2) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return "Verzeichnis der Untertabellen zu kurz"
		}
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off < 0 || off+14 > len(cmap) || u16(cmap, off) != 4 {
			continue
		}
		sub, length := cmap[off:], u16(cmap, off+2)
		segs := u16(sub, 6) / 2
		switch {
		case length%2 != 0:
			return fmt.Sprintf("Untertabelle im Format 4 mit ungerader Länge %d", length)
		case off+length > len(cmap):
			return fmt.Sprintf("Untertabelle im Format 4 mit Länge %d reicht über die Tabelle hinaus", length)
		case 16+8*segs > length:
			return fmt.Sprintf("Untertabelle im Format 4 mit Länge %d fasst ihre %d Segmente nicht", length, segs)
		}
		for k := range segs {
			end, start := u16(sub, 14+2*k), u16(sub, 16+2*segs+2*k)
			at := 16 + 6*segs + 2*k
			if ro := u16(sub, at); ro != 0 && end >= start && at+ro+2*(end-start)+2 > length {
				return fmt.Sprintf("Segment %d zeigt über die Untertabelle im Format 4 hinaus", k)
			}
		}
	}
	return ""
}
