package images

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// svgDoc is an SVG of 100 × 50 with body as its content.
func svgDoc(body string) []byte {
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">` + body + `</svg>`)
}

func TestSVGSafe(t *testing.T) {
	png := base64.StdEncoding.EncodeToString(pngOf(t, picture(4, 4, 255)))
	jpg := base64.StdEncoding.EncodeToString(jpegOf(t, picture(4, 4, 255)))
	tests := []string{
		`<rect width="10" height="10" fill="url(#g)" style="stroke: url( '#g' ); fill-opacity: .5"/>`,
		`<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>`,
		`<use href="#r"/><use xlink:href="#r" x="10"/><rect id="r" width="1" height="1"/>`,
		`<a href="#r"><text>Text</text></a>`,
		`<image width="4" height="4" href="data:image/png;base64,` + png + `"/>`,
		`<image width="4" height="4" xlink:href="DATA:image/jpeg;base64,` + jpg[:20] + "\n  " + jpg[20:] + `"/>`,
		`<style>rect { fill: url(#g) } @media print { rect { fill: black } }</style>`,
		`<style><![CDATA[ .a > .b { stroke: red } ]]></style>`,
		`<!-- a comment with <script> in it -->`,
		`<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>`,
		`<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="Ebene 1" inkscape:groupmode="layer"/>`,
		`<animate attributeName="opacity" from="0" to="1" dur="1s"/>`,
		`<path d="M0 0h10v10z" transform="rotate(45 5 5)"/>`,
	}
	for _, body := range tests {
		if _, err := readAs("x.svg", svgDoc(body)); err != nil {
			t.Errorf("%s: %v", body, err)
		}
	}
	// An XML declaration, a byte order mark, another encoding.
	for _, doc := range []string{
		"\ufeff" + string(svgDoc("")),
		`<?xml version="1.0" encoding="UTF-8" standalone="no"?>` + "\n" + string(svgDoc("")),
		`<?xml version="1.0" encoding="ISO-8859-1"?>` + string(svgDoc("<title>Gr\xf6\xdfe</title>")),
	} {
		if _, err := readAs("x.svg", []byte(doc)); err != nil {
			t.Errorf("%q: %v", doc[:20], err)
		}
	}
}

