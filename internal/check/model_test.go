package check

import (
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/book"
)

// modelPage parses src and computes its model, with the stylesheets of
// sheets (by path, relative to the page "seite/index.html").
func modelPage(t *testing.T, src string, sheets map[string]string) *page {
	t.Helper()
	parsed := map[string]*stylesheet{}
	for k, v := range sheets {
		parsed[k] = parseCSS(v)
	}
	p := &page{file: "seite/index.html", src: []byte(src), root: parse([]byte(src)), ids: map[string]*node{}}
	p.labelsFor = map[string][]*node{}
	p.root.walk(func(n *node) bool {
		if id, ok := n.attr("id"); ok && p.ids[id] == nil {
			p.ids[id] = n
		}
		if f, ok := n.attr("for"); ok && n.tag == "label" {
			p.labelsFor[f] = append(p.labelsFor[f], n)
		}
		return true
	})
	p.model(func(page, href string) *stylesheet { return resolveSheet(parsed, page, href) })
	return p
}

// byID finds the element with the id; the test fails without one.
func byID(t *testing.T, p *page, id string) *node {
	t.Helper()
	n := p.ids[id]
	if n == nil {
		t.Fatalf("no element with id %q", id)
	}
	return n
}

func TestRoles(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<a id=x href=a>A</a>`, "link"},
		{`<a id=x>A</a>`, ""},
		{`<div id=x role="main">A</div>`, "main"},
		{`<div id=x role=" Button ">A</div>`, "button"},
		{`<div id=x role="button link">A</div>`, ""},
		{`<div id=x role="widget">A</div>`, ""},
		{`<img id=x src=a.png alt="">`, "presentation"},
		{`<img id=x src=a.png alt="" aria-label="A">`, "img"},
		{`<img id=x src=a.png alt="" tabindex=0>`, "img"},
		{`<button id=x role=presentation>A</button>`, "button"},
		{`<ul role=presentation><li id=x>A</li></ul>`, "presentation"},
		{`<table role=none><tr><td id=x>A</td></tr></table>`, "none"},
		{`<section id=x>A</section>`, ""},
		{`<section id=x aria-label="Teil">A</section>`, "region"},
		{`<p id=l>Teil</p><section id=x aria-labelledby=l>A</section>`, "region"},
		{`<header id=x>A</header>`, "banner"},
		{`<main><header id=x>A</header></main>`, ""},
		{`<article><footer id=x>A</footer></article>`, ""},
		{`<aside id=x>A</aside>`, "complementary"},
		{`<nav><aside id=x>A</aside></nav>`, ""},
		{`<nav><aside id=x title="Info">A</aside></nav>`, "complementary"},
		{`<form id=x></form>`, ""},
		{`<form id=x aria-label="Suche"></form>`, "form"},
		{`<input id=x>`, "textbox"},
		{`<input id=x type=checkbox>`, "checkbox"},
		{`<input id=x type=search list=d><datalist id=d></datalist>`, "combobox"},
		{`<input id=x type=email>`, "textbox"},
		{`<select id=x></select>`, "combobox"},
		{`<select id=x size=4></select>`, "listbox"},
		{`<table><tr><th id=x>A</th><th>B</th></tr></table>`, "columnheader"},
		{`<table><tr><th id=x>A</th><td>B</td></tr><tr><th>C</th><td>D</td></tr></table>`, "rowheader"},
		{`<table><tr><th id=x scope=row>A</th><th>B</th></tr></table>`, "rowheader"},
		{`<table role=grid><tr><td id=x>A</td></tr></table>`, "gridcell"},
		{`<h3 id=x>A</h3>`, "heading"},
		{`<svg id=x role=img></svg>`, "img"},
		{`<svg><g id=x role="graphics-symbol"></g></svg>`, "graphics-symbol"},
		{`<summary id=x>A</summary>`, "button"},
		{`<li id=x>A</li>`, "listitem"},
	} {
		p := modelPage(t, c.html, nil)
		if got := p.role(byID(t, p, "x")); got != c.want {
			t.Errorf("%s: role %q, want %q", c.html, got, c.want)
		}
	}
}

func TestAccessibleName(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<a id=x href=a>Zum <b>Kapitel</b> 3</a>`, "Zum Kapitel 3"},
		{`<a id=x href=a><img src=a.png alt="Logo"> Start</a>`, "Logo Start"},
		{`<a id=x href=a aria-label="Startseite">S</a>`, "Startseite"},
		{`<a id=x href=a aria-labelledby="a b">S</a><span id=a>Eins</span><span id=b>Zwei</span>`, "Eins Zwei"},
		{`<a id=x href=a aria-labelledby="nope">Text</a>`, "Text"},
		{`<a id=x href=a title="T"></a>`, "T"},
		{`<a id=x href=a><span hidden>Weg</span>Da</a>`, "Da"},
		{`<a id=x href=a><span aria-hidden="true">★</span>Da</a>`, "Da"},
		{`<a id=x href=a aria-labelledby=h>X</a><span id=h hidden>Versteckt</span>`, "Versteckt"},
		{`<a id=x href=a><div>Block</div><div>Zwei</div></a>`, "Block Zwei"},
		{`<button id=x>OK <input type=text value="wert"></button>`, "OK wert"},
		{`<button id=x>OK<input type=text value="wert" aria-label=f></button>`, "OKf"},
		{`<label for=x>Name</label><input id=x>`, "Name"},
		{`<label>Name <input id=x></label>`, "Name"},
		{`<label>Farbe <select id=x><option>rot<option selected>blau</select></label>`, "Farbe"},
		{`<label for=x>A</label><label for=x>B</label><input id=x>`, "A B"},
		{`<input id=x placeholder="Suche">`, "Suche"},
		{`<input id=x type=submit>`, "Submit"},
		{`<input id=x type=button value="Los">`, "Los"},
		{`<input id=x type=image alt="Senden">`, "Senden"},
		{`<img id=x src=a.png alt="Ein Hund">`, "Ein Hund"},
		{`<img id=x src=a.png title="Titel">`, "Titel"},
		{`<table id=x><caption>Kosten</caption><tr><td>1</td></tr></table>`, "Kosten"},
		{`<fieldset id=x><legend>Gruppe</legend></fieldset>`, "Gruppe"},
		{`<figure id=x><img src=a.png alt=""><figcaption>Bild 1</figcaption></figure>`, "Bild 1"},
		{`<svg id=x role=img><title>Karte</title></svg>`, "Karte"},
		{`<div id=x role=button>Los <span role=img aria-label="Pfeil"></span></div>`, "Los Pfeil"},
		{`<div id=x role=navigation>Nicht aus dem Inhalt</div>`, ""},
		{`<h2 id=x>Über <abbr title="Künstliche Intelligenz">KI</abbr></h2>`, "Über KI"},
		{`<div id=x role=slider aria-valuenow=5 aria-label="Lautstärke"></div>`, "Lautstärke"},
		{`<label id=x>Wert <span role=slider aria-valuenow="7"></span></label>`, "Wert 7"},
		{`<a id=x href=a>  viel   Raum  </a>`, "viel Raum"},
		{`<div id=x role=link aria-owns=o>A</div><span id=o>B</span>`, "AB"},
		{`<div id=x role=link aria-owns=o>A</div><p id=o>B</p>`, "A B"},
	} {
		p := modelPage(t, c.html, nil)
		if got := p.name(byID(t, p, "x")); got != c.want {
			t.Errorf("%s: name %q, want %q", c.html, got, c.want)
		}
	}
}

