package check

import (
	"fmt"
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
	file     string
	src      []byte
	index    *positions // made on the first finding
	root     *node
	ids      map[string]*node
	labels   map[string]*node // label elements by their for attribute
	findings []Finding
}

func (p *page) add(rule string, sev Severity, n *node, sc, format string, args ...any) {
	p.findings = append(p.findings, Finding{Rule: rule, Severity: sev, Pos: p.pos(n), Msg: fmt.Sprintf(format, args...), SC: sc, node: n})
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
	p.run()
	return p.findings
}

func (p *page) run() {
	// A file that is not text, or holds no element at all, is not a page
	// a browser can show as the author meant; the rules below would only
	// report the noise the tokenizer makes of it.
	if !utf8.Valid(p.src) {
		bad := 0
		for r, size := utf8.DecodeRune(p.src); r != utf8.RuneError || size > 1; r, size = utf8.DecodeRune(p.src[bad:]) {
			bad += size
		}
		p.add("html-readable", Error, &node{offset: bad}, "", "die Datei ist nicht in UTF-8 gespeichert (hier steht das erste ungültige Byte) oder ist gar keine Textdatei. Browser zeigen sie mit falschen Zeichen an. Speichern Sie sie als UTF-8 oder nehmen Sie sie aus dem Ordner.")
		return
	}
	if !hasSourceElement(p.root) {
		p.add("html-readable", Error, p.root, "", "die Datei enthält kein einziges HTML-Element. Eine Seite beginnt mit <!DOCTYPE html> und <html lang=\"de\">; eine Datei, die keine Seite ist, gehört nicht in den Ordner der Website.")
		return
	}
	var htmlEl, title *node
	var mains, h1s []*node
	lastLevel := 0
	accesskeys := map[string]*node{}
	linkTargets := map[string]string{}
	radios := map[string][]*node{}
	p.labels = map[string]*node{}
	p.root.walk(func(n *node) bool {
		if n.tag == "" {
			return true
		}
		if f, ok := n.attr("for"); ok && n.tag == "label" {
			if _, seen := p.labels[f]; !seen {
				p.labels[f] = n
			}
		}
		if id, ok := n.attr("id"); ok {
			if other, dup := p.ids[id]; dup {
				p.add("duplicate-id", Error, n, sc412, "die id %q gibt es schon in Zeile %d. Jede id darf auf einer Seite nur einmal vorkommen, sonst finden Beschriftungen und Sprungziele das falsche Element.", id, p.line(other))
			} else {
				p.ids[id] = n
			}
		}
		return true
	})
	p.root.walk(func(n *node) bool {
		switch n.tag {
		case "":
			return true
		case "html":
			if !n.implied {
				htmlEl = n
			}
		case "title":
			if title == nil {
				title = n
			}
		case "main":
			mains = append(mains, n)
		case "meta":
			p.meta(n)
		case "img":
			p.img(n)
		case "svg":
			if r, _ := n.attr("role"); r == "img" && p.name(n) == "" {
				p.add("svg-img-alt", Error, n, sc111, "die Grafik hat role=\"img\", aber keinen Namen. Geben Sie ihr aria-label oder einen <title>.")
			}
		case "a":
			p.link(n, linkTargets)
		case "button":
			if p.name(n) == "" {
				p.add("button-name", Error, n, sc412, "die Schaltfläche hat keinen Namen. Schreiben Sie einen Text hinein oder setzen Sie aria-label.")
			}
		case "input", "select", "textarea":
			p.control(n, radios)
		case "fieldset":
			if len(n.children) == 0 || firstElement(n) == nil || firstElement(n).tag != "legend" {
				p.add("fieldset-legend", Error, n, sc131, "das fieldset hat keine legend als erstes Element. Die legend sagt, worum es in der Gruppe geht.")
			}
		case "table":
			p.table(n)
		case "ul", "ol":
			for _, c := range n.children {
				if c.tag != "" && c.tag != "li" && c.tag != "script" && c.tag != "template" {
					p.add("list", Error, c, sc131, "in <%s> dürfen nur <li> stehen, hier steht <%s>.", n.tag, c.tag)
				}
			}
		case "li":
			if par := n.parent; par == nil || (par.tag != "ul" && par.tag != "ol" && par.tag != "menu") {
				p.add("listitem", Error, n, sc131, "<li> steht nicht in einer Liste (<ul> oder <ol>).")
			}
		case "dl":
			for _, c := range n.children {
				if c.tag != "" && c.tag != "dt" && c.tag != "dd" && c.tag != "div" && c.tag != "script" && c.tag != "template" {
					p.add("definition-list", Error, c, sc131, "in <dl> dürfen nur <dt>, <dd> und <div> stehen, hier steht <%s>.", c.tag)
				}
			}
		case "dt", "dd":
			par := n.parent
			if par != nil && par.tag == "div" {
				par = par.parent
			}
			if par == nil || par.tag != "dl" {
				p.add("dlitem", Error, n, sc131, "<%s> steht nicht in einer Beschreibungsliste <dl>.", n.tag)
			}
		case "iframe":
			if t, _ := n.attr("title"); strings.TrimSpace(t) == "" {
				p.add("frame-title", Error, n, sc412, "der iframe hat keinen title. Beschreiben Sie seinen Inhalt im Attribut title.")
			}
		case "font", "center", "marquee", "blink":
			p.add("obsolete-element", Warning, n, sc131, "<%s> ist veraltet und für Hilfsmittel unverständlich. Gestalten Sie mit CSS.", n.tag)
		case "h1", "h2", "h3", "h4", "h5", "h6":
			level := int(n.tag[1] - '0')
			if level == 1 {
				h1s = append(h1s, n)
			}
			if level > lastLevel+1 {
				p.add("heading-order", Error, n, sc131, "die Überschrift <%s> folgt auf <h%d>; es fehlt eine Ebene dazwischen. Überspringen Sie keine Ebene.", n.tag, lastLevel)
			}
			lastLevel = level
			if p.name(n) == "" {
				p.add("empty-heading", Error, n, sc246, "die Überschrift ist leer. Schreiben Sie einen Text hinein oder entfernen Sie sie.")
			}
		}
		if v, ok := n.attr("lang"); ok && n.tag != "html" {
			if _, err := language.Parse(v); err != nil || v == "" {
				p.add("valid-lang", Error, n, sc312, "lang=%q ist kein gültiges Sprachkürzel. Verwenden Sie zum Beispiel \"en\" oder \"tr\".", v)
			}
		}
		if t, ok := n.attr("tabindex"); ok {
			if i, err := strconv.Atoi(t); err == nil && i > 0 {
				p.add("tabindex", Error, n, sc243, "tabindex=%q verändert die Reihenfolge der Tab-Taste. Verwenden Sie 0 oder -1.", t)
			}
		}
		if k, ok := n.attr("accesskey"); ok {
			if other, dup := accesskeys[k]; dup {
				p.add("accesskeys", Warning, n, best, "accesskey %q gibt es schon in Zeile %d.", k, p.line(other))
			}
			accesskeys[k] = n
		}
		if _, ok := n.attr("align"); ok {
			p.add("obsolete-attribute", Warning, n, sc131, "das Attribut align ist veraltet. Gestalten Sie mit CSS.")
		}
		p.aria(n)
		if interactive(n) {
			if outer := n.closest("a", "button"); outer != nil {
				p.add("nested-interactive", Error, n, sc412, "<%s> steht in <%s> (Zeile %d). Bedienelemente dürfen nicht ineinander stehen.", n.tag, outer.tag, p.line(outer))
			}
		}
		return true
	})
	if htmlEl == nil {
		// A fragment such as <p>hallo</p>: browsers show it as a page,
		// with the <html>, <head> and <body> the parser adds, so the rules
		// of a page apply, at the start of the file.
		htmlEl = p.root
		p.add("html-has-lang", Error, htmlEl, sc311, "die Datei hat kein <html>-Element und damit keine Sprache. Beginnen Sie sie mit <!DOCTYPE html> und <html lang=\"de\">.")
	} else if lang, ok := htmlEl.attr("lang"); !ok || strings.TrimSpace(lang) == "" {
		p.add("html-has-lang", Error, htmlEl, sc311, "<html> hat kein lang-Attribut. Setzen Sie language in handbuch.toml, zum Beispiel \"de\".")
	} else if _, err := language.Parse(lang); err != nil {
		p.add("html-lang-valid", Error, htmlEl, sc311, "lang=%q ist kein gültiges Sprachkürzel.", lang)
	}
	if title == nil || title.textContent() == "" {
		p.add("document-title", Error, htmlEl, sc242, "die Seite hat keinen <title>. Der Titel sagt im Browser-Tab und im Screenreader, wo man ist.")
	}
	if len(mains) != 1 {
		p.add("landmark-one-main", Error, htmlEl, sc131, "die Seite hat %d <main>-Bereiche, richtig ist genau einer.", len(mains))
	}
	switch {
	case len(h1s) == 0:
		p.add("page-has-heading-one", Error, htmlEl, sc131, "die Seite hat keine Überschrift <h1>.")
	case len(h1s) > 1:
		p.add("page-has-heading-one", Error, h1s[1], sc131, "die Seite hat %d Überschriften <h1>, richtig ist genau eine.", len(h1s))
	}
	p.skipLink()
	for name, group := range radios {
		if len(group) > 1 && group[0].closest("fieldset") == nil {
			p.add("radiogroup", Error, group[0], sc131, "die Optionsfelder %q stehen nicht in einem <fieldset> mit <legend>. So weiß man nicht, worauf sie antworten.", name)
		}
	}
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
	if eq, _ := n.attr("http-equiv"); strings.EqualFold(eq, "refresh") {
		p.add("meta-refresh", Error, n, sc221, "die Seite lädt sich selbst neu oder leitet weiter. Das nimmt Menschen die Zeit zum Lesen.")
	}
	if name, _ := n.attr("name"); name == "viewport" {
		content, _ := n.attr("content")
		c := strings.ToLower(strings.ReplaceAll(content, " ", ""))
		if strings.Contains(c, "user-scalable=no") || strings.Contains(c, "user-scalable=0") {
			p.add("meta-viewport", Error, n, sc144, "user-scalable=no verhindert das Vergrößern. Entfernen Sie es.")
		}
		if m := regexp.MustCompile(`maximum-scale=([0-9.]+)`).FindStringSubmatch(c); m != nil {
			if v, err := strconv.ParseFloat(m[1], 64); err == nil && v < 2 {
				p.add("meta-viewport", Error, n, sc144, "maximum-scale=%s verhindert das Vergrößern auf 200 %%. Entfernen Sie es.", m[1])
			}
		}
	}
}

