// Package compound splits German compounds into the words they are made
// of: "Datenschutzbeauftragte" into "Daten", "schutz", "beauftragte".
// The plain-language checks suggest a long word with a hyphen or a
// Mediopunkt at such a boundary ("Datenschutz-Beauftragte"), never inside
// a word ("Medi-Kamente").
//
// A split is only made where it is safe: every part must be a word of
// the lexicon (lexicon.txt, written by hand for handbuch), a part before
// another with its linking element (the s of "Einwilligungs|erklärung",
// the n of "Kranken|kasse", or without the e of "Schul|buch"), the last
// part in an inflected form ("…gruppen"); and every boundary must be a
// hyphenation point of the German TeX patterns (package hyph), which
// keeps boundaries at syllable breaks. Of the splits that use the most
// parts, only the boundaries all of them share are kept. A word with no
// such split is not split: no suggestion is better than a wrong one.
package compound

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/hyph"
)

//go:embed lexicon.txt
var lexiconText string

// minPart is the shortest part, in letters, of its base form: "Amt",
// "Not", "Rat" are parts, "an", "er" (prefixes and pronouns) are not.
const minPart = 3

// maxWord is the longest word Split looks at, in letters.
const maxWord = 64

// linking are the linking elements after a noun that is not the last
// part: Einwilligung-s-, Tag-es-, Kranke-n-, Frau-en-, Kind-er-,
// Name-ns-, Hilfe → Hilf-s-.
var linking = []string{"", "s", "es", "n", "en", "er", "e", "ns", "nen"}

// endings are the inflections of a noun or adjective as the last part.
var endings = []string{"", "e", "en", "n", "s", "es", "er", "ern", "nen", "se", "sen", "in", "innen", "r", "m", "em"}

// lexicon holds every form a word of lexicon.txt takes in a compound,
// so that a part is looked up once.
type lexicon struct {
	part map[string]bool // forms before another part: "einwilligungs", "schul", "sozial"
	last map[string]bool // forms of the last part: "gruppen", "freie"
}

var words = sync.OnceValue(func() *lexicon {
	lx := &lexicon{part: map[string]bool{}, last: map[string]bool{}}
	section := ""
	for _, line := range strings.Split(lexiconText, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = line
		default:
			for _, w := range strings.Fields(line) {
				if utf8.RuneCountInString(w) < minPart {
					continue
				}
				switch section {
				case "[nomen]":
					for _, l := range linking {
						lx.part[w+l] = true
					}
					// Schul- for Schule, Sprach- for Sprache.
					if base, ok := strings.CutSuffix(w, "e"); ok && utf8.RuneCountInString(base) >= minPart+1 {
						lx.part[base] = true
					}
					for _, e := range endings {
						lx.last[w+e] = true
					}
				case "[erstglied]":
					lx.part[w] = true
				case "[adjektiv]":
					for _, e := range endings {
						lx.last[w+e] = true
					}
				}
			}
		}
	}
	return lx
})

// genderSuffixes are the endings of gender forms, which the last part
// keeps: "Berater:innen" is "Berater" with ":innen".
var genderSuffixes = []string{":innen", "*innen", "_innen", "/innen", ":in", "*in", "_in", "/in", "·innen", "·in"}

// Split returns the parts of a German compound, in the letters and case
// of word ("Lebens", "mittel", "gruppen"), or word alone when it is no
// compound or no safe split is known.
func Split(word string) []string {
	stem, gender := word, ""
	for _, g := range genderSuffixes {
		if s, ok := strings.CutSuffix(word, g); ok {
			stem, gender = s, g
			break
		}
	}
	n := utf8.RuneCountInString(stem)
	if n < 2*minPart || n > maxWord || strings.IndexFunc(stem, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return []string{word}
	}
	at := Boundaries(strings.ToLower(stem))
	if len(at) == 0 {
		return []string{word}
	}
	runes := []rune(stem)
	var parts []string
	last := 0
	for _, b := range at {
		parts = append(parts, string(runes[last:b]))
		last = b
	}
	return append(parts, string(runes[last:])+gender)
}

// Boundaries returns the offsets, in runes, at which the parts of the
// lower-case word w meet, or none.
func Boundaries(w string) []int {
	lx := words()
	// The byte offset of each rune, and the end.
	offs := make([]int, 0, len(w)+1)
	for i := range w {
		offs = append(offs, i)
	}
	n := len(offs)
	offs = append(offs, len(w))
	// segs[i] are the splits of the word from rune i with the most parts,
	// each as its boundaries in runes; nil when there is none.
	segs := make([][][]int, n+1)
	done := make([]bool, n+1)
	var split func(i int) [][]int
	split = func(i int) [][]int {
		if done[i] {
			return segs[i]
		}
		done[i] = true
		var best [][]int
		bestLen := -1
		if lx.last[w[offs[i]:]] {
			best, bestLen = [][]int{{}}, 0
		}
		for j := i + minPart; j <= n-minPart; j++ {
			if !lx.part[w[offs[i]:offs[j]]] {
				continue
			}
			for _, rest := range split(j) {
				seg := append([]int{j}, rest...)
				switch {
				case len(seg) > bestLen:
					best, bestLen = [][]int{seg}, len(seg)
				case len(seg) == bestLen:
					best = append(best, seg)
				}
			}
		}
		segs[i] = best
		return best
	}
	all := split(0)
	if len(all) == 0 || len(all[0]) == 0 {
		return nil
	}
	// Of several splits, those at hyphenation points are the likelier
	// ("Stau|becken" rather than "Staub|ecken"); of those that are left,
	// only the boundaries they share are kept.
	if len(all) > 1 {
		points := map[int]bool{}
		at := 0
		for _, p := range hyph.Hyphenate(w) {
			at += utf8.RuneCountInString(p)
			points[at] = true
		}
		var likely [][]int
		for _, s := range all {
			if allPoints(s, points) {
				likely = append(likely, s)
			}
		}
		if len(likely) > 0 {
			all = likely
		}
	}
	var out []int
	for _, b := range all[0] {
		shared := true
		for _, s := range all[1:] {
			if !contains(s, b) {
				shared = false
				break
			}
		}
		if shared {
			out = append(out, b)
		}
	}
	return out
}

func allPoints(bs []int, points map[int]bool) bool {
	for _, b := range bs {
		if !points[b] {
			return false
		}
	}
	return true
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
