package browsertest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAxeCorpusLabels derives axe-core's verdict for every case of the
// differential corpus (internal/check/testdata/axe) again in headless
// Chromium and fails when any differs from the stored label: axe-core or
// Chromium changed, or a case was edited without labelling it again
// (node axe-corpus.mjs --write ../check/testdata/axe). Like TestBrowser
// it runs in CI (CI set) or with HANDBUCH_BROWSER=1, and there it fails
// when Chromium, node or the npm packages are missing.
func TestAxeCorpusLabels(t *testing.T) {
	if os.Getenv("CI") == "" && os.Getenv("HANDBUCH_BROWSER") == "" {
		t.Skip("axe corpus labels: run in CI (.ci/run) or with HANDBUCH_BROWSER=1")
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
		t.Fatal("node is missing: axe-corpus.mjs drives Chromium with playwright-core")
	}
	for _, pkg := range []string{"axe-core", "playwright-core"} {
		if _, err := os.Stat(filepath.Join("node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("npm package %s is missing: run npm ci in internal/browsertest", pkg)
		}
	}
	corpus := filepath.Join("..", "check", "testdata", "axe")
	archives, err := filepath.Glob(filepath.Join(corpus, "*.txtar"))
	if err != nil || len(archives) == 0 {
		t.Fatalf("no archives in %s", corpus)
	}
	cases := 0
	for _, a := range archives {
		data, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
				cases++
			}
		}
	}

	report := filepath.Join(t.TempDir(), "axe-corpus.json")
	cmd := exec.Command(node, "axe-corpus.mjs", "--check", "--json", report, corpus)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("axe-corpus.mjs --check:\n%s", out)
	if err != nil {
		t.Fatalf("the axe verdicts differ from the stored labels (%v); if axe-core was updated on purpose, label again with node axe-corpus.mjs --write %s", err, corpus)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Axe, Chromium string
		Cases         []struct{ Rule, Case, Verdict string }
		Drift         []string
		Timing        struct{ LoadMsPerPage, AxeMsPerPage float64 }
	}
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Cases) != cases || len(r.Drift) != 0 {
		t.Fatalf("axe checked %d of %d cases, %d drifted", len(r.Cases), cases, len(r.Drift))
	}
	t.Logf("axe-core %s in Chromium %s: %d cases, %.1f ms per page to load, %.1f ms to run axe", r.Axe, r.Chromium, len(r.Cases), r.Timing.LoadMsPerPage, r.Timing.AxeMsPerPage)
}
