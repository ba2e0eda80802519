package check

import (
	"slices"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/book"
)

// markStep is the distance in bytes between two marks of a positions
// index: the most a column is counted from.
const markStep = 256

// positions finds the line and column of a byte offset in a page without
// counting from the start of its line: a page may be one line of
// megabytes with a finding every few bytes (built by a tool, or pasted),
// and counting each column from the line start made checking it
// quadratic. Columns count characters, as book.PosAt does.
type positions struct {
	file  string
	src   []byte
	lines book.Lines
	// marks are offsets about markStep apart, each at the start of a
	// character (never inside one, so that counts add up), with the
	// number of characters before it.
	marks []mark
	// counted is the number of bytes counted character by character to
	// answer the lookups, the work the index keeps small.
	counted int
}

type mark struct{ off, chars int }

func newPositions(file string, src []byte) *positions {
	p := &positions{file: file, src: src, lines: book.NewLines(src), marks: make([]mark, 0, len(src)/markStep+1)}
	m := mark{}
	p.marks = append(p.marks, m)
	for next := markStep; next < len(src); next += markStep {
		// A character has at most three continuation bytes; past them
		// no character goes on.
		for k := 0; k < utf8.UTFMax-1 && next < len(src) && !utf8.RuneStart(src[next]); k++ {
			next++
		}
		m = mark{next, m.chars + utf8.RuneCount(src[m.off:next])}
		p.marks = append(p.marks, m)
	}
	return p
}

// at returns the position of byte offset off.
func (p *positions) at(off int) book.Pos {
	off = min(max(off, 0), len(p.src))
	line, _ := slices.BinarySearch(p.lines, off+1)
	return book.Pos{File: p.file, Line: line, Col: 1 + p.chars(off) - p.chars(p.lines[line-1])}
}

// chars is the number of characters before offset off.
func (p *positions) chars(off int) int {
	k := min(off/markStep, len(p.marks)-1)
	for p.marks[k].off > off {
		k--
	}
	p.counted += off - p.marks[k].off
	return p.marks[k].chars + utf8.RuneCount(p.src[p.marks[k].off:off])
}
