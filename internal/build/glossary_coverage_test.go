package build

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/load"
)

// listEntry is one word of a word list in testdata, with its line and
// whether a comment explains it.
type listEntry struct {
	word      string
	line      int
	explained bool
}

// readWordList reads a list of one word or term per line. "#" starts a
// comment; an entry counts as explained when it has a comment on its own
// line or stands in a paragraph that starts with a comment.
func readWordList(t *testing.T, name string) []listEntry {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []listEntry
	commented := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		word, comment, hasComment := strings.Cut(line, "#")
		word = strings.TrimSpace(word)
		switch {
		case line == "":
			commented = false
		case word == "":
			commented = true
		default:
			out = append(out, listEntry{word: word, line: n, explained: commented || hasComment && strings.TrimSpace(comment) != ""})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// modelTexts returns the running text of the model handbook, folded as
// glossary words are: every page, checklist and data file, and the
// explanations of the glossary (not its term and forms, which would make
// every term occur).
func modelTexts(t *testing.T, h *book.Handbook) string {
	t.Helper()
	var b strings.Builder
	model := handbuch.Model()
	for _, dir := range []string{"content", "checklists", "data"} {
		err := fs.WalkDir(model, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || (path.Ext(p) != ".md" && path.Ext(p) != ".toml") {
				return err
			}
			data, err := fs.ReadFile(model, p)
			b.Write(data)
			b.WriteByte('\n')
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, term := range h.Glossary {
		b.WriteString(term.Short + "\n" + term.Text + "\n" + term.Example + "\n")
	}
	return book.FoldTerm(strings.ReplaceAll(b.String(), "\n", " "))
}

// occurs reports whether word (folded) stands in text as a whole word:
// no letter or digit right before or after it. A hyphen counts as a
// boundary, so "Datenschutz" occurs in "Datenschutz-Folgenabschätzung".
func occurs(text, word string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(word)
		before, after := ' ', ' '
		if i > 0 {
			before = lastRune(text[:i])
		}
		if end < len(text) {
			after = []rune(text[end:min(end+4, len(text))])[0]
		}
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = i + 1
	}
}

func lastRune(s string) rune {
	r := []rune(s[max(0, len(s)-4):])
	return r[len(r)-1]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// TestGlossaryCoversTechnicalTerms checks the vocabulary of the model
// handbook: every word on testdata/fachbegriffe.txt has a glossary entry
// (term, abbreviation or form) or stands, with a reason, in
// testdata/bekannte-woerter.txt. The lists stay honest: each word still
// occurs in the handbook, a known word is not also explained, and every
// glossary entry is reached by a word of the list, so removing an entry
// fails here.
func TestGlossaryCoversTechnicalTerms(t *testing.T) {
	h, err := load.Load(handbuch.Model(), load.Options{Today: modelToday})
	if err != nil {
		t.Fatalf("the model handbook does not load:\n%v", err)
	}
	entryOf := map[string]*book.Term{}
	for _, term := range h.Glossary {
		for _, w := range append([]string{term.Term, term.Abbr}, term.Forms...) {
			if w != "" {
				entryOf[book.FoldTerm(w)] = term
			}
		}
	}
	known := map[string]bool{}
	for _, e := range readWordList(t, "bekannte-woerter.txt") {
		w := book.FoldTerm(e.word)
		switch {
		case !e.explained:
			t.Errorf("testdata/bekannte-woerter.txt:%d: %q has no comment that says why readers know it", e.line, e.word)
		case entryOf[w] != nil:
			t.Errorf("testdata/bekannte-woerter.txt:%d: %q has a glossary entry (%s); remove it from this list", e.line, e.word, entryOf[w].File)
		}
		known[w] = true
	}

	text := modelTexts(t, h)
	listed := map[string]bool{}
	reached := map[*book.Term]bool{}
	for _, e := range readWordList(t, "fachbegriffe.txt") {
		w := book.FoldTerm(e.word)
		if listed[w] {
			t.Errorf("testdata/fachbegriffe.txt:%d: %q is listed twice", e.line, e.word)
		}
		listed[w] = true
		if !occurs(text, w) {
			t.Errorf("testdata/fachbegriffe.txt:%d: %q occurs nowhere in the handbook; remove it from the list", e.line, e.word)
		}
		switch term := entryOf[w]; {
		case term != nil:
			reached[term] = true
		case !known[w]:
			t.Errorf("testdata/fachbegriffe.txt:%d: %q has no glossary entry: add one to glossary/ (or a form to an entry), or list it with a reason in testdata/bekannte-woerter.txt", e.line, e.word)
		}
	}
	for w := range known {
		if !listed[w] {
			t.Errorf("testdata/bekannte-woerter.txt: %q is not on fachbegriffe.txt", w)
		}
	}
	var unreached []string
	for _, term := range h.Glossary {
		if !reached[term] {
			unreached = append(unreached, term.File)
		}
	}
	sort.Strings(unreached)
	for _, f := range unreached {
		t.Errorf("%s: no word of testdata/fachbegriffe.txt leads to this entry; add its term to the list", f)
	}
}

var orgShortcode = regexp.MustCompile(`\{\{<\s*org\s+"[^"]*"\s*>\}\}`)

// TestPlainSpellingOneStyle checks the one hyphenation style of the texts
// in Einfache Sprache: a compound is written closed, as in the staff
// chapters ("Aufsichtsbehörde", "Telefonnummer"), so no compound may
// appear once with and once without a hyphen across the client pages,
// the consent form in Einfache Sprache and the glossary. Hyphens stay
// where German spelling needs them (KI-Werkzeug, E-Mail, Open-Source).
func TestPlainSpellingOneStyle(t *testing.T) {
	h, err := load.Load(handbuch.Model(), load.Options{Today: modelToday})
	if err != nil {
		t.Fatalf("the model handbook does not load:\n%v", err)
	}
	var texts bytes.Buffer
	for _, p := range h.Pages {
		if p.Plain && strings.HasSuffix(p.File, ".md") {
			data, err := fs.ReadFile(handbuch.Model(), p.File)
			if err != nil {
				t.Fatal(err)
			}
			// The argument of org is a key of handbuch.toml ("email"),
			// not a word of the text.
			texts.Write(orgShortcode.ReplaceAll(data, nil))
			texts.WriteByte('\n')
		}
	}
	for _, term := range h.Glossary {
		texts.WriteString(term.Term + "\n" + term.Short + "\n" + term.Text + "\n" + term.Example + "\n")
	}
	words := strings.FieldsFunc(texts.String(), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	closed := map[string]bool{}
	for _, w := range words {
		if !strings.Contains(w, "-") {
			closed[strings.ToLower(w)] = true
		}
	}
	// Hyphenated on purpose.
	allowed := map[string]bool{
		"Sozial-Amt": true, // glossary/leichte-sprache.toml shows the hyphen rule of Leichte Sprache
	}
	seen := map[string]bool{}
	for _, w := range words {
		w = strings.Trim(w, "-")
		if !strings.Contains(w, "-") || seen[w] || allowed[w] {
			continue
		}
		seen[w] = true
		if joined := strings.ToLower(strings.ReplaceAll(w, "-", "")); closed[joined] {
			t.Errorf("%q is also written closed; use one spelling", w)
		}
	}
}
