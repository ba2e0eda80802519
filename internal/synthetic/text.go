package synthetic

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The word lists the generator builds its German from. Nouns are a head
// (with plural and genitive ending), alone or after one or two modifiers
// (Pflege+dokumentation, Arbeits+schutz+bericht); verbs a weak stem,
// alone or after a prefix (über+prüf+t, an+ge+meld+et); adjectives a stem
// or a modifier with a suffix (arbeits+fähig, pflege+bedürftig).
var (
	// modifiers are the first parts of compounds, with the linking s.
	modifiers = strings.Fields(`Arbeits Pflege Daten Gesundheits Schutz Sicherheits Qualitäts Kranken
		Alters Wohn Notfall Schicht Dienst Haus Team Bewohner Klienten Personal Büro Wochen Tages
		Nacht Jahres Kinder Jugend Familien Eltern Beratungs Bildungs Fortbildungs Hygiene
		Medikamenten Wund Schmerz Ernährungs Bewegungs Sturz Dokumentations Informations
		Kommunikations Verwaltungs Leitungs Mitarbeiter Hilfe Unterstützungs Teilhabe Barriere
		Sprach Lese Rechts Vertrags Kosten Finanz Spenden Mitglieds Vereins Verbands Landes Bundes
		Kreis Stadt Gemeinde Zugangs Melde Prüf Lern Übergabe Beschwerde Gefährdungs Brand Unfall
		Krisen Konflikt Gesprächs Besuchs Küchen Wäsche Reinigungs Material Geräte Schlüssel
		Zimmer Raum Gebäude Garten Einsatz Ausbildungs Praxis Akten Software System Netz Telefon
		Termin Urlaubs Krankheits Nachbarschafts Begleit Entlastungs Versorgungs Ehrenamts Grund`)
	// heads are "singular plural genitive-ending" ("-" for none).
	heads = splitHeads(`Bericht Berichte s;Plan Pläne s;Dokumentation Dokumentationen -;Übergabe Übergaben -;
		Leitung Leitungen -;Kraft Kräfte -;Stelle Stellen -;Ordnung Ordnungen -;Regel Regeln -;
		Frist Fristen -;Akte Akten -;Liste Listen -;Nachweis Nachweise es;Vertrag Verträge s;
		Gespräch Gespräche s;Konzept Konzepte s;Verfahren Verfahren s;Maßnahme Maßnahmen -;Zeit Zeiten -;
		Raum Räume s;Mittel Mittel s;Gerät Geräte s;Team Teams s;Ziel Ziele s;Aufgabe Aufgaben -;
		Pflicht Pflichten -;Recht Rechte s;Prüfung Prüfungen -;Beratung Beratungen -;
		Schulung Schulungen -;Unterlage Unterlagen -;Vorlage Vorlagen -;Anleitung Anleitungen -;
		Hinweis Hinweise es;Risiko Risiken s;Fehler Fehler s;Zugang Zugänge s;Bedarf Bedarfe s;
		Gruppe Gruppen -;Sitzung Sitzungen -;Protokoll Protokolle s;Formular Formulare s;
		Antrag Anträge s;Bescheid Bescheide s;Beitrag Beiträge s;Weg Wege s;Stand Stände s;
		Wechsel Wechsel s;Dienst Dienste es;Kontrolle Kontrollen -;Versorgung Versorgungen -;
		Bedürfnis Bedürfnisse ses;Ergebnis Ergebnisse ses;Größe Größen -;Lösung Lösungen -;
		Fähigkeit Fähigkeiten -;Sicherheit Sicherheiten -;Qualität Qualitäten -;
		Verantwortung Verantwortungen -;Einrichtung Einrichtungen -;Behörde Behörden -;
		Material Materialien s;Schlüssel Schlüssel s;Übersicht Übersichten -;Tür Türen -;
		Büro Büros s;Woche Wochen -;Mappe Mappen -;Kalender Kalender s;Person Personen -;
		Kind Kinder es;Bewohner Bewohner s;Mitarbeiterin Mitarbeiterinnen -;Mitarbeiter Mitarbeiter s;
		Leiterin Leiterinnen -;Leiter Leiter s;System Systeme s;Wert Werte es;Grenze Grenzen -;
		Stufe Stufen -;Ebene Ebenen -;Quelle Quellen -;Form Formen -;Art Arten -;Zahl Zahlen -;
		Beschluss Beschlüsse es;Entscheidung Entscheidungen -;Änderung Änderungen -;
		Meldung Meldungen -;Störung Störungen -;Erklärung Erklärungen -;Einwilligung Einwilligungen -;
		Schutz Schutz es;Buch Bücher es;Haus Häuser es;Platz Plätze es;Zimmer Zimmer s;
		Fahrt Fahrten -;Pause Pausen -;Hilfe Hilfen -;Frage Fragen -;Antwort Antworten -`)
	// verbs are weak stems; the ones on -ier take no ge- in the participle.
	verbs = strings.Fields(`prüf plan sag mach stell zeig lern such brauch hol lös führ hör klär fühl
		wähl zähl schätz meld arbeit acht leg setz stimm teil sorg ordn öffn rechn zeichn schütz
		nutz wünsch fass pass reich leit richt wart spür stör kauf schick wechsel füll deck lenk
		dokumentier organisier informier kontrollier evaluier reflektier kommunizier koordinier
		protokollier delegier analysier formulier markier reservier finanzier aktualisier
		korrigier archivier digitalisier qualifizier motivier`)
	// separable prefixes take ge- between prefix and stem, the others none.
	separable   = strings.Fields(`an auf aus ein mit nach vor zu ab zurück fest weiter dar bereit`)
	inseparable = strings.Fields(`be ver er ent über hinter`)
	adjectives  = strings.Fields(`wichtig klar sicher einfach schnell neu gut genau möglich nötig ständig
		regelmäßig täglich wöchentlich schriftlich mündlich fachlich rechtlich zuständig verständlich
		offen ruhig freundlich kurz lang klein groß alt jung spät früh leicht schwer sauber ganz
		voll leer frei eigen gemeinsam persönlich öffentlich vertraulich ärztlich pflegerisch sozial
		digital aktuell gültig zuverlässig sorgfältig häufig selten direkt konkret verbindlich
		freiwillig zusätzlich einheitlich schwierig ausreichend notwendig bestimmt bekannt geeignet
		vollständig übersichtlich barrierefrei gründlich wesentlich jährlich monatlich`)
	adjSuffixes = strings.Fields(`gerecht bezogen konform fähig bedürftig pflichtig frei arm reich
		sicher los voll gemäß orientiert abhängig relevant spezifisch bedingt gebunden nah`)
	adjEndings = []string{"", "e", "en", "en", "er", "es", "em"}

	// Function words, most frequent first within each list.
	articles      = strings.Fields(`die der den das dem des eine ein einen einer einem diese dieser diesen unsere ihre keine jede alle`)
	prepositions  = strings.Fields(`in mit für von auf zu bei im an nach aus über zum zur vor durch am um unter ohne bis gegen vom beim seit zwischen während wegen ins`)
	pronouns      = strings.Fields(`wir sie es man er Sie ich ihr`)
	adverbs       = strings.Fields(`auch nur noch schon immer dann hier so sehr oft jetzt dort bereits wieder meist gleich dabei dafür daher außerdem deshalb trotzdem zuerst danach zudem etwa mindestens sofort gern ebenfalls rechtzeitig`)
	conjunctions  = strings.Fields(`und und und oder aber sowie denn`)
	subordinators = strings.Fields(`dass wenn weil damit ob bevor nachdem sobald falls obwohl`)
	modals        = strings.Fields(`kann muss soll darf können müssen sollen dürfen will`)
	auxiliaries   = strings.Fields(`hat haben ist sind wird werden war`)
	copulas       = strings.Fields(`ist ist sind bleibt wird war`)
	particles     = strings.Fields(`nicht nicht sich es nicht auch`)
	questions     = strings.Fields(`Wie Wann Warum Wer Was Wo Welche Wozu Woran Wieso`)
)