func TestDescription(t *testing.T) {
	p := modelPage(t, `<input id=x aria-label=A aria-describedby="h1 h2"><p id=h1>Hilfe</p><p id=h2 hidden>Mehr</p><button id=y title="Speichert">OK</button>`, nil)
	if got := p.description(byID(t, p, "x")); got != "Hilfe Mehr" {
		t.Errorf("description %q", got)
	}
	if got := p.description(byID(t, p, "y")); got != "Speichert" {
		t.Errorf("description %q", got)
	}
}

// TestNameCycles: references that lead back to the element, its own
// ancestors or each other end; this used to overflow the stack.
func TestNameCycles(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<div id=a>Rahmen <button id=x aria-labelledby="a">Knopf</button></div>`, "Rahmen Knopf"},
		{`<button id=x aria-labelledby="x">Selbst</button>`, "Selbst"},
		{`<span id=x role=link aria-labelledby=b>A</span><span id=b aria-labelledby=x>B</span>`, "B"},
		{`<div id=x role=link aria-owns=y>A<span id=y role=link aria-owns=x>B</span></div>`, "AB"},
		{`<label id=x for=i>L <input id=i aria-labelledby=x></label>`, "L"},
	} {
		p := modelPage(t, c.html, nil)
		done := make(chan string, 1)
		go func() { done <- p.name(byID(t, p, "x")) }()
		select {
		case got := <-done:
			if got != c.want {
				t.Errorf("%s: name %q, want %q", c.html, got, c.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no name after 10 s", c.html)
		}
	}
}

func TestHidden(t *testing.T) {
	css := map[string]string{"assets/a.css": `
.weg, #auch-weg { display: none }
nav > .klein { visibility: hidden }
.zeigen { display: block }
@media print { .druck { display: none } }
@media screen { .bildschirm-weg { display: none } }
@media (min-width: 60em) { .breit-weg { display: none } }
p.wichtig { display: none !important }
p#b.wichtig { display: block }
ul li + li { display: none }
[data-aus="ja"] { display: none }
:hover .nie { display: none }
`}
	for _, c := range []struct {
		html     string
		id       string
		hidden   bool
		everyone bool
	}{
		{`<p id=x>A</p>`, "x", false, false},
		{`<p id=x hidden>A</p>`, "x", true, true},
		{`<div hidden><p id=x>A</p></div>`, "x", true, true},
		{`<p id=x aria-hidden="true">A</p>`, "x", true, false},
		{`<div aria-hidden="true"><p id=x>A</p></div>`, "x", true, false},
		{`<div inert><p id=x>A</p></div>`, "x", true, false},
		{`<p id=x style="display: none">A</p>`, "x", true, true},
		{`<p id=x style="visibility:hidden">A</p>`, "x", true, true},
		{`<div style="visibility:hidden"><p id=x style="visibility: visible">A</p></div>`, "x", false, false},
		{`<div style="visibility:hidden"><p id=x>A</p></div>`, "x", true, true},
		{`<style>.s { display:none }</style><p id=x class="a s">A</p>`, "x", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><p id=x class=weg>A</p>`, "x", true, true},
		{`<link rel=stylesheet href="/assets/a.css"><p id=auch-weg>A</p>`, "auch-weg", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><nav><p id=x class=klein>A</p></nav>`, "x", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><nav><div><p id=x class=klein>A</p></div></nav>`, "x", false, false},
		{`<link rel=stylesheet href="../assets/a.css"><p id=x class="druck">A</p>`, "x", false, false},
		{`<link rel=stylesheet href="../assets/a.css"><p id=x class="bildschirm-weg">A</p>`, "x", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><p id=x class="breit-weg">A</p>`, "x", false, false},
		{`<link rel=stylesheet href="../assets/a.css"><p id=x class="wichtig zeigen" style="display:block">A</p>`, "x", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><p id=b class="wichtig">A</p>`, "b", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><ul><li id=a>1</li><li id=x>2</li></ul>`, "x", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><ul><li id=x>1</li><li>2</li></ul>`, "x", false, false},
		{`<link rel=stylesheet href="../assets/a.css"><p id=x data-aus="ja">A</p>`, "x", true, true},
		{`<link rel=stylesheet href="../assets/a.css"><div><p id=x class=nie>A</p></div>`, "x", false, false},
		{`<link rel=stylesheet href="https://example.org/a.css"><p id=x class=weg>A</p>`, "x", false, false},
		{`<link rel=stylesheet media=print href="../assets/a.css"><p id=x class=weg>A</p>`, "x", false, false},
		{`<p id=x hidden class=zeigen>A</p><link rel=stylesheet href="../assets/a.css">`, "x", false, false},
		{`<details><summary id=s>S</summary><p id=x>A</p></details>`, "x", true, true},
		{`<details><summary id=x>S</summary><p>A</p></details>`, "x", false, false},
		{`<details open><summary>S</summary><p id=x>A</p></details>`, "x", false, false},
		{`<dialog><p id=x>A</p></dialog>`, "x", true, true},
		{`<template><p id=x>A</p></template>`, "x", true, true},
		{`<input id=x type=hidden>`, "x", true, true},
	} {
		p := modelPage(t, c.html, css)
		n := byID(t, p, c.id)
		if n.hidden != c.hidden || n.gone != c.everyone {
			t.Errorf("%s: hidden %v, for everyone %v; want %v, %v", c.html, n.hidden, n.gone, c.hidden, c.everyone)
		}
	}
}

