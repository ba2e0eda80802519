package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var fixtureCase = regexp.MustCompile(`(?m)^### (\d+): (.*)\n`)

// TestRuleFixtures runs testdata/wcag/<rule>.txt: numbered cases of HTML
// and the line:col of every finding of that rule, including cases that
// must not be flagged.
func TestRuleFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/wcag/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		rule := strings.TrimSuffix(filepath.Base(file), ".txt")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		heads := fixtureCase.FindAllStringSubmatchIndex(text, -1)
		if len(heads) < 2 {
			t.Errorf("%s: want a valid and an invalid case at least", file)
		}
		flagged, clean := 0, 0
		for i, h := range heads {
			end := len(text)
			if i+1 < len(heads) {
				end = heads[i+1][0]
			}
			name := text[h[2]:h[3]] + " " + text[h[4]:h[5]]
			input, want, ok := strings.Cut(text[h[1]:end], "=== Befunde\n")
			if !ok {
				t.Fatalf("%s case %s: no === Befunde", file, name)
			}
			input = strings.TrimSuffix(input, "\n")
			var got []string
			for _, f := range Page("t.html", []byte(input)) {
				if f.Rule == rule {
					got = append(got, strings.TrimPrefix(f.Pos.String(), "t.html:"))
				}
			}
			wantList := strings.Fields(want)
			if strings.Join(got, " ") != strings.Join(wantList, " ") {
				t.Errorf("%s case %s: got %v, want %v", rule, name, got, wantList)
			}
			if len(wantList) > 0 {
				flagged++
			} else {
				clean++
			}
		}
		if flagged == 0 || clean == 0 {
			t.Errorf("%s: needs cases that are flagged and cases that are not", file)
		}
	}
}

// TestFindingMessages checks that every finding is German, names its
// criterion and says where.
func TestFindingMessages(t *testing.T) {
	fs := Page("seite.html", []byte("<html><body><img src=a.png><a href=x></a></body></html>"))
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if f.Pos.File != "seite.html" || f.Pos.Line != 1 || f.Msg == "" || f.Rule == "" {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	Sort(fs)
	var b strings.Builder
	_ = WriteText(&b, fs)
	if !strings.Contains(b.String(), "seite.html:1:13: Fehler: image-alt: das Bild hat kein alt-Attribut") || !strings.Contains(b.String(), "(WCAG 2.2 1.1.1, Stufe A)") {
		t.Errorf("text report:\n%s", b.String())
	}
	b.Reset()
	_ = WriteJSON(&b, fs)
	if !strings.Contains(b.String(), `"datei": "seite.html"`) || !strings.Contains(b.String(), `"schwere": "Fehler"`) || !strings.Contains(b.String(), `"regel": "image-alt"`) {
		t.Errorf("json report:\n%s", b.String())
	}
}

func TestDocumentTitleUnique(t *testing.T) {
	page := func(title string) []byte {
		return []byte(`<html lang="de"><head><title>` + title + `</title></head><body><a href="#m">Zum Inhalt</a><main id="m"><h1>T</h1></main></body></html>`)
	}
	fs := Site([]File{{Path: "a.html", Data: page("Datenschutz")}, {Path: "b.html", Data: page("Datenschutz")}, {Path: "c.html", Data: page("Anhang")}})
	var got []string
	for _, f := range fs {
		got = append(got, f.Pos.String()+" "+f.Rule)
	}
	if strings.Join(got, "|") != "b.html:1:23 document-title-unique" {
		t.Errorf("findings %v", got)
	}
}
