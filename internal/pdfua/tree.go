package pdfua

import (
	"cmp"
	"fmt"
)

// mcidUse is an MCID claimed by a structure element on a page.
type mcidUse struct {
	pg   ref // zero if no /Pg applies
	mcid int
}

// elem is a structure element.
type elem struct {
	ref    ref
	hasRef bool // false for a direct object
	dict   dict
	typ    string // /S
	std    string // standard type after role mapping, "" if none
	parent *elem
	pg     ref // own /Pg or the nearest ancestor's
	mcids  map[mcidUse]bool
	objrs  []any // /Obj of the element's object references
}

func (e *elem) String() string {
	typ := cmp.Or(e.typ, "untyped")
	if e.hasRef {
		return fmt.Sprintf("%s element (object %d)", typ, e.ref.num)
	}
	return typ + " element (direct object)"
}

// Pages returns the number of pages the page tree counts.
func (d *Doc) Pages() int {
	n, _ := d.intOf(d.dictOf(d.catalog["Pages"])["Count"])
	return n
}

// StructTypes returns the /S of every structure element in document
// (depth-first) order.
func (d *Doc) StructTypes() []string {
	var out []string
	for _, e := range d.structTree() {
		out = append(out, e.typ)
	}
	return out
}

// structTree returns the structure elements in depth-first order.
func (d *Doc) structTree() []*elem {
	root := d.dictOf(d.catalog["StructTreeRoot"])
	w := treeWalker{d: d, seen: map[ref]bool{}}
	for _, k := range d.list(root["K"]) {
		w.kid(k, nil, 0)
	}
	return w.elems
}

type treeWalker struct {
	d     *Doc
	seen  map[ref]bool
	elems []*elem
}

// kid records v, a kid of parent (nil for the root): an MCID, a
// marked-content or object reference, or a structure element.
func (w *treeWalker) kid(v any, parent *elem, depth int) {
	if depth > maxDepth {
		return
	}
	if n, ok := w.d.resolve(v).(int); ok {
		if parent != nil {
			parent.mcids[mcidUse{parent.pg, n}] = true
		}
		return
	}
	kd := w.d.dictOf(v)
	if kd == nil {
		return
	}
	switch w.d.nameOf(kd["Type"]) {
	case "MCR":
		n, ok := w.d.intOf(kd["MCID"])
		if parent != nil && ok && kd["Stm"] == nil {
			pg := parent.pg
			if p, ok := kd["Pg"].(ref); ok {
				pg = p
			}
			parent.mcids[mcidUse{pg, n}] = true
		}
		return
	case "OBJR":
		if parent != nil {
			parent.objrs = append(parent.objrs, kd["Obj"])
		}
		return
	}
	if !visit(w.seen, v) {
		return
	}
	r, isRef := v.(ref)
	e := &elem{ref: r, hasRef: isRef, dict: kd, typ: w.d.nameOf(kd["S"]), parent: parent,
		mcids: map[mcidUse]bool{}}
	if parent != nil {
		e.pg = parent.pg
	}
	if p, ok := kd["Pg"].(ref); ok {
		e.pg = p
	}
	w.elems = append(w.elems, e)
	for _, k := range w.d.list(kd["K"]) {
		w.kid(k, e, depth+1)
	}
}

// german names the element in a message for people: "Element Note
// (Objekt 12)".
func (e *elem) german() string {
	typ := cmp.Or(e.typ, "ohne Typ")
	if e.hasRef {
		return fmt.Sprintf("Element %s (Objekt %d)", typ, e.ref.num)
	}
	return "Element " + typ + " (direktes Objekt)"
}

// checkIDTree checks that the StructTreeRoot has an /IDTree when elements
// have an /ID, and that it maps each of those IDs to its element (ISO
// 32000-1 §14.7.2).
func (c *checker) checkIDTree() {
	var withID []*elem
	for _, e := range c.elems {
		if _, ok := c.d.resolve(e.dict["ID"]).(pdfText); ok {
			withID = append(withID, e)
		}
	}
	if len(withID) == 0 {
		return
	}
	root := c.d.dictOf(c.d.catalog["StructTreeRoot"])
	if c.d.dictOf(root["IDTree"]) == nil {
		c.addf("id-tree", "StructTreeRoot: /IDTree fehlt, obwohl %d Strukturelemente eine /ID haben", len(withID))
		return
	}
	names := map[pdfText]any{}
	c.nameTree(root["IDTree"], names, 0, map[ref]bool{})
	for _, e := range withID {
		id := as[pdfText](c.d, e.dict["ID"])
		v, ok := names[id]
		r, isRef := v.(ref)
		switch {
		case !ok:
			c.addf("id-tree", "%s: /ID %q fehlt im /IDTree", e.german(), id)
		case !e.hasRef || !isRef || r != e.ref:
			c.addf("id-tree", "%s: /IDTree führt /ID %q nicht zu diesem Element", e.german(), id)
		}
	}
}

// nameTree collects the entries of a name tree into out; the first of
// two entries with one key wins.
func (c *checker) nameTree(v any, out map[pdfText]any, depth int, seen map[ref]bool) {
	node := c.d.dictOf(v)
	if node == nil || depth > maxDepth || !visit(seen, v) {
		return
	}
	names := as[array](c.d, node["Names"])
	for i := 0; i+1 < len(names); i += 2 {
		if k, ok := c.d.resolve(names[i]).(pdfText); ok {
			if _, dup := out[k]; !dup {
				out[k] = names[i+1]
			}
		}
	}
	for _, k := range as[array](c.d, node["Kids"]) {
		c.nameTree(k, out, depth+1, seen)
	}
}
