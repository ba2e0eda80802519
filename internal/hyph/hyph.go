// Package hyph hyphenates German words with the TeX patterns
// hyph-de-1996 of the German hyphenation team (MIT licence, file and
// licence beside this one), through Liang's algorithm as
// github.com/speedata/hyphenation implements it (public domain), without
// its allocation for every substring of a word: a test compares the two
// on every word of the model handbook and of a generated corpus. The
// checks count syllables with it; the PDF line breaker splits words that
// do not fit.
package hyph

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

//go:embed hyph-de-1996.pat.txt
var germanPatterns string

// german is the hyphenator, built once and never changed after that.
// (speedata counts Leftmin one lower than TeX: 1 here is TeX's 2.)
var german = sync.OnceValue(func() *patterns {
	p := parse(germanPatterns)
	p.leftmin, p.rightmin = 1, 2
	return p
})

// patterns are Liang's patterns: a letter string ("." marks a word's
// edge) with the priority before each letter and after the last.
type patterns struct {
	prio              map[string][]byte
	longest           int // in characters
	leftmin, rightmin int
}

// parse reads patterns such as ".ab3a", "uto1", as speedata's New does.
func parse(text string) *patterns {
	p := &patterns{prio: map[string][]byte{}}
	s := bufio.NewScanner(strings.NewReader(text))
	s.Split(bufio.ScanWords)
	for s.Scan() {
		var letters []rune
		var pat []byte
		var prev rune
		for _, v := range s.Text() {
			if !unicode.IsDigit(v) {
				var prio byte
				if unicode.IsDigit(prev) {
					prio = byte(prev) - '0'
				}
				letters = append(letters, v)
				if v != '.' {
					pat = append(pat, prio)
				}
			}
			prev = v
		}
		if unicode.IsDigit(prev) {
			pat = append(pat, byte(prev)-'0')
		} else {
			pat = append(pat, 0)
		}
		p.prio[string(letters)] = pat
		p.longest = max(p.longest, len(letters))
	}
	return p
}

// points returns the hyphenation points of word, in characters from its
// start, exactly as speedata's Lang.Hyphenate: every substring of at
// least two characters of ".word." is looked up (not one longer than the
// longest pattern, which cannot match), and the odd maxima of the
// priorities are the points.
func (p *patterns) points(word string) []int {
	var b strings.Builder
	offs := make([]int, 0, len(word)+3) // byte offset of each character
	for _, r := range "." + word + "." {
		offs = append(offs, b.Len())
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	n := len(offs)
	offs = append(offs, len(s))
	maxPrio := make([]byte, n-1)
	for start := 0; start < n-1; start++ {
		for end := start + 2; end <= n && end-start <= p.longest; end++ {
			pat, ok := p.prio[s[offs[start]:offs[end]]]
			if !ok {
				continue
			}
			at := start
			if s[offs[start]] == '.' {
				at++
			}
			for i, v := range pat {
				maxPrio[at-1+i] = max(maxPrio[at-1+i], v)
			}
		}
	}
	var out []int
	for i := 1 + p.leftmin; i < len(maxPrio)-p.rightmin; i++ {
		if maxPrio[i]%2 != 0 {
			out = append(out, i)
		}
	}
	return out
}

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
		for _, p := range german().points(strings.ToLower(w)) {
			if p > last && p < len(runes) {
				out = append(out, string(runes[last:p]))
				last = p
			}
		}
		out = append(out, string(runes[last:]))
	}
	return out
}
