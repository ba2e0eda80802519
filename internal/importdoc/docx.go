package importdoc

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// docx reads a Word document (WordprocessingML).
type docx struct {
	d        *doc
	a        *archive
	base     string              // folder of the main part, e.g. "word"
	rels     map[string]relation // of the main part
	styles   map[string]style
	lists    map[string]map[int]string // numId → level → numFmt
	footXML  map[string]*node          // footnotes by id
	endXML   map[string]*node          // endnotes by id
	comments map[string]*node
	out      *[]block
	fields   []*field
	notes    []*node // the footnotes and endnotes referenced, in order
	notePara []int   // the paragraph each note is referenced in
}

type relation struct{ typ, target, mode string }

type style struct {
	name, basedOn string
	outline       int // 0-based outline level, -1 for none
	numID, ilvl   string
	bold, italic  int // 1 on, 0 off, -1 not set
}

// field is a complex field being read (w:fldChar begin … end).
type field struct {
	instr    string
	inResult bool
	result   strings.Builder
	link     string
}

func readDOCX(d *doc, a *archive) error {
	main := a.officeDocument()
	if main == "" {
		main = "word/document.xml"
	}
	x := &docx{d: d, a: a, base: path.Dir(main)}
	root, err := a.xml(main)
	if err != nil {
		return err
	}
	body := root.child("w", "body")
	if !root.is("w", "document") || body == nil {
		return fmt.Errorf("%s ist kein Word-Dokument: %s enthält keinen Textkörper (w:body). Speichern Sie das Dokument in Word oder LibreOffice als .docx", d.file, main)
	}
	x.rels = x.relations(main)
	x.readStyles()
	x.readNumbering()
	x.footXML = x.notesByID("footnotes", "footnote")
	x.endXML = x.notesByID("endnotes", "endnote")
	x.comments = x.notesByID("comments", "comment")
	if core, _ := a.xml("docProps/core.xml"); core != nil {
		if t := core.child("dc", "title"); t != nil {
			d.title = norm(t.text)
		}
	}
	x.out = &d.blocks
	x.blocks(body)
	// Footnotes and endnotes, numbered in the order they are referenced.
	for i, n := range x.notes {
		var note []block
		x.out = &note
		d.para = x.notePara[i]
		for _, k := range n.kids {
			if k.is("w", "p") {
				x.paragraph(k, false)
			} else {
				x.other(k)
			}
		}
		d.notes = append(d.notes, note)
	}
	x.otherParts()
	return nil
}

