package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// meta is what the document says about itself.
type meta struct {
	title, author, subject, keywords, lang string
	date                                   time.Time
}

// finish completes the file fpdf wrote into a tagged PDF (PDF/UA-1):
// structure tree with parent tree, link annotations as tagged objects,
// outline, XMP metadata with the PDF/UA identifier, and a catalog that
// says so. fpdf's file is regular: a classic xref table, the page tree is
// object 1, the catalog is the root named in the trailer. Every object is
// copied unchanged except the pages (which gain /StructParents, /Tabs and
// /Annots) and the catalog (which is replaced).
func (w *writer) finish(raw []byte, m meta) ([]byte, error) {
	streams := w.done.wait()
	taken := map[int][]byte{} // the pages' compressed content by object number
	objs, root, info, err := objects(raw)
	if err != nil {
		return nil, fmt.Errorf("PDF nachbearbeiten: %w", err)
	}
	if err := fixFonts(objs, w.used); err != nil {
		return nil, fmt.Errorf("PDF nachbearbeiten: %w", err)
	}
	pages := kids(objs[1])
	if len(pages) == 0 {
		return nil, fmt.Errorf("PDF nachbearbeiten: keine Seiten")
	}
	next := len(objs)
	alloc := func() int { next++; return next - 1 }

	const k = 72 / 25.4
	hPt := w.ph * k
	pageRef := func(p int) string { return fmt.Sprintf("%d 0 R", pages[p-1]) }
	dest := func(at place) string {
		return fmt.Sprintf("[%s /XYZ 0 %.2f null]", pageRef(at.page), hPt-at.y*k)
	}

	// Numbers for everything new.
	treeRoot, parentTree := alloc(), alloc()
	prune(w.root)
	ids := map[*node]int{}
	var order []*node
	var number func(n *node)
	number = func(n *node) {
		ids[n] = alloc()
		order = append(order, n)
		for _, c := range n.kids {
			if c, ok := c.(*node); ok {
				number(c)
			}
		}
	}
	number(w.root)
	annotIDs := make([]int, len(w.annots))
	for i := range w.annots {
		annotIDs[i] = alloc()
	}
	add := map[int]string{} // the new objects by number
	outline := w.outline(alloc, dest, add)
	xmpID := alloc()

	tree := fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d",
		ids[w.root], parentTree, len(pages)+len(w.annots))
	if names := idTree(order, ids); names != "" {
		idTreeID := alloc()
		add[idTreeID] = names
		tree += fmt.Sprintf(" /IDTree %d 0 R", idTreeID)
	}
	add[treeRoot] = tree + ">>"
	var nums strings.Builder
	for p := range pages {
		fmt.Fprintf(&nums, "%d [", p)
		if p < len(w.pageMC) {
			for _, n := range w.pageMC[p] {
				fmt.Fprintf(&nums, "%d 0 R ", ids[n])
			}
		}
		nums.WriteString("] ")
	}
	for i, a := range w.annots {
		fmt.Fprintf(&nums, "%d %d 0 R ", len(pages)+i, ids[a.node])
	}
	add[parentTree] = "<</Nums [" + strings.TrimSpace(nums.String()) + "]>>"

	for _, n := range order {
		var b strings.Builder
		fmt.Fprintf(&b, "<</S /%s", n.role) // /Type /StructElem is optional
		if n.parent == nil {
			fmt.Fprintf(&b, " /P %d 0 R", treeRoot)
		} else {
			fmt.Fprintf(&b, " /P %d 0 R", ids[n.parent])
		}
		if x := n.extra; x != nil {
			if x.alt != "" {
				b.WriteString(" /Alt " + textString(x.alt))
			}
			if x.id != "" {
				b.WriteString(" /ID " + asciiString(x.id))
			}
			if x.attrs != "" {
				b.WriteString(" /A " + x.attrs)
			}
		}
		// Marked content on one page: the page once, the MCIDs as numbers.
		pg := onePage(n)
		if pg > 0 {
			b.WriteString(" /Pg " + pageRef(pg))
		}
		if n.role == "Figure" && n.extra != nil && pg > 0 {
			fmt.Fprintf(&b, " /A <</O /Layout /Placement /Block /BBox [%.2f %.2f %.2f %.2f]>>",
				n.bbox[0]*k, hPt-n.bbox[3]*k, n.bbox[2]*k, hPt-n.bbox[1]*k)
		}
		b.WriteString(" /K [")
		for i, c := range n.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch c := c.(type) {
			case *node:
				fmt.Fprintf(&b, "%d 0 R", ids[c])
			case mcr:
				if pg > 0 {
					fmt.Fprintf(&b, "%d", c.mcid)
				} else {
					fmt.Fprintf(&b, "<</Type /MCR /Pg %s /MCID %d>>", pageRef(c.page), c.mcid)
				}
			case objr:
				// The page once: the element's, if the annotation is on it.
				if p := w.annots[c.annot].page; p == pg {
					fmt.Fprintf(&b, "<</Type /OBJR /Obj %d 0 R>>", annotIDs[c.annot])
				} else {
					fmt.Fprintf(&b, "<</Type /OBJR /Obj %d 0 R /Pg %s>>", annotIDs[c.annot], pageRef(p))
				}
			}
		}
		b.WriteString("]>>")
		add[ids[n]] = b.String()
	}

	pageAnnots := map[int][]int{}
	for i, a := range w.annots {
		var target string
		if a.uri != "" {
			target = "/A <</S /URI /URI " + asciiString(a.uri) + ">>"
		} else {
			target = "/Dest " + dest(w.destination(a.anchor))
		}
		add[annotIDs[i]] = fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%.1f %.1f %.1f %.1f] /Border [0 0 0] /F 4 /StructParent %d /Contents %s %s>>",
			a.x0*k, hPt-a.y1*k, a.x1*k, hPt-a.y0*k, len(pages)+i, textString(a.contents), target)
		pageAnnots[a.page] = append(pageAnnots[a.page], annotIDs[i])
	}
	for i, id := range pages {
		extra := fmt.Sprintf("/StructParents %d /Tabs /S", i)
		if as := pageAnnots[i+1]; len(as) > 0 {
			extra += " /Annots ["
			for j, a := range as {
				if j > 0 {
					extra += " "
				}
				extra += fmt.Sprintf("%d 0 R", a)
			}
			extra += "]"
		}
		o := string(objs[id])
		at := strings.LastIndex(o, "/Contents ")
		var ref []int
		if at >= 0 {
			ref = contentsRE.FindStringIndex(o[at+len("/Contents "):])
		}
		if ref == nil {
			return nil, fmt.Errorf("PDF nachbearbeiten: Seite %d ohne Inhalt", i+1)
		}
		contents := o[at : at+len("/Contents ")+ref[1]]
		if data, ok := streams[i+1]; ok {
			// The page's content, taken when the page was finished, then
			// what fpdf still holds: drawn on the page later.
			c := alloc()
			taken[c] = data
			delete(streams, i+1)
			contents = fmt.Sprintf("/Contents [%d 0 R %s]", c, contents[len("/Contents "):])
		}
		objs[id] = []byte(o[:at] + extra + "\n" + contents + o[at+len("/Contents ")+ref[1]:])
	}

	x := xmp(m)
	add[xmpID] = fmt.Sprintf("<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(x), x)
	cat := fmt.Sprintf("<</Type /Catalog /Pages 1 0 R /Lang %s /MarkInfo <</Marked true>> /StructTreeRoot %d 0 R /Metadata %d 0 R /ViewerPreferences <</DisplayDocTitle true>> /PageLayout /OneColumn",
		asciiString(m.lang), treeRoot, xmpID)
	if outline > 0 {
		cat += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", outline)
	}
	objs[root] = []byte(fmt.Sprintf("%d 0 obj\n%s>>\nendobj\n", root, cat))

	// The file anew, in the compact form (objstm.go).
	bodies := make([]body, next)
	for id := 1; id < next; id++ {
		switch data, ok := taken[id]; {
		case ok:
			o := fmt.Appendf(nil, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", id, len(data))
			o = append(o, data...)
			bodies[id] = body{stream: append(o, "\nendstream\nendobj\n"...)}
		case add[id] != "":
			if b := add[id]; strings.Contains(b, "\nstream\n") {
				bodies[id] = body{stream: fmt.Appendf(nil, "%d 0 obj\n%s\nendobj\n", id, b)}
			} else {
				bodies[id] = body{plain: []byte(b)}
			}
		case id < len(objs):
			bodies[id] = fpdfBody(objs[id])
		}
	}
	return pack(bodies, root, info), nil
}

// idTree is the name tree from each element /ID to its element (ISO
// 32000-1 §14.7.2 requires it when elements have IDs), one node with the
// keys in byte order; "" when no element has an ID. Of two elements with
// one ID the first wins (pdfua reports the second).
func idTree(order []*node, ids map[*node]int) string {
	type entry struct {
		key string // the ID as written: asciiString's bytes
		obj int
	}
	var entries []entry
	for _, n := range order {
		if n.extra != nil && n.id != "" {
			entries = append(entries, entry{asciiString(n.id), ids[n]})
		}
	}
	if len(entries) == 0 {
		return ""
	}
	// Keys are ordered by what the strings hold, not how they are
	// written: without the parentheses and asciiString's backslashes.
	held := strings.NewReplacer(`\\`, `\`, `\(`, "(", `\)`, ")")
	value := func(e entry) string { return held.Replace(e.key[1 : len(e.key)-1]) }
	slices.SortStableFunc(entries, func(a, b entry) int { return strings.Compare(value(a), value(b)) })
	var b strings.Builder
	b.WriteString("<</Names [")
	for i, e := range entries {
		if i > 0 && value(e) == value(entries[i-1]) {
			continue
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s %d 0 R", e.key, e.obj)
	}
	b.WriteString("]>>")
	return b.String()
}

// destination is the place of an anchor. A page the PDF does not print
// (an overview the site makes, such as the list of checklists) leads to
// the table of contents; a heading it does not know, to its page.
func (w *writer) destination(anchor string) place {
	page, _, _ := strings.Cut(anchor, "--")
	for _, a := range []string{anchor, page, contentsAnchor} {
		if at, ok := w.anchors[a]; ok {
			return at
		}
	}
	return place{page: 1, y: top}
}

// compressor compresses the streams fpdf left plain (it is told to: it
// would make a new compressor for every page, which costs more than the
// compression). One zlib writer is reused for all of them.
// Object streams hold dictionaries, small beside the page content and
// far better compressed at the default level: zs.
type compressor struct {
	buf    bytes.Buffer
	zw, zs *zlib.Writer
}

func newCompressor() *compressor {
	z := &compressor{}
	z.zw, _ = zlib.NewWriterLevel(&z.buf, zlib.DefaultCompression) // the levels are valid
	z.zs, _ = zlib.NewWriterLevel(&z.buf, zlib.DefaultCompression)
	return z
}

var (
	lengthRE   = regexp.MustCompile(`/Length \d+`)
	contentsRE = regexp.MustCompile(`^\d+ 0 R`)
)

// write writes the object o, its stream compressed if it has one without
// a filter.
func (z *compressor) write(out *bytes.Buffer, o []byte) {
	i := bytes.Index(o, []byte("\nstream\n"))
	j := bytes.LastIndex(o, []byte("\nendstream"))
	if i < 0 || j < i+len("\nstream\n") || bytes.Contains(o[:i], []byte("/Filter")) {
		out.Write(o)
		return
	}
	length := lengthRE.FindIndex(o[:i])
	if length == nil {
		out.Write(o)
		return
	}
	z.buf.Reset()
	z.zw.Reset(&z.buf)
	z.zw.Write(o[i+len("\nstream\n") : j]) // writes to memory cannot fail
	z.zw.Close()
	out.Write(o[:length[0]])
	fmt.Fprintf(out, "/Filter /FlateDecode /Length %d", z.buf.Len())
	out.Write(o[length[1] : i+len("\nstream\n")])
	out.Write(z.buf.Bytes())
	out.Write(o[j:])
}

// objects cuts fpdf's file into its objects (index = object number, each
// "n 0 obj … endobj" with its line end) and returns the numbers of the
// catalog and the document information.
func objects(raw []byte) (objs [][]byte, root, info int, err error) {
	sx := bytes.LastIndex(raw, []byte("startxref"))
	if sx < 0 {
		return nil, 0, 0, fmt.Errorf("startxref fehlt")
	}
	xref, err := strconv.Atoi(strings.Fields(string(raw[sx+len("startxref"):]))[0])
	if err != nil || xref <= 0 || xref >= len(raw) {
		return nil, 0, 0, fmt.Errorf("xref nicht lesbar")
	}
	lines := strings.Split(string(raw[xref:sx]), "\n")
	if len(lines) < 3 || lines[0] != "xref" {
		return nil, 0, 0, fmt.Errorf("xref nicht lesbar")
	}
	n, err := strconv.Atoi(strings.Fields(lines[1])[1])
	if err != nil || len(lines) < n+2 {
		return nil, 0, 0, fmt.Errorf("xref nicht lesbar")
	}
	offs := make([]int, n)
	for i := 1; i < n; i++ {
		f := strings.Fields(lines[2+i])
		if len(f) != 3 {
			return nil, 0, 0, fmt.Errorf("xref-Zeile %d nicht lesbar", i)
		}
		offs[i], _ = strconv.Atoi(f[0])
	}
	sorted := slices.Clone(offs[1:])
	slices.Sort(sorted)
	objs = make([][]byte, n)
	for i := 1; i < n; i++ {
		end := xref
		if j, _ := slices.BinarySearch(sorted, offs[i]); j+1 < len(sorted) {
			end = sorted[j+1]
		}
		objs[i] = raw[offs[i]:end]
	}
	trailer := string(raw[xref:sx])
	root, _ = strconv.Atoi(submatch(rootRE, trailer))
	info, _ = strconv.Atoi(submatch(infoRE, trailer))
	if root <= 0 || root >= n || info <= 0 || info >= n {
		return nil, 0, 0, fmt.Errorf("Trailer nicht lesbar")
	}
	return objs, root, info, nil
}

var (
	kidsRE = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	refRE  = regexp.MustCompile(`(\d+) 0 R`)
	rootRE = regexp.MustCompile(`/Root (\d+) 0 R`)
	infoRE = regexp.MustCompile(`/Info (\d+) 0 R`)
)

// kids returns the object numbers of the pages in the page tree object.
func kids(pagesObj []byte) []int {
	m := kidsRE.FindSubmatch(pagesObj)
	if m == nil {
		return nil
	}
	var out []int
	for _, r := range refRE.FindAllSubmatch(m[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		out = append(out, n)
	}
	return out
}

func submatch(re *regexp.Regexp, s string) string {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// prune drops elements without any content below them; an empty table
// cell stays, or its row would be short.
func prune(n *node) bool {
	keep := n.kids[:0]
	has := false
	for _, c := range n.kids {
		if c, ok := c.(*node); ok {
			if prune(c) || c.role == "TD" || c.role == "TH" {
				keep = append(keep, c)
				has = true
			}
			continue
		}
		keep = append(keep, c)
		has = true
	}
	n.kids = keep
	return has
}

// onePage is the page of all marked content directly in n, or 0 when it
// has none or spans pages.
func onePage(n *node) int {
	pg := 0
	for _, c := range n.kids {
		if c, ok := c.(mcr); ok {
			if pg != 0 && c.page != pg {
				return 0
			}
			pg = c.page
		}
	}
	return pg
}

// outline numbers the bookmarks and adds them to add as an outline, all
// entries open, with correct counts; it returns the outline root (0
// without bookmarks).
func (w *writer) outline(alloc func() int, dest func(place) string, add map[int]string) int {
	if len(w.marks) == 0 {
		return 0
	}
	type item struct {
		id, parent     int
		kids           []int // indices
		prev, next     int
		count, level   int
		title, destStr string
	}
	root := alloc()
	items := make([]item, len(w.marks))
	var tops []int
	var stack []int // indices of open ancestors
	for i, b := range w.marks {
		items[i] = item{id: alloc(), level: b.level, title: b.title, destStr: dest(b.at)}
		for len(stack) > 0 && items[stack[len(stack)-1]].level >= b.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			items[i].parent = root
			tops = append(tops, i)
		} else {
			p := stack[len(stack)-1]
			items[i].parent = items[p].id
			items[p].kids = append(items[p].kids, i)
		}
		stack = append(stack, i)
	}
	var count func(i int) int
	count = func(i int) int {
		c := 0
		for _, k := range items[i].kids {
			c += 1 + count(k)
		}
		items[i].count = c
		return c
	}
	total := 0
	for _, t := range tops {
		total += 1 + count(t)
	}
	var link func(list []int)
	link = func(list []int) {
		for j, i := range list {
			it := items[i]
			var b strings.Builder
			fmt.Fprintf(&b, "<</Title %s /Parent %d 0 R /Dest %s", textString(it.title), it.parent, it.destStr)
			if j > 0 {
				fmt.Fprintf(&b, " /Prev %d 0 R", items[list[j-1]].id)
			}
			if j+1 < len(list) {
				fmt.Fprintf(&b, " /Next %d 0 R", items[list[j+1]].id)
			}
			if len(it.kids) > 0 {
				fmt.Fprintf(&b, " /First %d 0 R /Last %d 0 R /Count %d", items[it.kids[0]].id, items[it.kids[len(it.kids)-1]].id, it.count)
				link(it.kids)
			}
			b.WriteString(">>")
			add[it.id] = b.String()
		}
	}
	link(tops)
	add[root] = fmt.Sprintf("<</Type /Outlines /First %d 0 R /Last %d 0 R /Count %d>>",
		items[tops[0]].id, items[tops[len(tops)-1]].id, total)
	return root
}

// textString encodes s as a PDF text string: in PDFDocEncoding, a
// literal string of a byte a character, where every character of s has a
// code there (German text does); else UTF-16BE with byte order mark.
func textString(s string) string {
	var lit strings.Builder
	lit.WriteByte('(')
	for i, r := range s {
		c, ok := pdfDoc(r)
		if !ok || i == 0 && c == 0xFE {
			return utf16String(s)
		}
		switch c {
		case '(', ')', '\\':
			lit.WriteByte('\\')
		}
		lit.WriteByte(c)
	}
	lit.WriteByte(')')
	return lit.String()
}

// utf16String encodes s as UTF-16BE with byte order mark, in hex.
func utf16String(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfDocHigh are the characters of PDFDocEncoding 80–A0 (ISO 32000-1
// Annex D); 9F has none.
var pdfDocHigh = [...]rune{'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰',
	'„', '“', '”', '‘', '’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł',
	'œ', 'š', 'ž', -1, '€'}

// pdfDoc is the PDFDocEncoding code of r: printable ASCII, Latin-1 but
// the soft hyphen, and the characters of pdfDocHigh.
func pdfDoc(r rune) (byte, bool) {
	switch {
	case r >= 0x20 && r < 0x7F, r >= 0xA1 && r <= 0xFF && r != 0xAD:
		return byte(r), true
	}
	for i, h := range pdfDocHigh {
		if h == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// asciiString writes s as a literal string; bytes outside ASCII are
// percent-encoded (addresses) .
func asciiString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// xmp is the metadata packet: title, author, language, dates and the
// PDF/UA identifier.
func xmp(m meta) string {
	esc := func(s string) string {
		r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
		return r.Replace(s)
	}
	date := m.date.UTC().Format("2006-01-02T15:04:05Z")
	return `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.title) + `</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>` + esc(m.author) + `</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(m.subject) + `</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>` + esc(m.lang) + `</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>handbuch</pdf:Producer>
<pdf:Keywords>` + esc(m.keywords) + `</pdf:Keywords>
<xmp:CreatorTool>handbuch</xmp:CreatorTool>
<xmp:CreateDate>` + date + `</xmp:CreateDate>
<xmp:ModifyDate>` + date + `</xmp:ModifyDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}