func splitHeads(s string) [][3]string {
	var out [][3]string
	for _, h := range strings.Split(s, ";") {
		f := strings.Fields(h)
		if f[2] == "-" {
			f[2] = ""
		}
		out = append(out, [3]string{f[0], f[1], f[2]})
	}
	return out
}

// Ranks of content words are drawn from Zipf distributions over these
// many lemmas; rank r is always the same word, so frequent words recur on
// every page and rare ones now and then.
var (
	nNoun2 = len(modifiers) * len(heads)
	nNoun3 = nNoun2 * len(modifiers)
	nVerb  = len(verbs) * (1 + len(separable) + len(inseparable))
	nAdj   = len(adjectives)*2 + len(modifiers)*len(adjSuffixes)
)

// gen writes the text of one page.
type gen struct {
	r           *rand.Rand
	noun, verb  *rand.Zipf
	adj         *rand.Zipf
	sentenceLen int
}

func newGen(page uint64) *gen {
	r := rand.New(rand.NewPCG(0x68616e6462756368, page))
	return &gen{
		r:    r,
		noun: rand.NewZipf(r, 1.15, 4, uint64(len(heads)+nNoun2+nNoun3-1)),
		verb: rand.NewZipf(r, 1.2, 3, uint64(nVerb-1)),
		adj:  rand.NewZipf(r, 1.2, 3, uint64(nAdj-1)),
	}
}

