package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// lineTexts are the lines as a reader sees them: a hyphen where a word is
// broken, a space where the line has one between its words.
func lineTexts(lines []line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for j, p := range l.pieces {
			b.WriteString(p.text)
			if p.space && j < len(l.pieces)-1 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestBreakOnlyWhereAllowed lays a paragraph full of traps out at every
// width from a narrow column to a wide one: no line starts with closing
// punctuation or a footnote mark, no line breaks where a span ends
// inside a word, and what German binds with a no-break space stays on
// one line.
func TestBreakOnlyWhereAllowed(t *testing.T) {
	w := (&writer{}).measurer()
	spans := []span{
		{text: "Lesen Sie dazu "},
		{text: "Kapitel 9: Monitoring und Evaluation", link: "#k9"},
		{text: ". Das steht in § 61 Abs. 3 SGB X und Art. 6 Abs. 1 DSGVO"},
		{text: "4", sup: true, link: "#fn4"},
		{text: ", z. B. für die "},
		{text: "Einwilligung", style: "I"},
		{text: " („"},
		{text: "Ich bin ein Programm."},
		{text: "“), d. h. bis 30 % der Fälle, ab 9 Uhr und für 500 Euro. Rufen Sie +49 30 1234567-0 oder 030 123 45-67 an, u. a. auf Seite 12 – oder "},
		{text: "KI-", style: "B"},
		{text: "Koordination", style: "B"},
		{text: " in Anlage 2 …"},
	}
	bound := []string{"Kapitel 9:", "§ 61", "Abs. 3", "SGB X", "Art. 6", "Abs. 1", "DSGVO4,", "z. B.", "Einwilligung", "(„Ich", "Programm.“),",
		"d. h.", "30 %", "9 Uhr", "500 Euro.", "+49 30 1234567-0", "030 123 45-67", "u. a.", "Seite 12 –", "Anlage 2 …"}
	brokeAtHyphen := false
	for width := 45.0; width <= 160; width += 0.25 {
		lines, long := w.wrap(spans, 11.5, width, false)
		if len(long) > 0 {
			t.Fatalf("width %.2f: too long: %q", width, long)
		}
		texts := lineTexts(lines)
		for k, l := range lines {
			first, _ := utf8.DecodeRuneInString(l.pieces[0].text)
			if k > 0 && (strings.ContainsRune(closing, first) || l.pieces[0].sup) {
				t.Errorf("width %.2f: line %d starts with %q:\n%s", width, k+1, l.pieces[0].text, strings.Join(texts, "\n"))
			}
		}
		all := strings.Join(texts, "\n")
		for _, b := range bound {
			if !strings.Contains(all, b) && !strings.Contains(strings.ReplaceAll(all, "-\n", ""), b) {
				t.Errorf("width %.2f: %q is broken:\n%s", width, b, all)
			}
		}
		brokeAtHyphen = brokeAtHyphen || strings.Contains(all, "KI-\nKoordination")
	}
	// A hyphen inside a word breaks, also where two spans meet.
	if !brokeAtHyphen {
		t.Error("no line breaks after KI-")
	}
}

func TestBinds(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"§", "61", true}, {"§§", "60–62", true}, {"Art.", "6", true}, {"Nr.", "3,", true}, {"S.", "12)", true},
		{"Kapitel", "4:", true}, {"Kap.", "2", true}, {"Anlage", "1", true}, {"Anhang", "B", false}, {"(Seite", "3)", true},
		{"30", "%", true}, {"2,5", "Prozent", true}, {"1.000", "Euro.", true}, {"18", "Jahre", true}, {"9", "Uhr", true},
		{"+49", "30", true}, {"30", "1234567-0", true}, {"(030)", "123", true},
		{"z.", "B.", true}, {"d.", "h.,", true}, {"u.", "a.", true}, {"Wort", "–", true},
		{"Kapitel", "Monitoring", false}, {"im", "Jahr", false}, {"Jahre", "30", false}, {"A", "B", false}, {"SGB", "VIII", true},
	} {
		if got := binds(c.a, c.b); got != c.want {
			t.Errorf("binds(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestCalmRag: a line that would end much too short takes the first part
// of the next word, hyphenated; never so that fewer than two letters end
// a line or fewer than four start the next; never in Einfache Sprache.
func TestCalmRag(t *testing.T) {
	w := (&writer{}).measurer()
	size := 11.5
	width := func(s string) float64 { return w.textWidth(s, "", size) + 0.1 }
	text := []span{{text: "Wir prüfen die Verantwortungsbereiche genau."}}
	lines, _ := w.wrap(text, size, width("Wir prüfen die Verantwortungs-"), false)
	if got := lineTexts(lines); got[0] != "Wir prüfen die Verantwortungs-" {
		t.Errorf("rag: %q", got)
	}
	// The line is full enough: the word moves whole.
	full := "Wir prüfen heute alle Bereiche und auch die"
	lines, _ = w.wrap([]span{{text: full + " Verantwortungsbereiche genau."}}, size, width(full)/0.85, false)
	if got := lineTexts(lines); got[0] != full {
		t.Errorf("full line: %q", got)
	}
	// "Pflich-ten" would leave three letters: the word moves whole.
	lines, _ = w.wrap([]span{{text: "Wir prüfen die Pflichten."}}, size, width("Wir prüfen die Pflich-"), false)
	if got := lineTexts(lines); got[0] != "Wir prüfen die" {
		t.Errorf("short tail: %q", got)
	}
	// No hyphenation of addresses, numbers or abbreviations for the rag.
	lines, _ = w.wrap([]span{{text: "Wir prüfen die KI-VERORDNUNGSENTWÜRFE."}}, size, width("Wir prüfen die KI-VERORDNUNGS-"), false)
	if got := lineTexts(lines); strings.HasSuffix(got[0], "-") && !strings.HasSuffix(got[0], "KI-") {
		t.Errorf("capitals: %q", got)
	}
	plain := (&writer{noHyphens: true}).measurer()
	lines, _ = plain.wrap(text, size, width("Wir prüfen die Verantwortungs-"), false)
	if got := lineTexts(lines); got[0] != "Wir prüfen die" {
		t.Errorf("Einfache Sprache: %q", got)
	}
}

// TestLinkKeepsItsSpace: a link that wraps across a line keeps the space
// between its words in its own text; the paragraph gets none of it.
func TestLinkKeepsItsSpace(t *testing.T) {
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed (runs in CI)")
	}
	var paras []string
	for n := range 12 {
		paras = append(paras, strings.Repeat("Wort ", 8+n)+"[Sie dürfen Nein sagen](https://example.org/nein) erklärt es.")
	}
	h, d := shortcodePage(t, paras)
	data, err := Page(h, d)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "link.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-struct-text", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v\n%s", err, out)
	}
	text := string(out)
	// A Link element: its text, one annotation per line it covers, and
	// the paragraph's text after it.
	links := regexp.MustCompile(`Link \(inline\)\n\s+"([^\n]*)"\n((?:\s+Object \d+ 0\n)+)\s+"([^\n]*)"`).FindAllStringSubmatch(text, -1)
	if len(links) != len(paras) {
		t.Fatalf("%d links, want %d:\n%s", len(links), len(paras), text)
	}
	wrapped := 0
	for _, l := range links {
		if l[1] != "Sie dürfen Nein sagen" {
			t.Errorf("link text %q", l[1])
		}
		if !strings.HasPrefix(l[3], " (https") {
			t.Errorf("the paragraph goes on with %q", l[3])
		}
		if strings.Count(l[2], "Object") > 1 {
			wrapped++
		}
	}
	if wrapped < 2 {
		t.Fatalf("%d links wrap:\n%s", wrapped, text)
	}
}
