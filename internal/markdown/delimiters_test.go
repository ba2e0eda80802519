package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbuch/handbuch/internal/book"
)

// TestDelimiterWork: the work of matching emphasis markers in one
// paragraph stops growing at the bound. The work is counted as goldmark
// does it: each time it compares an opening marker with a closing one.
// Without the bound, twice the markers is four times the work.
func TestDelimiterWork(t *testing.T) {
	work := func(max, runs int) int {
		n := 0
		p := parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
			parser.WithInlineParsers(util.Prioritized(countingEmphasis{&n}, 500), util.Prioritized(delimiterBound{max}, 499)),
		)
		p.Parse(text.NewReader([]byte(strings.Repeat("**a_ ", runs/2))))
		return n
	}
	small, large := work(maxDelimiters, 8000), work(maxDelimiters, 16000)
	if large > small || small > maxDelimiters*maxDelimiters {
		t.Errorf("with the bound: %d comparisons for 8000 markers, %d for 16000", small, large)
	}
	if small, large := work(1<<30, 4000), work(1<<30, 8000); large < 3*small {
		t.Errorf("without the bound the work should be quadratic: %d comparisons for 4000 markers, %d for 8000", small, large)
	}
}

// TestDelimiterBound: markers up to the bound are emphasis, later ones
// in the same paragraph are text; the next paragraph counts anew.
func TestDelimiterBound(t *testing.T) {
	src := strings.Repeat("**a** ", maxDelimiters/2+10) + "\n\n**b**\n"
	doc := New(Options{}).Parse(&book.Page{File: "content/t.md", Source: []byte(src), Body: []byte(src)})
	got, err := renderHTML(doc)
	if err != nil {
		t.Fatal(err)
	}
	html := string(got)
	if n := strings.Count(html, "<strong>a</strong>"); n != maxDelimiters/2 {
		t.Errorf("%d bold words in the first paragraph, want %d", n, maxDelimiters/2)
	}
	if n := strings.Count(html, "**a**"); n != 10 {
		t.Errorf("%d markers left as text, want 10", n)
	}
	if !strings.Contains(html, "<p><strong>b</strong></p>") {
		t.Errorf("the second paragraph lost its emphasis:\n%s", html[len(html)-200:])
	}
}

// countingEmphasis is goldmark's emphasis parser with a delimiter
// processor that counts the comparisons.
type countingEmphasis struct{ n *int }

func (countingEmphasis) Trigger() []byte { return []byte{'*', '_'} }

func (p countingEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	node := parser.ScanDelimiter(line, before, 1, countingProcessor(p))
	if node == nil {
		return nil
	}
	node.Segment = segment.WithStop(segment.Start + node.OriginalLength)
	block.Advance(node.OriginalLength)
	pc.PushDelimiter(node)
	return node
}

type countingProcessor struct{ n *int }

func (countingProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (p countingProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	*p.n++
	return opener.Char == closer.Char
}

func (countingProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }
