package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/tooltest"
)

// orgSite is a handbook with every value of [organisation] filled in, a
// consent form that shows them all, a flyer and the handbook PDF. (Each
// block shortcode has a blank line after it: the line right after one
// is lost in internal/markdown.)
const orgSite = `-- handbuch.toml --
title = "Testhandbuch"
contact = "feedback@example.org"

[organisation]
name = "Muster-Träger e. V."
address = """
Musterstraße 1
12345 Musterstadt"""
phone = "+49 30 1234567-0"
email = "info@muster.example"
website = "https://www.muster.example/"
logo = "static/logo.svg"

[organisation.datenschutz]
name = "Frau Datenschutz"
address = "Postfach 10 20 30, 12345 Musterstadt"
phone = "+49 30 1234567-20"
email = "datenschutz@muster.example"

[organisation.ki_koordination]
name = "Herr Koordination"
phone = "+49 30 1234567-10"
email = "ki@muster.example"

[organisation.aufsicht]
name = "Landesbeauftragte für den Datenschutz"
address = "Amtsweg 2\n30159 Hannover"
phone = "+49 511 120-4500"
email = "poststelle@aufsicht.example"
website = "https://www.aufsicht.example/"
-- static/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 30"><rect width="30" height="30" fill="#0b4a7d"/></svg>
-- content/_index.md --
+++
title = "Start"
+++
Willkommen.
-- content/einwilligung.md --
+++
title = "Einwilligung"
weight = 1
+++
Verantwortlich ist:

{{< org "name" >}}

{{< org "address" >}}

{{< org "phone" >}}

{{< org "email" >}}

{{< org "website" >}}

Bei Fragen zum Datenschutz:

{{< org "datenschutz.name" >}}

{{< org "datenschutz.address" >}}

{{< org "datenschutz.phone" >}}

{{< org "datenschutz.email" >}}

Für KI:

{{< org "ki_koordination.name" >}}

{{< org "ki_koordination.phone" >}}

{{< org "ki_koordination.email" >}}

Beschweren können Sie sich bei:

{{< org "aufsicht.name" >}}

{{< org "aufsicht.address" >}}

{{< org "aufsicht.phone" >}}

{{< org "aufsicht.email" >}}

{{< org "aufsicht.website" >}}

{{< feld "Vorname und Nachname" "name" >}}

{{< unterschrift >}}
-- content/faltblatt.md --
+++
title = "Für Sie"
weight = 2
plain = true
flyer = true
+++
Wir helfen Ihnen gern.
`

