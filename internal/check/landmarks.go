package check

import "strings"

// The rules of axe-core 4.14.1 on landmarks and regions (landmark-*,
// region, bypass) and the ARIA rules that look at one element at a time
// beside the role table (aria-hidden-body, aria-roledescription,
// aria-conditional-attr, aria-braille-equivalent, summary-name), with
// axe-core's selectors and exceptions. What axe-core leaves
// "incomplete" is no finding, with one exception: bypass and
// aria-braille-equivalent are rules axe-core marks reviewOnFail, so it
// never reports them as violations; handbuch reports their failing
// condition as a hint (Hinweis), which never stops a build, so that the
// rules still say something.

// landmarkRole reports whether role is a landmark as axe-core's roles
// go: it reads no DPUB roles (doc-*) without being asked to.
func landmarkRole(role string) bool {
	d := roleTable[role]
	return d != nil && d.kind == "landmark" && !strings.HasPrefix(role, "doc-")
}

// topLevelRules are the landmark-*-is-top-level rules by the role they
// judge, with the German word for the landmark.
var topLevelRules = map[string]struct{ Rule, what string }{
	"banner":        {Rule: "landmark-banner-is-top-level", what: "Kopfbereich (banner)"},
	"complementary": {Rule: "landmark-complementary-is-top-level", what: "Ergänzungsbereich (complementary)"},
	"contentinfo":   {Rule: "landmark-contentinfo-is-top-level", what: "Fußbereich (contentinfo)"},
	"main":          {Rule: "landmark-main-is-top-level", what: "Hauptbereich (main)"},
}

// topLevelTags are the elements whose landmark the *-is-top-level rules
// judge, by role: header:not([role]), [role=banner] and so on.
var topLevelTags = map[string]string{"header": "banner", "aside": "complementary", "footer": "contentinfo", "main": "main"}

// landmarks runs the rules of this file on the page, after the rules of
// the main walk.
func (p *page) landmarks() {
	banners, contentinfos := []*node{}, []*node{}
	seen := map[string]*node{} // the first landmark of each role and name
	p.root.walk(func(n *node) bool {
		if n.tag == "" || n.tag == "#document" {
			return true
		}
		if n.tag == "body" && !n.foreign {
			if h, _ := n.attr("aria-hidden"); strings.ToLower(strings.TrimSpace(h)) == "true" {
				p.add("aria-hidden-body", n, "<body> hat aria-hidden=\"true\": damit ist die ganze Seite für Screenreader unsichtbar. Entfernen Sie das Attribut.")
			}
		}
		if n.hidden {
			return true
		}
		roleAttr, hasRole := n.attr("role")
		role := p.role(n)
		// landmark-*-is-top-level and landmark-no-duplicate-*.
		judged := ""
		if r, ok := topLevelTags[n.tag]; ok && !hasRole && !n.foreign {
			judged = r
		} else if hasRole && topLevelRules[roleAttr].Rule != "" {
			judged = roleAttr
		}
		if judged != "" {
			bodyContext := hasRole || n.closest("article", "aside", "main", "nav", "section") == nil
			if judged == "main" || judged == "complementary" || bodyContext {
				p.topLevel(n, judged, role)
			}
			switch {
			case judged == "banner" && role == "banner":
				banners = append(banners, n)
			case judged == "contentinfo" && role == "contentinfo":
				contentinfos = append(contentinfos, n)
			}
		}
		// landmark-unique.
		if landmarkRole(role) && (uniqueTags[n.tag] && !n.foreign || hasRole && uniqueRoles[roleAttr]) {
			key := role + "\x00" + strings.ToLower(p.name(n))
			if first := seen[key]; first != nil {
				what := "ohne Namen"
				if p.name(n) != "" {
					what = "mit dem Namen " + quote(p.name(n))
				}
				p.add("landmark-unique", n, "es gibt schon eine Landmarke mit der Rolle %s %s (Zeile %d). Gleichartige Landmarken brauchen verschiedene Namen: Geben Sie jeder ein eigenes aria-label oder aria-labelledby.", role, what, p.line(first))
			} else {
				seen[key] = n
			}
		}
		if _, ok := n.attr("aria-roledescription"); ok && (role == "" || presentational(role)) {
			p.add("aria-roledescription", n, "aria-roledescription steht auf <%s> ohne Rolle; Hilfsmittel lesen die Beschreibung dort nicht vor. Geben Sie dem Element eine passende Rolle oder entfernen Sie das Attribut.", n.tag)
		}
		p.conditionalAttrs(n, role)
		p.brailleEquivalent(n)
		if n.tag == "summary" && !n.foreign && firstSummary(n) && p.contentText(n) == "" && !p.ariaNamed(n) && sanitize(attrOr(n, "title")) == "" {
			p.add("summary-name", n, "<summary> hat keinen Namen. Sie ist die Schaltfläche, die den Inhalt von <details> öffnet: Schreiben Sie hinein, was darin steht.")
		}
		return true
	})
	for _, list := range []struct {
		Rule, what string
		found      []*node
	}{
		{Rule: "landmark-no-duplicate-banner", what: "Kopfbereiche (<header> außerhalb von article, aside, main, nav und section, oder role=\"banner\")", found: banners},
		{Rule: "landmark-no-duplicate-contentinfo", what: "Fußbereiche (<footer> außerhalb von article, aside, main, nav und section, oder role=\"contentinfo\")", found: contentinfos},
	} {
		if len(list.found) > 1 {
			p.add(list.Rule, list.found[1], "die Seite hat %d %s, richtig ist höchstens einer; der erste steht in Zeile %d. Machen Sie aus den anderen ein <div> oder setzen Sie sie in den Abschnitt, zu dem sie gehören.", len(list.found), list.what, p.line(list.found[0]))
		}
	}
	p.region()
	p.bypass()
}

