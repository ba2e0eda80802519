package book

import "testing"

// TestLines: the line index gives the position PosAt counts, at every
// offset, with multi-byte characters, CRLF and an empty last line.
func TestLines(t *testing.T) {
	for _, src := range []string{"", "a", "\n", "äöü\nß x\r\n\nend\n", "+++\ntitle = \"Größe\"\n+++\n## Kopf\n\nText „mit“ Anführungszeichen.\n"} {
		l := NewLines([]byte(src))
		for off := -1; off <= len(src)+1; off++ {
			if got, want := l.PosAt("f", []byte(src), off), PosAt("f", []byte(src), off); got != want {
				t.Errorf("%q at %d: %v, want %v", src, off, got, want)
			}
		}
	}
}
