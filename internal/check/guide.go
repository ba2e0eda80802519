package check

import (
	"fmt"
	"strings"
)

// GuideDir is the folder of the editors' guide (docs/, a handbuch
// project) that holds a page per rule, from the repository's root.
const GuideDir = "docs/content/regeln"

// GuidePages returns the pages of the editors' guide on the rules, by
// file name: one per rule and _index.md, which lists them by group.
// They are made from the explanations (regeln/*.md), never written by
// hand; TestGuidePages keeps GuideDir up to date.
func GuidePages() map[string][]byte {
	pages := map[string][]byte{"_index.md": guideIndex()}
	for i, r := range Rules {
		e := explanations[r.ID]
		var b strings.Builder
		fmt.Fprintf(&b, "+++\n# Erzeugt aus internal/check/regeln/%s.md: ändern Sie dort, dann\n# go test ./internal/check -run TestGuidePages -update\ntitle = %q\nweight = %d\ndescription = %q\n+++\n\n",
			r.ID, "Regel "+r.ID, i+1, "Was die Regel "+r.ID+" prüft, warum sie wichtig ist und wie Sie einen Befund beheben.")
		fmt.Fprintf(&b, "%s\n\n%s\n\n", guideFacts(r), e.What)
		fmt.Fprintf(&b, "## Warum das wichtig ist\n\n%s\n\n## So beheben Sie es\n\n%s\n\n", e.Why, e.Fix)
		for _, ex := range []struct {
			title string
			ex    Example
		}{{"Falsch", e.Wrong}, {"Richtig", e.Right}} {
			fmt.Fprintf(&b, "## %s\n\nBeispiel: %s.\n\n%s\n", ex.title, ex.ex.LangName(), fence(ex.ex))
		}
		fmt.Fprintf(&b, "## Mehr dazu\n\nIm Terminal zeigt `handbuch explain %s` diese Erklärung. Abschalten lässt sich die Regel in `handbuch.toml` mit `[checks] off = [\"%s\"]`. Tun Sie das nur, wenn Sie wissen, warum die Regel bei Ihnen nicht passt.\n", r.ID, r.ID)
		pages[r.ID+".md"] = []byte(b.String())
	}
	return pages
}

// guideFacts is the line under a rule page's title: severity and
// criterion.
func guideFacts(r Rule) string {
	facts := "**Schwere:** " + r.Severity.String() + ". **WCAG 2.2:** " + CriterionText(r.SC) + "."
	return facts
}

// fence is an example as a fenced code block; the fence is longer than
// any run of backticks in the code.
func fence(ex Example) string {
	f := "```"
	for strings.Contains(ex.Code, f) {
		f += "`"
	}
	return f + ex.Lang + "\n" + ex.Code + f + "\n"
}

// guideIndex is the section page of the rules: the rules by group.
func guideIndex() []byte {
	var b strings.Builder
	b.WriteString("+++\n# Erzeugt aus internal/check/regeln/: go test ./internal/check -run TestGuidePages -update\ntitle = \"Die Regeln der Prüfung\"\nweight = 90\ndescription = \"Jede Regel, die handbuch prüft: was sie prüft, warum sie wichtig ist und wie Sie einen Befund beheben.\"\n+++\n\n")
	fmt.Fprintf(&b, "handbuch prüft jedes Handbuch mit %d Regeln. Jeder Befund nennt die Kennung seiner Regel, etwa `heading-order`. Hier finden Sie zu jeder Regel eine eigene Seite. Sie sagt, was die Regel prüft und warum. Sie zeigt auch, wie Sie den Befund beheben, mit einem falschen und einem richtigen Beispiel. Im Terminal zeigt `handbuch explain` dasselbe.\n", len(Rules))
	intro := map[string]string{
		"html":     "Diese Regeln prüfen den Aufbau jeder fertigen Seite, wie Screenreader und andere Hilfsmittel ihn lesen. Die meisten kommen aus den Regeln von axe-core und gehören zu einem Kriterium der WCAG 2.2.",
		"kontrast": "Diese Regeln prüfen die Farben im Stylesheet der Website.",
		"sprache":  "Diese Regeln gelten für Seiten in Einfacher Sprache (`plain = true`), für das Glossar und für die Kurztexte.",
		"quelle":   "Diese Regeln prüfen die Quellen des Handbuchs: Front Matter, Bilder, Links und Daten.",
	}
	for _, kind := range Kinds {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", KindName(kind), intro[kind])
		for _, r := range Rules {
			if r.Kind != kind {
				continue
			}
			crit := "eigene Regel"
			if c, ok := CriterionOf(r.SC); ok {
				crit = "WCAG " + c.Number
			} else if r.SC != "" {
				crit = "Best Practice"
			}
			fmt.Fprintf(&b, "- [%s](%s.md): %s, %s\n", r.ID, r.ID, r.Severity, crit)
		}
	}
	return []byte(b.String())
}
