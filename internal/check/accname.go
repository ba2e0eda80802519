package check

import (
	"strconv"
	"strings"
)

// The accessible name and description computation (accname 1.2), in the
// steps and order of axe-core's accessibleTextVirtual: aria-labelledby,
// aria-label, the native text alternative of the element (label, alt,
// caption, legend, value, …), the value of an embedded control, the
// content for roles named from content, the text of a text node, title.
// Cycles cannot form: aria-labelledby is followed only from the element
// being named, every element's content is taken at most once per
// computation, and the computation stops at a depth and a number of
// steps no real page reaches.

// nameMaxDepth and nameMaxSteps bound one computation.
const (
	nameMaxDepth = 1000
	nameMaxSteps = 200_000
	// nameMaxLen is where content text is cut: no rule needs more, and
	// nested elements named from the same long content would each hold
	// a copy.
	nameMaxLen = 4096
	maxLabels  = 16
	maxRefs    = 256
)

type nameCtx struct {
	start         *node
	inLabelledBy  bool
	inControl     bool
	includeHidden int8 // 0: not decided, 1: yes, -1: no
	subtreeDesc   bool
	strict        bool
	processed     map[*node]bool
	depth         int
	steps         *int
}

// name is the accessible name of n, whitespace collapsed.
func (p *page) name(n *node) string {
	if n == nil {
		return ""
	}
	if s, ok := p.names[n]; ok {
		return s
	}
	steps := 0
	s := sanitize(p.accText(n, nameCtx{processed: map[*node]bool{}, steps: &steps}))
	if p.names == nil {
		p.names = map[*node]string{}
	}
	p.names[n] = s
	return s
}

// description is the accessible description of n: aria-describedby,
// else aria-description, else a title that is not already the name.
func (p *page) description(n *node) string {
	if ids, ok := n.attr("aria-describedby"); ok {
		var parts []string
		for id := range strings.FieldsSeq(ids) {
			if t := p.ids[id]; t != nil {
				steps := 0
				if s := p.accText(t, nameCtx{start: n, inLabelledBy: true, processed: map[*node]bool{}, steps: &steps}); s != "" {
					parts = append(parts, s)
				}
			}
		}
		if s := sanitize(strings.Join(parts, " ")); s != "" {
			return s
		}
	}
	if s := sanitize(attrOr(n, "aria-description")); s != "" {
		return s
	}
	if t := sanitize(attrOr(n, "title")); t != "" && t != p.name(n) {
		return t
	}
	return ""
}

