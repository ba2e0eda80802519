package images

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Namespaces an SVG check looks at.
const (
	nsSVG   = "http://www.w3.org/2000/svg"
	nsXHTML = "http://www.w3.org/1999/xhtml"
	nsXML   = "http://www.w3.org/XML/1998/namespace"
)

// Limits of what an SVG may make of its <use> elements, each a copy of
// another element: copies of copies grow exponentially (the "billion
// laughs" of SVG), and every copy costs a browser and the PDF drawing.
const (
	maxSVGElements = 1_000_000 // elements drawn, copies included
	maxUseDepth    = 50        // copies of copies of …
)

// svgInfo is what checkSVG learns of an SVG.
type svgInfo struct {
	width, height int     // the size in pixels, rounded, at least 1
	w, h          float64 // the size in pixels, exactly
	// viewBox is min-x, min-y, width and height of the viewBox, if
	// hasViewBox.
	viewBox    [4]float64
	hasViewBox bool
	// align and slice are the preserveAspectRatio of the root:
	// "xMidYMid" and false if it has none.
	align string
	slice bool
	// text and raster report elements the PDF drawing cannot draw:
	// text (<text>, <tspan>, <textPath>) and embedded pictures (<image>).
	text, raster bool
}

// checkSVG checks that data is an SVG a browser can show without
// running anything or loading anything from elsewhere, and returns its
// size. It refuses:
//
//   - anything that is not well-formed XML with one root <svg> in the
//     SVG namespace;
//   - a DOCTYPE or ENTITY declaration (any <!…> directive; encoding/xml
//     expands no entities but the five of XML, and the check refuses
//     them before anything could), and processing instructions but
//     <?xml …?> (<?xml-stylesheet?> loads a style sheet);
//   - <script>, <handler>, <foreignObject>, <iframe>, <embed>, <object>
//     and any element in the XHTML namespace;
//   - any on… attribute (event handlers), and animations (<set>,
//     <animate>, …) of href or of an on… attribute;
//   - any href or xlink:href, on any element, that is not a fragment
//     #id of the document itself, except a data:image/png or
//     data:image/jpeg base64 URI in <image>, whose picture must be
//     whole and within MaxSide and MaxPixels;
//   - xml:base;
//   - in <style> and in attributes: url(…) but url(#id), @import,
//     image-set(), image(), src() and cross-fade(), and backslashes
//     (CSS escapes, which could spell url);
//   - <use> copies that refer to themselves, nest more than
//     maxUseDepth deep or make more than maxSVGElements elements.
//
// The size is width and height, in px or without a unit; where one of
// them is missing or has another unit or a percentage, it comes from
// the viewBox.
func checkSVG(data []byte) (svgInfo, error) {
	return scanSVG(data, false)
}

