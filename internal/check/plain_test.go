package check

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
)

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Das ist ein Satz. Das ist noch einer!", []string{"Das ist ein Satz.", "Das ist noch einer!"}},
		{"Wir nutzen z. B. einen Chatbot. Er hilft.", []string{"Wir nutzen z. B. einen Chatbot.", "Er hilft."}},
		{"Am 8. März 2026 beginnt der Test. Er endet am 15.06.2027 um 12 Uhr.", []string{"Am 8. März 2026 beginnt der Test.", "Er endet am 15.06.2027 um 12 Uhr."}},
		{"Frau A. Müller hilft. Sie ist nett.", []string{"Frau A. Müller hilft.", "Sie ist nett."}},
		{"Nach Art. 9 DSGVO gilt das. Gut so.", []string{"Nach Art. 9 DSGVO gilt das.", "Gut so."}},
		{"Er fragt: Was ist KI? Sie sagt: „Ein Programm.“ Dann geht sie.", []string{"Er fragt:", "Was ist KI?", "Sie sagt: „Ein Programm.“", "Dann geht sie."}},
		{"Eine Überschrift ohne Punkt", []string{"Eine Überschrift ohne Punkt"}},
		{"Zahlen wie 3.5 Prozent bleiben zusammen.", []string{"Zahlen wie 3.5 Prozent bleiben zusammen."}},
		{"Das steht in Artikel 28. Der Vertrag regelt es.", []string{"Das steht in Artikel 28.", "Der Vertrag regelt es."}},
		// Abbreviations with a (narrow) no-break space, as typographers set them.
		{"Wir nutzen z.\u00a0B. Chatbots, u.\u202fa. Programme für Termine. Sie helfen.", []string{"Wir nutzen z.\u00a0B. Chatbots, u.\u202fa. Programme für Termine.", "Sie helfen."}},
	} {
		var got []string
		for _, s := range Sentences(tc.in) {
			got = append(got, s.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Sentences(%q):\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestSyllables(t *testing.T) {
	for word, want := range map[string]int{
		"Daten": 2, "KI": 1, "Einwilligung": 4, "Organisation": 6, "Pflege": 2, "Beratung": 3,
		"Sozialgeheimnis": 6, "heute": 2, "Schweigepflicht": 3, "Algorithmus": 4, "See": 1, "Haus": 1,
		"beobachten": 4, "Abend": 2, "Datenschutzbeauftragte": 7, "Aufsichts-Stellen": 4,
	} {
		if got := Syllables(word); got != want {
			t.Errorf("Syllables(%q) = %d, want %d", word, got, want)
		}
	}
}

// TestSyllablesShortcut: for every word of the model handbook without a
// diphthong, counting vowel groups gives what hyphenating first gives.
func TestSyllablesShortcut(t *testing.T) {
	words := map[string]bool{}
	_ = fs.WalkDir(handbuch.Model(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(handbuch.Model(), p)
			for _, w := range strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
				words[w] = true
			}
		}
		return nil
	})
	checked := 0
	for w := range words {
		if n, merged := vowelGroupsMerged(w); !merged {
			checked++
			if h := hyphenatedSyllables(w); h != n {
				t.Errorf("%q: %d vowel groups, %d after hyphenation", w, n, h)
			}
		}
	}
	if checked < 2000 {
		t.Errorf("only %d words without a diphthong", checked)
	}
}

// TestTail: at every period of the model handbook, the end of the text so
// far decides as the whole would.
func TestTail(t *testing.T) {
	n := 0
	_ = fs.WalkDir(handbuch.Model(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := fs.ReadFile(handbuch.Model(), p)
		text := string(b)
		for i := 0; i < len(text); i++ {
			if text[i] == '.' {
				for _, start := range []int{max(0, i-2000), max(0, i-200)} {
					if s := text[start : i+1]; notSentenceEnd(tail(s)) != notSentenceEnd(s) {
						t.Errorf("%s: %q", p, s[max(0, len(s)-80):])
					}
					n++
				}
			}
		}
		return nil
	})
	if n < 5000 {
		t.Errorf("only %d periods", n)
	}
}

// TestSplitSuggestion: only compounds get a split, at a boundary
// between their parts (before: "Ange-Hörige", "Medi-Kamente",
// "Lebensmit-Telgruppen").
func TestSplitSuggestion(t *testing.T) {
	for in, want := range map[string]string{
		"Datenschutzbeauftragte":     "Datenschutz-Beauftragte",
		"Verarbeitungsverzeichnisse": "Verarbeitungs-Verzeichnisse",
		"zusammenarbeiten":           "zusammen-arbeiten",
		"Lebensmittelgruppen":        "Lebensmittel-Gruppen",
		"Einwilligungserklärung":     "Einwilligungs-Erklärung",
		"Pflegedokumentation":        "Pflege-Dokumentation",
		"Angehörige":                 "",
		"Medikamente":                "",
		"Organisationen":             "",
	} {
		if got := splitSuggestion(in); got != want {
			t.Errorf("splitSuggestion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLongWordMessage: the finding names a split only where one is known.
func TestLongWordMessage(t *testing.T) {
	text := []Text{{Text: "Die Lebensmittelgruppen und die Medikamente der Angehörigen.", Pos: func(i int) book.Pos { return book.Pos{File: "t", Line: 1, Col: i + 1} }}}
	var msgs []string
	for _, f := range Plain(text, nil, DefaultLimits) {
		if f.Rule == "langes-wort" {
			msgs = append(msgs, f.Msg)
		}
	}
	want := []string{
		"„Lebensmittelgruppen“ ist ein langes Wort (19 Buchstaben, 6 Silben). Trennen Sie es mit Bindestrich oder Mediopunkt, etwa „Lebensmittel-Gruppen“, oder wählen Sie ein kürzeres Wort.",
		"„Medikamente“ ist ein langes Wort (11 Buchstaben, 5 Silben). Wählen Sie ein kürzeres oder bekannteres Wort, oder erklären Sie es.",
		"„Angehörigen“ ist ein langes Wort (11 Buchstaben, 5 Silben). Wählen Sie ein kürzeres oder bekannteres Wort, oder erklären Sie es.",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadabilityByHand checks the formulas against figures worked out
// by hand for two short texts.
func TestReadabilityByHand(t *testing.T) {
	// "Wir helfen Ihnen gern. Das ist unsere Arbeit."
	// 2 sentences, 8 words: wir(1) hel-fen(2) Ih-nen(2) gern(1) das(1) ist(1) un-se-re(3) Ar-beit(2) = 13 syllables.
	// ASL = 4, ASW = 1.625: FRE = 180 - 4 - 58.5*1.625 = 80.9375 → 80.9.
	// MS = 1/8 = 12.5 %, IW (over 6 letters) = 0, ES = 4/8 = 50 %.
	// WSTF1 = 0.1935*12.5 + 0.1672*4 + 0 - 0.0327*50 - 0.875 = 0.57755 → 0.6 (rounded).
	// LIX = 4 + 0 = 4.
	r := Measure(Sentences("Wir helfen Ihnen gern. Das ist unsere Arbeit."))
	if r.Sentences != 2 || r.Words != 8 || r.Syllables != 13 || r.LongWords != 0 || r.FRE != 80.9 || r.WSTF1 != 0.6 || r.LIX != 4 {
		t.Errorf("first text: %+v", r)
	}
	// "Die Datenschutzbeauftragte prüft Verarbeitungsverzeichnisse."
	// 1 sentence, 4 words: die(1) Da-ten-schutz-be-auf-trag-te(7) prüft(1) Ver-ar-bei-tungs-ver-zeich-nis-se(8) = 17.
	// ASL = 4, ASW = 4.25: FRE = 180 - 4 - 248.625 = -72.6. MS = 50 %, IW = 50 %, ES = 50 %.
	// WSTF1 = 9.675 + 0.6688 + 6.485 - 1.635 - 0.875 = 14.3188 → 14.3. LIX = 4 + 50 = 54.
	r = Measure(Sentences("Die Datenschutzbeauftragte prüft Verarbeitungsverzeichnisse."))
	if r.Words != 4 || r.Syllables != 17 || r.LongWords != 2 || r.FRE != -72.6 || r.WSTF1 != 14.3 || r.LIX != 54 {
		t.Errorf("second text: %+v", r)
	}
}

// TestPlainFixtures runs testdata/plain/<rule>.txt: texts and the
// severity and column (byte offset + 1) at which the rule must report,
// none for a clean text.
func TestPlainFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/plain/*.txt")
	if len(files) < 9 {
		t.Fatalf("%d plain-language fixtures", len(files))
	}
	known := map[string]bool{"ki": true, "dsgvo": true}
	for _, file := range files {
		rule := strings.TrimSuffix(filepath.Base(file), ".txt")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		flagged, clean := 0, 0
		for _, c := range strings.Split(string(data), "\n### ")[1:] {
			head, rest, _ := strings.Cut(c, "\n")
			text, want, ok := strings.Cut(rest, "=== Befunde\n")
			if !ok {
				t.Fatalf("%s case %s: no === Befunde", file, head)
			}
			text = strings.TrimSuffix(text, "\n")
			var got []string
			for _, f := range Plain([]Text{{Text: text, Pos: func(i int) book.Pos { return book.Pos{File: "t", Line: 1, Col: i + 1} }}}, known, DefaultLimits) {
				if f.Rule == rule {
					got = append(got, f.Severity.String()+"@"+strings.TrimPrefix(f.Pos.String(), "t:1:"))
				}
			}
			if g, w := strings.Join(got, " "), strings.Join(strings.Fields(want), " "); g != w {
				t.Errorf("%s case %s: got %q, want %q", rule, head, g, w)
			}
			if strings.TrimSpace(want) == "" {
				clean++
			} else {
				flagged++
			}
		}
		if flagged == 0 || clean == 0 {
			t.Errorf("%s: needs cases that are flagged and cases that are not", file)
		}
	}
}

// TestContrastFixtures runs testdata/contrast/<rule>.txt.
func TestContrastFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/contrast/*.txt")
	if len(files) != 4 {
		t.Fatalf("%d contrast fixtures", len(files))
	}
	for _, file := range files {
		rule := strings.TrimSuffix(filepath.Base(file), ".txt")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		flagged := 0
		for _, c := range strings.Split(string(data), "\n### ")[1:] {
			head, rest, _ := strings.Cut(c, "\n")
			css, want, _ := strings.Cut(rest, "=== Befunde\n")
			var got []string
			for _, f := range Contrast("t.css", []byte(css)) {
				if f.Rule == rule {
					got = append(got, strings.TrimPrefix(f.Pos.String(), "t.css:"))
				}
			}
			if g, w := strings.Join(got, " "), strings.Join(strings.Fields(want), " "); g != w {
				t.Errorf("%s case %s: got %q, want %q", rule, head, g, w)
			}
			if w := strings.TrimSpace(want); w != "" {
				flagged++
			}
		}
		if flagged == 0 {
			t.Errorf("%s: no case is flagged", file)
		}
	}
	if r := ContrastRatio([3]float64{0, 0, 0}, [3]float64{1, 1, 1}); math.Abs(r-21) > 0.01 {
		t.Errorf("black on white = %f, want 21", r)
	}
}

func TestReadableTargets(t *testing.T) {
	at := book.Pos{File: "p.md", Line: 1, Col: 1}
	text := func(s string) []Text { return []Text{{Text: s, Pos: func(int) book.Pos { return at }}} }
	easy := strings.Repeat("Wir helfen Ihnen gern. Das ist unsere Arbeit. ", 8)
	if _, fs := Readable(at, text(easy), DefaultLimits); len(fs) != 0 {
		t.Errorf("easy text: %v", fs)
	}
	long := strings.Repeat("Die Verarbeitungsverzeichnisse der Datenschutzbeauftragten dokumentieren sämtliche automatisierten Verarbeitungstätigkeiten einschließlich der Rechtsgrundlagen, Empfängerkategorien, Speicherfristen und technisch-organisatorischen Maßnahmen unserer Organisation vollständig und verständlich. ", 3)
	_, fs := Readable(at, text(long), DefaultLimits)
	var rules []string
	for _, f := range fs {
		rules = append(rules, f.Rule)
	}
	if strings.Join(rules, " ") != "anteil-lange-saetze lesbarkeit" {
		t.Errorf("hard text: %v", fs)
	}
	strict := DefaultLimits
	strict.SentenceWarn, strict.SentenceError = 3, 5
	if fs := Plain(text("Wir helfen Ihnen heute sehr gern."), nil, strict); len(fs) == 0 || fs[0].Rule != "satzlaenge" || fs[0].Severity != Error {
		t.Errorf("strict limits: %v", fs)
	}
}

// modelTexts returns the paragraphs of the model handbook's Markdown
// files, for the benchmarks.
func modelTexts(b *testing.B) []string {
	var out []string
	_ = fs.WalkDir(handbuch.Model(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			data, _ := fs.ReadFile(handbuch.Model(), p)
			out = append(out, strings.Split(string(data), "\n\n")...)
		}
		return nil
	})
	if len(out) < 500 {
		b.Fatalf("only %d paragraphs", len(out))
	}
	return out
}

// BenchmarkSentences splits every paragraph of the model handbook into
// sentences and words.
func BenchmarkSentences(b *testing.B) {
	texts := modelTexts(b)
	for b.Loop() {
		for _, t := range texts {
			Sentences(t)
		}
	}
}

// BenchmarkPlain runs the plain-language rules on every paragraph of the
// model handbook.
func BenchmarkPlain(b *testing.B) {
	var texts []Text
	for _, t := range modelTexts(b) {
		texts = append(texts, Text{Text: t, Pos: func(i int) book.Pos { return book.Pos{File: "t", Line: 1, Col: i + 1} }})
	}
	for b.Loop() {
		Plain(texts, nil, DefaultLimits)
	}
}

// fixtureCases reads a fixture of testdata: cases "### name", a text,
// then the line sep and what is expected.
func fixtureCases(t *testing.T, file, sep string) (cases [][3]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range strings.Split(string(data), "\n### ")[1:] {
		head, rest, _ := strings.Cut(c, "\n")
		text, want, ok := strings.Cut(rest, sep+"\n")
		if !ok {
			t.Fatalf("%s case %s: no %s", file, head, sep)
		}
		cases = append(cases, [3]string{head, strings.TrimSuffix(text, "\n"), strings.TrimSpace(want)})
	}
	if len(cases) < 10 {
		t.Fatalf("%s: only %d cases", file, len(cases))
	}
	return cases
}

// TestSentenceFixtures runs testdata/plain-saetze.txt through the
// sentence splitter.
func TestSentenceFixtures(t *testing.T) {
	for _, c := range fixtureCases(t, "testdata/plain-saetze.txt", "=== Sätze") {
		var got []string
		for _, s := range Sentences(c[1]) {
			got = append(got, s.Text)
			if c[1][s.Start:s.Start+len(s.Text)] != s.Text {
				t.Errorf("case %s: sentence %q not at its offset %d", c[0], s.Text, s.Start)
			}
		}
		if g := strings.Join(got, "\n"); g != c[2] {
			t.Errorf("case %s:\n got %q\nwant %q", c[0], got, strings.Split(c[2], "\n"))
		}
	}
}

// TestWordFixtures runs testdata/plain-woerter.txt through the word
// tokenizer.
func TestWordFixtures(t *testing.T) {
	for _, c := range fixtureCases(t, "testdata/plain-woerter.txt", "=== Wörter") {
		if g := strings.Join(words(c[1]), "|"); g != c[2] {
			t.Errorf("case %s:\n got %s\nwant %s", c[0], g, c[2])
		}
	}
}

func TestParagraphs(t *testing.T) {
	text := "Liebe Frau Muster,\r\n\r\nwir helfen Ihnen gern.\r\nRufen Sie uns an.\n\nUnser Angebot:\n• Beratung\n- Pflege\n2. Wohnen\n\n\n  Ende.  \n"
	var got []string
	for _, b := range Paragraphs(text) {
		if text[b.Offset:b.Offset+len(b.Text)] != b.Text {
			t.Errorf("block %q is not at offset %d", b.Text, b.Offset)
		}
		got = append(got, b.Text)
	}
	want := []string{"Liebe Frau Muster,", "wir helfen Ihnen gern.\r\nRufen Sie uns an.", "Unser Angebot:", "Beratung", "Pflege", "Wohnen", "Ende."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// A line break of Windows separates sentences like a space.
	if n := len(Sentences(got[1])); n != 2 {
		t.Errorf("%d sentences in %q", n, got[1])
	}
}

// FuzzSplitter: on any text, every sentence and every block stands at
// its offset, every word is a piece of its sentence, the split
// suggestion of a word is that word with one hyphen, and the texts of a
// .md or .txt file have positions inside it.
func FuzzSplitter(f *testing.F) {
	for _, s := range []string{
		"Sie ruft: »Komm mit!« Dann geht sie. § 5 gilt. • Beratung",
		"Mehr unter https://www.beispiel.de/a. Oder info@beispiel.de! Version 2.0 ab 15.09.2026, 1.000 Menschen, 3,50 €.",
		"Wir warten… Dann [...] i.S.d. DSGVO. Medi∙kamente und Medi·kamente.\r\n\r\n- Punkt\n1. Punkt",
		"Lebensmittelgruppen Datenschutzbeauftragte:innen Angehörige",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range Sentences(text) {
			if s.Start < 0 || s.Start+len(s.Text) > len(text) || text[s.Start:s.Start+len(s.Text)] != s.Text {
				t.Fatalf("sentence %q not at %d", s.Text, s.Start)
			}
			for _, w := range s.Words {
				if w == "" || !strings.Contains(s.Text, w) {
					t.Fatalf("word %q not in sentence %q", w, s.Text)
				}
				if sug := splitSuggestion(w); sug != "" && strings.ToLower(strings.Replace(sug, "-", "", 1)) != strings.ToLower(w) {
					t.Fatalf("suggestion %q for %q", sug, w)
				}
			}
		}
		for _, b := range Paragraphs(text) {
			if b.Offset < 0 || b.Offset+len(b.Text) > len(text) || text[b.Offset:b.Offset+len(b.Text)] != b.Text {
				t.Fatalf("block %q not at %d", b.Text, b.Offset)
			}
		}
		lines := 1 + strings.Count(text, "\n")
		for _, file := range []string{"a.md", "a.txt"} {
			texts, _ := PlainTexts(file, []byte(text))
			for _, x := range texts {
				for _, i := range []int{0, len(x.Text) / 2, len(x.Text)} {
					if p := x.Pos(i); p.File != file || p.Line < 1 || p.Line > lines {
						t.Fatalf("%s: position %v of %q outside the file (%d lines)", file, p, x.Text, lines)
					}
				}
			}
		}
	})
}

// TestSplitterQuick: texts built to make the splitter look far ahead at
// every character finish in time. (Before the addresses were bounded,
// 200 KB of "a@!" took almost four minutes: each "@" scanned the rest.)
func TestSplitterQuick(t *testing.T) {
	for name, text := range map[string]string{
		"periods":   strings.Repeat(".", 1<<18),
		"ellipses":  strings.Repeat("…", 1<<16),
		"at":        strings.Repeat("a@!", 1<<16),
		"web":       strings.Repeat("www.a!", 1<<15),
		"closers":   strings.Repeat(".«", 1<<16),
		"sentences": strings.Repeat("a. ", 1<<16),
	} {
		start := time.Now()
		Sentences(text)
		Paragraphs(text)
		// Logged, not asserted; the old quadratic scan took minutes.
		if d := time.Since(start); d > 2*time.Minute {
			t.Errorf("%s (%d bytes): %v, a hang", name, len(text), d)
		} else {
			t.Logf("%s: %v", name, d)
		}
	}
}

// TestPlainTexts: a Markdown file with or without front matter and a
// text file give their running text, with positions in the file.
func TestPlainTexts(t *testing.T) {
	for _, tc := range []struct {
		file, src string
		want      []string // each block as text@line:col of its start
		err       string
	}{
		{"a.md", "+++\ntitle = \"A\"\n+++\n\n# Hallo\n\nWir helfen **gern**.\n", []string{"Hallo@5:3", "Wir helfen gern.@7:1"}, ""},
		{"a.md", "---\ntitle: A\n---\nText.\n", []string{"Text.@4:1"}, ""},
		{"a.md", "Text.\n\n---\n\nMehr.\n", []string{"Text.@1:1", "Mehr.@5:1"}, ""},
		{"a.md", "\ufeffText `code` da.\n", []string{"Text  da.@1:2"}, ""},
		{"a.txt", "\ufeffLiebe Frau A,\r\n\r\n• Beratung\r\n", []string{"Liebe Frau A,@1:2", "Beratung@3:3"}, ""},
		{"a.md", "+++\ntitle = \"A\"\n\nText.\n", nil, "a.md:1:1: der Front Matter ist nicht abgeschlossen"},
		{"a.txt", "Gr\xfc\xdfe", nil, "a.txt:1:3: die Datei ist nicht in UTF-8 gespeichert"},
	} {
		texts, err := PlainTexts(tc.file, []byte(tc.src))
		if tc.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.src, err, tc.err)
			}
			continue
		}
		var got []string
		for _, x := range texts {
			p := x.Pos(0)
			got = append(got, fmt.Sprintf("%s@%d:%d", x.Text, p.Line, p.Col))
		}
		if err != nil || strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q, %v; want %q", tc.src, got, err, tc.want)
		}
	}
	if !PlainFile("Brief.TXT") || !PlainFile(`C:\Texte\flyer.md`) || PlainFile("brief.docx") {
		t.Error("PlainFile")
	}
}
