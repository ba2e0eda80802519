package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
)

var today = load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}

// modelPDF builds the model handbook in memory and returns its PDF.
func modelPDF(t *testing.T) []byte {
	t.Helper()
	files, _, err := build.Render(handbuch.Model(), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "pdf/") {
			return f.Data
		}
	}
	t.Fatal("no PDF")
	return nil
}

func TestReproducible(t *testing.T) {
	if !bytes.Equal(modelPDF(t), modelPDF(t)) {
		t.Error("two renderings of the same handbook differ")
	}
}

func TestMetadata(t *testing.T) {
	pdf := modelPDF(t)
	for _, want := range []string{"/Lang (de-DE)", "/Type /Outlines", "/FontFile2"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
}

// tool returns the path of a command-line tool; in CI a missing tool is a
// failure, elsewhere the test is skipped.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("HANDBUCH_TOOLS") != "" {
			t.Fatalf("%s is missing: install poppler-utils and qpdf, as .ci/run does", name)
		}
		t.Skipf("%s not installed (runs in CI)", name)
	}
	return p
}

func TestWithPoppler(t *testing.T) {
	pdftotext, pdffonts, pdfinfo := tool(t, "pdftotext"), tool(t, "pdffonts"), tool(t, "pdfinfo")
	qpdf := tool(t, "qpdf")
	file := filepath.Join(t.TempDir(), "handbuch.pdf")
	if err := os.WriteFile(file, modelPDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) string {
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return string(out)
	}
	text := run(pdftotext, "-layout", file, "-")
	for _, want := range []string{"Präambel: Mission und Werte", "Datenschutz-Grundverordnung", "„", "Seite 3 von", "Glossar", "Geprüft von"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	fonts := run(pdffonts, file)
	for _, l := range strings.Split(fonts, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 4 && f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	info := run(pdfinfo, file)
	if !strings.Contains(info, "Title:           KI-Leitlinien für Organisationen der Sozialwirtschaft") || !strings.Contains(info, "Page size:       595.28 x 841.89 pts (A4)") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	if out := run(qpdf, "--check", file); !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestMissingGlyphIsAnError(t *testing.T) {
	fs := fstest.MapFS{
		"handbuch.toml":     {Data: []byte("title = \"T\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
		"content/a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nEin Text.\n\nMit Smiley 😀 hier.\n")},
	}
	_, _, err := build.Render(fs, nil, today)
	if err == nil || !strings.Contains(err.Error(), "content/a.md:6:1: das Zeichen \"😀\" (U+1F600) fehlt in der Schrift des PDF") {
		t.Errorf("err = %v", err)
	}
}

func TestLongWordsAreHyphenated(t *testing.T) {
	word := strings.Repeat("Datenschutzgrundverordnungsverarbeitung", 3)
	fs := fstest.MapFS{
		"handbuch.toml":     {Data: []byte("title = \"T\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\n" + word + " und " + strings.Repeat("x", 200) + "\n")},
	}
	_, _, err := build.Render(fs, nil, today)
	if err == nil || !strings.Contains(err.Error(), "content/_index.md:4:1: das Wort „"+strings.Repeat("x", 200)+"“ ist zu lang für eine Zeile") {
		t.Errorf("err = %v", err)
	}
}

func TestModelPDFs(t *testing.T) {
	files, _, err := build.Render(handbuch.Model(), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	pages := map[string][]byte{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "pdf/") {
			got[f.Path] = f.Data
		}
		pages[f.Path] = f.Data
	}
	for _, want := range []string{
		"pdf/checkliste-vor-dem-einsatz.pdf", "pdf/checkliste-bias-check.pdf",
		"pdf/vorlagen-einwilligung.pdf", "pdf/vorlagen-einwilligung-einfache-sprache.pdf", "pdf/vorlagen-projektantrag.pdf",
		"pdf/faltblatt-klienten-so-nutzen-wir-ki.pdf",
	} {
		if len(got[want]) == 0 {
			t.Errorf("missing %s", want)
		}
	}
	if !bytes.Contains(got["pdf/faltblatt-klienten-so-nutzen-wir-ki.pdf"], []byte("/MediaBox [0 0 420.94 595.28]")) {
		t.Error("the flyer is not A5")
	}
	for page, want := range map[string]string{
		"index.html":                             `<a href="pdf/ki-leitlinien-fuer-organisationen-der-sozialwirtschaft.pdf">Das ganze Handbuch als PDF herunterladen (PDF, `,
		"vorlagen/einwilligung/index.html":       `<a href="../../pdf/vorlagen-einwilligung.pdf">Als PDF zum Ausdrucken herunterladen (PDF, `,
		"checklisten/vor-dem-einsatz/index.html": `<a href="../../pdf/checkliste-vor-dem-einsatz.pdf">Als PDF zum Ausdrucken herunterladen (PDF, `,
		"klienten/so-nutzen-wir-ki/index.html":   `<a href="../../pdf/faltblatt-klienten-so-nutzen-wir-ki.pdf">Als Faltblatt zum Ausdrucken herunterladen (PDF, `,
	} {
		if !bytes.Contains(pages[page], []byte(want)) {
			t.Errorf("%s does not offer its PDF: %s", page, want)
		}
	}
}

func TestFlyerQRCodeAndNoHyphens(t *testing.T) {
	site := func(text string) fstest.MapFS {
		return fstest.MapFS{
			"handbuch.toml":     {Data: []byte("title = \"T\"\nbase_url = \"https://intranet.example.org/hb/\"\norganisation = \"Träger\"\n")},
			"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
			"content/flyer.md":  {Data: []byte("+++\ntitle = \"Für Sie\"\nflyer = true\nplain = true\n+++\n" + text + "\n")},
		}
	}
	files, _, err := build.Render(site("Wir helfen Ihnen gern."), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	var flyer []byte
	for _, f := range files {
		if f.Path == "pdf/faltblatt-flyer.pdf" {
			flyer = f.Data
		}
	}
	if flyer == nil {
		t.Fatal("no flyer")
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		file := filepath.Join(t.TempDir(), "f.pdf")
		os.WriteFile(file, flyer, 0o644)
		out, _ := exec.Command(pdftotext, file, "-").Output()
		if !strings.Contains(string(out), "Diese Seite im Internet:") || !strings.Contains(string(out), "https://intranet.example.org/hb/flyer/") {
			t.Errorf("flyer text:\n%s", out)
		}
	}
	// A word too long for an A5 line is an error on a flyer: no hyphenation there.
	_, _, err = build.Render(site("Das ist die "+strings.Repeat("Datenschutzgrundverordnung", 4)+"."), nil, today)
	if err == nil || !strings.Contains(err.Error(), "content/flyer.md:6:1: das Wort") {
		t.Errorf("err = %v", err)
	}
}
