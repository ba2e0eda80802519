package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"strings"

	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/handbuch/handbuch/internal/compound"
)

// The weights of the places a word can stand in, so that results rank
// title hits above heading hits above glossary terms above running text.
const (
	WeightTitle   = 8
	WeightHeading = 4
	WeightTerm    = 2
	WeightText    = 1
)

// Doc is one result the search can show: a page, or a glossary entry.
type Doc struct {
	Title string // the result's link text
	URL   string // relative to the site root, without a leading slash: "leitlinien/datenschutz/"
	Kind  string // shown beside the result, e.g. "Formular", "Begriff"; may be empty
	// Lang is the language of a page in another language than the
	// handbook's (a translation): "en", "ar"; "" for the handbook's.
	// The script lists the results in the reader's language first.
	Lang  string
	Parts []Part
}

// Part is a piece of a Doc that a result can link to: the text before the
// first heading (Anchor ""), or a heading with the text below it. A
// result in a part with a heading says "Heading – Doc title".
type Part struct {
	Anchor  string
	Title   string   // indexed with WeightTitle
	Heading string   // indexed with WeightHeading and shown
	Terms   []string // indexed with WeightTerm: glossary words, "Formular"
	Text    string   // indexed with WeightText
	Snippet string   // shown under the link; "" means the start of Text
}

// Index is the built search index.
type Index struct {
	js indexJS
}

// indexJS is the index as the script reads it; the short keys keep the
// file small.
type indexJS struct {
	Stop  []string `json:"stop"`
	Docs  []docJS  `json:"docs"`
	Parts []partJS `json:"parts"`
	Words []wordJS `json:"words"`
}

type docJS struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Kind  string `json:"k,omitempty"`
	Lang  string `json:"l,omitempty"`
}

type partJS struct {
	Doc     int    `json:"d"`
	Anchor  string `json:"a,omitempty"`
	Heading string `json:"h,omitempty"`
	Snippet string `json:"s,omitempty"`
}

// wordJS is a stem, its postings (part number and weight, pairwise, by
// part number) and the word a "Meinten Sie …?" shows for it. It is
// written as ["stem", [part, weight, …]], with a third element when the
// word is not the stem itself: 1 for the stem with a capital letter
// ("einwilligung" → "Einwilligung"), "+en" for the stem and an ending
// ("geh" → "gehen"), "^en" for both ("leitlini" → "Leitlinien"), else
// the word ("Änderung"). Words are letters only, so "+" and "^" are free.
type wordJS struct {
	stem     string
	postings []int
	form     string
}

// MarshalJSON writes the stem, the postings and, if needed, the form.
func (w wordJS) MarshalJSON() ([]byte, error) {
	var form any = w.form
	switch {
	case w.form == "" || w.form == w.stem:
		return json.Marshal([]any{w.stem, w.postings})
	case w.form == capital(w.stem):
		form = 1
	case strings.HasPrefix(w.form, w.stem):
		form = "+" + w.form[len(w.stem):]
	case strings.HasPrefix(w.form, capital(w.stem)):
		form = "^" + w.form[len(w.stem):]
	}
	return json.Marshal([]any{w.stem, w.postings, form})
}

