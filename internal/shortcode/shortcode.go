// Package shortcode is the one registry of the shortcodes editors may
// write in a page, {{< name "argument" … >}}: what each accepts, what it
// needs from the handbook, whether it is a form, and what the search
// finds of it. The loader checks the syntax against it, the link stage
// the data, the search and the builds read its facts.
//
// What a shortcode looks like lives beside its output: on screen in
// layouts/shortcodes/<name>.html, on paper in the PDF's drawer of the
// same name. Tests in site and pdf fail for an entry without either, so
// a new shortcode can never silently vanish from one output.
//
// Adding a shortcode: an entry in All, its layout, its PDF drawer, and
// a test of each.
package shortcode

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// Shortcode describes one shortcode; All has it under its name.
type Shortcode struct {
	Min, Max int      // number of arguments, all positional and quoted
	Inline   bool     // may stand inside a sentence; block shortcodes stand alone on their line
	Values   []string // allowed values of argument ValuesAt, if limited
	ValuesAt int      // the argument, from 0, that Values limits
	Usage    string   // how it is written, for messages
	// Valid, if set, says in German what is wrong with argument i of
	// args, or "". The loader reports it at that argument.
	Valid func(args []string) (i int, msg string)
	// Container: the shortcode encloses a part of the page, from its
	// line to a line {{< /name >}}, as Markdown of its own.
	Container bool
	// Input: the reader can fill in or tick something on screen, so the
	// page says that nothing is sent.
	Input bool
	// Form: a form to print, fill in by hand and sign, so its page is
	// offered as a PDF of its own.
	Form bool
	// Check, if set, says in German what the handbook lacks for the
	// shortcode with args, or "". The link stage reports it at the
	// shortcode.
	Check func(h *book.Handbook, args []string) string
	// Text, if set, is what the search finds of the shortcode with args.
	Text func(h *book.Handbook, args []string) string
	// Slot, if set, says what the shortcode with args leaves open for
	// the organisation to fill in or decide ("" when nothing), and how
	// to fill it in: a German sentence without its full stop. An open
	// slot is a hint offene-stelle at the shortcode, counted in the build
	// summary, and an error on a page with status = "beschlossen".
	// Readers see only that the place is open (OpenTitle); what and
	// fill are for the editors, listed in their area.
	Slot func(h *book.Handbook, args []string) (what, fill string)
	// Editors: a note to the editors only. Readers never see it, on
	// screen, on paper or in the search; the editors' area lists it
	// with the open slots.
	Editors bool
}

// notEmpty is a Valid for a shortcode whose first argument says what it
// is for (what): it must not be empty, since the editors' list would
// show nothing there.
func notEmpty(name, what string) func(args []string) (int, string) {
	return func(args []string) (int, string) {
		if strings.TrimSpace(Arg(args, 0)) == "" {
			return 0, fmt.Sprintf("%s: das Argument ist leer. Zwischen die Anführungszeichen gehört %s.", name, what)
		}
		return 0, ""
	}
}

// ContactSlot says what a placeholder of contact c leaves open and how to
// fill it in, as Slot does for a shortcode.
func ContactSlot(c *book.Contact, p book.Placeholder) (what, fill string) {
	return c.Role + ": " + p.Text, "Tragen Sie bei " + p.Field + " den Wert in data/kontakte.toml ein"
}

// OpenTitle and OpenNote are what a reader sees of an open slot: that
// the organisation still fills it in. The question or the missing
// setting is for the editors, so it is not on the reader's page.
const (
	OpenTitle = "Noch offen"
	OpenNote  = "Diese Stelle füllt die Organisation noch aus."
)

// FieldKinds are the kinds of fill-in fields: the second argument of feld.
var FieldKinds = []string{"text", "lang", "name", "email", "tel", "datum", "adresse", "zahl"}

