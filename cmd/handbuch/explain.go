package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/check"
)

// explainWidth is where explain wraps its text, for an 80-column
// terminal.
const explainWidth = 78

// explain prints the explanation of one rule of the checks, or with no
// id the rules by group.
func (c *cli) explain(args []string) int {
	fs := c.flags("explain")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, usage)
		return 0
	}
	if !c.parseExplain(err, fs.NArg()) {
		return 2
	}
	if fs.NArg() == 0 {
		c.listRuleIDs()
		return 0
	}
	id := fs.Arg(0)
	rule, known := check.RuleOf(id)
	e, ok := check.ExplanationOf(id)
	if !known || !ok {
		msg := fmt.Sprintf("handbuch explain: eine Regel %q gibt es nicht.", id)
		if similar := check.SimilarRules(id); len(similar) > 0 {
			msg += " Meinten Sie " + orList(similar) + "?"
		}
		fmt.Fprintln(c.stderr, msg)
		fmt.Fprintln(c.stderr, "Alle Regeln zeigt handbuch explain ohne Kennung.")
		return 2
	}
	writeExplanation(c.stdout, rule, e)
	return 0
}

// parseExplain reports usage errors of explain: at most one id.
func (c *cli) parseExplain(err error, n int) bool {
	switch {
	case err == nil && n <= 1:
		return true
	case err == nil:
		fmt.Fprintf(c.stderr, "handbuch explain: nur eine Regel auf einmal, zum Beispiel: handbuch explain color-contrast\n\n%s", usage)
	default:
		fmt.Fprintf(c.stderr, "handbuch explain: %s\n\n%s", germanFlagError(err), usage)
	}
	return false
}

// writeExplanation prints what the rule checks, why, how to fix it and
// its two examples, wrapped for the terminal.
func writeExplanation(w io.Writer, r check.Rule, e check.Explanation) {
	fmt.Fprintf(w, "%s: %s\n", r.ID, r.Severity)
	fmt.Fprintf(w, "WCAG 2.2: %s\n", check.CriterionText(r.SC))
	for _, part := range []struct{ title, text string }{
		{"Was die Regel prüft", e.What},
		{"Warum das wichtig ist", e.Why},
		{"So beheben Sie es", e.Fix},
	} {
		fmt.Fprintf(w, "\n%s\n", part.title)
		for i, para := range strings.Split(part.text, "\n\n") {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprint(w, wrap(para, "  ", explainWidth))
		}
	}
	for _, ex := range []struct {
		title string
		ex    check.Example
	}{{"Falsch", e.Wrong}, {"Richtig", e.Right}} {
		fmt.Fprintf(w, "\n%s (%s):\n\n", ex.title, ex.ex.LangName())
		for line := range strings.Lines(ex.ex.Code) {
			fmt.Fprint(w, "    "+line)
		}
	}
	fmt.Fprint(w, "\n"+wrap(fmt.Sprintf("Abschalten lässt sich die Regel in handbuch.toml mit [checks] off = [\"%s\"].", r.ID), "", explainWidth))
}

// wrap breaks text into lines of at most width runes (a longer word
// stays whole), each starting with indent.
func wrap(text, indent string, width int) string {
	var b strings.Builder
	line := indent
	n := utf8.RuneCountInString(indent)
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if line != indent && n+1+wn > width {
			b.WriteString(line + "\n")
			line, n = indent, utf8.RuneCountInString(indent)
		}
		if line != indent {
			line += " "
			n++
		}
		line += word
		n += wn
	}
	b.WriteString(line + "\n")
	return b.String()
}

// listRuleIDs prints the ids of all rules by group, wrapped.
func (c *cli) listRuleIDs() {
	fmt.Fprintf(c.stdout, "Die %d Regeln der Prüfung, nach Gruppen:\n", len(check.Rules))
	for _, kind := range check.Kinds {
		var ids []string
		for _, r := range check.Rules {
			if r.Kind == kind {
				ids = append(ids, r.ID)
			}
		}
		fmt.Fprintf(c.stdout, "\n%s (%d)\n", check.KindName(kind), len(ids))
		fmt.Fprint(c.stdout, wrap(strings.Join(ids, " "), "  ", explainWidth))
	}
	fmt.Fprintln(c.stdout, "\nErklärung einer Regel: handbuch explain REGEL, zum Beispiel handbuch explain color-contrast.")
	fmt.Fprintln(c.stdout, "Alle Regeln mit ihrer Kurzbeschreibung: handbuch check --regeln.")
}

// orList joins words the German way: "a, b oder c".
func orList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " oder " + words[len(words)-1]
}
