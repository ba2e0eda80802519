package check

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/handbuch/handbuch/internal/book"
)

// Success criteria of the rules, as the reports name them.
const (
	sc111 = "WCAG 2.2 1.1.1, Stufe A"
	sc131 = "WCAG 2.2 1.3.1, Stufe A"
	sc135 = "WCAG 2.2 1.3.5, Stufe AA"
	sc144 = "WCAG 2.2 1.4.4, Stufe AA"
	sc221 = "WCAG 2.2 2.2.1, Stufe A"
	sc241 = "WCAG 2.2 2.4.1, Stufe A"
	sc242 = "WCAG 2.2 2.4.2, Stufe A"
	sc243 = "WCAG 2.2 2.4.3, Stufe A"
	sc244 = "WCAG 2.2 2.4.4, Stufe A"
	sc246 = "WCAG 2.2 2.4.6, Stufe AA"
	sc311 = "WCAG 2.2 3.1.1, Stufe A"
	sc312 = "WCAG 2.2 3.1.2, Stufe AA"
	sc412 = "WCAG 2.2 4.1.2, Stufe A"
	best  = "Best Practice"
)

// page is one HTML page under check.
type page struct {
	file      string
	src       []byte
	index     *positions // made on the first finding
	root      *node
	ids       map[string]*node
	labelsFor map[string][]*node // label elements by their for attribute, in order
	names     map[*node]string   // accessible names computed so far
	byName    map[string]*node   // elements by their name attribute, made when needed
	owners    map[string]*node   // the element whose aria-owns names an id, made when needed
	findings  []Finding
	sheets    []*stylesheet // the page's own and linked stylesheets, for the screen
	// ready, if set, is asked once the stylesheets are looked up: false
	// stops the check (the Runner checks the page later).
	ready func() bool
}

func (p *page) add(rule string, n *node, format string, args ...any) {
	r := ruleByID[rule]
	sev, sc := r.Severity, r.SC
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = clip(s)
		}
	}
	p.findings = append(p.findings, Finding{Rule: rule, Severity: sev, Pos: p.pos(n), Msg: fmt.Sprintf(format, args...), SC: sc, node: n})
}

