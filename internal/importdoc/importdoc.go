package importdoc

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// Hint is something of the document the editor should look at: a
// construct the chapter shows differently or not at all, with its place.
type Hint struct {
	File  string // the document's name as given to Read
	Para  int    // the paragraph of the document, counted from 1; 0 for the whole document
	Words string // the first words of that paragraph, "" if it has no text
	Text  string // what happened and what to do, in German
}

// String gives the hint as one line, for example
// bericht.docx: Absatz 14 („Die Leitung beschließt…“): Textfeld übernommen als normaler Absatz, bitte prüfen.
func (h Hint) String() string {
	switch {
	case h.Para == 0:
		return fmt.Sprintf("%s: %s", h.File, h.Text)
	case h.Words == "":
		return fmt.Sprintf("%s: Absatz %d (ohne Text): %s", h.File, h.Para, h.Text)
	}
	return fmt.Sprintf("%s: Absatz %d („%s“): %s", h.File, h.Para, h.Words, h.Text)
}

// Image is a picture of the document, written beside the chapter.
type Image struct {
	Name string // file name, e.g. einwilligung-bild-1.png
	Data []byte
}

// Chapter is a converted document.
type Chapter struct {
	Title    string
	Markdown []byte // front matter and body
	Images   []Image
	Hints    []Hint
}

// Document is a read Word or OpenDocument text.
type Document struct {
	d *doc
}

// Limits against archives that unpack to far more than they weigh.
const (
	maxPart  = 64 << 20  // one XML part or picture
	maxTotal = 256 << 20 // everything read from one archive
)

// Read reads a .docx or .odt document; name is the file name the hints
// and messages show. The error is in German and says what to do.
func Read(name string, data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.HasPrefix(data, cfbMagic) {
			if bytes.Contains(data, utf16("EncryptionInfo")) || bytes.Contains(data, utf16("EncryptedPackage")) {
				return nil, fmt.Errorf("%s ist mit einem Passwort geschützt. Öffnen Sie die Datei in Word oder LibreOffice, entfernen Sie den Kennwortschutz (Datei > Informationen > Dokument schützen) und speichern Sie sie erneut als .docx", name)
			}
			return nil, fmt.Errorf("%s ist ein altes Word-Dokument (.doc) oder eine andere Office-Datei vor 2007. Öffnen Sie sie in Word oder LibreOffice und speichern Sie sie als Word-Dokument (.docx)", name)
		}
		return nil, fmt.Errorf("%s ist kein Word-Dokument (.docx) und kein OpenDocument-Text (.odt): die Datei ist kein ZIP-Archiv. Speichern Sie das Dokument in Word oder LibreOffice als .docx", name)
	}
	a := &archive{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		a.files[f.Name] = f
	}
	d := &doc{file: name}
	switch {
	case a.files["word/document.xml"] != nil || a.officeDocument() != "":
		err = readDOCX(d, a)
	case a.files["content.xml"] != nil:
		err = readODT(d, a)
	default:
		return nil, fmt.Errorf("%s ist kein Word-Dokument: im Archiv fehlt word/document.xml (bei .odt: content.xml). Speichern Sie das Dokument in Word oder LibreOffice als .docx", name)
	}
	if err != nil {
		return nil, err
	}
	return &Document{d: d}, nil
}

var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func utf16(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

// archive reads the parts of a zip within the limits.
type archive struct {
	files map[string]*zip.File
	read  int64
}

// officeDocument returns the main part named in _rels/.rels, or "".
func (a *archive) officeDocument() string {
	rels, err := a.xml("_rels/.rels")
	if err != nil || rels == nil {
		return ""
	}
	for _, r := range rels.kids {
		if strings.HasSuffix(r.attr("", "Type"), "/officeDocument") {
			if t := strings.TrimPrefix(path.Clean("/"+r.attr("", "Target")), "/"); a.files[t] != nil {
				return t
			}
		}
	}
	return ""
}

// bytes returns the part name, nil if it is missing.
func (a *archive) bytes(name string) ([]byte, error) {
	f := a.files[name]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s lässt sich nicht entpacken: %v", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, fmt.Errorf("%s lässt sich nicht entpacken: %v", name, err)
	}
	a.read += int64(len(b))
	if len(b) > maxPart || a.read > maxTotal {
		return nil, fmt.Errorf("%s ist entpackt größer als %d MB; so große Dokumente liest handbuch nicht. Teilen Sie das Dokument auf", name, maxPart>>20)
	}
	return b, nil
}

// xml returns the part name as a tree, nil if it is missing.
func (a *archive) xml(name string) (*node, error) { return a.tree(name, false) }

// tree returns the part name as a tree, with character data as nodes
// if mixed; nil if it is missing.
func (a *archive) tree(name string, mixed bool) (*node, error) {
	b, err := a.bytes(name)
	if err != nil || b == nil {
		return nil, err
	}
	n, err := parseXML(b, mixed)
	if err != nil {
		return nil, fmt.Errorf("%s im Dokument ist kein gültiges XML (%v). Öffnen Sie das Dokument in Word oder LibreOffice und speichern Sie es erneut", name, err)
	}
	return n, nil
}

// Title is the title of the document: its metadata title, else its title
// paragraph or first heading, else the file name.
func (doc *Document) Title() string {
	d := doc.d
	if d.title != "" {
		return d.title
	}
	if i := d.titleBlock(); i >= 0 {
		return plain(d.blocks[i].spans)
	}
	base := path.Base(strings.ReplaceAll(d.file, "\\", "/"))
	return strings.TrimSuffix(base, path.Ext(base))
}

// Chapter writes the document as a chapter; its pictures are named
// prefix-bild-1.png and so on, for the folder of the chapter.
func (doc *Document) Chapter(prefix string) Chapter {
	d := doc.d
	title := doc.Title()
	blocks := d.blocks
	// The title paragraph (or the first heading the title came from)
	// becomes the page's title: the layout shows it as the h1.
	if i := d.titleBlock(); i >= 0 && strings.EqualFold(norm(plain(blocks[i].spans)), norm(title)) {
		blocks = append(append([]block(nil), blocks[:i]...), blocks[i+1:]...)
	}
	w := &writer{d: d, prefix: prefix}
	w.headings(blocks)
	var body strings.Builder
	w.blocks(&body, blocks)
	w.footnotes(&body)
	var out strings.Builder
	fmt.Fprintf(&out, "+++\ntitle = %s\nstatus = \"entwurf\"\naudience = \"staff\"\n+++\n\n", tomlString(title))
	out.WriteString(strings.TrimRight(body.String(), "\n"))
	out.WriteString("\n")
	hints := append(append([]Hint(nil), d.hints...), w.hints...)
	for i := range hints {
		hints[i].File = d.file
		hints[i].Words = d.words[hints[i].Para]
	}
	sort.SliceStable(hints, func(i, j int) bool { return hints[i].Para < hints[j].Para })
	return Chapter{Title: title, Markdown: []byte(out.String()), Images: w.images, Hints: hints}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range norm(s) {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Slug is the file name a chapter with this title gets, without ".md".
func Slug(title string) string { return book.Slug(title) }

// firstWords returns the first words of a paragraph's text for a hint.
func firstWords(s string) string {
	f := strings.Fields(s)
	const n = 4
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// quote puts a text into a hint, whole: a hint may be the only place
// where the text of a comment or a deleted passage is still shown.
func quote(s string) string { return "„" + norm(s) + "“" }
