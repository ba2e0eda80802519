package browsertest

import (
	"context"
	"io/fs"
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
	"github.com/handbuch/handbuch/internal/importdoc"
	"github.com/handbuch/handbuch/internal/load"
)

// TestBrowserImported runs axe-core and the other browser checks of
// a11y.mjs on a chapter made by handbuch import from the Word fixture of
// internal/importdoc, added to the model handbook (whose search a11y.mjs
// tries on the first page). Like TestBrowser it runs in CI or with
// HANDBUCH_BROWSER=1 and then fails when a tool is missing.
func TestBrowserImported(t *testing.T) {
	chromium, node := browserTools(t)

	data, err := os.ReadFile(filepath.Join("..", "importdoc", "testdata", "leitlinie.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := importdoc.Read("leitlinie.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	slug := importdoc.Slug(doc.Title())
	ch := doc.Chapter(slug)
	// The editor gives the picture without alternative text one, as the
	// hint asks; without it the build stops.
	md := strings.Replace(string(ch.Markdown), "![](", "![Ein roter Kreis als Zeichen für Vorsicht.](", 1)
	project := t.TempDir()
	files := map[string][]byte{"content/" + slug + ".md": []byte(md)}
	err = fs.WalkDir(handbuch.Model(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(handbuch.Model(), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, img := range ch.Images {
		files["content/"+img.Name] = img.Data
	}
	for name, b := range files {
		p := filepath.Join(project, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, _, err := build.Make(os.DirFS(project), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(context.Background(), dir, out); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	cmd := exec.Command(node, "a11y.mjs", srv.URL, "/"+slug+"/")
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	report, err := cmd.CombinedOutput()
	t.Logf("a11y.mjs on the imported chapter:\n%s", report)
	if err != nil {
		t.Fatalf("browser checks failed: %v", err)
	}
	if !regexp.MustCompile(`(?m)^1 passed, 0 failed$`).Match(report) {
		t.Fatal("a11y.mjs did not report 1 passed, 0 failed")
	}
}
