package check

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The explanation of each rule is one file, regeln/ID.md, for editors
// who are not programmers: handbuch explain prints it, the editors'
// guide and the Prüfbericht make a page of it. Its first paragraphs say
// what the rule checks (the rule's Help, which handbuch check --regeln
// lists); four sections follow in this order:
//
//	## Warum    who is hurt when the rule is broken
//	## Beheben  what the editor does about it
//	## Falsch   one fenced example that breaks the rule
//	## Richtig  the same example, fixed
//
// An example's fence names its language: markdown (as in a chapter),
// html (a layout in layouts/), css (the stylesheet) or toml
// (handbuch.toml or front matter).
//
//go:embed regeln/*.md
var explanationFiles embed.FS

// Explanation is what a rule checks, why it matters, how to fix it, and
// an example of each. Texts are German paragraphs separated by blank
// lines, with `code` in backticks as the only markup.
type Explanation struct {
	What, Why, Fix string
	Wrong, Right   Example
}

// Example is a piece of a chapter, layout, stylesheet or TOML file.
type Example struct {
	Lang string // markdown, html, css or toml
	Code string // without the fence, ending in a newline
}

// LangName is how the explanations name the language of an example.
func (e Example) LangName() string {
	switch e.Lang {
	case "markdown":
		return "Markdown in einem Kapitel"
	case "html":
		return "HTML in einer Vorlage in layouts/"
	case "css":
		return "CSS im Stylesheet in layouts/assets/"
	case "toml":
		return "TOML in handbuch.toml oder im Front Matter"
	}
	return e.Lang
}

// explanations are the parsed files, by rule id; explanationErrs says
// what is wrong with a file (tests report it; nothing else reads it).
var explanations, explanationErrs = parseExplanations()

// ExplanationOf returns the explanation of the rule id.
func ExplanationOf(id string) (Explanation, bool) {
	e, ok := explanations[id]
	return e, ok
}

// ruleHelp is the first part of each explanation: what the rule checks.
var ruleHelp = func() map[string]string {
	m := make(map[string]string, len(explanations))
	for id, e := range explanations {
		m[id] = e.What
	}
	return m
}()

func parseExplanations() (map[string]Explanation, []error) {
	out := map[string]Explanation{}
	var errs []error
	names, _ := explanationFiles.ReadDir("regeln")
	for _, n := range names {
		id := strings.TrimSuffix(n.Name(), ".md")
		b, _ := explanationFiles.ReadFile("regeln/" + n.Name())
		e, err := parseExplanation(string(b))
		if err != nil {
			errs = append(errs, fmt.Errorf("regeln/%s: %w", n.Name(), err))
		}
		out[id] = e
	}
	return out, errs
}

// parseExplanation reads one file: the What paragraphs, then the four
// sections. A missing section is an error, a file that is partly there
// still gives what it has.
func parseExplanation(src string) (Explanation, error) {
	var e Explanation
	if !utf8.ValidString(src) {
		return e, fmt.Errorf("kein UTF-8")
	}
	sections := map[string]string{}
	var order []string
	name := ""
	var body strings.Builder
	flush := func() {
		sections[name] = strings.TrimSpace(body.String())
		body.Reset()
	}
	fence := ""
	for line := range strings.Lines(src) {
		trimmed := strings.TrimRight(line, "\n")
		if fence == "" && strings.HasPrefix(trimmed, "## ") {
			flush()
			name = strings.TrimSpace(trimmed[3:])
			if _, dup := sections[name]; dup {
				return e, fmt.Errorf("Abschnitt %q steht zweimal da", name)
			}
			order = append(order, name)
			continue
		}
		if strings.HasPrefix(trimmed, "```") {
			if fence == "" {
				fence = "```"
			} else if strings.TrimSpace(trimmed) == fence {
				fence = ""
			}
		}
		body.WriteString(line)
	}
	flush()
	e.What, e.Why, e.Fix = sections[""], sections["Warum"], sections["Beheben"]
	want := []string{"Warum", "Beheben", "Falsch", "Richtig"}
	if !slices.Equal(order, want) {
		return e, fmt.Errorf("die Abschnitte sind %q, verlangt sind %q in dieser Reihenfolge", order, want)
	}
	var err error
	if e.Wrong, err = parseExample(sections["Falsch"]); err != nil {
		return e, fmt.Errorf("Falsch: %w", err)
	}
	if e.Right, err = parseExample(sections["Richtig"]); err != nil {
		return e, fmt.Errorf("Richtig: %w", err)
	}
	return e, nil
}