// scanSVG is checkSVG; forPDF also bounds the <use> copies as oksvg
// reads them (see useGraph) and says why the PDF cannot draw them.
func scanSVG(data []byte, forPDF bool) (svgInfo, error) {
	info := svgInfo{align: "xMidYMid"}
	d := newXMLDecoder(data)
	var (
		stack    []svgOpen
		seenRoot bool
		rootDone bool
		style    strings.Builder // the text of the <style> open, if any
		inStyle  int             // depth of the <style> open, 0 if none
		g        = newUseGraph(forPDF)
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if !seenRoot {
				return info, errNotSVG
			}
			var syn *xml.SyntaxError
			if errors.As(err, &syn) {
				err = errors.New(syn.Msg)
			}
			return info, fmt.Errorf("ist kein gültiges SVG: das XML darin ist fehlerhaft (%v). Speichern Sie die Zeichnung in Ihrem Zeichenprogramm neu", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if rootDone {
				return info, fmt.Errorf("hat nach dem Ende von <svg> noch ein Element <%s>; ein SVG hat genau ein äußeres Element. Entfernen Sie alles nach </svg>", shorten(t.Name.Local))
			}
			if !seenRoot {
				seenRoot = true
				if t.Name.Local != "svg" {
					return info, fmt.Errorf("ist keine SVG-Datei: das erste Element ist <%s>, nicht <svg>. Speichern Sie die Zeichnung in Ihrem Zeichenprogramm als SVG", shorten(t.Name.Local))
				}
				if t.Name.Space != nsSVG {
					return info, fmt.Errorf("hat am Element <svg> kein xmlns=\"%s\"; ohne diese Angabe zeigen Browser das Bild nicht an. Ergänzen Sie sie", nsSVG)
				}
				if err := info.size(t.Attr); err != nil {
					return info, err
				}
			}
			if err := checkElement(t); err != nil {
				return info, err
			}
			switch strings.ToLower(t.Name.Local) {
			case "text", "tspan", "textpath":
				info.text = true
			case "image":
				info.raster = true
			}
			parent := int32(0)
			if len(stack) > 0 {
				parent = stack[len(stack)-1].owner
			}
			stack = append(stack, g.open(t, parent))
			if inStyle == 0 && t.Name.Local == "style" {
				inStyle = len(stack)
				style.Reset()
			}
		case xml.EndElement:
			if len(stack) == 0 {
				break // encoding/xml refuses an unmatched end tag
			}
			g.close(stack[len(stack)-1], t)
			stack = stack[:len(stack)-1]
			if inStyle > len(stack) {
				inStyle = 0
				if err := checkCSS(style.String(), "in <style>"); err != nil {
					return info, err
				}
			}
			if len(stack) == 0 {
				rootDone = true
			}
		case xml.CharData:
			if inStyle > 0 {
				style.Write(t)
			} else if len(stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
				if !seenRoot {
					return info, errNotSVG
				}
				return info, fmt.Errorf("hat nach dem Ende von <svg> noch Text; ein SVG hat genau ein äußeres Element. Entfernen Sie alles nach </svg>")
			}
		case xml.Directive:
			what := "eine Deklaration <!…>"
			if word, _, _ := strings.Cut(strings.TrimSpace(string(t)), " "); word != "" {
				what = "eine Deklaration <!" + shorten(word) + ">"
			}
			return info, fmt.Errorf("enthält %s. handbuch nimmt keine SVGs mit DOCTYPE oder ENTITY, weil Entitäten Dateien nachladen oder den Speicher füllen können; entfernen Sie die Deklaration mit einem Texteditor", what)
		case xml.ProcInst:
			if t.Target != "xml" {
				return info, fmt.Errorf("enthält die Verarbeitungsanweisung <?%s?>, die etwa ein Stylesheet von anderswo laden kann. Entfernen Sie sie", shorten(t.Target))
			}
		}
	}
	if !seenRoot {
		return info, errNotSVG
	}
	if err := g.check(); err != nil {
		if forPDF {
			// Read checked the reading of browsers: it is oksvg's.
			return info, fmt.Errorf("lässt sich für das PDF nicht zeichnen: der Zeichner für das PDF liest die Kopien (<use>) in <defs> anders als ein Browser und käme dabei in einen Kreis oder auf zu viele Elemente. Lösen Sie die Kopien in Ihrem Zeichenprogramm in eigenständige Elemente auf oder nehmen Sie ein PNG")
		}
		return info, err
	}
	return info, nil
}

var errNotSVG = errors.New("ist keine SVG-Datei, wie die Endung sagt. Speichern Sie die Zeichnung in Ihrem Zeichenprogramm als SVG")

// newXMLDecoder returns a strict decoder of data that knows the
// encodings a browser knows.
func newXMLDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// looksLikeSVG reports whether the first element of data, after the
// XML declaration, comments and white space, is <svg>.
func looksLikeSVG(data []byte) bool {
	d := newXMLDecoder(data)
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Local == "svg"
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return false
			}
		}
	}
}

