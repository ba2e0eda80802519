package compound

import (
	"strings"
	"testing"
)

// compounds are German compounds with every boundary between their
// parts marked "|", written by hand: words of the model handbook and of
// the daily work of social services. A boundary is where two words meet
// (with the linking s, n, en … on the left), never before a prefix or a
// suffix: "Wohnungslosen|hilfe", not "Wohnungs|losen|hilfe".
var compounds = []string{
	// From the model handbook.
	"Daten|schutz|beauftragte", "Einwilligungs|erklärung", "Pflege|dokumentation", "Lebens|mittel|gruppen",
	"Verarbeitungs|verzeichnisse", "Beratungs|stelle", "Telefon|nummer", "Touren|planung", "Internet|seite",
	"Sozial|leistung", "Sozial|ämter", "Ausnahme|fällen", "Schweige|pflicht", "Sozial|geheimnis", "Pflege|kraft",
	"Kranken|kasse", "Geschäfts|führung", "Daten|verarbeitung", "Mitarbeiter|vertretung", "Leit|linien",
	"Daten|schutz|folgen|abschätzung", "Sprach|modell", "Seh|behinderung", "seh|behinderten", "Aufsichts|behörde",
	"Schulungs|angebot", "Risiko|bewertung", "Zugriffs|rechte", "Klienten|akte", "Gesundheits|daten",
	"Sozial|daten", "Pilot|projekt", "Test|phase", "Prüf|bericht", "Check|liste", "Sprach|assistent",
	"Sprach|erkennung", "Gesprächs|notiz", "Text|vorlage", "Daten|schutz|behörde", "Betroffenen|rechte",
	"Kranken|versicherung", "Pflege|dienst", "Frei|zeit|angebot", "Arbeits|platz", "Arbeits|zeit",
	"Betriebs|rat", "Bildungs|angebot", "Wohn|gruppe", "Wohnungslosen|hilfe", "Jugend|hilfe",
	"Kinder|garten", "Eingliederungs|hilfe", "Sucht|beratung", "Schuldner|beratung", "Familien|hilfe",
	"Alten|pflege", "Kranken|haus", "Haus|arzt", "Fach|kraft", "Pflege|fach|kraft", "Not|fall",
	"Not|ruf|nummer", "Termin|vereinbarung", "Grund|lage", "Rechts|grund|lage", "Verwaltungs|aufwand",
	"Bundes|land", "Land|kreis", "Stadt|verwaltung", "Gesundheits|amt", "Jugend|amt", "Sozial|amt",
	"Arbeits|agentur", "Renten|versicherung", "Pflege|versicherung", "Pflege|grad", "Pflege|heim",
	"Schwer|behinderten|ausweis", "Bewohner|beirat", "Akten|notiz", "Gesprächs|protokoll", "Protokoll|vorlage",
	"Bild|erkennung", "Gesichts|erkennung", "Folgen|abschätzung", "Risiko|stufe", "Schulungs|konzept",
	"Lern|plattform", "Lern|programm", "Übersetzungs|programm", "Sprach|nachricht", "Text|nachricht",
	"Kunden|daten", "Klienten|daten", "Mitarbeiter|daten", "Personal|abteilung", "Personal|akte",
	"Dienst|plan", "Dienst|plan|erstellung", "Urlaubs|antrag", "Kosten|übernahme", "Haushalts|plan",
	"Jahres|bericht", "Tätigkeits|bericht", "Prüf|liste", "Fehler|meldung", "Beschwerde|stelle",
	"Beschwerde|management", "Qualitäts|management", "Qualitäts|sicherung", "Wissens|daten|bank",
	"Daten|bank", "Arbeits|gruppe", "Projekt|gruppe", "Steuerungs|gruppe", "Lenkungs|kreis",
	"Einführungs|phase", "Modell|projekt", "Projekt|leitung", "Bereichs|leitung", "Einrichtungs|leitung",
	"Team|leitung", "Vorstands|sitzung", "Sitzungs|protokoll", "Entscheidungs|vorlage", "Beschluss|vorlage",
	"Landes|daten|schutz|beauftragte", "Menschen|rechte", "Grund|rechte", "Persönlichkeits|rechte",
	"Widerspruchs|recht", "Auskunfts|recht", "Lösch|frist", "Speicher|frist", "Aufbewahrungs|frist",
	"Hand|buch", "Lebens|lage", "Lebens|qualität", "Alltags|hilfe", "Haushalts|hilfe", "Nachbarschafts|hilfe",
	"Selbst|hilfe|gruppe", "Wohn|heim", "Wohn|ort", "Wohnungs|suche", "Arbeits|suche", "Stellen|anzeige",
	"Stellen|ausschreibung", "Bewerbungs|gespräch", "Vorstellungs|gespräch", "Beratungs|gespräch",
	"Eltern|gespräch", "Eltern|abend", "Eltern|zeit", "Kinder|betreuung", "Tages|pflege", "Kurz|zeit|pflege",
	"Fahr|dienst", "Besuchs|dienst", "Sozial|dienst", "Bereitschafts|dienst", "Schicht|dienst", "Dienst|wagen",
	"Dienst|handy", "Handy|nummer", "Zimmer|nummer", "Haus|nummer", "Post|leit|zahl", "Geburts|datum",
	"Geburts|tag", "Namens|schild", "Tür|schild", "Bild|schirm", "Bild|schirm|leser", "Schrift|größe",
	"Farb|kontrast", "Wörter|buch", "Sprach|niveau", "Text|länge", "Satz|länge", "Barriere|freiheit",
	"barriere|frei", "barriere|freie", "daten|schutz|konform", "alters|gerecht", "Lebens|mittel",
	"Daten|schutz|beauftragten", "Zusammen|arbeit",
}

