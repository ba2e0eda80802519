package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/check"
)

const toolsSite = config + `
-- content/_index.md --
+++
title = "Start"
+++
Start.
-- content/kapitel.md --
+++
title = "Kapitel"
weight = 1
+++
## Wer entscheidet?

Text.

{{< checkliste "vorher" >}}

{{< eintragen "Wer übernimmt die KI-Koordination?" >}}

{{< redaktion "Prüfen Sie das Beispiel mit der Projektgruppe." >}}
-- content/formular.md --
+++
title = "Formular"
weight = 2
+++
Bitte ausfüllen.

{{< feld "Name, Vorname" "name" >}}

{{< feld "Anmerkungen" "lang" 4 >}}

{{< ankreuzen "Ich willige in die Übersetzung ein." >}}

{{< unterschrift "Klientin oder Klient" >}}

{{< ampel >}}
-- content/register.md --
+++
title = "Register"
weight = 3
+++
{{< ki-register >}}

{{< kontakte "extern" >}}
-- checklists/vorher.toml --
title = "Vorher"
intro = "Vor dem Start."
interval = "vor jedem neuen KI-System"

[[group]]
title = "Ethik"
who = "die KI-Koordination"

[[group.item]]
text = "Der Zweck ist klar."
help = "Zwei Sätze reichen."
chapter = "kapitel.md#wer-entscheidet"

[[group.item]]
text = "Betroffene reden mit."
-- data/ki-register.toml --
[[system]]
name = "Spracherkennung"
example = true
purpose = "Berichte diktieren."
area = "interne Prozesse"
provider = "Anbieter"
data_sources = ["Berichte"]
personal_data = ["Gesundheitsdaten"]
owner = "Pflegedienstleitung"
status = "im Einsatz"
data_sensitivity = "rot"
impact = "gelb"
autonomy = "grün"
human_oversight = true
last_ethics_check = 2025-01-10

[[system]]
name = "Newsletter-Hilfe"
purpose = "Texte entwerfen."
area = "interne Prozesse"
owner = "Öffentlichkeitsarbeit"
status = "Pilot"
data_sensitivity = "grün"
impact = "grün"
autonomy = "gelb"
human_oversight = true
last_ethics_check = 2026-10-01
next_ethics_check = 2027-09-15
legal_basis = "Art. 6 Abs. 1 Buchst. f DSGVO"
consent = "nicht nötig"
retention = "Entwürfe nach 30 Tagen"
place = "Rechenzentrum in Frankfurt"
vendor_training = "nein"
dsfa = "durchgeführt"
dsfa_date = 2026-08-01
avv = "abgeschlossen"
ai_act_class = "geringes Risiko"
ai_act_role = "Betreiber"
approved_by = "Geschäftsführung"
approved = 2026-09-01
-- data/kontakte.toml --
[[contact]]
role = "KI-Koordination"
name = "[Name eintragen]"
phone = "+49 30 1234567-10"
email = "ki@example.org"
topics = "Fragen zu KI."
internal = true
footer = true

[[contact]]
role = "Aufsichtsbehörde"
topics = "Beschwerden über Datenschutz."
email = "aufsicht@example.org"
internal = false
`

