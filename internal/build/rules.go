package build

import (
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
		// The rule's severity, not the finding's: plain-language rules
		// report more mildly outside Einfache Sprache.
		if r, ok := check.RuleOf(f.Rule); ok {
			t.Severity = r.Severity.String()
			t.Criterion = check.CriterionText(r.SC)
		}
		out[f.Rule] = t
	}
	return out
}
