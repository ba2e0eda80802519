package check

import "strings"

// The aria-* rules of axe-core that follow from the role table, with
// axe-core's ids, selectors and exceptions (axe-core 4.14). Each reports
// only what axe-core reports as a violation; what it asks a person to
// review is left out.

// namingProhibited are the elements on which ARIA in HTML prohibits
// aria-label and aria-labelledby without a role (axe-core's htmlElms);
// <a> and <area> only without href.
var namingProhibited = setOf(`a abbr area b bdi bdo body caption cite code data dd del div em figcaption i ins kbd label
legend mark p pre q rp rt s samp small span strong sub sup time u var`)

// knownElements are the HTML elements of axe-core's htmlElms that have
// naming methods: a role given to them is named the native way.
var namingMethods = setOf("area br hr button fieldset figure img input output select summary svg table textarea")

// implicitAttrs are the states an element has without the attribute
// (axe-core's htmlElms implicitAttrs).
func implicitAttr(n *node, attr string) bool {
	switch n.tag {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return attr == "aria-level"
	case "datalist":
		return attr == "aria-multiselectable"
	case "li":
		return attr == "aria-setsize" || attr == "aria-posinset"
	case "option":
		return attr == "aria-selected"
	case "progress":
		return attr == "aria-valuemax" || attr == "aria-valuemin" || attr == "aria-valuenow"
	case "select":
		return attr == "aria-valuenow"
	case "textarea":
		return attr == "aria-valuenow" || attr == "aria-multiline"
	case "input":
		switch strings.ToLower(attrOr(n, "type")) {
		case "checkbox", "radio":
			return attr == "aria-checked"
		}
		return attr == "aria-valuenow"
	}
	return false
}

// noNamingMethod is axe-core's no-naming-method-matches: the element has
// no native way to be named, so its role's name rule applies.
func (p *page) noNamingMethod(n *node) bool {
	if namingMethods[n.tag] || n.tag == "a" && n.has("href") {
		return false
	}
	if explicitRole(n) == "combobox" {
		found := false
		n.walk(func(c *node) bool {
			if c != n && c.tag == "input" && !strings.EqualFold(attrOr(c, "type"), "hidden") {
				found = true
			}
			return !found
		})
		if found {
			return false
		}
	}
	return true
}

// nameRules are axe-core's rules that a role needs a name: the roles
// they select (exactly as written in role) and whether visible text
// counts.
var nameRules = []struct {
	Rule, what string
	roles      []string
	content    bool
}{
	{Rule: "aria-command-name", what: "Das Bedienelement", roles: []string{"link", "button", "menuitem"}, content: true},
	{Rule: "aria-input-field-name", what: "Das Eingabefeld", roles: []string{"combobox", "listbox", "searchbox", "slider", "spinbutton", "textbox"}, content: false},
	{Rule: "aria-toggle-field-name", what: "Das Auswahlfeld", roles: []string{"checkbox", "menuitemcheckbox", "menuitemradio", "radio", "switch", "option"}, content: true},
	{Rule: "aria-meter-name", what: "Die Anzeige (meter)", roles: []string{"meter"}, content: false},
	{Rule: "aria-progressbar-name", what: "Der Fortschrittsbalken", roles: []string{"progressbar"}, content: false},
	{Rule: "aria-tooltip-name", what: "Der Tooltip", roles: []string{"tooltip"}, content: true},
	{Rule: "aria-treeitem-name", what: "Der Eintrag im Baum (treeitem)", roles: []string{"treeitem"}, content: true},
	{Rule: "aria-tab-name", what: "Der Reiter (tab)", roles: []string{"tab"}, content: true},
	{Rule: "aria-dialog-name", what: "Der Dialog", roles: []string{"dialog", "alertdialog"}, content: false},
}

