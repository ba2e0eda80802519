package importdoc

import (
	"fmt"
	"strings"
)

// span is a piece of running text with one formatting.
type span struct {
	text         string // "\n" is a line break
	bold, italic bool
	link         string // a web, mail or phone address
	note         int    // > 0: the reference to footnote note; text is empty
}

type blockKind int

const (
	kindPara blockKind = iota
	kindHeading
	kindItem
	kindTable
	kindImage
)

// block is a block of the chapter: both readers produce them, the writer
// turns them into Markdown.
type block struct {
	kind    blockKind
	level   int // heading level from 1; list depth from 0
	ordered bool
	list    string // which list an item belongs to
	title   bool   // a paragraph in the document's title style
	spans   []span
	rows    [][][]span // table rows of cells
	header  bool       // the table marks its first row as header
	img     *picture
	para    int // the paragraph of the document it comes from
}

// picture is an image of the document.
type picture struct {
	data       []byte
	ext        string // ".png", ".jpg", …
	alt        string
	decorative bool
}

// doc collects what a reader found.
type doc struct {
	file   string
	title  string // from the metadata
	blocks []block
	notes  [][]block // footnote i+1
	hints  []Hint
	words  map[int]string // first words of each paragraph
	para   int            // the paragraph being read
}

// hint records a hint at the paragraph being read.
func (d *doc) hint(format string, args ...any) {
	d.hints = append(d.hints, Hint{Para: d.para, Text: fmt.Sprintf(format, args...)})
}

// setWords records the text of paragraph n for the hints.
func (d *doc) setWords(n int, text string) {
	if d.words == nil {
		d.words = map[int]string{}
	}
	if _, ok := d.words[n]; !ok || d.words[n] == "" {
		d.words[n] = firstWords(text)
	}
}

// titleBlock returns the index of the block the title comes from: the
// first paragraph in the title style, or else the first heading if no
// text comes before it; -1 for none.
func (d *doc) titleBlock() int {
	for i, b := range d.blocks {
		if b.title && plain(b.spans) != "" {
			return i
		}
	}
	for i, b := range d.blocks {
		if b.kind == kindHeading && plain(b.spans) != "" {
			if d.title != "" && norm(plain(b.spans)) != norm(d.title) {
				return -1
			}
			return i
		}
		if b.kind != kindPara || plain(b.spans) != "" {
			return -1
		}
	}
	return -1
}

// plain is the text of spans without formatting.
func plain(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return norm(b.String())
}

// paraState gathers the spans of the paragraph being read; a text box or
// picture in the middle splits it into blocks.
type paraState struct {
	base  block
	spans []span
	text  strings.Builder
}

func (p *paraState) add(s span) {
	p.text.WriteString(s.text)
	if s.text == "" && s.note == 0 {
		return
	}
	p.spans = append(p.spans, s)
}

// flush appends the spans gathered so far as a block to out.
func (p *paraState) flush(out *[]block) {
	if strings.TrimSpace(plain(p.spans)) == "" && !hasNote(p.spans) {
		p.spans = nil
		return
	}
	b := p.base
	b.spans = p.spans
	*out = append(*out, b)
	p.spans = nil
}

func hasNote(spans []span) bool {
	for _, s := range spans {
		if s.note > 0 {
			return true
		}
	}
	return false
}
