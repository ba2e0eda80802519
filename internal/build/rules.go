package build

import (
	"fmt"

	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/site"
)

// ruleTexts are the explanations of the rules of fs, for the pages next
// to the report that its rule ids link to.
func ruleTexts(fs []check.Finding) map[string]site.RuleText {
	out := map[string]site.RuleText{}
	for _, f := range fs {
		if _, done := out[f.Rule]; done {
			continue
		}
		e, ok := check.ExplanationOf(f.Rule)
		if !ok {
			continue
		}
		t := site.RuleText{ID: f.Rule, Severity: f.Severity.String(), What: e.What, Why: e.Why, Fix: e.Fix,
			Wrong: site.RuleExample{Where: e.Wrong.LangName(), Lang: e.Wrong.Lang, Code: e.Wrong.Code},
			Right: site.RuleExample{Where: e.Right.LangName(), Lang: e.Right.Lang, Code: e.Right.Code}}
		for _, r := range check.Rules {
			if r.ID != f.Rule {
				continue
			}
			// The rule's severity, not the finding's: plain-language rules
			// report more mildly outside Einfache Sprache.
			t.Severity = r.Severity.String()
			switch c, ok := check.CriterionOf(r.SC); {
			case ok:
				t.Criterion = fmt.Sprintf("Kriterium %s „%s“, Stufe %s", c.Number, c.Name, c.Level)
			case r.SC != "":
				t.Kind = "kein Kriterium, ein bewährtes Vorgehen (Best Practice)"
			default:
				t.Kind = "kein Kriterium, eine eigene Regel von handbuch"
			}
		}
		out[f.Rule] = t
	}
	return out
}