func sanitize(s string) string {
	if s == "" {
		return ""
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// accText is the text alternative of n in context c.
func (p *page) accText(n *node, c nameCtx) string {
	if n == nil || c.depth > nameMaxDepth || *c.steps > nameMaxSteps {
		return ""
	}
	*c.steps++
	c.depth++
	if c.start == nil {
		c.start = n
	}
	if n.tag != "" && c.inLabelledBy && c.includeHidden == 0 {
		c.includeHidden = -1
		if n.hidden {
			c.includeHidden = 1
		}
	}
	if n.tag == "" {
		return n.text
	}
	if n.hidden && (c.includeHidden != 1 || nativelyHidden[n.tag]) {
		return ""
	}
	steps := []func(*node, nameCtx) string{p.labelledByText, ariaLabelText, p.nativeText, p.controlValue, p.subtreeText, titleText}
	acc := ""
	for _, step := range steps {
		if c.start == n {
			acc = sanitize(acc)
		}
		if acc != "" {
			return acc
		}
		acc = step(n, c)
	}
	if c.start == n {
		acc = sanitize(acc)
	}
	return acc
}

// idrefs are the elements an IDREF list names, in order, those that
// exist.
func (p *page) idrefs(n *node, key string) []*node {
	v, _ := n.attr(key)
	var out []*node
	for id := range strings.FieldsSeq(v) {
		if t := p.ids[id]; t != nil {
			out = append(out, t)
			if len(out) == maxRefs {
				break // no name is made of more
			}
		}
	}
	return out
}

func (p *page) labelledByText(n *node, c nameCtx) string {
	if c.inLabelledBy || c.inControl || strings.TrimSpace(attrOr(n, "aria-labelledby")) == "" {
		return ""
	}
	acc := ""
	for _, ref := range p.idrefs(n, "aria-labelledby") {
		rc := c
		rc.inLabelledBy, rc.includeHidden = true, 0
		if n == c.start {
			// Nothing is taken yet: each reference on its own, as in
			// axe-core; inside a traversal they share what is taken.
			rc.processed = map[*node]bool{}
		}
		add := p.accText(ref, rc)
		if acc == "" {
			acc = add
		} else {
			acc += " " + add
		}
	}
	return acc
}

func ariaLabelText(n *node, _ nameCtx) string {
	return attrOr(n, "aria-label")
}

func titleText(n *node, _ nameCtx) string {
	t, ok := n.attr("title")
	if !ok {
		return ""
	}
	if n.tag != "iframe" {
		if r := explicitRole(n); r == "none" || r == "presentation" {
			return ""
		}
	}
	return t
}

// nativeText is the text alternative HTML gives the element.
func (p *page) nativeText(n *node, c nameCtx) string {
	if r := p.role(n); r == "presentation" || r == "none" {
		return ""
	}
	first := func(methods ...func() string) string {
		for _, m := range methods {
			if s := m(); s != "" {
				return s
			}
		}
		return ""
	}
	attr := func(k string) func() string { return func() string { return attrOr(n, k) } }
	label := func() string { return p.labelText(n, c) }
	title := func() string { return titleText(n, c) }
	subtree := func() string { return p.subtreeText(n, c) }
	switch n.tag {
	case "a":
		if n.has("href") {
			return subtree()
		}
	case "button", "output", "summary":
		return subtree()
	case "br", "hr":
		return first(title, func() string { return " " })
	case "fieldset":
		return p.descendantText(n, "legend", c)
	case "figure":
		return first(func() string { return p.descendantText(n, "figcaption", c) }, title)
	case "img", "area":
		return attrOr(n, "alt")
	case "svg":
		return p.descendantText(n, "title", c)
	case "table":
		return first(func() string { return p.descendantText(n, "caption", c) }, attr("summary"))
	case "select":
		return label()
	case "textarea":
		return first(label, attr("placeholder"))
	case "input":
		switch strings.ToLower(attrOr(n, "type")) {
		case "button", "submit", "reset":
			def := map[string]string{"submit": "Submit", "reset": "Reset"}[strings.ToLower(attrOr(n, "type"))]
			return first(attr("value"), title, func() string { return def })
		case "image":
			return first(attr("alt"), attr("value"), label, title, func() string { return "Submit" })
		case "hidden":
			return ""
		}
		return first(label, attr("placeholder"))
	}
	return ""
}

// descendantText is the text of the first descendant named tag, if no
// element of n's own kind comes before it.
func (p *page) descendantText(n *node, tag string, c nameCtx) string {
	var found *node
	n.walk(func(d *node) bool {
		if found != nil {
			return false
		}
		if d != n && (d.tag == tag || d.tag == n.tag) {
			found = d
			return false
		}
		return true
	})
	if found == nil || found.tag != tag {
		return ""
	}
	return p.accText(found, c)
}

// labelText is the text of the labels of a form control: label
// elements whose for names its id, and the label around it.
func (p *page) labelText(n *node, c nameCtx) string {
	if c.inControl || c.inLabelledBy || c.processed[n] {
		return ""
	}
	c.processed[n] = true
	var labels []*node
	if id, ok := n.attr("id"); ok && id != "" {
		// More labels than this for one control are a broken page, not
		// a name: the rest change no verdict.
		ls := p.labelsFor[id]
		labels = append(labels, ls[:min(len(ls), maxLabels)]...)
	}
	if l := n.closest("label"); l != nil && !contains2(labels, l) {
		// Document order: the surrounding label comes before the
		// labels that follow it.
		i := 0
		for i < len(labels) && labels[i].offset < l.offset {
			i++
		}
		labels = append(labels[:i], append([]*node{l}, labels[i:]...)...)
	}
	lc := c
	lc.inControl = true
	var parts []string
	for _, l := range labels {
		if s := p.accText(l, lc); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

func contains2(list []*node, n *node) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// controlValueRoles are the roles whose value is their name inside
// another element's name.
var controlValueRoles = setOf("textbox progressbar scrollbar slider spinbutton combobox listbox")

// controlValue is the value of an embedded control.
func (p *page) controlValue(n *node, c nameCtx) string {
	role := p.role(n)
	if c.start == n || !controlValueRoles[role] {
		return ""
	}
	explicit := explicitRole(n)
	switch {
	case n.tag == "textarea":
		return n.textContent()
	case n.tag == "input" && !nonTextInput[strings.ToLower(attrOr(n, "type"))]:
		return attrOr(n, "value")
	case n.tag == "select":
		var options, selected []*node
		n.walk(func(d *node) bool {
			if d.tag == "option" {
				options = append(options, d)
				if d.has("selected") {
					selected = append(selected, d)
				}
			}
			return true
		})
		if len(selected) == 0 && len(options) > 0 {
			selected = options[:1]
		}
		var parts []string
		for _, o := range selected {
			parts = append(parts, p.visibleText(o))
		}
		return strings.Join(parts, " ")
	case explicit == "textbox":
		return p.visibleText(n)
	case explicit == "listbox":
		return p.selectedOption(n, c)
	case explicit == "combobox":
		for _, o := range p.owned(n) {
			if p.role(o) == "listbox" {
				return p.selectedOption(o, c)
			}
		}
	case explicit == "progressbar" || explicit == "scrollbar" || explicit == "slider" || explicit == "spinbutton":
		v, ok := n.attr("aria-valuenow")
		if !ok || strings.TrimSpace(v) == "" {
			return ""
		}
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return "0"
	}
	return ""
}

var nonTextInput = setOf("button checkbox color file hidden image password radio reset submit")

func (p *page) selectedOption(n *node, c nameCtx) string {
	for _, o := range p.owned(n) {
		if p.role(o) == "option" && attrOr(o, "aria-selected") == "true" {
			return p.accText(o, c)
		}
	}
	return ""
}

// visibleText is the text of n's descendants that are not hidden.
func (p *page) visibleText(n *node) string {
	var b strings.Builder
	n.walk(func(d *node) bool {
		if d.gone {
			return false
		}
		if d.tag == "" {
			b.WriteString(d.text)
			b.WriteByte(' ')
		}
		return true
	})
	return sanitize(b.String())
}

// owned are the children of n and the elements aria-owns gives it.
func (p *page) owned(n *node) []*node {
	owns := p.idrefs(n, "aria-owns")
	if len(owns) == 0 {
		return n.children
	}
	var out []*node
	for _, c := range n.children {
		if !contains2(owns, c) {
			out = append(out, c)
		}
	}
	for i, o := range owns {
		if !contains2(owns[:i], o) {
			out = append(out, o)
		}
	}
	return out
}

// embedded elements have no content text.
var embedded = setOf("audio canvas embed iframe img math object picture svg video")

// phrasing elements join their text to their neighbours' without a
// space.
var phrasing = setOf(`a abbr area audio b bdi bdo br button canvas cite code data datalist del dfn em embed i iframe img
input ins kbd label link map mark math meta meter noscript object output picture progress q ruby s samp script select
slot small span strong sub sup svg template textarea time u var video wbr`)

// namedFromContents: roles named from content, and (outside strict
// mode) elements without a role.
func (p *page) namedFromContents(n *node, strict bool) bool {
	if n.tag == "" {
		return false
	}
	role := p.role(n)
	def := roleTable[role]
	if def != nil && def.nameFromContent {
		return true
	}
	if strict {
		return false
	}
	return def == nil || role == "presentation" || role == "none"
}

func (p *page) subtreeText(n *node, c nameCtx) string {
	if c.processed[n] || n.tag == "" || embedded[n.tag] || controlValueRoles[p.role(n)] {
		return ""
	}
	c.processed[n] = true
	if !c.subtreeDesc && !c.inLabelledBy && !p.namedFromContents(n, c.strict) {
		return ""
	}
	if !c.strict && !c.subtreeDesc {
		c.subtreeDesc = !c.inControl && !c.inLabelledBy
	}
	var b strings.Builder
	last := byte(0)
	for _, child := range p.owned(n) {
		if b.Len() >= nameMaxLen {
			break // longer names change no verdict
		}
		if !child.mayText {
			continue
		}
		add := p.accText(child, c)
		if add == "" {
			continue
		}
		block := child.tag != "" && !phrasing[child.tag]
		if block && b.Len() > 0 && last != ' ' {
			b.WriteByte(' ')
		}
		if len(add) > nameMaxLen {
			add = add[:nameMaxLen]
		}
		b.WriteString(add)
		last = add[len(add)-1]
		if block && add[0] != ' ' {
			b.WriteByte(' ')
			last = ' '
		}
	}
	return b.String()
}

// hasOwnName reports whether n is named by aria-labelledby or
// aria-label (or, with title, its title), as for the roles of section,
// form and aside.
func (p *page) hasOwnName(n *node, title bool) bool {
	steps := 0
	c := nameCtx{start: n, processed: map[*node]bool{}, steps: &steps}
	return sanitize(p.labelledByText(n, c)) != "" || sanitize(attrOr(n, "aria-label")) != "" ||
		title && sanitize(attrOr(n, "title")) != ""
}
