package check

import (
	"strings"
)

// A small CSS reader for what decides whether an element is hidden:
// display, visibility and content-visibility, from the page's own
// stylesheets and style attributes. It knows type, class, id and
// attribute selectors, the universal selector and the four combinators,
// specificity, source order and !important. A selector with anything
// else (pseudo-classes, namespaces) is left out rather than guessed at,
// and so are @media blocks other than screen and all.

// maxCompounds is the longest selector the reader keeps; longer ones
// are left out.
const maxCompounds = 32

// hidingProps are the properties the reader keeps.
var hidingProps = setOf("display visibility content-visibility")

// stylesheet is the rules of one sheet that set a hiding property.
type stylesheet struct {
	rules []styleRule
	// orientationLocks are the selectors of rules that rotate content in
	// an @media block naming an orientation (orientation.go).
	orientationLocks []string
}

type styleRule struct {
	sel   []simpleSel // rightmost last
	spec  int         // specificity: ids<<20 | classes<<10 | types
	order int         // place in the page's cascade, set per page
	decls []decl
}

type decl struct {
	prop, val string
	important bool
}

// simpleSel is one simple-selector sequence and the combinator that joins
// it to the one before (' ', '>', '+', '~'; 0 for the first).
type simpleSel struct {
	comb    byte
	tag     string // "" for any
	id      string
	classes []string
	attrs   []attrSel
}

type attrSel struct {
	key, op, val string // op: "" (present), "=", "~=", "|=", "^=", "$=", "*="
	fold         bool   // the i flag
}

// parseCSS reads a stylesheet. It never fails: what it cannot read it
// leaves out.
func parseCSS(src string) *stylesheet {
	s := &stylesheet{}
	s.block(stripComments(src), 0)
	return s
}

// block reads the rules of src; depth bounds nested @-blocks.
func (s *stylesheet) block(src string, depth int) {
	for len(src) > 0 {
		open := strings.IndexByte(src, '{')
		semi := strings.IndexByte(src, ';')
		if semi >= 0 && (open < 0 || semi < open) && strings.HasPrefix(strings.TrimSpace(src[:semi]), "@") {
			src = src[semi+1:] // @import, @charset, @layer a, b;
			continue
		}
		if open < 0 {
			return
		}
		end := matchingBrace(src, open)
		prelude := strings.TrimSpace(src[:open])
		body := src[open+1 : end]
		if end < len(src) {
			src = src[end+1:]
		} else {
			src = ""
		}
		if at, ok := strings.CutPrefix(prelude, "@"); ok {
			name, rest, _ := strings.Cut(at, " ")
			switch strings.ToLower(name) {
			case "media":
				if orientationRe.MatchString(prelude + body) {
					s.orientationLocks = append(s.orientationLocks, orientationLocks(body)...)
				}
				if depth < 8 && screenMedia(rest) {
					s.block(body, depth+1)
				}
			case "supports", "layer", "container", "scope":
				// Conditions that hold in a current browser, or groupings.
				if depth < 8 && strings.ToLower(name) != "container" && strings.ToLower(name) != "scope" {
					s.block(body, depth+1)
				}
			}
			continue
		}
		decls := parseDecls(body)
		if len(decls) == 0 {
			continue
		}
		for _, text := range splitTop(prelude, ',') {
			if sel, spec, ok := parseSelector(strings.TrimSpace(text)); ok {
				s.rules = append(s.rules, styleRule{sel: sel, spec: spec, decls: decls})
			}
		}
	}
}

// matchingBrace is the index of the } that closes the { at open, or
// len(src) when it is missing.
func matchingBrace(src string, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(src)
}

// screenMedia reports whether a media query list certainly applies on a
// screen of any size: screen, all, or empty.
func screenMedia(q string) bool {
	for _, part := range strings.Split(strings.ToLower(q), ",") {
		p := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "only "))
		if p == "" || p == "screen" || p == "all" {
			return true
		}
	}
	return false
}

// parseDecls keeps the declarations of hiding properties.
func parseDecls(body string) []decl {
	var out []decl
	for _, d := range splitTop(body, ';') {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		if !hidingProps[k] {
			continue
		}
		v = strings.ToLower(strings.TrimSpace(v))
		important := false
		if i := strings.LastIndexByte(v, '!'); i >= 0 && strings.TrimSpace(v[i+1:]) == "important" {
			v, important = strings.TrimSpace(v[:i]), true
		}
		out = append(out, decl{k, v, important})
	}
	return out
}

