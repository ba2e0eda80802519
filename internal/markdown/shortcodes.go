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
// the Shortcode function of its render Context.
type Shortcode struct {
	ast.BaseBlock
	Name   string
	Args   []string
	Offset int // in the page body, for messages
	Index  int // among the block shortcodes of the page, from 0
}

// Kind implements ast.Node.
func (*Shortcode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (s *Shortcode) Dump(src []byte, level int) {
	ast.DumpHelper(s, src, level, map[string]string{"Name": s.Name}, nil)
}

// shortcodeBlockParser reads block shortcodes: a shortcode alone on its
// line, read with shortcode.Lex as the loader reads it. The page loader
// has already checked names and arguments; {{< begriff >}} stays inline,
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
	if err != nil || c.Name == "begriff" || len(bytes.TrimSpace(line[i+c.Len:])) > 0 {
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
	return sc, parser.NoChildren | parser.Close
}

func (shortcodeBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
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
