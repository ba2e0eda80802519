package check

import (
	"fmt"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// German reports whether text in language lang is checked by the
// plain-language rules: they count German syllables, look for German
// passives and negations and know German abbreviations, so they apply to
// German only ("de", "de-AT", and "" for the handbook's own language
// when that is German). Text in English or Arabic would get findings
// that mean nothing there.
func German(lang string) bool {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return p == "de"
}

// NoPDF is the hint that a page in a language the fonts of the PDFs
// cannot draw (Arabic, Cyrillic) gets no PDF, though it asks for one
// (flyer = true, or fields of a form): the web page is all there is for
// now.
func NoPDF(file string, lang book.Language, why string) Finding {
	return NewFinding("pdf-sprache", book.Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf(
		"die Seite ist auf %s (%s). %s gibt es für sie noch nicht: die Schriften der PDFs haben bisher nur lateinische und arabische Buchstaben. Verteilen Sie die Seite bis dahin als Ausdruck aus dem Browser.",
		lang.Name, lang.Code, why))
}
