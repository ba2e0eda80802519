package markdown

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// testGlossary is the glossary of the term fixtures.
var testGlossary = book.Glossary{
	{Name: "kuenstliche-intelligenz", Term: "Künstliche Intelligenz", Abbr: "KI", Forms: []string{"Künstlichen Intelligenz"}, Short: "Programme, die aus Daten lernen."},
	{Name: "ki-register", Term: "KI-Register", Short: "Die Liste aller KI-Systeme."},
	{Name: "ki-verordnung", Term: "KI-Verordnung", Forms: []string{"EU AI Act"}, Short: "Das Gesetz der EU über KI."},
	{Name: "ki-koordination", Term: "KI-Koordination", Forms: []string{"KI-Koordinator:in", "KI-Koordinator:innen"}, Short: "Die Stelle, die sich um KI kümmert."},
	{Name: "daten", Term: "Daten", Short: "Angaben und Zahlen."},
	{Name: "personenbezogene-daten", Term: "personenbezogene Daten", Forms: []string{"personenbezogener Daten", "personenbezogenen Daten"}, Short: "Angaben über einen Menschen."},
	{Name: "gesundheitsdaten", Term: "Gesundheitsdaten", Short: "Angaben über die Gesundheit."},
	{Name: "einwilligung", Term: "Einwilligung", Forms: []string{"Einwilligungen"}, Short: "Sie sagen Ja."},
	{Name: "algorithmus", Term: "Algorithmus", Forms: []string{"Algorithmen"}, Short: "Eine Rechen-Regel."},
	{Name: "chatbot", Term: "Chatbot", Forms: []string{"Chatbots"}, Short: "Ein Programm, das schreibt."},
	{Name: "bias", Term: "Bias", Short: "Eine Verzerrung."},
}

// termLink turns <a class="begriff"> into [text→name], so the fixtures
// stay readable.
var termLinkRe = regexp.MustCompile(`(?s)<a href="/glossar/#([^"]+)" class="begriff" data-begriff="[^"]*"(?: data-kurz="[^"]*")?>(.*?)</a>`)

func TestTermFixtures(t *testing.T) {
	data, err := os.ReadFile("testdata/terms.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Glossary: testGlossary})
	for _, c := range strings.Split(string(data), sepCase) {
		if strings.TrimSpace(c) == "" {
			continue
		}
		parts := strings.Split(c, sepIn)
		if len(parts) != 3 {
			t.Fatalf("malformed case %q", c)
		}
		name, input, want := strings.TrimSpace(parts[0]), parts[1], parts[2]
		doc := m.Parse(&book.Page{File: "content/t.md", Source: []byte(input), Body: []byte(input), LinkTerms: true})
		html, err := renderHTML(doc)
		if err != nil {
			t.Fatal(err)
		}
		got := termLinkRe.ReplaceAllString(string(html), "[$2→$1]")
		if strings.TrimSpace(got) != strings.TrimSpace(want) {
			t.Errorf("case %s:\n--- got\n%s\n--- want\n%s", name, got, want)
		}
		if len(doc.Errors) > 0 {
			t.Errorf("case %s: errors %v", name, doc.Errors)
		}
	}
}

func TestTermModes(t *testing.T) {
	src := "Daten und Daten.\n"
	page := func(link bool) *book.Page {
		return &book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src), LinkTerms: link}
	}
	for _, tc := range []struct {
		mode  string
		link  bool
		links int
	}{
		{"first", true, 1},
		{"all", true, 2},
		{"none", true, 0},
		{"all", false, 0}, // the page opted out with link_terms = false
	} {
		doc := New(Options{Glossary: testGlossary, TermLinks: tc.mode}).Parse(page(tc.link))
		html, _ := renderHTML(doc)
		if n := strings.Count(string(html), `class="begriff"`); n != tc.links {
			t.Errorf("mode %s, link_terms %v: %d links, want %d", tc.mode, tc.link, n, tc.links)
		}
		if len(doc.Terms) != 1 || doc.Terms[0].Name != "daten" {
			t.Errorf("mode %s: terms used %v, want daten even when not linked", tc.mode, doc.Terms)
		}
	}
}

func TestTermNotLinkedInOwnEntry(t *testing.T) {
	src := "Daten sind Angaben. Gesundheitsdaten sind besondere Daten."
	m := New(Options{Glossary: testGlossary})
	doc := m.ParseTerm(testGlossary[4], &book.Page{File: "glossary/daten.toml", Source: []byte(src), Body: []byte(src)})
	html, _ := renderHTML(doc)
	got := termLinkRe.ReplaceAllString(string(html), "[$2→$1]")
	if want := "<p>Daten sind Angaben. [Gesundheitsdaten→gesundheitsdaten] sind besondere Daten.</p>"; strings.TrimSpace(got) != want {
		t.Errorf("got %s", got)
	}
}

