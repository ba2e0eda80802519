package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// KindShortcode is the node kind of Shortcode.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Shortcode is a block shortcode, {{< name "arg" … >}} alone on its line:
// a checklist, a form field, the AI register. The site renders it through
// the Shortcode function of its render Context. A container (such as
// nur-organisation) has the blocks up to its {{< /name >}} as children;
// its layout puts them where it writes Inner.
type Shortcode struct {
	ast.BaseBlock
	Name      string
	Args      []string
	Offset    int // in the page body, for messages
	Index     int // among the block shortcodes of the page, from 0
	Container bool
}

// Inner stands in the output of a container's layout where its children
// go.
const Inner = "<!--hb-inner-->"

// Kind implements ast.Node.
func (*Shortcode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (s *Shortcode) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"Name": s.Name}, nil)
}

// shortcodeBlockParser reads block shortcodes: a shortcode alone on its
// line, read with shortcode.Lex as the loader reads it. The page loader
// has already checked names and arguments; {{< begriff >}} and
// {{< kapitel >}} stay inline,
// and a line it cannot read is left to the inline parser, which reports
// it.
type shortcodeBlockParser struct{}

func (shortcodeBlockParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	c, err := shortcode.Lex(line[i:])
	if err != nil || c.Close || c.Name == "begriff" || c.Name == "kapitel" || len(bytes.TrimSpace(line[i+c.Len:])) > 0 {
		// A {{< /name >}} without its opening line is reported by the
		// loader.
		return nil, parser.NoChildren
	}
	sc := &Shortcode{Name: c.Name, Args: c.Values(), Offset: seg.Start + i}
	// Leave the line's end, as goldmark's own one-line blocks do: the
	// parser moves past it to the next line, which would be lost.
	n := seg.Len()
	if bytes.HasSuffix(line, []byte("\n")) {
		n--
	}
	reader.Advance(n)
	if s, ok := shortcode.Lookup(c.Name); ok && s.Container {
		sc.Container = true
		return sc, parser.HasChildren
	}
	return sc, parser.NoChildren | parser.Close
}

// Continue keeps a container open up to its closing line, which it
// takes; the loader has made sure that there is one.
func (shortcodeBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	sc := node.(*Shortcode)
	if !sc.Container {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if line == nil {
		return parser.Close
	}
	t := bytes.TrimLeft(line, " \t")
	if c, err := shortcode.Lex(t); err == nil && c.Close && c.Name == sc.Name && len(bytes.TrimSpace(t[c.Len:])) == 0 {
		n := seg.Len()
		if bytes.HasSuffix(line, []byte("\n")) {
			n--
		}
		reader.Advance(n)
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (shortcodeBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (shortcodeBlockParser) CanInterruptParagraph() bool { return true }

func (shortcodeBlockParser) CanAcceptIndentedLine() bool { return false }

// checkLeftShortcodes reports every "{{<" or "{{%" left in the running
// text of the page: a shortcode that was not read (after a backslash, or
// one the parsers reported already, at the offsets in reported) must
// never reach a reader as text.
func (d *Doc) checkLeftShortcodes(reported []shortcodeError) {
	if !bytes.Contains(d.Page.Body, []byte("{{")) {
		return
	}
	done := map[int]bool{}
	for _, e := range reported {
		done[e.offset] = true
	}
	for _, b := range d.TextBlocks() {
		for from := 0; ; {
			i := strings.Index(b.Text[from:], "{{")
			if i < 0 {
				break
			}
			i += from
			from = i + 2
			if !strings.HasPrefix(b.Text[i:], "{{<") && !strings.HasPrefix(b.Text[i:], "{{%") {
				continue
			}
			if off := b.Offsets[i]; !done[off] {
				done[off] = true
				d.Errors = append(d.Errors, &book.Error{Pos: d.Page.BodyPos(off), Msg: "hier steht ein Shortcode, der nicht gelesen wurde und als Text auf der Seite stünde (etwa nach einem \\ oder als {{% … %}}). Schreiben Sie ihn ohne \\ davor als {{< name \"Argument\" >}}."})
			}
		}
	}
}