// clip shortens a value quoted in a message: an attribute may be
// megabytes long.
func clip(s string) string {
	const most = 120
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// pos is where n starts in the page.
func (p *page) pos(n *node) book.Pos {
	if p.index == nil {
		p.index = newPositions(p.file, p.src)
	}
	return p.index.at(n.offset)
}

// line is the line where n starts, for messages that name another element.
func (p *page) line(n *node) int { return p.pos(n).Line }

// Page checks one HTML page and returns its findings, positions in file.
func Page(file string, src []byte) []Finding {
	p := &page{file: file, src: src, root: parse(src), ids: map[string]*node{}}
	p.run(nil)
	return p.findings
}

// run checks the page; it returns false when p.ready stopped it.
func (p *page) run(sheets sheetLookup) bool {
	// A file that is not text, or holds no element at all, is not a page
	// a browser can show as the author meant; the rules below would only
	// report the noise the tokenizer makes of it.
	if bad := book.InvalidUTF8(p.src); bad >= 0 {
		p.add("html-readable", &node{offset: bad}, "die Datei ist nicht in UTF-8 gespeichert (hier steht das erste ungültige Byte) oder ist gar keine Textdatei. Browser zeigen sie mit falschen Zeichen an. Speichern Sie sie als UTF-8 oder nehmen Sie sie aus dem Ordner.")
		return true
	}
	if !hasSourceElement(p.root) {
		p.add("html-readable", p.root, "die Datei enthält kein einziges HTML-Element. Eine Seite beginnt mit <!DOCTYPE html> und <html lang=\"de\">; eine Datei, die keine Seite ist, gehört nicht in den Ordner der Website.")
		return true
	}
	p.labelsFor = map[string][]*node{}
	p.root.walk(func(n *node) bool {
		if n.tag == "" {
			return true
		}
		if f, ok := n.attr("for"); ok && n.tag == "label" {
			p.labelsFor[f] = append(p.labelsFor[f], n)
		}
		if id, ok := n.attr("id"); ok {
			if _, dup := p.ids[id]; !dup {
				p.ids[id] = n // duplicates: elements.go
			}
		}
		return true
	})
	p.model(sheets)
	if p.ready != nil && !p.ready() {
		return false
	}
	var htmlEl, title *node
	var mains, headings []*node
	h1 := false
	accesskeys := map[string]*node{}
	linkTargets := map[string]string{}
	radios := map[string][]*node{}
	p.root.walk(func(n *node) bool {
		if n.tag == "" || n.tag == "#document" {
			return true
		}
		// Rules that look at hidden elements too.
		switch n.tag {
		case "html":
			if !n.implied {
				htmlEl = n
			}
		case "title":
			if title == nil && !n.foreign {
				title = n
			}
		case "meta":
			p.meta(n)
		}
		// As axe-core: keys of elements hidden for everyone and empty
		// keys do not count, and "s" is the same key as "S".
		if k, ok := n.attr("accesskey"); ok && k != "" && !n.gone {
			key := strings.ToUpper(k)
			if other, dup := accesskeys[key]; dup {
				p.add("accesskeys", n, "accesskey %q gibt es schon in Zeile %d.", k, p.line(other))
			} else {
				accesskeys[key] = n
			}
		}
		if h, _ := n.attr("aria-hidden"); h == "true" && !ariaHiddenAbove(n) {
			p.hiddenFocus(n)
		}
		if n.hidden {
			// axe-core leaves out what is hidden from assistive
			// technology; so do the rules below.
			return true
		}
		role := p.role(n)
		switch {
		case role == "main":
			mains = append(mains, n)
		case role == "heading":
			headings = append(headings, n)
			if p.name(n) == "" {
				p.add("empty-heading", n, "die Überschrift ist leer. Schreiben Sie einen Text hinein oder entfernen Sie sie.")
			}
			if headingOne(n) {
				h1 = true
			}
		}
		tag := n.tag
		if n.foreign {
			p.svgImage(n)
			tag = "" // SVG's <a> and <title> are not HTML's
		}
		switch tag {
		case "img":
			p.img(n)
		case "a":
			p.link(n, linkTargets)
		case "button":
			if p.explicitNameOptional(n) && p.name(n) == "" && p.labelOnly(n) == "" && !presentational(role) {
				p.add("button-name", n, "die Schaltfläche hat keinen Namen. Schreiben Sie einen Text hinein oder setzen Sie aria-label.")
			}
		case "input", "select", "textarea":
			p.control(n, role, radios)
		case "fieldset":
			if firstElement(n) == nil || firstElement(n).tag != "legend" {
				p.add("fieldset-legend", n, "das fieldset hat keine legend als erstes Element. Die legend sagt, worum es in der Gruppe geht.")
			}
		case "table":
			p.table(n)
		case "th", "td":
			p.cell(n, role)
		case "ul", "ol":
			if !n.has("role") {
				p.list(n)
			}
		case "li":
			if !n.has("role") {
				if r := p.role(n.parent); r != "list" && r != "presentation" && r != "none" {
					p.add("listitem", n, "<li> steht nicht in einer Liste (<ul> oder <ol>).")
				}
			}
		case "dl":
			if !n.has("role") {
				p.definitionList(n)
			}
		case "dt", "dd":
			if !n.has("role") && !dlItemInList(n) {
				p.add("dlitem", n, "<%s> steht nicht in einer Beschreibungsliste <dl>.", n.tag)
			}
		case "iframe", "frame":
			if i, ok := parseTabindex(n); (!ok || i >= 0) && p.name(n) == "" && !presentational(role) {
				p.add("frame-title", n, "der iframe hat keinen title. Beschreiben Sie seinen Inhalt im Attribut title.")
			}
		case "font", "center", "marquee", "blink":
			p.add("obsolete-element", n, "<%s> ist veraltet und für Hilfsmittel unverständlich. Gestalten Sie mit CSS.", n.tag)
		}
		if n.tag != "html" {
			for _, key := range []string{"lang", "xml:lang"} {
				if v, ok := n.attr(key); ok && !validLang(v) && n.textContent() != "" {
					p.add("valid-lang", n, "%s=%q ist kein gültiges Sprachkürzel. Verwenden Sie zum Beispiel \"en\" oder \"tr\".", key, v)
					break
				}
			}
		}
		if (n.tag == "th" && !n.has("role") || explicitRole(n) == "rowheader" || explicitRole(n) == "columnheader") && !presentational(role) && p.contentText(n) == "" {
			p.add("empty-table-header", n, "die Kopfzelle ist leer. Schreiben Sie hinein, was die Spalte oder Zeile enthält.")
		}
		if i, ok := parseTabindex(n); ok && i > 0 {
			p.add("tabindex", n, "tabindex=%q verändert die Reihenfolge der Tab-Taste. Verwenden Sie 0 oder -1.", attrOr(n, "tabindex"))
		}
		if _, ok := n.attr("align"); ok {
			p.add("obsolete-attribute", n, "das Attribut align ist veraltet. Gestalten Sie mit CSS.")
		}
		p.aria(n)
		p.ariaRules(n, role)
		if def := roleTable[role]; def != nil && def.childrenPresentational {
			p.nestedInteractive(n, role)
		}
		return true
	})
	if htmlEl == nil {
		// A fragment such as <p>hallo</p>: browsers show it as a page,
		// with the <html>, <head> and <body> the parser adds, so the rules
		// of a page apply, at the start of the file.
		htmlEl = p.root
		p.add("html-has-lang", htmlEl, "die Datei hat kein <html>-Element und damit keine Sprache. Beginnen Sie sie mit <!DOCTYPE html> und <html lang=\"de\">.")
	} else if lang, ok := htmlEl.attr("lang"); !ok || strings.TrimSpace(lang) == "" {
		p.add("html-has-lang", htmlEl, "<html> hat kein lang-Attribut. Setzen Sie language in handbuch.toml, zum Beispiel \"de\".")
	} else if !validLang(lang) {
		p.add("html-lang-valid", htmlEl, "lang=%q ist kein gültiges Sprachkürzel.", lang)
	}
	if xml, ok := htmlEl.attr("xml:lang"); ok && htmlEl != p.root && !validLang(xml) && (validLang(attrOr(htmlEl, "lang")) || strings.TrimSpace(attrOr(htmlEl, "lang")) == "") {
		p.add("html-lang-valid", htmlEl, "xml:lang=%q ist kein gültiges Sprachkürzel. Lassen Sie xml:lang weg oder setzen Sie dieselbe Sprache wie in lang.", xml)
	}
	if title == nil || title.textContent() == "" {
		p.add("document-title", htmlEl, "die Seite hat keinen <title>. Der Titel sagt im Browser-Tab und im Screenreader, wo man ist.")
	}
	switch {
	case len(mains) == 0:
		p.add("landmark-one-main", htmlEl, "die Seite hat keinen Hauptbereich <main>. Setzen Sie den Inhalt der Seite in genau ein <main>.")
	case len(mains) > 1:
		p.add("landmark-no-duplicate-main", mains[1], "die Seite hat %d Hauptbereiche (<main> oder role=\"main\"), richtig ist genau einer; der erste steht in Zeile %d.", len(mains), p.line(mains[0]))
	}
	if !h1 {
		p.add("page-has-heading-one", htmlEl, "die Seite hat keine Überschrift der ersten Ebene (<h1>).")
	}
	p.headingOrder(headings)
	p.landmarks()
	p.elements()
	p.skipLinks()
	p.firstSkipLink()
	for name, group := range radios {
		if len(group) > 1 && group[0].closest("fieldset") == nil {
			p.add("radiogroup", group[0], "die Optionsfelder %q stehen nicht in einem <fieldset> mit <legend>. So weiß man nicht, worauf sie antworten.", name)
		}
	}
	return true
}

// validLang is axe-core's valid-lang: the primary language subtag is a
// language of ISO 639 (or lang is empty), and lang is not only spaces.
func validLang(v string) bool {
	if v != "" && strings.TrimSpace(v) == "" {
		return false
	}
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(v)), "-")
	if base == "" {
		return true
	}
	if len(base) == 3 && base >= "qaa" && base <= "qtz" {
		return false // reserved for local use; axe-core's list of languages has none of them
	}
	_, err := language.ParseBase(base)
	return err == nil
}

