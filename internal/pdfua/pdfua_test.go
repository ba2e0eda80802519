package pdfua

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// build writes a PDF from object bodies (object number → body) and the
// entries of the trailer dictionary besides /Size.
func build(objs map[int]string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	size := slices.Max(slices.Collect(maps.Keys(objs))) + 1
	offsets := make([]int, size)
	for n := 1; n < size; n++ {
		if body, ok := objs[n]; ok {
			offsets[n] = b.Len()
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, body)
		}
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n", size)
	for _, off := range offsets {
		if off == 0 {
			b.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", size, trailer, xref)
	return b.Bytes()
}

// buildCompact writes a PDF like build, but in the form of PDF 1.5: the
// objects that are no streams in one object stream, a cross-reference
// stream with PNG predictor Up. A hybrid file also has a classic table
// that lists only the streams and points to the stream by /XRefStm.
func buildCompact(objs map[int]string, trailer string, hybrid bool) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	size := slices.Max(slices.Collect(maps.Keys(objs))) + 1
	stm, xrefNum := size, size+1
	size += 2
	type entry struct{ typ, f2, f3 int }
	entries := make([]entry, size)
	var head, packed strings.Builder
	n := 0
	for num := 1; num < stm; num++ {
		body, ok := objs[num]
		switch {
		case !ok:
		case strings.Contains(body, "\nstream\n"):
			entries[num] = entry{1, b.Len(), 0}
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
		default:
			entries[num] = entry{2, stm, n}
			fmt.Fprintf(&head, "%d %d ", num, packed.Len())
			packed.WriteString(body + "\n")
			n++
		}
	}
	data := deflate(head.String() + packed.String())
	entries[stm] = entry{1, b.Len(), 0}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		stm, n, head.Len(), len(data), data)
	xref := b.Len()
	entries[xrefNum] = entry{1, xref, 0}
	var rows []byte
	prev := make([]byte, 4)
	for _, e := range entries {
		row := []byte{byte(e.typ), byte(e.f2 >> 8), byte(e.f2), byte(e.f3)}
		rows = append(rows, 2)
		for i := range row {
			rows = append(rows, row[i]-prev[i])
		}
		prev = row
	}
	data = deflate(string(rows))
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 2 1] %s /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		xrefNum, size, trailer, len(data), data)
	if hybrid {
		table := b.Len()
		b.WriteString("xref\n0 1\n0000000000 65535 f \n")
		for num, e := range entries {
			if e.typ == 1 && num != xrefNum {
				fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", num, e.f2)
			}
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d %s /XRefStm %d >>\n", size, trailer, xref)
		xref = table
	}
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// tinyFont is a TrueType program of two empty glyphs that sfnt reads:
// .notdef and "H" (glyph 1). length overrides the length of its format-4
// cmap subtable when it is not 0.
func tinyFont(length int) string {
	u16 := func(b []byte, v ...int) []byte {
		for _, x := range v {
			b = binary.BigEndian.AppendUint16(b, uint16(x))
		}
		return b
	}
	head := u16(nil, 1, 0, 1, 0, 0, 0, 0x5F0F, 0x3CF5, 0, 1000)
	head = append(head, make([]byte, 16)...) // created, modified
	head = u16(head, 0, 0, 500, 700, 0, 8, 2, 0, 0)
	hhea := u16(nil, 1, 0, 800, 0xFF38, 0, 500, 0, 0, 500, 1, 0, 0, 0, 0, 0, 0, 0, 2)
	maxp := u16(nil, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	// Segments 'H' (delta 1-'H') and the closing 0xFFFF.
	sub := u16(nil, 4, 32, 0, 4, 4, 1, 0, 'H', 0xFFFF, 0, 'H', 0xFFFF, 1-'H', 1, 0, 0)
	if length != 0 {
		binary.BigEndian.PutUint16(sub[2:], uint16(length))
	}
	tables := map[string][]byte{
		"cmap": append(u16(nil, 0, 1, 3, 1, 0, 12), sub...),
		"glyf": {0, 0, 0, 0},
		"head": head,
		"hhea": hhea,
		"hmtx": u16(nil, 500, 0, 600, 0),
		"loca": u16(nil, 0, 0, 0),
		"maxp": maxp,
		"post": append(u16(nil, 3, 0), make([]byte, 28)...),
	}
	tags := slices.Sorted(maps.Keys(tables))
	out := u16(nil, 1, 0, len(tags), 128, 3, 0)
	data := []byte{}
	for _, t := range tags {
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, 0)
		out = binary.BigEndian.AppendUint32(out, uint32(12+16*len(tags)+len(data)))
		out = binary.BigEndian.AppendUint32(out, uint32(len(tables[t])))
		data = append(data, tables[t]...)
		for len(data)%4 != 0 {
			data = append(data, 0)
		}
	}
	return string(append(out, data...))
}

// streamObj returns the body of a stream object.
func streamObj(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func deflate(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// testDoc is a small tagged document: object bodies, except that objects
// 5 and 6 hold the page content and the XMP metadata, which bytes wraps
// into streams (the metadata with its /Length in object 28).
type testDoc struct {
	objs  map[int]string
	plain bool // do not compress the content
}

const (
	contentObj = 5
	xmpObj     = 6
	titleHex   = "<FEFF00480061006E00640062007500630068>" // "Handbuch"
)

func validDoc() testDoc {
	el := func(s string) string { return "<< /Type /StructElem " + s + " >>" }
	return testDoc{
		objs: map[int]string{
			1: "<< /Type /Catalog /Pages 3 0 R /MarkInfo << /Marked true >> /Lang (de-DE) " +
				"/ViewerPreferences << /DisplayDocTitle true >> /Metadata 6 0 R /StructTreeRoot 7 0 R " +
				"/Outlines 25 0 R /PageMode /UseOutlines >>",
			2: "<< /Title " + titleHex + " /Producer (fpdf) >>",
			3: "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
			4: "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 20 0 R >> >> " +
				"/Contents 5 0 R /Tabs /S /StructParents 0 /Annots [19 0 R] >>",
			7:  "<< /Type /StructTreeRoot /K 9 0 R /ParentTree 8 0 R /ParentTreeNextKey 2 >>",
			8:  "<< /Nums [0 [10 0 R 11 0 R 12 0 R 13 0 R 14 0 R 17 0 R 18 0 R] 1 12 0 R] >>",
			9:  el("/S /Document /P 7 0 R /Pg 4 0 R /K [10 0 R 11 0 R 13 0 R 14 0 R 15 0 R]"),
			10: el("/S /H1 /P 9 0 R /K 0"),
			11: el("/S /P /P 9 0 R /K [1 12 0 R]"),
			12: el("/S /Link /P 11 0 R /K [2 << /Type /OBJR /Obj 19 0 R >>]"),
			13: el("/S /Figure /P 9 0 R /Alt (Logo der Firma) /K << /Type /MCR /Pg 4 0 R /MCID 3 >>"),
			14: el("/S /H2 /P 9 0 R /K [4]"),
			15: el("/S /Table /P 9 0 R /K 16 0 R"),
			16: el("/S /TR /P 15 0 R /K [17 0 R 18 0 R]"),
			17: el("/S /TH /P 16 0 R /A << /O /Table /Scope /Column >> /K 5"),
			18: el("/S /TD /P 16 0 R /K 6"),
			19: "<< /Type /Annot /Subtype /Link /Rect [72 655 120 672] /Border [0 0 0] " +
				"/Contents (Link zu example.org) /StructParent 1 /A << /S /URI /URI (https://example.org/) >> >>",
			20: "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+DejaVuSans /Encoding /Identity-H " +
				"/DescendantFonts [21 0 R] /ToUnicode 24 0 R >>",
			21: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+DejaVuSans /CIDSystemInfo " +
				"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 22 0 R /CIDToGIDMap /Identity >>",
			22: "<< /Type /FontDescriptor /FontName /AAAAAA+DejaVuSans /Flags 4 /FontBBox [0 -200 1000 800] " +
				"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 23 0 R >>",
			23: streamObj(fmt.Sprintf("/Length1 %d", len(tinyFont(0))), tinyFont(0)),
			24: streamObj("", "begincmap 1 beginbfchar <0001> <0048> endbfchar endcmap"),
			25: "<< /Type /Outlines /First 26 0 R /Last 26 0 R /Count 2 >>",
			26: "<< /Title (Kapitel) /Parent 25 0 R /First 27 0 R /Last 27 0 R /Count 1 /Dest [4 0 R /Fit] >>",
			27: "<< /Title <FEFF00410062007300630068006E006900740074> /Parent 26 0 R /Dest [4 0 R /Fit] >>",
			contentObj: `/H1 <</MCID 0>> BDC BT /F1 12 Tf 72 700 Td (Titel) Tj ET EMC
/Artifact BMC 0 0 m 100 0 l S EMC
/P <</MCID 1>> BDC BT /F1 10 Tf 72 680 Td (Text \(mit\) (Klammern) \\ \101) Tj ET EMC
/Link <</MCID 2>> BDC BT 72 660 Td [(Li) -20 (nk)] TJ ET EMC
/Figure <</MCID 3>> BDC q BI /W 4 /H 1 /CS /G /BPC 8 ID aEIb EI Q EMC
/H2 <</MCID 4>> BDC BT 72 560 Td (Abschnitt) Tj ET EMC
/TH <</MCID 5>> BDC BT 72 500 Td (Spalte) Tj ET EMC
/TD <</MCID 6>> BDC 72 480 100 12 re f BT 72 480 Td 12 TL (Wert) ' ET EMC
/Artifact <</Type /Pagination>> BDC BT 300 40 Td (Seite 1) Tj ET EMC
BT /F1 12 Tf ET 0 0 10 10 re W n % a comment
`,
			xmpObj: `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Handbuch</rdf:li></rdf:Alt></dc:title>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`,
		},
	}
}

func (t testDoc) bytes() []byte {
	objs := t.streams()
	return build(objs, "/Root 1 0 R /Info 2 0 R")
}

// compact writes the document with an object stream and a cross-reference
// stream, hybrid or not.
func (t testDoc) compact(hybrid bool) []byte {
	return buildCompact(t.streams(), "/Root 1 0 R /Info 2 0 R", hybrid)
}

// streams returns the objects with content and metadata as streams.
func (t testDoc) streams() map[int]string {
	objs := maps.Clone(t.objs)
	if content := objs[contentObj]; t.plain {
		objs[contentObj] = streamObj("", content)
	} else {
		objs[contentObj] = streamObj("/Filter /FlateDecode", deflate(content))
	}
	xmp := objs[xmpObj]
	objs[xmpObj] = "<< /Type /Metadata /Subtype /XML /Length 28 0 R >>\nstream\n" + xmp + "\nendstream"
	objs[28] = strconv.Itoa(len(xmp))
	return objs
}

// edit replaces old by new in an object body; an empty old replaces or
// adds the whole body.
type edit struct {
	obj      int
	old, new string
}

func (t testDoc) apply(tb testing.TB, edits []edit) testDoc {
	t.objs = maps.Clone(t.objs)
	for _, e := range edits {
		switch body := t.objs[e.obj]; {
		case e.old == "":
			t.objs[e.obj] = e.new
		case strings.Contains(body, e.old):
			t.objs[e.obj] = strings.Replace(body, e.old, e.new, 1)
		default:
			tb.Fatalf("object %d does not contain %q", e.obj, e.old)
		}
	}
	return t
}

func rules(probs []Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.Rule)
	}
	return slices.Compact(out)
}

func TestValidDocument(t *testing.T) {
	for _, plain := range []bool{false, true} {
		doc := validDoc()
		doc.plain = plain
		probs, err := Check(doc.bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(probs) > 0 {
			t.Errorf("plain=%v: unexpected problems:\n%v", plain, probs)
		}
	}
	want := []string{"Document", "H1", "P", "Link", "Figure", "H2", "Table", "TR", "TH", "TD"}
	for name, pdf := range map[string][]byte{
		"classic": validDoc().bytes(), "compact": validDoc().compact(false), "hybrid": validDoc().compact(true),
	} {
		d, err := Parse(pdf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := d.StructTypes(); !slices.Equal(got, want) {
			t.Errorf("%s: StructTypes() = %v, want %v", name, got, want)
		}
		if probs, err := Check(pdf); err != nil || len(probs) > 0 {
			t.Errorf("%s: unexpected problems: %v %v", name, err, probs)
		}
	}
}

// TestCompactRules: a rule is broken in a file with object streams as in
// a classic one.
func TestCompactRules(t *testing.T) {
	doc := validDoc().apply(t, []edit{{1, "/Lang (de-DE)", ""}})
	for _, hybrid := range []bool{false, true} {
		probs, err := Check(doc.compact(hybrid))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rules(probs), ","); got != "lang" {
			t.Errorf("hybrid %v: rules = %q, want lang; problems: %v", hybrid, got, probs)
		}
	}
}

func TestCompactBroken(t *testing.T) {
	good := validDoc().compact(false)
	for name, bad := range map[string][]byte{
		"object stream N too large":   bytes.Replace(good, []byte("/Type /ObjStm /N "), []byte("/Type /ObjStm /N 9"), 1),
		"xref stream W wrong":         bytes.Replace(good, []byte("/W [1 2 1]"), []byte("/W [1 2]"), 1),
		"xref stream not decodable":   bytes.Replace(good, []byte("/DecodeParms << /Predictor 12"), []byte("/DecodeParms << /Predictor 2"), 1),
		"startxref to no xref stream": regexp.MustCompile(`startxref\n\d+`).ReplaceAll(good, []byte("startxref\n9")),
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%s: Parse succeeded", name)
		}
	}
}

func TestRules(t *testing.T) {
	const content, xmp = contentObj, xmpObj
	el := func(s string) string { return "<< /Type /StructElem " + s + " >>" }
	appendContent := func(s string) edit { return edit{content, "% a comment\n", "% a comment\n" + s} }
	tests := []struct {
		name  string
		edits []edit
		want  string // rule ids, comma-separated; "" for none
	}{
		{"no MarkInfo", []edit{{1, "/MarkInfo << /Marked true >>", ""}}, "marked"},
		{"Marked false", []edit{{1, "/Marked true", "/Marked false"}}, "marked"},
		{"empty Lang", []edit{{1, "/Lang (de-DE)", "/Lang ()"}}, "lang"},
		{"no Lang", []edit{{1, "/Lang (de-DE)", ""}}, "lang"},
		{"no title", []edit{{2, "/Title " + titleHex, ""}}, "title"},
		{"PDFDoc title", []edit{{2, titleHex, `(Handbuch \223)`}}, ""},
		{"DisplayDocTitle false", []edit{{1, "/DisplayDocTitle true", "/DisplayDocTitle false"}}, "title"},
		{"no pdfuaid", []edit{{xmp, "<pdfuaid:part>1</pdfuaid:part>", ""}}, "xmp"},
		{"pdfuaid part 2", []edit{{xmp, "<pdfuaid:part>1<", "<pdfuaid:part>2<"}}, "xmp"},
		{"pdfuaid attribute", []edit{{xmp, "<pdfuaid:part>1</pdfuaid:part>", ""},
			{xmp, `rdf:about=""`, `rdf:about="" pdfuaid:part="1"`}}, ""},
		{"empty dc:title", []edit{{xmp, ">Handbuch<", "> <"}}, "xmp"},
		{"no Metadata", []edit{{1, "/Metadata 6 0 R", ""}}, "xmp"},
		{"no StructTreeRoot", []edit{{1, "/StructTreeRoot 7 0 R", ""}}, "link,mcid,struct-tree"},
		{"no ParentTree", []edit{{7, "/ParentTree 8 0 R", ""}}, "link,mcid,struct-tree"},
		{"no Tabs", []edit{{4, "/Tabs /S", ""}}, "tabs"},
		{"Tabs R", []edit{{4, "/Tabs /S", "/Tabs /R"}}, "tabs"},
		{"text outside", []edit{appendContent("BT (lose) Tj ET")}, "untagged-content"},
		{"fill outside", []edit{appendContent("0 0 10 10 re f*")}, "untagged-content"},
		{"Do outside", []edit{appendContent("/Im1 Do")}, "untagged-content"},
		{"inline image outside", []edit{appendContent("BI /W 1 /H 1 ID x EI")}, "untagged-content"},
		{"text in Span BMC", []edit{appendContent("/Span BMC BT (x) Tj ET EMC")}, "untagged-content"},
		{"text in BDC without MCID", []edit{appendContent("/P <</Lang (de)>> BDC BT (x) \" ET EMC")}, "untagged-content"},
		{"Span inside MCID", []edit{{content, "(Titel) Tj", "/Span BMC (Titel) Tj EMC"}}, ""},
		{"Artifact inside MCID", []edit{{content, "(Titel) Tj", "/Artifact BMC (Titel) Tj EMC"}}, "marked-content-nesting"},
		{"EMC too many", []edit{appendContent("EMC")}, "marked-content-balance"},
		{"BMC not closed", []edit{appendContent("/Artifact BMC")}, "marked-content-balance"},
		{"bad content syntax", []edit{appendContent("<< /A")}, "content-syntax"},
		{"content array", []edit{{4, "/Contents 5 0 R", "/Contents [5 0 R 29 0 R]"},
			{29, "", streamObj("", "/Artifact BMC 0 0 m 1 1 l S EMC")}}, ""},
		{"content array outside", []edit{{4, "/Contents 5 0 R", "/Contents [5 0 R 29 0 R]"},
			{29, "", streamObj("", "0 0 m 1 1 l s")}}, "untagged-content"},
		{"duplicate MCID", []edit{{content, "/TD <</MCID 6>>", "/TD <</MCID 5>>"}}, "mcid"},
		{"MCID not in ParentTree", []edit{{8, " 18 0 R]", "]"}}, "mcid"},
		{"ParentTree wrong element", []edit{{8, "17 0 R 18 0 R", "18 0 R 17 0 R"}}, "mcid"},
		{"element claims missing MCID", []edit{{18, "/K 6", "/K [6 9]"}}, "mcid"},
		{"no StructParents", []edit{{4, "/StructParents 0", ""}}, "mcid"},
		{"MCID without Pg", []edit{{9, "/Pg 4 0 R", ""}}, "mcid"},
		{"ParentTree with Kids", []edit{{8, "", "<< /Kids [29 0 R] >>"},
			{29, "", "<< /Limits [0 1] /Nums [0 [10 0 R 11 0 R 12 0 R 13 0 R 14 0 R 17 0 R 18 0 R] 1 12 0 R] >>"}}, ""},
		{"MCID via Properties", []edit{{content, "/H2 <</MCID 4>>", "/H2 /MC4"},
			{4, "/F1 20 0 R >>", "/F1 20 0 R >> /Properties << /MC4 << /MCID 4 >> >>"}}, ""},
		{"Note with ID", []edit{{9, "15 0 R]", "15 0 R 29 0 R]"}, {29, "", el("/S /Note /P 9 0 R /ID (fn-1)")},
			{7, "/K 9 0 R", "/IDTree 30 0 R /K 9 0 R"}, {30, "", "<< /Names [(fn-0) 10 0 R (fn-1) 29 0 R] >>"}}, ""},
		{"IDTree with Kids", []edit{{9, "15 0 R]", "15 0 R 29 0 R]"}, {29, "", el("/S /Note /P 9 0 R /ID (fn-1)")},
			{7, "/K 9 0 R", "/IDTree 30 0 R /K 9 0 R"}, {30, "", "<< /Kids [31 0 R] >>"},
			{31, "", "<< /Limits [(fn-1) (fn-1)] /Names [(fn-1) 29 0 R] >>"}}, ""},
		{"Note with ID, no IDTree", []edit{{9, "15 0 R]", "15 0 R 29 0 R]"}, {29, "", el("/S /Note /P 9 0 R /ID (fn-1)")}}, "id-tree"},
		{"IDTree without the ID", []edit{{9, "15 0 R]", "15 0 R 29 0 R]"}, {29, "", el("/S /Note /P 9 0 R /ID (fn-1)")},
			{7, "/K 9 0 R", "/IDTree 30 0 R /K 9 0 R"}, {30, "", "<< /Names [(fn-2) 29 0 R] >>"}}, "id-tree"},
		{"IDTree to another element", []edit{{9, "15 0 R]", "15 0 R 29 0 R]"}, {29, "", el("/S /Note /P 9 0 R /ID (fn-1)")},
			{7, "/K 9 0 R", "/IDTree 30 0 R /K 9 0 R"}, {30, "", "<< /Names [(fn-1) 10 0 R] >>"}}, "id-tree"},
		{"Note without ID", []edit{{9, "15 0 R]", "15 0 R 29 0 R]"}, {29, "", el("/S /Note /P 9 0 R")}}, "note-id"},
		{"two Notes, one ID", []edit{{9, "15 0 R]", "15 0 R 29 0 R 30 0 R]"},
			{29, "", el("/S /Note /P 9 0 R /ID (fn-1)")}, {30, "", el("/S /Note /P 9 0 R /ID (fn-1)")}}, "id-tree,note-id"},
		{"no Alt", []edit{{13, "/Alt (Logo der Firma)", ""}}, "figure-alt"},
		{"empty Alt", []edit{{13, "(Logo der Firma)", "<FEFF>"}}, "figure-alt"},
		{"ActualText", []edit{{13, "/Alt", "/ActualText"}}, ""},
		{"H1 then H3", []edit{{14, "/S /H2", "/S /H3"}}, "heading-order"},
		{"H1 then H1", []edit{{14, "/S /H2", "/S /H1"}}, ""},
		{"first heading H2", []edit{{10, "/S /H1", "/S /H2"}}, "heading-order"},
		{"H mixed with H1", []edit{{14, "/S /H2", "/S /H"}}, "heading-order"},
		{"table without TH", []edit{{17, "/S /TH", "/S /TD"}}, "table-headers"},
		{"TH without Scope", []edit{{17, "/A << /O /Table /Scope /Column >>", ""}}, "th-scope"},
		{"TH Scope in array", []edit{{17, "/A << /O /Table /Scope /Column >>",
			"/A [<< /O /Layout /Placement /Block >> 0 << /O /Table /Scope /Row >>]"}}, ""},
		{"Link without OBJR", []edit{{12, "<< /Type /OBJR /Obj 19 0 R >>", ""}}, "link"},
		{"annotation without Contents", []edit{{19, "/Contents (Link zu example.org)", ""}}, "link"},
		{"annotation without StructParent", []edit{{19, "/StructParent 1", ""}}, "link"},
		{"StructParent maps to array", []edit{{19, "/StructParent 1", "/StructParent 0"}}, "link"},
		{"direct annotation", []edit{{4, "/Annots [19 0 R]", "/Annots [<< /Subtype /Link /Contents (x) >>]"}}, "link"},
		{"two OBJRs", []edit{{11, "/K [1 12 0 R]", "/K [1 12 0 R << /Type /OBJR /Obj 19 0 R >>]"}}, "link"},
		{"font without FontFile2", []edit{{22, "/FontFile2 23 0 R", ""}}, "fonts"},
		{"font without ToUnicode", []edit{{20, "/ToUnicode 24 0 R", ""}}, "fonts"},
		{"standard 14 font", []edit{{4, "/F1 20 0 R", "/F1 20 0 R /F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"}}, "fonts"},
		{"Type3 font", []edit{{4, "/F1 20 0 R", "/F1 20 0 R /F3 << /Type /Font /Subtype /Type3 >>"}}, ""},
		{"font in Form XObject", []edit{{4, "/F1 20 0 R >>", "/F1 20 0 R >> /XObject << /X1 29 0 R >>"},
			{29, "", streamObj("/Subtype /Form /Resources << /Font << /F9 << /Subtype /TrueType >> >> >>", "")}}, "fonts"},
		{"font program unreadable", []edit{{23, "", streamObj("/Length1 4", "\x00\x01\x00\x00")}}, "font-program"},
		{"cmap of odd length", []edit{{23, "", streamObj("", tinyFont(31))}}, "font-program"},
		{"cmap longer than its table", []edit{{23, "", streamObj("", tinyFont(40))}}, "font-program"},
		{"cmap too short for its segments", []edit{{23, "", streamObj("", tinyFont(30))}}, "font-program"},
		{"whole font without tag", []edit{{20, "/AAAAAA+", "/"}, {21, "/AAAAAA+", "/"}, {22, "/AAAAAA+", "/"}}, ""},
		{"subset without tag", []edit{{20, "/AAAAAA+", "/"}, {21, "/AAAAAA+", "/"}, {22, "/AAAAAA+", "/"},
			{21, "/CIDToGIDMap /Identity", "/CIDToGIDMap 29 0 R"}, {29, "", streamObj("", "\x00\x00\x00\x01")}}, "font-subset"},
		{"FontName without tag", []edit{{22, "/AAAAAA+", "/"}}, "font-subset"},
		{"tags differ", []edit{{22, "/AAAAAA+", "/BBBBBB+"}}, "font-subset"},
		{"tag too short", []edit{{21, "/AAAAAA+", "/AAAAA+"}, {22, "/AAAAAA+", "/AAAAA+"}}, "font-subset"},
		{"fpdf's ToUnicode", []edit{{24, "", streamObj("", "begincmap 1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap")}}, "tounicode"},
		{"bfrange source across a byte", []edit{{24, "", streamObj("", "1 beginbfrange <00FE> <0101> <00FE> endbfrange")}}, "tounicode"},
		{"bfrange destination past 255", []edit{{24, "", streamObj("", "1 beginbfrange <0041> <0043> <00FE> endbfrange")}}, "tounicode"},
		{"bfranges within a byte", []edit{{24, "", streamObj("", "2 beginbfrange <0041> <0043> <0041> <00FE> <00FF> [<0020> <D83DDE00>] endbfrange")}}, ""},
		{"unknown S", []edit{{11, "/S /P", "/S /Absatz"}}, "struct-type"},
		{"unknown S role-mapped", []edit{{11, "/S /P", "/S /Absatz"}, {7, "/K 9 0 R", "/RoleMap << /Absatz /Abs /Abs /P >> /K 9 0 R"}}, ""},
		{"standard type remapped", []edit{{7, "/K 9 0 R", "/RoleMap << /P /Span >> /K 9 0 R"}}, "struct-type"},
		{"outline Count 0 with kids", []edit{{26, "/Count 1", "/Count 0"}, {25, "/Count 2", "/Count 1"}}, "outline"},
		{"outline root Count wrong", []edit{{25, "/Count 2", "/Count 3"}}, "outline"},
		{"outline item without Title", []edit{{27, "/Title <FEFF00410062007300630068006E006900740074>", ""}}, "outline"},
		{"closed outline", []edit{{26, "/Count 1", "/Count -1"}, {25, "/Count 2", "/Count 1"}}, ""},
		{"outline cycle", []edit{{27, "/Parent", "/Next 26 0 R /Parent"}}, "outline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs, err := Check(validDoc().apply(t, tt.edits).bytes())
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(rules(probs), ","); got != tt.want {
				t.Errorf("rules = %q, want %q; problems:\n%v", got, tt.want, probs)
			}
		})
	}
}