// ariaRules runs the rules of the role table on a visible element.
func (p *page) ariaRules(n *node, role string) {
	roleAttr, hasRole := n.attr("role")
	if hasRole && !n.foreign {
		for _, r := range nameRules {
			if !contains(r.roles, roleAttr) || !p.noNamingMethod(n) {
				continue
			}
			if r.content && p.contentText(n) != "" || p.ariaNamed(n) || sanitize(attrOr(n, "title")) != "" {
				continue
			}
			p.add(r.Rule, n, "%s (role=%q) hat keinen Namen. Geben Sie ihm aria-label oder verweisen Sie mit aria-labelledby auf seine sichtbare Beschriftung.", r.what, roleAttr)
		}
		if (roleAttr == "img" || roleAttr == "image") && n.tag != "img" && n.tag != "area" && n.tag != "input" && n.tag != "object" &&
			!p.ariaNamed(n) && sanitize(attrOr(n, "title")) == "" {
			p.add("role-img-alt", n, "das Element hat role=%q, aber keinen Namen. Beschreiben Sie das Bild mit aria-label.", roleAttr)
		}
		if roleAttr == "text" {
			if inner := p.focusableWidgetInside(n); inner != nil {
				p.add("aria-text", n, "in role=\"text\" steht das Bedienelement <%s> (Zeile %d). role=\"text\" macht den Inhalt zu reinem Text; ein Bedienelement darin wird unerreichbar. Nehmen Sie es heraus oder entfernen Sie role.", inner.tag, p.line(inner))
			}
		}
	}
	if hasRole && strings.TrimSpace(roleAttr) != "" {
		if r := fallbackRole(n); r != "" && roleTable[r].deprecated {
			p.add("aria-deprecated-role", n, "role=%q ist in WAI-ARIA veraltet. Verwenden Sie eine andere Rolle.", r)
		}
		if fallbackRole(n) != "" {
			p.allowedRole(n)
		}
		if r := explicitRole(n); r != "" {
			p.requiredAttrs(n, r)
			if len(roleTable[r].owned) > 0 {
				p.requiredChildren(n, r)
			}
			if len(roleTable[r].context) > 0 {
				p.requiredParent(n, r)
			}
		}
	}
	if (n.tag == "img" && n.has("alt") && attrOr(n, "alt") == "" || roleAttr == "none" || roleAttr == "presentation") && !n.foreign {
		p.presentationConflict(n)
	}
	hasARIA := false
	for _, a := range n.attrs {
		if strings.HasPrefix(a.Key, "aria-") {
			hasARIA = true
			break
		}
	}
	if hasARIA {
		p.allowedAttrs(n, role)
		p.prohibitedAttrs(n)
	}
}

// fallbackRole is the first token of role that is a valid role, abstract
// ones included, as axe-core reads it with fallback.
func fallbackRole(n *node) string {
	v, _ := n.attr("role")
	for r := range strings.FieldsSeq(v) {
		r = strings.ToLower(r)
		if d := roleTable[r]; d != nil && d.kind != "abstract" {
			return r
		}
	}
	return ""
}

// focusableWidgetInside is the first focusable widget among the
// descendants of n (axe-core's no-focusable-content).
func (p *page) focusableWidgetInside(n *node) *node {
	stack := make([]*node, 0, len(n.children))
	for i := len(n.children) - 1; i >= 0; i-- {
		stack = append(stack, n.children[i])
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.tag == "" {
			continue
		}
		if def := roleTable[p.role(c)]; def != nil && def.kind == "widget" && p.focusable(c) {
			return c
		}
		for i := len(c.children) - 1; i >= 0; i-- {
			stack = append(stack, c.children[i])
		}
	}
	return nil
}

// requiredAttrs: a role's required states are set (aria-required-attr),
// with axe-core's exceptions.
func (p *page) requiredAttrs(n *node, role string) {
	def := roleTable[role]
	if len(def.required) == 0 {
		return
	}
	switch {
	case role == "separator" && !p.focusable(n),
		role == "combobox" && attrOr(n, "aria-expanded") == "false",
		role == "slider" && attrOr(n, "aria-valuetext") != "":
		return
	}
	var missing []string
	for _, a := range def.required {
		if attrOr(n, a) == "" && !implicitAttr(n, a) {
			missing = append(missing, a)
		}
	}
	if len(missing) > 0 {
		p.add("aria-required-attr", n, "die Rolle %s braucht %s. Setzen Sie den Zustand, zum Beispiel %s=\"false\".", role, strings.Join(missing, ", "), missing[0])
	}
}

