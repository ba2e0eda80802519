package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// maxDelimiters is the number of emphasis and strikethrough markers (runs
// of *, _ or ~) one block may have before the rest stay as written.
const maxDelimiters = 1000

// delimiterBound keeps the markers of one block (a paragraph, heading or
// table cell) that goldmark treats as possible emphasis to at most max.
// goldmark looks for the opener of each closing marker through every
// marker before it, without CommonMark's openers_bottom shortcut
// (yuin/goldmark#555), so a block of many markers that never match takes
// quadratic time: 700 KB of "**a_ " took two minutes to parse. Markers
// beyond the bound are text, shown as written; no real paragraph has a
// thousand. It is tried before goldmark's emphasis and strikethrough
// parsers and hands every marker up to the bound on to them.
type delimiterBound struct{ max int }

var delimiterCountKey = parser.NewContextKey()

// delimiterCount counts the markers of the block being parsed.
type delimiterCount struct {
	block ast.Node
	n     int
}

func (delimiterBound) Trigger() []byte { return []byte{'*', '_', '~'} }

func (b delimiterBound) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	c, _ := pc.Get(delimiterCountKey).(*delimiterCount)
	if c == nil {
		c = &delimiterCount{}
		pc.Set(delimiterCountKey, c)
	}
	if c.block != parent {
		c.block, c.n = parent, 0
	}
	if c.n++; c.n <= b.max {
		return nil
	}
	line, seg := block.PeekLine()
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	block.Advance(n)
	return ast.NewTextSegment(seg.WithStop(seg.Start + n))
}
