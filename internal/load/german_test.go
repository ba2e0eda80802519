package load

import (
	"regexp"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// english finds words of the parser's English messages.
var english = regexp.MustCompile(`\b(expected|unexpected|[Ii]nvalid|cannot|must|instead|found|newlines?|Key|already|table|range|digits?|EOF|bytes?|float|integer)\b`)

// TestGermanTOML: every kind of TOML syntax error an editor can make
// gets a German message with its position and what to write instead, and
// no English from the parser.
func TestGermanTOML(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// dates
		{"adopted = 15.09.2026", `fall.toml:1:11: TOML kann nicht gelesen werden: 15.09.2026 ist ein Datum in deutscher Schreibweise. TOML schreibt ein Datum als Jahr-Monat-Tag: Schreiben Sie das Datum als 2026-09-15 (ohne Anführungszeichen).`},
		{"adopted = 1.9.26", `fall.toml:1:11: TOML kann nicht gelesen werden: 1.9.26 ist ein Datum in deutscher Schreibweise. TOML schreibt ein Datum als Jahr-Monat-Tag: Schreiben Sie das Datum als 2026-09-01`},
		{"adopted = 2026-9-15", `fall.toml:1:11: TOML kann nicht gelesen werden: das Datum 2026-9-15 ist nicht richtig geschrieben. Schreiben Sie das Datum als 2026-09-15: vier Ziffern für das Jahr, zwei für Monat und Tag.`},
		{"adopted = 2026-13-01", `fall.toml:1:11: TOML kann nicht gelesen werden: das Datum 2026-13-01 hat den Monat 13; den gibt es nicht.`},
		{"adopted = 2026-02-30", `fall.toml:1:11: TOML kann nicht gelesen werden: das Datum 2026-02-30 gibt es nicht: der Monat hat keinen Tag 30.`},
		// numbers
		{"weight = 1,5", `fall.toml:1:11: TOML kann nicht gelesen werden: nach dem Wert steht ein Komma. Eine Zahl mit Komma schreiben Sie in TOML mit Punkt, zum Beispiel 7.5`},
		{"weight = 1.5.3", `fall.toml:1:10: TOML kann nicht gelesen werden: 1.5.3 ist keine Zahl. Schreiben Sie eine Zahl mit höchstens einem Punkt, zum Beispiel 7.5; ist ein Text gemeint, setzen Sie ihn in Anführungszeichen: "1.5.3".`},
		{"weight = 07", `fall.toml:1:10: TOML kann nicht gelesen werden: die Zahl 07 beginnt mit einer 0.`},
		{"weight = 1_", `fall.toml:1:10: TOML kann nicht gelesen werden: in der Zahl 1_ steht ein Unterstrich _ nicht zwischen zwei Ziffern.`},
		{"weight = 7.", `TOML kann nicht gelesen werden: nach dem Punkt in 7. fehlt eine Ziffer.`},
		{"weight = .5", `TOML kann nicht gelesen werden: eine Zahl beginnt mit einem Punkt.`},
		{"weight = 99999999999999999999", `fall.toml:1:10: TOML kann nicht gelesen werden: die Zahl ist zu groß oder zu klein: 99999999999999999999.`},
		{"weight = 0xZZ", `TOML kann nicht gelesen werden: nach 0x dürfen nur`},
		{"weight = -0x1", `TOML kann nicht gelesen werden: vor einer Zahl mit 0x, 0o oder 0b darf kein + oder - stehen.`},
		// strings
		{"title = \"Kapitel\nweight = 1", `fall.toml:1:17: TOML kann nicht gelesen werden: ein Text endet nicht in derselben Zeile: es fehlt das Anführungszeichen am Ende.`},
		{"title = 'Kapitel\nweight = 1", `TOML kann nicht gelesen werden: ein Text endet nicht in derselben Zeile`},
		{`title = """Kapitel`, `TOML kann nicht gelesen werden: die Datei endet, bevor der Text mit drei Anführungszeichen """ geschlossen ist.`},
		{`title = "Kapitel`, `TOML kann nicht gelesen werden: die Datei endet, bevor der Text mit " geschlossen ist.`},
		{`title = "\u12"`, `TOML kann nicht gelesen werden: nach \u müssen vier Ziffern von 0 bis 9 oder Buchstaben von A bis F folgen.`},
		{`title = Kapitel`, `fall.toml:1:9: TOML kann nicht gelesen werden: Kapitel ist kein Wert, den TOML kennt. Setzen Sie einen Text in Anführungszeichen: "Kapitel"`},
		{`draft = ja`, `fall.toml:1:9: TOML kann nicht gelesen werden: ja ist kein Wert, den TOML kennt. Schreiben Sie true für ja und false für nein`},
		{`title = "A" "B"`, `fall.toml:1:12: TOML kann nicht gelesen werden: nach dem Wert steht noch etwas in derselben Zeile (").`},
		// keys, tables, lists
		{"title = \"A\"\ntitle = \"B\"", `fall.toml:2:1: TOML kann nicht gelesen werden: der Schlüssel title ist doppelt: er steht schon weiter oben.`},
		{"title", `TOML kann nicht gelesen werden: nach dem Schlüssel fehlen das Gleichheitszeichen und der Wert.`},
		{"title =", `TOML kann nicht gelesen werden: nach dem Gleichheitszeichen fehlt der Wert.`},
		{`= "A"`, `fall.toml:1:1: TOML kann nicht gelesen werden: vor dem Gleichheitszeichen fehlt der Schlüssel.`},
		{`mein titel = "A"`, `TOML kann nicht gelesen werden: nach dem Schlüssel fehlt das Gleichheitszeichen, oder der Schlüssel enthält ein Leerzeichen.`},
		{"[]", `TOML kann nicht gelesen werden: in den eckigen Klammern fehlt der Name des Abschnitts.`},
		{"[[system]", `TOML kann nicht gelesen werden: die Überschrift einer Liste von Abschnitten endet nicht mit ]].`},
		{"[org anisation]", `TOML kann nicht gelesen werden: die Überschrift eines Abschnitts ist nicht richtig geschrieben.`},
		{`list = ["a" "b"]`, `TOML kann nicht gelesen werden: in der Liste fehlt ein Komma oder die schließende Klammer ].`},
		{`list = [,]`, `TOML kann nicht gelesen werden: hier steht ein Komma zu viel oder ein Komma ohne Wert davor.`},
		{`t = {a = 1 b = 2}`, `TOML kann nicht gelesen werden: in den geschweiften Klammern fehlt ein Komma`},
		{"t = 1\n[t]", `TOML kann nicht gelesen werden: `},
		{"a = \"x\u0001\"", `TOML kann nicht gelesen werden: die Datei enthält ein unsichtbares Steuerzeichen`},
	} {
		var errs book.ErrorList
		d := tomlDoc{file: "fall.toml", src: []byte(c.text), text: c.text}
		d.decode(nil, &errs)
		if len(errs) == 0 {
			t.Errorf("%q: no error", c.text)
			continue
		}
		got := errs[0].Error()
		if !strings.Contains(got, c.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", c.text, got, c.want)
		}
		if w := english.FindString(got); w != "" {
			t.Errorf("%q: English word %q in %s", c.text, w, got)
		}
		if !strings.HasSuffix(got, ".") {
			t.Errorf("%q: the message does not end with a sentence saying what to do: %s", c.text, got)
		}
	}
}

// TestGermanTOMLUnknownMessage: a message of a future parser version
// that germanTOML does not know is still German.
func TestGermanTOMLUnknownMessage(t *testing.T) {
	got := germanTOML("some new complaint about the input")
	if english.MatchString(got) || strings.Contains(got, "complaint") || !strings.Contains(got, "Prüfen Sie in dieser Zeile") {
		t.Errorf("germanTOML of an unknown message = %q", got)
	}
}
