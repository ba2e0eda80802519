package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"einwilligung", "einwilligung", 2, 0},
		{"einwiligung", "einwilligung", 2, 1},  // a letter left out
		{"einwillignug", "einwilligung", 2, 1}, // two letters swapped
		{"einwilligugn", "einwilligung", 2, 1},
		{"datenshcutz", "datenschutz", 2, 1},
		{"datnschtz", "datenschutz", 2, 2},
		{"kind", "rind", 1, 1},
		{"abc", "xyz", 1, 2}, // past the limit: limit+1
		{"", "abc", 5, 3},
		{"ca", "abc", 3, 3}, // optimal string alignment, not full Damerau
		// Letters, not bytes: one Arabic letter is two bytes, one of
		// beyond the BMP four.
		{"اصطناعي", "اصطنعي", 2, 1},
		{"اصطناعي", "اصطنايع", 2, 1}, // two letters swapped
		{"ذكاء", "ذكا", 1, 1},
		{"𐌰𐌱𐌲", "𐌰𐌲", 1, 1},
	} {
		if got := Distance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

func TestTypos(t *testing.T) {
	for n, want := range []int{0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2} {
		if got := Typos(n); got != want {
			t.Errorf("Typos(%d) = %d, want %d", n, got, want)
		}
	}
}

// queryDocs is a small handbook for the query tests: a consent form whose
// text has only the compound "Einwilligungserklärung", a page on
// Datenschutz, and one on Kinder.
func queryDocs() []Doc {
	return []Doc{
		{Title: "Start", URL: "", Parts: []Part{{Title: "Start", Text: "Willkommen im Handbuch. Hier steht, was gilt."}}},
		{Title: "Vordruck", URL: "vorlagen/vordruck/", Kind: "Formular", Parts: []Part{
			{Title: "Vordruck", Text: "Bitte unterschreiben Sie die Einwilligungserklärung vor dem Start."},
		}},
		{Title: "Datenschutz", URL: "leitlinien/datenschutz/", Parts: []Part{
			{Title: "Datenschutz", Text: "Wir schützen Daten."},
			{Anchor: "einwilligung", Heading: "Einwilligung", Text: "Ohne Einwilligung der Klientin keine KI."},
		}},
		{Title: "Kinder", URL: "leitlinien/kinder/", Parts: []Part{
			{Title: "Kinder", Text: "Kinder und Jugendliche werden beteiligt. Beteiligung ist Pflicht."},
		}},
	}
}

// languageDocs is a small handbook in three languages: a German page,
// its English and Arabic translations, and a German consent form.
func languageDocs() []Doc {
	return []Doc{
		{Title: "So nutzen wir KI", URL: "klienten/ki/", Parts: []Part{
			{Title: "So nutzen wir KI", Text: "Wir nutzen Programme mit künstlicher Intelligenz für Berichte."},
		}},
		{Title: "How we use AI", URL: "klienten/ki/en/", Lang: "en", Parts: []Part{
			{Title: "How we use AI", Text: "We use programs for reports. Read our policies. The letters of public offices."},
		}},
		{Title: "هكذا نستخدم الذكاء الاصطناعي", URL: "klienten/ki/ar/", Lang: "ar", Parts: []Part{
			{Title: "هكذا نستخدم الذكاء الاصطناعي", Text: "نستخدم الذكاء الاصطناعي للتقارير. الإنسان هو الذي يقرر. نسألك أولًا. KI"},
		}},
		{Title: "Einwilligung", URL: "vorlagen/einwilligung/", Kind: "Formular", Parts: []Part{
			{Title: "Einwilligung", Text: "Ihre Einwilligung in die Nutzung von KI."},
		}},
	}
}

// TestSearchLanguages checks that words of every language are found in
// the forms a reader types: Arabic with or without the article, the
// harakat, a hamza or a tatweel; English plurals on the English page,
// German words as before.
func TestSearchLanguages(t *testing.T) {
	ix := Build(languageDocs())
	const de, en, ar, form = "klienten/ki/", "klienten/ki/en/", "klienten/ki/ar/", "vorlagen/einwilligung/"
	for _, c := range []struct {
		query     string
		hits      []string
		corrected string
	}{
		{query: "الذكاء", hits: []string{ar}},
		{query: "ذكاء", hits: []string{ar}},                // without the article
		{query: "الذَّكَاءُ", hits: []string{ar}},          // with harakat
		{query: "الـذكــاء الاصطناعى", hits: []string{ar}}, // tatweel, ى for ي
		{query: "الانسان", hits: []string{ar}},             // الإنسان without its hamza
		{query: "التقارير", hits: []string{ar}},            // للتقارير: for the reports
		{query: "تقارير", hits: []string{ar}},
		{query: "اصطناعي", hits: []string{ar}},
		{query: "اصطنعي", hits: []string{ar}, corrected: "الاصطناعي"}, // a letter left out of six
		{query: "الذي", hits: []string{ar}},                           // two letters remain: not taken for an article
		{query: "ذكاء KI", hits: []string{ar}},                        // a Latin word on the Arabic page
		{query: "KI", hits: []string{de, ar, form}},
		// English: plurals meet their singular on the English page.
		{query: "policy", hits: []string{en}},
		{query: "report", hits: []string{en}},
		{query: "letter", hits: []string{en}},
		{query: "programs", hits: []string{en}},
		{query: "program", hits: []string{en, de}}, // "Programme" begins with it
		{query: "polciies", hits: []string{en}, corrected: "policies"},
		// German as before.
		{query: "Einwilligungen", hits: []string{form}},
		{query: "Einwiligung", hits: []string{form}, corrected: "Einwilligung"},
		{query: "Berichten", hits: []string{de}},
		// Every word must stand in the doc, whatever its script.
		{query: "Einwilligung الذكاء"},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := ix.Search(c.query)
			var got []string
			for _, h := range r.Hits {
				got = append(got, ix.js.Docs[h.Doc].URL)
			}
			if !slices.Equal(got, c.hits) {
				t.Errorf("hits %q, want %q", got, c.hits)
			}
			if r.Corrected != c.corrected {
				t.Errorf("corrected %q, want %q", r.Corrected, c.corrected)
			}
		})
	}
}

