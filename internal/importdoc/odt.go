package importdoc

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// odt reads an OpenDocument text (content.xml, styles.xml, meta.xml).
type odt struct {
	d      *doc
	a      *archive
	styles map[string]odtStyle     // paragraph and text styles by name
	lists  map[string]map[int]bool // list style → level (from 1) → numbered
	out    *[]block
	notes  []*node
	paras  []int
}

type odtStyle struct {
	parent, display, listStyle string
	outline                    int
	bold, italic               int // 1 on, 0 off, -1 not set
}

func readODT(d *doc, a *archive) error {
	content, err := a.tree("content.xml", true)
	if err != nil {
		return err
	}
	text := content.path("office:body", "office:text")
	if !content.is("office", "document-content") || text == nil {
		return fmt.Errorf("%s ist kein OpenDocument-Text: content.xml enthält keinen Text (office:text). Speichern Sie das Dokument in LibreOffice als .odt oder .docx", d.file)
	}
	o := &odt{d: d, a: a, styles: map[string]odtStyle{}, lists: map[string]map[int]bool{}}
	if st, _ := a.tree("styles.xml", false); st != nil {
		o.readStyles(st.child("office", "styles"))
		o.readStyles(st.child("office", "automatic-styles"))
	}
	o.readStyles(content.child("office", "automatic-styles"))
	if meta, _ := a.tree("meta.xml", false); meta != nil {
		if t := meta.path("office:meta", "dc:title"); t != nil {
			d.title = norm(t.text)
		}
	}
	o.out = &d.blocks
	o.blocks(text, "", -1)
	for i, n := range o.notes {
		var note []block
		o.out = &note
		d.para = o.paras[i]
		for _, k := range n.child("text", "note-body").kids {
			if k.is("text", "p") || k.is("text", "h") {
				o.paragraph(k, block{kind: kindPara})
			} else if k.local != textNode {
				o.other(k)
			}
		}
		d.notes = append(d.notes, note)
	}
	return nil
}

func (o *odt) readStyles(n *node) {
	if n == nil {
		return
	}
	for _, s := range n.kids {
		switch {
		case s.is("style", "style"):
			st := odtStyle{parent: s.attr("style", "parent-style-name"), display: s.attr("style", "display-name"),
				listStyle: s.attr("style", "list-style-name"), bold: -1, italic: -1}
			st.outline, _ = strconv.Atoi(s.attr("style", "default-outline-level"))
			if tp := s.child("style", "text-properties"); tp != nil {
				switch w := tp.attr("fo", "font-weight"); {
				case w == "bold" || w >= "600" && w <= "900" && len(w) == 3:
					st.bold = 1
				case w != "":
					st.bold = 0
				}
				switch i := tp.attr("fo", "font-style"); i {
				case "italic", "oblique":
					st.italic = 1
				case "":
				default:
					st.italic = 0
				}
			}
			o.styles[s.attr("style", "name")] = st
		case s.is("text", "list-style"):
			levels := map[int]bool{}
			for _, l := range s.kids {
				lv, _ := strconv.Atoi(l.attr("text", "level"))
				switch {
				case l.is("text", "list-level-style-number"):
					levels[lv] = l.attr("style", "num-format") != ""
				case l.is("text", "list-level-style-bullet"), l.is("text", "list-level-style-image"):
					levels[lv] = false
				}
			}
			o.lists[s.attr("style", "name")] = levels
		}
	}
}

// style returns a property along the chain of parent styles.
func (o *odt) style(name string, get func(odtStyle) (string, bool)) string {
	for range 20 {
		st, ok := o.styles[name]
		if !ok {
			return ""
		}
		if v, ok := get(st); ok {
			return v
		}
		name = st.parent
	}
	return ""
}

func (o *odt) isTitle(name string) bool {
	for range 20 {
		st, ok := o.styles[name]
		if strings.EqualFold(name, "Title") || strings.EqualFold(name, "Titel") || ok && (strings.EqualFold(st.display, "Title") || strings.EqualFold(st.display, "Titel")) {
			return true
		}
		if !ok {
			return false
		}
		name = st.parent
	}
	return false
}