// allowedAttrs: the aria-* attributes fit the element's role
// (aria-allowed-attr).
func (p *page) allowedAttrs(n *node, role string) {
	def := roleTable[role]
	var bad []string
	for _, a := range n.attrs {
		ad := attrTable[a.Key]
		if ad == nil || ad.global {
			continue
		}
		if def != nil && (contains(def.allowed, a.Key) || contains(def.required, a.Key)) {
			continue
		}
		if role == "row" && contains([]string{"aria-posinset", "aria-setsize", "aria-expanded", "aria-level"}, a.Key) {
			if t := closestRole(p, n, "treegrid", "table", "grid"); t != nil && p.role(t) == "treegrid" {
				continue
			}
		}
		bad = append(bad, a.Key)
	}
	if len(bad) > 0 {
		shown := role
		if shown == "" {
			shown = "keine"
		}
		p.add("aria-allowed-attr", n, "%s passt nicht zur Rolle des Elements (%s). Entfernen Sie das Attribut oder geben Sie dem Element die passende Rolle.", strings.Join(bad, ", "), shown)
	}
}

func closestRole(p *page, n *node, roles ...string) *node {
	for a := n.parent; a != nil; a = a.parent {
		if contains(roles, p.role(a)) {
			return a
		}
	}
	return nil
}

// prohibitedAttrs: aria-label and aria-labelledby where the role (or
// element without one) prohibits them, and no text in it would give the
// name instead (aria-prohibited-attr).
func (p *page) prohibitedAttrs(n *node) {
	var list []string
	if r := fallbackRole(n); r != "" {
		list = roleTable[r].prohibited
	} else {
		if n.tag == "applet" || n.foreign || strings.Contains(n.tag, "-") || ancestorWidget(p, n) {
			return
		}
		if namingProhibited[n.tag] && !((n.tag == "a" || n.tag == "area") && n.has("href")) {
			list = []string{"aria-label", "aria-labelledby"}
		}
	}
	var found []string
	for _, a := range list {
		if v, ok := n.attr(a); ok && sanitize(v) != "" {
			found = append(found, a)
		}
	}
	if len(found) == 0 {
		return
	}
	if contains(found, "aria-labelledby") && len(found) <= 2 && (len(found) == 1 || contains(found, "aria-label")) {
		// axe-core asks for review when the label it names is there to
		// see.
		refs := p.idrefs(n, "aria-labelledby")
		if len(refs) == 0 && !contains(found, "aria-label") {
			return
		}
		visible := len(refs) > 0
		for _, r := range refs {
			visible = visible && !r.hidden
		}
		if visible && (!contains(found, "aria-label") || sanitize(p.labelledByText(n, nameCtx{start: n, processed: map[*node]bool{}, steps: new(int)})) != "") {
			return
		}
	}
	steps := 0
	if sanitize(p.subtreeText(n, nameCtx{start: n, subtreeDesc: true, processed: map[*node]bool{}, steps: &steps})) != "" {
		return // the text is read; axe-core asks for review
	}
	p.add("aria-prohibited-attr", n, "%s ist auf <%s> ohne passende Rolle verboten; Hilfsmittel lesen es nicht vor. Schreiben Sie den Text sichtbar hinein oder geben Sie dem Element eine Rolle, die einen Namen haben darf.", strings.Join(found, " und "), n.tag)
}

// ancestorWidget: the nearest ancestor with a role is a widget.
func ancestorWidget(p *page, n *node) bool {
	for a := n.parent; a != nil; a = a.parent {
		if r := p.role(a); r != "" {
			return roleTable[r] != nil && roleTable[r].kind == "widget"
		}
	}
	return false
}

// presentationConflict: an element made presentational that is
// focusable or has global ARIA attributes keeps its role
// (presentation-role-conflict).
func (p *page) presentationConflict(n *node) {
	if p.implicitRole(n) == "" && !(n.tag == "img") {
		return // nothing to take away
	}
	if p.focusable(n) || hasGlobalARIA(n) {
		p.add("presentation-role-conflict", n, "das Element soll ohne Rolle sein (role=\"none\"/\"presentation\" oder alt=\"\"), ist aber fokussierbar oder hat globale aria-Attribute; so behält es seine Rolle. Entfernen Sie das eine oder das andere.")
	}
}

