package markdown

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"sync"
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
			got, err := renderHTML(doc)
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

// renderHTML renders d as a page of its own.
func renderHTML(d *Doc) ([]byte, error) {
	r, err := d.Render(&Context{})
	return r.HTML, err
}

// TestContext renders one tree for the print view (ids prefixed, headings
// moved down, links mapped) and as a page of its own at the same time:
// the tree stays as it was, so both come out right, also under -race.
func TestContext(t *testing.T) {
	src := "## Eins\n\nSiehe [zwei](#zwei)[^1] und [drei](https://example.org/).\n\nTabelle: Werte\n\n| a |\n|---|\n| 1 |\n\n## Zwei\n\n[^1]: Note.\n"
	doc := New(Options{}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src)})
	doc.Links[0].Target = "/t/#zwei" // as the link stage sets it
	print := &Context{IDPrefix: "s_x--", Shift: 1, Href: func(target string) string { return "#s_x--" + strings.TrimPrefix(target, "/t/#") }}
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := &Context{}
			if i%2 == 0 {
				ctx = print
			}
			r, err := doc.Render(ctx)
			if err != nil {
				t.Error(err)
			}
			got[i] = r.HTML
		}()
	}
	wg.Wait()
	for _, want := range []string{`<h3 id="s_x--eins">Eins</h3>`, `<a href="#s_x--zwei">zwei</a>`, `id="s_x--fn:1"`, `href="#s_x--fn:1"`, `<h3 id="s_x--zwei">`, `aria-labelledby="s_x--tabelle-werte"`, `<caption id="s_x--tabelle-werte">`, `href="https://example.org/"`} {
		if !strings.Contains(string(got[0]), want) {
			t.Errorf("print: missing %q in\n%s", want, got[0])
		}
	}
	for _, want := range []string{`<h2 id="eins">Eins</h2>`, `<a href="/t/#zwei">zwei</a>`, `id="fn:1"`, `<caption id="tabelle-werte">`} {
		if !strings.Contains(string(got[1]), want) {
			t.Errorf("page: missing %q in\n%s", want, got[1])
		}
	}
	for i := 2; i < len(got); i++ {
		if !bytes.Equal(got[i], got[i%2]) {
			t.Errorf("rendering %d differs from the first of its kind", i)
		}
	}
}

// TestSpans maps elements of the rendered page back to the source.
func TestSpans(t *testing.T) {
	src := "+++\ntitle = \"x\"\n+++\n## Kopf\n\nText mit **fett** und\n[Link](https://example.org/).\n\n- eins\n- zwei\n"
	body := strings.Index(src, "## ")
	doc := New(Options{}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src[body:]), BodyOffset: body})
	r, err := doc.Render(&Context{Positions: true})
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := renderHTML(doc)
	if !bytes.Equal(plain, r.HTML) {
		t.Errorf("positions changed the output:\n%s\n%s", plain, r.HTML)
	}
	region := book.Region{Start: 0, End: len(r.HTML), Page: doc.Page, Spans: r.Spans}
	for _, c := range []struct{ elem, pos string }{
		{"<h2", "content/t.md:4:1"},
		{"<p>", "content/t.md:6:1"},
		{"<strong>", "content/t.md:6:10"},
		{"<a ", "content/t.md:7:1"},
		{"<li>zwei", "content/t.md:10:1"},
	} {
		i := bytes.Index(r.HTML, []byte(c.elem))
		p, ok := region.PosOf(i)
		if i < 0 || !ok || p.String() != c.pos {
			t.Errorf("%s at %d: %v %v, want %s", c.elem, i, p, ok, c.pos)
		}
	}
}

// TestFigureTexts: the alternative text and caption of a picture are
// texts of the page, in their place, for the plain-language checks and
// the search; a decoration has none.
func TestFigureTexts(t *testing.T) {
	body := "Vorher.\n\n![Ein Bild von A.](a.png \"Die Unterschrift\")\n\n{{< bild \"b.png\" \"Ein Bild von B.\" \"Unter B\" >}}\n\n{{< bild \"c.png\" \"dekorativ\" >}}\n\nNachher.\n"
	p := &book.Page{File: "content/t.md", Source: []byte(body), Body: []byte(body), LinkTerms: true}
	d := New(Options{}).Parse(p)
	if len(d.Errors) > 0 {
		t.Fatal(d.Errors)
	}
	var got []string
	for _, b := range d.TextBlocks() {
		got = append(got, b.Text)
	}
	want := []string{"Vorher.", "Ein Bild von A.", "Die Unterschrift", "Ein Bild von B.", "Unter B", "Nachher."}
	if !slices.Equal(got, want) {
		t.Errorf("texts %q, want %q", got, want)
	}
}

// TestShortcodeLines: block shortcodes on consecutive lines and the text
// right after them are all kept (the line after a shortcode was lost).
func TestShortcodeLines(t *testing.T) {
	for _, body := range []string{
		"{{< feld \"Eins\" >}}\n{{< feld \"Zwei\" >}}\nText danach.\n",
		"{{< feld \"Eins\" >}}\r\n{{< feld \"Zwei\" >}}\r\nText danach.\r\n",
		"{{< feld \"Eins\" >}}\n\n{{< feld \"Zwei\" >}}\n\nText danach.",
	} {
		p := &book.Page{File: "content/t.md", Source: []byte(body), Body: []byte(body), LinkTerms: true}
		d := New(Options{}).Parse(p)
		var texts []string
		for _, b := range d.TextBlocks() {
			texts = append(texts, b.Text)
		}
		if len(d.Shortcodes) != 2 || !slices.Equal(texts, []string{"Text danach."}) || len(d.Errors) > 0 {
			t.Errorf("%q: %d shortcodes, texts %q, errors %v", body, len(d.Shortcodes), texts, d.Errors)
		}
	}
}

// TestContainer: nur-organisation holds the blocks up to its closing
// line, which is never text; its layout's output stands around them,
// and their headings are one level below the page's.
func TestContainer(t *testing.T) {
	for _, body := range []string{
		"Davor.\n\n{{< nur-organisation >}}\n\n## Hinweise\n\nNur für uns.\n\n{{< /nur-organisation >}}\n\nDanach.\n",
		"Davor.\n\n{{< nur-organisation >}}\n## Hinweise\nNur für uns.\n{{< /nur-organisation >}}\nDanach.\n",
		"Davor.\r\n\r\n{{< nur-organisation >}}\r\n\r\n## Hinweise\r\n\r\nNur für uns.\r\n\r\n  {{< /nur-organisation >}}\r\n\r\nDanach.\r\n",
	} {
		p := &book.Page{File: "content/t.md", Source: []byte(body), Body: []byte(body)}
		d := New(Options{}).Parse(p)
		if len(d.Errors) > 0 || len(d.Shortcodes) != 1 || !d.Shortcodes[0].Container || d.Shortcodes[0].ChildCount() != 2 {
			t.Errorf("%q: errors %v, shortcodes %d", body, d.Errors, len(d.Shortcodes))
			continue
		}
		r, err := d.Render(&Context{Shortcode: func(sc *Shortcode) ([]byte, error) {
			return []byte("<section>" + Inner + "</section>\n"), nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		want := "<p>Davor.</p>\n<section><h3 id=\"hinweise\">Hinweise</h3>\n<p>Nur für uns.</p>\n</section>\n<p>Danach.</p>\n"
		if string(r.HTML) != want {
			t.Errorf("%q:\n%s\nwant\n%s", body, r.HTML, want)
		}
	}
}
