// Package hyph hyphenates German words with the TeX patterns
// hyph-de-1996 of the German hyphenation team (MIT licence, file and
// licence beside this one), through Liang's algorithm as implemented by
// github.com/speedata/hyphenation. The checks count syllables with it; the
// PDF line breaker splits words that do not fit.
package hyph

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/speedata/hyphenation"
)

//go:embed hyph-de-1996.pat.txt
var germanPatterns string

// german is the hyphenator, built once and never changed after that.
var german = sync.OnceValue(func() *hyphenation.Lang {
	l, err := hyphenation.New(strings.NewReader(germanPatterns))
	if err != nil {
		panic(err) // the embedded patterns are fixed at compile time
	}
	// speedata counts Leftmin one lower than TeX: 1 here is TeX's 2.
	l.Leftmin, l.Rightmin = 1, 2
	return l
})

// MaxWord is the longest word Hyphenate splits, in characters. The
// pattern matcher takes time cubic in the length of a word; German words
// stay far below this, and a longer run of letters is not a word.
const MaxWord = 128

// Hyphenate splits a word at its German hyphenation points; the parts
// of a compound written with hyphens are split on their own (without the
// hyphens). A part longer than MaxWord stays whole.
func Hyphenate(word string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '\u00ad' || r == '·' }) {
		runes := []rune(w)
		if len(runes) > MaxWord {
			out = append(out, w)
			continue
		}
		last := 0
		for _, p := range german().Hyphenate(strings.ToLower(w)) {
			if p > last && p < len(runes) {
				out = append(out, string(runes[last:p]))
				last = p
			}
		}
		out = append(out, string(runes[last:]))
	}
	return out
}