// requiredChildren: a role that needs owned elements (list, menu, tablist,
// …) has them, and no others (aria-required-children).
func (p *page) requiredChildren(n *node, role string) {
	required := roleTable[role].owned
	type owned struct {
		role string
		n    *node
	}
	var roles []owned
	content := false
	queue := append([]*node(nil), p.owned(n)...)
	for len(queue) > 0 && len(roles) < 10_000 {
		c := queue[0]
		queue = queue[1:]
		if c.tag == "" {
			content = content || strings.TrimSpace(c.text) != ""
			continue
		}
		if c.hidden {
			continue
		}
		r := p.role(c)
		if presentational(r) {
			r = ""
		}
		globalOrFocus := hasGlobalARIA(c) || p.focusable(c)
		switch {
		case r == "" && !globalOrFocus, (r == "group" || r == "rowgroup") && contains(required, r):
			queue = append(queue, c.children...)
		default:
			roles = append(roles, owned{r, c})
		}
	}
	for _, o := range roles {
		if contains(required, o.role) {
			continue
		}
		if d := roleTable[o.role]; d != nil && contains(d.context, role) {
			continue
		}
		what := "ohne Rolle"
		if o.role != "" {
			what = "mit der Rolle " + o.role
		}
		p.add("aria-required-children", n, "in role=%q steht <%s> %s (Zeile %d); erlaubt sind nur %s. Geben Sie den Einträgen die passende Rolle.", role, o.n.tag, what, p.line(o.n), strings.Join(required, ", "))
		return
	}
	for _, o := range roles {
		if contains(required, o.role) {
			return
		}
	}
	if attrOr(n, "aria-busy") == "true" {
		return
	}
	if contains(reviewEmpty, role) {
		for _, o := range roles {
			content = content || p.contentText(o.n) != "" || o.n.tag == "img"
		}
		if !content {
			return // empty: axe-core asks for review
		}
	}
	p.add("aria-required-children", n, "role=%q braucht Einträge mit der Rolle %s. Geben Sie den Einträgen diese Rolle oder entfernen Sie role.", role, strings.Join(required, " oder "))
}

// reviewEmpty are the roles axe-core only asks about when they are empty.
var reviewEmpty = []string{"doc-bibliography", "doc-endnotes", "grid", "list", "listbox", "menu", "menubar", "table", "tablist", "tree", "treegrid", "rowgroup"}

// requiredParent: a role that needs a context (listitem, tab, option,
// …) stands in it, directly or through an aria-owns (aria-required-parent).
func (p *page) requiredParent(n *node, role string) {
	context := append([]string(nil), roleTable[role].context...)
	missing := p.missingContext(n, role, context, false)
	if missing == nil {
		return
	}
	for a := n; a != nil && missing != nil; a = a.parent {
		if id, ok := a.attr("id"); ok && id != "" {
			if owner := p.owner(id); owner != nil {
				missing = p.missingContext(owner, role, missing, true)
			}
		}
	}
	if missing != nil {
		p.add("aria-required-parent", n, "role=%q muss in einem Element mit der Rolle %s stehen. Setzen Sie es in ein solches oder entfernen Sie role.", role, strings.Join(missing, " oder "))
	}
}

// missingContext is the context roles still missing around v (v itself
// included with self), nil when one is there.
func (p *page) missingContext(v *node, role string, context []string, self bool) []string {
	allowsGroup := contains(context, "group")
	if !self {
		v = v.parent
	}
	for ; v != nil; v = v.parent {
		r := p.role(v)
		if presentational(r) {
			r = ""
		}
		switch {
		case r == "":
		case r == "group" && allowsGroup:
			if role == "listitem" || role == "treeitem" {
				context = append(context, role)
			}
			var rest []string
			for _, c := range context {
				if c != "group" {
					rest = append(rest, c)
				}
			}
			context, allowsGroup = rest, false
		case contains(context, r):
			return nil
		default:
			return context
		}
	}
	return context
}