func TestBegriffShortcodeUnknown(t *testing.T) {
	src := "+++\ntitle = \"x\"\n+++\nSiehe {{< begriff \"nix\" >}}.\n"
	body := strings.Index(src, "Siehe")
	doc := New(Options{Glossary: testGlossary}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src[body:]), BodyOffset: body, LinkTerms: true})
	if len(doc.Errors) != 1 || !strings.HasPrefix(doc.Errors[0].Error(), `content/t.md:4:7: begriff: den Begriff "nix" gibt es im Glossar nicht`) {
		t.Errorf("errors %v", doc.Errors)
	}
}

// BenchmarkLinkTerms measures term linking of 1,000 pages with 10, 100
// and 1,000 terms: the cost should stay nearly flat as terms grow.
func BenchmarkLinkTerms(b *testing.B) {
	page := []byte(strings.Repeat("Die Pflegekraft spricht ihren Bericht, und die Software schreibt ihn auf. "+
		"Personenbezogene Daten bleiben im Haus; die Einwilligung der Klient:innen liegt vor. "+
		"Ein Chatbot beantwortet Fragen zu Terminen, ein KI-System übersetzt Briefe.\n\n", 8))
	for _, n := range []int{10, 100, 1000} {
		g := append(book.Glossary(nil), testGlossary...)
		for i := len(g); i < n; i++ {
			g = append(g, &book.Term{Name: fmt.Sprintf("begriff-%d", i), Term: fmt.Sprintf("Fachwort%d", i), Forms: []string{fmt.Sprintf("Fachwörter%d", i), fmt.Sprintf("zwei Wörter%d", i)}, Short: "x"})
		}
		m := New(Options{Glossary: g[:n]})
		plain := New(Options{})
		b.Run(fmt.Sprintf("terms=%d", n), func(b *testing.B) {
			for b.Loop() {
				for range 1000 {
					m.Parse(&book.Page{File: "content/t.md", Source: page, Body: page, LinkTerms: true})
				}
			}
		})
		if n == 10 {
			b.Run("terms=0", func(b *testing.B) {
				for b.Loop() {
					for range 1000 {
						plain.Parse(&book.Page{File: "content/t.md", Source: page, Body: page, LinkTerms: true})
					}
				}
			})
		}
	}
}

// TestTermPopups checks which term links carry the short text for a pop-up
// button: a term's first link in its h2 section, at most one per
// paragraph and three per section; none in a glossary entry.
func TestTermPopups(t *testing.T) {
	src := `Daten, Bias und ein Chatbot in einem Absatz.

Algorithmen hier.

- Gesundheitsdaten im Punkt
- Einwilligungen im nächsten Punkt

### Unterabschnitt

Die KI ist im selben Abschnitt.

## Neuer Abschnitt

Wieder {{< begriff "daten" >}} und die KI-Verordnung.

Noch {{< begriff "daten" "einmal Daten" >}}.
`
	doc := New(Options{Glossary: testGlossary, TermLinks: "all"}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src), LinkTerms: true})
	html, err := renderHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	popup := regexp.MustCompile(`data-begriff="([^"]*)" data-kurz="[^"]*">([^<]*)<`)
	var got []string
	for _, m := range popup.FindAllStringSubmatch(string(html), -1) {
		got = append(got, m[2])
	}
	// Section 1: Daten (first of its paragraph), Algorithmen, Gesundheitsdaten;
	// the section's three are used up, so neither Einwilligungen nor KI.
	// Section 2: Daten again (a new section), not the KI-Verordnung in the
	// same paragraph, and not Daten a second time.
	want := []string{"Daten", "Algorithmen", "Gesundheitsdaten", "daten"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pop-ups on %q, want %q\n%s", got, want, html)
	}
	if n := strings.Count(string(html), `class="begriff"`); n != 10 {
		t.Errorf("%d term links, want 10 (mode all): every occurrence stays a link\n%s", n, html)
	}

	entry := &book.Page{File: "glossary/bias.toml", Source: []byte("Ein Algorithmus mit Daten.\n"), Body: []byte("Ein Algorithmus mit Daten.\n")}
	ed := New(Options{Glossary: testGlossary}).ParseTerm(testGlossary[10], entry)
	eh, err := renderHTML(ed)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(eh), `class="begriff"`) != 2 || strings.Contains(string(eh), "data-kurz") {
		t.Errorf("a glossary entry links its terms without pop-ups:\n%s", eh)
	}
}

// translatedGlossary gives Einwilligung in English and Arabic, Chatbot
// in English only, Daten in neither.
func translatedGlossary() book.Glossary {
	return book.Glossary{
		{Name: "einwilligung", Term: "Einwilligung", Forms: []string{"Einwilligungen"}, Short: "Sie sagen Ja.", Translations: map[string]*book.TermTranslation{
			"en": {Lang: "en", Term: "consent", Forms: []string{"consents"}, Short: "You say yes. Then we may use your data."},
			"ar": {Lang: "ar", Term: "موافقة", Short: "تقول نعم."},
		}},
		{Name: "chatbot", Term: "Chatbot", Short: "Ein Programm, das schreibt.", Translations: map[string]*book.TermTranslation{
			"en": {Lang: "en", Term: "chatbot", Abbr: "Bot", Short: "A program that answers."},
		}},
		{Name: "daten", File: "glossary/daten.toml", Term: "Daten", Short: "Angaben und Zahlen."},
	}
}