func hitURLs(ix *Index, r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, ix.PartURL(h.Part))
	}
	return out
}

func TestSearch(t *testing.T) {
	ix := Build(queryDocs())
	for _, c := range []struct {
		query     string
		hits      []string
		ignored   []string
		corrected string
		searched  int
	}{
		// Exact words, forms and word beginnings.
		{query: "Einwilligung", hits: []string{"leitlinien/datenschutz/#einwilligung", "vorlagen/vordruck/"}, searched: 1},
		{query: "Einwilligungen", hits: []string{"leitlinien/datenschutz/#einwilligung", "vorlagen/vordruck/"}, searched: 1},
		// A compound part in the middle or at the end finds the compound.
		{query: "Erklärung", hits: []string{"vorlagen/vordruck/"}, searched: 1},
		{query: "Schutz", hits: []string{"leitlinien/datenschutz/"}, searched: 1},
		// Typos: one edit in 5–7 letters, two from 8 letters, none below 5.
		{query: "Einwiligung", hits: []string{"leitlinien/datenschutz/#einwilligung", "vorlagen/vordruck/"}, corrected: "Einwilligung", searched: 1},
		{query: "Einwlligugn", hits: []string{"leitlinien/datenschutz/#einwilligung", "vorlagen/vordruck/"}, corrected: "Einwilligung", searched: 1},
		{query: "Datenshcutz", hits: []string{"leitlinien/datenschutz/"}, corrected: "Datenschutz", searched: 1},
		{query: "Kindre", hits: []string{"leitlinien/kinder/"}, corrected: "Kinder", searched: 1},
		{query: "Kidn", searched: 1},           // 4 letters: no correction
		{query: "Kidnre", searched: 1},         // 6 letters, two edits: too far
		{query: "Xylophonzauber", searched: 1}, // nothing near
		{query: "Datenschutz Kindre", searched: 2, corrected: "Datenschutz Kinder"},
		// Stop words are left out and reported, as typed, once each.
		{query: "die Einwilligung und die Daten", hits: []string{"leitlinien/datenschutz/"}, ignored: []string{"die", "und"}, searched: 2},
		{query: "Für", ignored: []string{"Für"}},
		{query: "und die", ignored: []string{"und", "die"}},
		{query: "und die Kindre", hits: []string{"leitlinien/kinder/"}, ignored: []string{"und", "die"}, corrected: "Kinder", searched: 1},
		{query: "  ", searched: 0},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := ix.Search(c.query)
			if got := hitURLs(ix, r); !slices.Equal(got, c.hits) {
				t.Errorf("hits %q, want %q", got, c.hits)
			}
			if !slices.Equal(r.Ignored, c.ignored) {
				t.Errorf("ignored %q, want %q", r.Ignored, c.ignored)
			}
			if r.Corrected != c.corrected {
				t.Errorf("corrected %q, want %q", r.Corrected, c.corrected)
			}
			if r.Searched != c.searched {
				t.Errorf("searched %d words, want %d", r.Searched, c.searched)
			}
		})
	}
}

