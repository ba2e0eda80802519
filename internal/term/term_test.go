package term

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"content/kapitel-1.md":          "content/kapitel-1.md",
		"Übersicht – „Daten“":           "Übersicht – „Daten“",
		"a\x1b[2Jb":                     `a\u001b[2Jb`,
		"a\nFertig: 9 Seiten":           `a\nFertig: 9 Seiten`,
		"a\rb\tc":                       `a\rb\tc`,
		"\u202etxt.exe":                 `\u202etxt.exe`,
		"\u009b31m":                     `\u009b31m`,
		"kaputt\xff":                    `kaputt\xff`,
		"null\x00":                      `null\u0000`,
		"zero\u200bwidth\u2066isolated": `zero\u200bwidth\u2066isolated`,
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriterKeepsLinesAndTabs(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]byte("eins\tzwei\n\x1b[31mdrei\r\n"))
	if got, want := b.String(), "eins\tzwei\n\\u001b[31mdrei\\r\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// A character split between two writes is neither broken nor escaped.
func TestWriterSplitCharacter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	s := []byte("Prüfung „gut“\u202e")
	for i := range s {
		if n, err := w.Write(s[i : i+1]); n != 1 || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if got, want := b.String(), `Prüfung „gut“\u202e`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// JSON through the writer stays JSON with the same values: the escapes
// are JSON's own.
func TestWriterKeepsJSON(t *testing.T) {
	in := []string{"a\u202eb", "c\u2066d", "e\x1bf", "g\nh", "ä\u200bö"}
	data, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	NewWriter(&b).Write(data)
	var out []string
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("%v:\n%s", err, b.String())
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("%q came back as %q", in[i], out[i])
		}
	}
	if bytes.ContainsRune(b.Bytes(), '\u202e') {
		t.Errorf("the override reached the terminal: %q", b.String())
	}
}
