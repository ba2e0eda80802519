package check

import (
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// FuzzPlain splits any text into sentences and runs the plain-language
// rules and the readability measures on it.
func FuzzPlain(f *testing.F) {
	for _, s := range []string{
		"Das ist ein Satz. Und z. B. noch einer mit 3,5 % und Dr. Müller!",
		"Die Datenschutz-Folgenabschätzung wird durch die Geschäftsführung veranlasst, sofern es erforderlich ist.",
		"…“„ – ?!. \u00a0\u2028",
		"KI-Systeme (wie ChatGPT) sind … nicht immer richtig",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		texts := []Text{{Text: text, Pos: func(i int) book.Pos { return book.Pos{File: "a.md", Line: 1, Col: i + 1} }}}
		Plain(texts, map[string]bool{"ki": true}, DefaultLimits)
		Readable(book.Pos{File: "a.md", Line: 1, Col: 1}, texts, DefaultLimits)
		new(SyllableCache).Measure(Sentences(text))
	})
}

// FuzzHTML runs every markup check on any page and any stylesheet.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		`<!DOCTYPE html><html lang="de"><head><title>T</title></head><body><main><h1>T</h1><img src="a.png"><a href="#x"></a><table><tr><td>1</td></tr></table></main></body></html>`,
		`<html><body><h3>x</h3><input id=a><label for=b>L</label><div role="button" aria-labelledby="nope" tabindex="5">`,
		`<p style="color:#777;background:#fff">x</p><details><summary></summary></details><iframe></iframe>`,
	} {
		f.Add(s, ":root{--text:#1a1a1a;--background:#fff}a{color:#0b4a7d}p{color:var(--text);background:var(--background)}")
	}
	f.Fuzz(func(t *testing.T, page, css string) {
		for _, fd := range Site([]File{{Path: "public/a/index.html", Data: []byte(page)}, {Path: "public/assets/handbuch.css", Data: []byte(css)}}) {
			if fd.Msg == "" || fd.Rule == "" {
				t.Fatalf("finding without rule or message: %+v", fd)
			}
		}
	})
}
