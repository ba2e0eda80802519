package importdoc

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

// escapeCases are texts that Markdown, the table and footnote syntax or
// handbuch's shortcodes would read as something else.
var escapeCases = []string{
	"*Sternchen* und **fett** und _unter_ und __doppelt__",
	"[Text](https://example.org) und ![Bild](x.png) und [^1] und [a]: /b",
	"<b>fett</b> <!-- Kommentar --> <https://example.org> &amp; &copy; &#65; & und",
	"`Code` und ``doppelt`` und ~~weg~~ und ~einfach~",
	"# Raute am Anfang",
	"## zwei Rauten ##",
	"1. Januar",
	"2026) war ein Jahr",
	"- Strich am Anfang",
	"+ Plus am Anfang",
	"* Stern am Anfang",
	"> Zitat am Anfang",
	": Doppelpunkt am Anfang",
	"=== Gleichheitszeichen",
	"---",
	"    vier Leerzeichen wie Code",
	"Tabelle | mit | Strichen",
	"{{< eintragen \"x\" >}} und {{% org \"name\" %}} und {{ nur }}",
	"Backslash \\ am Ende \\",
	"Zeile eins\n# Zeile zwei\n1. Zeile drei\n- Zeile vier\n: Zeile fünf\n===",
	"§\u00a035 SGB\u00a0I",
	"Ende mit &",
	"a*b*c und a_b_c und 2*3*4",
	"http://example.org/nicht-verlinkt",
}

// TestEscapeRoundTrip: a paragraph of each text, written as Markdown and
// rendered by goldmark, shows exactly the text again (a line break as
// <br>), with no element besides.
func TestEscapeRoundTrip(t *testing.T) {
	for _, text := range escapeCases {
		for _, sp := range []span{{text: text}, {text: text, bold: true}, {text: text, italic: true, bold: true}} {
			roundTrip(t, sp)
		}
	}
}

func roundTrip(t *testing.T, sp span) {
	t.Helper()
	w := &writer{d: &doc{}}
	md := w.inline([]span{sp}, false)
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote, extension.Strikethrough, extension.DefinitionList))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	body := root.FirstChild.LastChild // html > body
	var got strings.Builder
	var elements []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			got.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			got.WriteString("\n")
		case n.Type == html.ElementNode:
			elements = append(elements, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	want := strings.TrimSpace(sp.text)
	// Spaces at the start of a line are dropped (they would make code).
	lines := strings.Split(want, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, " ")
	}
	want = strings.Join(lines, "\n")
	text := strings.ReplaceAll(strings.TrimSpace(got.String()), "\u200b", "")
	text = strings.ReplaceAll(text, "\n\n", "\n")
	if text != want {
		t.Errorf("text changed\nMarkdown: %q\n     got: %q\n    want: %q", md, text, want)
	}
	allowed := map[string]bool{"p": true}
	if sp.bold {
		allowed["strong"] = true
	}
	if sp.italic {
		allowed["em"] = true
	}
	for _, e := range elements {
		if !allowed[e] {
			t.Errorf("Markdown %q makes a <%s>", md, e)
		}
	}
}

// FuzzEscape: any text of a paragraph comes back as itself.
func FuzzEscape(f *testing.F) {
	for _, c := range escapeCases {
		f.Add(c, false)
	}
	f.Fuzz(func(t *testing.T, text string, bold bool) {
		if !utf8Valid(text) || strings.ContainsAny(text, "\r\x00\u200b\t\f\v") || strings.ContainsFunc(text, isControl) {
			return
		}
		roundTrip(t, span{text: text, bold: bold})
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }

func isControl(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029
}
