package load

import (
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// TestValuesTOMLTakesButHandbuchDoesNot: values of the right TOML type
// that are wrong for the field, and the parser's messages about escapes,
// all in German with their position.
func TestValuesTOMLTakesButHandbuchDoesNot(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"adopted = 2026-09-15T10:00:00Z", `fall.toml:1:1: "adopted" ist ein Zeitpunkt mit Uhrzeit`},
		{"adopted = 2026-09-15 10:00:00", `fall.toml:1:1: "adopted" ist ein Zeitpunkt mit Uhrzeit`},
		{"adopted = 10:00:00", `fall.toml:1:1: "adopted" ist ein Zeitpunkt mit Uhrzeit`},
		{"adopted = 2026-09-15", ""},
		{"limit = nan", `fall.toml:1:1: "limit" ist keine Zahl, mit der sich rechnen lässt`},
		{"limit = -nan", `fall.toml:1:1: "limit" ist keine Zahl, mit der sich rechnen lässt`},
		{"limit = +inf", `fall.toml:1:1: "limit" ist keine Zahl, mit der sich rechnen lässt`},
		{"limit = 1e400", `fall.toml:1:9: TOML kann nicht gelesen werden: die Zahl ist zu groß oder zu klein`},
		{"limit = 7.5", ""},
		{`title = "\uDFFF"`, `fall.toml:1:10: TOML kann nicht gelesen werden: die Escape-Folge \uDFFF steht für kein Zeichen`},
		{`title = "\U00110000"`, `fall.toml:1:10: TOML kann nicht gelesen werden: die Escape-Folge \U00110000 steht für kein Zeichen`},
		{`title = "C:\Daten"`, `TOML kann nicht gelesen werden: \D ist keine Escape-Folge`},
		{"title = \"\"\"\nC:\\Daten\"\"\"", `TOML kann nicht gelesen werden: \D ist keine Escape-Folge`},
	} {
		var errs book.ErrorList
		d := tomlDoc{file: "fall.toml", src: []byte(c.text), text: c.text}
		d.decode([]field{
			{key: "adopted", kind: kDate, set: func(any, book.Pos) {}},
			{key: "limit", kind: kNumber, set: func(any, book.Pos) {}},
			{key: "title", kind: kString, set: func(any, book.Pos) {}},
		}, &errs)
		got := ""
		if len(errs) > 0 {
			got = errs[0].Error()
		}
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) || strings.Contains(got, "Escaped character") || strings.Contains(got, "invalid escape") {
			t.Errorf("%s:\ngot  %q\nwant %q", c.text, got, c.want)
		}
	}
}
