package check

import (
	"strings"
	"testing"
	"time"
)

// dump writes the tree of n as tag(children…), texts as "text".
func dump(n *node) string {
	var b strings.Builder
	var write func(n *node)
	write = func(n *node) {
		if n.tag == "" {
			b.WriteString(`"` + strings.TrimSpace(n.text) + `"`)
			return
		}
		b.WriteString(n.tag)
		if len(n.children) == 0 {
			return
		}
		b.WriteByte('(')
		for i, c := range n.children {
			if i > 0 {
				b.WriteByte(' ')
			}
			write(c)
		}
		b.WriteByte(')')
	}
	for i, c := range n.children {
		if i > 0 {
			b.WriteByte(' ')
		}
		write(c)
	}
	return b.String()
}

// TestTreeConstruction: the tree is the one a browser builds, for the
// optional end tags and implied elements of HTML.
func TestTreeConstruction(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<ul><li>a<li>b</ul>`, `html(head body(ul(li("a") li("b"))))`},
		{`<dl><dt>x<dd>y<dt>z</dl>`, `html(head body(dl(dt("x") dd("y") dt("z"))))`},
		{`<ol><li><div>a<li>b</div></ol>`, `html(head body(ol(li(div("a")) li("b"))))`},
		{`<ul><li>a<ul><li>b</ul><li>c</ul>`, `html(head body(ul(li("a" ul(li("b"))) li("c"))))`},
		{`<p>a<div>b</div><p>c<ul><li>d</ul>`, `html(head body(p("a") div("b") p("c") ul(li("d"))))`},
		{`<p>a<span>b<p>c`, `html(head body(p("a" span("b")) p("c")))`},
		{`<select><option>a<option>b<optgroup><option>c</select>`, `html(head body(select(option("a") option("b") optgroup(option("c")))))`},
		{`<table><tr><td>a<td>b<tr><th>c</table>`, `html(head body(table(tbody(tr(td("a") td("b")) tr(th("c"))))))`},
		{`<table><thead><tr><th>a<tbody><tr><td>b</table>`, `html(head body(table(thead(tr(th("a"))) tbody(tr(td("b"))))))`},
		{`<table><td>a</table>`, `html(head body(table(tbody(tr(td("a"))))))`},
		{`<div><td>a</div>`, `html(head body(div("a")))`},
		{`<title>T</title><p>x`, `html(head(title("T")) body(p("x")))`},
		{`<!DOCTYPE html><html lang=de><head><meta charset=utf-8></head><body><h1>T</h1></body></html>`, `html(head(meta) body(h1("T")))`},
		{`<html><head></head>text</html>`, `html(head body("text"))`},
		{`</body><p>after</p>`, `html(head body(p("after")))`},
		{`<h1>a<h2>b</h2>`, `html(head body(h1("a") h2("b")))`},
		{`<a href=x>a<a href=y>b</a>`, `html(head body(a("a") a("b")))`},
		{`<button>a<button>b</button>`, `html(head body(button("a") button("b")))`},
		{`<div><span>a</div>b`, `html(head body(div(span("a")) "b"))`},
		{`<span><div>a</span>b</div>`, `html(head body(span(div("a" "b"))))`},
		{`<svg><title>T</title><a><p></a></svg>`, `html(head body(svg(title("T") a(p))))`},
		{`<p>a<table><tr><td>b</table>`, `html(head body(p("a" table(tbody(tr(td("b")))))))`},
		{`<head><template><p>a</template></head><p>b`, `html(head(template(p("a"))) body(p("b")))`},
		{`<!DOCTYPE html><p>a<table><tr><td>b</table>`, `html(head body(p("a") table(tbody(tr(td("b"))))))`},
	} {
		if got := dump(parse([]byte(c.in))); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestTreePositions: elements keep the byte offset of their tag; implied
// ones get that of the token that implied them.
func TestTreePositions(t *testing.T) {
	src := "<ul><li>a<li>b</ul>\n<table><td>x</table>"
	var got []string
	parse([]byte(src)).walk(func(n *node) bool {
		if n.tag != "" && n.tag != "#document" {
			got = append(got, n.tag+"@"+strings.TrimSpace(src[n.offset:min(n.offset+3, len(src))]))
		}
		return true
	})
	want := "html@<ul head@<ul body@<ul ul@<ul li@<li li@<li table@<ta tbody@<td tr@<td td@<td"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestTreeDeep: 100,000 nested elements parse to the end and nest no
// deeper than maxDepth.
func TestTreeDeep(t *testing.T) {
	for _, open := range []string{"<div>", "<span>", "<li>", "<td>", "<svg>", "<p><div>"} {
		src := strings.Repeat(open, 100_000) + "x" + strings.Repeat("</div>", 100_000)
		start := time.Now()
		root := parse([]byte(src))
		deepest := int32(0)
		root.walk(func(n *node) bool { deepest = max(deepest, n.depth); return true })
		if deepest > maxDepth+1 {
			t.Errorf("%s: depth %d", open, deepest)
		}
		// Logged, not asserted; only a walk quadratic in 100,000
		// elements (many minutes) fails, as a hang.
		if d := time.Since(start); d > 2*time.Minute {
			t.Errorf("%s: %v, a hang", open, d)
		} else {
			t.Logf("%s: %v", open, d)
		}
	}
}