// buildOrg builds the archive; it returns a reader for the output files
// and the result.
func buildOrg(t *testing.T, archive string) (func(string) string, *Result) {
	t.Helper()
	dir := project(t, archive)
	res, err := Build(context.Background(), Options{Source: dir, Dest: "public", Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return reader(t, dir), res
}

// pdfText is what pdftotext reads in a PDF, and pdfinfo says of it. In CI
// a missing tool is a failure, elsewhere the test is skipped.
func pdfText(t *testing.T, data string) (text, info string) {
	t.Helper()
	run := func(name string, args ...string) string {
		out, err := exec.Command(tooltest.Path(t, name), args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	file := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return run("pdftotext", file, "-"), run("pdfinfo", file)
}

func orgSlots(res *Result) []check.Finding {
	var out []check.Finding
	for _, f := range res.Findings {
		if f.Rule == "offene-stelle" {
			out = append(out, f)
		}
	}
	return out
}

// TestOrganisationFilledIn: every value of [organisation] is shown where
// a page asks for it, on screen and on paper, on the cover, the flyer
// and in the accessibility statement, and no slot is left open.
func TestOrganisationFilledIn(t *testing.T) {
	out, res := buildOrg(t, orgSite)
	if slots := orgSlots(res); len(slots) != 0 || res.Slots != 0 {
		t.Errorf("open slots: %d %v", res.Slots, slots)
	}
	form := out("einwilligung/index.html")
	contains(t, "form", form,
		`<p class="org">Muster-Träger e. V.</p>`,
		`<p class="org">Musterstraße 1<br>12345 Musterstadt</p>`,
		`<p class="org">Telefon: <a href="tel:&#43;493012345670">&#43;49 30 1234567-0</a></p>`,
		`<p class="org">E-Mail: <a href="mailto:info@muster.example">info@muster.example</a></p>`,
		`<p class="org">Internet: <a href="https://www.muster.example/">https://www.muster.example/</a></p>`,
		`<p class="org">Frau Datenschutz</p>`, `<p class="org">Herr Koordination</p>`,
		`<p class="org">Amtsweg 2<br>30159 Hannover</p>`,
		`<a href="mailto:poststelle@aufsicht.example">`, `<a href="https://www.aufsicht.example/">`,
		`<p class="kopf-organisation">Muster-Träger e. V.</p>`,
	)
	lacks(t, "form", form, "Offen:", "eintragen")
	contains(t, "statement", out("barrierefreiheit/index.html"),
		`<p>Muster-Träger e. V. ist bemüht,`,
		`<p>Muster-Träger e. V.<br>Musterstraße 1<br>12345 Musterstadt<br>Telefon: <a href="tel:&#43;493012345670">&#43;49 30 1234567-0</a><br>E-Mail: <a href="mailto:info@muster.example">info@muster.example</a><br>Internet: <a href="https://www.muster.example/">https://www.muster.example/</a></p>`)
	lacks(t, "statement", out("barrierefreiheit/index.html"), "bei name eintragen", "bei phone eintragen")
	contains(t, "search", out("suche/index.js"), "Muster-Träger e. V. Musterstraße 1 12345 Musterstadt", `["landesbeauftragt",`)

	text, info := pdfText(t, out("pdf/einwilligung.pdf"))
	for _, want := range []string{"Muster-Träger e. V.", "Musterstraße 1\n12345 Musterstadt", "Telefon: +49 30 1234567-0", "E-Mail: info@muster.example",
		"Internet: https://www.muster.example/", "Frau Datenschutz", "Amtsweg 2\n30159 Hannover", "Internet: https://www.aufsicht.example/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form's PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Offen:") {
		t.Errorf("the form's PDF has an open slot:\n%s", text)
	}
	if !strings.Contains(info, "Author:          Muster-Träger e. V.") {
		t.Errorf("pdfinfo of the form:\n%s", info)
	}
	text, _ = pdfText(t, out("pdf/faltblatt-faltblatt.pdf"))
	for _, want := range []string{"Muster-Träger e. V.", "Telefon: +49 30 1234567-0", "E-Mail: info@muster.example", "Internet: https://www.muster.example/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the flyer lacks %q:\n%s", want, text)
		}
	}
	text, _ = pdfText(t, out("pdf/testhandbuch.pdf"))
	if cover, _, _ := strings.Cut(text, "\f"); !strings.Contains(cover, "Muster-Träger e. V.") {
		t.Errorf("the cover lacks the organisation:\n%s", cover)
	}
}

// TestOrganisationEmpty: an empty value is an open slot where a page
// shows it, on screen, on paper and on the cover, a hint at the
// shortcode and counted; an adopted page with it does not build.
func TestOrganisationEmpty(t *testing.T) {
	site := strings.Replace(orgSite, `name = "Muster-Träger e. V."`, `name = ""`, 1)
	out, res := buildOrg(t, site)
	slots := orgSlots(res)
	if len(slots) != 1 || res.Slots != 1 || slots[0].String() != `content/einwilligung.md:7:1: Hinweis: offene-stelle: offene Stelle: „Name der Organisation“ Tragen Sie sie in handbuch.toml unter [organisation] bei name ein. Eine beschlossene Seite darf keine offene Stelle haben.` {
		t.Errorf("open slots: %d %v", res.Slots, slots)
	}
	form := out("einwilligung/index.html")
	contains(t, "form", form, `<div class="hinweis hinweis-offen" role="note" id="w1">
<p><strong>Noch offen:</strong> Name der Organisation</p>
</div>`, `<p class="org">Musterstraße 1<br>12345 Musterstadt</p>`)
	// Where to enter it is for the editors, on their page.
	lacks(t, "form", form, "kopf-organisation", "handbuch.toml")
	contains(t, "editors", out("offene-stellen/index.html"), `<li><strong>Offen:</strong> Name der Organisation<br>Tragen Sie sie in handbuch.toml unter [organisation] bei name ein. Die Stelle: <a href="../einwilligung/#w1">content/einwilligung.md, Zeile 7</a></li>`)
	text, info := pdfText(t, out("pdf/einwilligung.pdf"))
	// Where the line breaks depends on the measure: compare words.
	if !strings.Contains(text, "Noch offen: Name der Organisation") || strings.Contains(text, "handbuch.toml") {
		t.Errorf("the form's PDF lacks the open slot:\n%s", text)
	}
	if !strings.Contains(info, "Author:          Testhandbuch") {
		t.Errorf("pdfinfo of the form:\n%s", info)
	}
	text, _ = pdfText(t, out("pdf/faltblatt-faltblatt.pdf"))
	if !strings.Contains(text, "Noch offen: Name") || strings.Contains(text, "handbuch.toml") {
		t.Errorf("the flyer lacks the open slot:\n%s", text)
	}
	text, _ = pdfText(t, out("pdf/testhandbuch.pdf"))
	if cover, _, _ := strings.Cut(text, "\f"); !strings.Contains(cover, "Noch offen: Name der Organisation") {
		t.Errorf("the cover lacks the open slot:\n%s", cover)
	}

	adopted := strings.Replace(site, "title = \"Einwilligung\"\nweight = 1\n", "title = \"Einwilligung\"\nweight = 1\nstatus = \"beschlossen\"\nadopted = 2026-09-15\nadopted_by = [\"Vorstand\"]\n", 1)
	msg := buildErr(t, adopted)
	contains(t, "adopted", msg, `content/einwilligung.md:10:1: die Seite ist beschlossen (status = "beschlossen"), hat hier aber noch eine offene Stelle: „Name der Organisation“. Tragen Sie sie in handbuch.toml unter [organisation] bei name ein, oder schreiben Sie status = "entwurf", bis alles entschieden ist.`)
	if strings.Count(msg, "offene Stelle") != 1 {
		t.Errorf("only the empty name is open:\n%s", msg)
	}
}
