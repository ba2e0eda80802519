package paper

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Doc is the text of a PDF as lines on pages.
type Doc struct {
	Pages []Page
}

// Page is one page: its size in points and its lines of text, top to
// bottom and left to right.
type Page struct {
	Number        int // from 1
	Width, Height float64
	Lines         []Line
}

// Line is the text of one structure element on one baseline. Two
// elements on the same baseline (a list label and its body, table cells)
// are two lines.
type Line struct {
	// Elem is the object number of the block-level structure element the
	// text belongs to: the nearest ancestor that is not inline (a Link or
	// Span inside a P belongs to the P). It is 0 for an artifact.
	Elem int
	// Type is that element's structure type (P, H2, Lbl, TD …), or
	// "Artifact".
	Type string
	// Artifact is an artifact's /Subtype (Header, Footer) or /Type.
	Artifact string
	Text     string
	// X is the left end of the line, Y its baseline, Size the font size of
	// its main text, all in points with the origin at the page's lower
	// left corner.
	X, Y, Size float64
	// Mark says the line begins with a raised, smaller run of text: a
	// footnote mark.
	Mark bool
}

// Top is the height of the line's ascenders, Bottom of its descenders,
// by the proportions of a sans-serif text face.
func (l Line) Top() float64    { return l.Y + 0.8*l.Size }
func (l Line) Bottom() float64 { return l.Y - 0.25*l.Size }

// inline are the structure types that sit inside a block's text.
var inline = map[string]bool{
	"Link": true, "Span": true, "Quote": true, "Code": true, "Reference": true,
	"BibEntry": true, "Annot": true, "Figure": true, "Formula": true, "Form": true,
	"Em": true, "Strong": true, "Sub": true, "Sup": true,
}

// graph is the object graph of qpdf --json (version 2).
type graph map[string]json.RawMessage

// Read turns the output of
//
//	qpdf --json=2 --json-key=qpdf --json-stream-data=inline --decode-level=generalized FILE -
//
// into lines on pages.
func Read(qpdfJSON []byte) (*Doc, error) {
	var top struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(qpdfJSON, &top); err != nil {
		return nil, err
	}
	if len(top.QPDF) != 2 {
		return nil, errors.New("not the output of qpdf --json=2 --json-key=qpdf")
	}
	var g graph
	if err := json.Unmarshal(top.QPDF[1], &g); err != nil {
		return nil, err
	}
	trailer := g.dict(g.value("trailer"))
	catalog := g.dict(trailer["/Root"])
	var pages []map[string]any
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		d := g.dict(v)
		if d == nil || depth > 32 {
			return
		}
		if kids, ok := d["/Kids"]; ok {
			for _, k := range g.array(kids) {
				walk(k, depth+1)
			}
			return
		}
		pages = append(pages, d)
	}
	walk(catalog["/Pages"], 0)
	if len(pages) == 0 {
		return nil, errors.New("no pages")
	}
	parents := map[int][]any{} // StructParents key → element per MCID
	if root := g.dict(catalog["/StructTreeRoot"]); root != nil {
		g.numberTree(root["/ParentTree"], parents, 0)
	}
	doc := &Doc{}
	cmaps := map[int]*cmap{} // ToUnicode maps by font object
	for i, pg := range pages {
		box := g.array(pg["/MediaBox"])
		if box == nil {
			box = g.array(g.inherited(pg, "/MediaBox"))
		}
		p := Page{Number: i + 1}
		if len(box) == 4 {
			p.Width = num(g.resolve(box[2])) - num(g.resolve(box[0]))
			p.Height = num(g.resolve(box[3])) - num(g.resolve(box[1]))
		}
		var content []byte
		cs := g.resolve(pg["/Contents"])
		if arr, ok := cs.([]any); ok {
			for _, c := range arr {
				content = append(content, g.stream(c)...)
				content = append(content, '\n')
			}
		} else {
			content = g.stream(pg["/Contents"])
		}
		fonts := map[string]*cmap{}
		for name, f := range g.dict(g.dict(g.inherited(pg, "/Resources"))["/Font"]) {
			if c, ok := cmaps[refNum(f)]; ok {
				fonts[strings.TrimPrefix(name, "/")] = c
				continue
			}
			if tu := g.dict(f)["/ToUnicode"]; tu != nil {
				c := parseCMap(g.stream(tu))
				cmaps[refNum(f)] = c
				fonts[strings.TrimPrefix(name, "/")] = c
			}
		}
		runs, err := textRuns(content, fonts)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		var owners []any
		if k, ok := g.resolve(pg["/StructParents"]).(float64); ok {
			owners = parents[int(k)]
		}
		for j := range runs {
			r := &runs[j]
			if r.artifact != "" || r.mcid < 0 {
				continue
			}
			if r.mcid >= len(owners) {
				return nil, fmt.Errorf("page %d: MCID %d has no structure element", i+1, r.mcid)
			}
			r.elem, r.typ = g.block(owners[r.mcid])
		}
		p.Lines = lines(runs)
		doc.Pages = append(doc.Pages, p)
	}
	return doc, nil
}

// block follows an element up to its nearest block-level ancestor and
// returns its object number and structure type.
func (g graph) block(v any) (int, string) {
	for range 64 {
		d := g.dict(v)
		if d == nil {
			break
		}
		typ := strings.TrimPrefix(name(g.resolve(d["/S"])), "/")
		parent := g.dict(d["/P"])
		if !inline[typ] || parent == nil || name(g.resolve(parent["/Type"])) == "/StructTreeRoot" {
			return refNum(v), typ
		}
		v = d["/P"]
	}
	return refNum(v), "?"
}

