package check

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/term"
)

// Severity says how bad a finding is.
type Severity int

// The severities, from the worst.
const (
	Error Severity = iota
	Warning
	Hint
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "Fehler"
	case Warning:
		return "Warnung"
	}
	return "Hinweis"
}

// MarshalJSON writes the German name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Finding is one problem found by a check.
type Finding struct {
	Rule     string   `json:"regel"`
	Severity Severity `json:"schwere"`
	Pos      book.Pos `json:"-"`
	Msg      string   `json:"text"`
	SC       string   `json:"kriterium,omitempty"` // WCAG success criterion, e.g. "WCAG 2.2 1.1.1, Stufe A"

	node *node // the element of an HTML finding, to trace it to the source
}

// String formats the finding as path:line:col: rule: text.
func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s: %s", f.Pos, f.Severity, f.Rule, f.Msg)
	if f.SC != "" {
		s += " (" + f.SC + ")"
	}
	return s
}

// Sort orders findings by file, line, column, rule and text, so reports
// are deterministic.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Pos.File != b.Pos.File:
			return a.Pos.File < b.Pos.File
		case a.Pos.Line != b.Pos.Line:
			return a.Pos.Line < b.Pos.Line
		case a.Pos.Col != b.Pos.Col:
			return a.Pos.Col < b.Pos.Col
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Msg < b.Msg
	})
}

// Count returns the number of findings of each severity.
func Count(fs []Finding) (errors, warnings, hints int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			hints++
		}
	}
	return
}

// shownPerRule is the number of findings of one rule in one file that
// WriteText lists one by one.
const shownPerRule = 100

// WriteText writes one finding per line, at most shownPerRule of one rule
// in one file: a page built by a tool may repeat one mistake 200,000
// times, and a terminal of them hides everything else. The rest of them
// are one line at the first one left out that says how many there are.
// (The counts, the JSON and the report pages have them all.)
func WriteText(w io.Writer, fs []Finding) error {
	type key struct{ file, rule string }
	total := map[key]int{}
	for _, f := range fs {
		total[key{f.Pos.File, f.Rule}]++
	}
	seen := map[key]int{}
	for _, f := range fs {
		k := key{f.Pos.File, f.Rule}
		seen[k]++
		line := f.String()
		switch n := seen[k]; {
		case n == shownPerRule+1:
			line = fmt.Sprintf("%s: %s: %s: und %d weitere Befunde dieser Regel in dieser Datei, hier nicht einzeln aufgeführt; --format json listet alle.", f.Pos, f.Severity, f.Rule, total[k]-shownPerRule)
		case n > shownPerRule:
			continue
		}
		if _, err := fmt.Fprintln(w, term.Line(line)); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON writes the findings as a JSON array for CI.
func WriteJSON(w io.Writer, fs []Finding) error {
	type out struct {
		Datei  string `json:"datei"`
		Zeile  int    `json:"zeile,omitempty"`
		Spalte int    `json:"spalte,omitempty"`
		Finding
	}
	list := make([]out, len(fs))
	for i, f := range fs {
		list[i] = out{f.Pos.File, f.Pos.Line, f.Pos.Col, f}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(list)
}
