package browsertest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/pdfua"
)

// TestPrintedFormsMatchPDF prints the form pages from Chromium on A4, as
// a reader does with the browser's print dialog, and compares the pages
// with our PDF of the same form: the print stylesheet draws the fields
// as lines to write on and starts the part only for the organisation on
// a new page, so both come to the same number of pages, give or take
// one. Like TestBrowser it runs in CI or with HANDBUCH_BROWSER=1.
func TestPrintedFormsMatchPDF(t *testing.T) {
	if os.Getenv("CI") == "" && os.Getenv("HANDBUCH_BROWSER") == "" {
		t.Skip("browser test: runs in CI (.ci/run) or with HANDBUCH_BROWSER=1")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("Chromium is missing (%v): install Debian's chromium package, as .ci/run does", err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is missing: the browser test drives Chromium with playwright-core")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core", "package.json")); err != nil {
		t.Fatal("npm package playwright-core is missing: run npm ci in internal/browsertest")
	}
	files, _, _, err := build.Make(handbuch.Model(), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	forms := map[string]string{
		"/vorlagen/einwilligung/":                  "pdf/vorlagen-einwilligung.pdf",
		"/vorlagen/einwilligung-einfache-sprache/": "pdf/vorlagen-einwilligung-einfache-sprache.pdf",
		"/vorlagen/projektantrag/":                 "pdf/vorlagen-projektantrag.pdf",
	}
	args := []string{"print-pages.mjs", srv.URL}
	for p := range forms {
		args = append(args, p)
	}
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("print-pages.mjs: %v", err)
	}
	var printed map[string]int
	if err := json.Unmarshal(out, &printed); err != nil {
		t.Fatalf("print-pages.mjs: %v\n%s", err, out)
	}
	for p, file := range forms {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfua.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		ours := doc.Pages()
		t.Logf("%s: printed from the browser %d pages, our PDF %d", p, printed[p], ours)
		if ours == 0 || printed[p] < ours-1 || printed[p] > ours+1 {
			t.Errorf("%s: printed from the browser %d pages, our PDF %s has %d; want the same, give or take one", p, printed[p], file, ours)
		}
	}
}
