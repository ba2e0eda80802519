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
	emit := regexp.MustCompile(`(?:p\.add\(|add\(t, [^"\n]+, |Rule: +)"([a-z0-9-]+)"`)
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
