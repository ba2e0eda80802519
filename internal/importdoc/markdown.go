package importdoc

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// writer writes blocks as Markdown for handbuch's goldmark setup.
type writer struct {
	d      *doc
	prefix string
	images []Image
	hints  []Hint
	// markers alternate between two lists that follow each other, so
	// that Markdown does not join them.
	alt  bool
	list listState // the list being written
}

func (w *writer) hint(para int, format string, args ...any) {
	w.hints = append(w.hints, Hint{Para: para, Text: fmt.Sprintf(format, args...)})
}

// headings moves the headings so that the highest becomes h2 (the page
// title is the h1) and no level is skipped, which the checks require.
func (w *writer) headings(blocks []block) {
	top := 0
	for _, b := range blocks {
		if b.kind == kindHeading && (top == 0 || b.level < top) {
			top = b.level
		}
	}
	prev := 1
	for i := range blocks {
		b := &blocks[i]
		if b.kind != kindHeading {
			continue
		}
		level := b.level - top + 2
		if level > prev+1 {
			w.hint(b.para, "Überschrift der Ebene %d folgt auf Ebene %d; als Ebene %d übernommen, damit keine Ebene fehlt", level, prev, prev+1)
			level = prev + 1
		}
		if level > 6 {
			w.hint(b.para, "Überschrift tiefer als Ebene 6; als Ebene 6 übernommen")
			level = 6
		}
		b.level, prev = level, level
	}
}

// blocks writes the blocks: a blank line between blocks, none between
// the items of one list.
func (w *writer) blocks(out *strings.Builder, blocks []block) {
	var prev *block
	for i := range blocks {
		b := &blocks[i]
		if prev != nil {
			if !(prev.kind == kindItem && b.kind == kindItem && prev.list == b.list) {
				out.WriteString("\n")
			}
		}
		switch b.kind {
		case kindHeading:
			text := w.inline(b.spans, true)
			fmt.Fprintf(out, "%s %s\n", strings.Repeat("#", b.level), text)
		case kindPara:
			out.WriteString(w.inline(b.spans, false))
			out.WriteString("\n")
		case kindItem:
			if prev == nil || prev.kind != kindItem || prev.list != b.list {
				w.startList(prev != nil && prev.kind == kindItem)
			}
			w.item(out, blocks, i)
		case kindTable:
			w.table(out, b)
		case kindImage:
			w.image(out, b)
		}
		prev = b
	}
}

// listState is the list being written: the indentation of each depth.
type listState struct {
	indent []int // content indentation of each open depth
	count  []int // items so far at each depth
	bullet string
	dot    string
}

// startList starts a list; right after another list (adjacent says so)
// it takes the other markers, or Markdown would continue the first.
func (w *writer) startList(adjacent bool) {
	w.alt = adjacent && !w.alt
	w.list = listState{bullet: "-", dot: "."}
	if w.alt {
		w.list.bullet, w.list.dot = "*", ")"
	}
}

// item writes the list item blocks[i], indented under its parent.
func (w *writer) item(out *strings.Builder, blocks []block, i int) {
	b, list := blocks[i], &w.list
	depth := b.level
	if depth > len(list.indent) {
		depth = len(list.indent) // no skipping of depths
	}
	list.indent = list.indent[:depth]
	list.count = list.count[:depth]
	base := 0
	if depth > 0 {
		base = list.indent[depth-1]
	}
	marker := list.bullet
	// The count of this depth: the items before it at the same depth.
	n := 1
	for j := i - 1; j >= 0 && blocks[j].kind == kindItem && blocks[j].list == b.list; j-- {
		if blocks[j].level < b.level {
			break
		}
		if blocks[j].level == b.level {
			n++
		}
	}
	if b.ordered {
		marker = strconv.Itoa(n) + list.dot
	}
	indent := base + len(marker) + 1
	list.indent = append(list.indent, indent)
	list.count = append(list.count, n)
	text := w.inline(b.spans, false)
	text = strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", indent))
	fmt.Fprintf(out, "%s%s %s\n", strings.Repeat(" ", base), marker, text)
}

// table writes a pipe table; without a marked header row, the first row
// becomes the header.
func (w *writer) table(out *strings.Builder, b *block) {
	cols := 0
	for _, r := range b.rows {
		cols = max(cols, len(r))
	}
	if !b.header {
		w.hint(b.para, "Tabelle ohne markierte Kopfzeile: die erste Zeile ist als Kopfzeile übernommen, bitte prüfen (in Word: Tabelleneigenschaften > Zeile > „Gleiche Kopfzeile auf jeder Seite wiederholen“; in LibreOffice: Tabelleneigenschaften > Textfluss > „Überschrift wiederholen“)")
	}
	for i, r := range b.rows {
		out.WriteString("|")
		for c := range cols {
			cell := ""
			if c < len(r) {
				cell = strings.ReplaceAll(w.inline(r[c], true), "\n", " ")
			}
			if cell == "" {
				cell = " "
			}
			fmt.Fprintf(out, " %s |", cell)
		}
		out.WriteString("\n")
		if i == 0 {
			out.WriteString("|")
			for range cols {
				out.WriteString(" --- |")
			}
			out.WriteString("\n")
		}
	}
}

