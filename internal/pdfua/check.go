package pdfua

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Problem is one broken rule.
type Problem struct {
	Rule string // short id, e.g. "untagged-content"
	Msg  string // what and where, e.g. "page 3: Tj outside marked content"
}

// Check parses pdf and returns the problems found, sorted by Rule then Msg.
// An error means the file could not be parsed at all.
func Check(pdf []byte) ([]Problem, error) {
	d, err := Parse(pdf)
	if err != nil {
		return nil, err
	}
	c := newChecker(d)
	c.checkCatalog()
	c.checkMetadata()
	c.checkPages()
	c.checkMCIDs()
	c.checkElements()
	c.checkIDTree()
	c.checkLinks()
	c.checkFonts()
	c.checkOutline()
	slices.SortFunc(c.probs, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Msg, b.Msg))
	})
	return slices.Compact(c.probs), nil
}

// page is a leaf of the page tree.
type page struct {
	num   int // 1-based
	ref   ref
	dict  dict
	res   dict // own or inherited /Resources
	mcids map[int]bool
}

type checker struct {
	d      *Doc
	probs  []Problem
	pages  []*page
	byRef  map[ref]*page
	elems  []*elem
	elemAt map[ref]*elem
	pt     map[int]any // ParentTree, values unresolved
	roles  dict
}

func newChecker(d *Doc) *checker {
	c := &checker{d: d, byRef: map[ref]*page{}, elemAt: map[ref]*elem{}, pt: map[int]any{}}
	c.walkPages(d.catalog["Pages"], nil, 0, map[ref]bool{})
	root := d.dictOf(d.catalog["StructTreeRoot"])
	c.roles = d.dictOf(root["RoleMap"])
	c.elems = d.structTree()
	for _, e := range c.elems {
		e.std = c.stdType(e.typ)
		if e.hasRef {
			c.elemAt[e.ref] = e
		}
	}
	c.numTree(root["ParentTree"], 0, map[ref]bool{})
	return c
}

func (c *checker) addf(rule, format string, args ...any) {
	c.probs = append(c.probs, Problem{rule, fmt.Sprintf(format, args...)})
}

// visit reports whether v is no reference in seen, and adds it.
func visit(seen map[ref]bool, v any) bool {
	r, ok := v.(ref)
	first := !ok || !seen[r]
	if ok {
		seen[r] = true
	}
	return first
}

// walkPages collects the pages below v, passing inherited /Resources down.
func (c *checker) walkPages(v any, res dict, depth int, seen map[ref]bool) {
	node := c.d.dictOf(v)
	if node == nil || depth > maxDepth || !visit(seen, v) {
		return
	}
	if rd := c.d.dictOf(node["Resources"]); rd != nil {
		res = rd
	}
	if c.d.nameOf(node["Type"]) != "Page" && node["Kids"] != nil {
		for _, k := range as[array](c.d, node["Kids"]) {
			c.walkPages(k, res, depth+1, seen)
		}
		return
	}
	r, isRef := v.(ref)
	p := &page{num: len(c.pages) + 1, ref: r, dict: node, res: res, mcids: map[int]bool{}}
	c.pages = append(c.pages, p)
	if isRef {
		c.byRef[r] = p
	}
}

// numTree collects the entries of a number tree into c.pt.
func (c *checker) numTree(v any, depth int, seen map[ref]bool) {
	node := c.d.dictOf(v)
	if node == nil || depth > maxDepth || !visit(seen, v) {
		return
	}
	nums := as[array](c.d, node["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := c.d.intOf(nums[i]); ok {
			if _, dup := c.pt[k]; !dup {
				c.pt[k] = nums[i+1]
			}
		}
	}
	for _, k := range as[array](c.d, node["Kids"]) {
		c.numTree(k, depth+1, seen)
	}
}

