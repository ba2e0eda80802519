package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	htmlrenderer "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"golang.org/x/net/html"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// Options configure the Markdown setup.
type Options struct {
	// AllowHTML renders raw HTML from Markdown as is. Without it, raw HTML
	// is escaped and shown as text, so a pasted snippet cannot break the
	// page or bring in scripts.
	AllowHTML bool
	// ReservedIDs are ids the layouts use; headings get another id.
	ReservedIDs []string
	// Glossary is linked into running text.
	Glossary book.Glossary
	// TermLinks says which occurrences of a term link to its entry:
	// "first" (per page, the default), "all" or "none".
	TermLinks string
	// Language is the handbook's language ("de" if empty), the one the
	// glossary is written in. A page in another language links the
	// terms through their translations into it.
	Language string
}

// Markdown parses and renders Markdown. It is safe for concurrent use.
type Markdown struct {
	md      goldmark.Markdown
	funcs   funcs
	opts    Options
	matcher *Matcher
	// matchers find the terms in the other languages, by language code,
	// through their translations.
	matchers map[string]*Matcher
}

// New returns the handbook's Markdown setup.
func New(opts Options) *Markdown {
	if opts.TermLinks == "" {
		opts.TermLinks = "first"
	}
	if opts.Language == "" {
		opts.Language = "de"
	}
	matcher := NewMatcher(opts.Glossary)
	matchers := map[string]*Matcher{}
	for _, code := range book.LanguageCodes() {
		if code != book.Primary(opts.Language) {
			matchers[code] = newMatcher(opts.Glossary, code)
		}
	}
	var htmlOpts []htmlrenderer.Option
	if opts.AllowHTML {
		htmlOpts = append(htmlOpts, htmlrenderer.WithUnsafe())
	}
	// goldmark's renderers, the extensions' and ours; a later one replaces
	// an earlier one for the same node kind. Every rendering walks the tree
	// with this table itself (see Doc.Render).
	var fs funcs
	for _, r := range []renderer.NodeRenderer{
		htmlrenderer.NewRenderer(htmlOpts...),
		extension.NewTableHTMLRenderer(),
		extension.NewStrikethroughHTMLRenderer(htmlOpts...),
		extension.NewDefinitionListHTMLRenderer(htmlOpts...),
		extension.NewFootnoteHTMLRenderer(),
		&nodeRenderer{allowHTML: opts.AllowHTML, lang: book.Primary(opts.Language)},
	} {
		r.RegisterFuncs(&fs)
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.DefinitionList,
			extension.Footnote,
			extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation]string{
				extension.LeftDoubleQuote:  "„",
				extension.RightDoubleQuote: "“",
				extension.LeftSingleQuote:  "‚",
				extension.RightSingleQuote: "‘",
				extension.Apostrophe:       "’",
				extension.EnDash:           "–",
				extension.EmDash:           "—",
				extension.Ellipsis:         "…",
				extension.LeftAngleQuote:   "»",
				extension.RightAngleQuote:  "«",
			})),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(
				util.Prioritized(captionTransformer{}, 500),
				util.Prioritized(termLinker{}, 600),
			),
			parser.WithInlineParsers(util.Prioritized(shortcodeParser{matcher}, 50), util.Prioritized(delimiterBound{maxDelimiters}, 499)),
			parser.WithBlockParsers(util.Prioritized(shortcodeBlockParser{}, 50)),
		),
	)
	return &Markdown{md: md, funcs: fs, opts: opts, matcher: matcher, matchers: matchers}
}

// Heading is a heading of a page, for its table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Chapter is a {{< kapitel "name" >}} in a page: a link to a chapter
// that shows its number and title.
type Chapter struct {
	Name string // as written: "datenschutz" or "leitlinien/datenschutz"
	Pos  book.Pos
	link *ast.Link
	text *ast.String
}

// SetChapter makes chapter reference i a link to page p, with the text
// p.ChapterRef() ("Kapitel 6 „Risikomanagement“"). The link stage calls
// it before it resolves the links, which then check the address as any
// other.
func (d *Doc) SetChapter(i int, p *book.Page) {
	c := d.Chapters[i]
	c.link.Destination = []byte(p.URL)
	c.text.Value = []byte(p.ChapterRef())
	if j, ok := d.linkOf[c.link]; ok {
		d.Links[j].Dest, d.Links[j].URL = p.URL, p.URL
	}
}

