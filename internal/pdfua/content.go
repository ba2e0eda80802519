package pdfua

import (
	"errors"
	"fmt"
)

// op is one content-stream operator with its operands. An inline image
// (BI … ID … EI) is one op named "BI" without operands.
type op struct {
	name string
	args []any
}

// parseContent splits a content stream into operators. On a syntax error
// it returns the operators read so far and the error.
func parseContent(b []byte) ([]op, error) {
	l := &lexer{b: b}
	var ops []op
	var args []any
	for {
		if l.skip(); l.i >= len(l.b) {
			return ops, nil
		}
		v, err := l.value()
		if err != nil {
			return ops, err
		}
		kw, ok := v.(keyword)
		if !ok {
			args = append(args, v)
			continue
		}
		if kw == "BI" {
			if err := l.inlineImage(); err != nil {
				return ops, err
			}
		}
		ops = append(ops, op{string(kw), args})
		args = nil
	}
}

// inlineImage skips an inline image's parameters and data after "BI".
func (l *lexer) inlineImage() error {
	for {
		v, err := l.value()
		if err != nil {
			return fmt.Errorf("inline image: %w", err)
		}
		if v == keyword("ID") {
			break
		}
	}
	l.i++ // the single white-space byte after ID
	for j := l.i; j+1 < len(l.b); j++ {
		if l.b[j] == 'E' && l.b[j+1] == 'I' && isWS(l.b[j-1]) &&
			(j+2 == len(l.b) || !isRegular(l.b[j+2])) {
			l.i = j + 2
			return nil
		}
	}
	return errors.New("inline image without EI")
}
