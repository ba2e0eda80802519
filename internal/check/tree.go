package check

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// node is an element or a text of a parsed page, with the line and
// column where it starts. x/net/html's tree builder keeps no positions,
// so the checker builds its own small tree from the tokenizer.
type node struct {
	tag      string // "" for text
	text     string
	attrs    []html.Attribute
	offset   int // byte offset in the page; lines are computed on demand
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
	root := &node{tag: "#document"}
	cur := root
	// Nodes come from chunks, not one allocation each: pages have
	// thousands of them and the checks run on every page of every build.
	var chunk []node
	alloc := func(n node) *node {
		if len(chunk) == cap(chunk) {
			chunk = make([]node, 0, 256)
		}
		chunk = append(chunk, n)
		return &chunk[len(chunk)-1]
	}
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return root // io.EOF, or input the tokenizer gives up on
		}
		raw := z.Raw()
		o := off
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			// TagName and TagAttr are cheaper than Token: no copies of
			// the raw text, attributes read once.
			name, more := z.TagName()
			n := alloc(node{tag: string(name), offset: o, parent: cur})
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				n.attrs = append(n.attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			cur.children = append(cur.children, n)
			if tt == html.StartTagToken && !voidElements[n.tag] {
				cur = n
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			for p := cur; p != nil && p != root; p = p.parent {
				if p.tag == string(name) {
					cur = p.parent
					break
				}
			}
		case html.TextToken:
			// Whitespace between tags changes no finding.
			if t := z.Text(); len(bytes.TrimSpace(t)) > 0 {
				cur.children = append(cur.children, alloc(node{text: string(t), offset: o, parent: cur}))
			}
		}
		off += len(raw)
	}
}