// Link is a link or image destination written in the page, with the
// position of the link in the source.
type Link struct {
	// Dest is the address as written (for messages), URL the address
	// every output writes: Markdown's escapes and entities resolved, and
	// percent-encoded as in the HTML href and the PDF URI.
	Dest, URL string
	Pos       book.Pos
	Image     bool
	// Alt and Caption are an image's alternative text and its title,
	// which becomes the caption.
	Alt, Caption string
	// Img is set by the link stage for an image: the file it shows.
	Img *book.Image
	// RawHTML marks an address in an attribute of raw HTML (with
	// allow_html): checked by the URL policy, but written as it is.
	RawHTML bool
	// Target is set by the link stage for links inside the handbook: the
	// site-absolute URL of the target page, with its #fragment if any.
	// Glossary links have it from the start.
	Target string
	// Term is the glossary term of a term link.
	Term *book.Term
	// Chapter is the name of a {{< kapitel >}} link; until SetChapter
	// finds its page, the link has no address.
	Chapter string
}

// Doc is one parsed page.
type Doc struct {
	Page     *book.Page
	Headings []Heading
	Links    []Link
	// Terms are the glossary terms the page uses, in order of their first
	// occurrence, linked or not.
	Terms []*book.Term
	// Errors are problems found while parsing, such as a begriff
	// shortcode naming no term.
	Errors []*book.Error
	// Shortcodes are the block shortcodes, in document order.
	Shortcodes []*Shortcode
	// Pictures are set by the link stage: the image each bild shortcode
	// shows, by Shortcode.Index (nil for other shortcodes).
	Pictures []*book.Image
	// Entry is the term whose explanation this is, for a glossary entry:
	// its ids carry the term's id in front, t.ID() + "--".
	Entry *book.Term
	// Chapters are the {{< kapitel "name" >}} references of the page,
	// which the link stage resolves with SetChapter.
	Chapters []Chapter
	root     ast.Node
	md       *Markdown
	linkOf   map[ast.Node]int // index in Links of each link node
	ids      []string
}

// Parse parses the body of page p. A page in another language than the
// handbook's links the terms translated into its language, through
// their words in it; a term without a translation into it stays unlinked.
func (m *Markdown) Parse(p *book.Page) *Doc {
	st := &termState{mode: m.opts.TermLinks, m: m.matcher}
	if !p.LinkTerms {
		st.mode = "none"
	}
	if p.Foreign(m.opts.Language) {
		st.lang = book.Primary(p.Lang(m.opts.Language))
		st.m = m.matchers[st.lang]
		if st.m == nil { // a language without translations: no term
			st.m = newMatcher(nil, st.lang)
		}
	}
	return m.parse(p, st)
}

// ParseTerm parses the explanation of a glossary term; p carries its
// text and position. Other terms are linked, the term itself is not.
func (m *Markdown) ParseTerm(t *book.Term, p *book.Page) *Doc {
	d := m.parse(p, &termState{mode: m.opts.TermLinks, m: m.matcher, own: t, noPopup: true})
	d.Entry = t
	// The glossary page and the print view draw no block shortcodes and
	// no pictures.
	for _, l := range d.Links {
		if l.Image {
			d.Errors = append(d.Errors, &book.Error{Pos: l.Pos, Msg: fmt.Sprintf("das Bild %q ist in einer Erklärung des Glossars nicht möglich; dort steht nur Text. Zeigen Sie das Bild auf einer Seite in content/.", l.Dest)})
		}
	}
	for _, sc := range d.Shortcodes {
		d.Errors = append(d.Errors, &book.Error{Pos: d.ShortcodePos(sc), Msg: fmt.Sprintf("der Shortcode %q ist in einer Erklärung des Glossars nicht möglich; dort steht nur Text, mit %s. Schreiben Sie ihn in eine Seite in content/.", sc.Name, shortcode.All["begriff"].Usage)})
	}
	return d
}