// relations reads the relationships of a part.
func (x *docx) relations(part string) map[string]relation {
	rels := map[string]relation{}
	n, _ := x.a.xml(path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"))
	if n == nil {
		return rels
	}
	for _, r := range n.kids {
		typ := r.attr("", "Type")
		rels[r.attr("", "Id")] = relation{typ: typ[strings.LastIndex(typ, "/")+1:], target: r.attr("", "Target"), mode: r.attr("", "TargetMode")}
	}
	return rels
}

// part returns the archive path of a relation's target.
func (x *docx) part(r relation) string {
	if strings.HasPrefix(r.target, "/") {
		return strings.TrimPrefix(path.Clean(r.target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(x.base, r.target)), "/")
}

// partOfType returns the part of the main part's relation of type typ.
func (x *docx) partOfType(typ string) string {
	for _, r := range x.rels {
		if r.typ == typ {
			return x.part(r)
		}
	}
	return ""
}

func (x *docx) notesByID(typ, element string) map[string]*node {
	m := map[string]*node{}
	p := x.partOfType(typ)
	if p == "" {
		p = path.Join(x.base, typ+".xml")
	}
	n, _ := x.a.xml(p)
	if n == nil {
		return m
	}
	for _, k := range n.kids {
		if k.is("w", element) {
			m[k.attr("w", "id")] = k
		}
	}
	return m
}

func (x *docx) readStyles() {
	x.styles = map[string]style{}
	p := x.partOfType("styles")
	if p == "" {
		p = path.Join(x.base, "styles.xml")
	}
	n, _ := x.a.xml(p)
	if n == nil {
		return
	}
	for _, s := range n.kids {
		if !s.is("w", "style") {
			continue
		}
		st := style{name: s.child("w", "name").attr("w", "val"), basedOn: s.child("w", "basedOn").attr("w", "val"), outline: -1, bold: -1, italic: -1}
		ppr := s.child("w", "pPr")
		if o := ppr.child("w", "outlineLvl"); o != nil {
			st.outline, _ = strconv.Atoi(o.attr("w", "val"))
		}
		if np := ppr.child("w", "numPr"); np != nil {
			st.numID, st.ilvl = np.child("w", "numId").attr("w", "val"), np.child("w", "ilvl").attr("w", "val")
		}
		rpr := s.child("w", "rPr")
		st.bold, st.italic = toggle(rpr.child("w", "b")), toggle(rpr.child("w", "i"))
		x.styles[s.attr("w", "styleId")] = st
	}
}

// toggle reads an on/off property: -1 if absent.
func toggle(n *node) int {
	if n == nil {
		return -1
	}
	switch n.attr("w", "val") {
	case "0", "false", "off":
		return 0
	}
	return 1
}

func (x *docx) readNumbering() {
	x.lists = map[string]map[int]string{}
	p := x.partOfType("numbering")
	if p == "" {
		p = path.Join(x.base, "numbering.xml")
	}
	n, _ := x.a.xml(p)
	if n == nil {
		return
	}
	abstract := map[string]map[int]string{}
	for _, k := range n.kids {
		if k.is("w", "abstractNum") {
			levels := map[int]string{}
			for _, l := range k.kids {
				if l.is("w", "lvl") {
					i, _ := strconv.Atoi(l.attr("w", "ilvl"))
					levels[i] = l.child("w", "numFmt").attr("w", "val")
				}
			}
			abstract[k.attr("w", "abstractNumId")] = levels
		}
	}
	for _, k := range n.kids {
		if k.is("w", "num") {
			x.lists[k.attr("w", "numId")] = abstract[k.child("w", "abstractNumId").attr("w", "val")]
		}
	}
}

var headingName = regexp.MustCompile(`(?i)^(heading|überschrift|berschrift|titre|título)\s*([1-9])$`)

// heading returns the heading level (from 1) of a paragraph style, 0 for
// none: by outline level, else by the style's name ("heading 1",
// "Überschrift 1"), following basedOn.
func (x *docx) heading(id string) int {
	for range 20 {
		st, ok := x.styles[id]
		if !ok {
			break
		}
		if st.outline >= 0 && st.outline < 9 {
			return st.outline + 1
		}
		for _, name := range []string{st.name, id} {
			if m := headingName.FindStringSubmatch(name); m != nil {
				l, _ := strconv.Atoi(m[2])
				return l
			}
		}
		id = st.basedOn
	}
	if m := headingName.FindStringSubmatch(id); m != nil {
		l, _ := strconv.Atoi(m[2])
		return l
	}
	return 0
}

func (x *docx) isTitle(id string) bool {
	n := strings.ToLower(x.styles[id].name)
	return n == "title" || n == "titel" || strings.EqualFold(id, "Title") || strings.EqualFold(id, "Titel")
}

// blocks reads the block-level children of the body, a cell or a text
// box.
func (x *docx) blocks(n *node) {
	for _, k := range n.kids {
		switch {
		case k.is("w", "p"):
			x.paragraph(k, true)
		case k.is("w", "tbl"):
			x.table(k)
		case k.is("w", "sdt"):
			x.blocks(k.child("w", "sdtContent"))
		case k.is("w", "customXml"), k.is("w", "ins"), k.is("w", "moveTo"):
			x.blocks(k)
		default:
			x.other(k)
		}
	}
}

// other handles an element that carries no text of its own or that the
// chapter cannot show: it is either known to be empty or becomes a hint
// with its text.
func (x *docx) other(k *node) {
	switch k.local {
	case "sectPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
		"commentRangeStart", "commentRangeEnd", "pPr", "rPr", "tblPr", "tblGrid", "trPr", "tcPr",
		"lastRenderedPageBreak", "footnoteRef", "endnoteRef", "separator", "continuationSeparator",
		"annotationRef", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
		"customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd", "sdtPr", "sdtEndPr":
		return
	case "del", "moveFrom":
		if t := k.texts("w:p", "w:delText", "w:t"); t != "" {
			x.d.hint("gelöschter Text aus der Änderungsverfolgung nicht übernommen: %s. Nehmen Sie die Änderungen in Word an oder lehnen Sie sie ab, bevor Sie importieren", quote(t))
		}
		return
	case "oMath", "oMathPara":
		x.d.hint("Formel nicht übernommen: %s. Schreiben Sie sie als Text oder als Bild mit Alternativtext", quote(k.texts("m:r", "m:t")))
		return
	}
	if t := k.texts("w:p", "w:t", "a:t", "m:t", "w:delText"); t != "" {
		x.d.hint("%s nicht übernommen, sein Text: %s", k.name(), quote(t))
	} else if k.ns == "w" || k.ns == "m" {
		x.d.hint("%s (ohne Text) nicht übernommen", k.name())
	}
}

// paragraph reads a w:p. body says it is part of the document's flow
// (not a footnote), where titles, headings and lists count.
func (x *docx) paragraph(n *node, body bool) {
	x.d.para++
	para := x.d.para
	p := &paraState{base: block{kind: kindPara, para: para}}
	ppr := n.child("w", "pPr")
	styleID := ppr.child("w", "pStyle").attr("w", "val")
	if body {
		level := x.heading(styleID)
		if o := ppr.child("w", "outlineLvl"); o != nil {
			if v, err := strconv.Atoi(o.attr("w", "val")); err == nil && v < 9 {
				level = v + 1
			}
		}
		switch {
		case level > 0:
			p.base.kind, p.base.level = kindHeading, level
		case x.isTitle(styleID):
			p.base.title = true
		default:
			x.listItem(ppr, styleID, &p.base)
		}
	}
	x.inline(n, p, span{})
	p.flush(x.out)
	x.d.setWords(para, p.text.String())
}

// listItem makes the paragraph an item if it is numbered.
func (x *docx) listItem(ppr *node, styleID string, b *block) {
	numID, ilvl := "", ""
	if np := ppr.child("w", "numPr"); np != nil {
		numID, ilvl = np.child("w", "numId").attr("w", "val"), np.child("w", "ilvl").attr("w", "val")
	}
	for id, i := styleID, 0; numID == "" && id != "" && i < 20; i++ {
		st := x.styles[id]
		numID, id = st.numID, st.basedOn
		if ilvl == "" {
			ilvl = st.ilvl
		}
	}
	if numID == "" || numID == "0" {
		return
	}
	level, _ := strconv.Atoi(ilvl)
	format, ok := x.lists[numID][level]
	if !ok || format == "none" {
		return
	}
	b.kind, b.level, b.list = kindItem, level, numID
	b.ordered = format != "bullet"
}

// inline reads the runs and what holds them; cur is the formatting and
// link in effect.
func (x *docx) inline(n *node, p *paraState, cur span) {
	for _, k := range n.kids {
		switch {
		case k.is("w", "r"):
			x.run(k, p, cur)
		case k.is("w", "hyperlink"):
			c := cur
			if id := k.attr("r", "id"); id != "" {
				c.link = x.d.linkTarget(x.rels[id].target)
			} else if a := k.attr("w", "anchor"); a != "" {
				x.d.hint("Verweis auf die Textmarke „%s“ im Dokument als einfacher Text übernommen; verlinken Sie bei Bedarf auf eine Seite des Handbuchs", a)
			}
			x.inline(k, p, c)
		case k.is("w", "ins"), k.is("w", "moveTo"):
			x.d.hint("eingefügter Text aus der Änderungsverfolgung übernommen: %s; bitte prüfen", quote(k.texts("w:p", "w:t")))
			x.inline(k, p, cur)
		case k.is("w", "fldSimple"):
			instr := strings.TrimSpace(k.attr("w", "instr"))
			c := cur
			if target, ok := hyperlinkField(instr); ok {
				c.link = x.d.linkTarget(target)
			} else {
				x.d.hint("Feld %s als fester Text übernommen: %s; bitte prüfen", fieldName(instr), quote(k.texts("w:r", "w:t")))
			}
			x.inline(k, p, c)
		case k.is("w", "smartTag"), k.is("w", "customXml"), k.is("w", "dir"), k.is("w", "bdo"):
			x.inline(k, p, cur)
		case k.is("w", "sdt"):
			x.inline(k.child("w", "sdtContent"), p, cur)
		default:
			x.other(k)
		}
	}
}

// linkTarget returns the address of a link if handbuch may link it, or
// "" with a hint.
func (d *doc) linkTarget(target string) string {
	target = strings.TrimSpace(target)
	kind, err := urlpolicy.Check(target)
	if err == nil && kind != urlpolicy.Relative {
		return target
	}
	d.hint("Link auf %s als einfacher Text übernommen: handbuch verlinkt nur Adressen mit https://, http://, mailto: oder tel:", quote(target))
	return ""
}

var hyperlinkRe = regexp.MustCompile(`^HYPERLINK\s+"([^"]*)"`)

func hyperlinkField(instr string) (string, bool) {
	m := hyperlinkRe.FindStringSubmatch(strings.TrimSpace(instr))
	if m == nil {
		return "", false
	}
	return m[1], true
}

func fieldName(instr string) string {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return "(ohne Befehl)"
	}
	return f[0]
}

// run reads a w:r.
func (x *docx) run(r *node, p *paraState, cur span) {
	rpr := r.child("w", "rPr")
	if rs := rpr.child("w", "rStyle").attr("w", "val"); rs != "" {
		st := x.styles[rs]
		if st.bold >= 0 {
			cur.bold = st.bold == 1
		}
		if st.italic >= 0 {
			cur.italic = st.italic == 1
		}
	}
	if b := toggle(rpr.child("w", "b")); b >= 0 {
		cur.bold = b == 1
	}
	if i := toggle(rpr.child("w", "i")); i >= 0 {
		cur.italic = i == 1
	}
	text := func(s string) {
		f := x.field()
		if f != nil && !f.inResult {
			return // text inside a field's instruction is none
		}
		if f != nil {
			f.result.WriteString(s)
			if f.link != "" {
				c := cur
				c.text, c.link = s, f.link
				p.add(c)
				return
			}
		}
		c := cur
		c.text = s
		p.add(c)
	}
	for _, k := range r.kids {
		switch {
		case k.is("w", "t"):
			text(k.text)
		case k.is("w", "tab"), k.is("w", "ptab"):
			text(" ")
		case k.is("w", "br"):
			if t := k.attr("w", "type"); t == "page" || t == "column" {
				text(" ")
			} else {
				text("\n")
			}
		case k.is("w", "cr"):
			text("\n")
		case k.is("w", "noBreakHyphen"):
			text("-")
		case k.is("w", "softHyphen"):
		case k.is("w", "sym"):
			x.d.hint("Sonderzeichen aus der Schrift %s (Code %s) nicht übernommen; setzen Sie ein Zeichen aus dem normalen Zeichensatz ein", k.attr("w", "font"), k.attr("w", "char"))
		case k.is("w", "footnoteReference"), k.is("w", "endnoteReference"):
			m := x.footXML
			if k.local == "endnoteReference" {
				m = x.endXML
			}
			if note := m[k.attr("w", "id")]; note != nil {
				x.notes = append(x.notes, note)
				x.notePara = append(x.notePara, x.d.para)
				p.add(span{note: len(x.notes)})
			}
		case k.is("w", "commentReference"):
			if c := x.comments[k.attr("w", "id")]; c != nil {
				x.d.hint("Kommentar von %s nicht übernommen: %s", orUnknown(c.attr("w", "author")), quote(c.texts("w:p", "w:t")))
			}
		case k.is("w", "fldChar"):
			switch k.attr("w", "fldCharType") {
			case "begin":
				x.fields = append(x.fields, &field{})
			case "separate":
				if f := x.field(); f != nil {
					f.inResult = true
					if target, ok := hyperlinkField(f.instr); ok {
						f.link = x.d.linkTarget(target)
					}
				}
			case "end":
				if f := x.field(); f != nil {
					x.fields = x.fields[:len(x.fields)-1]
					if _, ok := hyperlinkField(f.instr); !ok {
						if t := norm(f.result.String()); t != "" {
							x.d.hint("Feld %s als fester Text übernommen: %s; bitte prüfen", fieldName(f.instr), quote(t))
						} else {
							x.d.hint("Feld %s ohne sichtbaren Text nicht übernommen", fieldName(f.instr))
						}
					}
				}
			}
		case k.is("w", "instrText"):
			if f := x.field(); f != nil && !f.inResult {
				f.instr += k.text
			}
		case k.is("w", "drawing"):
			x.drawing(k, p)
		case k.is("w", "pict"), k.is("w", "object"):
			x.vml(k, p)
		case k.is("mc", "AlternateContent"):
			// The first choice is the content; the fallback repeats it
			// for older programs.
			if c := k.child("mc", "Choice"); c != nil {
				x.run(&node{kids: c.kids}, p, cur)
			} else if f := k.child("mc", "Fallback"); f != nil {
				x.run(&node{kids: f.kids}, p, cur)
			}
		case k.is("w", "delText"):
			// inside w:del, reported there
		default:
			x.other(k)
		}
	}
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unbekannt"
	}
	return s
}