func TestCSSReader(t *testing.T) {
	s := parseCSS(`/* x { display: none } */ a { color: red } b, i > u, :not(p), x::before { display: none; visibility: hidden ! important }
@font-face { font-family: x } @import "y.css"; @supports (display: grid) { .g { display: none } } q { display }
`)
	var got []string
	for _, r := range s.rules {
		var parts []string
		for _, d := range r.decls {
			parts = append(parts, d.prop+"="+d.val+map[bool]string{true: "!"}[d.important])
		}
		got = append(got, strings.Join(parts, ","))
	}
	want := "display=none,visibility=hidden! display=none,visibility=hidden! display=none"
	if strings.Join(got, " ") != want {
		t.Errorf("rules %q, want %q", strings.Join(got, " "), want)
	}
	for sel, spec := range map[string]int{"a": 1, ".b": 1 << 10, "#c": 1 << 20, "a.b#c[d]": 1<<20 + 2<<10 + 1, "ul li > a": 3, "*": 0} {
		if _, got, ok := parseSelector(sel); !ok || got != spec {
			t.Errorf("%s: specificity %d (%v), want %d", sel, got, ok, spec)
		}
	}
	for _, bad := range []string{"a:hover", "a::after", "svg|a", "a >", "> a", "a,", "[", "a[b=c d]", ""} {
		if _, _, ok := parseSelector(bad); ok {
			t.Errorf("%q: read, want left out", bad)
		}
	}
}