func (m *Markdown) parse(p *book.Page, st *termState) *Doc {
	st.linked, st.usedSet = map[*book.Term]bool{}, map[*book.Term]bool{}
	ids := newIDs(m.opts.ReservedIDs)
	ctx := parser.NewContext(parser.WithIDs(ids))
	ctx.Set(termStateKey, st)
	root := m.md.Parser().Parse(text.NewReader(p.Body), parser.WithContext(ctx))
	d := &Doc{Page: p, root: root, md: m, Terms: st.used, linkOf: map[ast.Node]int{}}
	var ownIDs []ownID // headings with an anchor of their own, {#…}
	for _, e := range st.errors {
		d.Errors = append(d.Errors, &book.Error{Pos: p.BodyPos(e.offset), Msg: e.msg})
	}

	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				d.ids = append(d.ids, string(b))
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			d.Headings = append(d.Headings, Heading{Level: n.Level, ID: string(idb), Text: PlainText(n, p.Body)})
			if off, own := d.headingAttributes(n); own {
				ownIDs = append(ownIDs, ownID{string(idb), off})
			}
		case *TermLink, *ast.Link, *ast.Image, *ast.AutoLink:
			d.linkOf[n] = len(d.Links)
		}
		switch n := n.(type) {
		case *TermLink:
			d.Links = append(d.Links, Link{Dest: string(n.Destination), URL: string(n.Destination), Pos: d.pos(n), Term: n.Term, Target: string(n.Destination)})
		case *ast.Link:
			d.Links = append(d.Links, Link{Dest: string(n.Destination), URL: linkURL(n.Destination), Pos: d.pos(n)})
		case *ast.Image:
			l := Link{Dest: string(n.Destination), URL: linkURL(n.Destination), Pos: d.pos(n), Image: true,
				Alt: PlainText(n, p.Body), Caption: strings.TrimSpace(string(n.Title))}
			d.Links = append(d.Links, l)
			d.checkImage(n, l)
		case *ast.AutoLink:
			d.Links = append(d.Links, Link{Dest: string(n.URL(p.Body)), URL: autoLinkURL(n, p.Body), Pos: d.pos(n)})
		case *ast.RawHTML:
			if m.opts.AllowHTML {
				d.rawURLs(segments(n.Segments))
			}
		case *ast.HTMLBlock:
			if m.opts.AllowHTML {
				segs := segments(n.Lines())
				if n.HasClosure() {
					segs = append(segs, n.ClosureLine)
				}
				d.rawURLs(segs)
			}
		case *Shortcode:
			n.Index = len(d.Shortcodes)
			d.Shortcodes = append(d.Shortcodes, n)
			if n.Name == "bild" {
				d.checkPicture(n)
			}
		}
		return ast.WalkContinue, nil
	})
	d.checkOwnIDs(ownIDs, ids)
	d.checkLeftShortcodes(st.errors)
	for _, c := range st.chapters {
		d.Chapters = append(d.Chapters, Chapter{Name: c.name, Pos: p.BodyPos(c.offset), link: c.link, text: c.text})
		if j, ok := d.linkOf[c.link]; ok {
			d.Links[j].Chapter = c.name
		}
	}
	return d
}

// pos returns the source position of n, or of the nearest ancestor that
// knows its position.
func (d *Doc) pos(n ast.Node) book.Pos {
	for ; n != nil; n = n.Parent() {
		if off := n.Pos(); off >= 0 {
			return d.Page.BodyPos(off)
		}
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return d.Page.BodyPos(n.Lines().At(0).Start)
		}
	}
	return d.Page.BodyPos(0)
}

// IDs returns the ids of the page's headings and table captions.
func (d *Doc) IDs() []string { return d.ids }

// Rebind returns the page d parsed before, for p: a page loaded anew
// with the same source, parsed with the same settings and a glossary of
// the same content, whose terms are now those of term (by name). The
// tree is shared; the links start unresolved, for the link stage.
func (d *Doc) Rebind(p *book.Page, term map[string]*book.Term) *Doc {
	nd := *d
	nd.Page = p
	if d.Entry != nil {
		nd.Entry = term[d.Entry.Name]
	}
	nd.Terms = make([]*book.Term, len(d.Terms))
	for i, t := range d.Terms {
		nd.Terms[i] = term[t.Name]
	}
	nd.Pictures = nil
	nd.Links = make([]Link, len(d.Links))
	for i, l := range d.Links {
		if l.Term != nil {
			l.Term = term[l.Term.Name]
		} else {
			l.Target, l.Img = "", nil
		}
		nd.Links[i] = l
	}
	return &nd
}