func buildTools(t *testing.T, archive string) (func(string) string, []string) {
	t.Helper()
	dir := project(t, archive)
	res, err := Build(context.Background(), Options{Source: dir, Dest: "public", Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	var warnings []string // warnings and errors; hints are suggestions
	for _, f := range res.Findings {
		if f.Severity != check.Hint {
			warnings = append(warnings, f.String())
		}
	}
	return func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		return string(b)
	}, warnings
}

func TestChecklistPages(t *testing.T) {
	out, _ := buildTools(t, toolsSite)
	index := out("checklisten/index.html")
	contains(t, "index", index, `<h1>Checklisten</h1>`, `<li><a href="vorher/">Vorher</a><br><span class="beschreibung">Vor dem Start.</span></li>`)
	page := out("checklisten/vorher/index.html")
	contains(t, "checklist page", page,
		`<h1>Vorher</h1>`,
		`<div class="checkliste" data-checkliste="vorher" data-anzahl="2">`,
		`<fieldset class="checkliste-gruppe">`, `<legend>Ethik</legend>`,
		`<p class="checkliste-intervall"><strong>Wann:</strong> vor jedem neuen KI-System</p>`,
		`<label for="liste-system">Welches KI-Werkzeug prüfen Sie?</label><input id="liste-system" type="text">`,
		`<legend>Ethik</legend>
<p class="checkliste-wer"><strong>Wer prüft:</strong> die KI-Koordination</p>`,
		`<div class="checkliste-punkt" role="radiogroup" aria-labelledby="liste-g1-p1-text" aria-describedby="liste-g1-p1-hilfe" data-punkt="g1-p1">
<p class="punkt-text" id="liste-g1-p1-text">Der Zweck ist klar.</p>`,
		`<div class="antwort"><input id="liste-g1-p1-ja" type="radio" name="liste-g1-p1" value="ja"><label for="liste-g1-p1-ja">Ja</label></div>`,
		`<div class="antwort"><input id="liste-g1-p1-nein" type="radio" name="liste-g1-p1" value="nein"><label for="liste-g1-p1-nein">Nein</label></div>`,
		`<div class="antwort"><input id="liste-g1-p1-weiss-nicht" type="radio" name="liste-g1-p1" value="weiss-nicht"><label for="liste-g1-p1-weiss-nicht">Weiß nicht</label></div>`,
		`<div class="antwort"><input id="liste-g1-p1-trifft-nicht-zu" type="radio" name="liste-g1-p1" value="trifft-nicht-zu"><label for="liste-g1-p1-trifft-nicht-zu">Trifft nicht zu</label></div>`,
		`<p class="hilfe" id="liste-g1-p1-hilfe">Zwei Sätze reichen. Mehr dazu: <a href="../../kapitel/#wer-entscheidet">Kapitel</a></p>`,
		`<div class="checkliste-punkt" role="radiogroup" aria-labelledby="liste-g1-p2-text" data-punkt="g1-p2">`,
		`<label for="liste-von">Geprüft von</label>`, `<label for="liste-am">Geprüft am</label>`,
		`Unterschrift <span class="nur-bildschirm">`,
	)
	embedded := out("kapitel/index.html")
	contains(t, "embedded", embedded, `<input id="w1-g1-p1-ja" type="radio" name="w1-g1-p1" value="ja">`, `Mehr dazu: <a href="#wer-entscheidet">Kapitel</a>`)
	contains(t, "print", out("druck/index.html"), `id="s_checklisten_vorher--liste-g1-p1-ja"`, `id="s_kapitel--w1-g1-p1-ja"`, `name="s_kapitel--w1-g1-p1"`)
}

func TestFormsOnScreen(t *testing.T) {
	out, _ := buildTools(t, toolsSite)
	f := out("formular/index.html")
	contains(t, "form", f,
		`Ihre Eingaben bleiben in diesem Browser-Fenster: Nichts wird gesendet oder gespeichert.`,
		`<label for="w1">Name, Vorname</label>`, `<input id="w1" type="text" autocomplete="name">`,
		`<label for="w2">Anmerkungen</label>`, `<textarea id="w2" rows="4"></textarea>`,
		`<input id="w3" type="checkbox">`, `<label for="w3">Ich willige in die Übersetzung ein.</label>`,
		`<div class="unterschrift" role="group" aria-labelledby="w4-titel">`, `<label for="w4-ort">Ort und Datum</label>`,
		`<fieldset class="ampel-kriterium" data-kriterium="daten">`,
		`<input type="radio" id="w5-auswirkung-rot" name="w5-auswirkung" value="rot">`,
		`<label for="w5-auswirkung-rot"><span class="licht licht-rot">Rot</span> Einfluss auf Hilfen`,
		`<tr data-stufe="rot"><th scope="row"><span class="licht licht-rot">Rot</span>: hohes Risiko</th>`,
		`<div class="ampel-ergebnis" id="w5-ergebnis" aria-live="polite"></div>`,
	)
	// Nothing is sent: the fields stand in no <form>. The only form is the
	// search in the header, which sends the query to /suche/.
	main := f[strings.Index(f, "<main"):strings.Index(f, "</main>")]
	lacks(t, "form", main, "<form", "action=")
	if n := strings.Count(f, "<form"); n != 1 || !strings.Contains(f, `<form class="kopf-suche" role="search" action="../suche/" method="get">`) {
		t.Errorf("form: %d forms, want only the search form in the header", n)
	}
	lacks(t, "no form", out("kapitel/index.html"), "Nichts wird gesendet oder gespeichert")
}

// TestSlot: readers see only that a place is still open, and nothing of
// a note to the editors; the question and the note are for the editors,
// on the page of open slots, with the way to the place.
func TestSlot(t *testing.T) {
	out, _ := buildTools(t, toolsSite)
	question, note := "Wer übernimmt die KI-Koordination?", "Prüfen Sie das Beispiel mit der Projektgruppe."
	contains(t, "slot", out("kapitel/index.html"), `<div class="hinweis hinweis-offen" role="note" id="w2">
<p><strong>Noch offen:</strong> Diese Stelle füllt die Organisation noch aus.</p>
</div>`)
	for _, f := range []string{"kapitel/index.html", "suche/index.js", "druck/index.html"} {
		lacks(t, f, out(f), question, note, "Hier entscheiden Sie")
	}
	contains(t, "print", out("druck/index.html"), `id="s_kapitel--w2"`, "Noch offen:")
	// Without pages for the editors, the footer leads to this list,
	// the editors' area; the report is behind it.
	contains(t, "footer", out("kapitel/index.html"), `<li><a href="../offene-stellen/">Für die Redaktion</a></li>`)
	lacks(t, "footer", out("kapitel/index.html"), "pruefbericht/")
	contains(t, "editors' area", out("offene-stellen/index.html"), `<li><a href="../pruefbericht/">Prüfbericht`)
	contains(t, "editors", out("offene-stellen/index.html"),
		`<h1>Offene Stellen und Hinweise für die Redaktion</h1>`,
		`<p>2 offene Stellen und 1 Hinweis für die Redaktion.</p>`,
		`<h2 id="hb-seite-0"><a href="../kapitel/">Kapitel</a></h2>`,
		`<li><strong>Offen:</strong> `+question+`<br>Füllen Sie sie aus und löschen Sie dann den Shortcode eintragen. Die Stelle: <a href="../kapitel/#w2">content/kapitel.md, Zeile 11</a></li>`,
		`<li class="offen-hinweis"><strong>Hinweis für die Redaktion:</strong> `+note+`<br>Steht in content/kapitel.md, Zeile 13.</li>`,
		// A placeholder of a contact, in its data file.
		`<h2 id="hb-seite-1">Ansprechpersonen (data/kontakte.toml)</h2>`,
		`<li><strong>Offen:</strong> KI-Koordination: [Name eintragen]<br>Tragen Sie bei name den Wert in data/kontakte.toml ein. Die Stelle: data/kontakte.toml, Zeile 3</li>`)
}

func TestRegisterAndContacts(t *testing.T) {
	out, warnings := buildTools(t, toolsSite)
	r := out("register/index.html")
	contains(t, "register", r,
		`Die Einträge sind Beispiele.`,
		`Im Register stehen 2 Systeme:`,
		`1 mit <span class="licht licht-rot">Rot</span>, 1 mit <span class="licht licht-gelb">Gelb</span>, 0 mit <span class="licht licht-gruen">Grün</span>.`,
		`Bei 1 System ist der jährliche Ethik-Check überfällig (Stand: 26. November 2026).`,
		`<caption id="w1-titel">KI-Register: alle KI-Systeme mit ihrer Ampel</caption>`,
		`<th scope="col">System</th>`,
		`<th scope="row"><a href="#w1-s1">Spracherkennung</a></th>`,
		`<td data-label="Letzter Ethik-Check">10. Januar 2025 <strong class="ueberfaellig">überfällig</strong></td>`,
		`<td data-label="Ampel"><span class="licht licht-gelb">Gelb</span></td>`, // Newsletter-Hilfe: worst of grün, grün, gelb
		`<td data-label="KI-Verordnung">geringes Risiko</td>`, `<td data-label="KI-Verordnung">noch nicht eingestuft</td>`,
		`<div><dt>Rechtsgrundlage</dt><dd>Art. 6 Abs. 1 Buchst. f DSGVO</dd></div>`,
		`<div><dt>Einwilligung</dt><dd>nicht nötig</dd></div>`,
		`<div><dt>Löschfrist</dt><dd>Entwürfe nach 30 Tagen</dd></div>`,
		`<div><dt>Ort der Verarbeitung</dt><dd>Rechenzentrum in Frankfurt</dd></div>`,
		`<div><dt>Anbieter trainiert mit unseren Daten</dt><dd>nein</dd></div>`,
		`<div><dt>Datenschutz-Folgenabschätzung</dt><dd>durchgeführt am 1. August 2026</dd></div>`,
		`<div><dt>Vertrag zur Auftragsverarbeitung</dt><dd>abgeschlossen</dd></div>`,
		`<div><dt>Einstufung nach der KI-Verordnung</dt><dd>geringes Risiko</dd></div>`,
		`<div><dt>Unsere Rolle nach der KI-Verordnung</dt><dd>Betreiber</dd></div>`,
		`<div><dt>Freigabe</dt><dd>Geschäftsführung am 1. September 2026</dd></div>`,
		`<div><dt>Nächster Ethik-Check</dt><dd>15. September 2027</dd></div>`,
	)
	if len(warnings) != 1 || !strings.Contains(warnings[0], `data/ki-register.toml:15:1: Warnung: eingabe: der Ethik-Check von "Spracherkennung" ist älter als 12 Monate`) {
		t.Errorf("warnings = %q", warnings)
	}
	contains(t, "contacts", r, `<p class="kontakt-rolle"><strong>Aufsichtsbehörde</strong> <span class="kontakt-extern">(außerhalb der Organisation)</span></p>`, `<a href="mailto:aufsicht@example.org">aufsicht@example.org</a>`)
	lacks(t, "contacts", r, `<strong>KI-Koordination</strong></p>`) // filtered: external only
	// The name is still a placeholder: for the editors, not the footer.
	contains(t, "footer", out("index.html"), `<strong>Fragen zu KI?</strong> KI-Koordination, Telefon <a href="tel:&#43;4930123456710">&#43;49 30 1234567-10</a>, E-Mail <a href="mailto:ki@example.org">ki@example.org</a>`)
	lacks(t, "footer", out("index.html"), "eintragen]")
}

func TestToolErrors(t *testing.T) {
	for _, tc := range []struct {
		name, from, to string
		want           string
	}{
		{"unknown checklist", `{{< checkliste "vorher" >}}`, `{{< checkliste "nachher" >}}`,
			`content/kapitel.md:9:1: checkliste: die Checkliste "nachher" gibt es nicht. Vorhanden in checklists/: vorher.`},
		{"chapter to nowhere", `chapter = "kapitel.md#wer-entscheidet"`, `chapter = "kaptel.md"`,
			`checklists/vorher.toml:12:1: chapter "kaptel.md": diese Seite gibt es nicht.`},
		{"chapter anchor to nowhere", `chapter = "kapitel.md#wer-entscheidet"`, `chapter = "kapitel.md#wer"`,
			`checklists/vorher.toml:12:1: chapter "kapitel.md#wer": den Anker #wer gibt es auf der Seite nicht.`},
		{"item without text", `text = "Betroffene reden mit."`, `help = "Nur Hilfe."`,
			`checklists/vorher.toml:14:1: dem Punkt fehlt text`},
		{"exclusion", "impact = \"gelb\"\nautonomy = \"grün\"\nhuman_oversight = true", "impact = \"rot\"\nautonomy = \"rot\"\nhuman_oversight = false",
			`data/ki-register.toml:14:1: "Spracherkennung" hat rote Auswirkung auf Menschen und keine menschliche Kontrolle. Das schließen die Leitlinien aus`},
		{"unknown light", `data_sensitivity = "rot"`, `data_sensitivity = "orange"`,
			`data/ki-register.toml:11:1: data_sensitivity "orange" ist unbekannt. Erlaubt sind: "grün", "gelb", "rot".`},
		{"unknown status", `status = "Pilot"`, `status = "Test"`,
			`data/ki-register.toml:22:1: status "Test" ist unbekannt. Erlaubt sind: "geplant", "Pilot", "im Einsatz", "abgeschaltet".`},
		{"prohibited practice in use", "last_ethics_check = 2025-01-10", "last_ethics_check = 2025-01-10\nai_act_class = \"verboten\"",
			`data/ki-register.toml:16:1: "Spracherkennung" ist als verbotene KI-Praktik eingestuft (Art. 5 KI-Verordnung).`},
		{"high risk without oversight", "human_oversight = true\nlast_ethics_check = 2025-01-10", "human_oversight = false\nlast_ethics_check = 2025-01-10\nai_act_class = \"hochriskant\"",
			`data/ki-register.toml:14:1: "Spracherkennung" ist ein Hochrisiko-KI-System und hat keine menschliche Aufsicht.`},
		{"DPIA missing in use", "last_ethics_check = 2025-01-10", "last_ethics_check = 2025-01-10\ndsfa = \"nötig\"",
			`data/ki-register.toml:16:1: "Spracherkennung" ist im Einsatz, aber die nötige Datenschutz-Folgenabschätzung fehlt. Sie kommt vor dem Einsatz (Art. 35 Abs. 1 DSGVO)`},
		{"no processor contract in use", "last_ethics_check = 2025-01-10", "last_ethics_check = 2025-01-10\navv = \"fehlt\"",
			`data/ki-register.toml:16:1: "Spracherkennung" ist im Einsatz, aber der Vertrag zur Auftragsverarbeitung fehlt.`},
		{"health data not red", `data_sensitivity = "rot"`, `data_sensitivity = "gelb"`,
			`data/ki-register.toml:11:1: "Spracherkennung" verarbeitet Gesundheitsdaten. Sie sind besonders geschützt (Art. 9 DSGVO), und die Ampel stuft sie als rot ein`},
		{"unknown AI Act class", "last_ethics_check = 2025-01-10", "last_ethics_check = 2025-01-10\nai_act_class = \"niedrig\"",
			`data/ki-register.toml:16:1: ai_act_class "niedrig" ist unbekannt. Erlaubt sind: "verboten", "hochriskant", "Transparenzpflicht", "geringes Risiko".`},
		{"unknown register key", `owner = "Pflegedienstleitung"`, `verantwortlich = "Pflegedienstleitung"`,
			`data/ki-register.toml:9:1: unbekannter Schlüssel "system.0.verantwortlich"`},
		{"bad phone", `phone = "+49 30 1234567-10"`, `phone = "030 12345 oder 678"`,
			`data/kontakte.toml:4:1: phone "030 12345 oder 678" ist keine Telefonnummer.`},
		{"inline form field", "Bitte ausfüllen.\n\n{{< feld \"Name, Vorname\" \"name\" >}}", "Bitte ausfüllen: {{< feld \"Name, Vorname\" \"name\" >}}",
			`content/formular.md:5:18: der Shortcode "feld" muss allein in einer eigenen Zeile stehen`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(toolsSite, tc.from) {
				t.Fatalf("fixture lacks %q", tc.from)
			}
			got := buildErr(t, strings.Replace(toolsSite, tc.from, tc.to, 1))
			contains(t, tc.name, got, tc.want)
			if t.Failed() {
				t.Log(got)
			}
		})
	}
}
