package pdf_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/pdfua"
)

// The contents list every page the print view has, in its order and
// levels: the start page, the chapters, the checklists as a part of
// their own (not under "Kontakte"), the glossary, but not the editors'
// page; and the tags agree.
func TestModelContents(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	data := handbookPDF(t, modelFiles(t))
	file := filepath.Join(t.TempDir(), "h.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", "-f", "2", "-l", "2", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(string(out), "\n") {
		if m := regexp.MustCompile(`^( *)(\S.*?)\s+\d+$`).FindStringSubmatch(l); m != nil && !strings.Contains(l, "Seite") {
			rows = append(rows, m[1]+m[2])
		}
	}
	toc := strings.Join(rows, "\n")
	for _, want := range []string{
		"KI-Leitlinien für Organisationen der Sozialwirtschaft\nFür Sie: Informationen in Einfacher Sprache\n",
		"Kontakte\nChecklisten\n    Vor dem KI-Einsatz\n    Während des Betriebs\n    Jährlicher Ethik-Check\n    Bias-Check: Benachteiligt das Werkzeug jemanden?\nGlossar",
	} {
		if !strings.Contains(toc, want) {
			t.Errorf("the contents lack\n%s\nin\n%s", want, toc)
		}
	}
	doc, err := pdfua.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	types := strings.Join(doc.StructTypes(), " ")
	if n := strings.Count(types, "H1"); n != 12 {
		t.Errorf("%d H1, want one per part (12 with the start page, Checklisten and Glossar)", n)
	}
	// The editors' page is not for the handbook's readers.
	if strings.Contains(toc, "Für die Redaktion") {
		t.Errorf("the contents list the editors' page:\n%s", toc)
	}
}

// The register and the self-check on paper show what the site shows:
// each system's check dates with "überfällig", the sum of overdue
// checks, the criteria with their levels and the rule that reads them.
func TestModelRegisterAndSelfCheck(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	file := filepath.Join(t.TempDir(), "h.pdf")
	if err := os.WriteFile(file, handbookPDF(t, modelFiles(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{
		"der jährliche Ethik-Check überfällig (Stand: 26. November 2026)",
		"Letzter Ethik-Check: 15. Juni 2025 überfällig · Nächster Ethik-Check:",
		"Datenempfindlichkeit: Rot · Auswirkung auf Menschen: Gelb",
		"1. Datenempfindlichkeit: Wie sensibel sind die Daten, mit denen die KI arbeitet?",
		"Rot: Vollautomatisiert: Die KI handelt ohne menschliche Prüfung.",
		"So lesen Sie das Ergebnis: Die höchste Stufe zählt Höchste Stufe Was dann nötig ist Grün: geringes Risiko Die KI-Koordination gibt",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the handbook PDF lacks %q", want)
		}
	}
}
