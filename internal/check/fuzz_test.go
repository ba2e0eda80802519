package check

import (
	"strings"
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

// FuzzHTML runs every markup check on any page and any stylesheet the
// page links, and the model on every element: role, accessible name and
// description, hiddenness.
func FuzzHTML(f *testing.F) {
	css := ":root{--text:#1a1a1a;--background:#fff}a{color:#0b4a7d}p{color:var(--text);background:var(--background)}.weg,nav>.x{display:none}[hidden].y{display:block}"
	for _, s := range []string{
		`<!DOCTYPE html><html lang="de"><head><title>T</title></head><body><main><h1>T</h1><img src="a.png"><a href="#x"></a><table><tr><td>1</td></tr></table></main></body></html>`,
		`<html><body><h3>x</h3><input id=a><label for=b>L</label><div role="button" aria-labelledby="nope" tabindex="5">`,
		`<p style="color:#777;background:#fff">x</p><details><summary></summary></details><iframe></iframe>`,
		`<link rel="stylesheet" href="../assets/handbuch.css"><nav><p class="x">a</p></nav><p class="weg" id=w>b</p><a href="y" aria-describedby="w">c</a>`,
		`<div id=a>Rahmen <button aria-labelledby="a">Knopf</button></div>`,
		`<span id=a role=link aria-labelledby=b>A</span><span id=b role=link aria-labelledby=a aria-owns=a>B</span>`,
		`<div id=x role=link aria-owns=y>A<span id=y role=link aria-owns=x>B</span></div>`,
		`<label id=l for=i>L <input id=i aria-labelledby=l><select aria-labelledby=l><option>o</select></label>`,
		`<ul><li>a<li>b</ul><dl><dt>x<dd>y</dl><table><td>c<tr><th>d</table><select><option>1<option>2</select><p>e<div>f</div>`,
		`<style>div > .s, [aria-x~="q"] + p { display: none } @media screen { #m { visibility: hidden } }</style><div><p class=s id=m>x</p></div>`,
		`<section aria-label="S"><header>h</header><aside>a</aside><form aria-labelledby="s1"><fieldset><legend>L</legend></fieldset></form></section><p id=s1>s</p>`,
		`<svg role="img"><title>T</title><a><text>x</text></a></svg><math><mi>x</mi></math><template><p>t</p></template>`,
		`<div role="slider" aria-valuenow="3" aria-label="v"></div><div role="combobox" aria-owns="lb"></div><div role="listbox" id="lb"><div role="option" aria-selected="true">o</div></div>`,
		strings.Repeat(`<div aria-hidden="true"><span role="link" tabindex="0">`, 600) + "x",
		strings.Repeat("<table><tr><td><ul><li>", 200),
	} {
		f.Add(s, css)
	}
	f.Fuzz(func(t *testing.T, src, css string) {
		for _, fd := range Site([]File{{Path: "public/a/index.html", Data: []byte(src)}, {Path: "public/assets/handbuch.css", Data: []byte(css)}}) {
			if fd.Msg == "" || fd.Rule == "" {
				t.Fatalf("finding without rule or message: %+v", fd)
			}
		}
		p := modelPage(t, src, map[string]string{"assets/handbuch.css": css})
		p.root.walk(func(n *node) bool {
			if n.tag == "" || n.tag == "#document" {
				return true
			}
			if n.gone && !n.hidden {
				t.Fatalf("<%s> hidden for everyone but not from assistive technology", n.tag)
			}
			if n.parent != nil && attrOr(n.parent, "aria-hidden") == "true" && !n.hidden {
				t.Fatalf("<%s> in the accessibility tree inside <%s aria-hidden=true>", n.tag, n.parent.tag)
			}
			role := p.role(n)
			if def := roleTable[role]; role != "" && (def == nil || def.kind == "abstract") {
				t.Fatalf("<%s> has role %q, which is no concrete role", n.tag, role)
			}
			for _, s := range []string{p.name(n), p.description(n)} {
				if s != sanitize(s) {
					t.Fatalf("<%s>: name or description %q has spaces to collapse", n.tag, s)
				}
			}
			p.focusable(n)
			return true
		})
	})
}
