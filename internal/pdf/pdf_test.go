package pdf_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/pdf"
	"github.com/handbuch/handbuch/internal/pdfua"
	"github.com/handbuch/handbuch/internal/site"
	"github.com/handbuch/handbuch/internal/tooltest"
)

var today = load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}

// The model handbook and the fixture project are rendered once for all
// the tests that only read them.
var (
	modelRender   = sync.OnceValues(func() ([]site.File, error) { return render(handbuch.Model()) })
	fixtureRender = sync.OnceValues(func() ([]site.File, error) { return render(os.DirFS("testdata/tagged")) })
)

func render(project fs.FS) ([]site.File, error) {
	files, _, err := build.Render(project, nil, today)
	return files, err
}

// modelFiles are the files of the model handbook.
func modelFiles(t *testing.T) []site.File {
	t.Helper()
	files, err := modelRender()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// handbookPDF is the PDF of the whole handbook among files.
func handbookPDF(t *testing.T, files []site.File) []byte {
	t.Helper()
	for _, f := range files {
		if strings.HasPrefix(f.Path, "pdf/") {
			return f.Data
		}
	}
	t.Fatal("no PDF")
	return nil
}

func TestReproducible(t *testing.T) {
	again, err := render(handbuch.Model())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(handbookPDF(t, modelFiles(t)), handbookPDF(t, again)) {
		t.Error("two renderings of the same handbook differ")
	}
}

func TestMetadata(t *testing.T) {
	data := pdf.Expand(handbookPDF(t, modelFiles(t)))
	for _, want := range []string{"/Lang (de-DE)", "/Type /Outlines", "/FontFile2"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
}

// tool returns the path of a command-line tool; in CI a missing tool is a
// failure, elsewhere the test is skipped.
func tool(t *testing.T, name string) string {
	t.Helper()
	return tooltest.Path(t, name)
}

func TestWithPoppler(t *testing.T) {
	pdftotext, pdffonts, pdfinfo := tool(t, "pdftotext"), tool(t, "pdffonts"), tool(t, "pdfinfo")
	qpdf := tool(t, "qpdf")
	file := filepath.Join(t.TempDir(), "handbuch.pdf")
	if err := os.WriteFile(file, handbookPDF(t, modelFiles(t)), 0o644); err != nil {
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

// A character the font lacks is an error in a table cell too.
func TestMissingGlyphInTable(t *testing.T) {
	fs := fstest.MapFS{
		"handbuch.toml":     {Data: []byte("title = \"T\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
		"content/a.md":      {Data: []byte("+++\ntitle = \"A\"\n+++\nTabelle: Stimmung\n\n| Wer | Wie |\n|---|---|\n| Team | 😀 |\n")},
	}
	_, _, err := build.Render(fs, nil, today)
	if err == nil || !strings.Contains(err.Error(), "content/a.md:") || !strings.Contains(err.Error(), "(U+1F600) fehlt in der Schrift des PDF") {
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
	files := modelFiles(t)
	got := map[string][]byte{}
	pages := map[string][]byte{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, "pdf/") {
			got[f.Path] = pdf.Expand(f.Data)
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

var update = flag.Bool("update", false, "rewrite the golden structure trees in testdata/struct")

// fixturePDFs are the PDFs of the fixture project testdata/tagged by file
// name, in a map of the caller's own.
func fixturePDFs(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := fixtureRender()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if name, ok := strings.CutPrefix(f.Path, "pdf/"); ok {
			out[name] = f.Data
		}
	}
	if len(out) != 4 {
		t.Fatalf("fixture PDFs: %d, want 4 (handbook, form, flyer, checklist)", len(out))
	}
	return out
}

// TestStructureTree compares the tag tree poppler reads from each PDF of
// the fixture project with the golden file: headings, paragraphs, lists,
// the table with header cells, links, figures with their boxes.
func TestStructureTree(t *testing.T) {
	pdfinfo := tool(t, "pdfinfo")
	dir := t.TempDir()
	for name, data := range fixturePDFs(t) {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdfinfo, "-struct-text", file).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo -struct-text %s: %v\n%s", name, err, out)
		}
		golden := filepath.Join("testdata", "struct", strings.TrimSuffix(name, ".pdf")+".txt")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, out, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update once)", err)
		}
		if !bytes.Equal(out, want) {
			t.Errorf("structure tree of %s differs from %s:\n%s", name, golden, out)
		}
	}
}

// TestTaggedWithTools checks every PDF of the model handbook with qpdf,
// poppler and pdfcpu's strict validator.
func TestTaggedWithTools(t *testing.T) {
	qpdf, pdfinfo, pdfcpu := tool(t, "qpdf"), tool(t, "pdfinfo"), tool(t, "pdfcpu")
	files := modelFiles(t)
	dir := t.TempDir()
	n := 0
	for _, f := range files {
		if !strings.HasPrefix(f.Path, "pdf/") {
			continue
		}
		n++
		file := filepath.Join(dir, filepath.Base(f.Path))
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, c := range [][]string{{qpdf, "--check", file}, {pdfcpu, "validate", "-m", "strict", file}} {
			if out, err := exec.Command(c[0], c[1:]...).CombinedOutput(); err != nil {
				t.Errorf("%s: %v\n%s", strings.Join(c, " "), err, out)
			}
		}
		out, err := exec.Command(pdfinfo, file).CombinedOutput()
		if err != nil || !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(out) {
			t.Errorf("pdfinfo %s: not tagged (%v)\n%s", f.Path, err, out)
		}
	}
	if n < 9 {
		t.Errorf("the model has %d PDFs, want at least 9", n)
	}
}

// TestPDFUA runs our PDF/UA checker (internal/pdfua) on every PDF of the
// model handbook and of the fixture project: content tagged or artifact,
// MCIDs in the parent tree, Figures with Alt, headings without gaps,
// tables with scoped header cells, links with OBJR and Contents, language,
// title, metadata, embedded fonts with Unicode maps, outline counts.
func TestPDFUA(t *testing.T) {
	files := modelFiles(t)
	all := fixturePDFs(t)
	for _, f := range files {
		if strings.HasPrefix(f.Path, "pdf/") {
			all["model/"+f.Path] = f.Data
		}
	}
	for name, data := range all {
		problems, err := pdfua.Check(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, p := range problems {
			t.Errorf("%s: %s: %s", name, p.Rule, p.Msg)
		}
		doc, err := pdfua.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		types := strings.Join(doc.StructTypes(), " ")
		if !strings.HasPrefix(types, "Document ") || !strings.Contains(types, " H1 ") {
			t.Errorf("%s: structure %.200s…", name, types)
		}
	}
}

// TestLinkTargets follows the link annotations of the fixture handbook:
// a footnote number jumps to its note on the same page, a link to the
// list of checklists to their part (its heading, on the page of the
// first checklist), the TOC rows to their chapters, an address stays an URI.
func TestLinkTargets(t *testing.T) {
	data := pdf.Expand(fixturePDFs(t)["probe-handbuch.pdf"])
	kids := regexp.MustCompile(`/Kids \[([^\]]*)\]`).FindSubmatch(data)
	pageOf := map[string]int{}
	for i, ref := range regexp.MustCompile(`(\d+) 0 R`).FindAllSubmatch(kids[1], -1) {
		pageOf[string(ref[1])] = i + 1
	}
	got := map[string]string{}
	// /Contents is in PDFDocEncoding (Latin-1 here) or UTF-16BE.
	for _, m := range regexp.MustCompile(`/Contents (?:<FEFF([0-9A-F]*)>|\(((?:[^()\\]|\\.)*)\)) (/Dest \[(\d+) 0 R|/A <</S /URI /URI \(([^)]*)\))`).FindAllSubmatch(data, -1) {
		var text []rune
		for i := 0; i+4 <= len(m[1]); i += 4 {
			r, _ := strconv.ParseUint(string(m[1][i:i+4]), 16, 16)
			text = append(text, rune(r))
		}
		for i := 0; i < len(m[2]); i++ {
			if m[2][i] == '\\' {
				i++
			}
			text = append(text, rune(m[2][i]))
		}
		if len(m[4]) > 0 {
			got[string(text)] = fmt.Sprint("page ", pageOf[string(m[4])])
		} else {
			got[string(text)] = string(m[5])
		}
	}
	for contents, want := range map[string]string{
		"Fußnote 1":            "page 4",
		"allen Checklisten":    "page 7",
		"Checklisten, Seite 7": "page 7",
		"Start, Seite 3":       "page 3",
		"Glossar, Seite 8":     "page 8",
		"Glossar":              "page 8",
		"Ein Kapitel, Seite 4": "page 4",
		"https://example.org/": "https://example.org/",
	} {
		if got[contents] != want {
			t.Errorf("link %q goes to %q, want %q (all: %v)", contents, got[contents], want, got)
		}
	}
}

// TestPictures lists the images of the fixture's PDFs with poppler: the
// logo (an SVG, drawn with its transparency as a soft mask) on the cover,
// the chapter's diagram and the flyer's photo and decoration in the
// handbook; logo (on the front), photo and decoration in the flyer; each at its own
// size, the diagram embedded once for both places.
func TestPictures(t *testing.T) {
	pdfimages := tool(t, "pdfimages")
	dir := t.TempDir()
	for name, want := range map[string][]string{
		"probe-handbuch.pdf":      {"image    1200   400", "smask    1200   400", "600   160", "800   500  rgb     3   8  jpeg", "600   160"},
		"faltblatt-faltblatt.pdf": {"image    1200   400", "smask    1200   400", "800   500  rgb     3   8  jpeg", "600   160"},
		"formular.pdf":            nil,
	} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, fixturePDFs(t)[name], 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdfimages, "-list", file).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfimages -list %s: %v\n%s", name, err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		if len(lines) != len(want) {
			t.Errorf("%s has %d images, want %d:\n%s", name, len(lines), len(want), out)
			continue
		}
		for i, w := range want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("%s image %d: %q, want %q", name, i+1, lines[i], w)
			}
		}
		if name == "probe-handbuch.pdf" {
			if first, last := strings.Fields(lines[2]), strings.Fields(lines[4]); first[10] != last[10] {
				t.Errorf("the diagram is embedded twice: objects %s and %s", first[10], last[10])
			}
		}
	}
}
