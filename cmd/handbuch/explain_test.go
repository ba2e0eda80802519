package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/check"
)

// TestExplain: explain prints a rule's explanation in German with its
// criterion, wrapped for the terminal; every rule has one.
func TestExplain(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"explain", "color-contrast"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"color-contrast: Fehler", "WCAG 2.2: Kriterium 1.4.3 „Kontrast (Minimum)“, Stufe AA", "Was die Regel prüft", "Warum das wichtig ist", "So beheben Sie es", "Falsch (CSS", "Richtig (CSS", "    .hinweis { color: #999999;"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain color-contrast lacks %q:\n%s", want, out)
		}
	}
	for _, r := range check.Rules {
		stdout.Reset()
		if code := run([]string{"explain", r.ID}, &stdout, &stderr); code != 0 {
			t.Errorf("explain %s: exit %d", r.ID, code)
		}
		for line := range strings.Lines(stdout.String()) {
			line = strings.TrimRight(line, "\n")
			// Examples are code: indented by four and never wrapped.
			if n := utf8.RuneCountInString(line); n > explainWidth && !strings.HasPrefix(line, "    ") && strings.Contains(line, " ") {
				t.Errorf("explain %s: a line of %d characters: %q", r.ID, n, line)
			}
		}
		if (r.SC == "" || r.SC == "Best Practice") == strings.Contains(stdout.String(), "WCAG 2.2: Kriterium") {
			t.Errorf("explain %s: criterion %q, output:\n%s", r.ID, r.SC, stdout.String())
		}
	}
}

// TestExplainUsage: an unknown id is a usage error with close matches;
// without an id explain lists every rule.
func TestExplainUsage(t *testing.T) {
	for _, tc := range []struct {
		args         []string
		code         int
		stdout       string
		stderr, nots string
	}{
		{[]string{"explain", "colr-contrast"}, 2, "", "Meinten Sie color-contrast", ""},
		{[]string{"explain", "Satzlänge"}, 2, "", "Meinten Sie satzlaenge", ""},
		{[]string{"explain", "gibtesnicht12345"}, 2, "", `eine Regel "gibtesnicht12345" gibt es nicht.`, "Meinten"},
		{[]string{"explain", "a", "b"}, 2, "", "nur eine Regel auf einmal", ""},
		{[]string{"explain", "--bogus"}, 2, "", "unbekannte Option --bogus", ""},
		{[]string{"explain"}, 0, "Einfache Sprache (11)", "", ""},
		{[]string{"explain", "-h"}, 0, "handbuch explain [REGEL]", "", ""},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("handbuch %v: exit %d, want %d (stderr %q)", tc.args, code, tc.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) || (tc.nots != "" && strings.Contains(stderr.String(), tc.nots)) {
			t.Errorf("handbuch %v:\nstdout %q\nstderr %q", tc.args, stdout.String(), stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	run([]string{"explain"}, &stdout, &stderr)
	for _, id := range check.RuleIDs() {
		if !strings.Contains(stdout.String(), " "+id+"\n") && !strings.Contains(stdout.String(), " "+id+" ") {
			t.Errorf("explain without id does not list %s", id)
		}
	}
}

// TestExplainHint: after findings the terminal says once how to learn
// more about a rule; without findings, or as JSON, it says nothing.
func TestExplainHint(t *testing.T) {
	const hint = "Erklärung einer Regel: handbuch explain REGEL"
	for _, tc := range []struct {
		args []string
		n    int
	}{
		{[]string{"check", "--plain", "testdata/plain/fehler.txt"}, 1},
		{[]string{"check", "--plain", "testdata/plain/gut.txt"}, 0},
		{[]string{"check", "--plain", "testdata/plain/fehler.txt", "--format", "json"}, 0},
	} {
		var stdout, stderr bytes.Buffer
		run(tc.args, &stdout, &stderr)
		if n := strings.Count(stderr.String()+stdout.String(), hint); n != tc.n {
			t.Errorf("handbuch %v: the hint %d times, want %d:\n%s", tc.args, n, tc.n, stderr.String())
		}
	}
}