// capital returns w with its first letter upper case.
func capital(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// SnippetLength is the most characters a snippet taken from the text has.
const SnippetLength = 160

// Build indexes the docs. The result depends only on the docs, in their
// order: the same input gives the same bytes. A caller that publishes
// only some pages (a public build) passes only those.
//
// Besides every word, Build indexes the parts of German compounds
// (package compound) with half the weight, so that "Erklärung" finds
// "Einwilligungserklärung"; a query word also finds words that begin with
// it, so "Einwilligung" finds it too.
func Build(docs []Doc) *Index {
	ix := &indexJS{Stop: stopList}
	// stem → part, weight, part, weight …: parts are added in order, so
	// each list is sorted as it grows.
	postings := map[string][]int{}
	post := func(s string, part, weight int) {
		l := postings[s]
		if n := len(l); n > 0 && l[n-2] == part {
			l[n-1] = max(l[n-1], weight)
			return
		}
		postings[s] = append(l, part, weight)
	}
	// forms counts, per stem, the words as written that gave it.
	forms := map[string]map[string]int{}
	splits := map[string][]string{}
	add := func(text string, part, weight int) {
		for _, token := range Tokens(text) {
			ws := Words(token)
			for _, w := range ws {
				if stopWords[w] {
					continue
				}
				s := Stem(w)
				post(s, part, weight)
				form := w
				if len(ws) == 1 {
					form = token
				}
				if forms[s] == nil {
					forms[s] = map[string]int{}
				}
				forms[s][form]++
			}
			if len(ws) != 1 || len(ws[0]) < 2*minCompoundPart {
				continue
			}
			cs, ok := splits[token]
			if !ok {
				cs = compound.Split(token)
				splits[token] = cs
			}
			if len(cs) < 2 {
				continue
			}
			whole := Stem(ws[0])
			for _, c := range cs {
				for _, w := range Words(c) {
					if s := Stem(w); s != whole && !stopWords[w] {
						post(s, part, max(weight/2, 1))
					}
				}
			}
		}
	}
	for d, doc := range docs {
		ix.Docs = append(ix.Docs, docJS{Title: doc.Title, URL: doc.URL, Kind: doc.Kind, Lang: doc.Lang})
		parts := doc.Parts
		if len(parts) == 0 {
			parts = []Part{{Title: doc.Title}}
		}
		for _, p := range parts {
			n := len(ix.Parts)
			add(p.Title, n, WeightTitle)
			add(p.Heading, n, WeightHeading)
			for _, t := range p.Terms {
				add(t, n, WeightTerm)
			}
			add(p.Text, n, WeightText)
			snippet := p.Snippet
			if snippet == "" {
				snippet = Snippet(p.Text, SnippetLength)
			}
			ix.Parts = append(ix.Parts, partJS{Doc: d, Anchor: p.Anchor, Heading: p.Heading, Snippet: snippet})
		}
	}
	for _, s := range slices.Sorted(maps.Keys(postings)) {
		ix.Words = append(ix.Words, wordJS{s, postings[s], bestForm(s, forms[s])})
	}
	return &Index{js: *ix}
}

// minCompoundPart is the shortest part of a compound, in letters; words
// shorter than two of them are not split.
const minCompoundPart = 3

// bestForm returns the word a suggestion shows for a stem: the most
// frequent way it was written, then the shorter, then the first in
// byte order; the stem itself when it only stands in compounds.
func bestForm(stem string, forms map[string]int) string {
	best, n := stem, 0
	for f, c := range forms {
		if c > n || c == n && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best, n = f, c
		}
	}
	return best
}

// Tokens returns the runs of letters and digits of s, as written: the
// pieces of a query or text between spaces and punctuation.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) })
}

// Lookup returns the parts in which a stem stands, with their weights,
// by part number. It is what the script does for an exact match.
func (ix *Index) Lookup(stem string) map[int]int {
	words := ix.js.Words
	i := sort.Search(len(words), func(i int) bool { return words[i].stem >= stem })
	if i == len(words) || words[i].stem != stem {
		return nil
	}
	flat := words[i].postings
	out := map[int]int{}
	for j := 0; j < len(flat); j += 2 {
		out[flat[j]] = flat[j+1]
	}
	return out
}

// PartURL returns the address of part n relative to the site root, with
// its anchor, as the script builds it.
func (ix *Index) PartURL(n int) string {
	p := ix.js.Parts[n]
	u := ix.js.Docs[p.Doc].URL
	if p.Anchor != "" {
		u += "#" + p.Anchor
	}
	return u
}

// JS returns the index as a script that assigns window.handbuchSuche.
func (ix *Index) JS() []byte {
	var buf bytes.Buffer
	buf.WriteString("// Suchindex des Handbuchs, beim Bauen erzeugt (handbuch build).\n")
	buf.WriteString("window.handbuchSuche = ")
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true) // no "</script>" can appear, and U+2028 is escaped
	_ = enc.Encode(ix.js)   // only strings, ints and slices: cannot fail
	buf.Truncate(buf.Len() - 1)
	buf.WriteString(";\n")
	return buf.Bytes()
}