func (x *docx) field() *field {
	if len(x.fields) == 0 {
		return nil
	}
	return x.fields[len(x.fields)-1]
}

// drawing reads a DrawingML object: a picture, a text box or something
// the chapter cannot show.
func (x *docx) drawing(n *node, p *paraState) {
	frame := n.child("wp", "inline")
	if frame == nil {
		frame = n.child("wp", "anchor")
	}
	docPr := frame.child("wp", "docPr")
	data := frame.path("a:graphic", "a:graphicData")
	uri := data.attr("", "uri")
	switch {
	case strings.HasSuffix(uri, "/picture"):
		pic := data.child("pic", "pic")
		alt := docPr.attr("", "descr")
		if alt == "" {
			alt = docPr.attr("", "title")
		}
		if alt == "" {
			alt = pic.find("pic", "cNvPr").attr("", "descr")
		}
		blip := pic.find("a", "blip")
		x.picture(blip.attr("r", "embed"), blip.attr("r", "link"), alt, decorative(docPr), p)
	case strings.HasSuffix(uri, "/wordprocessingShape"):
		if tb := data.find("w", "txbxContent"); tb != nil {
			x.textBox(tb, p)
			return
		}
		x.d.hint("Form %s nicht übernommen", quote(docPr.attr("", "name")))
	case strings.HasSuffix(uri, "/diagram"):
		text := ""
		if rel, ok := x.rels[data.find("dgm", "relIds").attr("r", "dm")]; ok {
			if dm, _ := x.a.xml(x.part(rel)); dm != nil {
				text = dm.texts("dgm:pt", "a:t")
			}
		}
		x.d.hint("SmartArt nicht übernommen, ihr Text: %s. Schreiben Sie den Inhalt als Liste oder Tabelle", quote(text))
	case strings.HasSuffix(uri, "/chart"):
		x.d.hint("Diagramm nicht übernommen. Fügen Sie es als Bild mit Alternativtext ein und nennen Sie die Zahlen im Text oder in einer Tabelle")
	default:
		if t := data.texts("w:p", "w:t", "a:t"); t != "" {
			x.d.hint("Grafik %s nicht übernommen, ihr Text: %s", quote(docPr.attr("", "name")), quote(t))
		} else {
			x.d.hint("Grafik %s nicht übernommen", quote(docPr.attr("", "name")))
		}
	}
}

