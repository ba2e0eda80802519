package importdoc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// fixture is the Word document LibreOffice made from
// testdata/leitlinie.fodt (see testdata/README.md); fixtureODT the
// OpenDocument text it made from the same source.
const (
	fixture    = "testdata/leitlinie.docx"
	fixtureODT = "testdata/leitlinie.odt"
)

func readFixture(t *testing.T) *Document { return readFile(t, fixture) }

func readFile(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(path.Base(name), data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestWordsKept: the words of every w:t of the document and of its
// footnotes, read plainly from the XML, are the words of the chapter as
// a reader sees it (title, then the rendered page), in the same order.
// The comment's words are not in the chapter; TestHints finds them in
// the hints.
func TestWordsKept(t *testing.T) {
	data, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	testWordsKept(t, fixture, words(plainText(t, data, "word/document.xml")+" "+plainText(t, data, "word/footnotes.xml")))
}

// TestWordsKeptODT: the same for the OpenDocument text, whose words are
// the character data of content.xml's office:text, the footnotes' text
// moved to the end (where the page shows them) and the comment's left
// out (its place is the hint).
func TestWordsKeptODT(t *testing.T) {
	data, err := os.ReadFile(fixtureODT)
	if err != nil {
		t.Fatal(err)
	}
	testWordsKept(t, fixtureODT, words(plainODT(t, data)))
}

func testWordsKept(t *testing.T, file string, want []string) {
	ch := readFile(t, file).Chapter("einwilligung")
	front, body, ok := strings.Cut(strings.TrimPrefix(string(ch.Markdown), "+++\n"), "+++\n")
	if !ok {
		t.Fatalf("no front matter:\n%s", ch.Markdown)
	}
	got := append(words(ch.Title), words(renderedText(t, body))...)
	if !strings.Contains(front, `title = "Einwilligung in KI-Werkzeuge"`) {
		t.Errorf("front matter without the title:\n%s", front)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("words differ\n got: %q\nwant: %q\nMarkdown:\n%s", got, want, ch.Markdown)
	}
	if len(want) < 150 {
		t.Fatalf("only %d words read from the fixture", len(want))
	}
}

// plainText is the text of every w:t of a part, in document order,
// read without the converter. The fallback of mc:AlternateContent is
// left out: it repeats the choice (a text box's text) for old programs.
func plainText(t *testing.T, docx []byte, part string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var b strings.Builder
	inT, fallback := false, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "Fallback" {
				fallback++
			}
			inT = tok.Name.Local == "t"
			b.WriteByte(' ')
		case xml.EndElement:
			if tok.Name.Local == "Fallback" {
				fallback--
			}
			inT = false
			b.WriteByte(' ')
		case xml.CharData:
			if inT && fallback == 0 {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

// plainODT is the character data of content.xml's text, read without
// the converter: footnote bodies at the end, comments and footnote
// numbers left out, and the pictures' descriptions (svg:desc), which
// are alternative text, not text of the page.
func plainODT(t *testing.T, odt []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(odt), int64(len(odt)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var main, notes strings.Builder
	inText, inNote, skip := 0, 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "text":
				inText++
			case "note-body":
				inNote++
			case "annotation", "note-citation", "desc":
				skip++
			}
			main.WriteByte(' ')
			notes.WriteByte(' ')
		case xml.EndElement:
			switch tok.Name.Local {
			case "text":
				inText--
			case "note-body":
				inNote--
			case "annotation", "note-citation", "desc":
				skip--
			}
			main.WriteByte(' ')
			notes.WriteByte(' ')
		case xml.CharData:
			switch {
			case inText == 0 || skip > 0:
			case inNote > 0:
				notes.Write(tok)
			default:
				main.Write(tok)
			}
		}
	}
	return main.String() + " " + notes.String()
}

// renderedText renders the chapter's Markdown with goldmark's tables and
// footnotes (as handbuch's setup does) and returns the text a reader
// sees: footnote numbers and back links left out, since the document's
// references have no text either.
func renderedText(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "class" && (a.Val == "footnote-ref" || a.Val == "footnote-backref") {
					return
				}
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteByte(' ')
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// words splits a text into its words: runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// TestChapterMarkdown: the constructs of the fixture as Markdown.
func TestChapterMarkdown(t *testing.T) {
	ch := readFixture(t).Chapter("einwilligung")
	md := string(ch.Markdown)
	for _, want := range []string{
		"+++\ntitle = \"Einwilligung in KI-Werkzeuge\"\nstatus = \"entwurf\"\naudience = \"staff\"\n+++\n\n## Worum es geht\n",
		"prüft **jede** Anwendung",
		"beschließt der *Vorstand*.",
		"§&nbsp;35 SGB I",
		`\*Sternchen\*, \_Unterstriche\_, \[Klammern\](nicht) und \<b\>Spitzen\</b\>`,
		"{{&#8203;\\< eintragen",
		"Shortcode.\\\nDiese Zeile folgt",
		"\n1\\. Januar ist",
		"\n\\# Keine Überschrift",
		"\n### Was wir tun\n",
		"\n- Daten schützen\n  - Namen entfernen\n  - Fotos weglassen\n- Menschen beteiligen\n",
		"\n1. Antrag stellen\n2. Prüfung abwarten\n3. Freigabe erhalten\n",
		"| Werkzeug | Zweck | Ampel |\n| --- | --- | --- |\n| Spracherkennung | Pflegeberichte diktieren \\| schneller schreiben | gelb |\n",
		"| Rolle | Erreichbar |\n| --- | --- |\n| Datenschutz | montags |\n",
		"der DSGVO[^1] und den Hinweisen der [Datenschutzkonferenz](https://www.datenschutzkonferenz-online.de/).[^2]",
		"\n![Ein blaues Rechteck als Platzhalter für das Logo der Einrichtung.](einwilligung-bild-1.png)\n",
		"\n![](einwilligung-bild-2.png)\n",
		"Vor dem Textfeld steht dieser Satz.\n\nWichtig: Niemals Namen von Klienten eingeben.\n",
		"\n[^1]: Datenschutz-Grundverordnung, Art. 9.\n",
		"\n[^2]: Stand der Hinweise: Mai 2024.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	// The title paragraph became the title; it is not repeated.
	if strings.Count(md, "Einwilligung in KI-Werkzeuge") != 1 {
		t.Errorf("the title is repeated in the body:\n%s", md)
	}
	if len(ch.Images) != 2 || ch.Images[0].Name != "einwilligung-bild-1.png" || !bytes.HasPrefix(ch.Images[0].Data, []byte("\x89PNG")) {
		t.Errorf("images: %v", ch.Images)
	}
	// Same input, same bytes.
	if again := readFixture(t).Chapter("einwilligung"); !bytes.Equal(again.Markdown, ch.Markdown) {
		t.Error("two conversions differ")
	}
}

// TestHints: every construct the chapter shows differently is a hint
// with its paragraph and first words, the comment with its text.
func TestHints(t *testing.T) {
	for _, file := range []string{fixture, fixtureODT} {
		testHints(t, file)
	}
}

func testHints(t *testing.T, file string) {
	ch := readFile(t, file).Chapter("einwilligung")
	var got []string
	for _, h := range ch.Hints {
		got = append(got, h.String())
	}
	name := path.Base(file)
	want := []string{
		name + ": Absatz 7 („Die Leitung beschließt die…“): Kommentar von Qualitätsmanagement nicht übernommen: „Bitte mit der MAV abstimmen.“",
		name + ": Absatz 28 („Rolle“): Tabelle ohne markierte Kopfzeile",
		name + ": Absatz 35 (ohne Text): Bild einwilligung-bild-2.png hat keinen Alternativtext.",
		name + ": Absatz 36 („Vor dem Textfeld steht…“): Textfeld übernommen als normaler Absatz, bitte prüfen: „Wichtig: Niemals Namen von Klienten eingeben.“",
		name + ": Absatz 38 („Stand: 3/1/26“): Feld ",
	}
	if len(got) != len(want) {
		t.Fatalf("%d hints, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("hint %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}

// docxOf builds a Word document from its parts, for cases the fixture
// does not show.
func docxOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	var names []string
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// TestGermanWord: a document as German Word writes it: style ids
// "berschrift1" named "heading 1" or "Überschrift 2" without an outline
// level, the title from the first heading, a list whose level skips,
// tracked changes, a formula and a hyperlink field.
func TestGermanWord(t *testing.T) {
	data := docxOf(t, map[string]string{
		"word/styles.xml": `<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift3"><w:name w:val="Überschrift 3"/><w:basedOn w:val="berschrift2"/></w:style>
<w:style w:type="character" w:styleId="Fett"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`,
		"word/numbering.xml": `<w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/></Relationships>`,
		"word/document.xml": `<w:document ` + wNS + `><w:body>
<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Schweigepflicht &amp; KI</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Wir </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Fett"/></w:rPr><w:t>schützen</w:t></w:r><w:r><w:t xml:space="preserve"> Daten.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="berschrift3"/></w:pPr><w:r><w:t>Zu tief</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Erstens</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Unterpunkt</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Alt </w:t></w:r><w:del w:author="Anna"><w:r><w:delText>gestrichen</w:delText></w:r></w:del><w:ins w:author="Anna"><w:r><w:t>neu</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:t xml:space="preserve">Formel: </w:t></w:r><m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org/a b" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Beispiel</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> und </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>böse</w:t></w:r></w:hyperlink></w:p>
</w:body></w:document>`,
	})
	doc, err := Read("regeln.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title() != "Schweigepflicht & KI" {
		t.Errorf("title %q", doc.Title())
	}
	ch := doc.Chapter("regeln")
	md := string(ch.Markdown)
	for _, want := range []string{
		"title = \"Schweigepflicht & KI\"\n",
		"\nWir **schützen** Daten.\n",
		"\n## Zu tief\n",
		"\n1. Erstens\n   1. Unterpunkt\n",
		"\nAlt neu\n",
		"\nFormel:\n",
		"[Beispiel](<https://example.org/a%20b>) und böse\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	if strings.Contains(md, "javascript") || strings.Contains(md, "gestrichen") {
		t.Errorf("a refused link or deleted text in the chapter:\n%s", md)
	}
	var hints []string
	for _, h := range ch.Hints {
		hints = append(hints, h.String())
	}
	all := strings.Join(hints, "\n")
	for _, want := range []string{
		"regeln.docx: Absatz 6 („Alt neu“): gelöschter Text aus der Änderungsverfolgung nicht übernommen: „gestrichen“",
		"regeln.docx: Absatz 6 („Alt neu“): eingefügter Text aus der Änderungsverfolgung übernommen: „neu“",
		"regeln.docx: Absatz 7 („Formel:“): Formel nicht übernommen: „a+b“",
		"regeln.docx: Absatz 8 („Beispiel und böse“): Link auf „javascript:alert(1)“ als einfacher Text übernommen",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing hint %q in\n%s", want, all)
		}
	}
}

// TestBadInput: what is no Word document gets a German message that
// says what to do, and no document.
func TestBadInput(t *testing.T) {
	var noDoc bytes.Buffer
	zw := zip.NewWriter(&noDoc)
	w, _ := zw.Create("hallo.txt")
	io.WriteString(w, "Hallo")
	zw.Close()
	// An encrypted Office file is an OLE compound file with the streams
	// EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO 2.3.4): its
	// header and directory names are enough to tell it apart.
	encrypted := append(append([]byte{}, cfbMagic...), make([]byte, 504)...)
	encrypted = append(encrypted, utf16("EncryptionInfo")...)
	encrypted = append(encrypted, utf16("EncryptedPackage")...)
	oldDoc := append(append([]byte{}, cfbMagic...), append(make([]byte, 504), utf16("WordDocument")...)...)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"notiz.docx", []byte("Das ist nur Text.\n"), "notiz.docx ist kein Word-Dokument (.docx) und kein OpenDocument-Text (.odt): die Datei ist kein ZIP-Archiv"},
		{"archiv.docx", noDoc.Bytes(), "archiv.docx ist kein Word-Dokument: im Archiv fehlt word/document.xml"},
		{"geheim.docx", encrypted, "geheim.docx ist mit einem Passwort geschützt. Öffnen Sie die Datei"},
		{"alt.doc", oldDoc, "alt.doc ist ein altes Word-Dokument (.doc)"},
		{"kaputt.docx", docxOf(t, map[string]string{"word/document.xml": "<w:document " + wNS + "><w:body><w:p>"}), "word/document.xml im Dokument ist kein gültiges XML"},
	} {
		doc, err := Read(tc.name, tc.data)
		if err == nil || doc != nil {
			t.Errorf("%s: read without error", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v\nwant %q", tc.name, err, tc.want)
		}
	}
}

// TestOtherConstructs: constructs the fixture does not have, each with
// its hint or its Markdown.
func TestOtherConstructs(t *testing.T) {
	const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/foto.png"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/alt.gif"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="diagrams/data1.xml"/>
</Relationships>`
	pic := func(id, embed, extra string) string {
		return `<w:r><w:drawing><wp:inline><wp:docPr id="` + id + `" name="Bild ` + id + `" descr="Ein Foto">` + extra + `</wp:docPr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="` + embed + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
	}
	ns := wNS + ` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" xmlns:v="urn:schemas-microsoft-com:vml"`
	data := docxOf(t, map[string]string{
		"word/_rels/document.xml.rels": rels,
		"word/media/foto.png":          "\x89PNG\r\n\x1a\n",
		"word/media/alt.gif":           "GIF89a",
		"word/header1.xml":             `<w:hdr ` + wNS + `><w:p><w:r><w:t>Vertraulich</w:t></w:r></w:p></w:hdr>`,
		"word/endnotes.xml":            `<w:endnotes ` + wNS + `><w:endnote w:id="1"><w:p><w:r><w:t>Die Endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`,
		"word/diagrams/data1.xml":      `<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>Planen</a:t></a:r></a:p></dgm:t></dgm:pt><dgm:pt><dgm:t><a:p><a:r><a:t>Prüfen</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>`,
		"word/document.xml": `<w:document ` + ns + `><w:body>
<w:p><w:r><w:t>Einleitung</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>
<w:p>` + pic("1", "rId1", `<a:extLst><a:ext><adec:decorative val="1"/></a:ext></a:extLst>`) + `</w:p>
<w:p>` + pic("2", "rId2", "") + `</w:p>
<w:p><w:r><w:drawing><wp:inline><wp:docPr id="3" name="Ablauf"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"><dgm:relIds r:dm="rId5"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Siehe </w:t></w:r><w:hyperlink w:anchor="_Toc1"><w:r><w:t>oben</w:t></w:r></w:hyperlink></w:p>
<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Alter Kasten</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Breit</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:sectPr><w:headerReference r:id="rId3"/></w:sectPr>
</w:body></w:document>`,
	})
	doc, err := Read("mehr.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	ch := doc.Chapter("mehr")
	md := string(ch.Markdown)
	for _, want := range []string{
		"\nEinleitung[^1]\n",
		"\n{{< bild \"mehr-bild-1.png\" \"dekorativ\" >}}\n",
		"\nSiehe oben\n",
		"\nAlter Kasten\n",
		"| Breit |   |\n| --- | --- |\n| A B | C |\n",
		"\n[^1]: Die Endnote.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	if len(ch.Images) != 1 || ch.Images[0].Name != "mehr-bild-1.png" {
		t.Errorf("images %v, want the PNG only", ch.Images)
	}
	var hints []string
	for _, h := range ch.Hints {
		hints = append(hints, h.String())
	}
	all := strings.Join(hints, "\n")
	for _, want := range []string{
		"mehr.docx: Kopfzeile nicht übernommen: „Vertraulich“",
		"mehr.docx: Absatz 1 („Einleitung“): Sonderzeichen aus der Schrift Wingdings (Code F0FC) nicht übernommen",
		"mehr.docx: Absatz 3 (ohne Text): Bild im Format GIF nicht übernommen (Alternativtext „Ein Foto“)",
		"mehr.docx: Absatz 4 (ohne Text): SmartArt nicht übernommen, ihr Text: „Planen Prüfen“",
		"mehr.docx: Absatz 5 („Siehe oben“): Verweis auf die Textmarke „_Toc1“ im Dokument als einfacher Text übernommen",
		"mehr.docx: Absatz 6 (ohne Text): Textfeld übernommen als normaler Absatz, bitte prüfen: „Alter Kasten“",
		"verbundene Tabellenzellen als einzelne Zellen übernommen",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing hint %q in\n%s", want, all)
		}
	}
}