// Fold is the form in which words are compared: NFC, lower case, ä → ae,
// ö → oe, ü → ue, ß → ss, and other accents dropped (é → e).
func Fold(s string) string {
	s = umlauts.Replace(strings.ToLower(norm.NFC.String(s)))
	s = norm.NFD.String(s)
	return strings.Map(func(r rune) rune {
		if r >= 0x300 && r <= 0x36f { // combining diacritical marks
			return -1
		}
		return r
	}, s)
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// Words returns the folded words of s: runs of a–z and 0–9 of at least
// two characters. Anything else separates words, so "KI-Systeme" is two.
func Words(s string) []string {
	var out []string
	f := Fold(s)
	start := -1
	for i := 0; i <= len(f); i++ {
		in := i < len(f) && (f[i] >= 'a' && f[i] <= 'z' || f[i] >= '0' && f[i] <= '9')
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			if i-start >= 2 {
				out = append(out, f[start:i])
			}
			start = -1
		}
	}
	return out
}

// Plain writes a folded word without umlauts: ae → a, oe → o, ue → u, so
// that a plural with umlaut meets its singular ("fachkraefte" →
// "fachkrafte"). The script searches word beginnings in this form.
func Plain(w string) string { return plainer.Replace(w) }

var plainer = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u")

// suffixes are the endings Stem takes off, longest first, each with the
// letters that may stand before it ("" for any); the first one that ends
// the word and leaves three letters goes.
var suffixes = []struct{ end, after string }{
	{"ern", ""}, {"en", ""}, {"er", ""}, {"es", ""}, {"e", ""},
	{"n", "lr"},
	{"s", "bdfghklmnrt"},
}

// Stem reduces a folded word to a simple German stem. It is deliberately
// crude and predictable, not linguistics:
//
//  1. umlauts go (Plain): "fachkraefte" → "fachkrafte";
//  2. "-ungen" becomes "-ung", "-innen" becomes "-in";
//  3. otherwise the first of -ern, -en, -er, -es, -e, -n, -s that ends
//     the word goes, if three letters remain; -n only after l or r
//     ("Regeln", but "Klientin" stays), -s only after b, d, f, g, h, k,
//     l, m, n, r or t ("Ergebnis" stays);
//  4. a final "ss" becomes "s", so "Prozess" and "Prozesse" meet.
//
// "Einwilligungen" → "einwilligung", "Leitlinien" and "Leitlinie" →
// "leitlini", "Kindern", "Kinder" and "Kind" → "kind".
func Stem(w string) string {
	w = Plain(w)
	switch {
	case strings.HasSuffix(w, "ungen") && len(w)-2 >= 3:
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "innen") && len(w)-3 >= 3:
		w = w[:len(w)-3]
	default:
		for _, s := range suffixes {
			n := len(w) - len(s.end)
			if strings.HasSuffix(w, s.end) && n >= 3 && (s.after == "" || strings.IndexByte(s.after, w[n-1]) >= 0) {
				w = w[:n]
				break
			}
		}
	}
	if strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

// Snippet returns the start of text, at most n characters, cut at a
// space and ended with "…" when it is shortened.
func Snippet(text string, n int) string {
	runes := []rune(strings.Join(strings.Fields(text), " "))
	if len(runes) <= n {
		return string(runes)
	}
	runes = runes[:n-1]
	if i := strings.LastIndexByte(string(runes), ' '); i > 0 {
		return strings.TrimRight(string(runes)[:i], " ,;:–-") + " …"
	}
	return string(runes) + "…"
}

// stopList are folded words too common to search for; the script leaves
// them out of a query too (it reads them from the index).
var stopList = []string{
	"aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der", "des", "die",
	"durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "fuer", "ihr", "im", "in", "ist", "mit",
	"nach", "oder", "sich", "sie", "sind", "so", "um", "und", "vom", "von", "vor", "wir", "zu", "zum", "zur",
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range stopList {
		m[w] = true
	}
	return m
}()