func (c *checker) checkCatalog() {
	d, cat := c.d, c.d.catalog
	if !as[bool](d, d.dictOf(cat["MarkInfo"])["Marked"]) {
		c.addf("marked", "catalog: /MarkInfo /Marked is not true")
	}
	if strings.TrimSpace(d.text(cat["Lang"])) == "" {
		c.addf("lang", "catalog: /Lang is missing or empty")
	}
	if strings.TrimSpace(d.text(d.dictOf(d.trailer["Info"])["Title"])) == "" {
		c.addf("title", "document information: /Title is missing or empty")
	}
	if !as[bool](d, d.dictOf(cat["ViewerPreferences"])["DisplayDocTitle"]) {
		c.addf("title", "catalog: /ViewerPreferences /DisplayDocTitle is not true")
	}
	root := d.dictOf(cat["StructTreeRoot"])
	if root == nil {
		c.addf("struct-tree", "catalog: /StructTreeRoot is missing")
		return
	}
	for _, k := range []name{"K", "ParentTree"} {
		if d.resolve(root[k]) == nil {
			c.addf("struct-tree", "StructTreeRoot: /%s is missing", k)
		}
	}
}

var (
	uaPart  = regexp.MustCompile(`pdfuaid:part\s*(?:>\s*1\s*<|=\s*["']\s*1\s*["'])`)
	dcTitle = regexp.MustCompile(`(?s)<dc:title\b[^>]*>(.*?)</dc:title>`)
	xmlTag  = regexp.MustCompile(`<[^>]*>`)
)

func (c *checker) checkMetadata() {
	s, ok := c.d.resolve(c.d.catalog["Metadata"]).(*stream)
	if !ok {
		c.addf("xmp", "catalog: /Metadata stream is missing")
		return
	}
	data, err := c.d.decode(s)
	if err != nil {
		c.addf("xmp", "catalog: /Metadata: %v", err)
		return
	}
	if !uaPart.Match(data) {
		c.addf("xmp", "XMP metadata: pdfuaid:part 1 is missing")
	}
	m := dcTitle.FindSubmatch(data)
	if m == nil || len(bytes.TrimSpace(xmlTag.ReplaceAll(m[1], nil))) == 0 {
		c.addf("xmp", "XMP metadata: dc:title is missing or empty")
	}
}

func (c *checker) checkPages() {
	for _, p := range c.pages {
		if c.d.nameOf(p.dict["Tabs"]) != "S" {
			c.addf("tabs", "page %d: /Tabs is not /S", p.num)
		}
		data, err := c.content(p.dict["Contents"])
		if err != nil {
			c.addf("content-syntax", "page %d: %v", p.num, err)
			continue
		}
		ops, err := parseContent(data)
		if err != nil {
			c.addf("content-syntax", "page %d: %v", p.num, err)
		}
		c.scanMarked(p, ops)
	}
}

// content returns a page's content, its streams joined.
func (c *checker) content(v any) ([]byte, error) {
	var buf bytes.Buffer
	for _, item := range c.d.list(v) {
		s, ok := c.d.resolve(item).(*stream)
		if !ok {
			return nil, errors.New("/Contents is not a stream")
		}
		data, err := c.d.decode(s)
		if err != nil {
			return nil, fmt.Errorf("content stream: %w", err)
		}
		buf.Write(data)
		buf.WriteByte('\n')
	}
	return buf.Bytes(), nil
}

var paintOps = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true,
	"S": true, "s": true, "f": true, "F": true, "f*": true,
	"B": true, "B*": true, "b": true, "b*": true,
	"Do": true, "sh": true, "BI": true,
}

// marked is the state inside an open marked-content sequence: whether it
// or an enclosing one is an Artifact or has an MCID.
type marked struct{ artifact, mcid bool }

// scanMarked checks that painting happens in Artifact or MCID marked
// content and that BMC/BDC and EMC balance. It records the page's MCIDs.
func (c *checker) scanMarked(p *page, ops []op) {
	var stack []marked
	untagged, first := 0, ""
	for _, o := range ops {
		var cur marked
		if len(stack) > 0 {
			cur = stack[len(stack)-1]
		}
		switch {
		case o.name == "BMC" || o.name == "BDC":
			stack = append(stack, c.openMarked(p, o, cur))
		case o.name == "EMC" && len(stack) == 0:
			c.addf("marked-content-balance", "page %d: EMC without open marked-content sequence", p.num)
		case o.name == "EMC":
			stack = stack[:len(stack)-1]
		case paintOps[o.name] && !cur.artifact && !cur.mcid:
			if untagged == 0 {
				first = o.name
			}
			untagged++
		}
	}
	if untagged > 0 {
		c.addf("untagged-content", "page %d: %s outside Artifact or MCID marked content (%d painting operators in all)",
			p.num, first, untagged)
	}
	if n := len(stack); n > 0 {
		c.addf("marked-content-balance", "page %d: %d marked-content sequence(s) not closed by EMC", p.num, n)
	}
}