// checkElement checks an element and its attributes.
func checkElement(t xml.StartElement) error {
	name := strings.ToLower(t.Name.Local)
	shownName := "<" + shorten(t.Name.Local) + ">"
	if t.Name.Space == nsXHTML {
		return fmt.Errorf("enthält HTML (%s). handbuch nimmt nur reine SVGs, weil HTML darin Code ausführen oder Inhalte von anderswo laden kann; entfernen Sie das Element", shownName)
	}
	switch name {
	case "script", "handler", "listener":
		return fmt.Errorf("enthält ein Skript (%s). handbuch nimmt keine SVGs mit Skripten, weil sie im Browser Code ausführen; entfernen Sie es", shownName)
	case "foreignobject":
		return fmt.Errorf("enthält ein %s, also eingebettetes HTML, das Code ausführen oder Inhalte von anderswo laden kann. Wandeln Sie seinen Inhalt in Ihrem Zeichenprogramm in Pfade um oder entfernen Sie es", shownName)
	case "iframe", "embed", "object":
		return fmt.Errorf("enthält ein %s, das eine andere Seite oder Datei einbettet. Entfernen Sie es", shownName)
	case "set", "animate", "animatetransform", "animatemotion", "animatecolor", "discard":
		for _, a := range t.Attr {
			if a.Name.Space != "" || a.Name.Local != "attributeName" {
				continue
			}
			target := strings.ToLower(strings.TrimSpace(a.Value))
			if i := strings.LastIndexByte(target, ':'); i >= 0 {
				target = target[i+1:]
			}
			if target == "href" || strings.HasPrefix(target, "on") {
				return fmt.Errorf("enthält eine Animation %s, die das Attribut %s ändert und so Code ausführen oder einen Verweis nach außen setzen kann. Entfernen Sie sie", shownName, shorten(strings.TrimSpace(a.Value)))
			}
		}
	}
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue // a namespace declaration: a name, not an address
		}
		local := strings.ToLower(a.Name.Local)
		switch {
		case strings.HasPrefix(local, "on"):
			return fmt.Errorf("enthält das Ereignis-Attribut %s an %s, das im Browser Code ausführt. Entfernen Sie es", shorten(a.Name.Local), shownName)
		case local == "href":
			if err := checkHref(name, shownName, a.Value); err != nil {
				return err
			}
		case local == "base" && (a.Name.Space == nsXML || a.Name.Space == "xml"):
			return fmt.Errorf("enthält xml:base an %s, das Verweise auf eine andere Adresse umlenkt. Entfernen Sie es", shownName)
		case a.Name.Space == "":
			where := "im Attribut " + shorten(a.Name.Local) + " von " + shownName
			if err := checkCSS(a.Value, where); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkHref checks the href or xlink:href value of an element name.
func checkHref(name, shownName, value string) error {
	v := strings.TrimSpace(value)
	if len(v) > 1 && v[0] == '#' {
		return nil
	}
	if name == "image" {
		if ok, err := checkDataImage(v); ok || err != nil {
			return err
		}
	}
	if name == "a" {
		return fmt.Errorf("enthält einen Link (<a href=\"%s\">). handbuch nimmt in SVGs nur Verweise innerhalb des Bildes (href=\"#id\"); entfernen Sie den Link und setzen Sie ihn in den Text neben dem Bild", shorten(v))
	}
	return fmt.Errorf("verweist mit href=\"%s\" an %s auf eine andere Datei oder Adresse. handbuch nimmt in SVGs nur Verweise innerhalb des Bildes (href=\"#id\") und in <image> eingebettete PNG- oder JPEG-Bilder (data:image/png;base64,…); betten Sie das Bild ein oder entfernen Sie den Verweis", shorten(v), shownName)
}

// checkDataImage checks a data URI of an <image>: ok reports one of
// PNG or JPEG in base64, err what is wrong with its picture.
func checkDataImage(v string) (ok bool, err error) {
	var format string
	head := strings.ToLower(v[:min(len(v), 32)])
	for _, f := range []string{formatPNG, formatJPEG} {
		if prefix := "data:image/" + f + ";base64,"; strings.HasPrefix(head, prefix) {
			format, v = f, v[len(prefix):]
		}
	}
	if format == "" {
		return false, nil
	}
	v = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			return -1
		}
		return r
	}, v)
	raw, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(v); err != nil {
			return true, fmt.Errorf("enthält ein eingebettetes Bild (<image>), dessen base64-Daten fehlerhaft sind. Betten Sie das Bild in Ihrem Zeichenprogramm neu ein")
		}
	}
	if got := sniff(raw); got != format {
		return true, fmt.Errorf("enthält ein eingebettetes Bild (<image>), das keine %s-Datei ist, wie data:image/%s sagt. Betten Sie das Bild in Ihrem Zeichenprogramm neu ein", shown[format], format)
	}
	cfg, err := decodeConfig(format, raw)
	if err != nil {
		return true, fmt.Errorf("enthält ein eingebettetes Bild (<image>), das beschädigt ist (%v). Betten Sie das Bild in Ihrem Zeichenprogramm neu ein", err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return true, fmt.Errorf("enthält ein eingebettetes Bild (<image>): es %v", err)
	}
	return true, nil
}

