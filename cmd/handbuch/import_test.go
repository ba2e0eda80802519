package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// fixtureDocx is the Word document of internal/importdoc's tests.
var fixtureDocx = filepath.Join("..", "..", "internal", "importdoc", "testdata", "leitlinie.docx")

// listing is every file and folder under dir.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func runIn(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestImport: handbuch import writes the chapter and its pictures into
// content/, prints them and the hints, and never overwrites.
func TestImport(t *testing.T) {
	doc, err := filepath.Abs(fixtureDocx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("content", 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, "import", doc)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Geschrieben: content/einwilligung-in-ki-werkzeuge.md mit dem Titel „Einwilligung in KI-Werkzeuge“, dazu 2 Bilder: content/einwilligung-in-ki-werkzeuge-bild-1.png, content/einwilligung-in-ki-werkzeuge-bild-2.png.",
		"5 Hinweise:",
		"leitlinie.docx: Absatz 36 („Vor dem Textfeld steht…“): Textfeld übernommen als normaler Absatz, bitte prüfen",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	md, err := os.ReadFile("content/einwilligung-in-ki-werkzeuge.md")
	if err != nil || !bytes.HasPrefix(md, []byte("+++\ntitle = \"Einwilligung in KI-Werkzeuge\"\n")) {
		t.Fatalf("chapter: %v\n%s", err, md)
	}

	// A second import would overwrite: refused, nothing changes.
	code, _, stderr = runIn(t, "import", doc)
	if code != 1 || !strings.Contains(stderr, "content/einwilligung-in-ki-werkzeuge.md gibt es schon; handbuch import überschreibt nichts") {
		t.Errorf("second import: exit %d, %s", code, stderr)
	}
	// --nach names the chapter, and the pictures after it; the flag may
	// come after the document.
	code, _, stderr = runIn(t, "import", doc, "--nach", "content/anders.md")
	if code != 0 {
		t.Fatalf("--nach: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"content/anders.md", "content/anders-bild-1.png", "content/anders-bild-2.png"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("--nach: %v", err)
		}
	}
	if b, _ := os.ReadFile("content/anders.md"); !bytes.Contains(b, []byte("](anders-bild-1.png)")) {
		t.Errorf("--nach: the chapter does not show anders-bild-1.png:\n%s", b)
	}
	if b, _ := os.ReadFile("content/einwilligung-in-ki-werkzeuge.md"); !bytes.Equal(b, md) {
		t.Error("the refused second import changed the chapter")
	}
}

// TestImportBadInput: a file that is no Word document gets a German
// message and exit status 1, and nothing is written.
func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("content", 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("notiz.docx", []byte("nur Text"), 0o644)
	os.WriteFile("geheim.docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")...), 0o644)
	before := listing(t, dir)
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"import", "notiz.docx"}, 1, "notiz.docx ist kein Word-Dokument (.docx) und kein OpenDocument-Text (.odt): die Datei ist kein ZIP-Archiv. Speichern Sie das Dokument in Word oder LibreOffice als .docx. Es wurde nichts geschrieben."},
		{[]string{"import", "geheim.docx"}, 1, "geheim.docx ist mit einem Passwort geschützt."},
		{[]string{"import", "fehlt.docx"}, 1, "die Datei fehlt.docx gibt es nicht"},
		{[]string{"import", "content"}, 1, "content ist keine Datei"},
		{[]string{"import"}, 2, "nennen Sie genau ein Word-Dokument"},
		{[]string{"import", "a.docx", "b.docx"}, 2, "nennen Sie genau ein Word-Dokument"},
		{[]string{"import", "notiz.docx", "--nach", "kapitel.txt"}, 2, "--nach braucht den Namen einer Markdown-Datei"},
		{[]string{"import", "--bogus", "notiz.docx"}, 2, "unbekannte Option --bogus"},
	} {
		code, _, stderr := runIn(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%v: exit %d, %s\nwant %d, %q", tc.args, code, stderr, tc.code, tc.stderr)
		}
	}
	if after := listing(t, dir); after != before {
		t.Errorf("files changed:\n%s\nwas\n%s", after, before)
	}
}

// TestImportWithoutContent: outside a handbook, without --nach, import
// says where to run it and writes nothing.
func TestImportWithoutContent(t *testing.T) {
	doc, err := filepath.Abs(fixtureDocx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	code, _, stderr := runIn(t, "import", doc)
	if code != 1 || !strings.Contains(stderr, "hier gibt es keinen Ordner content/") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	code, _, stderr = runIn(t, "import", doc, "--nach", "neu/kapitel.md")
	if code != 1 || !strings.Contains(stderr, "den Ordner neu gibt es nicht") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if got := listing(t, dir); got != "." {
		t.Errorf("files written:\n%s", got)
	}
}