// decorative reports Word's "als dekorativ markieren".
func decorative(docPr *node) bool {
	d := docPr.find("adec", "decorative")
	return d != nil && (d.attr("", "val") == "1" || d.attr("", "val") == "true")
}

// vml reads an old-style VML picture or text box (w:pict, w:object).
func (x *docx) vml(n *node, p *paraState) {
	if tb := n.find("w", "txbxContent"); tb != nil {
		x.textBox(tb, p)
		return
	}
	if img := n.find("v", "imagedata"); img != nil && n.local == "pict" {
		shape := n.find("v", "shape")
		alt := shape.attr("", "alt")
		if alt == "" {
			alt = img.attr("o", "title")
		}
		x.picture(img.attr("r", "id"), "", alt, false, p)
		return
	}
	if n.local == "object" {
		x.d.hint("eingebettetes Objekt (zum Beispiel eine Formel oder Tabelle aus einem anderen Programm) nicht übernommen")
		return
	}
	x.d.hint("Grafik im alten Format (VML) nicht übernommen")
}

// textBox splits the paragraph and reads the box's paragraphs as blocks
// of their own.
func (x *docx) textBox(tb *node, p *paraState) {
	x.d.hint("Textfeld übernommen als normaler Absatz, bitte prüfen: %s", quote(tb.texts("w:p", "w:t")))
	p.flush(x.out)
	x.blocks(tb)
}