// openMarked returns the state inside the sequence that BMC or BDC o
// opens within state cur, recording its MCID and checking the nesting.
func (c *checker) openMarked(p *page, o op, cur marked) marked {
	var tag name
	var props dict
	if len(o.args) > 0 {
		tag, _ = o.args[0].(name)
	}
	if o.name == "BDC" && len(o.args) > 1 {
		switch x := o.args[1].(type) {
		case dict:
			props = x
		case name:
			props = c.d.dictOf(c.d.dictOf(p.res["Properties"])[x])
		}
	}
	mcid, hasMCID := c.d.intOf(props["MCID"])
	switch {
	case tag == "Artifact":
		if cur.mcid {
			c.addf("marked-content-nesting", "page %d: Artifact inside MCID marked content", p.num)
		}
		cur.artifact = true
	case hasMCID:
		if p.mcids[mcid] {
			c.addf("mcid", "page %d: MCID %d used more than once", p.num, mcid)
		}
		if cur.artifact || cur.mcid {
			c.addf("marked-content-nesting", "page %d: MCID %d inside Artifact or other MCID marked content", p.num, mcid)
		}
		p.mcids[mcid] = true
		cur.mcid = true
	}
	return cur
}

func (c *checker) checkMCIDs() {
	for _, p := range c.pages {
		if len(p.mcids) == 0 {
			continue
		}
		sp, ok := c.d.intOf(p.dict["StructParents"])
		if !ok {
			c.addf("mcid", "page %d: has MCIDs but no /StructParents", p.num)
			continue
		}
		arr := as[array](c.d, c.pt[sp])
		if arr == nil {
			c.addf("mcid", "page %d: ParentTree has no array for /StructParents %d", p.num, sp)
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(p.mcids)) {
			c.checkMCID(p, arr, id)
		}
	}
	for _, e := range c.elems {
		for u := range e.mcids {
			p := c.byRef[u.pg]
			switch {
			case u.pg == ref{}:
				c.addf("mcid", "%v: MCID %d has no page (/Pg)", e, u.mcid)
			case p == nil:
				c.addf("mcid", "%v: MCID %d refers to object %d, which is not a page", e, u.mcid, u.pg.num)
			case !p.mcids[u.mcid]:
				c.addf("mcid", "%v: claims MCID %d, which is not in the content of page %d", e, u.mcid, p.num)
			}
		}
	}
}

func (c *checker) checkMCID(p *page, arr array, id int) {
	if id < 0 || id >= len(arr) {
		c.addf("mcid", "page %d: MCID %d has no ParentTree entry", p.num, id)
		return
	}
	r, _ := arr[id].(ref)
	e := c.elemAt[r]
	if e == nil {
		c.addf("mcid", "page %d: ParentTree entry for MCID %d is not a structure element of the tree", p.num, id)
		return
	}
	if !e.mcids[mcidUse{p.ref, id}] {
		c.addf("mcid", "page %d: ParentTree maps MCID %d to %v, which does not contain it", p.num, id, e)
	}
}

// standardTypes are the standard structure types of PDF 1.7.
var standardTypes = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption
		TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody
		Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code
		Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standardTypes[s] = true
	}
}

// stdType follows the RoleMap from s to a standard type; "" if none.
func (c *checker) stdType(s string) string {
	for range 16 {
		if standardTypes[s] {
			return s
		}
		if s = c.d.nameOf(c.roles[name(s)]); s == "" {
			return ""
		}
	}
	return ""
}

