package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/pdfua"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// shortcodePage is a page with the given shortcodes, in a handbook that
// has what they need.
func shortcodePage(t *testing.T, lines []string) (*book.Handbook, *markdown.Doc) {
	t.Helper()
	h := &book.Handbook{
		Config:     book.Config{Title: "Probe", Language: "de"},
		Today:      time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC),
		Checklists: []*book.Checklist{{Name: "probe", Title: "Probe", Groups: []*book.ChecklistGroup{{Title: "Gruppe", Items: []*book.ChecklistItem{{Text: "Ein Punkt"}}}}}},
		Register:   []*book.AISystem{{Name: "System", Purpose: "Ein Zweck"}},
		Contacts:   []*book.Contact{{Role: "Beratung", Name: "Frau Beispiel", Clients: true}},
	}
	body := strings.Join(lines, "\n\n") + "\n"
	p := &book.Page{Kind: book.KindPage, File: "content/probe.md", URL: "/probe/", Title: "Alle Shortcodes", Source: []byte(body), Body: []byte(body)}
	h.Pages = []*book.Page{p}
	return h, markdown.New(markdown.Options{}).Parse(p)
}

// TestEveryShortcodeOnPaper draws every block shortcode of the registry:
// one without a drawer is an error, never a gap on paper.
func TestEveryShortcodeOnPaper(t *testing.T) {
	var lines []string
	for _, name := range shortcode.Block() {
		s := shortcode.All[name]
		line := "{{< " + name
		for i := range s.Min {
			arg := "Beschriftung"
			switch {
			case name == "checkliste":
				arg = "probe"
			case s.Values != nil && i == s.ValuesAt:
				arg = s.Values[0] // a limited argument, such as the key of org
			}
			line += ` "` + arg + `"`
		}
		lines = append(lines, line+" >}}")
	}
	h, d := shortcodePage(t, lines)
	if len(d.Shortcodes) != len(lines) {
		t.Fatalf("parsed %d of %d shortcodes", len(d.Shortcodes), len(lines))
	}
	// The link stage gives bild its picture.
	d.Pictures = make([]*book.Image, len(d.Shortcodes))
	for i, sc := range d.Shortcodes {
		if sc.Name == "bild" {
			d.Pictures[i] = testPNG(t, 40, 20)
		}
	}
	if _, err := Page(h, d); err != nil {
		t.Error(err)
	}
	h, d = shortcodePage(t, []string{`{{< gibt-es-nicht >}}`})
	if _, err := Page(h, d); err == nil || !strings.Contains(err.Error(), `content/probe.md:1:1: der Shortcode "gibt-es-nicht" kann noch nicht ins PDF`) {
		t.Errorf("a shortcode without a drawer: %v", err)
	}
}

// TestFinishedPages: every page's content is taken from fpdf when the
// page is finished, and the page reads it first, then what was drawn on
// it later (its page number).
func TestFinishedPages(t *testing.T) {
	var lines []string
	for range 60 {
		lines = append(lines, "Ein Absatz, der Platz braucht, damit das Formular mehr als eine Seite füllt und jede Seite eine Nummer bekommt.")
	}
	h, d := shortcodePage(t, lines)
	data, err := Page(h, d)
	if err != nil {
		t.Fatal(err)
	}
	data = Expand(data)
	pages := bytes.Count(data, []byte("<</Type /Page\n"))
	arrays := regexp.MustCompile(`/Contents \[\d+ 0 R \d+ 0 R\]`).FindAll(data, -1)
	if pages < 2 || len(arrays) != pages {
		t.Errorf("%d pages, %d with their content in two parts", pages, len(arrays))
	}
}

// testPNG is a PNG picture of w×h pixels, as the link stage reads it.
func testPNG(t *testing.T, w, h int) *book.Image {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		m.Set(x, h/2, color.RGBA{0x0b, 0x4a, 0x7d, 0xff})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return &book.Image{File: "content/probe.png", Format: "png", Width: w, Height: h, Data: b.Bytes(), Name: "probe.00000000.png"}
}

// TestOrgOnPaper draws every value of the organisation settings, filled
// in and empty: a filled one as text with its link, an empty one as the
// framed note of an open slot, and the file stays valid PDF/UA.
func TestOrgOnPaper(t *testing.T) {
	var lines []string
	for _, k := range book.OrgKeys() {
		lines = append(lines, `{{< org "`+k+`" >}}`)
	}
	for _, filled := range []bool{true, false} {
		h, d := shortcodePage(t, lines)
		if filled {
			h.Config.Org = book.Organisation{
				Party:    book.Party{Name: "Muster e. V.", Address: "Musterstraße 1\n12345 Musterstadt", Phone: "+49 30 1234567-0", Email: "info@example.org", Website: "https://www.example.org/"},
				Aufsicht: book.Party{Website: "https://aufsicht.example/"},
			}
		}
		data, err := Page(h, d)
		if err != nil {
			t.Fatal(err)
		}
		problems, err := pdfua.Check(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("filled %v: %s: %s", filled, p.Rule, p.Msg)
		}
		if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
			file := filepath.Join(t.TempDir(), "org.pdf")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := exec.Command(pdftotext, file, "-").Output()
			want := []string{"Muster e. V.", "Musterstraße 1\n12345 Musterstadt", "Telefon: +49 30 1234567-0", "E-Mail: info@example.org", "Internet: https://www.example.org/",
				"Noch offen: Name der oder des Datenschutzbeauftragten"}
			if !filled {
				want = []string{"Noch offen: Name der Organisation"}
			}
			// Where to enter a value is for the editors, not on paper.
			if strings.Contains(string(out), "handbuch.toml") {
				t.Errorf("filled %v: the reader's PDF tells where to enter a setting:\n%s", filled, out)
			}
			// Where lines break depends on the measure: compare words,
			// but the lines of an address as lines.
			text := strings.Join(strings.Fields(string(out)), " ")
			for _, w := range want {
				if !strings.Contains(text, w) && !strings.Contains(string(out), w) {
					t.Errorf("filled %v: pdftotext lacks %q:\n%s", filled, w, out)
				}
			}
		}
		links := []string{"/URI (tel:+493012345670)", "/URI (mailto:info@example.org)", "/URI (https://www.example.org/)", "/URI (https://aufsicht.example/)"}
		for _, l := range links {
			if bytes.Contains(Expand(data), []byte(l)) != filled {
				t.Errorf("filled %v: link %s: %v", filled, l, !filled)
			}
		}
	}
}
