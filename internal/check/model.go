package check

import (
	"path"
	"strconv"
	"strings"
)

// The model of a page that every rule shares: which elements are hidden
// (from the page's own stylesheets, style attributes, hidden, aria-hidden
// and inert), each element's role (explicit, implicit after HTML-AAM and
// "ARIA in HTML", presentational roles resolved), whether it can take
// the focus, and its accessible name (accname.go). axe-core's sources
// are the reference for what each means.

// nativelyHidden elements are never rendered.
var nativelyHidden = setOf("style script noscript template")

// uaHidden are the elements the browser's own stylesheet does not
// display.
var uaHidden = setOf("area base basefont datalist head link meta noembed noframes param rp script style template title")

// sheetLookup finds a stylesheet the page links to by its address as the
// page writes it; nil when it is not one of the checked files.
type sheetLookup func(page, href string) *stylesheet

// model computes hiddenness for every node of the page, in one pass in
// document order.
func (p *page) model(lookup sheetLookup) {
	var sheets []*stylesheet
	p.root.walk(func(n *node) bool {
		switch n.tag {
		case "style":
			if m, ok := n.attr("media"); !ok || screenMedia(m) {
				sheets = append(sheets, parseCSS(n.textContent()))
			}
			return false
		case "link":
			rel, _ := n.attr("rel")
			href, _ := n.attr("href")
			m, hasMedia := n.attr("media")
			if contains(strings.Fields(strings.ToLower(rel)), "stylesheet") && href != "" && (!hasMedia || screenMedia(m)) && lookup != nil {
				if s := lookup(p.file, href); s != nil {
					sheets = append(sheets, s)
				}
			}
		}
		return true
	})
	markText(p.root)
	p.sheets = sheets
	rules := newRuleIndex(sheets, false)
	hides := newRuleIndex(sheets, true)
	type state struct {
		none       bool // display: none here or above, or never rendered
		visibility string
		ariaHidden bool
		inert      bool
	}
	type item struct {
		n  *node
		st state
	}
	stack := []item{{p.root, state{visibility: "visible"}}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n, st := it.n, it.st
		if n.tag == "" {
			n.gone = st.none || st.visibility != "visible"
			n.hidden = n.gone || st.ariaHidden || st.inert
			continue
		}
		if n.tag != "#document" && !n.foreign || n.tag == "svg" || n.tag == "math" {
			uaNone := uaHidden[n.tag] && n.tag != "area" || n.has("hidden") || n.tag == "dialog" && !n.has("open") ||
				n.tag == "input" && strings.EqualFold(attrOr(n, "type"), "hidden")
			// The whole cascade only where it can hide or show: most
			// elements match no rule that hides and are not hidden.
			var display, visibility, cv string
			if uaNone || st.visibility != "visible" || n.has("style") || hides.matchAny(n) {
				display, visibility, cv = p.cascade(n, rules)
			}
			if display == "" && uaNone {
				display = "none"
			}
			switch visibility {
			case "", "inherit", "unset": // inherited
			case "initial", "revert", "revert-layer":
				st.visibility = "visible"
			case "visible", "hidden", "collapse":
				st.visibility = visibility
			}
			if display == "none" || nativelyHidden[n.tag] || detailsHidden(n) {
				st.none = true
			}
			if h, _ := n.attr("aria-hidden"); strings.TrimSpace(strings.ToLower(h)) == "true" {
				st.ariaHidden = true
			}
			if n.has("inert") {
				st.inert = true
			}
			n.gone = st.none || st.visibility == "hidden" || st.visibility == "collapse"
			n.hidden = n.gone || st.ariaHidden || st.inert
			if cv == "hidden" {
				st.none = true // content-visibility hides the content, not the element
			}
		} else if n.foreign {
			n.gone, n.hidden = st.none || st.visibility != "visible", st.none || st.visibility != "visible" || st.ariaHidden || st.inert
			if h, _ := n.attr("aria-hidden"); strings.TrimSpace(h) == "true" {
				st.ariaHidden, n.hidden = true, true
			}
		}
		for i := len(n.children) - 1; i >= 0; i-- {
			stack = append(stack, item{n.children[i], st})
		}
	}
}

