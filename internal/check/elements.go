package check

import (
	"math"
	"strconv"
	"strings"
)

// Rules on single elements, ids, labels, tables and <meta>, with the
// selectors, exceptions and verdicts of axe-core 4.14.1. Where axe-core
// only ever asks for a review when such a rule fails (server-side image
// maps, duplicate ids that ARIA refers to, several labels, frames with
// the same title), the finding is a warning that says what to check; it
// is never reported where axe-core passes the element.

// More success criteria, for the rules of this file.
const (
	sc211 = "WCAG 2.2 2.1.1, Stufe A"
	sc222 = "WCAG 2.2 2.2.2, Stufe A"
	sc224 = "WCAG 2.2 2.2.4, Stufe AAA"
	sc332 = "WCAG 2.2 3.3.2, Stufe A"
	sc134 = "WCAG 2.2 1.3.4, Stufe AA"
)

// elements runs the rules of this file over the whole page, after the
// model is made.
func (p *page) elements() {
	p.duplicateIDs()
	p.orientationLock()
	frameTitles := map[string][]*node{}
	parentText := map[*node]string{} // many images in one paragraph share its text
	p.root.walk(func(n *node) bool {
		if n.tag == "" || n.tag == "#document" || n.foreign {
			return true
		}
		switch n.tag {
		case "area":
			p.areaAlt(n)
		case "blink":
			if !n.gone {
				p.add("blink", n, "<blink> lässt Text blinken. Das lenkt ab und kann nicht angehalten werden; entfernen Sie <blink>.")
			}
		case "marquee":
			if !n.gone && hasContent(n) {
				p.add("marquee", n, "<marquee> bewegt Text, den man nicht anhalten kann. Entfernen Sie <marquee> und zeigen Sie den Text ruhig an.")
			}
		case "meta":
			p.metaLarge(n)
		case "html":
			p.xmlLangMismatch(n)
		}
		if n.hidden {
			return true
		}
		switch n.tag {
		case "img":
			if n.has("ismap") {
				p.add("server-side-image-map", n, "das Bild ist eine serverseitige Imagemap (ismap). Ihre Bereiche erreicht man nicht mit der Tastatur; prüfen Sie das und verwenden Sie eine Imagemap mit <map> und <area> oder einfache Links.")
			}
			p.redundantAlt(n, parentText)
		case "input", "select", "textarea":
			if labelMatches(n) {
				p.titleOnly(n)
				p.multipleLabels(n)
			}
		case "iframe", "frame":
			if t := strings.ToLower(sanitize(attrOr(n, "title"))); t != "" {
				frameTitles[t] = append(frameTitles[t], n)
			}
		case "table":
			p.tableDuplicateName(n)
		}
		return true
	})
	for _, frames := range frameTitles {
		if len(frames) > 1 {
			p.add("frame-title-unique", frames[1], "dieser Frame hat denselben Titel %q wie der in Zeile %d. Prüfen Sie, ob beide dasselbe zeigen; sonst geben Sie jedem einen eigenen title.", sanitize(attrOr(frames[1], "title")), p.line(frames[0]))
		}
	}
}

// hasContent: a <marquee> without content has no height, and axe-core
// finds it not on screen.
func hasContent(n *node) bool {
	for _, c := range n.children {
		if c.tag != "" || strings.TrimSpace(c.text) != "" {
			return true
		}
	}
	return false
}