// pick returns an element of list, the first ones more often.
func (g *gen) pick(list []string) string {
	u := g.r.Float64()
	return list[int(u*u*float64(len(list)))]
}

// nounLemma returns the noun of rank k: a head alone, a head after one
// modifier, or after two. The order of the compounds is scrambled by a
// multiplication with a prime, a bijection on their range.
func nounLemma(k uint64) (mod string, head [3]string) {
	H, M := uint64(len(heads)), uint64(len(modifiers))
	if k < H {
		return "", heads[k]
	}
	k -= H
	if k < uint64(nNoun2) {
		k = k * 7919 % uint64(nNoun2)
		return modifiers[k%M], heads[k/M]
	}
	k -= uint64(nNoun2)
	k = k * 104729 % uint64(nNoun3)
	return modifiers[k%M] + strings.ToLower(modifiers[k/M%M]), heads[k/M/M]
}

// noun returns a form of a noun: singular, plural or genitive.
func (g *gen) noun1() string {
	mod, h := nounLemma(g.noun.Uint64())
	form := h[0]
	switch x := g.r.IntN(20); {
	case x < 7:
		form = h[1]
	case x < 9 && h[2] != "":
		form = h[0] + h[2]
	}
	if mod == "" {
		return form
	}
	return mod + lowerFirst(form)
}

// verbForm returns a verb of rank drawn by Zipf in one of the forms:
// 0 infinitive or plural, 1 third person singular, 2 past, 3 participle,
// 4 infinitive with zu (zu prüfen, abzustimmen).
func (g *gen) verbForm(form int) string {
	k := g.verb.Uint64()
	k = k * 31 % uint64(nVerb)
	stem := verbs[k%uint64(len(verbs))]
	p := int(k / uint64(len(verbs)))
	prefix, sep := "", false
	switch {
	case p == 0:
	case p <= len(separable):
		prefix, sep = separable[p-1], true
	default:
		prefix = inseparable[p-1-len(separable)]
	}
	e := ""
	if needsE(stem) {
		e = "e"
	}
	inf := "en"
	if strings.HasSuffix(stem, "el") {
		inf = "n"
	}
	switch form {
	case 4:
		if sep {
			return prefix + "zu" + stem + inf
		}
		return "zu " + prefix + stem + inf
	case 0:
		return prefix + stem + inf
	case 1:
		return prefix + stem + e + "t"
	case 2:
		return prefix + stem + e + "te"
	}
	if sep || prefix == "" && !strings.HasSuffix(stem, "ier") {
		return prefix + "ge" + stem + e + "t"
	}
	return prefix + stem + e + "t"
}

// needsE tells whether a stem takes an e before t: arbeit-e-t, öffn-e-t.
func needsE(stem string) bool {
	switch stem[len(stem)-1] {
	case 't', 'd':
		return true
	case 'n':
		return stem == "ordn" || stem == "öffn" || stem == "rechn" || stem == "zeichn"
	}
	return false
}

// adjective returns an adjective with an ending (bare for adverbs and
// predicates if bare).
func (g *gen) adjective(bare bool) string {
	k := g.adj.Uint64()
	var a string
	switch A := uint64(len(adjectives)); {
	case k < A:
		a = adjectives[k]
	case k < 2*A:
		a = "un" + adjectives[k-A]
	default:
		k = (k - 2*A) * 61 % uint64(len(modifiers)*len(adjSuffixes))
		a = strings.ToLower(modifiers[k%uint64(len(modifiers))]) + adjSuffixes[k/uint64(len(modifiers))]
	}
	if bare {
		return a
	}
	return a + adjEndings[1+g.r.IntN(len(adjEndings)-1)]
}

// np appends a noun phrase: article, maybe an adjective, noun; or a
// pronoun; or a bare plural.
func (g *gen) np(w []string, subject bool) []string {
	switch x := g.r.IntN(10); {
	case subject && x < 3:
		return append(w, g.pick(pronouns))
	case x < 4:
		return append(w, g.adjective(false), g.noun1())
	case x < 7:
		return append(w, g.pick(articles), g.noun1())
	default:
		return append(w, g.pick(articles), g.adjective(false), g.noun1())
	}
}

