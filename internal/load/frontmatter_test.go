package load

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

var caseHeader = regexp.MustCompile(`(?m)^### (\d+): (.*)\n`)

// fixture is one numbered case of a testdata file: "### N: name" and
// the text up to the next such line.
type fixture struct{ name, body string }

// fixtures reads the numbered cases of file.
func fixtures(t *testing.T, file string) []fixture {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	heads := caseHeader.FindAllStringSubmatchIndex(text, -1)
	if len(heads) == 0 {
		t.Fatal("no cases")
	}
	var out []fixture
	for i, h := range heads {
		end := len(text)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		out = append(out, fixture{text[h[2]:h[3]] + " " + text[h[4]:h[5]], text[h[1]:end]})
	}
	return out
}

func TestFrontMatterFixtures(t *testing.T) {
	for _, c := range fixtures(t, "testdata/frontmatter.txt") {
		name, body := c.name, c.body
		input, want, ok := strings.Cut(body, "=== Fehler\n")
		if !ok {
			t.Fatalf("case %s: no === Fehler line", name)
		}
		if strings.Contains(name, "CRLF") {
			input = strings.ReplaceAll(input, "\n", "\r\n")
		}
		var errs book.ErrorList
		pg := parsePage("content/fall.md", []byte(input), &errs)
		var got []string
		for _, e := range errs {
			got = append(got, e.Error())
		}
		if g, w := strings.Join(got, "\n"), strings.TrimSpace(want); g != w {
			t.Errorf("case %s:\ngot:\n%s\nwant:\n%s", name, g, w)
		}
		if len(errs) == 0 && (pg == nil || pg.Title == "") {
			t.Errorf("case %s: no errors but no page", name)
		}
	}
}

func TestFrontMatterValues(t *testing.T) {
	var errs book.ErrorList
	pg := parsePage("content/a.md", []byte("+++\ntitle = \"A\"\nweight = 5\nadopted = 2026-09-15\nadopted_by = [\"Vorstand\", \"MAV\"]\nstatus = \"entwurf\"\nplain = true\n+++\nText.\n"), &errs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if pg.Title != "A" || pg.Weight != 5 || pg.Adopted.Format("2006-01-02") != "2026-09-15" || strings.Join(pg.AdoptedBy, ",") != "Vorstand,MAV" || pg.Status != book.StatusDraft || !pg.Plain {
		t.Errorf("decoded %+v", pg)
	}
	if string(pg.Body) != "Text.\n" || pg.BodyPos(0).String() != "content/a.md:9:1" {
		t.Errorf("body %q at %s", pg.Body, pg.BodyPos(0))
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"title", "weight", "description", "reviewed"}
	for in, want := range map[string]string{"titel": "title", "Title": "title", "wieght": "weight", "descripton": "description", "gewicht": "weight", "reviewd": "reviewed", "xyz": ""} {
		if got := suggest(in, names); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFrontMatterAudience(t *testing.T) {
	for in, want := range map[string]string{
		"staff": book.AudienceStaff, "mitarbeitende": book.AudienceStaff,
		"clients": book.AudienceClients, "klienten": book.AudienceClients,
		"alle": book.AudienceAll, "everyone": book.AudienceAll,
		"redaktion": book.AudienceEditors, "editors": book.AudienceEditors,
		"": "",
	} {
		var errs book.ErrorList
		src := "+++\ntitle = \"A\"\n"
		if in != "" {
			src += "audience = \"" + in + "\"\n"
		}
		pg := parsePage("content/a.md", []byte(src+"+++\nText.\n"), &errs)
		if len(errs) > 0 {
			t.Fatalf("audience %q: %v", in, errs)
		}
		if pg.Audience != want {
			t.Errorf("audience %q: got %q, want %q", in, pg.Audience, want)
		}
	}
}