// uniqueTags and uniqueRoles are landmark-unique's selector.
var (
	uniqueTags  = setOf("form footer header aside main nav section")
	uniqueRoles = setOf("banner complementary contentinfo main navigation region search form")
)

// topLevel: a banner, complementary, contentinfo or main landmark stands
// in no other landmark (axe-core's landmark-is-top-level; a
// complementary one may stand in main). The ancestors' roles are read
// as axe-core reads them: explicit, else implicit, a <form> only by its
// explicit role.
func (p *page) topLevel(n *node, judged, role string) {
	for a := n.parent; a != nil; a = a.parent {
		if a.tag == "" || a.tag == "#document" {
			continue
		}
		r := explicitRole(a)
		if strings.HasPrefix(r, "doc-") {
			r = ""
		}
		if r == "" && a.tag != "form" {
			r = p.implicitRole(a)
		}
		if landmarkRole(r) && !(r == "main" && role == "complementary") {
			rule := topLevelRules[judged]
			p.add(rule.Rule, n, "der %s steht in einer anderen Landmarke (<%s> mit der Rolle %s, Zeile %d). Setzen Sie ihn auf die oberste Ebene der Seite, außerhalb von main, nav, aside, header, footer und benannten section.", rule.what, a.tag, r, p.line(a))
			return
		}
	}
}

// firstSummary reports whether n is the first <summary> child of a
// <details>, the one that opens it.
func firstSummary(n *node) bool {
	d := n.parent
	if d == nil || d.tag != "details" {
		return false
	}
	for _, c := range d.children {
		if c.tag == "summary" {
			return c == n
		}
	}
	return false
}