// ariaHiddenAbove reports whether an ancestor of n has aria-hidden=true.
func ariaHiddenAbove(n *node) bool {
	for a := n.parent; a != nil; a = a.parent {
		if h, _ := a.attr("aria-hidden"); h == "true" {
			return true
		}
	}
	return false
}

func presentational(role string) bool { return role == "presentation" || role == "none" }

// headingOne: a heading of the first level, as page-has-heading-one
// counts it.
func headingOne(n *node) bool {
	level, hasLevel := n.attr("aria-level")
	level = strings.TrimSpace(level)
	if n.has("role") {
		return explicitRole(n) == "heading" && level == "1"
	}
	if n.tag == "h1" {
		return !hasLevel
	}
	return level == "1"
}

// headingLevel is the level of a heading, as axe-core reads it.
func headingLevel(n *node) int {
	tagLevel := 0
	if len(n.tag) == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6' {
		tagLevel = int(n.tag[1] - '0')
	}
	v, has := n.attr("aria-level")
	if tagLevel > 0 && !has {
		return tagLevel
	}
	i, err := strconv.Atoi(strings.TrimSpace(leadingInt(v)))
	if err != nil || i < 1 {
		if tagLevel > 0 {
			return tagLevel
		}
		return 2
	}
	return i
}