func TestParseStrings(t *testing.T) {
	pdf := build(map[int]string{
		1: `<< /Type /Catalog /Pages 2 0 R /Lit (a (b (c)) \(d\) \\ \101\102\n\t%x \0533 con\
tinued) /Hex <48 65 6C6c 6F7> /U16 <FEFF00DC0062006500720020D83DDE00> /U16Lit (\376\377\000\334)
/Doc (\200 \240 \030) /N /A#20B#2F /Num -.5 /Ref 2 0 R /Arr [1 2 0 R 3] /Bool true >>`,
		2: "<< /Type /Pages /Kids [] /Count 0 >>",
	}, "/Root 1 0 R")
	d, err := Parse(pdf)
	if err != nil {
		t.Fatal(err)
	}
	c := d.catalog
	for key, want := range map[name]string{
		"Lit": "a (b (c)) (d) \\ AB\n\t%x +3 continued", "Hex": "Hellop",
		"U16": "Über 😀", "U16Lit": "Ü", "Doc": "• € ˘",
	} {
		if got := d.text(c[key]); got != want {
			t.Errorf("/%s = %q, want %q", key, got, want)
		}
	}
	if got := d.nameOf(c["N"]); got != "A B/" {
		t.Errorf("/N = %q, want %q", got, "A B/")
	}
	if c["Num"] != -0.5 || c["Ref"] != (ref{2, 0}) || c["Bool"] != true {
		t.Errorf("Num, Ref, Bool = %v, %v, %v", c["Num"], c["Ref"], c["Bool"])
	}
	if got := fmt.Sprint(c["Arr"]); got != "[1 {2 0} 3]" {
		t.Errorf("/Arr = %s", got)
	}
	for _, bad := range []string{"", "not a pdf", "startxref\n5\n%%EOF", string(pdf[:len(pdf)/2])} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%.20q) succeeded", bad)
		}
	}
}