// TestTermTranslations: a page in another language links the terms
// translated into it through their words in it, first use per page as
// in German, with the pop-up's short text and button label in its
// language and the link marked as leading to the German entry; terms
// without a translation into it, and German words, stay unlinked. A
// German page links as before.
func TestTermTranslations(t *testing.T) {
	m := New(Options{Glossary: translatedGlossary()})
	parse := func(lang, src string) (string, *Doc) {
		t.Helper()
		doc := m.Parse(&book.Page{File: "content/t.md", Language: lang, Source: []byte(src), Body: []byte(src), LinkTerms: true})
		html, err := renderHTML(doc)
		if err != nil {
			t.Fatal(err)
		}
		return string(html), doc
	}

	en, doc := parse("en", "Your consent counts. Your consents too. A chatbot or a Bot answers. Einwilligung and Daten are German.\n\n## More\n\nAsk the chatbot about data.\n")
	want := `<p>Your <a href="/glossar/#einwilligung" hreflang="de" class="begriff" data-begriff="consent" data-kurz="You say yes. Then we may use your data." data-knopf="Short explanation">consent<span class="visually-hidden"> (glossary in German)</span></a> counts. Your consents too. A <a href="/glossar/#chatbot" hreflang="de" class="begriff" data-begriff="chatbot">chatbot<span class="visually-hidden"> (glossary in German)</span></a> or a Bot answers. Einwilligung and Daten are German.</p>`
	if !strings.Contains(en, want) {
		t.Errorf("English page:\n%s\nwant it to contain\n%s", en, want)
	}
	for _, bad := range []string{"Sie sagen Ja", "glossar/#daten", `data-begriff="Chatbot"`} {
		if strings.Contains(en, bad) {
			t.Errorf("English page has %q:\n%s", bad, en)
		}
	}
	if len(doc.Terms) != 2 || doc.Terms[0].Name != "einwilligung" || doc.Terms[1].Name != "chatbot" {
		t.Errorf("English page uses %v, want einwilligung and chatbot", doc.Terms)
	}

	ar, _ := parse("ar", "نطلب موافقة منك. يجيب chatbot.\n")
	if want := `<a href="/glossar/#einwilligung" hreflang="de" class="begriff" data-begriff="موافقة" data-kurz="تقول نعم." data-knopf="شرح قصير">موافقة<span class="visually-hidden"> (قاموس المصطلحات باللغة الألمانية)</span></a>`; !strings.Contains(ar, want) {
		t.Errorf("Arabic page:\n%s\nwant it to contain\n%s", ar, want)
	}
	if strings.Contains(ar, "glossar/#chatbot") {
		t.Errorf("Arabic page links chatbot, which has no Arabic translation:\n%s", ar)
	}

	tr, _ := parse("tr", "Einwilligung, consent, chatbot.\n")
	if strings.Contains(tr, "begriff") {
		t.Errorf("a Turkish page without translations links:\n%s", tr)
	}

	de, _ := parse("", "Die Einwilligung, consent.\n")
	if want := `<p>Die <a href="/glossar/#einwilligung" class="begriff" data-begriff="Einwilligung" data-kurz="Sie sagen Ja.">Einwilligung</a>, consent.</p>`; strings.TrimSpace(de) != want {
		t.Errorf("German page:\n%s\nwant\n%s", de, want)
	}
}

// TestBegriffShortcodeTranslated: {{< begriff >}} on a page in another
// language links a term translated into it, by file name or by its
// word in that language, and names the file to translate it in when
// it is not.
func TestBegriffShortcodeTranslated(t *testing.T) {
	m := New(Options{Glossary: translatedGlossary()})
	src := "+++\ntitle = \"x\"\n+++\nSee {{< begriff \"einwilligung\" \"agreement\" >}}, {{< begriff \"consent\" >}} and {{< begriff \"daten\" \"data\" >}}.\n"
	body := strings.Index(src, "See")
	doc := m.Parse(&book.Page{File: "content/t.en.md", Language: "en", Source: []byte(src), Body: []byte(src[body:]), BodyOffset: body, LinkTerms: true})
	html, _ := renderHTML(doc)
	for _, want := range []string{
		`<a href="/glossar/#einwilligung" hreflang="de" class="begriff" data-begriff="consent" data-kurz="You say yes. Then we may use your data." data-knopf="Short explanation">agreement<span class="visually-hidden"> (glossary in German)</span></a>`,
		`<a href="/glossar/#einwilligung" hreflang="de" class="begriff" data-begriff="consent">consent<span`,
		` and data.`,
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("got\n%s\nwant it to contain\n%s", html, want)
		}
	}
	if len(doc.Errors) != 1 || !strings.HasPrefix(doc.Errors[0].Error(), `content/t.en.md:4:79: begriff: den Begriff "daten" gibt es im Glossar nicht auf Englisch. Tragen Sie in glossary/daten.toml unter [translations.en] den Begriff`) {
		t.Errorf("errors %v", doc.Errors)
	}
}