// notCompounds are long words that are no compounds (or are derived
// from a compound with a prefix or a suffix): they must not be split.
var notCompounds = []string{
	"Angehörige", "Angehörigen", "Medikamente", "Medikamenten", "Organisation", "Organisationen",
	"Informationen", "Mitarbeitende", "Mitarbeitenden", "Mitarbeiterin", "Beratung", "Verantwortung",
	"Unterstützung", "Benachteiligung", "Übersetzungen", "Auffälligkeiten", "Inanspruchnahme", "Teilnahme",
	"Vereinbarung", "Mitteilung", "Wissenschaft", "Gesellschaft", "Eigentum", "Bewohner:innen",
	"Berater:innen", "Voraussetzung", "Einrichtung", "Vorstellung", "Erfahrungen", "Entscheidung",
	"Kommunikation", "Dokumentation", "Penetration", "funktionieren", "zusammenfassen", "freigegebene",
	"arbeitslos", "Arbeitslosigkeit", "Gemeinschaft", "Bereitschaft", "Freundschaft", "Teilhabe", "Lehrende",
	"Studierende", "Pflegende", "Verbraucher", "Anwendungen", "Gegenstand", "Vorteil", "Nachteil", "Urteil",
	"Auszubildende", "Teilnehmende", "weiterzugeben", "vorzusortieren", "europäisches", "Beispiele",
	"Kontrollen", "Herausforderung", "Veranstaltungen", "Verordnungen", "Anerkennung", "Bestätigung", "Öffentlichkeit",
}

// heldOut are compounds and words that are none, written after the
// lexicon, without adding their parts to it afterwards: how the splitter
// does on words it was not made for. A wrong boundary fails the test;
// a compound it does not split only counts.
var heldOut = []string{
	"Pflege|bett", "Roll|stuhl|rampe", "Essens|plan", "Mittags|tisch", "Kleider|kammer", "Frauen|haus",
	"Kinder|schutz", "Opfer|schutz", "Gewalt|schutz", "Schutz|konzept", "Hygiene|plan", "Brand|schutz",
	"Arbeits|schutz", "Gesundheits|förderung", "Sucht|hilfe", "Drogen|beratung", "Migrations|beratung",
	"Integrations|kurs", "Sprach|kurs", "Deutsch|kurs", "Computer|kurs", "Haus|aufgaben|hilfe",
	"Schul|begleitung", "Schul|sozial|arbeit", "Eltern|beirat", "Heim|aufsicht", "Pflege|stufe",
	"Pflege|zeit", "Pflege|bedarf", "Hilfe|plan", "Hilfe|plan|gespräch", "Förder|plan", "Wohn|geld",
	"Kinder|geld", "Eltern|geld", "Bürger|geld", "Miet|vertrag", "Arbeits|vertrag", "Kooperations|vertrag",
	"Sicherheits|lücke", "Zugangs|daten", "Netzwerk|treffen", "Team|besprechung", "Fall|besprechung",
	"Dienst|besprechung", "Fach|tag", "Jahres|planung", "Haushalts|jahr", "Spenden|konto",
	"Förder|verein", "Mitglieder|versammlung", "Vereins|satzung", "Not|fall|plan", "Feuer|wehr",
	"Kranken|wagen",
}

