package paper_test

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/paper"
	"github.com/handbuch/handbuch/internal/tooltest"
)

var today = load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}

// modelRender renders the model handbook once for every test that reads
// its PDFs.
var modelRender = sync.OnceValues(func() (map[string][]byte, error) { return renderPDFs(handbuch.Model()) })

// renderPDFs builds project in memory and returns its PDFs by file name.
func renderPDFs(project fs.FS) (map[string][]byte, error) {
	files, _, err := build.Render(project, nil, today)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range files {
		if name, ok := strings.CutPrefix(f.Path, "pdf/"); ok {
			out[name] = f.Data
		}
	}
	return out, nil
}

func modelPDFs(t *testing.T) map[string][]byte {
	t.Helper()
	pdfs, err := modelRender()
	if err != nil {
		t.Fatal(err)
	}
	if len(pdfs) < 9 {
		t.Fatalf("the model has %d PDFs, want at least 9", len(pdfs))
	}
	return pdfs
}

// tool returns the path of a command-line tool; in CI a missing tool is a
// failure, elsewhere the test is skipped.
func tool(t *testing.T, name string) string {
	t.Helper()
	return tooltest.Path(t, name)
}

// read gives a PDF to qpdf and reads its lines.
func read(t *testing.T, data []byte) *paper.Doc {
	t.Helper()
	qpdf := tool(t, "qpdf")
	file := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file, "-").Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	doc, err := paper.Read(out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestReadSplitParagraph builds a project whose long paragraph cannot fit
// on one page and reads the PDF back: the paragraph is one element with
// lines on two pages, in order and complete; the heading and the list label
// are told apart; the running header and
// footer are artifacts.
func TestReadSplitParagraph(t *testing.T) {
	var words []string
	for i := range 900 {
		words = append(words, "Wort"+strings.Repeat("x", i%7))
	}
	long := strings.Join(words, " ") + "."
	project := fstest.MapFS{
		"handbuch.toml":     {Data: []byte("title = \"Probe\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"Start\"\n+++\nHallo.\n")},
		"content/a.md":      {Data: []byte("+++\ntitle = \"Kapitel\"\n+++\n## Lang\n\n" + long + "\n\n- Punkt eins\n- Punkt zwei\n")},
	}
	pdfs, err := renderPDFs(project)
	if err != nil {
		t.Fatal(err)
	}
	var handbook []byte
	for name, data := range pdfs {
		if !strings.HasPrefix(name, "faltblatt-") {
			handbook = data
		}
	}
	doc := read(t, handbook)
	pages := map[int]bool{}
	var text []string
	elem := 0
	heading, label, header, footer := false, false, false, false
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			switch {
			case strings.HasPrefix(l.Text, "Wort") && l.Type == "P":
				if elem == 0 {
					elem = l.Elem
				}
				if l.Elem != elem {
					t.Fatalf("page %d: the paragraph has lines of two elements, %d and %d", p.Number, elem, l.Elem)
				}
				pages[p.Number] = true
				text = append(text, l.Text)
			case l.Type == "H2" && l.Text == "Lang":
				heading = true
			case l.Type == "Lbl" && l.Text == "•":
				label = true
			case l.Artifact == "Header":
				header = true
			case l.Artifact == "Footer":
				footer = strings.Contains(l.Text, "Seite") || footer
			}
		}
	}
	if len(pages) < 2 {
		t.Errorf("the long paragraph is on pages %v, want two or more", pages)
	}
	if got := strings.Join(text, " "); got != long {
		t.Errorf("the paragraph read back differs:\n%.300s…", got)
	}
	if !heading || !label || !header || !footer {
		t.Errorf("heading %v, list label %v, header %v, footer with page number %v", heading, label, header, footer)
	}
}

// TestPaperQuality reads every PDF of the model handbook and reports the
// typographic defects paper.Check finds (widows and orphans, lines
// beginning with punctuation or a footnote mark, headings at a page's
// foot, text crowding the running header or footer), with file, page and
// the line concerned. It fails on any finding.
func TestPaperQuality(t *testing.T) {
	pdfs := modelPDFs(t)
	count := map[paper.Kind]int{}
	for _, name := range slices.Sorted(maps.Keys(pdfs)) {
		for _, f := range paper.Check(read(t, pdfs[name]), paper.Options{}) {
			count[f.Kind]++
			t.Errorf("%s: %s", name, f)
		}
	}
	var summary []string
	for _, k := range paper.Kinds {
		summary = append(summary, fmt.Sprint(k, " ", count[k]))
	}
	t.Log("findings: " + strings.Join(summary, ", "))
}
