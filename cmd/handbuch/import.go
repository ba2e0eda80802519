package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/handbuch/handbuch/internal/importdoc"
	"github.com/handbuch/handbuch/internal/term"
)

// maxImport is the largest document handbuch import reads.
const maxImport = 100 << 20

// importDoc turns a Word document into a chapter beside its pictures.
func (c *cli) importDoc(args []string) int {
	fs := c.flags("import")
	target := fs.String("nach", "", "die neue Kapiteldatei, zum Beispiel content/kapitel.md")
	// The document may come before or after --nach.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			fmt.Fprintf(c.stderr, "handbuch import: %s\n\n%s", germanFlagError(err), usage)
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintf(c.stderr, "handbuch import: nennen Sie genau ein Word-Dokument, zum Beispiel: handbuch import leitlinie.docx --nach content/leitlinie.md\n\n%s", usage)
		return 2
	}
	if isSet(fs, "nach") && !strings.HasSuffix(*target, ".md") {
		fmt.Fprintf(c.stderr, "handbuch import: --nach braucht den Namen einer Markdown-Datei, die auf .md endet, zum Beispiel --nach content/leitlinie.md\n")
		return 2
	}
	name := files[0]
	data, err := readDocument(name)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch import: %s\n", term.Line(err.Error()))
		return 1
	}
	doc, err := importdoc.Read(filepath.Base(name), data)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch import: %s. Es wurde nichts geschrieben.\n", term.Line(err.Error()))
		return 1
	}
	out := *target
	if out == "" {
		if info, err := os.Stat("content"); err != nil || !info.IsDir() {
			fmt.Fprintf(c.stderr, "handbuch import: hier gibt es keinen Ordner content/. Rufen Sie handbuch import im Ordner des Handbuchs auf oder nennen Sie die Kapiteldatei mit --nach content/kapitel.md. Es wurde nichts geschrieben.\n")
			return 1
		}
		out = filepath.Join("content", importdoc.Slug(doc.Title())+".md")
	}
	dir := filepath.Dir(out)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(c.stderr, "handbuch import: den Ordner %s gibt es nicht. Legen Sie ihn an oder wählen Sie mit --nach einen anderen. Es wurde nichts geschrieben.\n", term.Line(dir))
		return 1
	}
	chapter := doc.Chapter(strings.TrimSuffix(filepath.Base(out), ".md"))
	written, err := writeChapter(out, chapter)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch import: %s\n", term.Line(err.Error()))
		return 1
	}
	fmt.Fprintf(c.stdout, "Geschrieben: %s mit dem Titel „%s“", filepath.ToSlash(out), chapter.Title)
	if len(written) > 1 {
		fmt.Fprintf(c.stdout, ", dazu %s: %s", count(len(written)-1, "Bild", "Bilder"), strings.Join(written[1:], ", "))
	}
	fmt.Fprintln(c.stdout, ".")
	if len(chapter.Hints) == 0 {
		fmt.Fprintln(c.stdout, "Keine Hinweise: alles wurde übernommen. Prüfen Sie das Kapitel trotzdem in der Vorschau (handbuch serve).")
		return 0
	}
	fmt.Fprintf(c.stdout, "\n%s: diese Stellen des Dokuments sind anders oder nicht übernommen, bitte prüfen Sie sie:\n", count(len(chapter.Hints), "Hinweis", "Hinweise"))
	for _, h := range chapter.Hints {
		fmt.Fprintln(c.stdout, term.Line(h.String()))
	}
	return 0
}

// readDocument reads the document to import: a regular file, at most
// maxImport bytes.
func readDocument(name string) ([]byte, error) {
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("die Datei %s gibt es nicht", name)
	case err != nil:
		return nil, fmt.Errorf("die Datei %s kann nicht gelesen werden: %v", name, err)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s ist keine Datei. Nennen Sie ein Word-Dokument (.docx)", name)
	case info.Size() > maxImport:
		return nil, fmt.Errorf("%s ist größer als %d MB; so große Dokumente liest handbuch nicht. Teilen Sie das Dokument auf", name, maxImport>>20)
	}
	return os.ReadFile(name)
}

// writeChapter writes the chapter and its pictures, none of which may
// exist yet, and returns their names. On an error nothing stays written.
func writeChapter(out string, ch importdoc.Chapter) ([]string, error) {
	dir := filepath.Dir(out)
	type file struct {
		path string
		data []byte
	}
	files := []file{{out, ch.Markdown}}
	for _, img := range ch.Images {
		files = append(files, file{filepath.Join(dir, img.Name), img.Data})
	}
	for _, f := range files {
		if _, err := os.Lstat(f.path); err == nil {
			return nil, fmt.Errorf("%s gibt es schon; handbuch import überschreibt nichts. Wählen Sie mit --nach einen anderen Namen oder löschen Sie die Datei. Es wurde nichts geschrieben.", filepath.ToSlash(f.path))
		}
	}
	var names []string
	for _, f := range files {
		err := writeNew(f.path, f.data)
		if err != nil {
			if !errors.Is(err, fs.ErrExist) {
				os.Remove(f.path) // written in part
			}
			for _, done := range names {
				os.Remove(filepath.FromSlash(done))
			}
			return nil, fmt.Errorf("%s kann nicht geschrieben werden: %v. Es wurde nichts geschrieben.", filepath.ToSlash(f.path), err)
		}
		names = append(names, filepath.ToSlash(f.path))
	}
	return names, nil
}
