package build

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/load"
)

// modelToday is the date the model handbook is checked against, so that
// its dates do not fall due while the tests stay the same.
var modelToday = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// TestModelHandbook builds the embedded model handbook and checks what
// every reader relies on, page by page.
func TestModelHandbook(t *testing.T) {
	files, h, findings, err := Make(handbuch.Model(), nil, load.Options{Today: modelToday}, "public")
	if err != nil {
		t.Fatalf("the model handbook does not build:\n%v", err)
	}
	// The checks find no error. The model register has one system whose
	// ethics check is overdue on purpose, to show the mark; nothing else
	// may warn.
	var warnings []string
	for _, f := range findings {
		if f.Severity != check.Hint {
			warnings = append(warnings, f.String())
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "ist älter als 12 Monate") {
		t.Errorf("errors and warnings of the checks:\n%s", strings.Join(warnings, "\n"))
	}
	byFile := map[string]*book.Page{}
	for _, p := range h.Pages {
		byFile[p.File] = p
	}
	section := byFile["content/leitlinien/_index.md"]
	if section == nil || len(section.Children) != 10 {
		t.Fatal("want the section content/leitlinien with the ten chapters")
	}
	clients := byFile["content/klienten/_index.md"]
	if clients == nil || len(clients.Children) != 5 || h.Home.Children[0] != clients {
		t.Fatal("want the client section content/klienten with five pages, first in the navigation")
	}
	for _, p := range append([]*book.Page{clients}, clients.Children...) {
		if !p.Plain || p.Audience != "clients" {
			t.Errorf("%s: a client page must have plain = true and audience = \"clients\"", p.File)
		}
	}
	if g := h.Pages[len(h.Pages)-1]; g.Kind != book.KindGlossary || len(h.Glossary) < 45 {
		t.Errorf("want the glossary page last and at least 45 terms, got %s and %d terms", g.File, len(h.Glossary))
	}
	for _, p := range h.Pages[1:] {
		if !strings.HasSuffix(p.File, ".md") {
			continue // generated: glossary, checklists
		}
		if p.Description == "" || p.Version == "" || len(p.AdoptedBy) == 0 || p.Reviewed.IsZero() || p.Owner == "" || p.Audience == "" {
			t.Errorf("%s: incomplete front matter", p.File)
		}
		// A model is not adopted: it names who is to decide, not when.
		if p.Status != book.StatusModel || !p.Adopted.IsZero() {
			t.Errorf("%s: status %q, adopted %v; a page of the model handbook is a model (status = \"muster\", no adopted)", p.File, p.Status, p.Adopted)
		}
	}

	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	titles := map[string]string{}
	tables := 0
	for name, data := range out {
		if path.Ext(name) != ".html" {
			continue
		}
		tables += bytes.Count(data, []byte(`<th scope="col">`))
		pg := inspect(t, name, data)
		if other, dup := titles[pg.title]; dup {
			t.Errorf("%s and %s share the title %q", name, other, pg.title)
		}
		titles[pg.title] = name
		for _, href := range pg.hrefs {
			if strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "tel:") || strings.HasPrefix(href, "#") {
				continue
			}
			if strings.Contains(href, "://") {
				t.Errorf("%s: link to another host: %s", name, href)
				continue
			}
			target, _, _ := strings.Cut(href, "#")
			dirLink := strings.HasSuffix(target, "/")
			if name == "404.html" {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(path.Dir(name), target)
			}
			if dirLink || target == "." {
				target = path.Join(target, "index.html")
			}
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q points to missing %s", name, href, target)
			}
		}
	}
	if tables < 13 { // ethics (3), risks (3), traffic light (4), register (3), contacts (3)
		t.Errorf("%d table header cells, want the model's tables with headers", tables)
	}
	for _, want := range []string{"Präambel", "Geltungsbereich", "Ethische Grundsätze", "Governance", "Datenschutz", "Risikomanagement", "Partizipation", "Technische", "Monitoring", "Anhang"} {
		found := false
		for _, c := range section.Children {
			found = found || strings.HasPrefix(c.Title, want)
		}
		if !found {
			t.Errorf("no chapter %q", want)
		}
	}
	if !bytes.Contains(out["index.html"], []byte("Dies ist ein Muster.")) {
		t.Error("the start page does not say that this is a model")
	}
}

type pageFacts struct {
	title string
	hrefs []string
}

var headingTag = regexp.MustCompile(`^h([1-6])$`)

