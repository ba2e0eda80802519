package check

import "strings"

// name is the accessible name of n, following the parts of the accname
// computation that static HTML decides: aria-labelledby, aria-label,
// native labels (label, alt, legend, caption), content for elements named
// by their content, and title last. Parts hidden with aria-hidden do not
// count.
func (p *page) name(n *node) string {
	if s := p.labelled(n); s != "" {
		return s
	}
	switch n.tag {
	case "img", "area":
		alt, _ := n.attr("alt")
		if s := strings.TrimSpace(alt); s != "" {
			return s
		}
	case "input", "select", "textarea":
		if t, _ := n.attr("type"); t == "submit" || t == "reset" || t == "button" {
			v, _ := n.attr("value")
			return strings.TrimSpace(v)
		}
		if id, ok := n.attr("id"); ok && p.labels[id] != nil {
			if label := p.content(p.labels[id]); label != "" {
				return label
			}
		}
		if l := n.closest("label"); l != nil {
			if s := p.content(l); s != "" {
				return s
			}
		}
	case "fieldset":
		if l := firstElement(n); l != nil && l.tag == "legend" {
			return p.content(l)
		}
	case "table":
		for _, c := range n.children {
			if c.tag == "caption" {
				return p.content(c)
			}
		}
	case "svg":
		for _, c := range n.children {
			if c.tag == "title" {
				return c.textContent()
			}
		}
	default:
		if s := p.content(n); s != "" {
			return s
		}
	}
	t, _ := n.attr("title")
	return strings.TrimSpace(t)
}

// labelled returns the name given by aria-labelledby or aria-label.
func (p *page) labelled(n *node) string {
	if n == nil {
		return ""
	}
	if ids, ok := n.attr("aria-labelledby"); ok {
		var parts []string
		for _, id := range strings.Fields(ids) {
			if t, exists := p.ids[id]; exists {
				parts = append(parts, p.content(t))
			}
		}
		if s := strings.TrimSpace(strings.Join(parts, " ")); s != "" {
			return s
		}
	}
	l, _ := n.attr("aria-label")
	return strings.TrimSpace(l)
}

// content is the text of n for its name: text, alt of images, names of
// labelled children; hidden parts left out.
func (p *page) content(n *node) string {
	var b strings.Builder
	var visit func(c *node)
	visit = func(c *node) {
		if c.tag == "" {
			b.WriteString(c.text)
			return
		}
		if h, _ := c.attr("aria-hidden"); h == "true" || c.has("hidden") {
			return
		}
		switch c.tag {
		case "img":
			alt, _ := c.attr("alt")
			b.WriteString(" " + alt + " ")
			return
		case "script", "style", "template":
			return
		}
		if c != n {
			if s := p.labelled(c); s != "" {
				b.WriteString(" " + s + " ")
				return
			}
		}
		for _, k := range c.children {
			visit(k)
		}
		b.WriteByte(' ')
	}
	visit(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

var ariaRoles = setOf(`alert alertdialog application article banner blockquote button caption cell checkbox code
columnheader combobox complementary contentinfo definition deletion dialog directory document emphasis feed figure
form generic grid gridcell group heading img insertion link list listbox listitem log main marquee math menu menubar
menuitem menuitemcheckbox menuitemradio meter navigation none note option paragraph presentation progressbar radio
radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status strong
subscript superscript switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem
doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink doc-biblioentry doc-bibliography doc-biblioref
doc-chapter doc-colophon doc-conclusion doc-cover doc-credit doc-credits doc-dedication doc-endnote doc-endnotes
doc-epigraph doc-epilogue doc-errata doc-example doc-footnote doc-foreword doc-glossary doc-glossref doc-index
doc-introduction doc-noteref doc-notice doc-pagebreak doc-pagefooter doc-pageheader doc-pagelist doc-part doc-preface
doc-prologue doc-pullquote doc-qna doc-subtitle doc-tip doc-toc`)

var ariaAttrs = setOf(`aria-activedescendant aria-atomic aria-autocomplete aria-braillelabel aria-brailleroledescription
aria-busy aria-checked aria-colcount aria-colindex aria-colindextext aria-colspan aria-controls aria-current
aria-describedby aria-description aria-details aria-disabled aria-dropeffect aria-errormessage aria-expanded
aria-flowto aria-grabbed aria-haspopup aria-hidden aria-invalid aria-keyshortcuts aria-label aria-labelledby
aria-level aria-live aria-modal aria-multiline aria-multiselectable aria-orientation aria-owns aria-placeholder
aria-posinset aria-pressed aria-readonly aria-relevant aria-required aria-roledescription aria-rowcount
aria-rowindex aria-rowindextext aria-rowspan aria-selected aria-setsize aria-sort aria-valuemax aria-valuemin
aria-valuenow aria-valuetext`)

var idrefAttrs = []string{"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-flowto", "aria-details", "aria-errormessage", "aria-activedescendant"}

var ariaValues = map[string][]string{
	"aria-hidden":   {"true", "false", "undefined"},
	"aria-expanded": {"true", "false", "undefined"},
	"aria-live":     {"off", "polite", "assertive"},
	"aria-current":  {"page", "step", "location", "date", "time", "true", "false"},
	"aria-checked":  {"true", "false", "mixed", "undefined"},
	"aria-pressed":  {"true", "false", "mixed", "undefined"},
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// aria checks the ARIA attributes of n: known roles and attributes,
// allowed values, references to existing ids, nothing focusable hidden.
func (p *page) aria(n *node) {
	if r, ok := n.attr("role"); ok {
		for _, role := range strings.Fields(r) {
			if !ariaRoles[role] {
				p.add("aria-roles", Error, n, sc412, "role=%q gibt es nicht in WAI-ARIA 1.2.", role)
			}
		}
	}
	for _, a := range n.attrs {
		if !strings.HasPrefix(a.Key, "aria-") {
			continue
		}
		if !ariaAttrs[a.Key] {
			p.add("aria-valid-attr", Error, n, sc412, "das Attribut %s gibt es nicht in WAI-ARIA 1.2.", a.Key)
			continue
		}
		if allowed, ok := ariaValues[a.Key]; ok && !contains(allowed, a.Val) {
			p.add("aria-valid-attr-value", Error, n, sc412, "%s=%q ist kein erlaubter Wert. Erlaubt sind: %s.", a.Key, a.Val, strings.Join(allowed, ", "))
		}
	}
	for _, key := range idrefAttrs {
		v, ok := n.attr(key)
		if !ok {
			continue
		}
		for _, id := range strings.Fields(v) {
			if _, exists := p.ids[id]; !exists {
				p.add("aria-valid-attr-value", Error, n, sc412, "%s verweist auf die id %q, die es auf der Seite nicht gibt.", key, id)
			}
		}
	}
	if h, _ := n.attr("aria-hidden"); h == "true" {
		n.walk(func(c *node) bool {
			if focusable(c) {
				p.add("aria-hidden-focus", Error, c, sc412, "das Element ist mit aria-hidden versteckt, kann aber mit der Tab-Taste erreicht werden. Entfernen Sie aria-hidden oder setzen Sie tabindex=\"-1\".")
			}
			return true
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