// leadingInt is the integer at the start of s, as parseInt reads it.
func leadingInt(s string) string {
	s = strings.TrimSpace(s)
	end := 0
	if end < len(s) && (s[end] == '-' || s[end] == '+') {
		end++
	}
	for end < len(s) && end < 10 && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	return s[:end]
}

// headingOrder: each heading is at most one level deeper than the one
// before; the first may have any level.
func (p *page) headingOrder(headings []*node) {
	for i := 1; i < len(headings); i++ {
		prev, cur := headingLevel(headings[i-1]), headingLevel(headings[i])
		if cur-prev > 1 {
			p.add("heading-order", headings[i], "die Überschrift der Ebene %d folgt auf eine der Ebene %d (Zeile %d); es fehlt eine Ebene dazwischen. Überspringen Sie keine Ebene.", cur, prev, p.line(headings[i-1]))
		}
	}
}

// explicitNameOptional is axe-core's no-explicit-name-required-matches:
// an element with a role that needs no name and no focus is not checked
// for one.
func (p *page) explicitNameOptional(n *node) bool {
	r := explicitRole(n)
	if r == "" || presentational(r) {
		return true
	}
	return roleTable[r].nameRequired || p.focusable(n)
}

// labelOnly is the text of the labels of a control.
func (p *page) labelOnly(n *node) string {
	steps := 0
	return sanitize(p.labelText(n, nameCtx{start: n, processed: map[*node]bool{}, steps: &steps}))
}

// contentText is the text a rule sees as visible content (axe-core's
// has-visible-text).
func (p *page) contentText(n *node) string {
	steps := 0
	return sanitize(p.subtreeText(n, nameCtx{start: n, processed: map[*node]bool{}, steps: &steps}))
}

// hiddenFocus: nothing under aria-hidden=true can be reached with the
// Tab key.
func (p *page) hiddenFocus(n *node) {
	var first *node
	n.walk(func(c *node) bool {
		if first == nil && c.tag != "" && p.inTabOrder(c) {
			first = c
		}
		return first == nil
	})
	if first != nil {
		p.add("aria-hidden-focus", n, "der Bereich ist mit aria-hidden versteckt, aber <%s> in Zeile %d darin kann mit der Tab-Taste erreicht werden. Entfernen Sie aria-hidden oder nehmen Sie das Element mit tabindex=\"-1\" aus der Tab-Reihenfolge.", first.tag, p.line(first))
	}
}

// nestedInteractive: an element whose children are presentational (a
// button, a checkbox, …) holds no focusable control.
func (p *page) nestedInteractive(n *node, role string) {
	inner := p.focusableWidgetInside(n)
	if inner != nil {
		p.add("nested-interactive", n, "in diesem Element (Rolle %s) steht das Bedienelement <%s> (Zeile %d). Bedienelemente dürfen nicht ineinander stehen: Hilfsmittel lesen das innere nicht vor.", role, inner.tag, p.line(inner))
	}
}