func TestSVGRefuses(t *testing.T) {
	gif := base64.StdEncoding.EncodeToString([]byte("GIF89a"))
	bomb := base64.StdEncoding.EncodeToString(pngChunks(chunk("IHDR", ihdr(100000, 100000, 8, 2, 0))))
	tests := []struct{ doc, want string }{
		{string(svgDoc(`<script>alert(1)</script>`)), "enthält ein Skript (<script>)"},
		{string(svgDoc(`<SCRIPT/>`)), "enthält ein Skript (<SCRIPT>)"},
		{string(svgDoc(`<handler/>`)), "enthält ein Skript"},
		{string(svgDoc(`<h:script xmlns:h="http://www.w3.org/1999/xhtml"/>`)), "enthält HTML (<script>)"},
		{string(svgDoc(`<p xmlns="http://www.w3.org/1999/xhtml"/>`)), "enthält HTML (<p>)"},
		{string(svgDoc(`<foreignObject><div/></foreignObject>`)), "enthält ein <foreignObject>"},
		{string(svgDoc(`<iframe src="https://example.org"/>`)), "enthält ein <iframe>"},
		{string(svgDoc(`<embed/>`)), "enthält ein <embed>"},
		{string(svgDoc(`<object data="x"/>`)), "enthält ein <object>"},
		{string(svgDoc(`<rect onclick="alert(1)"/>`)), "enthält das Ereignis-Attribut onclick an <rect>"},
		{`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>`, "Ereignis-Attribut onload an <svg>"},
		{string(svgDoc(`<rect ONMOUSEOVER="x"/>`)), "Ereignis-Attribut ONMOUSEOVER"},
		{string(svgDoc(`<set attributeName="onmouseover" to="alert(1)"/>`)), "enthält eine Animation <set>, die das Attribut onmouseover ändert"},
		{string(svgDoc(`<a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a>`)), "das Attribut xlink:href ändert"},
		{string(svgDoc(`<a href="https://example.org"><rect/></a>`)), "enthält einen Link (<a href=\"https://example.org\">)"},
		{string(svgDoc(`<a xlink:href="javascript:alert(1)"/>`)), "enthält einen Link (<a href=\"javascript:alert(1)\">)"},
		{string(svgDoc(`<use href="other.svg#a"/>`)), "verweist mit href=\"other.svg#a\" an <use> auf eine andere Datei oder Adresse"},
		{string(svgDoc(`<use xlink:href="https://example.org/a.svg#x"/>`)), "an <use> auf eine andere Datei"},
		{string(svgDoc(`<use href=""/>`)), "verweist mit href=\"\""},
		{string(svgDoc(`<image href="foto.png"/>`)), "verweist mit href=\"foto.png\" an <image>"},
		{string(svgDoc(`<image href="data:image/svg+xml;base64,PHN2Zy8+"/>`)), "verweist mit href=\"data:image/svg+xml;base64,PHN2Zy8+\""},
		{string(svgDoc(`<image href="data:image/png;base64,` + gif + `"/>`)), "enthält ein eingebettetes Bild (<image>), das keine PNG-Datei ist, wie data:image/png sagt"},
		{string(svgDoc(`<image href="data:image/png;base64,!!!"/>`)), "dessen base64-Daten fehlerhaft sind"},
		{string(svgDoc(`<image href="data:image/png;base64,` + bomb + `"/>`)), "enthält ein eingebettetes Bild (<image>): es ist 100000 × 100000 Pixel groß"},
		{string(svgDoc(`<rect href="data:image/png;base64,AAAA"/>`)), "an <rect> auf eine andere Datei"},
		{string(svgDoc(`<g xml:base="https://example.org/"/>`)), "enthält xml:base an <g>"},
		{string(svgDoc(`<rect style="fill: url(https://example.org/x.svg#g)"/>`)), "verweist mit url(https://example.org/x.svg#g) im Attribut style von <rect>"},
		{string(svgDoc(`<rect style="fill: URL( 'x.svg#g' )"/>`)), "verweist mit url(x.svg#g)"},
		{string(svgDoc(`<rect fill="url(http://example.org/#g)"/>`)), "im Attribut fill von <rect>"},
		{string(svgDoc(`<rect filter="url(#)"/>`)), "verweist mit url(#)"},
		{string(svgDoc(`<rect style="fill: \75rl(x)"/>`)), "enthält einen Backslash (\\) im Attribut style von <rect>"},
		{string(svgDoc(`<rect style="background: image-set('x.png' 1x)"/>`)), "verwendet die CSS-Funktion image-set()"},
		{string(svgDoc(`<style>@import "x.css";</style>`)), "lädt mit @import ein Stylesheet von anderswo (in <style>)"},
		{string(svgDoc(`<style>@IMPORT url(#x);</style>`)), "@import"},
		{string(svgDoc(`<style>rect { fill: url(x.svg#a) }</style>`)), "verweist mit url(x.svg#a) in <style>"},
		{string(svgDoc(`<style>rect { fill: u<!-- -->rl(x.svg#a) }</style>`)), "verweist mit url(x.svg#a) in <style>"},
		{string(svgDoc(`<style><![CDATA[ @font-face { src: url(font.woff) } ]]></style>`)), "verweist mit url(font.woff) in <style>"},
		{string(svgDoc(`<style>rect { fill: -webkit-image-set("x.png" 1x) }</style>`)), "CSS-Funktion -webkit-image-set()"},
		{`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + string(svgDoc("")), "enthält eine Deklaration <!DOCTYPE>. handbuch nimmt keine SVGs mit DOCTYPE oder ENTITY"},
		{`<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>` + string(svgDoc("<text>&b;</text>")), "enthält eine Deklaration <!DOCTYPE>"},
		{`<!ENTITY x SYSTEM "file:///etc/passwd">` + string(svgDoc("")), "enthält eine Deklaration <!ENTITY>"},
		{string(svgDoc(`<text>&xxe;</text>`)), "das XML darin ist fehlerhaft (invalid character entity &xxe;)"},
		{`<?xml-stylesheet href="x.css"?>` + string(svgDoc("")), "enthält die Verarbeitungsanweisung <?xml-stylesheet?>"},
		{string(svgDoc(`<g>`)), "das XML darin ist fehlerhaft"},
		{string(svgDoc("")) + `<svg/>`, "hat nach dem Ende von <svg> noch ein Element <svg>"},
		{string(svgDoc("")) + `Text`, "hat nach dem Ende von <svg> noch Text"},
		{`<svg viewBox="0 0 1 1"/>`, "hat am Element <svg> kein xmlns=\"http://www.w3.org/2000/svg\""},
		{`<svg xmlns="http://www.w3.org/2000/svg"/>`, "hat keine Größe. Geben Sie dem SVG width und height in Pixeln (ohne Einheit oder mit px) oder eine viewBox"},
		{`<svg xmlns="http://www.w3.org/2000/svg" width="10cm" height="5cm"/>`, "hat keine Größe"},
		{`<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 0 5"/>`, "hat keine Größe"},
		{`<svg xmlns="http://www.w3.org/2000/svg" width="NaN" height="Inf"/>`, "hat keine Größe"},
		// <use> copies.
		{string(svgDoc(`<g id="a"><use href="#a"/></g>`)), "verweist mit <use> im Kreis auf sich selbst"},
		{string(svgDoc(`<use id="u" href="#u"/>`)), "im Kreis"},
		{string(svgDoc(`<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>`)), "im Kreis"},
		{string(svgDoc(laughs(10, 10))), "ergäbe mit seinen Kopien (<use>) mehr als 1000000 Elemente"},
		{string(svgDoc(chain(60))), "verschachtelt Kopien (<use>) von Kopien mehr als 50 Ebenen tief"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := readAs("x.svg", []byte(tt.doc))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant %q", err, tt.want)
			}
			checkMessage(t, err)
		})
	}
}