// picture splits the paragraph and adds the picture as a block.
func (x *docx) picture(embed, link, alt string, dec bool, p *paraState) {
	if embed == "" {
		if link != "" {
			x.d.hint("verknüpftes Bild %s nicht übernommen: es liegt nicht im Dokument. Speichern Sie es als PNG neben dem Kapitel und binden Sie es mit ![Alternativtext](datei.png) ein", quote(x.rels[link].target))
		} else {
			x.d.hint("Bild ohne Bilddaten nicht übernommen")
		}
		return
	}
	rel := x.rels[embed]
	ext := strings.ToLower(path.Ext(rel.target))
	if ext == ".jpeg" {
		ext = ".jpg"
	}
	switch ext {
	case ".png", ".jpg", ".webp", ".svg":
	default:
		x.d.hint("Bild im Format %s nicht übernommen (Alternativtext %s): handbuch zeigt PNG, JPEG, WebP und SVG. Speichern Sie das Bild als PNG und binden Sie es mit ![Alternativtext](datei.png) ein", strings.ToUpper(strings.TrimPrefix(ext, ".")), quote(alt))
		return
	}
	data, err := x.a.bytes(x.part(rel))
	if err != nil || data == nil {
		x.d.hint("Bild %s fehlt im Dokument und ist nicht übernommen", quote(rel.target))
		return
	}
	p.flush(x.out)
	*x.out = append(*x.out, block{kind: kindImage, para: x.d.para, img: &picture{data: data, ext: ext, alt: alt, decorative: dec}})
}