// textAttrs are the attributes that can give an element text for a name.
var textAttrs = []string{"aria-label", "aria-labelledby", "aria-owns", "alt", "title", "value", "placeholder", "aria-valuenow"}

// markText sets mayText on every node, from the leaves up, so that the
// name computation passes over what can give no text in one step.
func markText(root *node) {
	var order []*node
	root.walk(func(n *node) bool { order = append(order, n); return true })
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		if n.tag == "" {
			n.mayText = true
		} else if !n.mayText {
			switch n.tag {
			case "br", "hr", "input", "select", "textarea":
				n.mayText = true
			default:
				for _, k := range textAttrs {
					if n.has(k) {
						n.mayText = true
						break
					}
				}
			}
		}
		if n.mayText && n.parent != nil {
			n.parent.mayText = true
		}
	}
}

func attrOr(n *node, key string) string {
	v, _ := n.attr(key)
	return v
}

// detailsHidden: the content of a closed <details> but its first
// summary.
func detailsHidden(n *node) bool {
	d := n.parent
	if d == nil || d.tag != "details" || d.has("open") {
		return false
	}
	if n.tag == "summary" {
		for _, c := range d.children {
			if c.tag == "summary" {
				return c != n
			}
		}
	}
	return true
}

// cascade returns the display, visibility and content-visibility that
// the stylesheets and the style attribute give n ("" where none does).
func (p *page) cascade(n *node, rules *ruleIndex) (display, visibility, cv string) {
	type win struct {
		val       string
		important bool
		spec      int
		order     int
		set       bool
	}
	var w [3]win
	idx := func(prop string) int {
		switch prop {
		case "display":
			return 0
		case "visibility":
			return 1
		}
		return 2
	}
	better := func(cur win, important bool, spec, order int) bool {
		if !cur.set {
			return true
		}
		if important != cur.important {
			return important
		}
		if spec != cur.spec {
			return spec > cur.spec
		}
		return order > cur.order
	}
	apply := func(r *styleRule) {
		if !matchBudget(r.sel, n) {
			return
		}
		for _, d := range r.decls {
			k := idx(d.prop)
			if better(w[k], d.important, r.spec, r.order) {
				w[k] = win{d.val, d.important, r.spec, r.order, true}
			}
		}
	}
	rules.candidates(n, apply)
	if style, ok := n.attr("style"); ok {
		for _, d := range parseDecls(style) {
			k := idx(d.prop)
			// The style attribute beats every rule but an important one.
			if !w[k].set || !w[k].important || d.important {
				w[k] = win{d.val, d.important, 1 << 30, 0, true}
			}
		}
	}
	return w[0].val, w[1].val, w[2].val
}

// ruleIndex finds the rules that may match an element by the id, a
// class or the type its selector asks for on the right.
type ruleIndex struct {
	byID, byClass, byTag map[string][]*styleRule
	any                  []*styleRule
}

func newRuleIndex(sheets []*stylesheet, onlyHiding bool) *ruleIndex {
	x := &ruleIndex{byID: map[string][]*styleRule{}, byClass: map[string][]*styleRule{}, byTag: map[string][]*styleRule{}}
	order := 0
	for _, s := range sheets {
		for i := range s.rules {
			// Each page numbers the rules of its sheets in its own order.
			r := s.rules[i]
			order++
			r.order = order
			if onlyHiding && !r.hides() {
				continue
			}
			last := r.sel[len(r.sel)-1]
			switch {
			case last.id != "":
				x.byID[last.id] = append(x.byID[last.id], &r)
			case len(last.classes) > 0:
				x.byClass[last.classes[0]] = append(x.byClass[last.classes[0]], &r)
			case last.tag != "":
				x.byTag[last.tag] = append(x.byTag[last.tag], &r)
			default:
				x.any = append(x.any, &r)
			}
		}
	}
	return x
}

// hides reports whether the rule can hide an element.
func (r *styleRule) hides() bool {
	for _, d := range r.decls {
		switch {
		case d.prop == "display" && d.val == "none",
			d.prop == "visibility" && (d.val == "hidden" || d.val == "collapse"),
			d.prop == "content-visibility" && d.val == "hidden":
			return true
		}
	}
	return false
}