// parseExample reads a section that is exactly one fenced code block.
func parseExample(s string) (Example, error) {
	lang, rest, ok := strings.Cut(s, "\n")
	lang, isFence := strings.CutPrefix(lang, "```")
	code, closed := strings.CutSuffix(rest, "\n```")
	if !ok || !isFence || !closed || strings.Contains(code, "\n```") {
		return Example{}, fmt.Errorf("erwartet ist genau ein Codeblock zwischen ```-Zeilen")
	}
	switch lang {
	case "markdown", "html", "css", "toml":
	default:
		return Example{}, fmt.Errorf("Sprache %q: erlaubt sind markdown, html, css und toml", lang)
	}
	return Example{Lang: lang, Code: code + "\n"}, nil
}

// Criterion is a WCAG success criterion as the explanations name it.
type Criterion struct {
	Number, Name, Level string // "1.4.3", "Kontrast (Minimum)", "AA"
}

// CriterionOf returns the criterion of a rule's SC ("WCAG 2.2 1.4.3,
// Stufe AA"); ok is false for handbuch's own rules and best practices.
func CriterionOf(sc string) (Criterion, bool) {
	rest, ok := strings.CutPrefix(sc, "WCAG 2.2 ")
	if !ok {
		return Criterion{}, false
	}
	num, level, _ := strings.Cut(rest, ", Stufe ")
	name, ok := criterionNames[num]
	return Criterion{Number: num, Name: name, Level: level}, ok
}

// criterionNames are the German names of the criteria the rules serve,
// as the official German translation of WCAG 2.2 calls them.
var criterionNames = map[string]string{
	"1.1.1":  "Nicht-Text-Inhalt",
	"1.3.1":  "Info und Beziehungen",
	"1.3.4":  "Ausrichtung",
	"1.3.5":  "Eingabezweck bestimmen",
	"1.4.3":  "Kontrast (Minimum)",
	"1.4.4":  "Textgröße ändern",
	"1.4.6":  "Kontrast (erhöht)",
	"1.4.11": "Nicht-Text-Kontrast",
	"2.1.1":  "Tastatur",
	"2.2.1":  "Zeitliche Steuerung anpassbar",
	"2.2.2":  "Pausieren, beenden, ausblenden",
	"2.2.4":  "Unterbrechungen",
	"2.4.1":  "Blöcke umgehen",
	"2.4.2":  "Seite mit Titel versehen",
	"2.4.3":  "Fokus-Reihenfolge",
	"2.4.4":  "Linkzweck (im Kontext)",
	"2.4.6":  "Überschriften und Beschriftungen",
	"3.1.1":  "Sprache der Seite",
	"3.1.2":  "Sprache von Teilen",
	"3.3.2":  "Beschriftungen oder Anweisungen",
	"4.1.2":  "Name, Rolle, Wert",
}

// KindName is the German name of a group of rules (Rule.Kind).
func KindName(kind string) string {
	switch kind {
	case "html":
		return "Aufbau der Seiten"
	case "kontrast":
		return "Farben und Kontrast"
	case "sprache":
		return "Einfache Sprache"
	case "quelle":
		return "Quellen des Handbuchs"
	}
	return kind
}

// Kinds are the groups of rules in the order the explanations list them.
var Kinds = []string{"html", "kontrast", "sprache", "quelle"}

// SimilarRules returns the ids of rules whose id is close to id, the
// closest first: for "Meinten Sie …?" when an id is mistyped.
func SimilarRules(id string) []string {
	id = strings.ToLower(strings.TrimSpace(id))
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	limit := max(2, utf8.RuneCountInString(id)/3)
	for _, r := range Rules {
		d := editDistance(id, r.ID)
		// A part of an id ("contrast", "alt") finds the rules with it.
		if len(id) >= 3 && strings.Contains(r.ID, id) {
			d = min(d, 1)
		}
		if d <= limit {
			cs = append(cs, cand{r.ID, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	var out []string
	for _, c := range cs[:min(len(cs), 5)] {
		out = append(out, c.id)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// RuleOf returns the rule with the id.
func RuleOf(id string) (Rule, bool) {
	r, ok := ruleByID[id]
	return r, ok
}

// CriterionText says in German what a rule's SC is: "Kriterium 1.4.3
// „Kontrast (Minimum)“, Stufe AA", or that it has none and why.
func CriterionText(sc string) string {
	switch c, ok := CriterionOf(sc); {
	case ok:
		return fmt.Sprintf("Kriterium %s „%s“, Stufe %s", c.Number, c.Name, c.Level)
	case sc != "":
		return "kein Kriterium, ein bewährtes Vorgehen (Best Practice)"
	}
	return "kein Kriterium, eine eigene Regel von handbuch"
}