// list: <ul> and <ol> hold only list items (and script, template).
func (p *page) list(n *node) {
	var bad *node
	text, item, empty := false, false, true
	var badRoles []*node
	for _, c := range n.children {
		if c.tag == "" {
			if strings.TrimSpace(c.text) != "" {
				text = true
			}
			continue
		}
		if c.hidden {
			continue
		}
		empty = false
		r := p.role(c)
		switch {
		case r == "listitem":
			item = true
		case c.tag == "li":
			badRoles = append(badRoles, c)
		default:
			if bad == nil {
				bad = c
			}
		}
	}
	switch {
	case bad != nil:
		p.add("list", bad, "in <%s> dürfen nur <li> stehen, hier steht <%s>.", n.tag, bad.tag)
	case text:
		p.add("list", n, "in <%s> steht Text außerhalb von <li>. Setzen Sie jeden Eintrag in ein <li>.", n.tag)
	case !empty && !item && len(badRoles) > 0:
		p.add("list", badRoles[0], "die Einträge von <%s> haben eine andere Rolle als listitem (role=%q). Entfernen Sie role.", n.tag, attrOr(badRoles[0], "role"))
	}
}

// definitionList: <dl> holds only dt, dd and div groups of them, with a
// dd after a dt.
func (p *page) definitionList(n *node) {
	var content []*node
	for _, c := range n.children {
		if c.tag == "div" && p.role(c) == "" {
			content = append(content, c.children...)
		} else {
			content = append(content, c)
		}
	}
	for _, c := range content {
		if c.tag == "" {
			if strings.TrimSpace(c.text) != "" {
				p.add("definition-list", n, "in <dl> steht Text außerhalb von <dt> und <dd>.")
				return
			}
			continue
		}
		if c.hidden {
			continue
		}
		r := explicitRole(c)
		if (c.tag != "dt" && c.tag != "dd" || r != "") && r != "definition" && r != "term" && r != "list" {
			p.add("definition-list", c, "in <dl> dürfen nur <dt>, <dd> und <div> stehen, hier steht <%s>.", c.tag)
			return
		}
	}
	hasDt, hasDd := false, false
	for _, c := range n.children {
		if c.tag == "dt" {
			hasDt = true
		}
		if c.tag == "dd" {
			if hasDt {
				return
			}
			hasDd = true
		}
	}
	if hasDt || hasDd {
		p.add("definition-list", n, "in <dl> folgt auf kein <dt> ein <dd>. Zu jedem Begriff <dt> gehört danach seine Beschreibung <dd>.")
	}
}

// dlItemInList: dt and dd stand in a dl (or a div in one).
func dlItemInList(n *node) bool {
	par := n.parent
	if par == nil {
		return false
	}
	r := explicitRole(par)
	if par.tag == "div" && (r == "" || presentational(r)) {
		par = par.parent
		if par == nil {
			return false
		}
		r = explicitRole(par)
	}
	return par.tag == "dl" && (r == "" || presentational(r) || r == "list")
}

// svgImage: an SVG graphic with role img has a name.
func (p *page) svgImage(n *node) {
	r := strings.ToLower(strings.TrimSpace(attrOr(n, "role")))
	if r != "img" && r != "image" && r != "graphics-symbol" && !(n.tag == "svg" && r == "graphics-document") {
		return
	}
	for _, c := range n.children {
		if c.tag == "title" && c.textContent() != "" {
			return
		}
	}
	if sanitize(p.labelledByText(n, nameCtx{start: n, processed: map[*node]bool{}, steps: new(int)})) != "" ||
		sanitize(attrOr(n, "aria-label")) != "" || sanitize(attrOr(n, "title")) != "" {
		return
	}
	p.add("svg-img-alt", n, "die Grafik hat role=%q, aber keinen Namen. Geben Sie ihr aria-label oder einen <title>.", r)
}

// hasSourceElement reports whether the page has an element written in
// the source, not only those the parser implies.
func hasSourceElement(root *node) bool {
	found := false
	root.walk(func(n *node) bool {
		if n.tag != "" && !n.implied && n != root {
			found = true
		}
		return !found
	})
	return found
}

func firstElement(n *node) *node {
	for _, c := range n.children {
		if c.tag != "" {
			return c
		}
	}
	return nil
}