// matchAny reports whether a rule of the index matches n.
func (x *ruleIndex) matchAny(n *node) bool {
	found := false
	x.candidates(n, func(r *styleRule) {
		found = found || matchBudget(r.sel, n)
	})
	return found
}

// candidates calls f for each rule that may match n.
func (x *ruleIndex) candidates(n *node, f func(*styleRule)) {
	if len(x.byID)+len(x.byClass)+len(x.byTag)+len(x.any) == 0 {
		return
	}
	if id, ok := n.attr("id"); ok {
		for _, r := range x.byID[id] {
			f(r)
		}
	}
	if len(x.byClass) > 0 {
		for _, c := range n.classList() {
			for _, r := range x.byClass[c] {
				f(r)
			}
		}
	}
	for _, r := range x.byTag[n.tag] {
		f(r)
	}
	for _, r := range x.any {
		f(r)
	}
}

// matchBudget matches a selector against n, giving up (no match) after
// a bounded number of steps: descendant combinators can backtrack
// without end on deep pages.
func matchBudget(sel []simpleSel, n *node) bool {
	if len(sel) == 0 || !sel[len(sel)-1].match(n) {
		return false
	}
	budget := 4096
	return matchFrom(sel, len(sel)-1, n, &budget)
}

func matchFrom(sel []simpleSel, i int, n *node, budget *int) bool {
	*budget--
	if *budget < 0 || !sel[i].match(n) {
		return false
	}
	if i == 0 {
		return true
	}
	switch sel[i].comb {
	case '>':
		return n.parent != nil && matchFrom(sel, i-1, n.parent, budget)
	case ' ':
		for a := n.parent; a != nil && *budget >= 0; a = a.parent {
			if matchFrom(sel, i-1, a, budget) {
				return true
			}
		}
	case '+':
		if prev := prevElement(n); prev != nil {
			return matchFrom(sel, i-1, prev, budget)
		}
	case '~':
		for prev := prevElement(n); prev != nil && *budget >= 0; prev = prevElement(prev) {
			if matchFrom(sel, i-1, prev, budget) {
				return true
			}
		}
	}
	return false
}

// resolveSheet finds the stylesheet a page at pagePath links with href
// among sheets (by path as the checked files have it).
func resolveSheet(sheets map[string]*stylesheet, pagePath, href string) *stylesheet {
	href, _, _ = strings.Cut(href, "#")
	href, _, _ = strings.Cut(href, "?")
	if href == "" || strings.Contains(href, ":") || strings.HasPrefix(href, "//") {
		return nil // another site, or data:
	}
	if !strings.HasPrefix(href, "/") {
		return sheets[path.Join(path.Dir(pagePath), href)]
	}
	// From the root of the site: the folder the page stands in or one of
	// its parents.
	for dir := path.Dir(pagePath); ; dir = path.Dir(dir) {
		if s, ok := sheets[path.Join(dir, href)]; ok {
			return s
		}
		if dir == "." || dir == "/" {
			return nil
		}
	}
}

// Roles.

// hasGlobalARIA reports whether n has a global aria-* attribute, which
// makes a presentational role void.
func hasGlobalARIA(n *node) bool {
	for _, a := range n.attrs {
		if strings.HasPrefix(a.Key, "aria-") {
			if d := attrTable[a.Key]; d != nil && d.global {
				return true
			}
		}
	}
	return false
}

// explicitRole is the role n's role attribute gives, if it is a valid,
// concrete one (as axe-core reads it: the whole attribute).
func explicitRole(n *node) string {
	r, ok := n.attr("role")
	if !ok || len(r) > 64 {
		return "" // no role is named that long
	}
	r = strings.ToLower(strings.TrimSpace(r))
	if d := roleTable[r]; d != nil && d.kind != "abstract" {
		return r
	}
	return ""
}

// role is the role of n: explicit, else implicit; a presentational role
// on a focusable element or one with global ARIA attributes is ignored.
func (p *page) role(n *node) string {
	if n.tag == "" || n.tag == "#document" {
		return ""
	}
	if n.roleDone == 2 {
		return n.role
	}
	if n.roleDone == 1 {
		return "" // a cycle through names (section, form): no role yet
	}
	n.roleDone = 1
	r := explicitRole(n)
	if r == "presentation" || r == "none" {
		if hasGlobalARIA(n) || p.focusable(n) {
			r = p.implicitRole(n)
		}
	} else if r == "" {
		r = p.implicitRole(n)
		if r != "" {
			if inh := inheritedPresentation(n); inh != "" {
				r = inh
			}
		}
	}
	n.role, n.roleDone = r, 2
	return r
}

