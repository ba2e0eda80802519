package shortcode

import (
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// TestSlots: eintragen is always an open slot; org is one exactly when
// its value is empty, and says where in handbuch.toml it is filled in.
func TestSlots(t *testing.T) {
	h := &book.Handbook{Config: book.Config{Org: book.Organisation{Party: book.Party{Name: "Muster e. V."}}}}
	if what, fill := All["eintragen"].Slot(h, []string{"Wer entscheidet?"}); what != "Wer entscheidet?" || !strings.HasPrefix(fill, "Füllen Sie sie aus") {
		t.Errorf("eintragen: %q, %q", what, fill)
	}
	if what, _ := All["org"].Slot(h, []string{"name"}); what != "" {
		t.Errorf("org name, filled in: %q", what)
	}
	what, fill := All["org"].Slot(h, []string{"aufsicht.email"})
	if what != "E-Mail der Datenschutz-Aufsichtsbehörde" || fill != "Tragen Sie sie in handbuch.toml unter [organisation.aufsicht] bei email ein" {
		t.Errorf("org aufsicht.email, empty: %q, %q", what, fill)
	}
	if got := All["org"].Text(h, []string{"name"}); got != "Muster e. V." {
		t.Errorf("search text of org name: %q", got)
	}
	if strings.Join(All["org"].Values, " ") != strings.Join(book.OrgKeys(), " ") {
		t.Errorf("org takes %v", All["org"].Values)
	}
}