// duplicateIDs splits duplicate ids among axe-core's three rules: an id
// that ARIA or a label refers to (duplicate-id-aria), else one of a
// focusable element (duplicate-id-active), else the rest (duplicate-id).
// Empty ids count for none.
func (p *page) duplicateIDs() {
	groups := map[string][]*node{}
	var order []string
	refs := map[string]bool{}
	p.root.walk(func(n *node) bool {
		if n.tag == "" || n.tag == "#document" {
			return true
		}
		if n.tag == "template" && !n.foreign {
			return false // its content is no part of the document
		}
		if id, ok := n.attr("id"); ok && strings.TrimSpace(id) != "" {
			if groups[id] == nil {
				order = append(order, id)
			}
			groups[id] = append(groups[id], n)
		}
		if n.tag == "label" && !n.foreign {
			if f, ok := n.attr("for"); ok {
				refs[f] = true
			}
		}
		for _, a := range n.attrs {
			if d := attrTable[a.Key]; d != nil && (d.kind == "idref" || d.kind == "idrefs") {
				for tok := range strings.FieldsSeq(a.Val) {
					refs[tok] = true
				}
			}
		}
		return true
	})
	for _, id := range order {
		g := groups[id]
		if len(g) < 2 {
			continue
		}
		focusable := false
		for _, n := range g {
			focusable = focusable || p.focusable(n)
		}
		switch {
		case refs[id]:
			p.add("duplicate-id-aria", g[1], "die id %q gibt es schon in Zeile %d, und ARIA oder ein <label> verweist auf sie. Der Verweis trifft nur das erste Element; prüfen Sie, welches gemeint ist, und geben Sie dem anderen eine eigene id.", id, p.line(g[0]))
		case focusable:
			p.add("duplicate-id-active", g[1], "die id %q gibt es schon in Zeile %d, und eines der Elemente ist bedienbar. Beschriftungen und Skripte finden dann das falsche Element; geben Sie jedem eine eigene id.", id, p.line(g[0]))
		default:
			p.add("duplicate-id", g[1], "die id %q gibt es schon in Zeile %d. Jede id darf auf einer Seite nur einmal vorkommen, sonst finden Sprungziele das falsche Element.", id, p.line(g[0]))
		}
	}
}

// areaAlt: an <area> with href in a <map> has a text alternative (alt,
// aria-label, aria-labelledby or title), hidden or not.
func (p *page) areaAlt(n *node) {
	if !n.has("href") || n.closest("map") == nil {
		return
	}
	if sanitize(attrOr(n, "alt")) != "" || p.ariaNamed(n) || sanitize(attrOr(n, "title")) != "" {
		return
	}
	p.add("area-alt", n, "der Bereich der Imagemap hat keinen Text. Schreiben Sie in alt, wohin er führt.")
}

// redundantParent is axe-core's parentSelector of image-redundant-alt:
// button, [role=button], a[href], p, li, td, th.
func redundantParent(n *node) *node {
	for a := n.parent; a != nil; a = a.parent {
		switch {
		case a.foreign:
		case a.tag == "button", a.tag == "p", a.tag == "li", a.tag == "td", a.tag == "th",
			a.tag == "a" && a.has("href"), attrOr(a, "role") == "button":
			return a
		}
	}
	return nil
}

// redundantAlt: an image's name does not repeat the text around it in
// its link, button, paragraph, list item or cell.
func (p *page) redundantAlt(n *node, parentText map[*node]string) {
	if presentational(p.role(n)) {
		return
	}
	par := redundantParent(n)
	if par == nil {
		return
	}
	text, ok := parentText[par]
	if !ok {
		text = strings.ToLower(p.screenReaderText(par))
		parentText[par] = text
	}
	if text == "" || text != strings.ToLower(p.name(n)) {
		return
	}
	p.add("image-redundant-alt", n, "der Alternativtext %q wiederholt den Text daneben. Screenreader lesen ihn doppelt vor; schreiben Sie alt=\"\" oder beschreiben Sie, was das Bild zusätzlich zeigt.", p.name(n))
}

// screenReaderText is the text of the text nodes in n that assistive
// technology reads (axe-core's visibleVirtual for screen readers: text
// only, no alt).
func (p *page) screenReaderText(n *node) string {
	var b strings.Builder
	n.walk(func(d *node) bool {
		switch {
		case d.tag == "" && !d.hidden:
			b.WriteString(d.text)
		case d.tag == "br":
			b.WriteByte(' ')
		}
		return b.Len() < nameMaxLen
	})
	return sanitize(b.String())
}

// labelMatches is axe-core's label-matches: form fields but hidden
// inputs and buttons.
func labelMatches(n *node) bool {
	if n.tag != "input" {
		return true
	}
	t, ok := n.attr("type")
	if !ok {
		return true
	}
	switch strings.ToLower(t) {
	case "hidden", "image", "button", "submit", "reset":
		return false
	}
	return true
}

