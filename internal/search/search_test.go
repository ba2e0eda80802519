package search

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Änderung", "aenderung"},
		{"ÄNDERUNG", "aenderung"},
		{"Aenderung", "aenderung"},
		{"Straße", "strasse"},
		{"STRASSE", "strasse"},
		{"Größe", "groesse"},
		{"Übersicht", "uebersicht"},
		{"A\u0308nderung", "aenderung"}, // decomposed Ä
		{"Café", "cafe"},
		{"Klient:innen", "klient:innen"},
		{"ﬁnden", "finden"}, // NFKC: the ligature is two letters
		// Arabic: harakat and tatweel go, alef forms unify, ى → ي, ة → ه.
		{"الذَّكَاءُ", "الذكاء"},
		{"الـذكــاء", "الذكاء"},
		{"أإآٱا", "ااااا"},
		{"الإنسان", "الانسان"},
		{"مسؤول مسئول", "مسوول مسيول"}, // hamza on a carrier: the carrier
		{"على", "علي"},
		{"نموذجية", "نموذجيه"},
		{"٢٠٢٦ ۱۹", "2026 19"},
		{"ﺍﻟﺬﻛﺎﺀ", "الذكاء"}, // presentation forms, as copied from a PDF
		// Cyrillic letters keep their marks; Greek loses its accents.
		{"Йод Ёлка ЇЖАК", "йод ёлка їжак"},
		{"ΟΔΌΣ", "οδοσ"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Die KI-Systeme (z. B. 3 Chatbots) prüfen wir 2026 – à la carte.", "die ki systeme chatbots pruefen wir 2026 la carte"},
		// Words of every script; two letters counted as runes, so the
		// Arabic "و" (and, two bytes) is too short and "في" (in) is not.
		{"نستخدم الذكاءَ الاصطناعي، في بعض المهام و٣ برامج.", "نستخدم الذكاء الاصطناعي في بعض المهام و3 برامج"},
		{"و ب ال", "ال"},
		{"Привет, мир! Ærø ø", "привет мир ærø"},
		{"KI-Systeme/الذكاء؟", "ki systeme الذكاء"},
		{"日本語 한국어", "日本語 한국어"},
	} {
		if got := strings.Join(Words(c.in), " "); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStemEnglish(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"reports", "report"},
		{"report", "report"},
		{"policies", "policy"},
		{"services", "service"},
		{"questions", "qustion"}, // written Plain, like every Latin key
		{"status", "status"},     // -us stays
		{"process", "process"},   // -ss stays
		{"does", "do"},           // -oes: only the s goes, then Plain
		{"agencies", "agency"},
		{"species", "specy"}, // crude, but query and index agree
		{"its", "its"},       // three letters must remain
		{"uses", "use"},
		{"using", "using"}, // no other ending goes
	} {
		if got := StemEnglish(c.in); got != c.want {
			t.Errorf("StemEnglish(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStemArabic(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"الذكاء", "ذكاء"},
		{"ذكاء", "ذكاء"},
		{"للتقارير", "تقارير"}, // for the reports
		{"التقارير", "تقارير"},
		{"الذي", "الذي"}, // two letters would remain
		{"الام", "الام"},
		{"والدين", "والدين"}, // "and the" is not taken off: parents stay parents
		{"بالذكاء", "بالذكاء"},
	} {
		if got := StemArabic(Fold(c.in)); got != c.want {
			t.Errorf("StemArabic(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestStemFor(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"", "leitlinien", "leitlini"}, // German on the handbook's pages
		{"", "policies", "polici"},
		{"en", "policies", "policy"}, // English on English pages
		{"en-GB", "letters", "letter"},
		{"en", "leitlinien", "leitlinien"},
		{"ar", "الذكاء", "ذكاء"}, // Arabic words on any page
		{"", "الذكاء", "ذكاء"},
		{"en", "الذكاء", "ذكاء"},
		{"ar", "ki", "ki"},          // a Latin word on an Arabic page: Plain only
		{"tr", "tuerkce", "turkce"}, // so on a Turkish one
		{"ru", "йод", "йод"},
	} {
		if got := StemFor(c.lang, c.in); got != c.want {
			t.Errorf("StemFor(%q, %q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"leitlinien", "leitlini leitlinien"},
		{"policies", "polici policy policies"},
		{"letters", "letter letters"}, // German and English agree; Plain is the third
		{"ki", "ki"},
		{"الذكاء", "ذكاء"},
		{"йод", "йод"},
	} {
		if got := strings.Join(QueryStems(c.in), " "); got != c.want {
			t.Errorf("QueryStems(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// stems lists words that must share a stem, one group per line, and
// words that must not.
var stems = []struct {
	same    []string
	differs string // a word whose stem is not that of the group
}{
	{same: []string{"Einwilligungen", "Einwilligung"}, differs: "einwilligen"},
	{same: []string{"Leitlinien", "Leitlinie"}},
	{same: []string{"Kindern", "Kinder", "Kind", "Kindes"}, differs: "Kinderschutz"},
	{same: []string{"Fachkräfte", "Fachkraft", "Fachkraefte"}},
	{same: []string{"Änderungen", "Änderung", "Aenderung"}, differs: "ändern"},
	{same: []string{"Straße", "Strasse", "Straßen"}},
	{same: []string{"Prozess", "Prozesse", "Prozesses", "Prozessen"}},
	{same: []string{"Ergebnis", "Ergebnisse", "Ergebnissen"}},
	{same: []string{"Klientinnen", "Klientin"}, differs: "Klienten"},
	{same: []string{"Mitarbeitende", "Mitarbeitenden"}},
	{same: []string{"Systeme", "System", "Systems", "Systemen"}},
	{same: []string{"Rechte", "Rechten", "Rechts", "Recht"}},
	{same: []string{"Häuser", "Haus", "Hauses"}},
	{same: []string{"Daten"}, differs: "Datum"},
	{same: []string{"KI"}},
}

func TestStemGroups(t *testing.T) {
	for _, g := range stems {
		want := Stem(Words(g.same[0])[0])
		for _, w := range g.same[1:] {
			if got := Stem(Words(w)[0]); got != want {
				t.Errorf("Stem(%q) = %q, but Stem(%q) = %q; want the same", w, got, g.same[0], want)
			}
		}
		if g.differs != "" {
			if got := Stem(Words(g.differs)[0]); got == want {
				t.Errorf("Stem(%q) = %q, the same as %q; want it apart", g.differs, got, g.same[0])
			}
		}
	}
}

func TestStemTable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"einwilligungen", "einwilligung"},
		{"einwilligung", "einwilligung"},
		{"leitlinien", "leitlini"},
		{"kindern", "kind"},
		{"fachkraefte", "fachkraft"},
		{"aenderung", "anderung"},
		{"strasse", "stras"},
		{"ergebnis", "ergebnis"}, // -s after i stays
		{"klientinnen", "klientin"},
		{"innen", "inn"}, // -innen would leave two letters
		{"regeln", "regel"},
		{"termin", "termin"}, // -n only after l or r
		{"daten", "dat"},
		{"des", "des"}, // one letter would remain
		{"ki", "ki"},
		{"2026", "2026"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	if got := Snippet("  Kurz   und\nklar. ", 40); got != "Kurz und klar." {
		t.Errorf("short text: %q", got)
	}
	long := "Wir schützen die Daten unserer Klientinnen und Klienten mit Sorgfalt."
	got := Snippet(long, 30)
	if got != "Wir schützen die Daten …" {
		t.Errorf("Snippet(long, 30) = %q", got)
	}
	if n := len([]rune(got)); n > 30 {
		t.Errorf("snippet has %d characters, want at most 30", n)
	}
}

func model() []Doc {
	return []Doc{
		{Title: "Start", URL: "", Parts: []Part{{Title: "Start", Text: "Willkommen im Handbuch über Leitlinien."}}},
		{Title: "Datenschutz", URL: "leitlinien/datenschutz/", Parts: []Part{
			{Title: "Datenschutz", Text: "Wir schützen Daten.", Snippet: "Wie wir Daten schützen."},
			{Anchor: "einwilligung", Heading: "Einwilligung", Text: "Ohne Einwilligungen der Kinder keine KI."},
		}},
		{Title: "Einwilligung in KI", URL: "vorlagen/einwilligung/", Kind: "Formular", Parts: []Part{
			{Title: "Einwilligung in KI", Terms: []string{"Formular"}, Text: "Name, Straße, Unterschrift und die Einwilligung."},
		}},
		{Title: "Einwilligung", URL: "glossar/", Kind: "Begriff", Parts: []Part{
			{Anchor: "einwilligung", Terms: []string{"Einwilligung", "Einwilligungen", "Zustimmung"}, Text: "Sie sagen ja."},
		}},
	}
}

func TestIndexContent(t *testing.T) {
	ix := Build(model())
	// Parts are numbered in order: 0 start, 1–2 Datenschutz, 3 form, 4 term.
	got := ix.Lookup(Stem("einwilligungen"))
	want := map[int]int{2: WeightHeading, 3: WeightTitle, 4: WeightTerm}
	if !equal(got, want) {
		t.Errorf("einwilligung: %v, want %v (the highest weight per part)", got, want)
	}
	for _, c := range []struct {
		word string
		want map[int]int
	}{
		{"Strasse", map[int]int{3: WeightText}},
		{"Kindern", map[int]int{2: WeightText}},
		{"Leitlinie", map[int]int{0: WeightText}},
		{"formular", map[int]int{3: WeightTerm}},
		// The snippet is not indexed; "Daten" stands in the title as a
		// part of the compound "Datenschutz", with half the weight.
		{"Daten", map[int]int{1: WeightTitle / 2}},
		{"zustimmungen", map[int]int{4: WeightTerm}},
	} {
		if got := ix.Lookup(Stem(Words(c.word)[0])); !equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.word, got, c.want)
		}
	}
	if got := ix.Lookup("und"); got != nil {
		t.Errorf("the stop word und is indexed: %v", got)
	}
	if got := ix.PartURL(2); got != "leitlinien/datenschutz/#einwilligung" {
		t.Errorf("PartURL(2) = %q", got)
	}
	if got := ix.PartURL(0); got != "" {
		t.Errorf("PartURL(0) = %q, want the root", got)
	}

	js := ix.JS()
	prefix := "window.handbuchSuche = "
	i := bytes.Index(js, []byte(prefix))
	if i < 0 || !bytes.HasSuffix(js, []byte(";\n")) {
		t.Fatalf("not a script assigning window.handbuchSuche:\n%s", js)
	}
	var data struct {
		Stop  []string
		Docs  []struct{ T, U, K string }
		Parts []struct {
			D       int
			A, H, S string
		}
		Words [][2]json.RawMessage
	}
	if err := json.Unmarshal(js[i+len(prefix):len(js)-2], &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Docs) != 4 || len(data.Parts) != 5 {
		t.Fatalf("%d docs, %d parts; want 4 and 5", len(data.Docs), len(data.Parts))
	}
	if d := data.Docs[2]; d.T != "Einwilligung in KI" || d.U != "vorlagen/einwilligung/" || d.K != "Formular" {
		t.Errorf("doc 2 = %+v", d)
	}
	if p := data.Parts[0]; p.S != "Willkommen im Handbuch über Leitlinien." {
		t.Errorf("part 0 snippet from its text: %q", p.S)
	}
	if p := data.Parts[1]; p.S != "Wie wir Daten schützen." {
		t.Errorf("part 1 snippet as given: %q", p.S)
	}
	if p := data.Parts[2]; p.D != 1 || p.A != "einwilligung" || p.H != "Einwilligung" {
		t.Errorf("part 2 = %+v", p)
	}
	var keys []string
	for _, w := range data.Words {
		var k string
		_ = json.Unmarshal(w[0], &k)
		keys = append(keys, k)
	}
	if !sort.StringsAreSorted(keys) {
		t.Errorf("stems not sorted: %q", keys)
	}
	if len(data.Stop) == 0 || !contains(data.Stop, "und") || !contains(data.Stop, "fuer") {
		t.Errorf("the stop words travel with the index, folded: %q", data.Stop)
	}
}

func TestDeterministic(t *testing.T) {
	a := Build(model()).JS()
	for range 20 {
		if b := Build(model()).JS(); !bytes.Equal(a, b) {
			t.Fatalf("two builds differ:\n%s\n%s", a, b)
		}
	}
}

func TestNoScriptEnd(t *testing.T) {
	js := Build([]Doc{{Title: "</script><b>", URL: "x/", Parts: []Part{{Text: "a\u2028b </script>"}}}}).JS()
	if bytes.Contains(js, []byte("</script")) || bytes.Contains(js, []byte("\u2028")) {
		t.Errorf("index not safe as a script:\n%s", js)
	}
}

// TestScriptStemsLikeGo runs the folding and stemmers of
// layouts/assets/suche.js in Node over every word of the model handbook
// (its English and Arabic pages among them) and over samples of other
// scripts, and compares them with Go.
func TestScriptStemsLikeGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is missing")
		}
		t.Skip("node is missing: the script's stemmer is compared only where Node is installed")
	}
	seen := map[string]bool{}
	var texts []string
	for _, dir := range []string{"../../content", "../../glossary", "../../checklists"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			texts = append(texts, string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	texts = append(texts, "Änderung A\u0308nderung Straße ẞTRASSE Café İstanbul Ærø ﬁnden Klient:innen",
		// Arabic with harakat, tatweel, alef forms, hamza, Arabic-Indic
		// digits, presentation forms, articles.
		"الذَّكَاءُ الاصْطِنَاعِيُّ الـذكــاء أإآٱ الإنسان مسؤول مسئول على نموذجية ٢٠٢٦ ۱۹ ﺍﻟﺬﻛﺎﺀ للتقارير الذي والدين بالذكاء و في",
		// English, and German, English and Arabic mixed.
		"policies reports services questions status process does agencies species uses using its letters Letter's",
		"KI-Systeme/الذكاء؟ Datenschutz-policies لـ٣ Programme (برامج) AI-Tools",
		// Other scripts: Cyrillic keeps its marks, Greek final sigma,
		// CJK, Hangul (NFD would split it), Devanagari with spacing
		// marks, letters beyond the BMP, a superscript.
		"Йод Ёлка ЇЖАК Привет ΟΔΌΣ Σίσυφος 日本語 한국어 हिन्दी 𐌰𐌱𐌲 𝔄𝔟𝔠 x² ǅungla",
	)
	for _, g := range stems {
		texts = append(texts, g.same...)
	}
	var lines []string
	for _, s := range texts {
		for _, line := range strings.Split(s, "\n") {
			if strings.TrimSpace(line) != "" && !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	}
	if len(lines) < 500 {
		t.Fatalf("only %d lines of text found; is the model handbook there?", len(lines))
	}
	// For every line: the words, and for each word its plain form and stem.
	const prog = `
const vm = require('vm'), fs = require('fs');
const ctx = { module: { exports: {} } };
vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), ctx);
const s = ctx.module.exports;
const lines = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(lines.map((l) => s.words(l).map((w) => [w, s.plain(w), s.stem(w), s.stemEnglish(w), s.stemArabic(w), s.stems(w).join(' ')]))));
`
	in, _ := json.Marshal(lines)
	cmd := exec.Command(node, "-e", prog, "../../layouts/assets/suche.js")
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var js [][][6]string
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	words, arabicWords, bad := 0, 0, 0
	for i, line := range lines {
		var goWords [][6]string
		for _, w := range Words(line) {
			goWords = append(goWords, [6]string{w, Plain(w), Stem(w), StemEnglish(w), StemArabic(w), strings.Join(QueryStems(w), " ")})
		}
		if len(goWords) != len(js[i]) {
			t.Errorf("line %q: Go finds %d words, the script %d:\n%q\n%q", line, len(goWords), len(js[i]), goWords, js[i])
			bad++
			continue
		}
		for j := range goWords {
			words++
			if arabic(goWords[j][0]) {
				arabicWords++
			}
			if goWords[j] != js[i][j] {
				t.Errorf("Go %q, script %q", goWords[j], js[i][j])
				bad++
			}
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
	}
	if words < 5000 || arabicWords < 150 {
		t.Errorf("compared only %d words, %d of them Arabic", words, arabicWords)
	}
	t.Logf("Go and the script agree on %d words (%d Arabic) in %d lines", words, arabicWords, len(lines))
}

func equal(a, b map[int]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
