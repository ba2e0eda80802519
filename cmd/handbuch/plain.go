package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/source"
	"github.com/handbuch/handbuch/internal/term"
)

// checkPlain checks one text file as a page in Einfache Sprache: the
// plain-language rules and the readability figures, as a build checks a
// page with plain = true. A .md file is Markdown, with or without front
// matter; a .txt file is plain text.
func (c *cli) checkPlain(name, format string, strict bool) int {
	texts, err := plainTexts(name)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch check: %s\n", term.Line(err.Error()))
		return 2
	}
	shown := filepath.ToSlash(name)
	known, lim := c.handbookOf(name)
	findings := check.Plain(texts, known, lim)
	r, more := check.Readable(book.Pos{File: shown, Line: 1, Col: 1}, texts, lim)
	findings = append(findings, more...)
	check.Sort(findings)
	if format == "json" {
		var list bytes.Buffer
		_ = check.WriteJSON(&list, findings)
		out, _ := json.MarshalIndent(plainReport{
			File: shown, Sentences: r.Sentences, Words: r.Words, Syllables: r.Syllables, LongWords: r.LongWords,
			FRE: r.FRE, WSTF1: r.WSTF1, LIX: r.LIX, Findings: json.RawMessage(list.Bytes()),
		}, "", "  ")
		fmt.Fprintf(c.stdout, "%s\n", out)
	} else {
		c.report(findings, format)
		c.figures(shown, r, lim)
	}
	n, w, h := check.Count(findings)
	fmt.Fprintf(c.stderr, "Geprüft: 1 Datei, %s, %s, %s.\n", count(n, "Fehler", "Fehler"), count(w, "Warnung", "Warnungen"), count(h, "Hinweis", "Hinweise"))
	if h > 0 && !c.hints && format != "json" {
		fmt.Fprintf(c.stderr, "Mit --hinweise zeigt handbuch check auch %s.\n", map[bool]string{true: "den Hinweis", false: "die Hinweise"}[h == 1])
	}
	if n > 0 || (strict && w > 0) {
		return 1
	}
	return 0
}

// handbookOf returns the words the glossary explains and the limits of
// the handbook the file name belongs to: the nearest folder above it
// with a handbuch.toml. A text outside a handbook, or in one that does
// not load, is checked without a glossary, with the default limits; a
// line on stderr says which.
func (c *cli) handbookOf(name string) (map[string]bool, check.Limits) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, check.DefaultLimits
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if info, err := os.Lstat(filepath.Join(dir, "handbuch.toml")); err == nil && info.Mode().IsRegular() {
			shown := source.Shown(filepath.ToSlash(dir))
			project, err := source.Open(dir)
			var h *book.Handbook
			if err == nil {
				h, err = load.Load(project, load.Options{Drafts: true})
			}
			if err != nil {
				fmt.Fprintf(c.stderr, "Das Handbuch in „%s“ lässt sich nicht laden (handbuch build --source %s zeigt, warum); geprüft wird ohne sein Glossar.\n", term.Line(shown), term.Line(shown))
				return nil, check.DefaultLimits
			}
			fmt.Fprintf(c.stderr, "Geprüft mit dem Glossar (%s) und den Grenzwerten des Handbuchs in „%s“.\n", count(len(h.Glossary), "Begriff", "Begriffe"), term.Line(shown))
			return check.KnownWords(h.Glossary), h.Config.Limits
		}
		if filepath.Dir(dir) == dir {
			return nil, check.DefaultLimits
		}
	}
}

// plainReport is the JSON of check --plain.
type plainReport struct {
	File      string          `json:"datei"`
	Sentences int             `json:"saetze"`
	Words     int             `json:"woerter"`
	Syllables int             `json:"silben"`
	LongWords int             `json:"lange_woerter"`
	FRE       float64         `json:"flesch_amstad"`
	WSTF1     float64         `json:"wstf1"`
	LIX       float64         `json:"lix"`
	Findings  json.RawMessage `json:"befunde"`
}

// figures writes the readability figures of a text, with the targets
// for Einfache Sprache.
func (c *cli) figures(name string, r check.Readability, lim check.Limits) {
	share := 0.0
	if r.Words > 0 {
		share = 100 * float64(r.LongWords) / float64(r.Words)
	}
	fmt.Fprintf(c.stdout, "Lesbarkeit von %s:\n", name)
	fmt.Fprintf(c.stdout, "  Sätze: %d\n  Wörter: %d\n  Silben: %d\n", r.Sentences, r.Words, r.Syllables)
	fmt.Fprintf(c.stdout, "  lange Wörter (mehr als 6 Buchstaben): %d (%s %%)\n", r.LongWords, decimal(share))
	fmt.Fprintf(c.stdout, "  Flesch-Amstad: %s (Ziel: mindestens %s; je höher, desto leichter)\n", decimal(r.FRE), decimal(lim.FRE))
	fmt.Fprintf(c.stdout, "  Wiener Sachtextformel (WSTF1): %s (Ziel: höchstens %s; eine Schulstufe von 4 bis 15)\n", decimal(r.WSTF1), decimal(lim.WSTF1))
	fmt.Fprintf(c.stdout, "  LIX: %s (Ziel: höchstens %s)\n", decimal(r.LIX), decimal(lim.LIX))
	if r.Words < 50 {
		fmt.Fprintf(c.stdout, "  Der Text hat weniger als 50 Wörter: die Formeln sagen darüber wenig.\n")
	}
}

// decimal formats a number the German way, with one decimal: "68,2".
func decimal(f float64) string {
	s := strings.Replace(fmt.Sprintf("%.1f", f), ".", ",", 1)
	return strings.TrimSuffix(s, ",0")
}

// plainTexts reads the file name, through package source like every
// input, and returns its running text for the plain-language checks.
func plainTexts(name string) ([]check.Text, error) {
	shown := filepath.ToSlash(name)
	if !check.PlainFile(name) {
		return nil, fmt.Errorf("--plain prüft Texte in Markdown (.md) oder reinem Text (.txt), nicht „%s“. Speichern Sie den Text als .txt-Datei und geben Sie diese an.", source.Shown(shown))
	}
	folder, err := source.Open(filepath.Dir(name))
	if err != nil {
		return nil, fmt.Errorf("die Datei „%s“ %s", source.Shown(shown), notThere(err))
	}
	src, err := source.Read(folder, filepath.Base(name), source.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("die Datei „%s“ %s", source.Shown(shown), source.Explain(err))
	}
	return check.PlainTexts(shown, src)
}

// notThere explains why the folder of a file cannot be opened, as a
// reason about the file: a missing folder means a missing file.
func notThere(err error) string {
	var e *source.Error
	if errors.As(err, &e) && e.Err != nil && strings.Contains(e.Reason, "gibt es nicht") {
		return "gibt es nicht. Prüfen Sie den Namen und den Ordner."
	}
	return source.Explain(err)
}
