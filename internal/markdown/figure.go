package markdown

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/handbuch/handbuch/internal/book"
)

// Figure is a picture as every output shows it: an image that stands
// alone in its paragraph, ![Alternativtext](bild.png "Bildunterschrift"),
// or a {{< bild >}} shortcode.
type Figure struct {
	Img        *book.Image // set by the link stage
	Alt        string      // the alternative text; "" when Decorative
	Caption    string      // "" for none
	Decorative bool        // {{< bild "x.svg" "dekorativ" >}}: no alternative text, no caption
	// Lazy: the figure stands below the first screen of the page, so the
	// browser may load it when the reader comes near.
	Lazy bool
	Pos  book.Pos
}

// Decorative is the alternative text argument of {{< bild >}} that marks
// a picture as pure decoration.
const Decorative = "dekorativ"

// eagerBlocks is how many blocks of a page count as its first screen:
// a figure among them is loaded at once, later ones lazily.
const eagerBlocks = 4

// FigureOf returns the figure that node n shows: a paragraph whose only
// content is an image, or a bild shortcode.
func (d *Doc) FigureOf(n ast.Node) (Figure, bool) {
	var f Figure
	switch n := n.(type) {
	case *ast.Paragraph:
		img := soleImage(n, d.Page.Body)
		if img == nil {
			return f, false
		}
		i, ok := d.linkOf[img]
		if !ok {
			return f, false
		}
		l := d.Links[i]
		f = Figure{Img: l.Img, Alt: l.Alt, Caption: l.Caption, Pos: l.Pos}
	case *Shortcode:
		if n.Name != "bild" || len(n.Args) < 2 {
			return f, false
		}
		if n.Index < len(d.Pictures) {
			f.Img = d.Pictures[n.Index]
		}
		f.Alt, f.Pos = n.Args[1], d.ShortcodePos(n)
		if len(n.Args) > 2 {
			f.Caption = n.Args[2]
		}
		if strings.EqualFold(strings.TrimSpace(f.Alt), Decorative) {
			f.Alt, f.Caption, f.Decorative = "", "", true
		}
	default:
		return f, false
	}
	// The block of the page the figure is in, counted from the top.
	top := ast.Node(n)
	for top.Parent() != nil && top.Parent().Kind() != ast.KindDocument {
		top = top.Parent()
	}
	k := 0
	for s := top.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		k++
	}
	f.Lazy = k >= eagerBlocks
	return f, true
}

// Figures returns the figures of the page, in order.
func (d *Doc) Figures() []Figure {
	var out []Figure
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if f, ok := d.FigureOf(n); ok {
			out = append(out, f)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// soleImage returns the image that is the only content of paragraph p
// (blank text around it aside), or nil.
func soleImage(p ast.Node, src []byte) *ast.Image {
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = c
		case *ast.Text:
			if len(strings.TrimSpace(string(c.Segment.Value(src)))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// checkImage reports an image that cannot become a figure, or whose
// alternative text says nothing.
func (d *Doc) checkImage(n *ast.Image, l Link) {
	add := func(format string, args ...any) {
		d.Errors = append(d.Errors, &book.Error{Pos: l.Pos, Msg: fmt.Sprintf(format, args...)})
	}
	if p, ok := n.Parent().(*ast.Paragraph); !ok || soleImage(p, d.Page.Body) != n {
		add("das Bild %q steht mitten im Text. Ein Bild steht allein in seinem Absatz: mit einer Leerzeile davor und danach, ![Alternativtext](%s \"Bildunterschrift\").", l.Dest, l.Dest)
		return
	}
	if msg := altProblem(l.Alt, l.Dest); msg != "" {
		add("das Bild %q %s Für reinen Schmuck schreiben Sie {{< bild %q %q >}}.", l.Dest, msg, l.Dest, Decorative)
	}
}

// checkPicture reports a bild shortcode whose alternative text says
// nothing.
func (d *Doc) checkPicture(sc *Shortcode) {
	if len(sc.Args) < 2 || strings.EqualFold(strings.TrimSpace(sc.Args[1]), Decorative) {
		return
	}
	if msg := altProblem(sc.Args[1], sc.Args[0]); msg != "" {
		d.Errors = append(d.Errors, &book.Error{Pos: d.ShortcodePos(sc), Msg: fmt.Sprintf("das Bild %q %s Für reinen Schmuck schreiben Sie %q als Alternativtext.", sc.Args[0], msg, Decorative)})
	}
}

// fileNameRe matches an alternative text that is a file name.
var fileNameRe = regexp.MustCompile(`(?i)^[^ ]+\.(png|jpe?g|webp|svg|gif|bmp|tiff?)$`)

// altProblem says what is wrong with alt as the alternative text of the
// image dest, or "".
func altProblem(alt, dest string) string {
	const what = "Beschreiben Sie in einem kurzen Satz, was darauf zu sehen ist und was es sagt."
	a := strings.TrimSpace(alt)
	switch {
	case a == "":
		return "hat keinen Alternativtext. Wer das Bild nicht sieht, erfährt sonst nicht, was es zeigt. " + what
	case fileNameRe.MatchString(a) || a == path.Base(dest):
		return fmt.Sprintf("hat als Alternativtext den Dateinamen %q. "+what, a)
	case strings.EqualFold(a, "Bild") || strings.EqualFold(a, "Foto") || strings.EqualFold(a, "Grafik") || strings.EqualFold(a, "Logo"):
		return fmt.Sprintf("hat als Alternativtext nur %q. "+what, a)
	}
	return ""
}

// paragraph is goldmark's, but a paragraph that only holds an image is
// the figure of Context.Figure.
func (r *nodeRenderer) paragraph(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	o, ctx := ctxOf(w)
	if f, ok := o.doc.FigureOf(n); ok {
		if entering {
			return r.figure(o, ctx, f)
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	}
	if n.Attributes() != nil {
		_, _ = w.WriteString("<p")
		html.RenderAttributes(w, n, html.ParagraphAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<p>")
	}
	return ast.WalkContinue, nil
}

// figure writes f through the Context; nil Context.Figure leaves it out.
func (r *nodeRenderer) figure(o *output, ctx *Context, f Figure) (ast.WalkStatus, error) {
	if ctx.Figure == nil {
		return ast.WalkSkipChildren, nil
	}
	if f.Img == nil {
		return ast.WalkStop, fmt.Errorf("%s: das Bild ist nicht aufgelöst", f.Pos)
	}
	b, err := ctx.Figure(f)
	if err != nil {
		return ast.WalkStop, err
	}
	_, _ = o.Write(b)
	return ast.WalkSkipChildren, nil
}