// image writes a picture as a figure of its own and keeps its file.
func (w *writer) image(out *strings.Builder, b *block) {
	p := b.img
	name := fmt.Sprintf("%s-bild-%d%s", w.prefix, len(w.images)+1, p.ext)
	w.images = append(w.images, Image{Name: name, Data: p.data})
	if p.decorative {
		fmt.Fprintf(out, "{{< bild %q %q >}}\n", name, "dekorativ")
		return
	}
	alt := norm(p.alt)
	if alt == "" {
		w.hint(b.para, "Bild %s hat keinen Alternativtext. Schreiben Sie in die eckigen Klammern, was das Bild zeigt; ohne Alternativtext bricht der Build ab", name)
	}
	fmt.Fprintf(out, "![%s](%s)\n", escapeAlt(alt), name)
}

// footnotes writes the footnote definitions at the end of the chapter.
func (w *writer) footnotes(out *strings.Builder) {
	for i, note := range w.d.notes {
		fmt.Fprintf(out, "\n[^%d]:", i+1)
		first := true
		for _, b := range note {
			text := w.inline(b.spans, false)
			if text == "" {
				continue
			}
			text = strings.ReplaceAll(text, "\n", "\n    ")
			if first {
				fmt.Fprintf(out, " %s\n", text)
				first = false
			} else {
				fmt.Fprintf(out, "\n    %s\n", text)
			}
		}
		if first {
			out.WriteString("\n")
		}
	}
}

// inline writes spans as Markdown; oneLine turns line breaks into spaces
// (headings, table cells).
func (w *writer) inline(spans []span, oneLine bool) string {
	// Word splits runs for reasons the reader never sees; join runs of
	// the same formatting first, or emphasis would break into pieces.
	var merged []span
	for _, s := range spans {
		if oneLine {
			s.text = strings.ReplaceAll(s.text, "\n", " ")
		}
		if n := len(merged); n > 0 && s.note == 0 && merged[n-1].note == 0 &&
			merged[n-1].bold == s.bold && merged[n-1].italic == s.italic && merged[n-1].link == s.link {
			merged[n-1].text += s.text
			continue
		}
		merged = append(merged, s)
	}
	// Trim the paragraph's outer whitespace.
	if n := len(merged); n > 0 {
		merged[0].text = strings.TrimLeftFunc(merged[0].text, unicode.IsSpace)
		merged[n-1].text = strings.TrimRightFunc(merged[n-1].text, unicode.IsSpace)
	}
	var b strings.Builder
	for i := 0; i < len(merged); i++ {
		s := merged[i]
		if s.note > 0 {
			fmt.Fprintf(&b, "[^%d]", s.note)
			continue
		}
		if s.link == "" {
			b.WriteString(emphasis(s))
			continue
		}
		// A link may hold runs of several formattings.
		var inner strings.Builder
		j := i
		for ; j < len(merged) && merged[j].link == s.link && merged[j].note == 0; j++ {
			inner.WriteString(emphasis(merged[j]))
		}
		i = j - 1
		text := inner.String()
		if strings.TrimSpace(text) == "" {
			text = escapeText(s.link)
		}
		fmt.Fprintf(&b, "[%s](%s)", text, linkDest(s.link))
	}
	return lineStarts(b.String())
}

// emphasis writes one span, its outer spaces outside the delimiters.
func emphasis(s span) string {
	text := escapeText(s.text)
	if !s.bold && !s.italic || strings.TrimSpace(s.text) == "" {
		return text
	}
	core := strings.TrimFunc(text, unicode.IsSpace)
	i := strings.Index(text, core)
	lead, trail := text[:i], text[i+len(core):]
	d := "*"
	switch {
	case s.bold && s.italic:
		d = "***"
	case s.bold:
		d = "**"
	}
	// A hard line break (a backslash at the end of the line) ends the
	// emphasis and the next line opens it again.
	core = strings.ReplaceAll(core, "\\\n", d+"\\\n"+d)
	return lead + d + core + d + trail
}

// escapeText escapes what Markdown, handbuch's shortcodes or the
// typographer would read as syntax, so the text stays text.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '&':
			if i+1 == len(s) || isEntityStart(s[i+1]) {
				b.WriteString("\\&")
			} else {
				b.WriteByte(c)
			}
		case '{':
			// {{< and {{% would start a shortcode and may not appear on
			// a page even as text: an invisible zero-width space between
			// the braces and the < keeps the text as it looks.
			b.WriteByte(c)
			if strings.HasPrefix(s[i:], "{{<") || strings.HasPrefix(s[i:], "{{%") {
				b.WriteString("{&#8203;")
				i++
			}
		case '\t':
			b.WriteByte(' ')
		case '\n':
			b.WriteString("\\\n")
		default:
			if strings.HasPrefix(s[i:], "\u00a0") {
				b.WriteString("&nbsp;")
				i++
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isEntityStart(c byte) bool {
	return c == '#' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// lineStarts escapes what would start a block at the start of a line:
// a list marker, a numbered list ("1. Januar"), a setext underline, a
// definition (": …"), and drops indentation that would make code.
func lineStarts(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		l = strings.TrimLeft(l, " ")
		switch {
		case l == "":
		case strings.ContainsRune("-+=:", rune(l[0])):
			l = "\\" + l
		case l[0] >= '0' && l[0] <= '9':
			j := 0
			for j < len(l) && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') {
				l = l[:j] + "\\" + l[j:]
			}
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// escapeAlt escapes an alternative text for ![…](…).
func escapeAlt(s string) string {
	return escapeText(strings.ReplaceAll(s, "\n", " "))
}

// linkDest writes an address as a link destination.
func linkDest(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		r := strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20")
		return "<" + r.Replace(u) + ">"
	}
	return u
}
