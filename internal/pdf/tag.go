package pdf

import "fmt"

// Tagged PDF. fpdf cannot write a structure tree, so the writer keeps one
// while it draws: every drawing call first says what it draws, either
// content of the current structure element (marked with an MCID) or an
// artifact (headers, footers, rules, cell borders). The file fpdf writes
// is then completed by finish (post.go) with the tree, the link
// annotations, the outline and the metadata PDF/UA asks for.

// node is a structure element. A large handbook has hundreds of
// thousands: what few of them carry sits apart, in extra.
type node struct {
	role   string // standard structure type: Document, H1, P, Table, …
	parent *node
	kids   []any // *node, mcr or objr, in reading order
	*extra
}

type extra struct {
	alt   string     // alternative text (Figure)
	id    string     // identifier (Note), unique in the file
	attrs string     // attribute dictionary, e.g. "<</O /Table /Scope /Column>>"
	bbox  [4]float64 // Figure: x0, y0, x1, y1 in mm from the top left
}

// mcr is a marked-content sequence on a page (1-based) with its MCID.
type mcr struct{ page, mcid int }

// objr is a link annotation, by its index in writer.annots.
type objr struct{ annot int }

// annot is a link annotation: a rectangle in mm on a page that goes to an
// anchor of the document or to an address.
type annot struct {
	page           int
	x0, y0, x1, y1 float64
	anchor, uri    string
	contents       string
	node           *node
}

// place is where an anchor or a bookmark points to.
type place struct {
	page int
	y    float64 // mm from the top
}

type bookmark struct {
	title string
	level int
	at    place
}

// marking is the marked-content sequence open in the page's content.
type marking int

const (
	markNone marking = iota
	markContent
	markArtifact
)

// tags is the structure state of a writer.
type tags struct {
	root    *node
	cur     *node
	mark    marking
	marked  *node     // the element the open sequence belongs to
	pageMC  [][]*node // per page (index page-1): element of each MCID
	annots  []annot
	anchors map[string]place
	marks   []bookmark
}

// open starts a structure element inside the current one; close ends it.
func (w *writer) open(role string) *node {
	n := &node{role: role, parent: w.cur}
	w.cur.kids = append(w.cur.kids, n)
	w.cur = n
	return n
}

func (w *writer) close() {
	if w.cur.parent != nil {
		w.cur = w.cur.parent
	}
}

// tagged draws content of a new element role inside the current one.
func (w *writer) tagged(role string, draw func()) {
	w.open(role)
	draw()
	w.close()
}

// content makes what is drawn next content of the current element.
func (w *writer) content() {
	if w.mark == markContent && w.marked == w.cur {
		return
	}
	w.endMark()
	page := w.f.PageNo()
	for len(w.pageMC) < page {
		w.pageMC = append(w.pageMC, nil)
	}
	id := len(w.pageMC[page-1])
	w.pageMC[page-1] = append(w.pageMC[page-1], w.cur)
	w.cur.kids = append(w.cur.kids, mcr{page: page, mcid: id})
	w.f.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", w.cur.role, id))
	w.mark, w.marked = markContent, w.cur
}

// artifact makes what is drawn next an artifact: no content for a
// screen reader.
func (w *writer) artifact() {
	if w.mark == markArtifact {
		return
	}
	w.endMark()
	w.f.RawWriteStr("/Artifact BMC")
	w.mark = markArtifact
}

// pagination marks what is drawn next as the running header or footer
// ("Header", "Footer"): a pagination artifact.
func (w *writer) pagination(kind string) {
	w.endMark()
	w.f.RawWriteStr("/Artifact <</Type /Pagination /Subtype /" + kind + ">> BDC")
	w.mark = markArtifact
}

// endMark closes the open marked-content sequence. A page break closes it
// (in the footer); the next drawing call opens a new one on the new page,
// so a paragraph across two pages stays one element with two parts.
func (w *writer) endMark() {
	w.endText() // a text object never crosses a marked-content sequence
	if w.mark != markNone {
		w.f.RawWriteStr("EMC")
		w.mark, w.marked = markNone, nil
	}
}

// figure draws a drawing that carries meaning (a tick box, a line to write
// on, a QR code) as a Figure with alternative text and its bounding box
// (x, y, width, height in mm).
func (w *writer) figure(alt string, x, y, wd, ht float64, draw func()) {
	n := w.open("Figure")
	n.extra = &extra{alt: alt, bbox: [4]float64{x, y, x + wd, y + ht}}
	w.content()
	draw()
	w.close()
}

// anchorHere records where an anchor is, for links and the contents.
func (w *writer) anchorHere(anchor string) {
	w.anchors[anchor] = place{w.f.PageNo(), w.f.GetY()}
}

// bookmark adds an outline entry at the current position.
func (w *writer) bookmark(title string, level int) {
	w.marks = append(w.marks, bookmark{title: title, level: level, at: place{w.f.PageNo(), w.f.GetY()}})
}

// link records a link annotation over a rectangle of the current page for
// the Link element n; the rectangle of the same link on the same line
// grows instead.
func (w *writer) link(n *node, target, contents string, x0, y0, x1, y1 float64) {
	page := w.f.PageNo()
	if k := len(w.annots) - 1; k >= 0 {
		a := &w.annots[k]
		if a.node == n && a.page == page && a.y0 == y0 {
			a.x1 = max(a.x1, x1)
			return
		}
	}
	a := annot{page: page, x0: x0, y0: y0, x1: x1, y1: y1, contents: contents, node: n}
	if len(target) > 0 && target[0] == '#' {
		a.anchor = target[1:]
	} else {
		a.uri = target
	}
	n.kids = append(n.kids, objr{annot: len(w.annots)})
	w.annots = append(w.annots, a)
}
