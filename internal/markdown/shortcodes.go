package markdown

import (
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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

var blockShortcodeRe = regexp.MustCompile("^[ \\t]*\\{\\{<\\s*([a-z][a-z-]*)((?:\\s+(?:\"[^\"]*\"|`[^`]*`|[^\\s\"`>]+))*)\\s*>\\}\\}[ \\t]*\\r?\\n?$")

// shortcodeBlockParser reads block shortcodes. The page loader has
// already checked names and arguments; {{< begriff >}} stays inline.
type shortcodeBlockParser struct{}

func (shortcodeBlockParser) Trigger() []byte { return []byte{'{'} }

func (shortcodeBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	m := blockShortcodeRe.FindSubmatchIndex(line)
	if m == nil || string(line[m[2]:m[3]]) == "begriff" {
		return nil, parser.NoChildren
	}
	sc := &Shortcode{Name: string(line[m[2]:m[3]]), Offset: seg.Start}
	for _, a := range argRe.FindAll(line[m[4]:m[5]], -1) {
		if c := a[0]; (c == '"' || c == '`') && len(a) >= 2 {
			a = a[1 : len(a)-1]
		}
		sc.Args = append(sc.Args, string(a))
	}
	reader.Advance(seg.Len())
	return sc, parser.NoChildren | parser.Close
}

func (shortcodeBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

func (shortcodeBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

func (shortcodeBlockParser) CanInterruptParagraph() bool { return true }

func (shortcodeBlockParser) CanAcceptIndentedLine() bool { return false }
