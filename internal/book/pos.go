package book

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a source file. File is relative to the project root
// and uses forward slashes; Line and Col count from 1. A zero Line means the
// position names only the file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as path:line:col, the one format every
// message of handbuch uses.
func (p Pos) String() string {
	file := shownFile(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// shownFile quotes a file name that would make path:line:col ambiguous
// or unreadable: one with a colon, a quote, a character that is no
// printable text, or spaces at either end. Other names stay as they are,
// so that editors and terminals recognise them.
func shownFile(name string) string {
	plain := utf8.ValidString(name) && strings.TrimSpace(name) == name &&
		!strings.ContainsAny(name, ":\"") &&
		strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) < 0
	if plain {
		return name
	}
	return strconv.Quote(name)
}

// PosAt returns the position of byte offset off in src, with the column
// counted in characters, not bytes, so editors land on the right spot.
func PosAt(file string, src []byte, off int) Pos {
	// Offsets come from parsers too; one that knows no position says -1.
	off = min(max(off, 0), len(src))
	line, col := 1, 1
	for _, r := range string(src[:off]) {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return Pos{File: file, Line: line, Col: col}
}

// Lines are the offsets at which the lines of a source start, so that a
// position is found without counting from the start of the file.
type Lines []int

// NewLines indexes the lines of src.
func NewLines(src []byte) Lines {
	l := Lines{0}
	for i, c := range src {
		if c == '\n' {
			l = append(l, i+1)
		}
	}
	return l
}

// PosAt is PosAt(file, src, off) for the src that l indexes.
func (l Lines) PosAt(file string, src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	line, _ := slices.BinarySearch(l, off+1)
	start := l[line-1]
	return Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(src[start:off])}
}

// Error is a problem in the input, reported with the position it came from.
// Msg is German and says what to do.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// ErrorList collects the errors of one build so that an editor sees all of
// them at once, sorted by position.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(e *Error) { *l = append(*l, e) }

// Addf appends an error at pos.
func (l *ErrorList) Addf(pos Pos, format string, args ...any) {
	l.Add(Errorf(pos, format, args...))
}

// Err returns nil for an empty list, else the list sorted by position.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return l
}

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Errors flattens err into the input errors it holds, so callers can count
// and print them one per line.
func Errors(err error) []*Error {
	var list ErrorList
	if errors.As(err, &list) {
		return list
	}
	var one *Error
	if errors.As(err, &one) {
		return []*Error{one}
	}
	return nil
}

// InvalidUTF8 returns the offset of the first byte of src that is not
// UTF-8, or -1 when src is valid UTF-8.
func InvalidUTF8(src []byte) int {
	for off := 0; off < len(src); {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return -1
}
