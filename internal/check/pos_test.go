package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// TestPositions: the index gives the position book.PosAt counts, at every
// offset of text with umlauts, emoji, broken UTF-8 and long lines.
func TestPositions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "ü", "😀", "\n", "<p id=x>", "\xff", "\xe2\x82", "\x80", strings.Repeat("b", 300)}
	for range 10 {
		var b strings.Builder
		for range 150 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		src := []byte(b.String())
		p := newPositions("a.html", src)
		for off := 0; off <= len(src); off++ {
			if got, want := p.at(off), book.PosAt("a.html", src, off); got != want {
				t.Fatalf("offset %d: %v, want %v", off, got, want)
			}
		}
	}
}

// TestPositionWork: a page of one line with 10,000 ids given twice gets
// every finding with its column, and finding the columns counts a
// bounded number of bytes per finding, not the line up to it.
func TestPositionWork(t *testing.T) {
	const n = 10000
	head := `<html lang="de"><head><title>T</title></head><body><a href="#m">Inhalt</a><main id="m"><h1>T</h1>`
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		fmt.Fprintf(&b, `<p id="a%05d">x</p><p id="a%05d">x</p>`, i, i)
	}
	b.WriteString(`</main></body></html>`)
	src := []byte(b.String())
	p := &page{file: "a.html", src: src, root: parse(src), ids: map[string]*node{}}
	p.run(nil)
	if len(p.findings) != n {
		t.Fatalf("%d findings, want %d", len(p.findings), n)
	}
	last := p.findings[len(p.findings)-1]
	if want := 1 + len(head) + (2*n-1)*len(`<p id="a00000">x</p>`); last.Pos.Line != 1 || last.Pos.Col != want {
		t.Errorf("last finding at %v, want 1:%d", last.Pos, want)
	}
	// Two lookups a finding (the element, and the line of the first
	// element with the id), each counting at most a step of the index
	// (256 bytes and a character) twice: from the offset and from its
	// line start. Counting from the line start instead would be 150 KB
	// a finding on average.
	if limit := 2 * 2 * 260 * n; p.index.counted > limit {
		t.Errorf("counted %d bytes for %d findings, want at most %d", p.index.counted, n, limit)
	}
}
