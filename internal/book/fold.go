package book

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// FoldTerm is the form under which glossary words are compared: NFC,
// lower case, spaces collapsed.
func FoldTerm(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// SortKey orders German words as a dictionary does: case and umlauts do
// not matter (Ä with A, ß as ss).
func SortKey(s string) string {
	return sortReplacer.Replace(strings.ToLower(norm.NFC.String(s)))
}

var sortReplacer = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "ß", "ss")
