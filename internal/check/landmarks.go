package check

import "strings"

// The rules of axe-core 4.14.1 on landmarks (landmark-*), with
// axe-core's selectors and exceptions.

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
	type named struct {
		n          *node
		role, name string
	}
	var seen []named
	p.root.walk(func(n *node) bool {
		if n.tag == "" || n.tag == "#document" {
			return true
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
			name := strings.ToLower(p.name(n))
			for _, s := range seen {
				if s.role == role && s.name == name {
					what := "ohne Namen"
					if name != "" {
						what = "mit dem Namen " + quote(p.name(n))
					}
					p.add("landmark-unique", Error, n, sc131, "es gibt schon eine Landmarke mit der Rolle %s %s (Zeile %d). Gleichartige Landmarken brauchen verschiedene Namen: Geben Sie jeder ein eigenes aria-label oder aria-labelledby.", role, what, p.line(s.n))
					break
				}
			}
			seen = append(seen, named{n, role, name})
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
			p.add(list.Rule, Error, list.found[1], sc131, "die Seite hat %d %s, richtig ist höchstens einer; der erste steht in Zeile %d. Machen Sie aus den anderen ein <div> oder setzen Sie sie in den Abschnitt, zu dem sie gehören.", len(list.found), list.what, p.line(list.found[0]))
		}
	}
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
			p.add(rule.Rule, Error, n, sc131, "der %s steht in einer anderen Landmarke (<%s> mit der Rolle %s, Zeile %d). Setzen Sie ihn auf die oberste Ebene der Seite, außerhalb von main, nav, aside, header, footer und benannten section.", rule.what, a.tag, r, p.line(a))
			return
		}
	}
}
