package synthetic

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// stats counts the words of the chapter bodies (front matter and the
// link's address left out) and the distinct ones, case-sensitively.
func stats(t testing.TB, n int) (pages, words int, distinct map[string]int, longest int) {
	distinct = map[string]int{}
	fs := Project(n, 100)
	for name, f := range fs {
		if !strings.Contains(name, "/kapitel-") {
			continue
		}
		pages++
		_, body, ok := strings.Cut(strings.TrimPrefix(string(f.Data), "+++\n"), "+++\n")
		if !ok {
			t.Fatalf("%s: no front matter", name)
		}
		body = strings.ReplaceAll(body, "(../teil-0/kapitel-0.md)", "")
		for _, w := range strings.FieldsFunc(body, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words++
			distinct[w]++
		}
		for _, line := range strings.Split(body, "\n") {
			if line == "" || line[0] == '#' || line[0] == '-' || line[0] == '|' || line[0] == ' ' {
				continue
			}
			for _, s := range regexp.MustCompile(`[.?] `).Split(line, -1) {
				longest = max(longest, len(strings.Fields(s)))
			}
		}
	}
	return pages, words, distinct, longest
}

// markup is what the running text must not contain: it would be Markdown.
var markup = regexp.MustCompile("[*_\\[\\]<>|`#]|^-|^[0-9]+\\.")

func TestCorpusStatistics(t *testing.T) {
	a, b := Project(1000, 100), Project(1000, 100)
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Fatalf("%s differs between two calls", name)
		}
	}
	// A page does not depend on the size of the handbook.
	small := Project(45, 100)
	for name, f := range small {
		if !bytes.Equal(f.Data, a[name].Data) {
			t.Fatalf("%s differs between 45 and 1,000 pages", name)
		}
	}
	pages, words, distinct, longest := stats(t, 1000)
	perPage := float64(words) / float64(pages)
	t.Logf("1,000 pages: %.0f words a page, %d words, %d distinct, longest sentence %d words", perPage, words, len(distinct), longest)
	if pages != 1000 || perPage < 330 || perPage > 450 {
		t.Errorf("%d pages, %.0f words a page, want 1,000 pages of 330 to 450 words", pages, perPage)
	}
	if len(distinct) < 30000 || len(distinct) > 50000 {
		t.Errorf("%d distinct words, want 30,000 to 50,000", len(distinct))
	}
	if longest > 28 {
		t.Errorf("a sentence of %d words", longest)
	}
	for _, w := range []string{"der", "die", "und", "ist", "nicht", "mit", "für"} {
		if distinct[w] < words/1000 {
			t.Errorf("%q only %d times", w, distinct[w])
		}
	}
	for s := range 50 {
		for p := range 20 {
			name := fmt.Sprintf("content/teil-%d/kapitel-%d.md", s, p)
			page := string(a[name].Data)
			for _, want := range []string{
				fmt.Sprintf("Fachwort%d.", (s*20+p)%100),
				"[Kapitel 0](../teil-0/kapitel-0.md)",
				"## Abschnitt 3\n",
				"\n  - ",
				"**",
				"\n\nTabelle: Risiken\n\n| Risiko | Maßnahme |\n|---|---|\n",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			if n := strings.Count(page, "Fachwort"); n != 1 {
				t.Errorf("%s uses Fachwort %d times", name, n)
			}
			if n := strings.Count(page, "[Kapitel 0](../teil-0/kapitel-0.md)"); n != 4 {
				t.Errorf("%s has %d links", name, n)
			}
			_, body, _ := strings.Cut(page[4:], "+++\n")
			for _, line := range strings.Split(body, "\n") {
				if line == "" || strings.HasPrefix(line, "## Abschnitt ") || strings.HasPrefix(line, "|") || strings.HasPrefix(line, "Tabelle: ") {
					continue
				}
				line = strings.TrimPrefix(strings.TrimPrefix(line, "- "), "  - ")
				line = strings.ReplaceAll(line, "[Kapitel 0](../teil-0/kapitel-0.md)", "")
				if strings.Count(line, "**") == 2 {
					line = strings.ReplaceAll(line, "**", "")
				}
				if markup.MatchString(line) {
					t.Errorf("%s: markup in %q", name, line)
				}
			}
		}
	}
}

// TestCorpusStatistics5000 prints the figures for 5,000 pages, for the
// package comment: HANDBUCH_CORPUS_STATS=1 go test -run 5000 -v.
func TestCorpusStatistics5000(t *testing.T) {
	if os.Getenv("HANDBUCH_CORPUS_STATS") == "" {
		t.Skip("HANDBUCH_CORPUS_STATS not set")
	}
	for _, n := range []int{1000, 5000, 10000} {
		pages, words, distinct, longest := stats(t, n)
		t.Logf("%d pages: %.0f words a page, %d words, %d distinct, longest sentence %d words", pages, float64(words)/float64(pages), words, len(distinct), longest)
	}
}
