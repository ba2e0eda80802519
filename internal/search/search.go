package search

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// The script lists the results in the reader's language first;
	// Build stems the doc's words in it (StemFor).
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
		form = "^" + w.form[len(capital(w.stem)):]
	}
	return json.Marshal([]any{w.stem, w.postings, form})
}

// capital returns w with its first letter upper case.
func capital(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 {
		return w
	}
	return string(unicode.ToUpper(r)) + w[n:]
}

// SnippetLength is the most characters a snippet taken from the text has.
const SnippetLength = 160

// Build indexes the docs. The result depends only on the docs, in their
// order: the same input gives the same bytes. A caller that publishes
// only some pages (a public build) passes only those.
//
// Each word is indexed under its stem in the doc's language (StemFor):
// German on the handbook's own pages, English on English pages, Arabic
// words without their article on any page. Besides every word, Build
// indexes the parts of German compounds (package compound) on the
// handbook's own pages with half the weight, so that "Erklärung" finds
// "Einwilligungserklärung"; a query word also finds words that begin
// with it, so "Einwilligung" finds it too.
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
	add := func(lang, text string, part, weight int) {
		for _, token := range Tokens(text) {
			ws := Words(token)
			for _, w := range ws {
				if stopWords[w] {
					continue
				}
				s := StemFor(lang, w)
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
			if lang != "" || len(ws) != 1 || utf8.RuneCountInString(ws[0]) < 2*minCompoundPart || arabic(ws[0]) {
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
			add(doc.Lang, p.Title, n, WeightTitle)
			add(doc.Lang, p.Heading, n, WeightHeading)
			for _, t := range p.Terms {
				add(doc.Lang, t, n, WeightTerm)
			}
			add(doc.Lang, p.Text, n, WeightText)
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

// Tokens returns the runs of letters, marks and digits of s, as written: the
// pieces of a query or text between spaces and punctuation.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, notWord)
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

// Fold is the form in which words are compared:
//
//   - NFKC, so that ligatures ("ﬁ"), full-width letters and the Arabic
//     presentation forms of text copied from a PDF become plain letters;
//   - lower case, ä → ae, ö → oe, ü → ue, ß → ss, other accents dropped
//     (é → e, İ → i), except on Cyrillic letters, where й, ї and ё are
//     letters of their own; Greek final ς → σ;
//   - Arabic: the harakat (U+064B–U+065F, U+0670) and the tatweel
//     (U+0640) go; a hamza above or below a letter goes with them (أ, إ,
//     آ → ا; ؤ → و; ئ → ي), so does ٱ → ا; ى → ي, ة → ه; Arabic-Indic
//     digits (٠–٩, ۰–۹) become 0–9.
//
// The result is NFC again.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii { // most words: nothing to normalize, no accent, no umlaut
		return strings.ToLower(s)
	}
	s = umlauts.Replace(strings.ToLower(norm.NFKC.String(s)))
	s = norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	cyrillic := false // the letter before is Cyrillic: its marks stay
	for _, r := range s {
		switch {
		case r >= 0x300 && r <= 0x36f && !cyrillic: // combining diacritical marks
			continue
		case r >= 0x64b && r <= 0x65f || r == 0x670 || r == 0x640: // harakat, hamza above and below, tatweel
			continue
		case r == 0x622 || r == 0x623 || r == 0x625 || r == 0x671:
			r = 0x627 // alef
		case r == 0x649:
			r = 0x64a // alef maksura → yeh
		case r == 0x629:
			r = 0x647 // teh marbuta → heh
		case r >= 0x660 && r <= 0x669:
			r = '0' + r - 0x660
		case r >= 0x6f0 && r <= 0x6f9:
			r = '0' + r - 0x6f0
		case r == 'ς':
			r = 'σ'
		}
		if r < 0x300 || !unicode.IsMark(r) {
			cyrillic = r >= 0x400 && unicode.Is(unicode.Cyrillic, r)
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// Words returns the folded words of s: runs of letters, marks and
// decimal digits of any script, of at least two characters (runes).
// Anything else separates words, so "KI-Systeme" is two.
func Words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(Fold(s), notWord) {
		if utf8.RuneCountInString(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}

// notWord reports whether r separates words: it is no letter, mark or
// decimal digit. The script's words() uses [\p{L}\p{M}\p{Nd}].
func notWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r)
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

// Stem reduces a folded word of the handbook's own language to a simple
// German stem. It is deliberately crude and predictable, not linguistics:
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
// "leitlini", "Kindern", "Kinder" and "Kind" → "kind". Letters are
// counted as runes; the endings are Latin, so a word of another script
// keeps them all.
func Stem(w string) string {
	w = Plain(w)
	switch {
	case strings.HasSuffix(w, "ungen") && utf8.RuneCountInString(w)-2 >= 3:
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "innen") && utf8.RuneCountInString(w)-3 >= 3:
		w = w[:len(w)-3]
	default:
		for _, s := range suffixes {
			n := len(w) - len(s.end)
			if strings.HasSuffix(w, s.end) && utf8.RuneCountInString(w[:n]) >= 3 && (s.after == "" || strings.IndexByte(s.after, w[n-1]) >= 0) {
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

// StemEnglish reduces a folded word of an English page to its singular
// with Harman's S-stemmer, then writes it Plain like every Latin key of
// the index: of -ies, -es, -s the first rule that fits applies, if three
// letters remain:
//
//  1. -ies becomes -y, but not after e or a ("policies" → "policy");
//  2. -es becomes -e, but not after a, e or o ("services" → "service");
//  3. -s goes, but not after u or s ("reports" → "report", "status" and
//     "process" stay).
//
// No other ending goes: "using" and "used" do not meet "use", but a
// query word finds words that begin with it.
func StemEnglish(w string) string {
	n := utf8.RuneCountInString(w)
	switch {
	case strings.HasSuffix(w, "ies") && n-3 >= 3 && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es") && n-1 >= 3 && !strings.HasSuffix(w, "aes") && !strings.HasSuffix(w, "ees") && !strings.HasSuffix(w, "oes"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "s") && n-1 >= 3 && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	return Plain(w)
}

// StemArabic reduces a folded Arabic word to its form without the
// definite article: a leading "ال" (the) or "لل" (for the) goes if three
// letters remain, so "الذكاء" and "ذكاء" meet, and "للتقارير" meets
// "التقارير" and "تقارير". "الذي" keeps its letters (two would remain).
// Other prefixes ("وال", "بال": and the, with the) stay, as they begin
// ordinary words too ("والدين", parents, is no "دين").
func StemArabic(w string) string {
	for _, article := range []string{"ال", "لل"} {
		if rest, ok := strings.CutPrefix(w, article); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return w
}

// arabic reports whether the folded word w is written in Arabic letters:
// its first letter is.
func arabic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Arabic, r)
}

// StemFor returns the index key of the folded word w on a doc of the
// language lang ("" for the handbook's own, which is German): Arabic
// letters lose the article (StemArabic) on any page; Latin words are
// stemmed the German way on the handbook's own pages, the English way on
// English pages, and only written Plain on pages in other languages;
// words of other scripts stay as they are.
func StemFor(lang, w string) string {
	if arabic(w) {
		return StemArabic(w)
	}
	lang, _, _ = strings.Cut(lang, "-")
	switch lang {
	case "":
		return Stem(w)
	case "en":
		return StemEnglish(w)
	}
	return Plain(w)
}

// QueryStems returns the index keys a folded query word is looked up
// under. The query's language is not known (an English reader may
// search "Datenschutz"), so a Latin word is looked up as every stemmer
// would have stored it: German, English and none (Plain), without
// repeats; an Arabic word without its article.
func QueryStems(w string) []string {
	if arabic(w) {
		return []string{StemArabic(w)}
	}
	out := []string{Stem(w)}
	for _, s := range []string{StemEnglish(w), Plain(w)} {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// queryPrefix is the form in which a folded query word finds the index
// words that begin with it: Plain, and an Arabic word without its
// article.
func queryPrefix(w string) string {
	if arabic(w) {
		return StemArabic(w)
	}
	return Plain(w)
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
