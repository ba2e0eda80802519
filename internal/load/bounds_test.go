package load

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch/internal/book"
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

// TestManyForms: a term with 100,000 forms on one line, claimed by a
// second term too, loads in linear time: each form's position was
// searched from the key and its column counted from the start of the
// line (96 s for one such file, more than 100 s for two).
func TestManyForms(t *testing.T) {
	var forms []string
	for i := range 100_000 {
		forms = append(forms, fmt.Sprintf("%q", fmt.Sprintf("Wort%d", i)))
	}
	list := "forms = [" + strings.Join(forms, ", ") + "]\n"
	fsys := fstest.MapFS{
		"glossary/wort.toml":    {Data: []byte("term = \"Wort\"\nshort = \"Ein Wort.\"\ntext = \"Mehr.\"\n" + list)},
		"glossary/anderes.toml": {Data: []byte("term = \"Anderes\"\nshort = \"Ein Wort.\"\ntext = \"Mehr.\"\n" + list)},
	}
	done := make(chan book.ErrorList, 1)
	go func() {
		var errs book.ErrorList
		loadGlossary(fsys, "de", &errs)
		done <- errs
	}()
	select {
	case errs := <-done:
		if len(errs) != 100_000 {
			t.Fatalf("%d errors, want one for each form", len(errs))
		}
		last := errs[len(errs)-1].Error()
		want := fmt.Sprintf("glossary/wort.toml:4:%d: \"Wort99999\" gehört schon zum Begriff \"Anderes\"", len(list)-len(`"Wort99999"]`))
		if !strings.HasPrefix(last, want) {
			t.Errorf("last error %q, want %q…", last, want)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("still loading after 20 s")
	}
}
