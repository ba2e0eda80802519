package load

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbuch/handbuch/internal/book"
)

// glossaryProject is what every case of testdata/glossary.txt builds on:
// a German handbook with a client page in English and Arabic.
var glossaryProject = fstest.MapFS{
	"handbuch.toml":                {Data: []byte("title = \"Test\"\n")},
	"content/_index.md":            {Data: []byte("+++\ntitle = \"Start\"\n+++\nText.\n")},
	"content/klienten/_index.md":   {Data: []byte("+++\ntitle = \"Klienten\"\n+++\nText.\n")},
	"content/klienten/seite.md":    {Data: []byte("+++\ntitle = \"Seite\"\n+++\nText.\n")},
	"content/klienten/seite.en.md": {Data: []byte("+++\ntitle = \"Page\"\n+++\nText.\n")},
	"content/klienten/seite.ar.md": {Data: []byte("+++\ntitle = \"صفحة\"\n+++\nنص.\n")},
}

// loadCase loads the project with the files of archive added, and
// returns the handbook (nil on errors) and every message, warnings
// marked "Warnung: ".
func loadCase(t *testing.T, archive []byte) (*book.Handbook, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, f := range glossaryProject {
		fsys[name] = f
	}
	for _, f := range txtar.Parse(archive).Files {
		if f.Name != "want" {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	h, err := Load(fsys, Options{Today: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	var got []string
	var list book.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			got = append(got, e.Error())
		}
	} else if err != nil {
		t.Fatal(err)
	}
	if h != nil {
		for _, w := range h.Warnings {
			got = append(got, "Warnung: "+w.Error())
		}
	}
	return h, got
}

// TestGlossaryTranslationFixtures runs the numbered cases of
// testdata/glossary.txt: the messages about [translations.<code>] of a
// glossary file, each at its file:line:col.
func TestGlossaryTranslationFixtures(t *testing.T) {
	for _, c := range fixtures(t, "testdata/glossary.txt") {
		name, archive := c.name, []byte(c.body)
		var want []string
		for _, f := range txtar.Parse(archive).Files {
			if f.Name == "want" {
				for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
					if l != "" {
						want = append(want, l)
					}
				}
			}
		}
		_, got := loadCase(t, archive)
		ok := len(got) == len(want)
		for j := 0; ok && j < len(want); j++ {
			ok = strings.HasPrefix(got[j], want[j])
		}
		if !ok {
			t.Errorf("case %s:\ngot:\n%s\nwant (each the start of one):\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestGlossaryTranslationValues: the translations of case 1 arrive in
// the term, by language, with what the file says.
func TestGlossaryTranslationValues(t *testing.T) {
	data, err := os.ReadFile("testdata/glossary.txt")
	if err != nil {
		t.Fatal(err)
	}
	first := caseHeader.FindAllStringSubmatchIndex(string(data), 2)
	h, msgs := loadCase(t, data[first[0][1]:first[1][0]])
	if h == nil || len(msgs) > 0 {
		t.Fatalf("case 1 does not load: %v", msgs)
	}
	var e *book.Term
	for _, t := range h.Glossary {
		if t.Name == "einwilligung" {
			e = t
		}
	}
	if e == nil {
		t.Fatal("no term einwilligung")
	}
	en, ar := e.In("en"), e.In("ar")
	if en == nil || ar == nil || e.In("tr") != nil || len(e.Translations) != 2 {
		t.Fatalf("translations %+v", e.Translations)
	}
	if en.Lang != "en" || en.Term != "consent" || strings.Join(en.Forms, ",") != "consents" || en.Short != "You say yes. Then we may use your data." || en.Pos.String() != "glossary/einwilligung.toml:7:1" {
		t.Errorf("en: %+v", en)
	}
	if ar.Term != "موافقة" || ar.Short != "تقول نعم." || ar.Pos.String() != "glossary/einwilligung.toml:4:1" {
		t.Errorf("ar: %+v", ar)
	}
}