func (p *page) meta(n *node) {
	// axe-core's selector meta[http-equiv="refresh"] matches that value
	// only, in lower case.
	if eq, _ := n.attr("http-equiv"); eq == "refresh" && n.has("content") {
		// As axe-core: a delay of 0 (an immediate redirect) or of more
		// than 20 hours takes no reading time.
		content := strings.TrimSpace(attrOr(n, "content"))
		delay := content
		if i := strings.IndexAny(content, "; ,\t\n\r\f"); i >= 0 {
			delay = content[:i]
		}
		if d, err := strconv.ParseFloat(delay, 64); refreshDelayRe.MatchString(delay) && err == nil && d > 0 && d <= 72000 {
			p.add("meta-refresh", n, "die Seite lädt sich nach %s Sekunden selbst neu oder leitet weiter. Das nimmt Menschen die Zeit zum Lesen; leiten Sie sofort weiter (0) oder gar nicht.", delay)
		}
	}
	if name, _ := n.attr("name"); strings.EqualFold(name, "viewport") {
		content, _ := n.attr("content")
		c := strings.ToLower(strings.ReplaceAll(content, " ", ""))
		if strings.Contains(c, "user-scalable=no") || strings.Contains(c, "user-scalable=0") {
			p.add("meta-viewport", n, "user-scalable=no verhindert das Vergrößern. Entfernen Sie es.")
		}
		if m := maxScaleRe.FindStringSubmatch(c); m != nil {
			if v, err := strconv.ParseFloat(m[1], 64); err == nil && v < 2 {
				p.add("meta-viewport", n, "maximum-scale=%s verhindert das Vergrößern auf 200 %%. Entfernen Sie es.", m[1])
			}
		}
	}
}

var (
	refreshDelayRe = regexp.MustCompile(`^[0-9.]+$`)
	maxScaleRe     = regexp.MustCompile(`maximum-scale=([0-9.]+)`)
	altSpaceRe     = regexp.MustCompile(`^\s+$`)
)

var fileNameRe = regexp.MustCompile(`(?i)^[\w.-]+\.(png|jpe?g|gif|svg|webp)$`)

// img: an image has a text alternative or is marked as decoration.
func (p *page) img(n *node) {
	if !p.explicitNameOptional(n) {
		return
	}
	alt, ok := n.attr("alt")
	if ok && altSpaceRe.MatchString(alt) {
		p.add("image-alt", n, "alt besteht nur aus Leerzeichen. Beschreiben Sie in alt, was das Bild zeigt, oder schreiben Sie alt=\"\" für reinen Schmuck.")
		return
	}
	named := ok || sanitize(p.labelledByText(n, nameCtx{start: n, processed: map[*node]bool{}, steps: new(int)})) != "" ||
		sanitize(attrOr(n, "aria-label")) != "" || sanitize(attrOr(n, "title")) != "" || presentational(p.role(n))
	switch {
	case !named:
		p.add("image-alt", n, "das Bild hat kein alt-Attribut. Beschreiben Sie in alt, was das Bild zeigt; nur ein reiner Schmuck bekommt alt=\"\".")
	case ok && (fileNameRe.MatchString(strings.TrimSpace(alt)) || strings.EqualFold(strings.TrimSpace(alt), "Bild") || strings.EqualFold(strings.TrimSpace(alt), "Foto")):
		p.add("image-alt-meaningful", n, "alt=%q beschreibt das Bild nicht. Schreiben Sie, was darauf zu sehen ist.", alt)
	}
}

// genericLinks are link texts that say nothing on their own.
var genericLinks = map[string]bool{
	"hier": true, "mehr": true, "weiter": true, "link": true, "klicken sie hier": true, "hier klicken": true,
	"mehr lesen": true, "weiterlesen": true, "mehr erfahren": true, "details": true, "siehe hier": true,
}

func (p *page) link(n *node, targets map[string]string) {
	href, ok := n.attr("href")
	if !ok {
		return
	}
	name := p.name(n)
	text := strings.ToLower(strings.Trim(name, " .:!…"))
	switch {
	case name == "":
		p.add("link-name", n, "der Link hat keinen Text. Schreiben Sie, wohin er führt.")
	case genericLinks[text]:
		p.add("link-generic", n, "der Linktext %q sagt allein nicht, wohin der Link führt. Schreiben Sie das Ziel hinein, zum Beispiel „Kapitel Datenschutz“.", name)
	case strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://") || strings.HasPrefix(text, "www."):
		p.add("link-url-text", n, "der Linktext ist eine Adresse. Schreiben Sie lieber, wohin der Link führt.")
	}
	if frag, ok := strings.CutPrefix(href, "#"); ok && frag != "" {
		if p.target(frag) == nil {
			p.add("link-target", n, "der Link zeigt auf #%s, das es auf der Seite nicht gibt.", frag)
		}
	}
	if name != "" && !strings.HasPrefix(href, "#") {
		target, _, _ := strings.Cut(href, "#")
		key := strings.ToLower(name)
		if other, seen := targets[key]; seen && other != target && path.Clean(other) != path.Clean(target) {
			p.add("link-same-text", n, "der Linktext %q führt hier zu %s, weiter oben auf der Seite aber zu %s. Gleiche Texte sollten zum gleichen Ziel führen.", name, target, other)
		} else if !seen {
			targets[key] = target
		}
	}
}

