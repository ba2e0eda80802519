package check

import (
	"slices"
	"strings"
	"testing"
)

// TestHelp: every rule of Rules has a help text, and every help text
// belongs to a rule of Rules.
func TestHelp(t *testing.T) {
	known := map[string]bool{}
	for _, r := range Rules {
		known[r.ID] = true
		if strings.TrimSpace(r.Help) == "" {
			t.Errorf("rule %q has no help text", r.ID)
		}
	}
	for id := range ruleHelp {
		if !known[id] {
			t.Errorf("help text for %q, which is not in Rules", id)
		}
	}
}

// TestExplanations: every rule has an explanation with all its parts:
// what, why, fix, a wrong and a right example, and the German name of
// its WCAG criterion where it has one.
func TestExplanations(t *testing.T) {
	for _, err := range explanationErrs {
		t.Error(err)
	}
	for _, r := range Rules {
		e, ok := ExplanationOf(r.ID)
		if !ok {
			t.Errorf("%s: no file regeln/%s.md", r.ID, r.ID)
			continue
		}
		for name, s := range map[string]string{"what": e.What, "why": e.Why, "fix": e.Fix, "wrong": e.Wrong.Code, "right": e.Right.Code} {
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no %s", r.ID, name)
			}
		}
		// A shortcode in running text would be run on the guide's page;
		// shortcodes belong in the examples, which are code blocks.
		if strings.Contains(e.What+e.Why+e.Fix, "{{<") {
			t.Errorf("%s: a shortcode in the text; name it (\"der Shortcode `bild`\") or show it in an example", r.ID)
		}
		if e.Wrong.Code == e.Right.Code {
			t.Errorf("%s: the wrong and the right example are the same", r.ID)
		}
		if r.SC != "" && r.SC != best {
			if c, ok := CriterionOf(r.SC); !ok || c.Name == "" || c.Level == "" {
				t.Errorf("%s: criterion %q has no German name", r.ID, r.SC)
			}
		}
		// An example in HTML is a layout: the text says where such an
		// error can come from.
		if r.Kind == "html" && e.Wrong.Lang == "html" && !strings.Contains(e.Fix+e.Why, "layouts/") && !strings.Contains(e.Fix, "handbuch check") {
			t.Errorf("%s: the wrong example is HTML, but the text does not say it comes from a layout in layouts/", r.ID)
		}
	}
}

// TestParseExplanation: a file without its sections, with a section
// twice or with an example that is no single code block is refused.
func TestParseExplanation(t *testing.T) {
	good := "Was.\n\n## Warum\n\nWeil.\n\n## Beheben\n\nSo.\n\n## Falsch\n\n```markdown\n[hier](a.md)\n```\n\n## Richtig\n\n```markdown\n[Datenschutz](a.md)\n```\n"
	e, err := parseExplanation(good)
	if err != nil {
		t.Fatal(err)
	}
	if e.What != "Was." || e.Why != "Weil." || e.Fix != "So." || e.Wrong != (Example{"markdown", "[hier](a.md)\n"}) || e.Right.Code != "[Datenschutz](a.md)\n" {
		t.Errorf("parsed %+v", e)
	}
	for _, bad := range []string{
		strings.Replace(good, "## Beheben", "## Lösung", 1),
		strings.Replace(good, "## Richtig", "## Warum", 1),
		strings.Replace(good, "```markdown\n[hier]", "```python\n[hier]", 1),
		strings.Replace(good, "```markdown\n[hier](a.md)\n```", "[hier](a.md)", 1),
		strings.Replace(good, "```markdown\n[hier](a.md)\n```", "```markdown\na\n```\n\n```markdown\nb\n```", 1),
	} {
		if _, err := parseExplanation(bad); err == nil {
			t.Errorf("no error for\n%s", bad)
		}
	}
}

// TestSimilarRules: a mistyped id finds the rule meant.
func TestSimilarRules(t *testing.T) {
	for in, want := range map[string]string{"color-contrat": "color-contrast", "heading-ordr": "heading-order", "Satzlänge": "satzlaenge", "contrast": "color-contrast"} {
		if got := SimilarRules(in); len(got) == 0 || !slices.Contains(got, want) {
			t.Errorf("SimilarRules(%q) = %q, want it to hold %q", in, got, want)
		}
	}
	if got := SimilarRules("xyzxyzxyz"); len(got) != 0 {
		t.Errorf("SimilarRules of nonsense = %q", got)
	}
}
