package pdf

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuoteBarOnEveryPage: a quote over three pages has its bar on each
// of them, beside its text.
func TestQuoteBarOnEveryPage(t *testing.T) {
	pdftoppm, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm not installed (runs in CI)")
	}
	para := strings.Repeat("Ein Satz in einem langen Zitat, der eine Zeile und mehr füllt. ", 12)
	quote := strings.Repeat("> "+para+"\n>\n", 12)
	lines := []string{"Davor steht ein Absatz.", quote, "Danach steht ein Absatz."}
	h, d := shortcodePage(t, lines)
	data, err := Page(h, d)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "quote.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-r", "72", "-png", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pages) < 3 {
		t.Fatalf("%d pages, want 3 or more", len(pages))
	}
	// The bar is 5 mm left of the quote's text, in the link colour.
	x := int((a4.m + 7 - 5) / 25.4 * 72)
	for _, p := range pages {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		m, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		rows := 0
		for y := m.Bounds().Min.Y; y < m.Bounds().Max.Y; y++ {
			for dx := -2; dx <= 2; dx++ {
				r, _, b, _ := m.At(x+dx, y).RGBA()
				if b > r+0x3000 {
					rows++
					break
				}
			}
		}
		// At least a third of the page's height.
		if rows < m.Bounds().Dy()/3 {
			t.Errorf("%s: the bar is %d px high", filepath.Base(p), rows)
		}
	}
}