// laughs is the "billion laughs" of <use>: depth levels of n copies of
// the level below.
func laughs(depth, n int) string {
	var b strings.Builder
	b.WriteString(`<defs><rect id="l0" width="1" height="1"/>`)
	for d := 1; d <= depth; d++ {
		fmt.Fprintf(&b, `<g id="l%d">`, d)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, `<use href="#l%d"/>`, d-1)
		}
		b.WriteString(`</g>`)
	}
	fmt.Fprintf(&b, `</defs><use href="#l%d"/>`, depth)
	return b.String()
}

// chain is n copies each of the one before.
func chain(n int) string {
	var b strings.Builder
	b.WriteString(`<rect id="c0" width="1" height="1"/>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<use id="c%d" href="#c%d"/>`, i, i-1)
	}
	return b.String()
}

func TestSVGUse(t *testing.T) {
	// Allowed: copies within the limits, forward references, a missing
	// target, a <use> right after its target in <defs> (a cycle only
	// as oksvg reads it).
	for _, body := range []string{
		laughs(5, 10),
		chain(49),
		`<use href="#später"/><rect id="später" width="1" height="1"/>`,
		`<use href="#fehlt"/>`,
		`<defs><rect id="r" width="1" height="1"/><use href="#r"/></defs><use href="#r"/>`,
	} {
		if _, err := readAs("x.svg", svgDoc(body)); err != nil {
			t.Errorf("%.80s: %v", body, err)
		}
	}
	// As oksvg reads it, the last one is a cycle: ForPDF refuses it.
	_, err := scanSVG(svgDoc(`<defs><rect id="r" width="1" height="1"/><use href="#r"/></defs><use href="#r"/>`), true)
	if err == nil || !strings.Contains(err.Error(), "lässt sich für das PDF nicht zeichnen") {
		t.Errorf("oksvg cycle: %v", err)
	}
}

func TestSVGSize(t *testing.T) {
	tests := []struct {
		attrs string
		w, h  int
	}{
		{`width="300" height="200"`, 300, 200},
		{`width="300px" height=" 200.4px "`, 300, 200},
		{`width="300" height="200" viewBox="0 0 30 10"`, 300, 200},
		{`viewBox="0 0 30 10"`, 30, 10},
		{`viewBox="-5,-5,30.6,10.4"`, 31, 10},
		{`width="600" viewBox="0 0 30 10"`, 600, 200},
		{`height="50" viewBox="0 0 30 10"`, 150, 50},
		{`width="100%" height="100%" viewBox="0 0 30 10"`, 30, 10},
		{`width="210mm" height="297mm" viewBox="0 0 210 297"`, 210, 297},
		{`width="0.2" height="0.2"`, 1, 1},
	}
	for _, tt := range tests {
		img, err := readAs("x.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" `+tt.attrs+`/>`))
		if err != nil {
			t.Errorf("%s: %v", tt.attrs, err)
			continue
		}
		if img.Width != tt.w || img.Height != tt.h {
			t.Errorf("%s: %d×%d, want %d×%d", tt.attrs, img.Width, img.Height, tt.w, tt.h)
		}
	}
}
