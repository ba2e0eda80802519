package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// german is running text as the handbook has it.
const german = "Künstliche Intelligenz, kurz KI, ist in der sozialen Arbeit angekommen. Pflegekräfte diktieren ihre Dokumentation, Beratungsstellen testen Chatbots, Teams lassen Briefe übersetzen. Dieses Handbuch hilft Ihnen, für all das klare und faire Regeln zu finden. Es enthält vollständige KI-Leitlinien, die Sie für Ihre Organisation übernehmen und anpassen. Sie müssen also nicht bei null anfangen. Die Leitlinien sind in der Wir-Form geschrieben. „Wir“ ist Ihre Organisation: der Pflegedienst, der Jugendhilfeträger, die Beratungsstelle oder die Werkstatt. So können Sie den Text fast wörtlich übernehmen. Ein Muster passt nie ganz genau. Jede Organisation hat eigene Angebote, eigene Gremien und eigene Technik. Deshalb sagen wir an vielen Stellen offen: Hier müssen Sie etwas eintragen oder entscheiden. Eine gute Leitlinie entsteht im Gespräch, nicht am Schreibtisch einer einzelnen Person. Gehen Sie deshalb in dieser Reihenfolge vor und beteiligen Sie früh die Menschen, die mit den Werkzeugen arbeiten werden."

// lineLengths are the characters of each line of text but the last, laid
// out in the format's body size and measure.
func lineLengths(pf format, noHyphens bool) []int {
	w := (&writer{noHyphens: noHyphens}).measurer()
	lines, _ := w.wrap([]span{{text: german}}, pf.body, pf.w-2*pf.m, false)
	var n []int
	for _, l := range lineTexts(lines[:len(lines)-1]) {
		n = append(n, utf8.RuneCountInString(l))
	}
	slices.Sort(n)
	return n
}

// TestMeasure: the handbook sets lines of 60 to 75 characters; Einfache
// Sprache at least 14 pt in lines of at most 60.
func TestMeasure(t *testing.T) {
	n := lineLengths(a4, false)
	if med := n[len(n)/2]; med < 60 || med > 75 || n[0] < 50 || n[len(n)-1] > 80 {
		t.Errorf("A4: %d characters a line, median %d", n, med)
	}
	n = lineLengths(a4Plain, true)
	if a4Plain.body < 14 || n[len(n)-1] > 60 {
		t.Errorf("Einfache Sprache: %.1f pt, %d characters a line", a4Plain.body, n)
	}
}

// TestPlainPageFormat: a page in Einfache Sprache printed on its own is
// set in the format for it.
func TestPlainPageFormat(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (runs in CI)")
	}
	h, d := shortcodePage(t, []string{german})
	d.Page.Plain = true
	data, err := Page(h, d)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plain.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "Seite 1 von") {
			continue // the running footer
		}
		if n := utf8.RuneCountInString(strings.TrimSpace(l)); n > 60 {
			t.Errorf("a line of %d characters: %s", n, l)
		}
	}
}