// titleOnly: a form field whose only label is its title or
// aria-describedby (axe-core's label-title-only).
func (p *page) titleOnly(n *node) {
	if p.fieldLabel(n) != "" {
		return
	}
	if titleText(n, nameCtx{}) == "" && attrOr(n, "aria-describedby") == "" {
		return
	}
	p.add("label-title-only", n, "das Feld ist nur mit title oder aria-describedby beschriftet. Diese Texte sieht nicht jeder; verbinden Sie ein sichtbares <label> mit dem Feld.")
}

// fieldLabel is the label axe-core's label-title-only looks for:
// aria-labelledby, aria-label, the first <label for>, the label around.
func (p *page) fieldLabel(n *node) string {
	if strings.TrimSpace(attrOr(n, "aria-labelledby")) != "" {
		var parts []string
		for _, r := range p.idrefs(n, "aria-labelledby") {
			parts = append(parts, p.visibleText(r))
		}
		if s := strings.TrimSpace(strings.Join(parts, " ")); s != "" {
			return s
		}
	}
	if s := sanitize(attrOr(n, "aria-label")); s != "" {
		return s
	}
	if id := attrOr(n, "id"); id != "" {
		if ls := p.labelsFor[id]; len(ls) > 0 {
			if s := p.screenReaderText(ls[0]); s != "" {
				return s
			}
		}
	}
	if l := n.closest("label"); l != nil {
		return p.screenReaderText(l)
	}
	return ""
}

// multipleLabels: a form field has at most one <label> (axe-core asks
// for a review when it has more, unless aria-labelledby picks the one
// assistive technology reads).
func (p *page) multipleLabels(n *node) {
	var labels []*node
	if id, ok := n.attr("id"); ok {
		for _, l := range p.labelsFor[id] {
			if !l.gone {
				labels = append(labels, l)
			}
			if len(labels) == maxLabels {
				break // more change no verdict
			}
		}
	}
	for a := n.parent; a != nil; a = a.parent {
		if a.tag == "label" && !contains2(labels, a) {
			labels = append(labels, a)
		}
	}
	if len(labels) < 2 {
		return
	}
	var read []*node
	for _, l := range labels {
		if !l.hidden {
			read = append(read, l)
		}
	}
	if len(read) == 1 && contains2(p.idrefs(n, "aria-labelledby"), read[0]) {
		return
	}
	p.add("form-field-multiple-labels", n, "das Feld hat %d <label>. Hilfsmittel lesen sie verschieden vor; prüfen Sie das und lassen Sie nur eines stehen.", len(labels))
}

// tableDuplicateName: a table's caption and summary do not say the same.
func (p *page) tableDuplicateName(n *node) {
	summary := sanitize(attrOr(n, "summary"))
	var caption *node
	for _, c := range n.children {
		if c.tag == "caption" {
			caption = c
			break
		}
	}
	if caption == nil || summary == "" {
		return
	}
	text := p.contentText(caption)
	if text == "" || !strings.EqualFold(text, summary) {
		return
	}
	p.add("table-duplicate-name", n, "summary wiederholt die Beschriftung <caption> der Tabelle. Screenreader lesen beides vor; lassen Sie summary weg oder beschreiben Sie darin den Aufbau der Tabelle.")
}

// metaLarge: meta-refresh-no-exceptions and meta-viewport-large, the
// stricter forms of meta-refresh and meta-viewport.
func (p *page) metaLarge(n *node) {
	if eq, _ := n.attr("http-equiv"); eq == "refresh" && n.has("content") {
		content := strings.TrimSpace(attrOr(n, "content"))
		first := content
		if i := strings.IndexAny(content, ";, \t\n\r\f\v"); i >= 0 {
			first = content[:i]
		}
		if d := jsParseFloat(first); refreshDelayRe.MatchString(first) && d > 72000 {
			p.add("meta-refresh-no-exceptions", n, "die Seite lädt sich nach %s Sekunden selbst neu oder leitet weiter. Leiten Sie sofort weiter (0) oder gar nicht.", first)
		}
	}
	if name, _ := n.attr("name"); name == "viewport" {
		for item := range strings.FieldsFuncSeq(strings.ToLower(attrOr(n, "content")), func(r rune) bool { return r == ';' || r == ',' }) {
			parts := strings.Split(item, "=")
			if len(parts) < 2 || strings.TrimSpace(parts[0]) != "maximum-scale" || strings.TrimSpace(parts[1]) == "" {
				continue
			}
			v := strings.TrimSpace(parts[1])
			f := jsParseFloat(v)
			if math.IsNaN(f) || f < 2 {
				continue // no value, or one meta-viewport already reports
			}
			if f < 5 {
				p.add("meta-viewport-large", n, "maximum-scale=%s erlaubt nur eine Vergrößerung auf das %s-fache. Wer schlecht sieht, braucht 500 %%; setzen Sie maximum-scale auf 5 oder lassen Sie es weg.", v, v)
			}
		}
	}
}

