package paper

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// textRuns reads a page's content stream and returns its text-showing
// operations with their position, size and marked-content owner. Text
// in a font of toUnicode (by resource name) is read through its
// ToUnicode map, in any other as Unicode code points.
func textRuns(b []byte, toUnicode map[string]*cmap) ([]run, error) {
	type mark struct {
		mcid     int
		artifact string
	}
	var (
		stack      []mark
		args       []any
		out        []run
		size       float64
		tx, ty     float64 // text matrix translation
		lx, ly     float64 // line matrix translation
		leading    float64
		inText     bool
		lex        = contentLexer{b: b}
		curMCID    = -1
		curArtifat = ""
		font       *cmap
	)
	owner := func() {
		curMCID, curArtifat = -1, ""
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].artifact != "" {
				curArtifat = stack[i].artifact
				return
			}
			if stack[i].mcid >= 0 {
				curMCID = stack[i].mcid
				return
			}
		}
	}
	show := func(s string) {
		out = append(out, run{mcid: curMCID, artifact: curArtifat, x: tx, y: ty, size: size, text: font.decode(s)})
	}
	nums := func(n int) ([]float64, bool) {
		if len(args) < n {
			return nil, false
		}
		f := make([]float64, n)
		for i, a := range args[len(args)-n:] {
			v, ok := a.(float64)
			if !ok {
				return nil, false
			}
			f[i] = v
		}
		return f, true
	}
	for {
		tok, err := lex.next()
		if err != nil {
			return out, err
		}
		if tok == nil {
			return out, nil
		}
		op, isOp := tok.(operator)
		if !isOp {
			args = append(args, tok)
			continue
		}
		switch op {
		case "BT":
			inText = true
			tx, ty, lx, ly = 0, 0, 0, 0
		case "ET":
			inText = false
		case "Tf":
			if f, ok := nums(1); ok {
				size = f[0]
				if len(args) >= 2 {
					n, _ := args[len(args)-2].(pdfName)
					font = toUnicode[string(n)]
				}
			}
		case "TL":
			if f, ok := nums(1); ok {
				leading = f[0]
			}
		case "Td", "TD":
			if f, ok := nums(2); ok {
				lx, ly = lx+f[0], ly+f[1]
				tx, ty = lx, ly
				if op == "TD" {
					leading = -f[1]
				}
			}
		case "Tm":
			if f, ok := nums(6); ok {
				lx, ly = f[4], f[5]
				tx, ty = lx, ly
			}
		case "T*":
			ly -= leading
			tx, ty = lx, ly
		case "Tj", "'", `"`:
			if op != "Tj" {
				ly -= leading
				tx, ty = lx, ly
			}
			if s, ok := last(args).(pdfString); ok && inText {
				show(string(s))
			}
		case "TJ":
			if a, ok := last(args).([]any); ok && inText {
				var sb strings.Builder
				for _, e := range a {
					switch e := e.(type) {
					case pdfString:
						sb.WriteString(string(e))
					case float64:
						if e < -200 { // a gap wide enough to be a space
							sb.WriteString("\x00\x20")
						}
					}
				}
				show(sb.String())
			}
		case "BMC":
			m := mark{mcid: -1}
			if n, ok := last(args).(pdfName); ok && n == "Artifact" {
				m.artifact = "Artifact"
			}
			stack = append(stack, m)
			owner()
		case "BDC":
			m := mark{mcid: -1}
			if len(args) >= 2 {
				tag, _ := args[len(args)-2].(pdfName)
				props, _ := args[len(args)-1].(map[string]any)
				if tag == "Artifact" {
					m.artifact = "Artifact"
					for _, k := range []string{"Subtype", "Type"} {
						if n, ok := props[k].(pdfName); ok {
							m.artifact = string(n)
							break
						}
					}
				} else if n, ok := props["MCID"].(float64); ok {
					m.mcid = int(n)
				}
			}
			stack = append(stack, m)
			owner()
		case "EMC":
			if len(stack) == 0 {
				return out, errors.New("EMC without BMC or BDC")
			}
			stack = stack[:len(stack)-1]
			owner()
		}
		args = args[:0]
	}
}

func last(a []any) any {
	if len(a) == 0 {
		return nil
	}
	return a[len(a)-1]
}

// cmap maps the codes of a Type0 font to their text: codes of one byte
// where its codespace says so, else of two.
type cmap struct {
	text map[uint16]string
	one  [256]bool // a code of one byte
}

// decode reads a string shown with a Type0 font, through c, or as
// Identity-H with Unicode code units if c is nil.
func (c *cmap) decode(s string) string {
	if c == nil {
		u := make([]uint16, 0, len(s)/2)
		for i := 0; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if c.one[s[i]] {
			b.WriteString(c.text[uint16(s[i])])
			i++
			continue
		}
		if i+1 < len(s) {
			b.WriteString(c.text[uint16(s[i])<<8|uint16(s[i+1])])
		}
		i += 2
	}
	return b.String()
}