// presentationChain: parts of tables and lists are presentational when
// the element they belong to is.
var presentationChain = map[string][]string{
	"td": {"tr"}, "th": {"tr"}, "tr": {"thead", "tbody", "tfoot", "table"}, "thead": {"table"}, "tbody": {"table"},
	"tfoot": {"table"}, "li": {"ol", "ul"}, "dt": {"dl", "div"}, "dd": {"dl", "div"}, "div": {"dl"},
}

func inheritedPresentation(n *node) string {
	for k := 0; k < 8 && n.parent != nil; k++ {
		parents := presentationChain[n.tag]
		if parents == nil || !contains(parents, n.parent.tag) {
			return ""
		}
		pr := explicitRole(n.parent)
		if pr == "presentation" || pr == "none" {
			if hasGlobalARIA(n.parent) || focusableNoDisabled(n.parent) {
				return ""
			}
			return pr
		}
		if pr != "" {
			return ""
		}
		n = n.parent
	}
	return ""
}

func focusableNoDisabled(n *node) bool {
	_, ok := parseTabindex(n)
	return ok || nativelyFocusable(n)
}

// implicitRole is the role HTML gives n (HTML-AAM, as axe-core maps it).
func (p *page) implicitRole(n *node) string {
	switch n.tag {
	case "a", "area":
		if n.has("href") {
			return "link"
		}
	case "article":
		return "article"
	case "aside":
		if p.inSectioning(n, false) && !p.hasOwnName(n, true) {
			return ""
		}
		return "complementary"
	case "body":
		return "document"
	case "button", "summary":
		return "button"
	case "datalist":
		return "listbox"
	case "dd":
		return "definition"
	case "dfn", "dt":
		return "term"
	case "details":
		return "group"
	case "dialog":
		return "dialog"
	case "fieldset", "optgroup":
		return "group"
	case "figure":
		return "figure"
	case "footer", "header":
		if p.inSectioning(n, true) {
			return ""
		}
		if n.tag == "footer" {
			return "contentinfo"
		}
		return "banner"
	case "form":
		if p.hasOwnName(n, false) {
			return "form"
		}
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return "heading"
	case "hr":
		return "separator"
	case "img":
		if alt, ok := n.attr("alt"); ok && alt == "" && !hasGlobalARIA(n) && !p.focusable(n) {
			return "presentation"
		}
		return "img"
	case "input":
		list := false
		if id, ok := n.attr("list"); ok {
			if t := p.ids[id]; t != nil && t.tag == "datalist" {
				list = true
			}
		}
		switch strings.ToLower(attrOr(n, "type")) {
		case "checkbox":
			return "checkbox"
		case "number":
			return "spinbutton"
		case "radio":
			return "radio"
		case "range":
			return "slider"
		case "button", "image", "reset", "submit":
			return "button"
		case "search":
			if list {
				return "combobox"
			}
			return "searchbox"
		case "text", "tel", "url", "email", "":
			if list {
				return "combobox"
			}
		}
		return "textbox"
	case "li":
		return "listitem"
	case "main":
		return "main"
	case "math":
		return "math"
	case "menu", "ol", "ul":
		return "list"
	case "meter":
		return "meter"
	case "nav":
		return "navigation"
	case "option":
		return "option"
	case "output":
		return "status"
	case "progress":
		return "progressbar"
	case "search":
		return "search"
	case "section":
		if p.hasOwnName(n, false) {
			return "region"
		}
	case "select":
		if size, err := strconv.Atoi(strings.TrimSpace(attrOr(n, "size"))); n.has("multiple") || err == nil && size > 1 {
			return "listbox"
		}
		return "combobox"
	case "table":
		return "table"
	case "tbody", "thead", "tfoot":
		return "rowgroup"
	case "td":
		if t := n.closest("table"); t != nil {
			if r := explicitRole(t); r == "grid" || r == "treegrid" {
				return "gridcell"
			}
		}
		return "cell"
	case "th":
		return thRole(n)
	case "textarea":
		return "textbox"
	case "tr":
		return "row"
	}
	return ""
}