// TestSearchRanks checks that an exact word ranks above a typo's
// correction and a title above text.
func TestSearchRanks(t *testing.T) {
	ix := Build(queryDocs())
	r := ix.Search("Kinder")
	if len(r.Hits) != 1 || r.Hits[0].Score != 2*WeightTitle {
		t.Errorf("Kinder: %+v, want one hit scored twice the title weight", r.Hits)
	}
	r = ix.Search("Kindre")
	if len(r.Hits) != 1 || r.Hits[0].Score != WeightTitle {
		t.Errorf("Kindre: %+v, want one hit scored once the title weight", r.Hits)
	}
}

// modelDocs makes one doc per file of the model handbook, its text as
// the text: enough words for the script and Go to disagree if they can.
func modelDocs(t *testing.T) []Doc {
	var docs []Doc
	for _, dir := range []string{"../../content", "../../glossary", "../../checklists"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*"))
		sub, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
		for _, p := range append(paths, sub...) {
			if !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".toml") {
				continue
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			title, body, _ := strings.Cut(string(b), "\n")
			lang := ""
			if l := filepath.Ext(strings.TrimSuffix(p, ".md")); len(l) == 3 {
				lang = l[1:] // so-nutzen-wir-ki.en.md
			}
			docs = append(docs, Doc{Title: p, URL: p + "/", Lang: lang, Parts: []Part{{Title: title, Text: body}}})
		}
	}
	if len(docs) < 30 {
		t.Fatalf("only %d files of the model handbook found", len(docs))
	}
	return docs
}

