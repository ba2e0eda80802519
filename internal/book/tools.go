package book

import (
	"strings"
	"time"
)

// Checklist is one checklist, read from checklists/<Name>.toml.
type Checklist struct {
	Name  string // file name without .toml
	File  string
	Title string
	Intro string
	// Interval says when the checklist is gone through, e.g. "alle drei
	// Monate und nach jedem Update"; empty when it is used once.
	Interval string
	Weight   int // order on the checklists page
	Groups   []*ChecklistGroup
}

// Answers are the answers to every checklist item, on screen and on
// paper: a tick alone cannot say "no" or "we do not know".
var Answers = []string{"Ja", "Nein", "Weiß nicht", "Trifft nicht zu"}

// URL is the address of the checklist's own page.
func (c *Checklist) URL() string { return ChecklistsURL + Slug(c.Name) + "/" }

// ChecklistsURL is the address of the page listing all checklists.
const ChecklistsURL = "/checklisten/"

// ChecklistGroup is a titled group of items.
type ChecklistGroup struct {
	Title string
	Who   string // who goes through the group, e.g. "die Leitung"; may be empty
	Items []*ChecklistItem
}

// ChecklistItem is one statement to tick.
type ChecklistItem struct {
	Text    string
	Help    string
	Chapter string // content-relative Markdown file, may end in #anchor
	// Target is the site-absolute URL of Chapter, set by the link stage.
	Target string
	Pos    Pos // of the item's chapter key (or header), for messages
}

// Light is a traffic-light level.
type Light string

// The three levels of the traffic light, from best to worst.
const (
	Green  Light = "grün"
	Yellow Light = "gelb"
	Red    Light = "rot"
)

// Rank orders lights: green 0, yellow 1, red 2.
func (l Light) Rank() int {
	switch l {
	case Yellow:
		return 1
	case Red:
		return 2
	}
	return 0
}

// AISystem is one entry of the AI register (data/ki-register.toml).
type AISystem struct {
	Name            string
	Example         bool // a model entry, marked as example on the page
	Purpose         string
	Area            string // direkte Dienstleistung, interne Prozesse, Kooperation
	Provider        string
	DataSources     []string
	PersonalData    []string
	Owner           string
	Status          string // geplant, Pilot, im Einsatz, abgeschaltet
	DataSensitivity Light
	Impact          Light
	Autonomy        Light
	HumanOversight  bool
	LastEthicsCheck time.Time // zero when never checked
	Overdue         bool      // the ethics check is older than 12 months

	// What data protection and the EU AI Act ask of the entry; every
	// field may be empty in a plan, and the load stage checks them.
	LegalBasis      string    // Rechtsgrundlage, e.g. "Art. 6 Abs. 1 Buchst. b DSGVO"
	Consent         string    // "nötig" or "nicht nötig"
	ConsentForm     string    // the consent form and its version
	Retention       string    // Löschfrist
	Place           string    // where the data are processed
	VendorTraining  string    // "ja" or "nein": the vendor trains on our data
	DPIA            string    // DSFA: "nicht nötig", "nötig", "durchgeführt"
	DPIADate        time.Time // when the DSFA was done
	ProcessorDeal   string    // AVV: "nicht nötig", "abgeschlossen", "fehlt"
	AIActClass      string    // "verboten", "hochriskant", "Transparenzpflicht", "geringes Risiko"
	AIActRole       string    // "Betreiber" or "Anbieter"
	ApprovedBy      string    // who approved the use
	Approved        time.Time // when
	NextEthicsCheck time.Time // when the next ethics check is due

	Pos Pos // of the [[system]] header
}

// Light is the system's overall traffic light: its worst criterion.
func (s *AISystem) Light() Light {
	worst := s.DataSensitivity
	for _, l := range []Light{s.Impact, s.Autonomy} {
		if l.Rank() > worst.Rank() {
			worst = l
		}
	}
	return worst
}

// Contact is a person or office to ask about AI (data/kontakte.toml).
type Contact struct {
	Role     string
	Name     string
	Phone    string
	Email    string
	Hours    string
	Topics   string
	Internal bool
	Clients  bool // shown on the client pages
	Footer   bool // shown in the footer of every page
	// Open are the values still written as placeholders, "[Name
	// eintragen]": their field above is empty, so readers never see
	// them; the editors' area lists them as open slots.
	Open []Placeholder
}

// Placeholder is a value of a data file that the organisation still
// fills in, written in brackets with "eintragen": "[Name eintragen]".
type Placeholder struct {
	Field string // the TOML key: "name", "hours" …
	Text  string // as written
	Pos   Pos
}

// IsPlaceholder reports whether the whole value v is a placeholder:
// "[" … "eintragen" … "]".
func IsPlaceholder(v string) bool {
	return strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") && strings.Contains(v, "eintragen")
}
