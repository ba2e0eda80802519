package paper_test

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden pages in testdata/golden")

// goldenPage is a page, or with spread a pair of facing pages, chosen by
// a phrase of its text so that the choice follows the content when the
// pagination moves.
type goldenPage struct {
	name   string // of the golden file
	pdf    string // file name of the PDF
	phrase string // the first page whose text holds it is chosen
	spread bool   // with its facing page: even page left, odd page right
}

var goldenPages = []goldenPage{
	{"einwilligung-unterschrift", "vorlagen-einwilligung.pdf", "Unterschrift: Einwilligende Person", false},
	{"projektantrag-aufgabe", "vorlagen-projektantrag.pdf", "Welche Aufgabe soll die KI übernehmen?", false},
	{"checkliste-freigabe", "checkliste-vor-dem-einsatz.pdf", "Wer prüft: die Leitung", false},
	{"faltblatt-start", "faltblatt-klienten-so-nutzen-wir-ki.pdf", "Dafür nutzen wir KI", false},
	{"handbuch-tabelle", "ki-leitlinien-fuer-organisationen-der-sozialwirtschaft.pdf", "Konkrete Umsetzung in der Sozialwirtschaft", true},
	{"handbuch-formular", "ki-leitlinien-fuer-organisationen-der-sozialwirtschaft.pdf", "Unterschrift: Einwilligende Person", true},
}

// TestGoldenPages renders chosen pages of the model's PDFs with poppler
// (pdftoppm -r 40 -gray) and compares them with the PNGs in
// testdata/golden: the consent form's signature page, the project
// application's first long field, the checklist's sign-off, the flyer's
// first page, and two spreads of the handbook, one with the ethics table
// and one with the consent form's signature. A page is chosen by a phrase
// of its text (pdftotext), not by its number; pages.txt records the page
// numbers and page counts, which must match too.
//
// A page matches while fewer than 0.5 % of its pixels differ by more than
// 64 grey levels, which absorbs anti-aliasing differences between poppler
// versions but not a moved line. On a mismatch the actual and a diff PNG
// (changed pixels black) are written to a directory named in the message.
// Record the pages again with go test ./internal/paper -run
// TestGoldenPages -update, and look at them before committing.
func TestGoldenPages(t *testing.T) {
	pdftoppm, pdftotext := tool(t, "pdftoppm"), tool(t, "pdftotext")
	pdfs := modelPDFs(t)
	dir := t.TempDir()
	var manifest strings.Builder
	images := map[string]*image.Gray{}
	for _, g := range goldenPages {
		data, ok := pdfs[g.pdf]
		if !ok {
			t.Fatalf("the model has no %s", g.pdf)
		}
		file := filepath.Join(dir, g.pdf)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", g.pdf, err)
		}
		texts := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
		page := 0
		for i, text := range texts {
			if strings.Contains(strings.Join(strings.Fields(text), " "), g.phrase) {
				page = i + 1
				break
			}
		}
		if page == 0 {
			t.Errorf("%s: no page of %s holds %q", g.name, g.pdf, g.phrase)
			continue
		}
		pages := []int{page}
		if g.spread {
			left := page - page%2 // an even page is a left-hand page
			pages = []int{left, left + 1}
			if left+1 > len(texts) {
				pages = pages[:1]
			}
		}
		fmt.Fprintf(&manifest, "%s: %s, %d pages, page %s\n", g.name, g.pdf, len(texts), strings.Trim(fmt.Sprint(pages), "[]"))
		var parts []*image.Gray
		for _, p := range pages {
			base := filepath.Join(dir, g.name+"-"+strconv.Itoa(p))
			n := strconv.Itoa(p)
			if out, err := exec.Command(pdftoppm, "-r", "40", "-gray", "-png", "-singlefile", "-f", n, "-l", n, file, base).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm %s page %d: %v\n%s", g.pdf, p, err, out)
			}
			parts = append(parts, readGray(t, base+".png"))
		}
		images[g.name] = sideBySide(parts)
	}

	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.MkdirAll(golden, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, img := range images {
			writePNG(t, filepath.Join(golden, name+".png"), img)
		}
		if err := os.WriteFile(filepath.Join(golden, "pages.txt"), []byte(manifest.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(filepath.Join(golden, "pages.txt"))
	if err != nil {
		t.Fatalf("%v (run go test ./internal/paper -run TestGoldenPages -update once)", err)
	}
	if got := manifest.String(); got != string(want) {
		t.Errorf("chosen pages and page counts differ from %s:\ngot\n%swant\n%s", filepath.Join(golden, "pages.txt"), got, want)
	}
	var keep string // a directory that outlives the test, for a human to look
	for _, g := range goldenPages {
		got := images[g.name]
		if got == nil {
			continue
		}
		want := readGray(t, filepath.Join(golden, g.name+".png"))
		diff, changed := compare(got, want)
		if changed < 0.005 {
			continue
		}
		if keep == "" {
			if keep, err = os.MkdirTemp("", "handbuch-golden-"); err != nil {
				t.Fatal(err)
			}
		}
		writePNG(t, filepath.Join(keep, g.name+".png"), got)
		if diff != nil {
			writePNG(t, filepath.Join(keep, g.name+"-diff.png"), diff)
		}
		t.Errorf("%s: %.2f %% of the pixels differ from testdata/golden/%s.png; see %s/%s.png and %s-diff.png",
			g.name, 100*changed, g.name, keep, g.name, g.name)
	}
}

// compare returns the share of pixels of got and want that differ by more
// than 64 grey levels, and an image of them: changed pixels black, the
// rest a faint copy of want. Images of different sizes differ wholly.
func compare(got, want *image.Gray) (*image.Gray, float64) {
	if got.Bounds().Size() != want.Bounds().Size() {
		return nil, 1
	}
	b := got.Bounds()
	diff := image.NewGray(b)
	changed := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := int(got.GrayAt(x, y).Y)
			w := int(want.GrayAt(x-b.Min.X+want.Bounds().Min.X, y-b.Min.Y+want.Bounds().Min.Y).Y)
			if g-w > 64 || w-g > 64 {
				changed++
				diff.SetGray(x, y, color.Gray{0})
			} else {
				diff.SetGray(x, y, color.Gray{uint8(192 + w/4)})
			}
		}
	}
	return diff, float64(changed) / float64(b.Dx()*b.Dy())
}

// sideBySide puts pages next to each other on white, top-aligned.
func sideBySide(pages []*image.Gray) *image.Gray {
	w, h := 0, 0
	for _, p := range pages {
		w += p.Bounds().Dx()
		h = max(h, p.Bounds().Dy())
	}
	out := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	x := 0
	for _, p := range pages {
		draw.Draw(out, image.Rect(x, 0, x+p.Bounds().Dx(), p.Bounds().Dy()), p, p.Bounds().Min, draw.Src)
		x += p.Bounds().Dx()
	}
	return out
}

func readGray(t *testing.T, file string) *image.Gray {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/paper -run TestGoldenPages -update once)", err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	g := image.NewGray(img.Bounds())
	draw.Draw(g, g.Bounds(), img, img.Bounds().Min, draw.Src)
	return g
}

func writePNG(t *testing.T, file string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