// jsParseFloat reads a number at the start of s as JavaScript's
// parseFloat does; NaN when there is none.
func jsParseFloat(s string) float64 {
	s = strings.TrimSpace(s)
	end, digits, dot, exp := 0, false, false, false
	if end < len(s) && (s[end] == '+' || s[end] == '-') {
		end++
	}
	last := end
	for ; end < len(s); end++ {
		c := s[end]
		switch {
		case c >= '0' && c <= '9':
			digits = true
			last = end + 1
		case c == '.' && !dot && !exp:
			dot = true
		case (c == 'e' || c == 'E') && digits && !exp:
			exp = true
			if end+1 < len(s) && (s[end+1] == '+' || s[end+1] == '-') {
				end++
			}
		default:
			end = len(s)
		}
	}
	if !digits {
		return math.NaN()
	}
	for ; last > 0; last-- {
		if f, err := strconv.ParseFloat(s[:last], 64); err == nil {
			return f
		}
	}
	return math.NaN()
}

// xmlLangMismatch: lang and xml:lang of <html> name the same base
// language, where both are valid.
func (p *page) xmlLangMismatch(n *node) {
	lang, ok1 := n.attr("lang")
	xml, ok2 := n.attr("xml:lang")
	if n.implied || !ok1 || !ok2 {
		return
	}
	a, b := baseLang(lang), baseLang(xml)
	if a == "" || b == "" || !validLang(a) || !validLang(b) || a == b {
		return
	}
	p.add("html-xml-lang-mismatch", n, "lang=%q und xml:lang=%q nennen verschiedene Sprachen. Setzen Sie in beiden dieselbe Sprache oder lassen Sie xml:lang weg.", lang, xml)
}

// baseLang is axe-core's getBaseLang: the primary subtag, lower case.
func baseLang(v string) string {
	b, _, _ := strings.Cut(strings.TrimSpace(v), "-")
	return strings.ToLower(b)
}

// headersAttr is axe-core's td-headers-attr: in a table (not one made
// presentational), the headers of a cell assistive technology reads name
// header cells of the same table, not the cell itself; empty headers
// are only asked about.
func (p *page) headersAttr(table *node, tds, ths []*node) {
	if r := p.role(table); r != "table" && r != "grid" && r != "treegrid" {
		return
	}
	cells := append(append([]*node(nil), tds...), ths...)
	roleByID := map[string]string{}
	for _, c := range cells {
		if id := attrOr(c, "id"); id != "" {
			roleByID[id] = p.role(c)
		}
	}
	for _, cell := range cells {
		h, ok := cell.attr("headers")
		if !ok || cell.hidden {
			continue
		}
		self := attrOr(cell, "id")
		for id := range strings.FieldsSeq(h) {
			role, in := roleByID[id]
			switch {
			case self != "" && id == self:
				p.add("td-headers-attr", cell, "headers verweist auf die Zelle selbst (%q). Nennen Sie die ids ihrer Kopfzellen.", id)
			case !in || role == "":
				p.add("td-headers-attr", cell, "headers verweist auf %q, aber in dieser Tabelle steht keine Zelle mit dieser id.", id)
			case role != "columnheader" && role != "rowheader":
				p.add("td-headers-attr", cell, "headers verweist auf %q, aber das ist keine Kopfzelle. Machen Sie sie zu einem <th> oder nennen Sie die id einer Kopfzelle.", id)
			default:
				continue
			}
			break
		}
	}
}
