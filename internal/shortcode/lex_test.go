package shortcode

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/parser/pageparser"
)

// hugo reads the first shortcode of line as the loader does, with Hugo's
// page lexer: its name and arguments, or an error.
func hugo(line string) (string, []string, error) {
	src := []byte("+++\ntitle = \"x\"\n+++\n" + line)
	items, err := pageparser.ParseBytes(src, pageparser.Config{NoSummaryDivider: true})
	if err != nil {
		return "", nil, err
	}
	name, args := "", []string(nil)
	for _, it := range items {
		switch {
		case it.IsError():
			return "", nil, errors.New(it.ValStr(src))
		case it.IsShortcodeName():
			name = it.ValStr(src)
		case it.IsShortcodeParam():
			args = append(args, it.ValStr(src))
		case it.IsShortcodeParamVal():
			return "", nil, errors.New("named")
		case it.IsRightShortcodeDelim():
			return name, args, nil
		}
	}
	return "", nil, errors.New("no shortcode")
}

// TestLexReadsWhatHugoReads: the loader checks every page with Hugo's
// lexer, the Markdown parser reads the shortcodes with Lex; they must
// agree on every shape, or a shortcode the loader accepted would be
// printed raw into the page or lose text.
func TestLexReadsWhatHugoReads(t *testing.T) {
	for _, line := range []string{
		`{{< begriff "einwilligung" >}}`,
		`{{<begriff "KI" "KI-Systeme">}}`,
		`{{< eintragen "Ein \"Zitat\" hier" >}}`,
		`{{< begriff "Daten" "die \"echten\" Daten" >}}`,
		`{{< eintragen "a\\b \"c\"" >}}`,
		`{{< eintragen "a\b" >}}`,
		`{{< eintragen "a >}} b" >}}`,
		"{{< eintragen `Roh \"mit\" Anführung` >}}",
		"{{< begriff `KI` `KI-Systeme und >}} mehr` >}}",
		`{{< eintragen Unquoted >}}`,
		`{{< feld Name_1.2 email >}}`,
		`{{< feld "Name"email >}}`,
		`{{< kontakte >}}`,
		`{{<  feld   "E-Mail"   "email"  >}}`,
		"{{<\tfeld\t\"E-Mail\"\t>}}",
		`{{< feld "Größe" >}}`,
		`{{< eintragen "" >}}`,
		`{{< eintragen "Ende\" >}}`,
		`{{< feld label="x" >}}`,
		`{{< feld "x" ! >}}`,
		`{{< feld "x`,
		`{{< feld "x" >}`,
	} {
		name, args, herr := hugo(line + "\n")
		c, err := Lex([]byte(line + "\n"))
		switch {
		case herr != nil && err == nil:
			t.Errorf("%s: Hugo fails (%v), Lex reads %q %q", line, herr, c.Name, c.Values())
		case herr == nil && err != nil:
			t.Errorf("%s: Hugo reads %q %q, Lex fails: %v", line, name, args, err)
		case herr == nil && (c.Name != name || !slices.Equal(c.Values(), args)):
			t.Errorf("%s: Hugo reads %q %q, Lex %q %q", line, name, args, c.Name, c.Values())
		case err == nil && line[c.Len-3:c.Len] != ">}}":
			t.Errorf("%s: Lex ends at %d", line, c.Len)
		}
	}
}

func TestLexPositions(t *testing.T) {
	line := `{{< begriff "KI" "die \"KI\"" >}} Rest`
	c, err := Lex([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	if c.Len != strings.Index(line, " Rest") || len(c.Args) != 2 {
		t.Fatalf("%+v", c)
	}
	if a := c.Args[0]; line[a.Start:a.End] != "KI" || a.Escaped {
		t.Errorf("first argument %+v", a)
	}
	if a := c.Args[1]; line[a.Start:a.End] != `die \"KI\"` || a.Value != `die "KI"` || !a.Escaped {
		t.Errorf("second argument %+v", a)
	}
	if _, err := Lex([]byte("{{< begriff \"KI\"\n")); err != ErrUnclosed {
		t.Errorf("a shortcode that goes on in the next line: %v", err)
	}
}

// FuzzLex compares Lex with Hugo's lexer on any line: where both read a
// shortcode, they read the same. (Where only one does, the loader or the
// Markdown parser reports it with its position.)
func FuzzLex(f *testing.F) {
	for _, s := range []string{`{{< feld "a\"b" x >}}`, "{{< begriff `a` \"b >}}\" >}}", `{{< x "a\\" >}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") || !strings.HasPrefix(line, "{{<") {
			return
		}
		name, args, herr := hugo(line + "\n")
		c, err := Lex([]byte(line + "\n"))
		if herr == nil && err == nil && (c.Name != name || !slices.Equal(c.Values(), args)) {
			t.Errorf("%s: Hugo reads %q %q, Lex %q %q", line, name, args, c.Name, c.Values())
		}
	})
}