// All are the shortcodes, by name.
var All = map[string]*Shortcode{
	"begriff": {
		Min: 1, Max: 2, Inline: true,
		Usage: `{{< begriff "Name" >}} oder {{< begriff "Name" "angezeigter Text" >}}`,
	},
	// kapitel names a chapter with its number and links it: "Kapitel 6
	// „Risikomanagement“". The link stage finds the page.
	"kapitel": {
		Min: 1, Max: 1, Inline: true,
		Usage: `{{< kapitel "datenschutz" >}}`,
	},
	"checkliste": {
		Min: 1, Max: 1,
		Usage: `{{< checkliste "vor-dem-einsatz" >}}`,
		Check: func(h *book.Handbook, args []string) string {
			if Checklist(h, args[0]) != nil {
				return ""
			}
			var names []string
			for _, c := range h.Checklists {
				names = append(names, c.Name)
			}
			if len(names) == 0 {
				return fmt.Sprintf("checkliste: die Checkliste %q gibt es nicht. In checklists/ gibt es noch keine; legen Sie dort %s.toml an.", args[0], args[0])
			}
			slices.Sort(names)
			return fmt.Sprintf("checkliste: die Checkliste %q gibt es nicht. Vorhanden in checklists/: %s.", args[0], strings.Join(names, ", "))
		},
		Text: func(h *book.Handbook, args []string) string {
			if c := Checklist(h, args[0]); c != nil {
				return ChecklistText(c)
			}
			return ""
		},
	},
	"feld": {
		Min: 1, Max: 3, Values: FieldKinds, ValuesAt: 1, Input: true, Form: true,
		Usage: `{{< feld "Beschriftung" >}}, {{< feld "Beschriftung" "art" >}} oder {{< feld "Beschriftung" "lang" 6 >}}`,
		Text:  label, // the others are the kind of field and its lines
		Valid: func(args []string) (int, string) {
			if len(args) < 3 {
				return 0, ""
			}
			if _, ok := lines(args[2]); !ok {
				return 2, fmt.Sprintf("feld: %q ist keine Zahl von Zeilen. Das dritte Argument sagt, wie viele Zeilen zum Schreiben das Feld bekommt (auf Papier und am Bildschirm): eine ganze Zahl von 1 bis %d, zum Beispiel {{< feld %q \"lang\" 6 >}}.", args[2], MaxLines, args[0])
			}
			return 0, ""
		},
	},
	"nur-organisation": {
		Min: 0, Max: 1, Container: true,
		Usage: `{{< nur-organisation >}} … {{< /nur-organisation >}}`,
		Text:  func(_ *book.Handbook, args []string) string { return StaffTitle + " " + StaffNote(args) },
	},
	"ankreuzen": {
		Min: 1, Max: 1, Input: true, Form: true,
		Usage: `{{< ankreuzen "Beschriftung" >}}`,
		Text:  label,
	},
	"unterschrift": {
		Min: 0, Max: 1, Input: true, Form: true,
		Usage: `{{< unterschrift >}} oder {{< unterschrift "Wer unterschreibt" >}}`,
		Text:  label,
	},
	"ki-register": {
		Usage: `{{< ki-register >}}`,
		Check: func(h *book.Handbook, _ []string) string {
			if len(h.Register) == 0 {
				return "ki-register: data/ki-register.toml fehlt oder enthält kein [[system]]. Tragen Sie dort die KI-Systeme ein."
			}
			return ""
		},
	},
	"ampel": {
		Usage: `{{< ampel >}}`,
		Input: true,
	},
	"bild": {
		Min: 2, Max: 3,
		// Its alternative text and caption are texts of the page
		// (markdown.Doc.TextBlocks): searched and checked as such.
		Usage: `{{< bild "datei.png" "Alternativtext" "Bildunterschrift" >}}`,
	},
	"eintragen": {
		Min: 1, Max: 1,
		Usage: `{{< eintragen "Wer übernimmt die KI-Koordination?" >}}`,
		Valid: notEmpty("eintragen", "die Frage, die die Organisation beantwortet"),
		// No Text: the question is for the editors, not for the search.
		Slot: func(_ *book.Handbook, args []string) (string, string) {
			return Arg(args, 0), "Füllen Sie sie aus und löschen Sie dann den Shortcode eintragen"
		},
	},
	"redaktion": {
		Min: 1, Max: 1, Editors: true,
		Usage: `{{< redaktion "Ein Hinweis für die Redaktion" >}}`,
		Valid: notEmpty("redaktion", "der Hinweis für die Redaktion"),
	},
	"org": {
		Min: 1, Max: 1, Values: book.OrgKeys(),
		Usage: `{{< org "name" >}}`,
		Text: func(h *book.Handbook, args []string) string {
			return h.Config.Org.Value(Arg(args, 0))
		},
		Slot: func(h *book.Handbook, args []string) (string, string) {
			f, ok := book.LookupOrgField(Arg(args, 0))
			if !ok || h.Config.Org.Value(f.Key) != "" {
				return "", ""
			}
			return f.Label, fmt.Sprintf("Tragen Sie sie in handbuch.toml unter %s bei %s ein", f.Table(), f.TOMLKey())
		},
	},
	"kontakte": {
		Min: 0, Max: 1, Values: []string{"klienten", "intern", "extern"},
		Usage: `{{< kontakte >}} oder {{< kontakte "klienten" >}}`,
		Check: func(h *book.Handbook, _ []string) string {
			if len(h.Contacts) == 0 {
				return "kontakte: data/kontakte.toml fehlt oder enthält kein [[contact]]. Tragen Sie dort die Ansprechpersonen ein."
			}
			return ""
		},
	},
}