// splitTop splits s at sep outside brackets, parentheses and quotes.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// parseSelector reads one complex selector; ok is false for one the
// reader does not know.
func parseSelector(s string) (sel []simpleSel, spec int, ok bool) {
	if s == "" {
		return nil, 0, false
	}
	var comb byte
	i := 0
	for i < len(s) {
		// A combinator, or whitespace before the next compound.
		ws := false
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
			i, ws = i+1, true
		}
		if i == len(s) {
			break
		}
		switch s[i] {
		case '>', '+', '~':
			comb = s[i]
			i++
			for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
				i++
			}
		default:
			if ws && len(sel) > 0 {
				comb = ' '
			}
		}
		if len(sel) > 0 && comb == 0 || len(sel) == 0 && comb != 0 {
			return nil, 0, false
		}
		c := simpleSel{comb: comb}
		if len(sel) == 0 {
			c.comb = 0
		}
		comb = 0
		start := i
		if i < len(s) && s[i] == '*' {
			i++
		} else {
			j := i
			for j < len(s) && isNameByte(s[j]) {
				j++
			}
			if j > i {
				c.tag = strings.ToLower(s[i:j])
				spec++
				i = j
			}
		}
		for i < len(s) {
			switch s[i] {
			case '#', '.':
				j := i + 1
				for j < len(s) && isNameByte(s[j]) {
					j++
				}
				if j == i+1 {
					return nil, 0, false
				}
				if s[i] == '#' {
					c.id = s[i+1 : j]
					spec += 1 << 20
				} else {
					c.classes = append(c.classes, s[i+1:j])
					spec += 1 << 10
				}
				i = j
				continue
			case '[':
				end := strings.IndexByte(s[i:], ']')
				if end < 0 {
					return nil, 0, false
				}
				a, good := parseAttrSel(s[i+1 : i+end])
				if !good {
					return nil, 0, false
				}
				c.attrs = append(c.attrs, a)
				spec += 1 << 10
				i += end + 1
				continue
			}
			break
		}
		if i == start {
			return nil, 0, false // a pseudo-class, namespace or stray character
		}
		if i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' && s[i] != '>' && s[i] != '+' && s[i] != '~' {
			return nil, 0, false
		}
		sel = append(sel, c)
		if len(sel) > maxCompounds {
			return nil, 0, false
		}
	}
	return sel, spec, len(sel) > 0 && comb == 0
}

func parseAttrSel(s string) (attrSel, bool) {
	s = strings.TrimSpace(s)
	j := 0
	for j < len(s) && isNameByte(s[j]) {
		j++
	}
	if j == 0 {
		return attrSel{}, false
	}
	a := attrSel{key: strings.ToLower(s[:j])}
	rest := strings.TrimSpace(s[j:])
	if rest == "" {
		return a, true
	}
	for _, op := range []string{"~=", "|=", "^=", "$=", "*=", "="} {
		if v, ok := strings.CutPrefix(rest, op); ok {
			a.op = op
			v = strings.TrimSpace(v)
			if f, ok := strings.CutSuffix(v, " i"); ok {
				v, a.fold = strings.TrimSpace(f), true
			} else if f, ok := strings.CutSuffix(v, " s"); ok {
				v = strings.TrimSpace(f)
			}
			if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
				v = v[1 : len(v)-1]
			} else {
				for k := 0; k < len(v); k++ {
					if !isNameByte(v[k]) {
						return attrSel{}, false
					}
				}
			}
			a.val = v
			return a, true
		}
	}
	return attrSel{}, false
}

// matches reports whether n matches the selector ending at sel[i].
func matches(sel []simpleSel, i int, n *node) bool {
	if !sel[i].match(n) {
		return false
	}
	if i == 0 {
		return true
	}
	switch sel[i].comb {
	case '>':
		return n.parent != nil && n.parent.tag != "#document" && matches(sel, i-1, n.parent)
	case ' ':
		for p := n.parent; p != nil && p.tag != "#document"; p = p.parent {
			if matches(sel, i-1, p) {
				return true
			}
		}
	case '+':
		if prev := prevElement(n); prev != nil {
			return matches(sel, i-1, prev)
		}
	case '~':
		for prev := prevElement(n); prev != nil; prev = prevElement(prev) {
			if matches(sel, i-1, prev) {
				return true
			}
		}
	}
	return false
}

func prevElement(n *node) *node {
	if n.parent == nil {
		return nil
	}
	var prev *node
	for _, c := range n.parent.children {
		if c == n {
			return prev
		}
		if c.tag != "" {
			prev = c
		}
	}
	return nil
}

func (c *simpleSel) match(n *node) bool {
	if n.tag == "" || n.tag == "#document" || c.tag != "" && c.tag != n.tag {
		return false
	}
	if c.id != "" {
		if id, _ := n.attr("id"); id != c.id {
			return false
		}
	}
	for _, cl := range c.classes {
		if !contains(n.classList(), cl) {
			return false
		}
	}
	for _, a := range c.attrs {
		v, ok := n.attr(a.key)
		if !ok || !a.match(v) {
			return false
		}
	}
	return true
}

func (a attrSel) match(v string) bool {
	want := a.val
	if a.fold {
		v, want = strings.ToLower(v), strings.ToLower(want)
	}
	switch a.op {
	case "":
		return true
	case "=":
		return v == want
	case "~=":
		return want != "" && contains(strings.Fields(v), want)
	case "|=":
		return v == want || strings.HasPrefix(v, want+"-")
	case "^=":
		return want != "" && strings.HasPrefix(v, want)
	case "$=":
		return want != "" && strings.HasSuffix(v, want)
	case "*=":
		return want != "" && strings.Contains(v, want)
	}
	return false
}

// classList is the classes of n, split once.
func (n *node) classList() []string {
	if n.classes == nil {
		c, _ := n.attr("class")
		n.classes = strings.Fields(c)
		if n.classes == nil {
			n.classes = []string{}
		}
	}
	return n.classes
}
