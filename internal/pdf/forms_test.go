package pdf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/tooltest"
)

// TestFieldLines: a long answer gets five lines to write on, a short
// field one, and the third argument says how many.
func TestFieldLines(t *testing.T) {
	for _, c := range []struct {
		line  string
		lines int
	}{
		{`{{< feld "Name" >}}`, 1},
		{`{{< feld "Name" "name" >}}`, 1},
		{`{{< feld "Anschrift" "adresse" >}}`, 3},
		{`{{< feld "Was soll die KI tun?" "lang" >}}`, 5},
		{`{{< feld "Was soll die KI tun?" "lang" 8 >}}`, 8},
		{`{{< feld "Kurz gesagt" "text" "2" >}}`, 2},
	} {
		h, d := shortcodePage(t, []string{c.line})
		w, err := newWriter(h, a4)
		if err != nil {
			t.Fatal(err)
		}
		sc := d.Shortcodes[0]
		got := w.measure(func(v *writer) { v.shortcode(d, sc, 20, 170, 1, book.Pos{}) })
		one := w.measure(func(v *writer) { v.field(sc.Args[0], 1, 20, 170, book.Pos{}) }) + 1.5
		if want := one + float64(c.lines-1)*writingGap; math.Abs(got-want) > 0.01 {
			t.Errorf("%s: %.1f mm tall, want %.1f (%d lines)", c.line, got, want, c.lines)
		}
	}
}

// pdfPages returns the text of each page of a PDF, by pdftotext.
func pdfPages(t *testing.T, data []byte) []string {
	t.Helper()
	pdftotext := popplerTool(t, "pdftotext")
	file := filepath.Join(t.TempDir(), "form.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1]
}

// pageOf is the number, from 1, of the first page with s, or 0.
func pageOf(pages []string, s string) int {
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i + 1
		}
	}
	return 0
}

func filler(n int) []string {
	var lines []string
	for i := range n {
		lines = append(lines, fmt.Sprintf("Absatz %d füllt die Seite, damit das Ende des Formulars einmal hier und einmal dort auf die Seite fällt, wie es im Alltag vorkommt.", i+1))
	}
	return lines
}

// TestDeclarationStaysWithSignature: wherever the end of a form falls,
// the declaration, its fields and the signature lines are on one page.
func TestDeclarationStaysWithSignature(t *testing.T) {
	for n := 14; n <= 30; n++ {
		lines := append(filler(n),
			"## Ihre Erklärung",
			"Ich habe alles gelesen und willige in die angekreuzten Zwecke ein. Ich weiß, dass ich die Einwilligung jederzeit widerrufen kann. Eine Kopie habe ich bekommen.",
			`{{< feld "Vorname und Nachname" "name" >}}`,
			`{{< unterschrift "Einwilligende Person" >}}`)
		h, d := shortcodePage(t, lines)
		data, err := Page(h, d)
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, data)
		head, decl, name, sig := pageOf(pages, "Ihre Erklärung"), pageOf(pages, "Ich habe alles gelesen"), pageOf(pages, "Vorname und Nachname"), pageOf(pages, "Unterschrift: Einwilligende Person")
		if head == 0 || head != decl || decl != name || name != sig {
			t.Errorf("%d paragraphs before: heading on page %d, declaration %d, field %d, signature %d", n, head, decl, name, sig)
		}
	}
}

