package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/source"
	"github.com/handbuch/handbuch/internal/term"
)

// modelParts are what a new handbook gets from the model; the layouts
// stay in the binary until an editor wants to change one.
var modelParts = []string{"handbuch.toml", "content", "glossary", "checklists", "data"}

// firstSteps is the page "Erste Schritte" that a new handbook gets
// beside the model: the first five things to do, and where the editors'
// guide is. It is not part of the model, so the model's site stays as
// it is.
//
//go:embed erste-schritte.md
var firstSteps []byte

// firstStepsFile is where firstSteps goes in a new handbook.
const firstStepsFile = "content/erste-schritte.md"

// newProject copies the embedded model handbook into a new folder.
func (c *cli) newProject(args []string) int {
	flags := c.flags("new")
	if err := flags.Parse(args); err != nil || flags.NArg() != 1 {
		fmt.Fprintf(c.stderr, "handbuch new: nennen Sie genau einen Ordner, zum Beispiel: handbuch new mein-handbuch\n\n%s", usage)
		return 2
	}
	dir := flags.Arg(0)
	if strings.TrimSpace(dir) == "" {
		fmt.Fprintf(c.stderr, "handbuch new: der Ordnername ist leer. Nennen Sie einen neuen Ordner, zum Beispiel: handbuch new mein-handbuch\n")
		return 2
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(c.stderr, "handbuch new: der Ordner %s ist nicht leer. Nennen Sie einen neuen oder leeren Ordner; vorhandene Dateien werden nie überschrieben.\n", dir)
		return 1
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(c.stderr, "handbuch new: %s %s\n", term.Line(dir), newProblem(err))
		return 1
	}
	n, err := copyModel(dir)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch new: %s\n", term.Line(err.Error()))
		return 1
	}
	fmt.Fprintf(c.stdout, `Neues Handbuch in %s angelegt (%s, Vorlage: KI-Leitlinien für Organisationen der Sozialwirtschaft).

So geht es weiter:
  1. cd %s
  2. handbuch.toml öffnen: Titel, Ansprechperson, die Adresse Ihres Handbuchs (base_url, für den
     QR-Code auf dem Faltblatt) und unter [organisation] die Angaben Ihrer Organisation eintragen.
  3. Die Kapitel in content/ anpassen, die Begriffe in glossary/, die Checklisten in checklists/
     und das KI-Register in data/ki-register.toml.
  4. handbuch serve     – Vorschau im Browser unter http://127.0.0.1:1313/
  5. handbuch build     – die fertige Website und die PDFs entstehen in public/

Die Seite „Für die Redaktion: Erste Schritte“ (content/erste-schritte.md) zeigt die ersten
fünf Schritte, die Seite „Für die Redaktion: vom Muster zum eigenen Handbuch“
(content/vom-muster-zum-handbuch.md) die Schritte bis zum Beschluss.
Die Anleitung für die Redaktion legt „handbuch anleitung“ in den Ordner handbuch-anleitung.
`, dir, count(n, "Datei", "Dateien"), dir)
	return 0
}

// copyModel writes the model handbook into dir and returns the number
// of files written.
func copyModel(dir string) (int, error) {
	model := handbuch.Model()
	n := 0
	for _, part := range modelParts {
		err := fs.WalkDir(model, part, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			target := filepath.Join(dir, filepath.FromSlash(p))
			if d.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			b, err := fs.ReadFile(model, p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			n++
			return writeNew(target, b)
		})
		if err != nil {
			return n, fmt.Errorf("das Handbuch konnte nicht angelegt werden: %s %s", filepath.Join(dir, filepath.FromSlash(part)), newProblem(err))
		}
	}
	if err := writeNew(filepath.Join(dir, filepath.FromSlash(firstStepsFile)), firstSteps); err != nil {
		return n, fmt.Errorf("das Handbuch konnte nicht angelegt werden: %v", err)
	}
	return n + 1, nil
}

// newProblem says in German why a folder or file of a new handbook could
// not be read or written, for the system's own words are English.
func newProblem(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "darf nicht geschrieben werden: es fehlen Schreibrechte. Nennen Sie einen Ordner, in dem Sie schreiben dürfen, zum Beispiel in Ihren Dokumenten."
	case errors.Is(err, fs.ErrExist):
		return "ist inzwischen schon da; handbuch new überschreibt nie etwas. Nennen Sie einen neuen, leeren Ordner."
	case errors.As(err, &errno) && errno == syscall.ENOTDIR:
		return "kann kein Ordner sein: es ist eine Datei, oder ein Teil des Pfads ist eine Datei. Nennen Sie einen neuen Ordner."
	case errors.As(err, &errno) && errno == syscall.ENOSPC:
		return "kann nicht geschrieben werden: der Datenträger ist voll. Schaffen Sie Platz oder nennen Sie einen Ordner auf einem anderen Laufwerk."
	}
	return source.Explain(err)
}

// writeNew writes a file that must not exist yet: handbuch new never
// overwrites, even if a file appears after the folder was found empty.
func writeNew(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}
