// Package term keeps what handbuch prints from doing more than print.
// File names, shortcode arguments and TOML values reach the terminal in
// messages; an escape sequence in them could recolour, clear or rewrite
// the screen, a carriage return or line break could forge a line such as
// "Fertig: …", and a bidirectional override could show a name other
// than the one on disk. Every such character is shown as an escape
// instead (\u001b, \n, \u202e), the way Go and JSON write it.
package term

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"
)

// Line returns s as one line for the terminal: every control character,
// line breaks and tabs included, is escaped.
func Line(s string) string {
	if clean(s, "") {
		return s
	}
	var b strings.Builder
	write(&b, s, "")
	return b.String()
}

// clean reports whether s needs no escape apart from the characters in keep.
func clean(s, keep string) bool {
	for _, r := range s {
		if unsafe(r) && !strings.ContainsRune(keep, r) {
			return false
		}
	}
	return utf8.ValidString(s)
}

// unsafe reports whether r must not reach a terminal as it is: C0 and C1
// controls, DEL, and the characters that reorder or hide text.
func unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x200b && r <= 0x200f, // zero-width characters, LRM, RLM
		r >= 0x202a && r <= 0x202e, // embeddings and overrides
		r >= 0x2066 && r <= 0x2069, // isolates
		r == 0x2028, r == 0x2029, r == 0xfeff:
		return true
	}
	return false
}

// write appends s to b with every unsafe character not in keep escaped,
// and every byte that is not UTF-8 as \xNN.
func write(b *strings.Builder, s, keep string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case !unsafe(r) || strings.ContainsRune(keep, r):
			b.WriteString(s[i : i+n])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		default:
			fmt.Fprintf(b, `\u%04x`, r)
		}
		i += n
	}
}

// Writer passes what is written to the underlying writer with every
// control character except line breaks and tabs escaped. A character
// split between two writes is kept until the next. It is safe for
// concurrent use, as the preview logs from its own goroutines.
type Writer struct {
	mu   sync.Mutex
	w    io.Writer
	part []byte // the start of a character split by the last Write
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write writes p, escaped; it reports len(p) when W took everything.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := string(append(w.part, p...))
	w.part = w.part[:0]
	// Keep an incomplete character at the end for the next write.
	if cut := incomplete(s); cut > 0 {
		w.part = append(w.part, s[len(s)-cut:]...)
		s = s[:len(s)-cut]
	}
	if clean(s, "\n\t") {
		if _, err := io.WriteString(w.w, s); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	var b strings.Builder
	write(&b, s, "\n\t")
	if _, err := io.WriteString(w.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incomplete returns how many bytes at the end of s start a character
// that is not complete yet (0 when s ends on a whole character).
func incomplete(s string) int {
	for n := 1; n <= 3 && n <= len(s); n++ {
		c := s[len(s)-n]
		if c < 0x80 {
			return 0 // ASCII: complete
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRuneInString(s[len(s)-n:]) {
				return n
			}
			return 0
		}
	}
	return 0
}