// TestLinkedStylesheetOrder: a page is checked with the stylesheet it
// links whether the stylesheet comes before or after it.
func TestLinkedStylesheetOrder(t *testing.T) {
	page := File{Path: "public/a/index.html", Data: []byte(`<!DOCTYPE html><html lang="de"><head><title>A</title><link rel="stylesheet" href="../assets/s.css"></head><body><main><h1>A</h1><a class="weg" href="b.html"></a></main></body></html>`)}
	css := File{Path: "public/assets/s.css", Data: []byte(`.weg { display: none }`)}
	for _, order := range [][]File{{page, css}, {css, page}} {
		r := NewRunner()
		for _, f := range order {
			r.Add(f)
		}
		for _, f := range r.Finish() {
			if f.Rule == "link-name" {
				t.Errorf("order %s first: %v", order[0].Path, f)
			}
		}
	}
	var names []string
	for _, f := range Site([]File{page}) {
		names = append(names, f.Rule)
	}
	if !strings.Contains(strings.Join(names, " "), "link-name") {
		t.Errorf("without the stylesheet the empty link is found: %v", names)
	}
}

// TestPageFailureContained: a file that makes a check fail (here:
// regions beyond its end) is reported, and the other files are checked.
func TestPageFailureContained(t *testing.T) {
	bad := File{Path: "public/kaputt.html", Data: []byte("<p>x</p>"), Regions: []book.Region{{Start: 0, End: 1000, Repeated: true}}}
	good := File{Path: "public/gut.html", Data: []byte(`<html lang="de"><body><img src="a.png"></body></html>`)}
	var got []string
	for _, f := range Site([]File{bad, good}) {
		if f.Rule == "pruefung-abgebrochen" || f.Rule == "image-alt" {
			got = append(got, f.Pos.File+" "+f.Rule)
		}
	}
	if strings.Join(got, ", ") != "public/gut.html image-alt, public/kaputt.html pruefung-abgebrochen" {
		t.Errorf("findings %v", got)
	}
}