var fileNameRe = regexp.MustCompile(`(?i)^[\w.-]+\.(png|jpe?g|gif|svg|webp)$`)

func (p *page) img(n *node) {
	alt, ok := n.attr("alt")
	if r, _ := n.attr("role"); r == "presentation" || r == "none" {
		return
	}
	switch {
	case !ok && p.labelled(n) == "":
		p.add("image-alt", Error, n, sc111, "das Bild hat kein alt-Attribut. Beschreiben Sie in alt, was das Bild zeigt; nur ein reiner Schmuck bekommt alt=\"\".")
	case ok && (fileNameRe.MatchString(strings.TrimSpace(alt)) || strings.EqualFold(strings.TrimSpace(alt), "Bild") || strings.EqualFold(strings.TrimSpace(alt), "Foto")):
		p.add("image-alt-meaningful", Warning, n, sc111, "alt=%q beschreibt das Bild nicht. Schreiben Sie, was darauf zu sehen ist.", alt)
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
		p.add("link-name", Error, n, sc244, "der Link hat keinen Text. Schreiben Sie, wohin er führt.")
	case genericLinks[text]:
		p.add("link-generic", Warning, n, sc244, "der Linktext %q sagt allein nicht, wohin der Link führt. Schreiben Sie das Ziel hinein, zum Beispiel „Kapitel Datenschutz“.", name)
	case strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://") || strings.HasPrefix(text, "www."):
		p.add("link-url-text", Hint, n, sc244, "der Linktext ist eine Adresse. Schreiben Sie lieber, wohin der Link führt.")
	}
	if frag, ok := strings.CutPrefix(href, "#"); ok && frag != "" {
		if _, exists := p.ids[frag]; !exists {
			p.add("link-target", Error, n, sc244, "der Link zeigt auf #%s, das es auf der Seite nicht gibt.", frag)
		}
	}
	if name != "" && !strings.HasPrefix(href, "#") {
		target, _, _ := strings.Cut(href, "#")
		key := strings.ToLower(name)
		if other, seen := targets[key]; seen && other != target && path.Clean(other) != path.Clean(target) {
			p.add("link-same-text", Warning, n, sc244, "der Linktext %q führt hier zu %s, weiter oben auf der Seite aber zu %s. Gleiche Texte sollten zum gleichen Ziel führen.", name, target, other)
		} else if !seen {
			targets[key] = target
		}
	}
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

func (p *page) control(n *node, radios map[string][]*node) {
	typ, _ := n.attr("type")
	typ = strings.ToLower(typ)
	if n.tag == "input" && (typ == "hidden" || typ == "submit" || typ == "reset" || typ == "button" || typ == "image") {
		if (typ == "submit" || typ == "reset" || typ == "button") && p.name(n) == "" {
			if v, _ := n.attr("value"); v == "" && typ == "button" {
				p.add("input-button-name", Error, n, sc412, "die Schaltfläche hat keinen Namen. Setzen Sie value.")
			}
		}
		if typ == "image" {
			if alt, _ := n.attr("alt"); alt == "" {
				p.add("input-image-alt", Error, n, sc111, "die Bild-Schaltfläche hat kein alt.")
			}
		}
		return
	}
	if p.name(n) == "" {
		p.add("label", Error, n, sc412, "das Eingabefeld hat keine Beschriftung. Verbinden Sie ein <label for> mit seiner id oder setzen Sie aria-label.")
	}
	if typ == "radio" {
		name, _ := n.attr("name")
		radios[name] = append(radios[name], n)
	}
	if ac, ok := n.attr("autocomplete"); ok {
		for _, tok := range strings.Fields(strings.ToLower(ac)) {
			if !autocompleteTokens[tok] && !strings.HasPrefix(tok, "section-") && tok != "shipping" && tok != "billing" && tok != "home" && tok != "work" && tok != "mobile" {
				p.add("autocomplete-valid", Error, n, sc135, "autocomplete=%q ist kein gültiger Wert. Erlaubt sind zum Beispiel name, email, tel, street-address.", ac)
				break
			}
		}
	}
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
	if r, _ := n.attr("role"); r == "presentation" || r == "none" {
		return
	}
	if len(tds) > 0 && len(ths) == 0 {
		p.add("table-header", Error, n, sc131, "die Tabelle hat keine Kopfzellen <th>. Geben Sie ihr eine Kopfzeile.")
	}
	if len(tds) > 0 && caption == nil && p.labelled(n) == "" && p.labelled(n.parent) == "" {
		p.add("table-caption", Warning, n, sc131, "die Tabelle hat keine Beschriftung. Schreiben Sie davor einen Absatz, der mit „Tabelle:“ beginnt.")
	}
	for _, th := range ths {
		if s, ok := th.attr("scope"); ok && s != "col" && s != "row" && s != "colgroup" && s != "rowgroup" {
			p.add("scope-attr-valid", Error, th, sc131, "scope=%q ist ungültig. Erlaubt sind col, row, colgroup und rowgroup.", s)
		}
		if th.textContent() == "" && p.labelled(th) == "" {
			p.add("empty-table-header", Warning, th, sc131, "die Kopfzelle ist leer.")
		}
	}
	for _, td := range tds {
		if h, ok := td.attr("headers"); ok {
			for _, id := range strings.Fields(h) {
				if t, exists := p.ids[id]; !exists || t.tag != "th" {
					p.add("td-headers-attr", Error, td, sc131, "headers verweist auf %q, aber dort steht keine Kopfzelle <th>.", id)
				}
			}
		}
	}
}

// skipLink checks that the first focusable element is a link to an
// existing target in the page, as the skip link of every layout is.
func (p *page) skipLink() {
	var first *node
	p.root.walk(func(n *node) bool {
		if first != nil {
			return false
		}
		if n.tag == "head" {
			return false
		}
		if focusable(n) {
			first = n
			return false
		}
		return true
	})
	if first == nil {
		return
	}
	href, _ := first.attr("href")
	frag, ok := strings.CutPrefix(href, "#")
	if first.tag != "a" || !ok || frag == "" {
		p.add("skip-link", Error, first, sc241, "das erste Element für die Tab-Taste ist kein Sprunglink zum Inhalt. Setzen Sie <a href=\"#inhalt\">Zum Inhalt springen</a> an den Anfang von <body>.")
		return
	}
	if _, exists := p.ids[frag]; !exists {
		p.add("skip-link", Error, first, sc241, "der Sprunglink zeigt auf #%s, das es auf der Seite nicht gibt.", frag)
	}
}

func focusable(n *node) bool {
	if n.tag == "" || n.has("disabled") {
		return false
	}
	if t, ok := n.attr("tabindex"); ok {
		return t != "-1"
	}
	switch n.tag {
	case "a":
		return n.has("href")
	case "button", "select", "textarea", "iframe", "summary":
		return true
	case "input":
		t, _ := n.attr("type")
		return t != "hidden"
	}
	return false
}

func interactive(n *node) bool {
	switch n.tag {
	case "a":
		return n.has("href")
	case "button", "select", "textarea", "iframe", "details", "summary", "label", "embed":
		return n.tag != "label"
	case "input":
		t, _ := n.attr("type")
		return t != "hidden"
	}
	return false
}