// StaffTitle heads the part of a form that nur-organisation encloses.
const StaffTitle = "Nur für die Organisation"

// StaffNote is the sentence under StaffTitle: the argument of
// nur-organisation, else that clients do not get this part.
func StaffNote(args []string) string {
	if n := Arg(args, 0); n != "" {
		return n
	}
	return "Dieser Teil gehört nicht zu dem, was Klient:innen lesen, ausfüllen oder unterschreiben. Geben Sie ihn nicht mit aus."
}

// MaxLines is the most lines a field may ask for: about half a page.
const MaxLines = 20

// FieldLines is how many lines a feld shortcode with args gets to write
// on: its third argument, else 5 for a long answer, 3 for an address,
// 1 for the rest.
func FieldLines(args []string) int {
	if n, ok := lines(Arg(args, 2)); ok {
		return n
	}
	switch Arg(args, 1) {
	case "lang":
		return 5
	case "adresse":
		return 3
	}
	return 1
}

func lines(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= MaxLines && s == strconv.Itoa(n)
}

// Lookup returns the shortcode called name.
func Lookup(name string) (*Shortcode, bool) {
	s, ok := All[name]
	return s, ok
}

// Names returns the names of all shortcodes, sorted.
func Names() []string { return slices.Sorted(maps.Keys(All)) }

// Block returns the names of the shortcodes that stand alone on their
// line and have a layout and a PDF drawer, sorted.
func Block() []string {
	var names []string
	for n, s := range All {
		if !s.Inline {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// Checklist returns the checklist called name, or nil.
func Checklist(h *book.Handbook, name string) *book.Checklist {
	for _, c := range h.Checklists {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// ChecklistText is everything a checklist says.
func ChecklistText(c *book.Checklist) string {
	text := []string{c.Title, c.Intro}
	for _, g := range c.Groups {
		text = append(text, g.Title)
		for _, it := range g.Items {
			text = append(text, it.Text, it.Help)
		}
	}
	return strings.Join(text, " ")
}

// Contacts returns the contacts a kontakte shortcode with filter shows:
// all, or those for "klienten", the "intern" ones or the "extern" ones.
func Contacts(h *book.Handbook, filter string) []*book.Contact {
	var out []*book.Contact
	for _, c := range h.Contacts {
		switch {
		case filter == "klienten" && !c.Clients,
			filter == "intern" && !c.Internal,
			filter == "extern" && c.Internal:
			continue
		}
		out = append(out, c)
	}
	return out
}

// Arg returns argument i, or "".
func Arg(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}

func label(_ *book.Handbook, args []string) string { return Arg(args, 0) }
