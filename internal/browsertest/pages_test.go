package browsertest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
)

// TestCalmPages runs pages.mjs on the model handbook: the glossary
// pop-ups on the chapter with the most linked terms, tables at 320 px,
// the way back to A–Z on the glossary page, undo after clearing a
// checklist and the register's cards (issue 19). Like TestBrowser it runs
// in CI or with HANDBUCH_BROWSER=1 and fails there when a tool is
// missing. HANDBUCH_SCREENSHOTS=DIR keeps screenshots of the pages at 320
// and 1280 px in DIR.
func TestCalmPages(t *testing.T) {
	chromium, node := browserTools(t)

	// Our own checks on the model are asserted in internal/build's
	// TestModelHandbook.
	files, _, _, err := build.Make(handbuch.Model(), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}

	// The chapter with the most linked terms and a chapter with a table,
	// found in the built pages rather than named, so the test follows the
	// model as it changes.
	var terms, table string
	most := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, "index.html") || !strings.HasPrefix(f.Path, "leitlinien/") {
			continue
		}
		url := "/" + strings.TrimSuffix(f.Path, "index.html")
		if n := bytes.Count(f.Data, []byte(`class="begriff"`)); n > most {
			terms, most = url, n
		}
		if table == "" && bytes.Contains(f.Data, []byte(`<div class="tabelle karten"`)) {
			table = url
		}
	}
	if terms == "" || table == "" {
		t.Fatalf("the model has no chapter with terms (%q) or with a table (%q)", terms, table)
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	args := []string{"pages.mjs"}
	if shots := os.Getenv("HANDBUCH_SCREENSHOTS"); shots != "" {
		args = append(args, "--shots", shots)
	}
	args = append(args, srv.URL, terms, table, "/glossar/", "/checklisten/vor-dem-einsatz/", "/ki-register/")
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("pages.mjs (%s has %d term links, %s a table):\n%s", terms, most, table, out)
	if err != nil {
		t.Fatalf("pages.mjs failed: %v", err)
	}
	if !regexp.MustCompile(`(?m)^5 passed, 0 failed$`).Match(out) {
		t.Fatal("pages.mjs did not run its five checks")
	}
}
