package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer replaces goldmark's output where accessibility or the
// Content-Security-Policy need something else: tables get a caption, a
// labelled scroll region and header scopes, alignment becomes a class
// instead of an inline style, and raw HTML is escaped unless allowed.
type nodeRenderer struct {
	allowHTML bool
	lang      string // the glossary's language, for hreflang
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, r.table)
	reg.Register(extast.KindTableCell, r.cell)
	reg.Register(KindCaption, r.caption)
	reg.Register(KindTermLink, r.termLink)
	reg.Register(KindShortcode, r.shortcode)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindParagraph, r.paragraph)
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindAutoLink, r.autoLink)
	reg.Register(extast.KindFootnoteLink, r.footnoteLink)
	reg.Register(extast.KindFootnoteBacklink, r.footnoteBacklink)
	reg.Register(extast.KindFootnote, r.footnote)
}

func (r *nodeRenderer) table(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</table>\n</div>\n")
		return ast.WalkContinue, nil
	}
	// "karten": on a phone each row becomes a card whose cells name their
	// column (data-label, see cell); the header row stays for screen readers.
	_, _ = w.WriteString(`<div class="tabelle karten" role="region" tabindex="0"`)
	if c, ok := n.FirstChild().(*Caption); ok {
		id, _ := c.AttributeString("id")
		_, ctx := ctxOf(w)
		_, _ = w.WriteString(` aria-labelledby="`)
		_, _ = w.Write(util.EscapeHTML(append([]byte(ctx.IDPrefix), id.([]byte)...)))
		_, _ = w.WriteString(`">`)
	} else {
		// Without a caption the region is named by its columns, so that
		// two tables on a page stay distinguishable.
		_, _ = w.WriteString(` aria-label="Tabelle mit den Spalten `)
		_, _ = w.Write(util.EscapeHTML([]byte(headerText(n, src))))
		_, _ = w.WriteString(`">`)
	}
	_, _ = w.WriteString("\n<table>\n")
	return ast.WalkContinue, nil
}

// headerText joins the header cells of table n: "Risiko, Beispiel, Maßnahme".
func headerText(n ast.Node, src []byte) string {
	var cells []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*extast.TableHeader); ok {
			for cell := h.FirstChild(); cell != nil; cell = cell.NextSibling() {
				cells = append(cells, PlainText(cell, src))
			}
		}
	}
	return strings.Join(cells, ", ")
}

func (r *nodeRenderer) caption(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		id, _ := n.AttributeString("id")
		_, ctx := ctxOf(w)
		_, _ = w.WriteString(`<caption id="`)
		_, _ = w.Write(util.EscapeHTML(append([]byte(ctx.IDPrefix), id.([]byte)...)))
		_, _ = w.WriteString(`">`)
	} else {
		_, _ = w.WriteString("</caption>\n")
	}
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) cell(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	cell := n.(*extast.TableCell)
	tag := "td"
	if _, ok := n.Parent().(*extast.TableHeader); ok {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if tag == "th" {
		_, _ = w.WriteString(` scope="col"`)
	} else if label := columnHeader(cell, src); label != "" {
		_, _ = w.WriteString(` data-label="`)
		_, _ = w.Write(util.EscapeHTML([]byte(label)))
		_ = w.WriteByte('"')
	}
	switch cell.Alignment {
	case extast.AlignRight:
		_, _ = w.WriteString(` class="rechts"`)
	case extast.AlignCenter:
		_, _ = w.WriteString(` class="mitte"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// columnHeader is the text of the header cell above the body cell c.
func columnHeader(c *extast.TableCell, src []byte) string {
	col := 0
	for p := c.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		col++
	}
	row := c.Parent()
	if row == nil || row.Parent() == nil {
		return ""
	}
	for n := row.Parent().FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*extast.TableHeader)
		if !ok {
			continue
		}
		cell := h.FirstChild()
		for i := 0; i < col && cell != nil; i++ {
			cell = cell.NextSibling()
		}
		if cell != nil {
			return strings.TrimSpace(PlainText(cell, src))
		}
	}
	return ""
}

func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		segs := n.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			_, _ = w.Write(r.raw(seg.Value(src)))
		}
	}
	return ast.WalkSkipChildren, nil
}

// raw is raw HTML as it goes into the page: as is when allowed, else
// escaped so that it shows as text.
func (r *nodeRenderer) raw(b []byte) []byte {
	if r.allowHTML {
		return b
	}
	return util.EscapeHTML(b)
}

func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	if !r.allowHTML {
		_, _ = w.WriteString(`<pre class="roh-html"><code>`)
	}
	for i := 0; i < b.Lines().Len(); i++ {
		line := b.Lines().At(i)
		_, _ = w.Write(r.raw(line.Value(src)))
	}
	if b.HasClosure() {
		_, _ = w.Write(r.raw(b.ClosureLine.Value(src)))
	}
	if !r.allowHTML {
		_, _ = w.WriteString("</code></pre>\n")
	}
	return ast.WalkSkipChildren, nil
}
