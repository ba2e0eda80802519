package paper

import (
	"fmt"
	"strings"
	"testing"
)

// page builds an A4 page with a running header and footer where
// handbuch draws them, and the given lines.
func page(n int, lines ...Line) Page {
	head := Line{Type: "Artifact", Artifact: "Header", Text: "Titel", X: 56, Y: 803.8, Size: 9}
	foot := Line{Type: "Artifact", Artifact: "Footer", Text: "Seite", X: 56, Y: 29.9, Size: 9}
	return Page{Number: n, Width: 595.28, Height: 841.89, Lines: append(append([]Line{head}, lines...), foot)}
}

// body is a line of element elem at baseline y.
func body(elem int, typ string, y float64, text string) Line {
	return Line{Elem: elem, Type: typ, Text: text, X: 59.5, Y: y, Size: 11.5}
}

// para is n lines of one paragraph from baseline y down.
func para(elem int, y float64, n int) []Line {
	var out []Line
	for i := range n {
		out = append(out, body(elem, "P", y-float64(i)*16.7, fmt.Sprintf("Zeile %d von Absatz %d", i+1, elem)))
	}
	return out
}

func join(parts ...[]Line) []Line {
	var out []Line
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func check(pages ...Page) string {
	var out []string
	for _, f := range Check(&Doc{Pages: pages}, Options{}) {
		out = append(out, f.String())
	}
	return strings.Join(out, "\n")
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name  string
		pages []Page
		want  string
	}{
		{"good pages", []Page{
			page(1, join([]Line{body(1, "H1", 760, "Kapitel")}, para(2, 730, 20))...),
			page(2, join(para(2, 760, 3), para(3, 700, 2))...),
		}, ""},
		{"orphan", []Page{
			page(1, join(para(1, 760, 30), para(2, 90, 1))...),
			page(2, para(2, 760, 4)...),
		}, `page 1: orphan: "Zeile 1 von Absatz 2": the first line of a paragraph that goes on on page 2`},
		{"widow", []Page{
			page(1, para(1, 760, 30)...),
			page(2, join(para(1, 760, 1), para(2, 730, 4))...),
		}, `page 2: widow: "Zeile 1 von Absatz 1": the last line of a paragraph that begins on page 1`},
		{"one line on each page is both", []Page{
			page(1, join(para(1, 760, 30), para(2, 90, 1))...),
			page(2, join([]Line{body(2, "P", 760, "Rest.")}, para(3, 730, 4))...),
		}, `page 1: orphan: "Zeile 1 von Absatz 2": the first line of a paragraph that goes on on page 2
page 2: widow: "Rest.": the last line of a paragraph that begins on page 1`},
		{"a table cell split over pages is no widow", []Page{
			page(1, join(para(1, 760, 30), []Line{body(7, "TD", 90, "Zelle")})...),
			page(2, []Line{body(7, "TD", 760, "Zelle weiter"), body(8, "P", 740, "Absatz.")}...),
		}, ""},
		{"punctuation", []Page{
			page(1, body(1, "P", 760, "Ein Satz mit einem Link"), body(1, "P", 743, ". Und weiter"), body(2, "P", 700, "„Zitat"), body(2, "P", 683, "“ und mehr")),
		}, `page 1: punctuation: ". Und weiter": the line begins with '.'
page 1: punctuation: "“ und mehr": the line begins with '“'`},
		{"punctuation across a page and at an element's start", []Page{
			page(1, join(para(1, 760, 30))...),
			page(2, body(1, "P", 760, "… Fortsetzung"), body(1, "P", 743, "und Schluss"), body(2, "P", 730, "(Klammer) beginnt einen Absatz"), body(3, "P", 700, "… darf ein Absatz beginnen")),
		}, `page 2: punctuation: "… Fortsetzung": the line begins with '…'`},
		{"footnote mark", []Page{
			page(1, body(1, "P", 760, "Ein Satz"), Line{Elem: 1, Type: "P", Text: "4Die Begründung", X: 59.5, Y: 743, Size: 11.5, Mark: true}),
		}, `page 1: footnote-mark: "4Die Begründung": the line begins with a footnote mark`},
		{"heading last on its page", []Page{
			page(1, join(para(1, 760, 38), []Line{body(2, "H2", 90, "Abschnitt")})...),
			page(2, para(3, 760, 5)...),
		}, `page 1: heading-at-foot: "Abschnitt": the heading is the last text on its page`},
		{"heading with one line", []Page{
			page(1, join(para(1, 760, 37), []Line{body(2, "H3", 110, "Abschnitt")}, para(3, 90, 1))...),
			page(2, para(3, 760, 5)...),
		}, `page 1: orphan: "Zeile 1 von Absatz 3": the first line of a paragraph that goes on on page 2
page 1: heading-at-foot: "Abschnitt": one line of its section follows the heading on its page`},
		{"a one-line section is whole; table cells on one baseline are one line", []Page{
			page(1, join(para(1, 760, 30), []Line{body(2, "H2", 250, "Kurz")}, para(3, 230, 1), []Line{body(4, "H2", 210, "Tabelle"), body(5, "TH", 190, "A"), body(6, "TH", 190, "B"), body(7, "TD", 174, "1"), body(8, "TD", 174, "2")})...),
			page(2, body(9, "H1", 760, "Neues Kapitel")),
		}, ""},
		{"a subsection's lines count for its parent; the next heading of the same level ends it", []Page{
			page(1, join(para(1, 760, 36), []Line{body(2, "H2", 130, "Oben"), body(3, "H3", 110, "Unten")}, para(4, 90, 2))...),
			page(2, join(para(4, 760, 3), []Line{body(5, "H2", 700, "Weiter")}, para(6, 680, 2))...),
		}, ""},
		{"a list marker at a page's foot", []Page{
			page(1, join(para(1, 760, 40), []Line{body(2, "Lbl", 90, "•")})...),
			page(2, join(para(3, 760, 2), []Line{body(4, "Lbl", 720, "2."), body(5, "P", 720, "Punkt zwei")})...),
		}, `page 1: label-alone: "•": the item's text begins on page 2`},
		{"text touching the footer", []Page{
			page(1, body(1, "P", 760, "Oben"), body(2, "P", 38.8, "Unterschrift")),
		}, `page 1: margin: "Unterschrift": -0.4 mm above the footer, baseline 13.7 mm above the page's edge`},
		{"text near the header", []Page{
			page(1, body(1, "H1", 790, "Zu hoch")),
		}, `page 1: margin: "Zu hoch": 0.8 mm below the header`},
		{"the cover has no header or footer", []Page{
			{Number: 1, Lines: []Line{body(1, "H1", 800, "Titel"), body(2, "P", 20, "Fuß")}},
		}, ""},
	} {
		if got := check(c.pages...); got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.name, got, c.want)
		}
	}
}

