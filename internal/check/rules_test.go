package check

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestRulesRegistered: every rule id the checks report is in Rules, and
// every rule in Rules is reported somewhere, so that checks.off can be
// validated against the list.
func TestRulesRegistered(t *testing.T) {
	emit := regexp.MustCompile(`(?:p\.add\(|NewFinding\(|add\(t, [^"\n]+, |Rule: +)"([a-z0-9-]+)"`)
	files, _ := filepath.Glob("*.go")
	found := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range emit.FindAllSubmatch(src, -1) {
			found[string(m[1])] = true
		}
	}
	// The loader's warnings are reported by the build under this id.
	found["eingabe"] = true
	ids := RuleIDs()
	for id := range found {
		if !slices.Contains(ids, id) {
			t.Errorf("rule %q is reported but not in Rules", id)
		}
	}
	for _, id := range ids {
		if !found[id] {
			t.Errorf("rule %q is in Rules but never reported", id)
		}
	}
	if len(ids) < 60 {
		t.Errorf("only %d rules", len(ids))
	}
}

// TestRuleRegistry: every rule says its criterion in one form, and every
// HTML rule has its fixture file with failing and passing cases.
func TestRuleRegistry(t *testing.T) {
	sc := regexp.MustCompile(`^WCAG 2\.2 \d\.\d+\.\d+, Stufe A{1,3}$`)
	for _, r := range Rules {
		if r.SC != "" && r.SC != best && !sc.MatchString(r.SC) {
			t.Errorf("%s: criterion %q", r.ID, r.SC)
		}
		if r.Kind == "html" && r.SC == "" && r.ID != "html-readable" && r.ID != "pruefung-abgebrochen" {
			t.Errorf("%s: an HTML rule without criterion or %q", r.ID, best)
		}
		if f := r.Fixture(); f != "" {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("%s: no fixture file (%v)", r.ID, err)
			}
		}
	}
}