// Root returns the parsed tree, for renderers that walk it themselves
// (the PDF). The tree is read-only: every output renders from it.
func (d *Doc) Root() ast.Node { return d.root }

// Target returns where the link node n points inside the handbook (a
// site-absolute URL with its fragment), or "" for other links.
func (d *Doc) Target(n ast.Node) string {
	if i, ok := d.linkOf[n]; ok {
		return d.Links[i].Target
	}
	return ""
}

// URL returns the address the link node n is written with in every
// output (see Link.URL), or "" when the URL policy does not allow it:
// the link stage reports such a link, and no output writes it.
func (d *Doc) URL(n ast.Node) string {
	i, ok := d.linkOf[n]
	if !ok {
		return ""
	}
	if _, err := urlpolicy.Check(d.Links[i].URL); err != nil {
		return ""
	}
	return d.Links[i].URL
}

// linkURL is the address of a Markdown link or image destination as it is
// written into HTML and PDF: backslash escapes and entities resolved,
// then percent-encoded (as goldmark's HTML renderer does).
func linkURL(dest []byte) string { return string(util.URLEscape(dest, true)) }

// autoLinkURL is the address of an autolink, <https://…> or
// <name@example.org>. CommonMark knows no escapes inside an autolink: a
// backslash is a backslash, encoded as %5C.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	u := string(util.URLEscape(n.URL(src), false))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
		u = "mailto:" + u
	}
	return u
}

// urlAttributes are the attributes of HTML whose value is an address, or
// (srcset, ping, archive) a list of addresses.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "cite": true, "poster": true,
	"data": true, "background": true, "longdesc": true, "usemap": true, "manifest": true,
	"codebase": true, "classid": true, "icon": true, "lowsrc": true, "dynsrc": true, "profile": true,
	"xlink:href": true, "srcset": true, "ping": true, "archive": true,
}

// segments lists the segments of s.
func segments(s *text.Segments) []text.Segment {
	out := make([]text.Segment, s.Len())
	for i := range out {
		out[i] = s.At(i)
	}
	return out
}

// rawURLs adds the addresses in the attributes of raw HTML, made of the
// source segments segs, to the links of the page, each at its tag, so
// that the link stage applies the URL policy to them: raw HTML is written
// into the page as it is.
func (d *Doc) rawURLs(segs []text.Segment) {
	src := d.Page.Body
	var buf []byte
	starts := make([]int, len(segs))
	for i, s := range segs {
		starts[i] = len(buf)
		buf = append(buf, s.Value(src)...)
	}
	at := func(off int) book.Pos { // the source position of byte off of buf
		i := len(segs) - 1
		for i > 0 && starts[i] > off {
			i--
		}
		return d.Page.BodyPos(segs[i].Start + off - starts[i])
	}
	z := html.NewTokenizer(bytes.NewReader(buf))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		start := off
		off += len(z.Raw())
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			name := string(k)
			if !urlAttributes[name] {
				continue
			}
			var urls []string
			switch name {
			case "srcset": // "a.png 1x, b.png 2x": the first word of each part
				for _, c := range strings.Split(string(v), ",") {
					if f := strings.Fields(c); len(f) > 0 {
						urls = append(urls, f[0])
					}
				}
			case "ping", "archive":
				urls = strings.FieldsFunc(string(v), func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
			default:
				// Browsers drop the spaces around an address.
				urls = []string{strings.Trim(string(v), " \t\n\f\r")}
			}
			for _, u := range urls {
				d.Links = append(d.Links, Link{Dest: u, URL: u, Pos: at(start), RawHTML: true})
			}
		}
	}
}

// Uses reports whether the page has a block shortcode for which f is true.
func (d *Doc) Uses(f func(*shortcode.Shortcode) bool) bool {
	for _, sc := range d.Shortcodes {
		if s, ok := shortcode.Lookup(sc.Name); ok && f(s) {
			return true
		}
	}
	return false
}

