package pdf

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/markdown"
)

// TestURIsAreTheHrefs: a link of the PDF goes where the same link of the
// site goes, byte for byte: Markdown's escapes and entities resolved,
// percent-encoded alike (a backslash escape used to stay in the URI).
func TestURIsAreTheHrefs(t *testing.T) {
	h, d := shortcodePage(t, []string{
		`Ein [Link](https://example.org/a\_b) und <https://example.org/c\_d>.`,
		`Mit [Entität](https://example.org/?a=1&amp;b=2) und [Umlaut](https://de.wikipedia.org/wiki/Künstliche_Intelligenz).`,
		`Mit [Klammer](<https://example.org/a(b)>) und <ki@example.org> und [Anruf](tel:+49301234).`,
	})
	r, err := d.Render(&markdown.Context{})
	if err != nil {
		t.Fatal(err)
	}
	var hrefs []string
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(string(r.HTML), -1) {
		hrefs = append(hrefs, html.UnescapeString(m[1]))
	}
	data, err := Page(h, d)
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	for _, m := range regexp.MustCompile(`/URI \(((?:[^\\)]|\\.)*)\)`).FindAllSubmatch(Expand(data), -1) {
		uris = append(uris, regexp.MustCompile(`\\(.)`).ReplaceAllString(string(m[1]), "$1"))
	}
	if len(hrefs) != 7 || !slices.Equal(uris, hrefs) {
		t.Errorf("the PDF links\n%s\nthe site links\n%s", strings.Join(uris, "\n"), strings.Join(hrefs, "\n"))
	}
}

func TestReadable(t *testing.T) {
	for in, want := range map[string]string{
		"https://de.wikipedia.org/wiki/K%C3%BCnstliche_Intelligenz": "https://de.wikipedia.org/wiki/Künstliche_Intelligenz",
		"https://example.org/a%20b%5C":                              "https://example.org/a%20b%5C",
		"https://example.org/%C3":                                   "https://example.org/%C3",
		"https://example.org/%FF%FE":                                "https://example.org/%FF%FE",
		"https://example.org/%":                                     "https://example.org/%",
	} {
		if got := readable(in); got != want {
			t.Errorf("readable(%q) = %q, want %q", in, got, want)
		}
	}
}