// sentence appends a sentence of about n words (at most 28).
func (g *gen) sentence(b *strings.Builder, n int) {
	w := make([]string, 0, 32)
	question := g.r.IntN(12) == 0
	var final string // verb at the end of the main clause
	switch x := g.r.IntN(10); {
	case question && x < 5:
		w = append(w, g.pick(questions), g.verbForm(1))
		w = g.np(w, true)
	case question:
		w = append(w, g.verbForm(1))
		w = g.np(w, true)
	case x < 2:
		w = g.np(w, true)
		w = append(w, g.verbForm(1+g.r.IntN(4)/3)) // a quarter in the past
	case x < 4: // Die Übergabe ist nicht immer einfach.
		w = g.np(w, true)
		w = append(w, g.pick(copulas))
		if g.r.IntN(3) == 0 {
			w = append(w, g.pick(adverbs))
		}
		if g.r.IntN(4) == 0 {
			w = append(w, "nicht")
		}
		final = g.adjective(true)
	case x < 6:
		w = g.np(w, true)
		w = append(w, g.pick(modals))
		final = g.verbForm(0)
	case x < 8:
		w = g.np(w, true)
		w = append(w, g.pick(auxiliaries))
		final = g.verbForm(3)
	default:
		w = append(w, g.pick(adverbs), g.verbForm(1))
		w = g.np(w, true)
	}
	if final != "" {
		n--
	}
	for len(w) < n {
		switch x := g.r.IntN(20); {
		case x < 6:
			w = append(w, g.pick(prepositions))
			w = g.np(w, false)
		case x < 9:
			w = g.np(w, false)
		case x < 11:
			w = append(w, g.pick(adverbs))
		case x < 12:
			w = append(w, g.pick(particles))
		case x < 13:
			w = append(w, g.adjective(true))
		case x < 16 && len(w) < n-3:
			w = append(w, g.pick(conjunctions))
			w = g.np(w, false)
		case x < 17 && len(w) < n-4 && len(w) > 2:
			// um die Akte zu prüfen
			comma(w)
			w = append(w, "um")
			w = g.np(w, false)
			w = append(w, g.verbForm(4))
			if len(w) < n-3 {
				comma(w)
			}
		case x < 18 && len(w) < n-4 && len(w) > 2:
			// a subordinate clause, verb last
			comma(w)
			w = append(w, g.pick(subordinators))
			w = g.np(w, true)
			if g.r.IntN(2) == 0 {
				w = append(w, g.pick(prepositions))
				w = g.np(w, false)
			}
			w = append(w, g.verbForm(1))
			if len(w) < n-3 {
				comma(w)
			}
		default:
			w = append(w, g.pick(adverbs))
		}
	}
	if final != "" {
		w = append(w, final)
	}
	// Split "zu prüfen", drop a word said twice in a row (nicht nicht),
	// and cut at 28 words.
	words := strings.Fields(strings.Join(w, " "))
	w = words[:1]
	for _, x := range words[1:] {
		if x != w[len(w)-1] && len(w) < 28 {
			w = append(w, x)
		}
	}
	w[len(w)-1] = strings.TrimSuffix(w[len(w)-1], ",")
	w[0] = upperFirst(w[0])
	for i, x := range w {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x)
	}
	if question {
		b.WriteByte('?')
	} else {
		b.WriteByte('.')
	}
	g.sentenceLen = len(w)
}

// sentenceLength draws a sentence length: mostly 8 to 20 words, some
// shorter, a few longer.
func (g *gen) sentenceLength() int {
	switch x := g.r.IntN(20); {
	case x < 3:
		return 3 + g.r.IntN(5)
	case x < 18:
		return 8 + g.r.IntN(13)
	default:
		return 21 + g.r.IntN(6)
	}
}

// paragraph appends sentences, separated by a space and starting with
// one, until about words words are written.
func (g *gen) paragraph(b *strings.Builder, words int) {
	for done := 0; done < words; done += g.sentenceLen {
		if b.Len() > 0 {
			if s := b.String(); s[len(s)-1] != '\n' {
				b.WriteByte(' ')
			}
		}
		g.sentence(b, g.sentenceLength())
	}
}

// item appends a list item of a few words, with a bold word if bold.
func (g *gen) item(b *strings.Builder, bold bool) {
	w := g.np(nil, false)
	if g.r.IntN(2) == 0 {
		w = append(w, g.pick(prepositions))
		w = g.np(w, false)
	}
	w[0] = upperFirst(w[0])
	if bold {
		i := g.r.IntN(len(w))
		w[i] = "**" + w[i] + "**"
	}
	b.WriteString(strings.Join(w, " "))
}

// comma puts a comma after the last word, once.
func comma(w []string) {
	if !strings.HasSuffix(w[len(w)-1], ",") {
		w[len(w)-1] += ","
	}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
