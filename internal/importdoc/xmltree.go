package importdoc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// node is an element of a document part. Office XML is small enough to
// hold as a tree, and a tree lets the converter look ahead (a run's
// properties, a picture's description) without a state machine.
type node struct {
	ns, local string // ns is the short prefix of a known namespace, else its URI
	attrs     []xml.Attr
	kids      []*node
	text      string // the character data directly inside
}

// prefixes maps the namespaces both formats use to the prefixes their
// files usually write, so the converter can say "w:p" whatever a file
// chose. Strict OOXML's namespaces map to the same prefixes.
var prefixes = map[string]string{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main":              "w",
	"http://purl.oclc.org/ooxml/wordprocessingml/main":                          "w",
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships":       "r",
	"http://purl.oclc.org/ooxml/officeDocument/relationships":                   "r",
	"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":    "wp",
	"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":                "wp",
	"http://schemas.openxmlformats.org/drawingml/2006/main":                     "a",
	"http://purl.oclc.org/ooxml/drawingml/main":                                 "a",
	"http://schemas.openxmlformats.org/drawingml/2006/picture":                  "pic",
	"http://purl.oclc.org/ooxml/drawingml/picture":                              "pic",
	"http://schemas.openxmlformats.org/markup-compatibility/2006":               "mc",
	"urn:schemas-microsoft-com:vml":                                             "v",
	"http://schemas.openxmlformats.org/officeDocument/2006/math":                "m",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingShape":         "wps",
	"http://schemas.openxmlformats.org/package/2006/relationships":              "rel",
	"http://schemas.openxmlformats.org/package/2006/metadata/core-properties":   "cp",
	"http://purl.org/dc/elements/1.1/":                                          "dc",
	"urn:oasis:names:tc:opendocument:xmlns:office:1.0":                          "office",
	"urn:oasis:names:tc:opendocument:xmlns:text:1.0":                            "text",
	"urn:oasis:names:tc:opendocument:xmlns:style:1.0":                           "style",
	"urn:oasis:names:tc:opendocument:xmlns:table:1.0":                           "table",
	"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":                         "draw",
	"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0":               "fo",
	"http://www.w3.org/1999/xlink":                                              "xlink",
	"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0":                  "svg",
	"urn:oasis:names:tc:opendocument:xmlns:meta:1.0":                            "meta",
	"http://www.w3.org/1998/Math/MathML":                                        "math",
	"urn:oasis:names:tc:opendocument:xmlns:chart:1.0":                           "chart",
	"urn:oasis:names:tc:opendocument:xmlns:form:1.0":                            "form",
	"http://schemas.openxmlformats.org/drawingml/2006/diagram":                  "dgm",
	"http://schemas.openxmlformats.org/drawingml/2006/chart":                    "c",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup":         "wpg",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas":        "wpc",
	"http://schemas.microsoft.com/office/drawing/2017/decorative":               "adec",
	"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
	"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties":   "custom",
	"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes":      "vt",
	"http://schemas.microsoft.com/office/word/2006/wordml":                      "wne",
	"http://schemas.microsoft.com/office/word/2010/wordml":                      "w14",
	"http://schemas.openxmlformats.org/drawingml/2006/compatibility":            "com",
	"http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas":             "lc",
	"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes":         "s",
	"http://schemas.openxmlformats.org/schemaLibrary/2006/main":                 "sl",
	"http://schemas.microsoft.com/office/drawing/2014/main":                     "a14",
	"http://schemas.microsoft.com/office/word/2012/wordml":                      "w15",
	"http://schemas.microsoft.com/office/word/2018/wordml/cex":                  "w16cex",
	"http://schemas.openxmlformats.org/drawingml/2006/chartDrawing":             "cdr",
	"http://www.w3.org/XML/1998/namespace":                                      "xml",
	"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0":                       "number",
	"http://www.w3.org/2000/svg":                                                "svg",
	"urn:schemas-microsoft-com:office:office":                                   "o",
	"urn:schemas-microsoft-com:office:word":                                     "w10",
	"http://schemas.openxmlformats.org/officeDocument/2006/customXml":           "ds",
	"http://schemas.microsoft.com/office/word/2010/wordprocessingInk":           "wpi",
	"http://schemas.microsoft.com/office/drawing/2010/main":                     "a14",
	"http://schemas.openxmlformats.org/officeDocument/2006/bibliography":        "b",
	"http://schemas.microsoft.com/office/2006/metadata/properties":              "mp",
	"http://schemas.openxmlformats.org/package/2006/content-types":              "ct",
	"http://purl.org/dc/terms/":                                                 "dcterms",
	"http://www.w3.org/2001/XMLSchema-instance":                                 "xsi",
	"http://purl.org/dc/dcmitype/":                                              "dcmitype",
}

// maxDepth bounds the nesting of elements: real documents stay far
// below it, and a crafted one cannot exhaust the stack of the walkers.
const maxDepth = 256

var errTooDeep = errors.New("die Elemente sind zu tief ineinander verschachtelt")

// textNode is the local name of a node that holds character data, in a
// tree read with mixed content.
const textNode = "#text"

// parseXML reads a document part into a tree. With mixed, character
// data also become child nodes named textNode, in their place among the
// elements (OpenDocument writes text between its elements; Word keeps
// every text in a w:t).
func parseXML(data []byte, mixed bool) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, errTooDeep
			}
			n := &node{ns: short(t.Name.Space), local: t.Name.Local}
			for _, a := range t.Attr {
				a.Name.Space = short(a.Name.Space)
				n.attrs = append(n.attrs, a)
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top.text += string(t)
			if mixed {
				top.kids = append(top.kids, &node{local: textNode, text: string(t)})
			}
		}
	}
	for _, k := range root.kids {
		if k.local != textNode {
			return k, nil
		}
	}
	return nil, errors.New("die Datei enthält kein XML-Element")
}

func short(space string) string {
	if p, ok := prefixes[space]; ok {
		return p
	}
	return space
}

// is reports whether n is the element prefix:local.
func (n *node) is(ns, local string) bool { return n != nil && n.ns == ns && n.local == local }

// name is how messages and hints name the element.
func (n *node) name() string {
	if n.ns == "" || strings.Contains(n.ns, ":") {
		return n.local
	}
	return n.ns + ":" + n.local
}

// attr returns the value of the attribute prefix:local, or "".
func (n *node) attr(ns, local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == local && (a.Name.Space == ns || ns == "" && a.Name.Space == "") {
			return a.Value
		}
	}
	return ""
}

// child returns the first child prefix:local, or nil.
func (n *node) child(ns, local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.is(ns, local) {
			return k
		}
	}
	return nil
}

// find returns the first descendant prefix:local in document order, or
// nil.
func (n *node) find(ns, local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.is(ns, local) {
			return k
		}
		if f := k.find(ns, local); f != nil {
			return f
		}
	}
	return nil
}

// path follows a chain of children, each given as "prefix:local".
func (n *node) path(steps ...string) *node {
	for _, s := range steps {
		ns, local, _ := strings.Cut(s, ":")
		n = n.child(ns, local)
	}
	return n
}

// texts returns the text of every descendant element named by one of
// the given "prefix:local" names, in document order, joined by spaces
// between elements of different paragraphs (any element named para).
func (n *node) texts(para string, names ...string) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			if k.name() == para && b.Len() > 0 {
				b.WriteByte(' ')
			}
			for _, name := range names {
				if k.name() == name {
					b.WriteString(k.text)
				}
			}
			walk(k)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