// blocks reads block content; inside a list, listStyle and depth say
// where.
func (o *odt) blocks(n *node, listStyle string, depth int) {
	for _, k := range n.kids {
		switch {
		case k.local == textNode:
		case k.is("text", "h"):
			level, _ := strconv.Atoi(k.attr("text", "outline-level"))
			o.paragraph(k, block{kind: kindHeading, level: max(level, 1)})
		case k.is("text", "p"):
			b := block{kind: kindPara}
			style := k.attr("text", "style-name")
			if lv := o.style(style, func(s odtStyle) (string, bool) { return strconv.Itoa(s.outline), s.outline > 0 }); lv != "" {
				b.kind, b.level = kindHeading, atoi(lv)
			} else if o.isTitle(style) {
				b.title = true
			}
			if depth >= 0 {
				b = o.item(listStyle, style, depth)
			}
			o.paragraph(k, b)
		case k.is("text", "list"):
			ls := k.attr("text", "style-name")
			if ls == "" {
				ls = listStyle
			}
			for _, item := range k.kids {
				if item.is("text", "list-item") || item.is("text", "list-header") {
					o.blocks(item, ls, depth+1)
				} else if item.local != textNode {
					o.other(item)
				}
			}
		case k.is("table", "table"):
			o.table(k)
		case k.is("text", "section"), k.is("text", "index-body"):
			o.blocks(k, listStyle, depth)
		case k.is("text", "table-of-content"):
			o.d.hint("Inhaltsverzeichnis nicht übernommen: handbuch zeigt die Überschriften jeder Seite selbst")
		default:
			o.other(k)
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// item makes a list item at depth: numbered if its list style says so
// for that level.
func (o *odt) item(listStyle, paraStyle string, depth int) block {
	if listStyle == "" {
		listStyle = o.style(paraStyle, func(s odtStyle) (string, bool) { return s.listStyle, s.listStyle != "" })
	}
	return block{kind: kindItem, level: depth, list: listStyle, ordered: o.lists[listStyle][depth+1]}
}

// other handles what the chapter cannot show: a hint with its text.
func (o *odt) other(k *node) {
	switch k.ns + ":" + k.local {
	case "text:sequence-decls", "text:variable-decls", "text:user-field-decls", "text:soft-page-break",
		"text:bookmark", "text:bookmark-start", "text:bookmark-end", "text:reference-mark",
		"text:reference-mark-start", "text:reference-mark-end", "office:annotation-end", "office:forms",
		"text:alphabetical-index-mark", "text:toc-mark", "text:toc-mark-start", "text:toc-mark-end",
		"text:change-end", "text:change-start", "text:change", "text:dde-connection-decls", "office:scripts":
		return
	case "text:tracked-changes":
		if t := k.texts("text:p", "#text"); t != "" {
			o.d.hint("gelöschter Text aus der Änderungsverfolgung nicht übernommen: %s. Nehmen Sie die Änderungen an oder lehnen Sie sie ab, bevor Sie importieren", quote(t))
		}
		return
	}
	if t := k.texts("text:p", "#text"); t != "" {
		o.d.hint("%s nicht übernommen, sein Text: %s", k.name(), quote(t))
	} else {
		o.d.hint("%s (ohne Text) nicht übernommen", k.name())
	}
}

// paragraph reads a text:p or text:h as the block base.
func (o *odt) paragraph(n *node, base block) {
	o.d.para++
	para := o.d.para
	base.para = para
	p := &paraState{base: base}
	cur := o.spanStyle(n.attr("text", "style-name"), span{})
	o.inline(n, p, cur)
	p.flush(o.out)
	o.d.setWords(para, p.text.String())
}

// spanStyle applies the bold and italic of a style to cur.
func (o *odt) spanStyle(name string, cur span) span {
	if b := o.style(name, func(s odtStyle) (string, bool) { return strconv.Itoa(s.bold), s.bold >= 0 }); b != "" {
		cur.bold = b == "1"
	}
	if i := o.style(name, func(s odtStyle) (string, bool) { return strconv.Itoa(s.italic), s.italic >= 0 }); i != "" {
		cur.italic = i == "1"
	}
	return cur
}

var odtSpace = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// inline reads the running text of a paragraph or span.
func (o *odt) inline(n *node, p *paraState, cur span) {
	text := func(s string) {
		c := cur
		c.text = s
		p.add(c)
	}
	for _, k := range n.kids {
		switch {
		case k.local == textNode:
			// OpenDocument collapses white space; text:s writes more.
			t := odtSpace.Replace(k.text)
			for strings.Contains(t, "  ") {
				t = strings.ReplaceAll(t, "  ", " ")
			}
			text(t)
		case k.is("text", "span"):
			o.inline(k, p, o.spanStyle(k.attr("text", "style-name"), cur))
		case k.is("text", "a"):
			c := cur
			c.link = o.d.linkTarget(k.attr("xlink", "href"))
			o.inline(k, p, c)
		case k.is("text", "s"):
			c := max(atoi(k.attr("text", "c")), 1)
			text(strings.Repeat(" ", c))
		case k.is("text", "tab"):
			text(" ")
		case k.is("text", "line-break"):
			text("\n")
		case k.is("text", "note"):
			o.notes = append(o.notes, k)
			o.paras = append(o.paras, o.d.para)
			p.add(span{note: len(o.notes)})
		case k.is("office", "annotation"):
			var parts []string
			for _, q := range k.kids {
				if q.is("text", "p") || q.is("text", "list") {
					parts = append(parts, q.texts("text:p", "#text"))
				}
			}
			o.d.hint("Kommentar von %s nicht übernommen: %s", orUnknown(k.child("dc", "creator").texts("", "#text")), quote(strings.Join(parts, " ")))
		case k.is("draw", "frame"):
			o.frame(k, p)
		case k.is("draw", "a"):
			o.inline(k, p, cur)
		case k.is("text", "ruby"):
			o.inline(k.child("text", "ruby-base"), p, cur)
		case k.ns == "text" && isField(k.local):
			t := k.texts("", "#text")
			if t != "" {
				o.d.hint("Feld %s als fester Text übernommen: %s; bitte prüfen", k.local, quote(t))
				text(t)
			} else {
				o.d.hint("Feld %s ohne sichtbaren Text nicht übernommen", k.local)
			}
		case k.is("text", "bookmark"), k.is("text", "bookmark-start"), k.is("text", "bookmark-end"),
			k.is("text", "soft-page-break"), k.is("office", "annotation-end"), k.is("text", "reference-mark"),
			k.is("text", "reference-mark-start"), k.is("text", "reference-mark-end"), k.is("text", "change-start"),
			k.is("text", "change-end"), k.is("text", "change"):
			if k.local == "change" || k.local == "change-start" {
				o.d.hint("Änderung aus der Änderungsverfolgung an dieser Stelle: übernommen ist der Text, wie er jetzt steht; bitte prüfen")
			}
		default:
			o.other(k)
		}
	}
}

// isField reports the OpenDocument fields: their shown text is taken
// over as fixed text.
func isField(local string) bool {
	switch local {
	case "date", "time", "page-number", "page-count", "page-continuation", "author-name", "author-initials",
		"title", "subject", "description", "keywords", "chapter", "sequence", "sequence-ref", "bookmark-ref",
		"reference-ref", "note-ref", "variable-get", "variable-set", "user-field-get", "expression",
		"text-input", "file-name", "creator", "creation-date", "creation-time", "modification-date",
		"initial-creator", "sender-firstname", "sender-lastname", "sender-company", "placeholder",
		"conditional-text", "hidden-text", "database-display", "word-count", "character-count",
		"paragraph-count", "editing-cycles", "print-date", "template-name", "drop-down", "meta-field", "meta":
		return true
	}
	return false
}

// frame reads a draw:frame: a picture, a text box or an object.
func (o *odt) frame(f *node, p *paraState) {
	alt := f.child("svg", "desc").texts("", "#text")
	if alt == "" {
		alt = f.child("svg", "title").texts("", "#text")
	}
	switch {
	case f.child("draw", "text-box") != nil:
		tb := f.child("draw", "text-box")
		o.d.hint("Textfeld übernommen als normaler Absatz, bitte prüfen: %s", quote(tb.texts("text:p", "#text")))
		p.flush(o.out)
		o.blocks(tb, "", -1)
	case f.child("draw", "image") != nil:
		href := f.child("draw", "image").attr("xlink", "href")
		ext := strings.ToLower(path.Ext(href))
		if ext == ".jpeg" {
			ext = ".jpg"
		}
		switch ext {
		case ".png", ".jpg", ".webp", ".svg":
		default:
			o.d.hint("Bild im Format %s nicht übernommen (Alternativtext %s): handbuch zeigt PNG, JPEG, WebP und SVG. Speichern Sie das Bild als PNG und binden Sie es mit ![Alternativtext](datei.png) ein", strings.ToUpper(strings.TrimPrefix(ext, ".")), quote(alt))
			return
		}
		data, err := o.a.bytes(strings.TrimPrefix(path.Clean("/"+href), "/"))
		if err != nil || data == nil {
			o.d.hint("Bild %s liegt nicht im Dokument und ist nicht übernommen", quote(href))
			return
		}
		p.flush(o.out)
		*o.out = append(*o.out, block{kind: kindImage, para: o.d.para, img: &picture{data: data, ext: ext, alt: alt}})
	default:
		if t := f.texts("text:p", "#text"); t != "" {
			o.d.hint("Objekt %s (etwa eine Formel oder ein Diagramm) nicht übernommen, sein Text: %s", quote(f.attr("draw", "name")), quote(t))
		} else {
			o.d.hint("Objekt %s (etwa eine Formel oder ein Diagramm) nicht übernommen", quote(f.attr("draw", "name")))
		}
	}
}

// table reads a table:table; cells hold text only.
func (o *odt) table(t *node) {
	b := block{kind: kindTable, para: o.d.para + 1}
	var rows func(n *node, header bool)
	rows = func(n *node, header bool) {
		for _, r := range n.kids {
			switch {
			case r.is("table", "table-header-rows"):
				if len(b.rows) == 0 {
					b.header = true
				}
				rows(r, true)
			case r.is("table", "table-rows"), r.is("table", "table-row-group"):
				rows(r, header)
			case r.is("table", "table-row"):
				var row [][]span
				for _, c := range r.kids {
					if !c.is("table", "table-cell") && !c.is("table", "covered-table-cell") {
						continue
					}
					cell := o.cell(c)
					for range min(max(atoi(c.attr("table", "number-columns-repeated")), 1), 64) {
						row = append(row, cell)
					}
					if span := atoi(c.attr("table", "number-columns-spanned")); span > 1 {
						o.d.hint("verbundene Tabellenzellen als einzelne Zellen übernommen, bitte prüfen")
					}
				}
				b.rows = append(b.rows, row)
			}
		}
	}
	rows(t, false)
	if len(b.rows) > 0 {
		*o.out = append(*o.out, b)
	}
}

// cell reads a table cell: its paragraphs joined by spaces.
func (o *odt) cell(c *node) []span {
	var inner []block
	saved := o.out
	o.out = &inner
	o.blocks(c, "", -1)
	o.out = saved
	var spans []span
	for _, b := range inner {
		switch b.kind {
		case kindImage:
			o.d.hint("Bild in einer Tabellenzelle nicht übernommen (Alternativtext %s): ein Bild steht im Handbuch in einem eigenen Absatz", quote(b.img.alt))
			continue
		case kindTable:
			o.d.hint("Tabelle in einer Tabellenzelle als Text übernommen, bitte prüfen")
			for _, r := range b.rows {
				for _, c := range r {
					spans = append(spans, span{text: " "})
					spans = append(spans, c...)
				}
			}
			continue
		case kindItem:
			o.d.hint("Liste in einer Tabellenzelle als Text übernommen, bitte prüfen")
		}
		if len(spans) > 0 {
			spans = append(spans, span{text: " "})
		}
		spans = append(spans, b.spans...)
	}
	return spans
}
