package browsertest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
)

// TestBrowser needs Chromium, Node and the npm packages. It runs in CI
// (CI set) or with HANDBUCH_BROWSER=1, and there it fails when anything is
// missing; a plain go test on a machine with only Go skips it.
func TestBrowser(t *testing.T) {
	chromium, node := browserTools(t)

	files, h, _, err := build.Make(handbuch.Model(), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	// The same build as handbuch build --offline writes it, opened from disk.
	offline := filepath.Join(t.TempDir(), "offline")
	if err := build.Write(context.Background(), offline, build.Offline(files)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	paths := []string{"/druck/", "/404.html", "/pruefbericht/", "/barrierefreiheit/", "/suche/"}
	for _, p := range h.Pages {
		paths = append(paths, p.URL)
	}
	report := filepath.Join(t.TempDir(), "a11y.json")
	cmd := exec.Command(node, append([]string{"a11y.mjs", "--json", report, "--offline", offline, srv.URL}, paths...)...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("a11y.mjs on %d pages:\n%s", len(paths), out)
	if err != nil {
		t.Fatalf("browser checks failed: %v", err)
	}
	if !regexp.MustCompile(`(?m)^\d+ passed, 0 failed$`).Match(out) {
		t.Fatal("a11y.mjs did not report its summary")
	}

	// The glossary pop-up must really have been tried, by keyboard.
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	type tried struct {
		Present bool
		Steps   [][]any
	}
	var results struct {
		Results []struct {
			Path      string
			Popup     *tried
			Checklist *tried
			SelfCheck *tried
			Search    *tried
			NoScript  *tried
			Forgives  *tried
			Offline   *tried
		}
	}
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatal(err)
	}
	popups, checklists, selfChecks, searches, noScript, forgives, offlines := 0, 0, 0, 0, 0, 0, 0
	for _, r := range results.Results {
		if r.Popup != nil && r.Popup.Present && len(r.Popup.Steps) == 4 {
			popups++
		}
		if r.Checklist != nil && r.Checklist.Present && len(r.Checklist.Steps) == 3 {
			checklists++
		}
		if r.SelfCheck != nil && r.SelfCheck.Present && len(r.SelfCheck.Steps) == 3 {
			selfChecks++
		}
		if r.Search != nil && r.Search.Present && len(r.Search.Steps) == 3 {
			searches++
		}
		if r.NoScript != nil && r.NoScript.Present && r.Path == "/suche/" {
			noScript++
		}
		// typo, "Meinten Sie", stop words, compound, Arabic typed,
		// Arabic variants, the reader's language first
		if r.Forgives != nil && r.Forgives.Present && len(r.Forgives.Steps) == 7 && r.Path == "/suche/" {
			forgives++
		}
		// start, four links, search, first result, axe
		if r.Offline != nil && r.Offline.Present && len(r.Offline.Steps) == 8 {
			offlines++
		}
	}
	if popups < len(h.Pages)/2 {
		t.Errorf("the glossary pop-up was tried on %d of %d pages; want most pages to have linked terms", popups, len(paths))
	}
	// Every checklist page, and the print view that holds them all.
	if checklists < len(h.Checklists) {
		t.Errorf("checklists were ticked by keyboard on %d pages, want at least %d", checklists, len(h.Checklists))
	}
	if searches != 1 {
		t.Errorf("the search was tried from the header form %d times, want once", searches)
	}
	if noScript != 1 {
		t.Errorf("the search page was checked without JavaScript %d times, want once", noScript)
	}
	if forgives != 1 {
		t.Errorf("typos, stop words, compounds and other languages were searched at 320px %d times, want once", forgives)
	}
	if offlines != 1 {
		t.Errorf("the --offline copy was walked from file:// %d times, want once", offlines)
	}
	if selfChecks < 2 { // the self-check page and the project application
		t.Errorf("the traffic-light self-check was used by keyboard on %d pages, want at least 2", selfChecks)
	}
}

// browserTools returns Chromium and node for a browser test, after
// checking that they and the npm packages are there. It skips the test
// outside CI unless HANDBUCH_BROWSER is set, and fails it there when a
// tool is missing.
func browserTools(t *testing.T) (chromium, node string) {
	t.Helper()
	if os.Getenv("CI") == "" && os.Getenv("HANDBUCH_BROWSER") == "" {
		t.Skip("browser test: runs in CI (.ci/run) or with HANDBUCH_BROWSER=1")
	}
	chromium = os.Getenv("CHROMIUM")
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
	for _, pkg := range []string{"axe-core", "playwright-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("npm package %s is missing: run npm ci in internal/browsertest", pkg)
		}
	}
	return chromium, node
}