// cssLoads matches the CSS functions but url() that take the address
// of a picture as a string.
var cssLoads = regexp.MustCompile(`(?:^|[^a-z0-9_-])((?:-webkit-)?image-set|image|src|cross-fade)\(`)

// checkCSS checks CSS, or the value of an attribute that a browser may
// read as CSS, for what loads something from elsewhere. where says
// where it was found, for the message.
func checkCSS(s, where string) error {
	if !strings.ContainsAny(s, `\(@`) {
		return nil
	}
	if strings.Contains(s, `\`) {
		return fmt.Errorf("enthält einen Backslash (\\) %s. In CSS kann er Adressen verstecken, daher nimmt handbuch ihn nicht; entfernen Sie ihn", where)
	}
	low := strings.ToLower(s)
	if strings.Contains(low, "@import") {
		return fmt.Errorf("lädt mit @import ein Stylesheet von anderswo (%s). Nehmen Sie die Regeln in das SVG auf oder entfernen Sie sie", where)
	}
	for rest := low; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			break
		}
		rest = rest[i+len("url("):]
		arg, _, _ := strings.Cut(rest, ")")
		arg = strings.Trim(strings.TrimSpace(arg), `"'`)
		if len(arg) < 2 || arg[0] != '#' {
			return fmt.Errorf("verweist mit url(%s) %s auf eine andere Datei oder Adresse. handbuch nimmt in SVGs nur Verweise innerhalb des Bildes wie url(#verlauf); entfernen Sie den Verweis", shorten(arg), where)
		}
	}
	if m := cssLoads.FindStringSubmatch(low); m != nil {
		return fmt.Errorf("verwendet die CSS-Funktion %s() %s, die Bilder von anderswo laden kann. Entfernen Sie sie", m[1], where)
	}
	return nil
}

// shorten cuts s for a message: an attribute value may be megabytes.
func shorten(s string) string {
	s = strings.ToValidUTF8(s, "?")
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:59]) + "…"
}

// size reads the size of the SVG from the attributes of its root.
func (info *svgInfo) size(attrs []xml.Attr) error {
	var w, h float64
	var wOK, hOK bool
	for _, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			w, wOK = pixels(a.Value)
		case "height":
			h, hOK = pixels(a.Value)
		case "viewBox":
			info.viewBox, info.hasViewBox = parseViewBox(a.Value)
		case "preserveAspectRatio":
			info.align, info.slice = parseAspect(a.Value)
		}
	}
	vw, vh := info.viewBox[2], info.viewBox[3]
	switch {
	case wOK && hOK:
	case info.hasViewBox && wOK:
		h = w * vh / vw
	case info.hasViewBox && hOK:
		w = h * vw / vh
	case info.hasViewBox:
		w, h = vw, vh
	default:
		return fmt.Errorf("hat keine Größe. Geben Sie dem SVG width und height in Pixeln (ohne Einheit oder mit px) oder eine viewBox")
	}
	if !(w <= MaxSide && h <= MaxSide) { // also NaN
		return fmt.Errorf("ist als SVG %s × %s Pixel groß; handbuch nimmt SVGs bis %d Pixel Breite und Höhe. Geben Sie dem SVG eine kleinere width und height in Pixeln (die viewBox kann bleiben)", number(w), number(h), MaxSide)
	}
	info.w, info.h = w, h
	info.width, info.height = max(1, int(math.Round(w))), max(1, int(math.Round(h)))
	return nil
}