// table reads a w:tbl into a table block; cells hold text only.
func (x *docx) table(t *node) {
	b := block{kind: kindTable, para: x.d.para + 1}
	for _, tr := range t.kids {
		if !tr.is("w", "tr") {
			if !tr.is("w", "tblPr") && !tr.is("w", "tblGrid") {
				x.other(tr)
			}
			continue
		}
		var row [][]span
		for _, tc := range tr.kids {
			if !tc.is("w", "tc") {
				if !tc.is("w", "trPr") && !tc.is("w", "tblPrEx") {
					x.other(tc)
				}
				continue
			}
			row = append(row, x.cell(tc))
			if span, _ := strconv.Atoi(tc.path("w:tcPr", "w:gridSpan").attr("w", "val")); span > 1 {
				x.d.hint("verbundene Tabellenzellen als einzelne Zellen übernommen, bitte prüfen")
				for range span - 1 {
					row = append(row, nil)
				}
			}
		}
		if len(b.rows) == 0 && toggle(tr.path("w:trPr", "w:tblHeader")) == 1 {
			b.header = true
		}
		b.rows = append(b.rows, row)
	}
	if len(b.rows) > 0 {
		*x.out = append(*x.out, b)
	}
}

// cell reads a table cell: its paragraphs joined by spaces. Lists,
// pictures and nested tables inside become hints.
func (x *docx) cell(tc *node) []span {
	var inner []block
	saved := x.out
	x.out = &inner
	x.blocks(tc)
	x.out = saved
	var spans []span
	for _, b := range inner {
		switch b.kind {
		case kindImage:
			x.d.hint("Bild in einer Tabellenzelle nicht übernommen (Alternativtext %s): ein Bild steht im Handbuch in einem eigenen Absatz", quote(b.img.alt))
			continue
		case kindTable:
			var texts []string
			for _, r := range b.rows {
				for _, c := range r {
					texts = append(texts, plain(c))
				}
			}
			x.d.hint("Tabelle in einer Tabellenzelle als Text übernommen, bitte prüfen")
			if len(spans) > 0 {
				spans = append(spans, span{text: " "})
			}
			spans = append(spans, span{text: strings.Join(texts, " ")})
			continue
		case kindItem:
			x.d.hint("Liste in einer Tabellenzelle als Text übernommen, bitte prüfen")
		}
		if len(spans) > 0 {
			spans = append(spans, span{text: " "})
		}
		spans = append(spans, b.spans...)
	}
	return spans
}

// otherParts reports text in headers and footers, which a chapter has
// not.
func (x *docx) otherParts() {
	var ids []string
	for id, r := range x.rels {
		if r.typ == "header" || r.typ == "footer" {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	x.d.para = 0
	for _, id := range ids {
		r := x.rels[id]
		n, _ := x.a.xml(x.part(r))
		if t := n.texts("w:p", "w:t"); n != nil && t != "" {
			what := "Kopfzeile"
			if r.typ == "footer" {
				what = "Fußzeile"
			}
			x.d.hint("%s nicht übernommen: %s", what, quote(t))
		}
	}
}
