package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
)

// TestClientArea opens every client page of the model handbook in
// Chromium at 320 and 1280 px (client.mjs): the client navigation and not
// the staff one, body type of at least 20 px, no line over 60
// characters, tap targets of 44 px, no axe violation. The staff start
// page must fail the same checks, so that they are known to bite. Like
// TestBrowser it runs in CI or with HANDBUCH_BROWSER=1.
func TestClientArea(t *testing.T) {
	chromium, node := browserTools(t)
	files, h, _, err := build.Make(handbuch.Model(), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	var paths []string
	for _, p := range h.Pages {
		if p.ForClients() {
			paths = append(paths, p.URL)
		}
	}
	if len(paths) < 7 { // the section, its five pages, the plain consent form
		t.Fatalf("%d client pages in the model, want at least 7", len(paths))
	}
	run := func(paths ...string) (string, error) {
		cmd := exec.Command(node, append([]string{"client.mjs", srv.URL}, paths...)...)
		cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run(paths...)
	t.Logf("client.mjs on %d pages:\n%s", len(paths), out)
	if err != nil {
		t.Fatalf("client area checks failed: %v", err)
	}
	if want := regexp.MustCompile(`(?m)^(\d+) passed, 0 failed$`).FindStringSubmatch(out); want == nil || want[1] != strconv.Itoa(2*len(paths)) {
		t.Fatalf("client.mjs did not pass all %d pages at both widths", len(paths))
	}
	// The staff start page has the staff layout: the checks must say so.
	out, err = run("/")
	if err == nil || !regexp.MustCompile(`no client navigation shown`).MatchString(out) || !regexp.MustCompile(`font 18px`).MatchString(out) {
		t.Errorf("the staff start page passed the client checks:\n%s", out)
	}
}