// conditionalAttrs: aria-* attributes a role takes only under conditions
// (axe-core's aria-conditional-attr): aria-checked on a native checkbox
// or radio button says what its checked state says, and a row takes
// aria-posinset, aria-setsize, aria-expanded and aria-level only in a
// treegrid.
func (p *page) conditionalAttrs(n *node, role string) {
	if n.foreign {
		return
	}
	typ := strings.ToLower(strings.TrimSpace(attrOr(n, "type")))
	switch role {
	case "checkbox", "radio":
		checked, _ := n.attr("aria-checked")
		if n.tag != "input" || typ != role || checked == "" {
			return
		}
		aria := strings.ToLower(checked)
		if aria != "true" && (role == "radio" || aria != "mixed") {
			aria = "false"
		}
		state := "false"
		if n.has("checked") {
			state = "true"
		}
		if aria != state {
			what := "Das Kontrollkästchen ist"
			if role == "radio" {
				what = "Das Optionsfeld ist"
			}
			if state == "true" {
				what += " angekreuzt"
			} else {
				what += " nicht angekreuzt"
			}
			p.add("aria-conditional-attr", n, "aria-checked=%q widerspricht dem Zustand des Feldes. %s, und das sagt es Hilfsmitteln selbst: Entfernen Sie aria-checked.", checked, what)
		}
	case "row":
		var found []string
		for _, a := range []string{"aria-posinset", "aria-setsize", "aria-expanded", "aria-level"} {
			if n.has(a) {
				found = append(found, a)
			}
		}
		if len(found) == 0 {
			return
		}
		var owner *node
		for a := n; a != nil && owner == nil; a = a.parent {
			if a.tag == "table" && !a.has("role") && !a.foreign {
				owner = a
			}
			for _, t := range strings.Fields(attrOr(a, "role")) {
				if t == "treegrid" || t == "table" || t == "grid" {
					owner = a
				}
			}
		}
		if owner == nil {
			return
		}
		if r := p.role(owner); r != "" && r != "treegrid" {
			p.add("aria-conditional-attr", n, "%s ist an einer Zeile nur in einem treegrid erlaubt; diese Zeile steht in einem Element mit der Rolle %s (Zeile %d). Entfernen Sie das Attribut oder geben Sie der Tabelle role=\"treegrid\".", strings.Join(found, ", "), r, p.line(owner))
		}
	}
}

// brailleEquivalent: aria-braillelabel and aria-brailleroledescription
// only beside what they abbreviate, an accessible name and an
// aria-roledescription. axe-core asks a person to review what fails, so
// handbuch gives a hint.
func (p *page) brailleEquivalent(n *node) {
	if v, ok := n.attr("aria-braillelabel"); ok && strings.TrimSpace(v) != "" && p.name(n) == "" {
		p.add("aria-braille-equivalent", n, "aria-braillelabel steht auf einem Element ohne Namen. Die Braille-Beschriftung kürzt den Namen nur ab: Geben Sie dem Element auch einen Namen (Text, alt, aria-label).")
	}
	if v, ok := n.attr("aria-brailleroledescription"); ok && sanitize(v) != "" {
		if rd, ok := n.attr("aria-roledescription"); !ok || sanitize(rd) == "" {
			p.add("aria-braille-equivalent", n, "aria-brailleroledescription steht ohne ein nicht leeres aria-roledescription. Die Braille-Beschreibung kürzt die Rollenbeschreibung nur ab: Setzen Sie auch aria-roledescription.")
		}
	}
}

// region: all content of the page stands in a landmark (axe-core's
// region). An element counts as inside when it or an ancestor is a
// landmark, a live region (aria-live polite or assertive, role alert,
// log or status), a dialog, an SVG, a button, an iframe, a skip link to
// an element of the page, or hidden. Content is text of the element's
// own, an image or control, or an aria-label; an element made
// presentational without text of its own is looked through. A finding
// is reported at the outermost element below <body> without a landmark
// inside, as axe-core reports it.
func (p *page) region() {
	skip := p.skipLinkSet()
	var regionless []*node
	inRegion := map[*node]bool{} // elements with a landmark, or one of the exceptions, at or under them
	mark := func(n *node) {
		for a := n; a != nil && !inRegion[a]; a = a.parent {
			inRegion[a] = true
		}
	}
	p.root.walk(func(n *node) bool {
		if n.tag == "#document" {
			return true
		}
		if n.tag == "" {
			return false
		}
		role := p.role(n)
		if n.hidden || role == "button" || p.isRegion(n, role) || n.tag == "iframe" || n.tag == "frame" || skip[n] {
			mark(n)
			return false
		}
		if n.tag != "body" && p.hasOwnContent(n) && !(presentational(role) && !hasChildText(n)) {
			regionless = append(regionless, n)
			return false
		}
		return true
	})
	reported := map[*node]bool{}
	for _, n := range regionless {
		for n.parent != nil && !inRegion[n.parent] && n.parent.tag != "body" {
			n = n.parent
		}
		if !reported[n] {
			reported[n] = true
			p.add("region", n, "dieser Inhalt (<%s>) steht in keiner Landmarke. Wer mit dem Screenreader von Bereich zu Bereich springt, überhört ihn. Setzen Sie ihn in <header>, <nav>, <main>, <aside> oder <footer>.", n.tag)
		}
	}
}