// number formats a size for a message.
func number(v float64) string {
	if math.Abs(v) < 1e9 {
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// pixels parses a length in px or without a unit; ok is false for any
// other unit, a percentage, and a length not above 0.
func pixels(s string) (v float64, ok bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v > 0) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// parseViewBox parses a viewBox: four numbers, width and height above 0.
func parseViewBox(s string) (vb [4]float64, ok bool) {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	if len(f) != 4 {
		return vb, false
	}
	for i, x := range f {
		v, err := strconv.ParseFloat(x, 64)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return vb, false
		}
		vb[i] = v
	}
	return vb, vb[2] > 0 && vb[3] > 0
}

// parseAspect parses preserveAspectRatio: its alignment and whether it
// slices rather than meets.
func parseAspect(s string) (align string, slice bool) {
	align = "xMidYMid"
	f := strings.Fields(s)
	if len(f) > 0 && f[0] == "defer" {
		f = f[1:]
	}
	if len(f) > 0 {
		switch f[0] {
		case "none", "xMinYMin", "xMidYMin", "xMaxYMin", "xMinYMid", "xMidYMid",
			"xMaxYMid", "xMinYMax", "xMidYMax", "xMaxYMax":
			align = f[0]
		}
	}
	return align, len(f) > 1 && f[1] == "slice"
}

// A useGraph bounds what the <use> elements of an SVG make: each copies
// an element with its content. It counts, for every element with an id,
// the elements it stands for, copies included, and refuses a copy of
// itself. It covers two readings of what a <use> copies: the element
// with its content (SVG, as browsers draw it), and the run of elements
// in <defs> from the element with the id to the next one with an id
// (as oksvg, which draws the SVG for the PDF, reads it), if oksvg is
// set. Each element with an id gets a node for each reading; where they
// differ, the bigger count wins. The second reading can make a cycle of
// what is none in a browser, such as a <use> of the element before it in
// <defs>: oksvg would recurse until the stack overflows, which no
// recover catches.
type useGraph struct {
	oksvg  bool
	nodes  []useNode
	refs   map[string]int32 // id → its ref node
	total  int64            // elements so far
	inDefs bool             // inside <defs>, as oksvg sees it
	run    int32            // the run node in <defs>, or -1
}

type useNode struct {
	kind uint8
	base int64   // elements of the node itself
	uses []int32 // the ref nodes of the <use> elements in it
	kids []int32 // nested elem nodes (elem, root), members (ref)
}

const (
	nodeElem = iota // an element with an id, with its content
	nodeRun         // a run in <defs>, as oksvg reads it
	nodeRef         // an id: the biggest of its elem and run nodes
)

// svgOpen is an open element as the graph sees it.
type svgOpen struct {
	owner int32 // the elem node the element's content belongs to
	own   bool  // owner is the element's own node: it has an id
	start int64 // the element count before the element
}

func newUseGraph(oksvg bool) *useGraph {
	return &useGraph{oksvg: oksvg, nodes: []useNode{{kind: nodeElem}}, refs: map[string]int32{}, run: -1}
}

func (g *useGraph) ref(id string) int32 {
	r, ok := g.refs[id]
	if !ok {
		r = int32(len(g.nodes))
		g.nodes = append(g.nodes, useNode{kind: nodeRef})
		g.refs[id] = r
	}
	return r
}

// open adds a start element whose content belongs to the node parent.
func (g *useGraph) open(t xml.StartElement, parent int32) svgOpen {
	g.total++
	var id, anyID string
	var targets []string
	for _, a := range t.Attr {
		switch {
		case a.Name.Local == "id":
			anyID = a.Value
			if a.Name.Space == "" {
				id = a.Value
			}
		case a.Name.Local == "href" && t.Name.Local == "use":
			if v := strings.TrimSpace(a.Value); strings.HasPrefix(v, "#") {
				targets = append(targets, v[1:])
			}
		}
	}
	o := svgOpen{owner: parent, start: g.total - 1}
	if id != "" {
		n := int32(len(g.nodes))
		g.nodes = append(g.nodes, useNode{kind: nodeElem})
		g.nodes[parent].kids = append(g.nodes[parent].kids, n)
		r := g.ref(id)
		g.nodes[r].kids = append(g.nodes[r].kids, n)
		o.owner, o.own = n, true
	}
	if g.inDefs {
		if anyID != "" || g.run < 0 {
			g.run = int32(len(g.nodes))
			g.nodes = append(g.nodes, useNode{kind: nodeRun})
			r := g.ref(anyID)
			g.nodes[r].kids = append(g.nodes[r].kids, g.run)
		}
		g.nodes[g.run].base++
	}
	for _, target := range targets {
		r := g.ref(target)
		g.nodes[o.owner].uses = append(g.nodes[o.owner].uses, r)
		if g.inDefs {
			g.nodes[g.run].uses = append(g.nodes[g.run].uses, r)
		}
	}
	if t.Name.Local == "defs" && g.oksvg {
		g.inDefs = true
	}
	return o
}

func (g *useGraph) close(o svgOpen, t xml.EndElement) {
	if o.own {
		g.nodes[o.owner].base = g.total - o.start
	}
	if t.Name.Local == "defs" {
		g.inDefs, g.run = false, -1
	}
}

// check computes what every node stands for and refuses a cycle, too
// many elements or too deep copies.
func (g *useGraph) check() error {
	const limit = maxSVGElements
	n := len(g.nodes)
	g.nodes[0].base = g.total
	val := make([]int64, n)   // elem, run: elements of the uses in it; ref: all it stands for
	depth := make([]int32, n) // how deep copies of copies go
	state := make([]uint8, n) // 0 new, 1 on the path, 2 done
	type frame struct {
		node int32
		next int // next dependency to visit
	}
	deps := func(v int32) []int32 {
		nd := &g.nodes[v]
		if len(nd.uses) == 0 {
			return nd.kids
		}
		if len(nd.kids) == 0 {
			return nd.uses
		}
		return append(append([]int32(nil), nd.uses...), nd.kids...)
	}
	add := func(a, b int64) int64 { return min(a+b, limit+1) }
	for start := int32(0); start < int32(n); start++ {
		if state[start] != 0 {
			continue
		}
		stack := []frame{{node: start}}
		state[start] = 1
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			ds := deps(f.node)
			if f.next < len(ds) {
				d := ds[f.next]
				f.next++
				switch state[d] {
				case 0:
					state[d] = 1
					stack = append(stack, frame{node: d})
				case 1:
					return fmt.Errorf("verweist mit <use> im Kreis auf sich selbst: ein Element enthält eine Kopie von sich. Entfernen Sie den Verweis")
				}
				continue
			}
			v := f.node
			nd := &g.nodes[v]
			switch nd.kind {
			case nodeRef:
				for _, m := range nd.kids {
					val[v] = max(val[v], add(g.nodes[m].base, val[m]))
					depth[v] = max(depth[v], depth[m])
				}
			default:
				for _, r := range nd.uses {
					val[v] = add(val[v], val[r])
					depth[v] = max(depth[v], depth[r]+1)
				}
				for _, k := range nd.kids {
					val[v] = add(val[v], val[k])
					depth[v] = max(depth[v], depth[k])
				}
			}
			if depth[v] > maxUseDepth {
				return fmt.Errorf("verschachtelt Kopien (<use>) von Kopien mehr als %d Ebenen tief. Vereinfachen Sie die Zeichnung", maxUseDepth)
			}
			state[v] = 2
			stack = stack[:len(stack)-1]
		}
	}
	if add(g.nodes[0].base, val[0]) > limit {
		return fmt.Errorf("ergäbe mit seinen Kopien (<use>) mehr als %d Elemente. Vereinfachen Sie die Zeichnung", limit)
	}
	return nil
}