// parseCMap reads the codespace ranges and the bfchar and bfrange
// entries of a ToUnicode CMap.
func parseCMap(b []byte) *cmap {
	c := &cmap{text: map[uint16]string{}}
	hex := func(s string) []uint16 { // the bytes of a hex string
		var u []uint16
		for i := 0; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return u
	}
	text := func(u []uint16) string { return string(utf16.Decode(u)) }
	lex := contentLexer{b: b}
	var args []any
	for {
		tok, err := lex.next()
		if err != nil || tok == nil {
			return c
		}
		op, isOp := tok.(operator)
		if !isOp {
			args = append(args, tok)
			continue
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, _ := args[i].(pdfString)
				hi, _ := args[i+1].(pdfString)
				if len(lo) == 1 && len(hi) == 1 {
					for k := int(lo[0]); k <= int(hi[0]); k++ {
						c.one[k] = true
					}
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				from, _ := args[i].(pdfString)
				to, _ := args[i+1].(pdfString)
				if len(from) == 1 {
					c.text[uint16(from[0])] = text(hex(string(to)))
				} else if f := hex(string(from)); len(f) == 1 {
					c.text[f[0]] = text(hex(string(to)))
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, _ := args[i].(pdfString)
				hi, _ := args[i+1].(pdfString)
				to, _ := args[i+2].(pdfString)
				l, h, t := hex(string(lo)), hex(string(hi)), hex(string(to))
				if len(l) != 1 || len(h) != 1 || len(t) == 0 || h[0] < l[0] {
					continue
				}
				for k := uint32(l[0]); k <= uint32(h[0]); k++ {
					u := slices.Clone(t)
					u[len(u)-1] += uint16(k - uint32(l[0]))
					c.text[uint16(k)] = text(u)
				}
			}
		}
		args = args[:0]
	}
}

type (
	operator  string
	pdfName   string
	pdfString string
)

// contentLexer splits a content stream into operands and operators.
type contentLexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

// next returns the next operand or operator, nil at the end.
func (l *contentLexer) next() (any, error) {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		default:
			return l.value()
		}
	}
	return nil, nil
}

func (l *contentLexer) value() (any, error) {
	c := l.b[l.i]
	switch {
	case c == '/':
		l.i++
		return pdfName(l.word()), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		d := map[string]any{}
		for {
			tok, err := l.next()
			if err != nil {
				return nil, err
			}
			if tok == operator(">>") {
				return d, nil
			}
			k, ok := tok.(pdfName)
			if !ok {
				return nil, fmt.Errorf("dictionary key %v at %d", tok, l.i)
			}
			v, err := l.next()
			if err != nil || v == nil {
				return nil, errors.New("unterminated dictionary")
			}
			d[string(k)] = v
		}
	case c == '>' && l.i+1 < len(l.b) && l.b[l.i+1] == '>':
		l.i += 2
		return operator(">>"), nil
	case c == '<':
		end := strings.IndexByte(string(l.b[l.i:]), '>')
		if end < 0 {
			return nil, errors.New("unterminated hex string")
		}
		hex := strings.Join(strings.Fields(string(l.b[l.i+1:l.i+end])), "")
		l.i += end + 1
		if len(hex)%2 == 1 {
			hex += "0"
		}
		out := make([]byte, len(hex)/2)
		for j := range out {
			v, err := strconv.ParseUint(hex[2*j:2*j+2], 16, 8)
			if err != nil {
				return nil, fmt.Errorf("hex string: %w", err)
			}
			out[j] = byte(v)
		}
		return pdfString(out), nil
	case c == '[':
		l.i++
		var a []any
		for {
			tok, err := l.next()
			if err != nil {
				return nil, err
			}
			if tok == nil {
				return nil, errors.New("unterminated array")
			}
			if tok == operator("]") {
				return a, nil
			}
			a = append(a, tok)
		}
	case c == ']':
		l.i++
		return operator("]"), nil
	}
	w := l.word()
	if w == "" {
		l.i++
		return operator(string(c)), nil
	}
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return f, nil
	}
	if w == "BI" { // skip an inline image up to EI
		end := strings.Index(string(l.b[l.i:]), "EI")
		if end < 0 {
			return nil, errors.New("inline image without EI")
		}
		l.i += end + 2
	}
	return operator(w), nil
}

func (l *contentLexer) word() string {
	start := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	return string(l.b[start:l.i])
}

// literal reads a (string) with its escapes.
func (l *contentLexer) literal() (any, error) {
	l.i++ // (
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return pdfString(out), nil
			}
		case '\\':
			if l.i >= len(l.b) {
				break
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n':
				if e == '\r' && l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, errors.New("unterminated string")
}
