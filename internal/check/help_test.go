package check

import (
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