// thRole: a header cell heads its column unless scope or the table says
// it heads its row.
func thRole(n *node) string {
	switch strings.ToLower(strings.TrimSpace(attrOr(n, "scope"))) {
	case "row", "rowgroup":
		return "rowheader"
	case "col", "colgroup":
		return "columnheader"
	}
	row := n.parent
	if row == nil || row.tag != "tr" {
		return "columnheader"
	}
	allTH, x := true, -1
	for i, c := range cells(row) {
		if c.tag != "th" {
			allTH = false
		}
		if c == n {
			x = i
		}
	}
	if allTH {
		return "columnheader"
	}
	table := n.closest("table")
	if table == nil || x < 0 {
		return "columnheader"
	}
	column := true
	table.walk(func(c *node) bool {
		if c != table && c.tag == "table" {
			return false
		}
		if c.tag == "tr" {
			cs := cells(c)
			if x >= len(cs) || cs[x].tag != "th" {
				column = false
			}
			return false
		}
		return column
	})
	if column {
		return "rowheader"
	}
	return "columnheader"
}

func cells(row *node) []*node {
	var out []*node
	for _, c := range row.children {
		if c.tag == "td" || c.tag == "th" {
			out = append(out, c)
		}
	}
	return out
}

// inSectioning: n stands in sectioning content, or with main also in
// main, which makes <header> and <footer> generic (with main) and an
// unnamed <aside> too (without: an aside in main is complementary).
func (p *page) inSectioning(n *node, main bool) bool {
	for a := n.parent; a != nil; a = a.parent {
		switch a.tag {
		case "article", "aside", "nav", "section", "main":
			if !a.has("role") && (main || a.tag != "main") {
				return true
			}
		}
		switch explicitRole(a) {
		case "article", "complementary", "navigation", "region":
			return true
		case "main":
			if main {
				return true
			}
		}
	}
	return false
}

// Focus.

func parseTabindex(n *node) (int, bool) {
	v, ok := n.attr("tabindex")
	if !ok {
		return 0, false
	}
	v = strings.TrimSpace(v)
	end := 0
	if end < len(v) && (v[end] == '-' || v[end] == '+') {
		end++
	}
	digits := end
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	if end == digits {
		return 0, false
	}
	i, err := strconv.Atoi(v[:min(end, digits+9)])
	if err != nil {
		return 0, false
	}
	return i, true
}

var disabledAllowed = setOf("button command fieldset keygen optgroup option select textarea input")

func nativelyFocusable(n *node) bool {
	switch n.tag {
	case "a", "area":
		return n.has("href")
	case "input":
		return !strings.EqualFold(attrOr(n, "type"), "hidden")
	case "textarea", "select", "summary", "button":
		return true
	case "details":
		found := false
		n.walk(func(c *node) bool {
			if c.tag == "summary" {
				found = true
			}
			return !found
		})
		return !found
	}
	return false
}

// focusDisabled: disabled, inert, in a disabled fieldset (outside its
// legend), or hidden for everyone.
func (p *page) focusDisabled(n *node) bool {
	if disabledAllowed[n.tag] && n.has("disabled") || n.has("inert") {
		return true
	}
	for a := n.parent; a != nil; a = a.parent {
		if a.has("inert") {
			return true
		}
	}
	if disabledAllowed[n.tag] {
		for a := n.parent; a != nil && a.tag != "legend"; a = a.parent {
			if a.tag == "fieldset" && a.has("disabled") {
				return true
			}
		}
	}
	return n.tag != "area" && n.gone
}

// focusable reports whether n can take the focus (by mouse, script or
// the Tab key).
func (p *page) focusable(n *node) bool {
	if n.tag == "" || n.tag == "#document" || p.focusDisabled(n) {
		return false
	}
	if nativelyFocusable(n) {
		return true
	}
	_, ok := parseTabindex(n)
	return ok
}

// inTabOrder reports whether the Tab key reaches n.
func (p *page) inTabOrder(n *node) bool {
	if !p.focusable(n) {
		return false
	}
	i, ok := parseTabindex(n)
	return !ok || i >= 0
}
