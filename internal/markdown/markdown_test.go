package markdown

import (
	"os"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

const (
	sepIn   = "//- - - - - - - - -//\n"
	sepCase = "//= = = = = = = = = = = = = = = = = = = = = = = =//\n"
)

// TestFixtures runs testdata/*.txt: numbered cases of Markdown and the
// HTML it must render to, in the format of goldmark's own fixtures.
func TestFixtures(t *testing.T) {
	for _, file := range []string{"testdata/markdown.txt", "testdata/rawhtml.txt"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := New(Options{ReservedIDs: []string{"hb-inhalt"}})
		if strings.HasSuffix(file, "rawhtml.txt") {
			m = New(Options{AllowHTML: true})
		}
		for _, c := range strings.Split(string(data), sepCase) {
			if strings.TrimSpace(c) == "" {
				continue
			}
			parts := strings.Split(c, sepIn)
			if len(parts) != 3 {
				t.Fatalf("%s: malformed case %q", file, c)
			}
			name, input, want := strings.TrimSpace(parts[0]), parts[1], parts[2]
			doc := m.Parse(&book.Page{File: "content/t.md", Source: []byte(input), Body: []byte(input)})
			got, err := doc.Render()
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(want) {
				t.Errorf("%s case %s:\n--- got\n%s\n--- want\n%s", file, name, got, want)
			}
		}
	}
}

func TestHeadingsAndLinks(t *testing.T) {
	src := "+++\ntitle = \"x\"\n+++\n## Größe\n\nText mit [Link](a.md#b) und ![Bild](b.png).\n\n### Unter „Größe“\n"
	body := strings.Index(src, "## ")
	doc := New(Options{}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src[body:]), BodyOffset: body})
	if len(doc.Headings) != 2 || doc.Headings[0] != (Heading{2, "groesse", "Größe"}) || doc.Headings[1] != (Heading{3, "unter-groesse", "Unter „Größe“"}) {
		t.Errorf("headings %+v", doc.Headings)
	}
	if len(doc.Links) != 2 {
		t.Fatalf("links %+v", doc.Links)
	}
	if l := doc.Links[0]; l.Dest != "a.md#b" || l.Pos.String() != "content/t.md:6:10" || l.Image {
		t.Errorf("link %+v at %s", l, l.Pos)
	}
	if l := doc.Links[1]; l.Dest != "b.png" || !l.Image || l.Pos.String() != "content/t.md:6:29" {
		t.Errorf("image %+v at %s", l, l.Pos)
	}
}

func TestRebase(t *testing.T) {
	src := "## Eins\n\nSiehe [zwei](#zwei)[^1].\n\n## Zwei\n\n[^1]: Note.\n"
	doc := New(Options{}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src)})
	doc.Rebase("s_x--", 1, func(l Link) string { return "#s_x--" + strings.TrimPrefix(l.Dest, "#") })
	got, _ := doc.Render()
	for _, want := range []string{`<h3 id="s_x--eins">Eins</h3>`, `<a href="#s_x--zwei">zwei</a>`, `id="s_x--fn:1"`, `href="#s_x--fn:1"`, `<h3 id="s_x--zwei">`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}
