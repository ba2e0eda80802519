package shortcode

import (
	"bytes"
	"errors"
	"unicode"
	"unicode/utf8"
)

// Call is one shortcode as written in a page: {{< name "arg" … >}}.
type Call struct {
	Name  string
	Args  []Argument
	Len   int  // bytes from {{< to the end of >}}
	Close bool // {{< /name >}}, the end of a container
}

// Values returns the values of the arguments.
func (c Call) Values() []string {
	v := make([]string, len(c.Args))
	for i, a := range c.Args {
		v[i] = a.Value
	}
	return v
}

// Argument is an argument of a Call.
type Argument struct {
	Value string
	// Start and End are the offsets of the argument's text in the input,
	// without its quotes. Escaped says Value is not that text: escapes
	// were removed ("Ein \"Zitat\"").
	Start, End int
	Escaped    bool
}

// Errors of Lex. ErrUnclosed: the input ends before >}}, as when a
// shortcode goes on in the next line and Lex was given one line.
var (
	ErrNotShortcode = errors.New("kein Shortcode")
	ErrUnclosed     = errors.New("es fehlt das schließende >}}")
)

// Lex reads the shortcode at the start of s. It reads what Hugo's page
// lexer reads, which the loader checks every page with, so that both see
// the same names and arguments (a test compares them): arguments are
// "quoted" (\" is a quote, and then every backslash is dropped, as Hugo
// does), `raw` or bare words of letters, digits, -, _ and ".". The error
// is German; only a closing >}} ends a shortcode.
func Lex(s []byte) (Call, error) {
	if !bytes.HasPrefix(s, []byte("{{<")) {
		return Call{}, ErrNotShortcode
	}
	var c Call
	i := 3
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if bytes.HasPrefix(s[i:], []byte(">}}")) {
			if c.Name == "" {
				return Call{}, errors.New("dem Shortcode fehlt der Name")
			}
			c.Len = i + 3
			return c, nil
		}
		if i >= len(s) {
			return Call{}, ErrUnclosed
		}
		switch ch := s[i]; {
		case c.Name == "" && ch == '/' && !c.Close:
			c.Close = true
			i++
		case c.Name == "":
			n := word(s[i:])
			if n == 0 {
				return Call{}, errors.New("der Shortcode beginnt nicht mit seinem Namen")
			}
			c.Name = string(s[i : i+n])
			i += n
		case c.Close:
			return Call{}, errors.New("ein schließender Shortcode {{< /… >}} hat keine Argumente")
		case ch == '"':
			a, n, err := quoted(s, i)
			if err != nil {
				return Call{}, err
			}
			c.Args = append(c.Args, a)
			i += n
		case ch == '`':
			end := bytes.IndexByte(s[i+1:], '`')
			if end < 0 {
				return Call{}, ErrUnclosed
			}
			c.Args = append(c.Args, Argument{Value: string(s[i+1 : i+1+end]), Start: i + 1, End: i + 1 + end})
			i += end + 2
		default:
			n := word(s[i:])
			if n == 0 {
				r, _ := utf8.DecodeRune(s[i:])
				return Call{}, errors.New("das Zeichen " + quoteRune(r) + " ist hier nicht erlaubt; schreiben Sie Argumente in Anführungszeichen")
			}
			if i+n < len(s) && s[i+n] == '=' {
				return Call{}, errors.New("benannte Argumente (name=…) gibt es nicht")
			}
			c.Args = append(c.Args, Argument{Value: string(s[i : i+n]), Start: i, End: i + n})
			i += n
		}
	}
}

// quoted reads the quoted argument at s[i] and returns it and its length
// with the quotes.
func quoted(s []byte, i int) (Argument, int, error) {
	escaped := false
	j := i + 1
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if j+1 < len(s) && s[j+1] == '"' {
				escaped = true
				j++
			} else if j+1 < len(s) && s[j+1] == '`' {
				return Argument{}, 0, errors.New("\\` ist in Anführungszeichen nicht erlaubt")
			}
		case '\n', '\r':
			return Argument{}, 0, errors.New("ein Argument in Anführungszeichen endet nicht in seiner Zeile")
		case '"':
			a := Argument{Value: string(s[i+1 : j]), Start: i + 1, End: j}
			if escaped {
				// Hugo drops every backslash of such an argument.
				a.Value, a.Escaped = string(bytes.ReplaceAll(s[i+1:j], []byte(`\`), nil)), true
			}
			return a, j + 1 - i, nil
		}
	}
	return Argument{}, 0, ErrUnclosed
}

// word is the length of the name or bare argument at the start of s.
func word(s []byte) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRune(s[n:])
		if !(r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		n += size
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func quoteRune(r rune) string { return "„" + string(r) + "“" }