func (c *checker) checkElements() {
	for _, k := range slices.Sorted(maps.Keys(c.roles)) {
		if standardTypes[string(k)] {
			c.addf("struct-type", "RoleMap remaps standard type /%s", k)
		}
	}
	hasTH := map[*elem]bool{}
	noteIDs := map[string]int{}
	for _, e := range c.elems {
		switch e.std {
		case "Note":
			// Matterhorn 19-003 and 19-004: a Note has an /ID, unique in
			// the file.
			id := string(as[pdfText](c.d, e.dict["ID"]))
			if id == "" {
				c.addf("note-id", "%v: no /ID", e)
			} else if noteIDs[id]++; noteIDs[id] == 2 {
				c.addf("note-id", "%v: /ID %q is used more than once", e, id)
			}
		case "":
			c.addf("struct-type", "%v: /S is no standard type and not role-mapped to one", e)
		case "Figure":
			if strings.TrimSpace(c.d.text(e.dict["Alt"])+c.d.text(e.dict["ActualText"])) == "" {
				c.addf("figure-alt", "%v: no /Alt or /ActualText", e)
			}
		case "TH":
			for a := e.parent; a != nil; a = a.parent {
				hasTH[a] = true
			}
			if !c.hasScope(e) {
				c.addf("th-scope", "%v: no /Scope in a Table attribute dictionary", e)
			}
		case "Link":
			if len(e.objrs) == 0 {
				c.addf("link", "%v: no OBJR kid", e)
			}
		}
	}
	for _, e := range c.elems {
		if e.std == "Table" && !hasTH[e] {
			c.addf("table-headers", "%v: no TH cell", e)
		}
	}
	c.checkHeadings()
}

func (c *checker) hasScope(e *elem) bool {
	for _, a := range c.d.list(e.dict["A"]) {
		ad := c.d.dictOf(a)
		switch c.d.nameOf(ad["Scope"]) {
		case "Row", "Column", "Both":
			if c.d.nameOf(ad["O"]) == "Table" {
				return true
			}
		}
	}
	return false
}

// checkHeadings checks that numbered headings start at H1 and skip no
// level going down, and that H and H1–H6 are not mixed.
func (c *checker) checkHeadings() {
	last := 0
	var plain, numbered *elem
	for _, e := range c.elems {
		if e.std == "H" {
			plain = e
		}
		if len(e.std) != 2 || e.std[0] != 'H' || e.std[1] < '1' || e.std[1] > '6' {
			continue
		}
		numbered = e
		switch level := int(e.std[1] - '0'); {
		case last == 0 && level != 1:
			c.addf("heading-order", "%v: first numbered heading is not H1", e)
		case last > 0 && level > last+1:
			c.addf("heading-order", "%v: follows H%d, skipping a level", e, last)
		}
		last = int(e.std[1] - '0')
	}
	if plain != nil && numbered != nil {
		c.addf("heading-order", "%v: plain H mixed with numbered headings such as %v", plain, numbered)
	}
}

func (c *checker) checkLinks() {
	owners := map[ref][]*elem{}
	for _, e := range c.elems {
		for _, o := range e.objrs {
			if r, ok := o.(ref); ok {
				owners[r] = append(owners[r], e)
			}
		}
	}
	for _, p := range c.pages {
		for _, a := range c.d.list(p.dict["Annots"]) {
			if ad := c.d.dictOf(a); c.d.nameOf(ad["Subtype"]) == "Link" {
				c.checkLinkAnnot(p, a, ad, owners)
			}
		}
	}
}

func (c *checker) checkLinkAnnot(p *page, a any, ad dict, owners map[ref][]*elem) {
	r, ok := a.(ref)
	if !ok {
		c.addf("link", "page %d: link annotation is a direct object", p.num)
		return
	}
	where := fmt.Sprintf("page %d: link annotation (object %d)", p.num, r.num)
	if strings.TrimSpace(c.d.text(ad["Contents"])) == "" {
		c.addf("link", "%s: no /Contents", where)
	}
	own := owners[r]
	if len(own) != 1 {
		c.addf("link", "%s: referenced by %d OBJRs, want 1", where, len(own))
	}
	sp, ok := c.d.intOf(ad["StructParent"])
	if !ok {
		c.addf("link", "%s: no /StructParent", where)
		return
	}
	target, _ := c.pt[sp].(ref)
	e := c.elemAt[target]
	switch {
	case e == nil:
		c.addf("link", "%s: ParentTree entry %d is not a single structure element", where, sp)
	case len(own) == 1 && own[0] != e:
		c.addf("link", "%s: ParentTree maps it to %v, but %v holds its OBJR", where, e, own[0])
	case e.std != "Link":
		c.addf("link", "%s: belongs to %v, not to a Link element", where, e)
	}
}

