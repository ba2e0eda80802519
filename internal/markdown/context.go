package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/handbuch/handbuch/internal/book"
)

// Context says how one output shows a parsed page. The tree itself is
// never changed: every output (the page, the print view, the glossary)
// renders the same tree through its own Context, so they may run at the
// same time, as Hugo's render hooks do.
type Context struct {
	// Href maps a link target inside the handbook (a site-absolute URL
	// with its #fragment) to the address written into the page. Nil
	// writes the target as it is. Links to other sites stay as written.
	Href func(target string) string
	// IDPrefix goes in front of every id of the page: headings, table
	// captions, footnotes (the print view has every page in one file).
	IDPrefix string
	// Shift moves every heading down by this many levels, at most to h6.
	Shift int
	// Shortcode renders a block shortcode; nil leaves them out.
	Shortcode func(*Shortcode) ([]byte, error)
	// Figure renders a picture: an image alone in its paragraph or a
	// bild shortcode. Nil leaves them out.
	Figure func(Figure) ([]byte, error)
	// Positions records which output bytes came from which source node
	// (see book.Span), for the checks to report at the source.
	Positions bool
}

// Rendered is a page rendered through a Context.
type Rendered struct {
	HTML []byte
	// Spans map HTML back to the source file when Context.Positions is
	// set; their Off is a byte offset of the page's Source.
	Spans []book.Span
}

// Render renders the page through ctx.
func (d *Doc) Render(ctx *Context) (Rendered, error) {
	o := &output{ctx: ctx, doc: d}
	o.Grow(len(d.Page.Body) * 3 / 2)
	src := d.Page.Body
	funcs := d.md.funcs
	var open []int // indexes into o.spans of the nodes being rendered; -1 for none
	err := ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if ctx.Positions && entering {
			if off := nodeOffset(n); off >= 0 && n.Kind() != ast.KindDocument {
				open = append(open, len(o.spans))
				o.spans = append(o.spans, book.Span{Start: o.Len(), Off: d.Page.BodyOffset + off})
			} else {
				open = append(open, -1)
			}
		}
		status := ast.WalkContinue
		var err error
		if k := int(n.Kind()); k < len(funcs) && funcs[k] != nil {
			status, err = funcs[k](o, src, n, entering)
		}
		if ctx.Positions && !entering {
			if i := open[len(open)-1]; i >= 0 {
				o.spans[i].End = o.Len()
			}
			open = open[:len(open)-1]
		}
		return status, err
	})
	return Rendered{HTML: o.Bytes(), Spans: o.spans}, err
}

// nodeOffset is the offset of n in the page body, or -1.
func nodeOffset(n ast.Node) int {
	off := n.Pos()
	if off < 0 && n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	return off
}

// output is the writer every node renderer gets: it carries the Context
// of this rendering, so that the renderers need no state of their own.
type output struct {
	bytes.Buffer
	ctx   *Context
	doc   *Doc
	spans []book.Span
}

// The rest of util.BufWriter: a bytes.Buffer needs no flushing.
func (o *output) Available() int { return o.Cap() - o.Len() }
func (o *output) Buffered() int  { return 0 }
func (o *output) Flush() error   { return nil }

// href is where the link node n points in this output: its target
// inside the handbook as this output links it, else its own address if
// the URL policy allows it, else nothing.
func (o *output) href(n ast.Node) []byte {
	if t := o.doc.Target(n); t != "" {
		if o.ctx.Href != nil {
			t = o.ctx.Href(t)
		}
		return util.URLEscape([]byte(t), true)
	}
	return []byte(o.doc.URL(n))
}

// ctxOf returns the Context of a rendering.
func ctxOf(w util.BufWriter) (*output, *Context) {
	o := w.(*output)
	return o, o.ctx
}

// funcs is a node renderer table: goldmark's renderers, those of the
// extensions, and ours, each later one replacing the earlier ones.
type funcs []renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (f *funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) {
	for int(k) >= len(*f) {
		*f = append(*f, nil)
	}
	(*f)[k] = fn
}