// numberTree collects the entries of a number tree.
func (g graph) numberTree(v any, out map[int][]any, depth int) {
	d := g.dict(v)
	if d == nil || depth > 32 {
		return
	}
	nums := g.array(d["/Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := g.resolve(nums[i]).(float64); ok {
			out[int(k)] = g.array(nums[i+1])
		}
	}
	for _, k := range g.array(d["/Kids"]) {
		g.numberTree(k, out, depth+1)
	}
}

func (g graph) inherited(d map[string]any, key string) any {
	for range 32 {
		if v, ok := d[key]; ok {
			return v
		}
		if d = g.dict(d["/Parent"]); d == nil {
			return nil
		}
	}
	return nil
}

// value is the value of the object named key ("obj:3 0 R", "trailer").
func (g graph) value(key string) any {
	raw, ok := g[key]
	if !ok {
		return nil
	}
	var o struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict any    `json:"dict"`
			Data string `json:"data"`
		} `json:"stream"`
	}
	if json.Unmarshal(raw, &o) != nil {
		return nil
	}
	if o.Stream != nil {
		return o.Stream.Dict
	}
	return o.Value
}

// resolve follows an indirect reference ("12 0 R").
func (g graph) resolve(v any) any {
	for range 32 {
		s, ok := v.(string)
		if !ok || !isRef(s) {
			return v
		}
		v = g.value("obj:" + s)
	}
	return nil
}

func (g graph) dict(v any) map[string]any {
	d, _ := g.resolve(v).(map[string]any)
	return d
}

func (g graph) array(v any) []any {
	a, _ := g.resolve(v).([]any)
	return a
}

// stream is the decoded data of the stream v refers to.
func (g graph) stream(v any) []byte {
	s, ok := v.(string)
	if !ok || !isRef(s) {
		return nil
	}
	var o struct {
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	if json.Unmarshal(g["obj:"+s], &o) != nil {
		return nil
	}
	b, _ := base64.StdEncoding.DecodeString(o.Stream.Data)
	return b
}

func isRef(s string) bool {
	f := strings.Fields(s)
	if len(f) != 3 || f[2] != "R" {
		return false
	}
	_, err := strconv.Atoi(f[0])
	return err == nil
}

func refNum(v any) int {
	s, _ := v.(string)
	n, _ := strconv.Atoi(strings.Fields(s + " x")[0])
	return n
}

func name(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

// run is one text-showing operation.
type run struct {
	mcid     int    // -1 outside marked content with an MCID
	artifact string // the artifact's Subtype or Type, "" if not an artifact
	x, y     float64
	size     float64
	text     string
	elem     int
	typ      string
}

// lines groups the runs of a page into lines: per owner, runs on one
// baseline; a raised run in a smaller size joins the line it stands above.
func lines(runs []run) []Line {
	type key struct {
		elem     int
		artifact string
	}
	byOwner := map[key][]run{}
	var order []key
	for _, r := range runs {
		if strings.TrimSpace(r.text) == "" {
			continue
		}
		k := key{r.elem, r.artifact}
		if r.artifact == "" && r.typ == "" {
			k.artifact = "untagged"
		}
		if _, ok := byOwner[k]; !ok {
			order = append(order, k)
		}
		byOwner[k] = append(byOwner[k], r)
	}
	var out []Line
	for _, k := range order {
		rs := byOwner[k]
		main := 0.0
		for _, r := range rs {
			main = math.Max(main, r.size)
		}
		type group struct {
			line Line
			runs []run
		}
		var groups []*group
		find := func(y float64) *group {
			for _, g := range groups {
				if math.Abs(g.line.Y-y) < 1 {
					return g
				}
			}
			return nil
		}
		// newGroup starts a line at r's baseline.
		newGroup := func(r run) *group {
			g := &group{line: Line{Elem: k.elem, Type: rs[0].typ, Artifact: k.artifact, Y: r.y, Size: r.size}}
			if k.artifact != "" {
				g.line.Type = "Artifact"
			}
			groups = append(groups, g)
			return g
		}
		// Full-size runs first: they fix the baselines.
		var small []run
		for _, r := range rs {
			if r.size < 0.85*main {
				small = append(small, r)
				continue
			}
			g := find(r.y)
			if g == nil {
				g = newGroup(r)
			}
			g.runs = append(g.runs, r)
		}
		for _, r := range small {
			var best *group
			for _, g := range groups {
				if d := r.y - g.line.Y; d >= -1 && d <= 0.6*g.line.Size && (best == nil || math.Abs(d) < math.Abs(r.y-best.line.Y)) {
					best = g
				}
			}
			if best == nil {
				best = newGroup(r)
			}
			best.runs = append(best.runs, r)
		}
		for _, g := range groups {
			slices.SortStableFunc(g.runs, func(a, b run) int { return cmpFloat(a.x, b.x) })
			var sb strings.Builder
			for _, r := range g.runs {
				sb.WriteString(r.text)
			}
			g.line.Text = strings.TrimSpace(sb.String())
			g.line.X = g.runs[0].x
			g.line.Mark = g.runs[0].size < 0.85*g.line.Size && g.runs[0].y > g.line.Y+0.5
			out = append(out, g.line)
		}
	}
	slices.SortStableFunc(out, func(a, b Line) int {
		if math.Abs(a.Y-b.Y) >= 1 {
			return cmpFloat(b.Y, a.Y)
		}
		return cmpFloat(a.X, b.X)
	})
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
