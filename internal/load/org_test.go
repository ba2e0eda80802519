package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch/internal/book"
)

// orgConfig loads a handbuch.toml with the given text after the title,
// in a project that has the files in extra.
func orgConfig(t *testing.T, text string, extra ...string) (book.Config, book.ErrorList) {
	t.Helper()
	fsys := fstest.MapFS{ConfigFile: {Data: []byte("title = \"Probe\"\n" + text)}}
	for _, f := range extra {
		fsys[f] = &fstest.MapFile{Data: []byte("x")}
	}
	var errs book.ErrorList
	c := loadConfig(fsys, &errs)
	return c, errs
}

// TestOrganisation: the [organisation] table with its three sub-tables
// fills book.Config.Org, and the old organisation = "…" still names it.
func TestOrganisation(t *testing.T) {
	c, errs := orgConfig(t, `
[organisation]
name = " Muster e. V. "
address = """
Musterstraße 1
12345 Musterstadt
"""
phone = "+49 30 1234567-0"
email = "info@example.org"
website = "https://www.example.org/"
logo = "static/./logo.png"

[organisation.datenschutz]
name = "Frau Daten"
address = "Postfach 1"
phone = "030 / 123 45"
email = "datenschutz@example.org"

[organisation.ki_koordination]
name = "Herr KI"
phone = "(030) 12345"
email = "ki@example.org"

[organisation.aufsicht]
name = "Die Aufsicht"
address = "Amtsweg 2"
phone = "+49 511 1"
email = "poststelle@aufsicht.example"
website = "http://aufsicht.example/"
`, "static/logo.png")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := book.Organisation{
		Party:          book.Party{Name: "Muster e. V.", Address: "Musterstraße 1\n12345 Musterstadt", Phone: "+49 30 1234567-0", Email: "info@example.org", Website: "https://www.example.org/"},
		Logo:           "static/logo.png",
		Datenschutz:    book.Party{Name: "Frau Daten", Address: "Postfach 1", Phone: "030 / 123 45", Email: "datenschutz@example.org"},
		KIKoordination: book.Party{Name: "Herr KI", Phone: "(030) 12345", Email: "ki@example.org"},
		Aufsicht:       book.Party{Name: "Die Aufsicht", Address: "Amtsweg 2", Phone: "+49 511 1", Email: "poststelle@aufsicht.example", Website: "http://aufsicht.example/"},
	}
	if at := c.PosOf("organisation.aufsicht.phone"); at.Line != 28 {
		t.Errorf("aufsicht.phone is set at %v, want line 28", at)
	}
	if c.Org != want {
		t.Errorf("got  %+v\nwant %+v", c.Org, want)
	}
	for _, f := range book.OrgFields {
		if c.Org.Value(f.Key) == "" {
			t.Errorf("Value(%q) is empty", f.Key)
		}
	}

	c, errs = orgConfig(t, `organisation = "Alter Träger e. V."`)
	if at := c.PosOf("organisation.name"); at.Line != 2 || at.Col != 1 {
		t.Errorf("the old form's name is set at %v, want 2:1", at)
	}
	if len(errs) > 0 || c.Org != (book.Organisation{Party: book.Party{Name: "Alter Träger e. V."}}) {
		t.Errorf("the old form: %+v, %v", c.Org, errs)
	}
	if c, errs = orgConfig(t, ""); len(errs) > 0 || c.Org != (book.Organisation{}) {
		t.Errorf("without [organisation]: %+v, %v", c.Org, errs)
	}
	for key := range c.At {
		if strings.HasPrefix(key, "organisation.") {
			t.Errorf("without [organisation], handbuch.toml sets %s at %v", key, c.At[key])
		}
	}
}

// TestOrganisationErrors: every wrong value is reported in German at its
// line, unknown keys with a suggestion.
func TestOrganisationErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[organisation]\nnmae = \"X\"", `handbuch.toml:3:1: unbekannter Schlüssel "organisation.nmae": meinten Sie "name"?`},
		{"[organisation]\nanschrift = \"X\"", `handbuch.toml:3:1: unbekannter Schlüssel "organisation.anschrift": meinten Sie "address"?`},
		{"[organisation.aufsichtsbehoerde]\ntelefon = \"1\"", `handbuch.toml:2:1: unbekannter Schlüssel "organisation.aufsichtsbehoerde": meinten Sie "aufsicht"?`},
		{"[organisation.datenschutz]\nwebsite = \"https://example.org/\"", `handbuch.toml:3:1: unbekannter Schlüssel "organisation.datenschutz.website"`},
		{"[organisation.aufsichtt]\nname = \"X\"", `handbuch.toml:2:1: unbekannter Schlüssel "organisation.aufsichtt": meinten Sie "aufsicht"?`},
		{"organisation = 3", `handbuch.toml:2:1: "organisation" hat den falschen Typ: erwartet wird ein Text in Anführungszeichen oder ein Abschnitt`},
		{"[organisation]\nemail = \"info(at)example.org\"", `handbuch.toml:3:1: organisation.email "info(at)example.org" muss eine einfache E-Mail-Adresse sein`},
		{"[organisation.aufsicht]\nemail = \"a@b.org?cc=c@d.org\"", `handbuch.toml:3:1: organisation.aufsicht.email "a@b.org?cc=c@d.org" muss eine einfache E-Mail-Adresse sein`},
		{"[organisation]\nphone = \"030 12345 Zentrale\"", `handbuch.toml:3:1: organisation.phone "030 12345 Zentrale" ist keine Telefonnummer. Das Zeichen 'Z'`},
		{"[organisation.ki_koordination]\nphone = \"1\"", `handbuch.toml:3:1: organisation.ki_koordination.phone "1" ist keine Telefonnummer. Es fehlen Ziffern`},
		{"[organisation]\nwebsite = \"www.example.org\"", `handbuch.toml:3:1: organisation.website "www.example.org" ist keine Adresse einer Website. Schreiben Sie die vollständige Adresse mit https://`},
		{"[organisation.aufsicht]\nwebsite = \"javascript:alert(1)\"", `handbuch.toml:3:1: organisation.aufsicht.website "javascript:alert(1)"`},
		{"[organisation]\nwebsite = \"mailto:a@example.org\"", `ist keine Adresse einer Website`},
		{"[organisation]\nname = \"\"\"\nA\nB\"\"\"", `handbuch.toml:3:1: organisation.name "A\nB" hat mehrere Zeilen`},
		{"[organisation]\nlogo = \"../logo.png\"", `handbuch.toml:3:1: organisation.logo "../logo.png" führt mit „..“ aus dem Ordner heraus`},
		{"[organisation]\nlogo = \"static/../../logo.png\"", `führt mit „..“ aus dem Ordner heraus`},
		{"[organisation]\nlogo = \"/etc/logo.png\"", `handbuch.toml:3:1: organisation.logo "/etc/logo.png" beginnt nicht im Projektordner`},
		{"[organisation]\nlogo = 'static\\logo.png'", `handbuch.toml:3:1: organisation.logo "static\\logo.png" enthält \`},
		{"[organisation]\nlogo = \"static/fehlt.png\"", `handbuch.toml:3:1: organisation.logo: die Datei static/fehlt.png gibt es nicht`},
		{"[organisation]\nlogo = \"static\"", `handbuch.toml:3:1: organisation.logo: static ist keine Datei`},
	} {
		_, errs := orgConfig(t, c.text, "static/logo.png")
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%s:\ngot  %v\nwant %q", c.text, errs, c.want)
		}
	}
}