// TestFieldLabelStaysWithItsLines: wherever a long answer falls, its
// label and its five lines are on one page, above the bottom margin.
func TestFieldLabelStaysWithItsLines(t *testing.T) {
	for n := 14; n <= 24; n++ {
		h, d := shortcodePage(t, append(filler(n), `{{< feld "Was soll die Maschine tun?" "lang" >}}`))
		data, err := Page(h, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range pdfWords(t, data) {
			if w.text != "Maschine" {
				continue
			}
			// The label's foot, 6 mm to the first line, 4 gaps to the last.
			if last := w.yMax*25.4/72 + 6 + 4*writingGap; last > 297-bottom+0.5 {
				t.Errorf("%d paragraphs before: the label ends at %.1f mm on page %d, its last line would be at %.1f mm", n, w.yMax*25.4/72, w.page, last)
			}
		}
	}
}

type pdfWord struct {
	page       int
	yMin, yMax float64 // in pt from the top
	text       string
}

// pdfWords are the words of a PDF with their places, by pdftotext.
func pdfWords(t *testing.T, data []byte) []pdfWord {
	t.Helper()
	pdftotext := popplerTool(t, "pdftotext")
	file := filepath.Join(t.TempDir(), "w.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-bbox", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	var words []pdfWord
	for i, p := range bytes.Split(out, []byte("<page "))[1:] {
		for _, m := range word.FindAllSubmatch(p, -1) {
			y0, _ := strconv.ParseFloat(string(m[1]), 64)
			y1, _ := strconv.ParseFloat(string(m[2]), 64)
			words = append(words, pdfWord{page: i + 1, yMin: y0, yMax: y1, text: string(m[3])})
		}
	}
	return words
}

// TestStaffPartOnItsOwnSheet: the part only for the organisation starts
// on an odd page, after a free page where need be, headed so; the
// client's pages have nothing of it.
func TestStaffPartOnItsOwnSheet(t *testing.T) {
	for _, c := range []struct {
		before    int // paragraphs of the client's part
		start     int // page where the staff part starts
		freePages int
	}{
		{3, 3, 1},  // the client's part ends on page 1: page 2 stays free
		{25, 3, 0}, // it ends on page 2
	} {
		lines := append(filler(c.before),
			"{{< nur-organisation >}}",
			"## Hinweise für Mitarbeitende",
			"Legen Sie das Original in die Akte.",
			"{{< /nur-organisation >}}")
		h, d := shortcodePage(t, lines)
		data, err := Page(h, d)
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfPages(t, data)
		if got := pageOf(pages, "Nur für die Organisation\n"); got != c.start {
			t.Errorf("%d paragraphs: the staff part starts on page %d, want %d:\n%q", c.before, got, c.start, pages)
		}
		if got := pageOf(pages, "Legen Sie das Original"); got != c.start {
			t.Errorf("%d paragraphs: its text is on page %d", c.before, got)
		}
		if got := strings.Count(strings.Join(pages, "\f"), "Diese Seite bleibt frei."); got != c.freePages {
			t.Errorf("%d paragraphs: %d free pages, want %d", c.before, got, c.freePages)
		}
		// The client's sheets and the staff part are counted apart.
		if n := c.start - 1; !strings.Contains(pages[n-1], fmt.Sprintf("Seite %d von %d", n, n)) {
			t.Errorf("%d paragraphs: the client's last page is not numbered %d of %d:\n%q", c.before, n, n, pages[n-1])
		}
		if !strings.Contains(pages[c.start-1], "Seite 1 von 1") {
			t.Errorf("%d paragraphs: the staff part's page is not numbered 1 of 1:\n%q", c.before, pages[c.start-1])
		}
		if got := pageOf(pages, fmt.Sprintf("Absatz %d ", c.before)); got >= c.start || got == 0 {
			t.Errorf("%d paragraphs: the client's part ends on page %d", c.before, got)
		}
		// Its heading is a heading, one level above the headings in it.
		st := structText(t, data)
		if !regexp.MustCompile(`(?s)H2 \(block\)\s+"Nur für die Organisation".*H3 \(block\)\s+"Hinweise für Mitarbeitende"`).MatchString(st) {
			t.Errorf("structure of the staff part:\n%s", st)
		}
	}
}

func structText(t *testing.T, data []byte) string {
	t.Helper()
	pdfinfo := popplerTool(t, "pdfinfo")
	file := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdfinfo, "-struct-text", file).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return string(out)
}

// TestFieldsReadOnce: a field's label, "Ort, Datum" and the signer are
// each in the tags once; the lines to write on are decoration.
func TestFieldsReadOnce(t *testing.T) {
	h, d := shortcodePage(t, []string{`{{< feld "Name der Organisation" >}}`, `{{< feld "Was soll die KI tun?" "lang" >}}`, `{{< unterschrift "Einwilligende Person" >}}`})
	data, err := Page(h, d)
	if err != nil {
		t.Fatal(err)
	}
	st := structText(t, data)
	for _, s := range []string{"Name der Organisation", "Was soll die KI tun?", "Ort, Datum", "Unterschrift: Einwilligende Person"} {
		if n := strings.Count(st, s); n != 1 {
			t.Errorf("%q is in the tags %d times:\n%s", s, n, st)
		}
	}
	if strings.Contains(st, "Figure") {
		t.Errorf("a line to write on is a Figure:\n%s", st)
	}
}

// TestSignOffAboveTheMargin: wherever a checklist ends, its sign-off is
// on one page and above the bottom margin, clear of the footer.
func TestSignOffAboveTheMargin(t *testing.T) {
	for n := 8; n <= 20; n++ {
		c := &book.Checklist{Name: "probe", Title: "Probe", File: "checklists/probe.toml"}
		g := &book.ChecklistGroup{Title: "Gruppe"}
		for i := range n {
			g.Items = append(g.Items, &book.ChecklistItem{Text: fmt.Sprintf("Punkt %d: Ist das geprüft und festgehalten?", i+1), Help: "Eine kurze Hilfe zum Punkt."})
		}
		c.Groups = []*book.ChecklistGroup{g}
		h := &book.Handbook{Config: book.Config{Title: "Probe", Language: "de"}, Checklists: []*book.Checklist{c}}
		data, err := Checklist(h, c)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]int{}
		for _, w := range pdfWords(t, data) {
			if w.text != "Geprüft" && w.text != "am" && w.text != "Unterschrift" {
				continue
			}
			found[w.text] = w.page
			if w.yMax > (297-bottom)*72/25.4 {
				t.Errorf("%d items: %q on page %d reaches into the bottom margin (%.1f mm from the top)", n, w.text, w.page, w.yMax*25.4/72)
			}
		}
		if found["Geprüft"] == 0 || found["Geprüft"] != found["am"] || found["am"] != found["Unterschrift"] {
			t.Errorf("%d items: sign-off on pages %v", n, found)
		}
	}
}

// popplerTool is tool of the external tests, for the tests inside the
// package: in CI a missing tool is a failure, elsewhere a skip.
func popplerTool(t *testing.T, name string) string {
	t.Helper()
	return tooltest.Path(t, name)
}
