package load

import (
	"strings"
	"testing"
)

// TestTooDeep: the scan before the TOML parser finds values nested too
// deep and keys with too many parts where they are, and counts nothing
// inside strings and comments.
func TestTooDeep(t *testing.T) {
	for _, c := range []struct {
		name, text string
		off        int // -1: within the bounds
		msg        string
	}{
		{"nested inline tables", "x = " + strings.Repeat("{a=", 9), 28, "mehr als 8 Ebenen tief"},
		{"nested arrays", "x = " + strings.Repeat("[", 9), 12, "mehr als 8 Ebenen tief"},
		{"eight levels", "x = " + strings.Repeat("[", 8) + strings.Repeat("]", 8), -1, ""},
		{"a dotted key", "a.b.c.d.e.f.g.h.i = 1", 15, "mehr als 8 Teile"},
		{"a dotted key of eight parts", "a.b.c.d.e.f.g.h = 1", -1, ""},
		{"dotted keys in inline tables", "a.b.c = {d.e.f = {g.h.i = 1}}", 21, "mehr als 8 Teile"},
		{"eight parts in inline tables", "a.b.c = {d.e.f = {g.h = 1}}", -1, ""},
		{"closed brackets count no more", strings.Repeat("x = [[[[[[[1]]]]]]]\n", 3), -1, ""},
		{"a table header", "[a.b.c.d.e.f.g.h.i]", 16, "mehr als 8 Teile"},
		{"an array of tables", "[[a.b.c.d.e.f.g.h]]\n[[a.b.c.d.e.f.g.h]]\n  [x]", -1, ""},
		{"brackets at the start of a line", strings.Repeat("[", 11), 10, "mehr als 8 Ebenen tief"},
		{"a multi-line array", "x = [\n" + strings.Repeat("[", 8), 13, "mehr als 8 Ebenen tief"},
		{"brackets and dots in strings", `title = "a.b.c.d.e.f.g.h.i.j {{{{{{{{{{ [[[[[[[[["` + "\n" + `t = 'a.b.c.d.e.f.g.h.i.j {{{{{{{{{{'`, -1, ""},
		{"an escaped quote", `title = "\"{{{{{{{{{{\"a.b.c.d.e.f.g.h.i.j"`, -1, ""},
		{"multi-line strings", "text = \"\"\"\n{{{{{{{{{{ \\\"\"\" a.b.c.d.e.f.g.h.i.j\n\"\"\"\nx = '''\n[[[[[[[[[[\n'''", -1, ""},
		{"a comment", "# a.b.c.d.e.f.g.h.i.j {{{{{{{{{{\nx = 1", -1, ""},
		{"decimal numbers", "x = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5]", -1, ""},
		{"many keys", strings.Repeat("[[a]]\nb.c = 1\n", 50000), -1, ""},
		{"too many keys", strings.Repeat("[[a]]\nb.c = 1\n", 50001), 50000*14 + 10, "mehr als 100.000 Schlüssel"},
	} {
		off, msg := tooDeep(c.text)
		switch {
		case c.off < 0 && msg != "":
			t.Errorf("%s: %d: %s, want no message", c.name, off, msg)
		case c.off >= 0 && (off != c.off || !strings.Contains(msg, c.msg)):
			t.Errorf("%s: %d: %q, want %d: %q", c.name, off, msg, c.off, c.msg)
		}
	}
}
