package importdoc_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/importdoc"
)

// project is a small handbook the imported chapter joins.
const project = `-- handbuch.toml --
title = "Testhandbuch"
organisation = "Testträger e. V."
contact = "feedback@example.org"
review_months = 24
-- content/_index.md --
+++
title = "Willkommen"
+++
Die Startseite.
`

// importInto converts the fixture into dir/content as handbuch import
// does and returns the chapter's path.
func importInto(t *testing.T, dir, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := importdoc.Read(filepath.Base(file), data)
	if err != nil {
		t.Fatal(err)
	}
	slug := importdoc.Slug(doc.Title())
	ch := doc.Chapter(slug)
	write(t, filepath.Join(dir, "content", slug+".md"), ch.Markdown)
	for _, img := range ch.Images {
		write(t, filepath.Join(dir, "content", img.Name), img.Data)
	}
	return filepath.Join(dir, "content", slug+".md")
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImportedChapterBuilds: the imported chapter joins a handbook. The
// picture without alternative text stops the build at its line, as the
// hint said; once the editor writes one, the build passes every check
// and the page shows the document's constructs. The same for the
// OpenDocument text of the same source.
func TestImportedChapterBuilds(t *testing.T) {
	for _, file := range []string{"testdata/leitlinie.docx", "testdata/leitlinie.odt"} {
		t.Run(filepath.Ext(file)[1:], func(t *testing.T) { testImportedChapterBuilds(t, file) })
	}
}

func testImportedChapterBuilds(t *testing.T, file string) {
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(project)).Files {
		write(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
	chapter := importInto(t, dir, file)

	_, err := build.Build(context.Background(), build.Options{Source: dir, Dest: "public", NoPDF: true})
	if err == nil {
		t.Fatal("the picture without alternative text was built")
	}
	msg := err.Error()
	if !strings.Contains(msg, "content/einwilligung-in-ki-werkzeuge.md:") || !strings.Contains(msg, "einwilligung-in-ki-werkzeuge-bild-2.png") || !strings.Contains(msg, "keinen Alternativtext") {
		t.Fatalf("build error does not name the picture without alternative text:\n%s", msg)
	}
	if n := strings.Count(strings.TrimSpace(msg), "\n") + 1; n != 1 {
		t.Errorf("want the one error of the missing alternative text, got %d:\n%s", n, msg)
	}

	// The editor follows the hint.
	src, err := os.ReadFile(chapter)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(src), "![](", "![Ein roter Kreis als Zeichen für Vorsicht.](", 1)
	write(t, chapter, []byte(fixed))
	res, err := build.Build(context.Background(), build.Options{Source: dir, Dest: "public"})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	for _, f := range res.Findings {
		if f.Severity == check.Error || f.Severity == check.Warning {
			t.Errorf("finding: %s", f)
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "public", "einwilligung-in-ki-werkzeuge", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, want := range []string{
		"<h1", "Einwilligung in KI-Werkzeuge</h1>",
		">Worum es geht</h2>",
		"<strong>jede</strong>",
		"<em>Vorstand</em>",
		"§\u00a035 SGB I",
		"*Sternchen*, _Unterstriche_, [Klammern](nicht) und &lt;b&gt;Spitzen&lt;/b&gt;",
		"eintragen",
		"Shortcode.<br>",
		"1. Januar ist der Stichtag",
		"# Keine Überschrift",
		"<th", ">Werkzeug</th>", "Pflegeberichte diktieren | schneller schreiben",
		`href="https://www.datenschutzkonferenz-online.de/"`,
		`alt="Ein blaues Rechteck als Platzhalter für das Logo der Einrichtung."`,
		"Datenschutz-Grundverordnung, Art. 9.",
		"Wichtig: Niemals Namen von Klienten eingeben.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Checked once more from outside, as handbuch check does.
	var files []check.File
	public := filepath.Join(dir, "public")
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css")) {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(public, p)
		files = append(files, check.File{Path: filepath.ToSlash(rel), Data: b})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files checked", len(files))
	for _, f := range check.Site(files) {
		if f.Severity == check.Error || f.Severity == check.Warning {
			t.Errorf("handbuch check: %s", f)
		}
	}
}