// TestRuns reads a content stream as handbuch writes one: a header
// artifact, a heading, a paragraph whose second line begins with a
// raised footnote mark inside a Link, literal and hex strings, TJ.
func TestRuns(t *testing.T) {
	stream := `/Artifact <</Type /Pagination /Subtype /Header>> BDC
BT /F1 9.00 Tf ET q BT 59.53 803.76 Td (\000T\000i\000t\000e\000l)Tj ET Q
EMC
BT /F1 16.00 Tf ET
/H2 <</MCID 0>> BDC q BT 59.53 751.79 Td <00DC0062006500720020>Tj ET Q q BT 100 751.79 Td [<0041> -300 <0042>] TJ ET Q EMC
BT /F1 11.50 Tf ET
/P <</MCID 1>> BDC BT 59.53 730.37 Td <00450069006E0020>Tj ET BT 90 730.37 Td <005300610074007A>Tj ET EMC
/Link <</MCID 2>> BDC BT /F1 8.05 Tf ET BT 59.53 717.5 Td <0034>Tj ET BT /F1 11.50 Tf ET EMC
/P <</MCID 3>> BDC BT 64 713.69 Td <0044006900650020005A00650069006C0065002E>Tj ET EMC
`
	runs, err := textRuns([]byte(stream), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range runs {
		switch runs[i].mcid {
		case 0:
			runs[i].elem, runs[i].typ = 10, "H2"
		case 1, 2, 3:
			runs[i].elem, runs[i].typ = 11, "P" // the Link is inline in the P
		}
	}
	var got []string
	for _, l := range lines(runs) {
		got = append(got, fmt.Sprintf("%s %d %q %.2f %.1f mark=%v", l.Type, l.Elem, l.Text, l.Y, l.Size, l.Mark))
	}
	want := []string{
		`Artifact 0 "Titel" 803.76 9.0 mark=false`,
		`H2 10 "Über A B" 751.79 16.0 mark=false`,
		`P 11 "Ein Satz" 730.37 11.5 mark=false`,
		`P 11 "4Die Zeile." 713.69 11.5 mark=true`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestToUnicode reads text shown in glyph ids through the font's
// ToUnicode CMap: bfchar entries (one glyph for two characters too) and
// bfrange entries.
func TestToUnicode(t *testing.T) {
	c := parseCMap([]byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
		"3 beginbfchar\n<0003> <0041>\n<0007> <00660069>\n<01E9> <1E9E>\nendbfchar\n" +
		"1 beginbfrange\n<0010> <0012> <0061>\nendbfrange\nendcmap\n"))
	if got := c.decode("\x00\x03\x00\x07\x01\xe9\x00\x10\x00\x12"); got != "Afiẞac" {
		t.Errorf("decoded %q, want %q", got, "Afiẞac")
	}
	runs, err := textRuns([]byte("BT /R 12 Tf 10 10 Td [(\x00\x03)-20(\x00\x07)]TJ ET"), map[string]*cmap{"R": c})
	if err != nil || len(runs) != 1 || runs[0].text != "Afi" || runs[0].size != 12 {
		t.Errorf("runs %+v, %v", runs, err)
	}

	// As handbuch writes them: codes of one byte below 80, of two above.
	c = parseCMap([]byte("2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n" +
		"3 beginbfchar\n<00> <0047>\n<01> <00FC>\n<8000> <1E9E>\nendbfchar\n"))
	if got := c.decode("\x00\x01\x80\x00\x01"); got != "Güẞü" {
		t.Errorf("decoded %q, want %q", got, "Güẞü")
	}
}