// target is the element a fragment names: by id, else by name.
func (p *page) target(frag string) *node {
	if unescaped, err := url.PathUnescape(frag); err == nil {
		frag = unescaped
	}
	if t := p.ids[frag]; t != nil {
		return t
	}
	if p.byName == nil {
		p.byName = map[string]*node{}
		p.root.walk(func(n *node) bool {
			if name, ok := n.attr("name"); ok && n.tag != "" && p.byName[name] == nil {
				p.byName[name] = n
			}
			return true
		})
	}
	return p.byName[frag]
}

var autocompleteTokens = map[string]bool{
	"on": true, "off": true, "name": true, "honorific-prefix": true, "given-name": true, "additional-name": true,
	"family-name": true, "honorific-suffix": true, "nickname": true, "email": true, "username": true,
	"new-password": true, "current-password": true, "one-time-code": true, "organization-title": true,
	"organization": true, "street-address": true, "address-line1": true, "address-line2": true,
	"address-line3": true, "address-level4": true, "address-level3": true, "address-level2": true,
	"address-level1": true, "country": true, "country-name": true, "postal-code": true, "cc-name": true,
	"cc-given-name": true, "cc-additional-name": true, "cc-family-name": true, "cc-number": true,
	"cc-exp": true, "cc-exp-month": true, "cc-exp-year": true, "cc-csc": true, "cc-type": true,
	"transaction-currency": true, "transaction-amount": true, "language": true, "bday": true,
	"bday-day": true, "bday-month": true, "bday-year": true, "sex": true, "url": true, "photo": true,
	"tel": true, "tel-country-code": true, "tel-national": true, "tel-area-code": true, "tel-local": true,
	"tel-extension": true, "impp": true,
}

// control: form controls have a name (label, select-name,
// input-button-name, input-image-alt), radio groups, autocomplete.
func (p *page) control(n *node, role string, radios map[string][]*node) {
	typ := strings.ToLower(strings.TrimSpace(attrOr(n, "type")))
	pres := presentational(role)
	switch {
	case n.tag == "input" && typ == "hidden":
		return
	case n.tag == "input" && (typ == "submit" || typ == "reset" || typ == "button"):
		if !p.explicitNameOptional(n) {
			break
		}
		v, hasValue := n.attr("value")
		named := typ != "button" && !hasValue || sanitize(v) != "" || p.ariaNamed(n) || sanitize(attrOr(n, "title")) != "" || p.labelOnly(n) != "" || pres
		if !named {
			p.add("input-button-name", n, "die Schaltfläche hat keinen Namen. Schreiben Sie ihre Aufschrift in value.")
		}
	case n.tag == "input" && typ == "image":
		// axe-core's selector input[type="image"] matches lower case only.
		if attrOr(n, "type") == "image" && sanitize(attrOr(n, "alt")) == "" && !p.ariaNamed(n) && sanitize(attrOr(n, "title")) == "" && p.labelOnly(n) == "" {
			p.add("input-image-alt", n, "die Bild-Schaltfläche hat kein alt. Schreiben Sie in alt, was sie tut.")
		}
	case n.tag == "select":
		if p.name(n) == "" && !pres {
			p.add("select-name", n, "die Auswahlliste hat keine Beschriftung. Verbinden Sie ein <label for> mit ihrer id oder setzen Sie aria-label.")
		}
	default:
		if p.name(n) == "" && !pres {
			p.add("label", n, "das Eingabefeld hat keine Beschriftung. Verbinden Sie ein <label for> mit seiner id oder setzen Sie aria-label.")
		}
	}
	if typ == "radio" {
		name, _ := n.attr("name")
		radios[name] = append(radios[name], n)
	}
	if ac, ok := n.attr("autocomplete"); ok {
		for tok := range strings.FieldsSeq(strings.ToLower(ac)) {
			if !autocompleteTokens[tok] && !strings.HasPrefix(tok, "section-") && tok != "shipping" && tok != "billing" && tok != "home" && tok != "work" && tok != "mobile" {
				p.add("autocomplete-valid", n, "autocomplete=%q ist kein gültiger Wert. Erlaubt sind zum Beispiel name, email, tel, street-address.", ac)
				break
			}
		}
	}
}