// TestScriptSearchesLikeGo runs the search of layouts/assets/suche.js in
// Node on an index of the model handbook and compares every result with
// Index.Search.
func TestScriptSearchesLikeGo(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is missing")
		}
		t.Skip("node is missing: the script's search is compared only where Node is installed")
	}
	ix := Build(modelDocs(t))
	queries := []string{
		"Einwilligung", "Einwiligung", "Einwilligungen", "Einwlligugn", "Erklärung", "Datenschutz", "Datenshutz",
		"Daten", "schutz", "und die", "Für", "die Einwilligung und die Daten", "Risko", "Risikomanagment",
		"Leitlinen", "Kindre", "Klient:innen", "KI-Systeme", "KI Sytseme", "Xylophonzauber", "Ampel grün",
		"Beschwerde", "Beschwerden Datenschutzbeauftragte", "Aufsichtbehörde", "Schulung", "Schlung",
		"Änderung", "Aenderung", "Strasse", "ﬁnden", "A\u0308nderung", "Mitarbeitende", "mitarbaitende",
		"der die das", "Transparenz", "Transparentz", "Verantwortung Governance", "Govenance",
		// Arabic: with and without article, harakat, hamza, tatweel; typos.
		"الذكاء", "ذكاء", "الذَّكَاءُ", "الـذكــاء الاصطناعى", "الانسان", "الإنسان", "التقارير", "اصطنعي", "البرنامح",
		"يقررون", "الذي", "برامج", "برنامج الذكاء",
		// English, and mixed.
		"policy", "reports", "artificial intelligence", "artifical", "programs", "decides", "questions",
		"KI الذكاء", "AI Datenschutz", "Einwilligung consent",
	}
	// Words of the index with a letter left out, one added, or (from 8
	// letters) two pairs of letters swapped.
	for i, w := range ix.js.Words {
		s := []rune(w.stem)
		arabic := arabic(w.stem)
		if (i%37 == 0 || arabic && i%3 == 0) && len(s) >= 5 {
			queries = append(queries, string(s[:2])+string(s[3:]), w.form+"x")
		}
		if i%11 == 0 && len(s) == 8 || (i%53 == 0 || arabic && i%5 == 0) && len(s) > 8 {
			queries = append(queries, string(s[1:2])+string(s[0:1])+string(s[2:4])+string(s[5:6])+string(s[4:5])+string(s[6:]))
		}
	}
	const prog = `
const vm = require('vm'), fs = require('fs');
const ctx = { module: { exports: {} } };
vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), ctx);
const idx = { window: {} };
vm.runInNewContext(fs.readFileSync(process.argv[2], 'utf8'), idx);
const search = ctx.module.exports.makeSearch(idx.window.handbuchSuche);
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(queries.map((q) => search(q))));
`
	dir := t.TempDir()
	index := filepath.Join(dir, "index.js")
	if err := os.WriteFile(index, ix.JS(), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(queries)
	cmd := exec.Command(node, "-e", prog, "../../layouts/assets/suche.js", index)
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var js []struct {
		Ignored   []string
		Searched  int
		Corrected string
		Hits      []struct{ Doc, Part, Score int }
	}
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatal(err)
	}
	corrections, hits := 0, 0
	for i, q := range queries {
		r := ix.Search(q)
		got := fmt.Sprintf("%q %d %q %v", js[i].Ignored, js[i].Searched, js[i].Corrected, js[i].Hits)
		var goHits []struct{ Doc, Part, Score int }
		for _, h := range r.Hits {
			goHits = append(goHits, struct{ Doc, Part, Score int }{h.Doc, h.Part, h.Score})
		}
		want := fmt.Sprintf("%q %d %q %v", r.Ignored, r.Searched, r.Corrected, goHits)
		if got != want {
			t.Errorf("%q:\nscript %s\nGo     %s", q, got, want)
		}
		if r.Corrected != "" {
			corrections++
		}
		hits += len(r.Hits)
	}
	if corrections < 10 || hits < 100 {
		t.Errorf("only %d corrections and %d hits in %d queries: the comparison proves little", corrections, hits, len(queries))
	}
	if !t.Failed() {
		t.Logf("Go and the script agree on %d queries (%d corrected, %d hits)", len(queries), corrections, hits)
	}
}

func TestWordForms(t *testing.T) {
	for _, c := range []struct {
		stem, form, want string
	}{
		{"kind", "kind", `["kind",[0,1]]`},
		{"einwilligung", "Einwilligung", `["einwilligung",[0,1],1]`},
		{"geh", "gehen", `["geh",[0,1],"+en"]`},
		{"leitlini", "Leitlinien", `["leitlini",[0,1],"^en"]`},
		{"anderung", "Änderung", `["anderung",[0,1],"Änderung"]`},
	} {
		b, err := json.Marshal(wordJS{c.stem, []int{0, 1}, c.form})
		if err != nil || string(b) != c.want {
			t.Errorf("%s/%s: %s %v, want %s", c.stem, c.form, b, err, c.want)
		}
	}
}