func TestContentTokens(t *testing.T) {
	ops, err := parseContent([]byte(`/P <</MCID 3 /Alt (a\)b)>> BDC [(x) -5 (y)] TJ BI /W 1 ID xEIy EI T* EMC`))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range ops {
		names = append(names, o.name)
	}
	if got := strings.Join(names, " "); got != "BDC TJ BI T* EMC" {
		t.Errorf("operators = %q", got)
	}
	if props, _ := ops[0].args[1].(dict); props["MCID"] != 3 || props["Alt"] != pdfText("a)b") {
		t.Errorf("BDC operands = %v", ops[0].args)
	}
}

// TestIncrementalUpdate appends a revision whose catalog lacks /Lang.
func TestIncrementalUpdate(t *testing.T) {
	pdf := validDoc().bytes()
	prev := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(pdf)[1]
	cat := strings.Replace(validDoc().objs[1], "/Lang (de-DE)", "", 1)
	b := bytes.NewBuffer(slices.Clone(pdf))
	off := b.Len()
	fmt.Fprintf(b, "1 0 obj\n%s\nendobj\n", cat)
	xref := b.Len()
	fmt.Fprintf(b, "xref\n1 1\n%010d 00000 n \ntrailer\n<< /Size 29 /Root 1 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n", off, prev, xref)
	probs, err := Check(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rules(probs), ","); got != "lang" {
		t.Errorf("rules = %q, want lang; problems: %v", got, probs)
	}
}