// isRegion: what region counts as a landmark.
func (p *page) isRegion(n *node, role string) bool {
	switch strings.ToLower(strings.TrimSpace(attrOr(n, "aria-live"))) {
	case "assertive", "polite":
		return true
	}
	switch role {
	case "alert", "log", "status":
		return true
	}
	if landmarkRole(role) || n.tag == "svg" || n.tag == "dialog" && !n.foreign {
		return true
	}
	r, _ := n.attr("role")
	return r == "dialog" || r == "alertdialog"
}

// hiddenTextElements have no text of their own to axe-core.
var hiddenTextElements = setOf("head title template script style iframe object video audio noscript")

// hasChildText reports whether n has a text child that is not only
// white space.
func hasChildText(n *node) bool {
	if hiddenTextElements[n.tag] {
		return false
	}
	for _, c := range n.children {
		if c.tag == "" && strings.TrimSpace(c.text) != "" {
			return true
		}
	}
	return false
}

// visualRoles are the explicit roles axe-core counts as content.
var visualRoles = setOf("checkbox img meter progressbar scrollbar radio slider spinbutton textbox")

// visualElements are the elements axe-core counts as content.
var visualElements = setOf("img iframe object video audio canvas svg math button select textarea keygen progress meter")

// hasOwnContent is axe-core's hasContent without looking into the
// children: text of n's own, an image or control, or a label by
// aria-labelledby (visible text) or aria-label.
func (p *page) hasOwnContent(n *node) bool {
	if hasChildText(n) {
		return true
	}
	if r := explicitRole(n); r != "" && !strings.HasPrefix(r, "doc-") {
		if visualRoles[r] {
			return true
		}
	} else if visualElements[n.tag] || n.tag == "input" && !strings.EqualFold(attrOr(n, "type"), "hidden") {
		return true
	}
	var parts []string
	for _, r := range p.idrefs(n, "aria-labelledby") {
		parts = append(parts, p.visibleText(r))
	}
	return strings.TrimSpace(strings.Join(parts, " ")) != "" || sanitize(attrOr(n, "aria-label")) != ""
}

// skipLinkSet are the skip links of the page whose target exists: links
// to a place on the page before the first link to another page.
func (p *page) skipLinkSet() map[*node]bool {
	set := map[*node]bool{}
	done := false
	p.root.walk(func(n *node) bool {
		if done {
			return false
		}
		if n.foreign || n.tag != "a" && n.tag != "area" {
			return true
		}
		href, ok := n.attr("href")
		if !ok {
			return true
		}
		frag, same := samePageFragment(href)
		if !same {
			if n.tag == "a" && !strings.HasPrefix(href, "javascript:") {
				done = true // the first link to a page
			}
			return true
		}
		if p.target(frag) != nil {
			set[n] = true
		}
		return true
	})
	return set
}

// bypass: a page with links has a way to skip the blocks it repeats: a
// main landmark, a heading or a link to a place on the page (axe-core's
// bypass). axe-core asks a person to review a page without one, since it
// may offer another way; handbuch gives a hint.
func (p *page) bypass() {
	links, internal := false, false
	var htmlEl *node
	p.root.walk(func(n *node) bool {
		if n.tag == "html" && htmlEl == nil {
			htmlEl = n
		}
		if n.tag == "a" {
			if href, ok := n.attr("href"); ok {
				links = true
				if len(href) > 1 && href[0] == '#' && href[1] != '/' && href[1] != '!' {
					internal = true
				}
			}
		}
		return !internal
	})
	if !links || internal || htmlEl == nil {
		return
	}
	found := false
	p.root.walk(func(n *node) bool {
		if found || n.tag == "" {
			return false
		}
		roleAttr, hasRole := n.attr("role")
		if !n.hidden && (!n.foreign && (headingTags[n.tag] && !hasRole || n.tag == "main") || roleAttr == "heading" || roleAttr == "main") {
			found = true
		}
		return !found
	})
	if !found {
		p.add("bypass", htmlEl, "die Seite hat Links, aber keinen Hauptbereich <main>, keine Überschrift und keinen Sprunglink. Prüfen Sie, ob man wiederholte Blöcke anders überspringen kann; sonst setzen Sie den Inhalt in <main> und geben ihm eine Überschrift.")
	}
}

var headingTags = setOf("h1 h2 h3 h4 h5 h6")
