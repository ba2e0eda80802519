package check

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// tagName is the tag name as a string, without an allocation for the
// names HTML knows.
func tagName(b []byte) string {
	if a := atom.Lookup(b); a != 0 {
		return a.String()
	}
	return string(b)
}

// node is an element or a text of a parsed page, with the byte offset
// where it starts. x/net/html's tree builder keeps no positions, so the
// checker builds its own tree from the tokenizer, following the tree
// construction rules of HTML that decide what a browser makes of a page:
// optional end tags (<li>a<li>b), implied elements (<html>, <head>,
// <body>, <tbody>, <tr>), paragraphs closed by blocks, table sections.
type node struct {
	tag      string // "" for text
	text     string
	attrs    []html.Attribute
	offset   int // byte offset in the page; lines are computed on demand
	parent   *node
	children []*node
	// implied is set on the elements the parser adds without a tag in
	// the source; their offset is that of the token that implied them.
	implied bool
	// foreign is set inside <svg> and <math>, where HTML's rules for
	// optional end tags do not apply.
	foreign bool
	depth   int32

	// The model of the page (model.go) fills these in.
	role     string // the role after explicit and implicit roles, "" for none
	hidden   bool   // not in the accessibility tree (aria-hidden, display: none, inert, …)
	gone     bool   // hidden for everyone: display: none, visibility: hidden, hidden, closed details
	classes  []string
	roleDone uint8 // 0: role not computed, 1: being computed, 2: done
	// mayText is false when nothing in n can give text to a name: no
	// text, no attribute that names, no control with a value.
	mayText bool
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

// walk calls f for n and every descendant, depth first in document
// order; f returns false to skip the children. It keeps its own stack:
// pages may nest deeper than recursion should go.
func (n *node) walk(f func(*node) bool) {
	stack := []*node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !f(c) {
			continue
		}
		for i := len(c.children) - 1; i >= 0; i-- {
			stack = append(stack, c.children[i])
		}
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

var voidElements = setOf("area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr")

// headElements go into <head> while the body has not begun.
var headElements = setOf("base basefont bgsound link meta noframes noscript script style template title")

// closesP are the start tags that end an open paragraph.
var closesP = setOf(`address article aside blockquote center details dialog dir div dl fieldset figcaption figure
footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form plaintext
hr xmp li dd dt table`)

// special elements end the search for an element to close (HTML's
// "special" category).
var special = setOf(`address applet area article aside base basefont bgsound blockquote body br button caption center
col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6
head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes
noscript object ol p param plaintext pre script search section select source style summary table tbody td template
textarea tfoot th thead title tr track ul wbr xmp`)

// scopeEnd are the elements an end tag does not close past ("has an
// element in scope").
var scopeEnd = setOf("applet caption html table td th marquee object template")

var formatting = setOf("a b big code em font i nobr s small strike strong tt u")

var tableParts = setOf("caption col colgroup tbody thead tfoot tr td th")

// maxDepth is the deepest an element is put, as in Chromium: deeper
// elements become siblings of the element at this depth. It bounds
// every walk up the tree.
const maxDepth = 512

// maxSearch bounds how far the parser looks down the stack of open
// elements for a tag to close, so that a page of 100,000 nested elements
// is not parsed in quadratic time.
const maxSearch = 1024

// treeBuilder holds the state of parse.
type treeBuilder struct {
	root       *node
	open       []*node // the stack of open elements; open[0] is root
	html, head *node
	body       *node
	inHead     bool
	afterHead  bool
	doctype    bool
	chunk      []node
	// count is the number of open elements of each tag, so that a search
	// for one that is not open costs nothing.
	count map[string]int
}

func (b *treeBuilder) push(n *node) {
	b.open = append(b.open, n)
	b.count[n.tag]++
}

// alloc takes nodes from chunks, not one allocation each: pages have
// thousands of them and the checks run on every page of every build.
func (b *treeBuilder) alloc(n node) *node {
	if len(b.chunk) == cap(b.chunk) {
		b.chunk = make([]node, 0, 256)
	}
	b.chunk = append(b.chunk, n)
	return &b.chunk[len(b.chunk)-1]
}

func (b *treeBuilder) cur() *node { return b.open[len(b.open)-1] }

// insert appends n to the current node (or, past maxDepth, to its
// parent) and, unless void, opens it.
func (b *treeBuilder) insert(n *node, push bool) {
	parent := b.cur()
	for parent.depth >= maxDepth && parent.parent != nil {
		parent = parent.parent
	}
	n.parent = parent
	n.depth = parent.depth + 1
	n.foreign = n.foreign || parent.foreign
	parent.children = append(parent.children, n)
	if push {
		b.push(n)
	}
}

func (b *treeBuilder) element(tag string, offset int, implied bool) *node {
	return b.alloc(node{tag: tag, offset: offset, implied: implied})
}

// popTo closes the open elements down to and including i.
func (b *treeBuilder) popTo(i int) {
	for _, n := range b.open[i:] {
		b.count[n.tag]--
	}
	b.open = b.open[:i]
}

// find returns the index of the nearest open element named tag, looking
// no further than an element in stop (or, with stopSpecial, any special
// element) and no further than maxSearch; -1 if none.
func (b *treeBuilder) find(tag string, stop map[string]bool, stopSpecial bool) int {
	if b.count[tag] == 0 {
		return -1
	}
	for i, k := len(b.open)-1, 0; i > 0 && k < maxSearch; i, k = i-1, k+1 {
		n := b.open[i]
		if n.tag == tag && !n.foreign {
			return i
		}
		if stop[n.tag] || stopSpecial && special[n.tag] {
			return -1
		}
	}
	return -1
}

var buttonScope = union(scopeEnd, setOf("button"))
var listScope = union(scopeEnd, setOf("ol ul"))
var tableScope = setOf("html table template")

// formattingScope are the elements that end the list of active
// formatting elements: an open <a> beyond them is not closed by a new one.
var formattingScope = setOf("td th caption table html template object applet marquee")

func union(a, b map[string]bool) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// closeP ends an open paragraph in button scope.
func (b *treeBuilder) closeP() {
	if i := b.find("p", buttonScope, false); i > 0 {
		b.popTo(i)
	}
}

// ensureBody opens <html>, <head> and <body> as far as the source left
// them out, before content at offset.
func (b *treeBuilder) ensureBody(offset int) {
	if b.body != nil {
		return
	}
	b.ensureHead(offset)
	if b.inHead {
		b.leaveHead()
	}
	b.body = b.element("body", offset, true)
	b.insert(b.body, true)
}

func (b *treeBuilder) ensureHTML(offset int) {
	if b.html == nil {
		b.html = b.element("html", offset, true)
		b.insert(b.html, true)
	}
}

func (b *treeBuilder) ensureHead(offset int) {
	b.ensureHTML(offset)
	if b.head == nil {
		b.head = b.element("head", offset, true)
		b.insert(b.head, true)
		b.inHead = true
	}
}

func (b *treeBuilder) leaveHead() {
	if i := b.find("head", nil, false); i > 0 {
		b.popTo(i)
	}
	b.inHead, b.afterHead = false, true
}

// parse builds the tree of a page.
func parse(src []byte) *node {
	b := &treeBuilder{root: &node{tag: "#document"}, count: map[string]int{}}
	b.open = []*node{b.root}
	z := html.NewTokenizer(bytes.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.root // io.EOF, or input the tokenizer gives up on
		}
		raw := z.Raw()
		o := off
		off += len(raw)
		switch tt {
		case html.DoctypeToken:
			b.doctype = true
		case html.StartTagToken, html.SelfClosingTagToken:
			// TagName and TagAttr are cheaper than Token: no copies of
			// the raw text, attributes read once.
			name, more := z.TagName()
			n := b.element(tagName(name), o, false)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				n.attrs = append(n.attrs, html.Attribute{Key: string(k), Val: string(v)})
			}
			if b.cur().foreign {
				// Inside SVG and MathML, <title> and <style> hold markup
				// and every element ends where its end tag is.
				z.NextIsNotRawText()
				b.insert(n, tt == html.StartTagToken)
				continue
			}
			b.start(n, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			b.end(tagName(name))
		case html.TextToken:
			// Whitespace between tags changes no finding.
			t := z.Text()
			if len(bytes.TrimSpace(t)) == 0 {
				continue
			}
			if b.body == nil && !rawTextIn(b.cur().tag) && b.count["template"] == 0 {
				b.ensureBody(o)
			}
			b.insert(b.alloc(node{text: string(t), offset: o}), false)
		}
	}
}

func rawTextIn(tag string) bool {
	switch tag {
	case "title", "style", "script", "noscript", "noframes", "template":
		return true
	}
	return false
}

// start opens the element n as the HTML parser's "in body" and table
// rules do.
func (b *treeBuilder) start(n *node, selfClosing bool) {
	tag := n.tag
	switch {
	case tag == "html":
		if b.html == nil {
			b.html = n
			b.insert(n, true)
		}
		return
	case tag == "head":
		if b.head == nil && b.body == nil {
			b.ensureHTML(n.offset)
			b.head = n
			b.insert(n, true)
			b.inHead = true
		}
		return
	case tag == "body":
		if b.body == nil {
			b.ensureHead(n.offset)
			if b.inHead {
				b.leaveHead()
			}
			b.body = n
			b.insert(n, true)
		}
		return
	case b.count["template"] > 0:
		// Template content: inserted where it stands, never moving
		// the parser out of <head>.
	case headElements[tag] && b.body == nil:
		b.ensureHead(n.offset)
		if !b.inHead {
			// After </head>, such elements still go into it.
			b.head.children = append(b.head.children, n)
			n.parent, n.depth = b.head, b.head.depth+1
			if !voidElements[tag] && !selfClosing {
				// Their content is raw text the tokenizer gives as one
				// token, which lands in the current node: open them on
				// top so that it lands here.
				b.push(n)
			}
			return
		}
		b.insert(n, !voidElements[tag])
		return
	}
	if b.count["template"] == 0 {
		b.ensureBody(n.offset)
	}
	switch {
	case tag == "li":
		b.closeItem("li")
	case tag == "dd" || tag == "dt":
		b.closeItem("dd", "dt")
	case tag == "button":
		if i := b.find("button", scopeEnd, false); i > 0 {
			b.popTo(i)
		}
	case tag == "a":
		if i := b.find("a", formattingScope, false); i > 0 {
			b.popTo(i)
		}
	case tag == "option":
		if b.cur().tag == "option" {
			b.popTo(len(b.open) - 1)
		}
	case tag == "optgroup":
		if b.cur().tag == "option" {
			b.popTo(len(b.open) - 1)
		}
		if b.cur().tag == "optgroup" {
			b.popTo(len(b.open) - 1)
		}
	case tableParts[tag]:
		if !b.table(n) {
			return // outside a table the parser drops the tag
		}
	}
	if closesP[tag] && (tag != "table" || b.doctype) {
		b.closeP()
	}
	if strings.HasPrefix(tag, "h") && len(tag) == 2 && tag[1] >= '1' && tag[1] <= '6' {
		if c := b.cur().tag; len(c) == 2 && c[0] == 'h' && c[1] >= '1' && c[1] <= '6' {
			b.popTo(len(b.open) - 1)
		}
	}
	if tag == "svg" || tag == "math" {
		n.foreign = true
		b.insert(n, !selfClosing)
		return
	}
	b.insert(n, !voidElements[tag])
}

// closeItem closes an open list item (or dd/dt) before a new one, as
// long as no other block than address, div or p stands between.
func (b *treeBuilder) closeItem(tags ...string) {
	if b.count[tags[0]]+b.count[tags[len(tags)-1]] == 0 {
		return
	}
	for i, k := len(b.open)-1, 0; i > 0 && k < maxSearch; i, k = i-1, k+1 {
		n := b.open[i]
		for _, t := range tags {
			if n.tag == t {
				b.popTo(i)
				return
			}
		}
		if special[n.tag] && n.tag != "address" && n.tag != "div" && n.tag != "p" {
			return
		}
	}
}

// table places a table part: it closes the open cells, rows or sections
// it ends and implies the <tbody> and <tr> it needs. It returns false
// when there is no table to put it in.
func (b *treeBuilder) table(n *node) bool {
	t := b.find("table", tableScope, false)
	if t <= 0 {
		return false
	}
	// clear closes open elements down to one of the given ones, within
	// the table.
	clear := func(to ...string) {
		for i := len(b.open) - 1; i > t; i-- {
			for _, k := range to {
				if b.open[i].tag == k {
					b.popTo(i + 1)
					return
				}
			}
		}
		b.popTo(t + 1)
	}
	switch n.tag {
	case "caption", "colgroup", "tbody", "thead", "tfoot":
		clear()
	case "col":
		clear("colgroup")
	case "tr":
		clear("tbody", "thead", "tfoot")
		if b.cur().tag == "table" {
			b.insert(b.element("tbody", n.offset, true), true)
		}
	case "td", "th":
		clear("tr")
		if b.cur().tag == "table" {
			b.insert(b.element("tbody", n.offset, true), true)
		}
		if b.cur().tag != "tr" {
			b.insert(b.element("tr", n.offset, true), true)
		}
	}
	return true
}

// end closes elements for an end tag, as the parser would.
func (b *treeBuilder) end(tag string) {
	if b.cur().foreign && b.count[tag] > 0 {
		for i, k := len(b.open)-1, 0; i > 0 && k < maxSearch; i, k = i-1, k+1 {
			if b.open[i].tag == tag {
				b.popTo(i)
				return
			}
			if !b.open[i].foreign {
				break
			}
		}
		if tag != "p" && tag != "br" {
			return
		}
	}
	switch tag {
	case "html", "body", "br":
		return // the body stays open: what follows still goes into it
	case "head":
		if b.inHead {
			b.leaveHead()
		}
		return
	case "p":
		if i := b.find("p", buttonScope, false); i > 0 {
			b.popTo(i)
		}
		return
	case "li":
		if i := b.find("li", listScope, false); i > 0 {
			b.popTo(i)
		}
		return
	case "h1", "h2", "h3", "h4", "h5", "h6":
		for i, k := len(b.open)-1, 0; i > 0 && k < maxSearch; i, k = i-1, k+1 {
			t := b.open[i].tag
			if len(t) == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6' {
				b.popTo(i)
				return
			}
			if scopeEnd[t] {
				return
			}
		}
		return
	}
	switch {
	case b.inHead && rawTextIn(tag):
		if i := b.find(tag, nil, false); i > 0 {
			b.popTo(i)
		}
	case special[tag] || formatting[tag]:
		stop := scopeEnd
		if tableParts[tag] || tag == "table" {
			stop = tableScope
		}
		if i := b.find(tag, stop, false); i > 0 {
			b.popTo(i)
		}
	default:
		if i := b.find(tag, nil, true); i > 0 {
			b.popTo(i)
		}
	}
}