func (r *nodeRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	_, ctx := ctxOf(w)
	level := strconv.Itoa(min(n.Level+ctx.Shift, 6))
	if !entering {
		_, _ = w.WriteString("</h" + level + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<h" + level)
	writeAttributes(w, n, headingAttributes, ctx.IDPrefix)
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// headingAttributes are the attributes a heading may have: its anchor
// and classes (the parser reports any other).
var headingAttributes = util.NewBytesFilter([]byte("id"), []byte("class"))

// writeAttributes is html.RenderAttributes with prefix put in front of
// the id.
func writeAttributes(w util.BufWriter, n ast.Node, filter util.BytesFilter, prefix string) {
	for _, a := range n.Attributes() {
		if !filter.Contains(a.Name) {
			continue
		}
		var v []byte
		switch t := a.Value.(type) {
		case []byte:
			v = t
		case string:
			v = []byte(t)
		}
		if string(a.Name) == "id" {
			v = append([]byte(prefix), v...)
		}
		_ = w.WriteByte(' ')
		_, _ = w.Write(a.Name)
		_, _ = w.WriteString(`="`)
		_, _ = w.Write(util.EscapeHTML(v))
		_ = w.WriteByte('"')
	}
}

func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	o, _ := ctxOf(w)
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(o.href(n)))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// autoLink is goldmark's, with the address every output writes.
func (r *nodeRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	o, _ := ctxOf(w)
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(o.href(n)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML(n.Label(src)))
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) shortcode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	o, ctx := ctxOf(w)
	if f, ok := o.doc.FigureOf(n); ok && entering {
		return r.figure(o, ctx, f)
	}
	sc := n.(*Shortcode)
	if sc.Container {
		// The layout's output around Inner: the part before it on the
		// way in, the rest on the way out, the children between.
		if ctx.Shortcode != nil {
			b, err := ctx.Shortcode(sc)
			if err != nil {
				return ast.WalkStop, err
			}
			before, after, _ := bytes.Cut(b, []byte(Inner))
			if entering {
				_, _ = w.Write(before)
			} else {
				_, _ = w.Write(after)
			}
		}
		// Its headings are one level below its own.
		if entering {
			ctx.Shift++
		} else {
			ctx.Shift--
		}
		return ast.WalkContinue, nil
	}
	if entering && ctx.Shortcode != nil {
		b, err := ctx.Shortcode(sc)
		if err != nil {
			return ast.WalkStop, err
		}
		_, _ = w.Write(b)
	}
	return ast.WalkSkipChildren, nil
}

// The footnote renderers are goldmark's, with the id prefix of the
// Context and our German titles.

// fnref is the id of a reference to footnote index (goldmark's scheme).
func fnref(prefix string, refIndex, index int) string {
	id := prefix + "fnref"
	if refIndex > 0 {
		id += strconv.Itoa(refIndex)
	}
	return id + ":" + strconv.Itoa(index)
}

func (r *nodeRenderer) footnoteLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*extast.FootnoteLink)
	_, ctx := ctxOf(w)
	is := strconv.Itoa(n.Index)
	_, _ = w.WriteString(`<sup id="` + fnref(ctx.IDPrefix, n.RefIndex, n.Index) + `"><a href="#` + ctx.IDPrefix + "fn:" + is + `" class="footnote-ref" title="`)
	_, _ = w.Write(util.EscapeHTML([]byte(strings.ReplaceAll(footnoteLinkTitle, "^^", is))))
	_, _ = w.WriteString(`" role="doc-noteref">` + is + `</a></sup>`)
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) footnoteBacklink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*extast.FootnoteBacklink)
	_, ctx := ctxOf(w)
	_, _ = w.WriteString(`&#160;<a href="#` + fnref(ctx.IDPrefix, n.RefIndex, n.Index) + `" class="footnote-backref" title="` + footnoteBacklinkTitle + `" role="doc-backlink">` + footnoteBacklinkHTML + `</a>`)
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) footnote(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</li>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*extast.Footnote)
	_, ctx := ctxOf(w)
	_, _ = w.WriteString(`<li id="` + ctx.IDPrefix + "fn:" + strconv.Itoa(n.Index) + `"`)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ListItemAttributeFilter)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

const (
	footnoteLinkTitle     = "Zur Fußnote ^^"
	footnoteBacklinkTitle = "Zurück zum Text"
	footnoteBacklinkHTML  = `<span aria-hidden="true">↩</span><span class="visually-hidden">Zurück zum Text</span>`
)