// ariaNamed: aria-labelledby or aria-label give n a name.
func (p *page) ariaNamed(n *node) bool {
	return sanitize(p.labelledByText(n, nameCtx{start: n, processed: map[*node]bool{}, steps: new(int)})) != "" || sanitize(attrOr(n, "aria-label")) != ""
}

func (p *page) table(n *node) {
	var ths, tds []*node
	var caption *node
	n.walk(func(c *node) bool {
		if c != n && c.tag == "table" {
			return false
		}
		switch c.tag {
		case "th":
			ths = append(ths, c)
		case "td":
			tds = append(tds, c)
		case "caption":
			caption = c
		}
		return true
	})
	p.headersAttr(n, tds, ths)
	if presentational(p.role(n)) {
		return
	}
	if len(tds) > 0 && len(ths) == 0 {
		p.add("table-header", n, "die Tabelle hat keine Kopfzellen <th>. Geben Sie ihr eine Kopfzeile.")
	}
	if len(tds) > 0 && caption == nil && !p.ariaNamed(n) && (n.parent == nil || !p.ariaNamed(n.parent)) {
		p.add("table-caption", n, "die Tabelle hat keine Beschriftung. Schreiben Sie davor einen Absatz, der mit „Tabelle:“ beginnt.")
	}
}

// cell: scope only on th, with a valid value; header cells are not empty.
func (p *page) cell(n *node, role string) {
	if s, ok := n.attr("scope"); ok {
		switch v := strings.ToLower(strings.TrimSpace(s)); {
		case n.tag == "td":
			p.add("scope-attr-valid", n, "scope gehört nur an Kopfzellen <th>, nicht an <td>.")
		case v != "col" && v != "row" && v != "colgroup" && v != "rowgroup":
			p.add("scope-attr-valid", n, "scope=%q ist ungültig. Erlaubt sind col, row, colgroup und rowgroup.", s)
		}
	}
}

// skipLinks: the skip links of the page, same-page links before the
// first link to another page, lead to an element that exists (axe-core's
// skip-link).
func (p *page) skipLinks() {
	p.root.walk(func(n *node) bool {
		if n.tag != "a" || n.foreign {
			return true
		}
		href, ok := n.attr("href")
		if !ok || strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "javascript:") {
			return true
		}
		frag, same := samePageFragment(href)
		if !same {
			return false // the first link to a page: no skip links after it
		}
		if !n.hidden && p.target(frag) == nil {
			p.add("skip-link", n, "der Sprunglink zeigt auf #%s, das es auf der Seite nicht gibt. Geben Sie dem Ziel, meist <main>, diese id.", frag)
		}
		return true
	})
}

// samePageFragment reports whether href leads to a place on the page
// itself, and which.
func samePageFragment(href string) (string, bool) {
	href = strings.TrimSpace(href)
	h := strings.TrimPrefix(href, "/")
	if !strings.HasPrefix(h, "#") || h == "#" || strings.HasPrefix(h, "#!") || strings.HasPrefix(h, "#/") {
		return "", false
	}
	return h[1:], true
}

// firstSkipLink is handbuch's own stricter rule: the first element the
// Tab key reaches is a skip link to an element on the page.
func (p *page) firstSkipLink() {
	var first *node
	p.root.walk(func(n *node) bool {
		if first != nil || n.tag == "head" {
			return false
		}
		if n.tag != "" && p.inTabOrder(n) {
			first = n
			return false
		}
		return true
	})
	if first == nil {
		return
	}
	frag, same := samePageFragment(attrOr(first, "href"))
	if first.tag != "a" || !same {
		p.add("sprunglink-zuerst", first, "das erste Element für die Tab-Taste ist kein Sprunglink zum Inhalt. Setzen Sie <a href=\"#inhalt\">Zum Inhalt springen</a> an den Anfang von <body>.")
		return
	}
	if p.target(frag) == nil {
		p.add("sprunglink-zuerst", first, "der Sprunglink zeigt auf #%s, das es auf der Seite nicht gibt.", frag)
	}
}
