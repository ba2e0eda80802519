package pdf_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch/internal/build"
)

// flyerSite is a project with one flyer page of the given body and an
// organisation with a phone number, e-mail and website.
func flyerSite(body string) fstest.MapFS {
	return fstest.MapFS{
		"handbuch.toml": {Data: []byte("title = \"T\"\nbase_url = \"https://intranet.example.org/hb/\"\n[organisation]\nname = \"Träger\"\nphone = \"+49 30 1234567-0\"\nemail = \"info@example.org\"\nwebsite = \"https://www.example.org/\"\n")},
		"data/kontakte.toml": {Data: []byte("[[contact]]\nrole = \"KI-Koordination\"\nphone = \"+49 30 1234567-10\"\nemail = \"ki@example.org\"\ninternal = true\nclients = true\ntopics = \"Hilft bei Fragen.\"\n\n" +
			"[[contact]]\nrole = \"Ombudsstelle\"\nclients = true\ntopics = \"Berät.\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
		"content/flyer.md":  {Data: []byte("+++\ntitle = \"Für Sie\"\nflyer = true\nplain = true\n+++\n" + body + "\n")},
	}
}

// flyerPages renders the flyer of site and returns the text of each page
// as pdftotext lays it out.
func flyerPages(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	pdftotext, pdfinfo := tool(t, "pdftotext"), tool(t, "pdfinfo")
	files, _, err := build.Render(fsys, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	for _, f := range files {
		if f.Path == "pdf/faltblatt-flyer.pdf" {
			if err := os.WriteFile(file, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	info, err := exec.Command(pdfinfo, file).Output()
	if err != nil {
		t.Fatal(err)
	}
	n := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(info)
	if n == nil || string(n[1]) != "2" || !strings.Contains(string(info), "(A5)") {
		t.Fatalf("the flyer is not two A5 pages:\n%s", info)
	}
	var pages []string
	for _, p := range []string{"1", "2"} {
		out, err := exec.Command(pdftotext, "-layout", "-f", p, "-l", p, file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(out))
	}
	return pages
}

// sentence is a paragraph of about two lines of the flyer.
func sentence(i int) string {
	return "Satz " + strings.Repeat("x", i%3+1) + " hat ein paar Wörter. Wir helfen Ihnen gern bei allen Fragen zur KI."
}

// A flyer is one sheet: the title and key messages on the front, the
// contacts, the organisation and the page's address on the back, every
// paragraph on one side, no number divided.
func TestFlyerTwoSides(t *testing.T) {
	var body strings.Builder
	body.WriteString("Das Wichtigste zuerst.\n\n## Was wir tun\n\n")
	for i := range 8 {
		body.WriteString(sentence(i) + "\n\n")
	}
	body.WriteString("## Ihre Rechte\n\nSie dürfen fragen. Sie dürfen Nein sagen.\n")
	pages := flyerPages(t, flyerSite(body.String()))
	front, back := pages[0], pages[1]
	if !strings.Contains(front, "Für Sie") || !strings.Contains(front, "Das Wichtigste zuerst.") {
		t.Errorf("front:\n%s", front)
	}
	// pdftotext reads the unbreakable spaces as spaces; each number is
	// on one line.
	for _, want := range []string{"Fragen? Sprechen Sie uns an.", "KI-Koordination", "Telefon: +49 30 1234567-10", "E-Mail: ki@example.org",
		"Träger", "Telefon: +49 30 1234567-0", "E-Mail: info@example.org", "Internet: https://www.example.org/", "https://intranet.example.org/hb/flyer/"} {
		if !strings.Contains(back, want) {
			t.Errorf("back lacks %q:\n%s", want, back)
		}
	}
	if strings.Contains(back, "Ombudsstelle") {
		t.Error("the flyer lists an office outside the organisation as one of us")
	}
	// Every paragraph is whole on one side; the sides hold all of them.
	all := front + back
	for i := range 8 {
		s := sentence(i)
		if !strings.Contains(strings.Join(strings.Fields(front), " "), s) && !strings.Contains(strings.Join(strings.Fields(back), " "), s) {
			t.Errorf("paragraph %d is divided between the sides or missing:\n%s", i, all)
		}
	}
	if strings.Index(back, "Ihre Rechte") < 0 || strings.Index(back, "Ihre Rechte") > strings.Index(back, "Fragen?") {
		t.Errorf("the last panel is not on the back before the contacts:\n%s", back)
	}
}

// A text too long for both sides is an error at the block where it
// stops fitting, and says how much to cut.
func TestFlyerTooLong(t *testing.T) {
	var body strings.Builder
	for i := range 30 {
		body.WriteString(sentence(i) + "\n\n")
	}
	_, _, err := build.Render(flyerSite(body.String()), nil, today)
	re := regexp.MustCompile(`content/flyer\.md:(\d+):1: der Text des Faltblatts ist etwa (\d+) Zeilen zu lang für zwei A5-Seiten.*Kürzen Sie ihn um etwa \d+ Wörter`)
	m := re.FindStringSubmatch(strings.ReplaceAll(errText(err), "\n", " "))
	if m == nil {
		t.Fatalf("err = %v", err)
	}
	// 30 paragraphs of two lines; the sides hold about 13 of them.
	if n, _ := strconv.Atoi(m[2]); n < 20 || n > 50 {
		t.Errorf("%d lines too long, want about 35: %v", n, err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// The model's flyer fits its two sides, with the web address and the
// QR code, and no line starts with punctuation cut off from its word.
func TestModelFlyer(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	var data []byte
	for _, f := range modelFiles(t) {
		if f.Path == "pdf/faltblatt-klienten-so-nutzen-wir-ki.pdf" {
			data = f.Data
		}
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if n := strings.Count(text, "\f"); n != 2 {
		t.Errorf("the model's flyer has %d pages, want 2", n)
	}
	for _, want := range []string{"So nutzen wir Künstliche", "Ein Mensch entscheidet", "Fragen? Sprechen Sie uns an.", "https://ki-leitlinien.example.org/", "klienten/so-nutzen-wir-ki/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the model's flyer lacks %q:\n%s", want, text)
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && strings.ContainsRune(".,;:!?“”)", []rune(l)[0]) {
			t.Errorf("a line starts with punctuation: %q", l)
		}
	}
}
