package check

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/handbuch/handbuch/internal/book"
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

// WriteText writes one finding per line.
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintln(w, f.String()); err != nil {
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