// relink gives pdf a new xref table for the objects found by scanning for
// "n 0 obj", so that fuzzed inputs whose offsets shifted still reach the
// checks.
func relink(pdf []byte) []byte {
	if i := bytes.LastIndex(pdf, []byte("\nxref")); i >= 0 {
		pdf = pdf[:i+1]
	}
	var b bytes.Buffer
	b.Write(pdf)
	b.WriteString("\nxref\n")
	for _, m := range objHeader.FindAllSubmatchIndex(pdf, -1) {
		fmt.Fprintf(&b, "%s 1\n%010d 00000 n \n", pdf[m[2]:m[3]], m[0])
	}
	fmt.Fprintf(&b, "trailer\n<< /Root 1 0 R /Info 2 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(pdf)+1)
	return b.Bytes()
}

var objHeader = regexp.MustCompile(`(?m)^(\d{1,9}) 0 obj\b`)

func FuzzParse(f *testing.F) {
	f.Add(validDoc().bytes())
	plain := validDoc()
	plain.plain = true
	f.Add(plain.bytes())
	f.Add(build(map[int]string{1: "<< /Type /Catalog /Pages 2 0 R >>", 2: "<< /Type /Pages /Kids [] >>"}, "/Root 1 0 R"))
	f.Add(validDoc().compact(false))
	f.Add(validDoc().compact(true))
	f.Fuzz(func(t *testing.T, pdf []byte) {
		if d, err := Parse(pdf); err == nil {
			d.StructTypes()
		}
		Check(pdf)
		Check(relink(pdf))
	})
}
