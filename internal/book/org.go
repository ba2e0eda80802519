package book

import "strings"

// Organisation is the [organisation] table of handbuch.toml: who
// publishes the handbook and whom readers may turn to. An empty value
// is a place the organisation has not filled in yet.
type Organisation struct {
	Party
	// Logo is the path of an image file in the project, relative to its
	// root with forward slashes ("static/logo.png"), or "".
	Logo           string
	Datenschutz    Party // the data-protection officer
	KIKoordination Party // whoever coordinates the use of AI
	Aufsicht       Party // the data-protection supervisory authority
}

// Party is a person or body with the ways to reach it. Address may have
// several lines.
type Party struct {
	Name, Address, Phone, Email, Website string
}

// OrgKind says what an organisation value is, and so how it is shown.
type OrgKind int

// The kinds of organisation values.
const (
	OrgText    OrgKind = iota // a name
	OrgAddress                // lines of a postal address
	OrgPhone                  // a phone number: a tel: link
	OrgEmail                  // an e-mail address: a mailto: link
	OrgWebsite                // an http(s) address: a link
)

// OrgField is one value of the organisation settings that a page can
// show with {{< org "key" >}}.
type OrgField struct {
	Key   string // "name", "datenschutz.email"
	Kind  OrgKind
	Label string // what it is, in German: "E-Mail der Organisation"
}

// OrgFields are the values of the organisation settings, in the order
// of handbuch.toml.
var OrgFields = []OrgField{
	{"name", OrgText, "Name der Organisation"},
	{"address", OrgAddress, "Anschrift der Organisation"},
	{"phone", OrgPhone, "Telefon der Organisation"},
	{"email", OrgEmail, "E-Mail der Organisation"},
	{"website", OrgWebsite, "Website der Organisation"},
	{"datenschutz.name", OrgText, "Name der oder des Datenschutzbeauftragten"},
	{"datenschutz.address", OrgAddress, "Anschrift der oder des Datenschutzbeauftragten"},
	{"datenschutz.phone", OrgPhone, "Telefon der oder des Datenschutzbeauftragten"},
	{"datenschutz.email", OrgEmail, "E-Mail der oder des Datenschutzbeauftragten"},
	{"ki_koordination.name", OrgText, "Name der KI-Koordination"},
	{"ki_koordination.phone", OrgPhone, "Telefon der KI-Koordination"},
	{"ki_koordination.email", OrgEmail, "E-Mail der KI-Koordination"},
	{"aufsicht.name", OrgText, "Name der Datenschutz-Aufsichtsbehörde"},
	{"aufsicht.address", OrgAddress, "Anschrift der Datenschutz-Aufsichtsbehörde"},
	{"aufsicht.phone", OrgPhone, "Telefon der Datenschutz-Aufsichtsbehörde"},
	{"aufsicht.email", OrgEmail, "E-Mail der Datenschutz-Aufsichtsbehörde"},
	{"aufsicht.website", OrgWebsite, "Website der Datenschutz-Aufsichtsbehörde"},
}

// OrgKeys returns the keys of OrgFields.
func OrgKeys() []string {
	keys := make([]string, len(OrgFields))
	for i, f := range OrgFields {
		keys[i] = f.Key
	}
	return keys
}

// LookupOrgField returns the field called key.
func LookupOrgField(key string) (OrgField, bool) {
	for _, f := range OrgFields {
		if f.Key == key {
			return f, true
		}
	}
	return OrgField{}, false
}

// Value returns the value of the field called key ("" when it is not
// filled in or there is no such field).
func (o *Organisation) Value(key string) string {
	table, name, ok := strings.Cut(key, ".")
	p := &o.Party
	if ok {
		switch table {
		case "datenschutz":
			p = &o.Datenschutz
		case "ki_koordination":
			p = &o.KIKoordination
		case "aufsicht":
			p = &o.Aufsicht
		default:
			return ""
		}
	} else {
		name = table
	}
	switch name {
	case "name":
		return p.Name
	case "address":
		return p.Address
	case "phone":
		return p.Phone
	case "email":
		return p.Email
	case "website":
		return p.Website
	}
	return ""
}

// Table returns the table of handbuch.toml the field is set in:
// "[organisation]" or "[organisation.datenschutz]".
func (f OrgField) Table() string {
	if table, _, ok := strings.Cut(f.Key, "."); ok {
		return "[organisation." + table + "]"
	}
	return "[organisation]"
}

// TOMLKey returns the key of the field inside its table: "email".
func (f OrgField) TOMLKey() string {
	_, name, ok := strings.Cut(f.Key, ".")
	if !ok {
		return f.Key
	}
	return name
}

// Slot says in German where an empty field is filled in, for the mark
// of the open slot: "Name der Organisation – in handbuch.toml unter
// [organisation] bei name eintragen".
func (f OrgField) Slot() string {
	return f.Label + " – in handbuch.toml unter " + f.Table() + " bei " + f.TOMLKey() + " eintragen"
}

// AddressLines splits a multi-line value such as an address into its
// lines, without empty ones and surrounding spaces.
func AddressLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
