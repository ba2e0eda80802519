package check

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// node is an element or a text of a parsed page, with the line and
// column where it starts. x/net/html's tree builder keeps no positions,
// so the checker builds its own small tree from the tokenizer.
type node struct {
	tag      string // "" for text
	text     string
	attrs    []html.Attribute
	line     int
	col      int
	offset   int
	parent   *node
	children []*node
}

func (n *node) attr(key string) (string, bool) {
	for _, a := range n.attrs {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func (n *node) has(key string) bool { _, ok := n.attr(key); return ok }

// walk calls f for n and every descendant, depth first; f returns false
// to skip the children.
func (n *node) walk(f func(*node) bool) {
	if !f(n) {
		return
	}
	for _, c := range n.children {
		c.walk(f)
	}
}

// textContent is the text of n and its descendants, spaces collapsed.
func (n *node) textContent() string {
	var b strings.Builder
	n.walk(func(c *node) bool {
		if c.tag == "" {
			b.WriteString(c.text)
			b.WriteByte(' ')
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

func (n *node) closest(tags ...string) *node {
	for p := n.parent; p != nil; p = p.parent {
		for _, t := range tags {
			if p.tag == t {
				return p
			}
		}
	}
	return nil
}

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// parse builds the tree of a page. Unclosed elements are closed at the
// end tag of an ancestor, as browsers do for well-formed-enough HTML.
func parse(src []byte) *node {
	root := &node{tag: "#document", line: 1, col: 1}
	cur := root
	z := html.NewTokenizer(bytes.NewReader(src))
	line, col, off := 1, 1, 0
	advance := func(raw []byte) {
		off += len(raw)
		if nl := bytes.Count(raw, []byte{'\n'}); nl > 0 {
			line += nl
			col = 1 + utf8.RuneCount(raw[bytes.LastIndexByte(raw, '\n')+1:])
		} else {
			col += utf8.RuneCount(raw)
		}
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return root // io.EOF, or input the tokenizer gives up on
		}
		raw := z.Raw()
		l, c, o := line, col, off
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			n := &node{tag: tok.Data, attrs: tok.Attr, line: l, col: c, offset: o, parent: cur}
			cur.children = append(cur.children, n)
			if tt == html.StartTagToken && !voidElements[tok.Data] {
				cur = n
			}
		case html.EndTagToken:
			for p := cur; p != nil && p != root; p = p.parent {
				if p.tag == tok.Data {
					cur = p.parent
					break
				}
			}
		case html.TextToken:
			cur.children = append(cur.children, &node{text: tok.Data, line: l, col: c, offset: o, parent: cur})
		case html.CommentToken:
			// A position mark of raw HTML in an annotated rendering.
			if v, ok := strings.CutPrefix(tok.Data, "hb-pos "); ok {
				cur.children = append(cur.children, &node{tag: "#pos", text: v, line: l, col: c, offset: o, parent: cur})
			}
		}
		advance(raw)
	}
}