// ShortcodePos returns the source position of a shortcode of the page.
func (d *Doc) ShortcodePos(s *Shortcode) book.Pos { return d.Page.BodyPos(s.Offset) }

// TextBlock is the running text of one paragraph, heading, list item or
// table cell, with the source offset (in the page body) of every byte.
type TextBlock struct {
	Text    string
	Offsets []int
	Level   int // of a heading; 0 for other blocks
}

// TextBlocks returns the running text of the page, block by block, for
// the plain-language checks. Code is left out.
func (d *Doc) TextBlocks() []TextBlock {
	var out []TextBlock
	var text []byte // the running text of the current block
	var offsets []int
	var captions []TextBlock // of the images in the current block
	in := false
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock, *extast.TableCell, *Caption:
			if entering {
				level := 0
				if h, ok := n.(*ast.Heading); ok {
					level = h.Level
				}
				out = append(out, TextBlock{Level: level})
				text, offsets, in = text[:0], nil, true
			} else {
				out[len(out)-1].Text = string(text)
				out[len(out)-1].Offsets = offsets
				in = false
				out = append(out, captions...)
				captions = captions[:0]
			}
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			// The alternative text is read as the paragraph's text; the
			// caption is a text of its own.
			if entering && len(n.Title) > 0 {
				captions = append(captions, sameOffset(string(n.Title), nodeOffset(n.Parent())))
			}
		case *Shortcode:
			if f, ok := d.FigureOf(n); ok && entering && !f.Decorative {
				for _, t := range []string{f.Alt, f.Caption} {
					if t != "" {
						out = append(out, sameOffset(t, n.Offset))
					}
				}
			}
		case *ast.Text:
			if entering && in {
				v := n.Segment.Value(d.Page.Body)
				text = append(text, v...)
				for i := range v {
					offsets = append(offsets, n.Segment.Start+i)
				}
				if n.SoftLineBreak() || n.HardLineBreak() {
					text = append(text, ' ')
					offsets = append(offsets, n.Segment.Stop)
				}
			}
		case *ast.String:
			if entering && in {
				last := 0
				if len(offsets) > 0 {
					last = offsets[len(offsets)-1] + 1
				}
				text = append(text, n.Value...)
				for range n.Value {
					offsets = append(offsets, last)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// sameOffset is a text block whose every byte is placed at off, for a
// text written in one place: an argument, a title.
func sameOffset(text string, off int) TextBlock {
	offsets := make([]int, len(text))
	for i := range offsets {
		offsets[i] = off
	}
	return TextBlock{Text: text, Offsets: offsets}
}

// PlainText returns the text of n and its descendants, with typographic
// replacements applied, as a reader sees it.
func PlainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for g := c.FirstChild(); g != nil; g = g.NextSibling() {
				if t, ok := g.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(b.Bytes()))
}

// captionTransformer turns a paragraph that starts with "Tabelle:" right
// before a table into the table's caption.
type captionTransformer struct{}

func (captionTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var tables []*extast.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*extast.Table); ok && entering {
			tables = append(tables, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		p, ok := t.PreviousSibling().(*ast.Paragraph)
		if !ok {
			continue
		}
		first, ok := p.FirstChild().(*ast.Text)
		if !ok {
			continue
		}
		seg := first.Segment
		val := seg.Value(src)
		if !bytes.HasPrefix(val, []byte("Tabelle:")) {
			continue
		}
		skip := len("Tabelle:")
		for skip < len(val) && val[skip] == ' ' {
			skip++
		}
		first.Segment = seg.WithStart(seg.Start + skip)
		c := &Caption{}
		c.SetAttributeString("id", pc.IDs().Generate([]byte("tabelle "+PlainText(p, src)), KindCaption))
		for ch := p.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			c.AppendChild(c, ch)
			ch = next
		}
		p.Parent().RemoveChild(p.Parent(), p)
		t.InsertBefore(t, t.FirstChild(), c)
	}
}

// KindCaption is the node kind of Caption.
var KindCaption = ast.NewNodeKind("Caption")

// Caption is the caption of a table.
type Caption struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (*Caption) Kind() ast.NodeKind { return KindCaption }

// Dump implements ast.Node.
func (c *Caption) Dump(src []byte, level int) { ast.DumpHelper(c, src, level, nil, nil) }