func (c *checker) checkFonts() {
	seen := map[ref]bool{}
	for _, p := range c.pages {
		c.fontsIn(p.num, p.res, 0, seen)
	}
}

// fontsIn checks the fonts of res and of its Form XObjects.
func (c *checker) fontsIn(pg int, res dict, depth int, seen map[ref]bool) {
	if depth > maxDepth {
		return
	}
	fonts := c.d.dictOf(res["Font"])
	for _, k := range slices.Sorted(maps.Keys(fonts)) {
		if visit(seen, fonts[k]) {
			c.checkFont(fmt.Sprintf("page %d: font /%s", pg, k), c.d.dictOf(fonts[k]))
		}
	}
	xobjs := c.d.dictOf(res["XObject"])
	for _, k := range slices.Sorted(maps.Keys(xobjs)) {
		if x := c.d.dictOf(xobjs[k]); visit(seen, xobjs[k]) && c.d.nameOf(x["Subtype"]) == "Form" {
			c.fontsIn(pg, c.d.dictOf(x["Resources"]), depth+1, seen)
		}
	}
}

func (c *checker) checkFont(where string, f dict) {
	sub := c.d.nameOf(f["Subtype"])
	if f == nil || sub == "Type3" {
		return
	}
	where += " (" + c.d.nameOf(f["BaseFont"]) + ")"
	desc := f
	if sub == "Type0" {
		desc = nil
		if df := as[array](c.d, f["DescendantFonts"]); len(df) > 0 {
			desc = c.d.dictOf(df[0])
		}
	}
	fd := c.d.dictOf(desc["FontDescriptor"])
	embedded := false
	for _, k := range []name{"FontFile", "FontFile2", "FontFile3"} {
		_, ok := c.d.resolve(fd[k]).(*stream)
		embedded = embedded || ok
	}
	if !embedded {
		c.addf("fonts", "%s: not embedded", where)
	}
	if s, ok := c.d.resolve(fd["FontFile2"]).(*stream); ok {
		c.checkProgram(where, s)
	}
	if embedded {
		c.checkSubset(where, f, desc, fd)
	}
	if s, ok := c.d.resolve(f["ToUnicode"]).(*stream); !ok {
		c.addf("fonts", "%s: no /ToUnicode CMap", where)
	} else {
		c.checkToUnicode(where, s)
	}
}

func (c *checker) checkOutline() {
	root := c.d.dictOf(c.d.catalog["Outlines"])
	if root == nil {
		return
	}
	visible := c.outlineItems(root, 0, map[ref]bool{})
	if n, ok := c.d.intOf(root["Count"]); ok && n != visible {
		c.addf("outline", "outline root: /Count %d, but %d items are visible", n, visible)
	}
}

// outlineItems checks the children of parent and returns how many items
// below parent are visible when parent is open.
func (c *checker) outlineItems(parent dict, depth int, seen map[ref]bool) int {
	if depth > maxDepth {
		return 0
	}
	visible := 0
	for v := parent["First"]; v != nil; {
		r, _ := v.(ref)
		where := fmt.Sprintf("outline item (object %d)", r.num)
		if !visit(seen, v) {
			c.addf("outline", "%s: linked twice", where)
			break
		}
		item := c.d.dictOf(v)
		if item == nil {
			break
		}
		visible++
		if strings.TrimSpace(c.d.text(item["Title"])) == "" {
			c.addf("outline", "%s: /Title is missing or empty", where)
		}
		if c.d.resolve(item["First"]) != nil {
			n := c.outlineItems(item, depth+1, seen)
			switch count, _ := c.d.intOf(item["Count"]); {
			case count == 0:
				c.addf("outline", "%s: has children but /Count is 0 or missing", where)
			case count > 0:
				visible += n
			}
		}
		v = item["Next"]
	}
	return visible
}