// inspect parses one output page and reports what a screen reader user
// would stumble over: not exactly one h1, skipped heading levels, empty
// headings, duplicate ids, same-page links to nowhere, inline styles or
// scripts, resources from other hosts.
func inspect(t *testing.T, name string, data []byte) pageFacts {
	t.Helper()
	var facts pageFacts
	z := html.NewTokenizer(bytes.NewReader(data))
	ids := map[string]bool{}
	var fragments []string
	h1, last := 0, 0
	inTitle, inHeading := false, false
	headingText := ""
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			for _, a := range tok.Attr {
				switch a.Key {
				case "id":
					if ids[a.Val] {
						t.Errorf("%s: duplicate id %q", name, a.Val)
					}
					ids[a.Val] = true
				case "href":
					if f, ok := strings.CutPrefix(a.Val, "#"); ok {
						fragments = append(fragments, f)
					}
					if tok.Data == "a" {
						facts.hrefs = append(facts.hrefs, a.Val)
					}
					if tok.Data == "link" && strings.Contains(a.Val, "://") {
						t.Errorf("%s: resource from another host: %s", name, a.Val)
					}
				case "src":
					own := tok.Data == "script" && (strings.HasSuffix(a.Val, "assets/handbuch.js") ||
						name == "suche/index.html" && (a.Val == "index.js" || a.Val == "../assets/suche.js")) || // the search index and script
						tok.Data == "img" && strings.HasPrefix(a.Val, "../assets/bilder/") // its pictures
					if strings.Contains(a.Val, "://") || !own {
						t.Errorf("%s: %s loads %s; the model loads only its own scripts and pictures", name, tok.Data, a.Val)
					}
				case "style":
					t.Errorf("%s: inline style on %s breaks the Content-Security-Policy", name, tok.Data)
				}
			}
			if tok.Data == "title" {
				inTitle = true
			}
			if tok.Data == "style" || (tok.Data == "script" && !hasAttr(tok, "src")) {
				t.Errorf("%s: inline <%s>", name, tok.Data)
			}
			if m := headingTag.FindStringSubmatch(tok.Data); m != nil {
				level := int(m[1][0] - '0')
				if level == 1 {
					h1++
				}
				if level > last+1 {
					t.Errorf("%s: <%s> follows h%d", name, tok.Data, last)
				}
				last = level
				inHeading, headingText = true, ""
			}
		case html.TextToken:
			if inTitle {
				facts.title += tok.Data
			}
			if inHeading {
				headingText += tok.Data
			}
		case html.EndTagToken:
			if tok.Data == "title" {
				inTitle = false
			}
			if headingTag.MatchString(tok.Data) {
				if strings.TrimSpace(headingText) == "" {
					t.Errorf("%s: empty <%s>", name, tok.Data)
				}
				inHeading = false
			}
		}
	}
	if h1 != 1 {
		t.Errorf("%s: %d h1 elements, want 1", name, h1)
	}
	if facts.title == "" {
		t.Errorf("%s: no title", name)
	}
	for _, f := range fragments {
		if !ids[f] {
			t.Errorf("%s: link to #%s, which is not on the page", name, f)
		}
	}
	return facts
}

func hasAttr(tok html.Token, key string) bool {
	for _, a := range tok.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestModelGlossaryTranslations: the model's glossary gives a term in
// English or Arabic only where a page in that language uses it, and each
// such page links it with the short text in its language. An Arabic
// translation says in a comment right above it that it is a model
// translation a native speaker checks, as the Arabic page does.
func TestModelGlossaryTranslations(t *testing.T) {
	files, h, _, err := Make(handbuch.Model(), nil, load.Options{Today: modelToday}, "public")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{} // language → the HTML of its pages
	for _, p := range h.Pages {
		if p.Language == "" {
			continue
		}
		for _, f := range files {
			if "/"+f.Path == p.URL+"index.html" {
				pages[p.Language] += string(f.Data)
			}
		}
	}
	if pages["en"] == "" || pages["ar"] == "" {
		t.Fatalf("want the model's English and Arabic pages, have %d languages", len(pages))
	}
	// The layout's words inside the page are in its language too.
	contains(t, "en", pages["en"], `<nav class="toc" aria-labelledby="hb-toc-titel">
<h2 id="hb-toc-titel">On this page</h2>`, `<p><strong>Model:</strong> This text is a template.`)
	contains(t, "ar", pages["ar"], `<h2 id="hb-toc-titel">في هذه الصفحة</h2>`, `<p><strong>نموذج:</strong> هذا النص نموذج.`,
		`<p class="download"><a href="../../../pdf/faltblatt-klienten-so-nutzen-wir-ki-ar.pdf">تنزيل المطوية للطباعة (PDF, `)
	lacks(t, "en", pages["en"], "Auf dieser Seite", "Dieser Text ist eine Vorlage")
	n := 0
	for _, term := range h.Glossary {
		for lang, tr := range term.Translations {
			n++
			link := `glossar/#` + term.ID() + `" hreflang="de" class="begriff" data-begriff="` + html.EscapeString(tr.Term) + `" data-kurz="` + html.EscapeString(tr.Short) + `"`
			if !strings.Contains(pages[lang], link) {
				t.Errorf("%s: no page in %s links %q with its short text", term.File, lang, tr.Term)
			}
			if lang != "ar" {
				continue
			}
			src, err := fs.ReadFile(handbuch.Model(), term.File)
			if err != nil {
				t.Fatal(err)
			}
			before, _, _ := strings.Cut(string(src), "[translations.ar]")
			lines := strings.Split(strings.TrimRight(before, "\n"), "\n")
			var comment []string
			for i := len(lines) - 1; i >= 0 && strings.HasPrefix(lines[i], "#"); i-- {
				comment = append(comment, lines[i])
			}
			if c := strings.Join(comment, " "); !strings.Contains(c, "model translation") || !strings.Contains(c, "native speaker") {
				t.Errorf("%s: [translations.ar] wants a comment right above it that it is a model translation a native speaker checks", term.File)
			}
		}
	}
	if n < 4 {
		t.Errorf("the model's glossary has %d translations, want the terms of the English and the Arabic page", n)
	}
}
