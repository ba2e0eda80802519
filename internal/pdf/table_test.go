package pdf

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestColumnWidths: columns are as wide as their content asks, as a
// browser's automatic table layout: a column of short names gets what
// its longest word needs, the columns of long text share the rest.
func TestColumnWidths(t *testing.T) {
	w := (&writer{}).measurer()
	size, pad := 10.5, cellPad
	word := func(s string) float64 { return w.textWidth(s, "", size) + pad }
	long := "Entscheidungen über Menschen werden von Menschen getroffen, die sie begründen und verantworten können."
	cells := func(rows ...[]string) [][][]span {
		var out [][][]span
		for _, r := range rows {
			var row [][]span
			for _, c := range r {
				row = append(row, []span{{text: c}})
			}
			out = append(out, row)
		}
		return out
	}
	sum := func(ws []float64) (s float64) {
		for _, x := range ws {
			s += x
		}
		return s
	}
	// Long text: the key column gets its longest word, the others share
	// the rest in proportion to their text.
	ws := w.columnWidths(cells([]string{"Prinzip", "Bedeutung", "Beispiel"}, []string{"Fairness", long, long + " " + long}), size, 136, pad)
	if math.Abs(ws[0]-word("Fairness")) > 0.01 || math.Abs(sum(ws)-136) > 0.01 || !(ws[1] < ws[2]) {
		t.Errorf("long text: %.1f", ws)
	}
	// Short text: every column as wide as its widest cell, the rest
	// shared in proportion.
	ws = w.columnWidths(cells([]string{"A", "Name"}, []string{"1", "Eine Zeile"}), size, 136, pad)
	if r := ws[1] / ws[0]; math.Abs(sum(ws)-136) > 0.01 || math.Abs(r-word("Eine Zeile")/word("A")) > 0.01 {
		t.Errorf("short text: %.1f", ws)
	}
	// Longest words wider than the table: they shrink alike.
	ws = w.columnWidths(cells([]string{"Verantwortungsbereich", "Datenschutzfolgenabschätzung"}), size, 40, pad)
	if math.Abs(sum(ws)-40) > 0.01 || math.Abs(ws[0]/ws[1]-word("Verantwortungsbereich")/word("Datenschutzfolgenabschätzung")) > 0.01 {
		t.Errorf("too narrow: %.1f", ws)
	}
}

// TestTableKeptTogether: wherever a table starts on a page, its caption
// and header row are on the page of its first row, and no row is split
// by a page break.
func TestTableKeptTogether(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (runs in CI)")
	}
	row := func(k int) string {
		return fmt.Sprintf("| Zeile%d | Anfang%d %s Ende%d |", k, k, strings.Repeat("Ein Satz, der die Zelle füllt. ", 6), k)
	}
	table := []string{"Tabelle: Probeüberschrift", "| Name | Text |\n|---|---|\n" + row(1) + "\n" + row(2) + "\n" + row(3)}
	dir := t.TempDir()
	for n := 18; n < 30; n++ {
		var lines []string
		for range n {
			lines = append(lines, "Ein Absatz.")
		}
		h, d := shortcodePage(t, append(lines, table...))
		data, err := Page(h, d)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprint(n, ".pdf"))
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(out), "\f")
		page := func(s string) int {
			for i, p := range pages {
				if strings.Contains(p, s) {
					return i + 1
				}
			}
			t.Fatalf("%d paragraphs: no %q", n, s)
			return 0
		}
		if c, hd, r := page("Probeüberschrift"), page("Name"), page("Zeile1"); c != hd || hd != r {
			t.Errorf("%d paragraphs: caption on page %d, header on %d, first row on %d", n, c, hd, r)
		}
		for k := 1; k <= 3; k++ {
			if a, e := page(fmt.Sprint("Anfang", k)), page(fmt.Sprint("Ende", k)); a != e {
				t.Errorf("%d paragraphs: row %d on pages %d and %d", n, k, a, e)
			}
		}
	}
}