// owner is the first element whose aria-owns names id.
func (p *page) owner(id string) *node {
	if p.owners == nil {
		p.owners = map[string]*node{}
		p.root.walk(func(n *node) bool {
			if v, ok := n.attr("aria-owns"); ok {
				for t := range strings.FieldsSeq(v) {
					if p.owners[t] == nil {
						p.owners[t] = n
					}
				}
			}
			return true
		})
	}
	return p.owners[id]
}

// dpubRoles are the DPUB roles axe-core allows only where the element's
// own role is of their type.
var dpubRoles = []string{"doc-backlink", "doc-biblioentry", "doc-biblioref", "doc-cover", "doc-endnote", "doc-glossref", "doc-noteref"}

// noRoleInputs are the input types that allow no role.
var noRoleInputs = setOf("color date datetime-local file month number password range reset submit time week")

// elementRoleSpec is the entry of elementRoles for n, its variant
// chosen as axe-core chooses it; false for what is no HTML element.
func (p *page) elementRoleSpec(n *node) (elemRoles, bool) {
	base, ok := elementRoles[n.tag]
	if !ok || n.foreign {
		return elemRoles{}, false
	}
	variant := ""
	switch n.tag {
	case "a", "area":
		if n.has("href") {
			variant = n.tag + ":href"
		}
	case "figure":
		for _, c := range n.children {
			if c.tag == "figcaption" {
				variant = "figure:figcaption"
			}
		}
	case "img":
		if attrOr(n, "alt") != "" || p.name(n) != "" {
			variant = "img:nonEmptyAlt"
		}
	case "input":
		switch typ := strings.ToLower(strings.TrimSpace(attrOr(n, "type"))); {
		case typ == "button":
			variant = "input:button"
		case typ == "checkbox" && n.has("aria-pressed"):
			variant = "input:checkboxPressed"
		case typ == "checkbox":
			variant = "input:checkbox"
		case noRoleInputs[typ]:
			variant = "input:noRoles"
		case typ == "hidden", typ == "image", typ == "radio":
			variant = "input:" + typ
		case (typ == "text" || !knownInputType[typ]) && n.has("list"):
			variant = "input:textWithList"
		}
	case "select":
		if size, ok := n.attr("size"); !n.has("multiple") && (!ok || size == "1") {
			variant = "select:combobox"
		}
	case "summary":
		if d := n.parent; d != nil && d.tag == "details" {
			for _, c := range d.children {
				if c.tag == "summary" {
					if c == n {
						variant = "summary:summaryForDetails"
					}
					break
				}
			}
		}
	}
	if v, ok := elementRoles[variant]; ok {
		return v, true
	}
	return base, true
}

var knownInputType = setOf(`button checkbox color date datetime-local email file hidden image month number password radio
range reset search submit tel text time url week`)

// allowedRole: the roles given to an HTML element are ones ARIA in HTML
// allows on it (aria-allowed-role).
func (p *page) allowedRole(n *node) {
	spec, ok := p.elementRoleSpec(n)
	if !ok {
		return
	}
	implicit := p.implicitRole(n)
	if implicit == "" {
		implicit = map[string]string{"header": "banner", "footer": "contentinfo"}[n.tag]
	}
	var bad []string
	for r := range strings.FieldsSeq(strings.ToLower(attrOr(n, "role"))) {
		d := roleTable[r]
		if d == nil || d.kind == "abstract" || r == implicit {
			continue
		}
		allowed := spec.any || contains(spec.roles, r)
		if contains(dpubRoles, r) && d.kind != implicit {
			allowed = false
		}
		if !allowed && !contains(bad, r) {
			bad = append(bad, r)
		}
	}
	if len(bad) > 0 {
		p.add("aria-allowed-role", n, "role=%q ist auf <%s> nicht erlaubt (ARIA in HTML). Nehmen Sie ein Element, das diese Rolle hat, oder lassen Sie role weg.", strings.Join(bad, " "), n.tag)
	}
}