var heldOutNot = []string{
	"Verwaltung", "Beschäftigte", "Begleitung", "Ernährung", "Versorgung", "Betreuerin", "Angelegenheiten",
	"Zuständigkeit", "Verpflichtung", "Anforderungen", "Berechtigung", "Verständigung", "Erreichbarkeit",
	"Kenntnisse", "Voraussetzungen", "Entwicklungen", "Überprüfung", "Untersuchung", "Unterschrift",
	"Verständnis", "Bescheinigung", "Rechnungen",
}

// TestHeldOut splits the words of heldOut and heldOutNot.
func TestHeldOut(t *testing.T) {
	full, partly, none := 0, 0, 0
	for _, c := range heldOut {
		want := strings.Split(c, "|")
		word := strings.Join(want, "")
		got := Split(word)
		wantAt := map[int]bool{}
		for _, b := range boundaries(want) {
			wantAt[b] = true
		}
		found := 0
		for _, b := range boundaries(got) {
			if !wantAt[b] {
				t.Errorf("Split(%q) = %q: wrong boundary, want %q", word, strings.Join(got, "|"), c)
			}
			found++
		}
		switch {
		case found == len(want)-1:
			full++
		case found > 0:
			partly++
			t.Logf("partly: %s (want %s)", strings.Join(got, "|"), c)
		default:
			none++
			t.Logf("not split: %s", c)
		}
	}
	for _, w := range heldOutNot {
		if got := Split(w); len(got) != 1 {
			t.Errorf("Split(%q) = %q, want no split", w, strings.Join(got, "|"))
		}
	}
	t.Logf("held out: %d compounds: %d split in full, %d partly, %d not; %d words that are none", len(heldOut), full, partly, none, len(heldOutNot))
}

// boundaries returns the offsets in runes at which parts meet.
func boundaries(parts []string) []int {
	var out []int
	at := 0
	for _, p := range parts[:len(parts)-1] {
		at += len([]rune(p))
		out = append(out, at)
	}
	return out
}

// TestCompounds splits every word of the lists. A boundary that is not
// one is a failure: it is what an editor would be told to write. A
// missing boundary only lowers the share of compounds split in full,
// which must stay at 90 % or more.
func TestCompounds(t *testing.T) {
	full, partly, none := 0, 0, 0
	for _, c := range compounds {
		want := strings.Split(c, "|")
		word := strings.Join(want, "")
		got := Split(word)
		if strings.Join(got, "") != word {
			t.Errorf("Split(%q) = %q: the parts are not the word", word, got)
			continue
		}
		wantAt := map[int]bool{}
		for _, b := range boundaries(want) {
			wantAt[b] = true
		}
		found := 0
		for _, b := range boundaries(got) {
			if !wantAt[b] {
				t.Errorf("Split(%q) = %q: wrong boundary, want %q", word, strings.Join(got, "|"), c)
			}
			found++
		}
		switch {
		case found == len(want)-1:
			full++
		case found > 0:
			partly++
			t.Logf("partly: %s (want %s)", strings.Join(got, "|"), c)
		default:
			none++
			t.Logf("not split: %s", c)
		}
	}
	for _, w := range notCompounds {
		if got := Split(w); len(got) != 1 {
			t.Errorf("Split(%q) = %q, want no split", w, strings.Join(got, "|"))
		}
	}
	t.Logf("%d compounds: %d split in full, %d partly, %d not; %d words that are none", len(compounds), full, partly, none, len(notCompounds))
	if len(compounds) < 100 {
		t.Errorf("only %d compounds", len(compounds))
	}
	if share := 100 * full / len(compounds); share < 90 {
		t.Errorf("%d %% of the compounds split in full, want at least 90 %%", share)
	}
}

// BenchmarkSplit splits every word of the lists.
func BenchmarkSplit(b *testing.B) {
	var list []string
	for _, c := range compounds {
		list = append(list, strings.ReplaceAll(c, "|", ""))
	}
	list = append(list, notCompounds...)
	for b.Loop() {
		for _, w := range list {
			Split(w)
		}
	}
}
