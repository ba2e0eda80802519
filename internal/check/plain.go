package check

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/compound"
	"github.com/handbuch/handbuch/internal/hyph"
	"github.com/handbuch/handbuch/internal/markdown"
)

// Text is a piece of plain-language text to check: a paragraph of a page
// with plain = true, or the short text, explanation or example of a
// glossary term. Pos maps a byte offset in Text to the source.
type Text struct {
	Text string
	Pos  func(i int) book.Pos
}

// Sentence is a sentence found by the splitter, with its words.
type Sentence struct {
	Start int // byte offset in the text
	Text  string
	Words []string
}

// abbreviations end with a period without ending the sentence: each is
// one word as it stands before a space ("z. B." is "z." and "B.").
// Abbreviations of single letters written without spaces ("i.S.d.",
// "z.B.") are recognised by their form (see letterAbbrev).
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`z. B. d. h. u. a. o. ä. u. ä. i. d. R. i. S. d. s. o. v. g. bzw. usw. etc. ca. Nr. Abs. Art. S.
vgl. ggf. evtl. inkl. Dr. Prof. St. Hr. Fr. sog. bspw. ebd. lit. Jh. Mio. Mrd. Tel. Str. zzgl. max. min. ggü. Ziff. Bd. Kap. Anm.
insb. ggfs. bzgl. gem. einschl. lfd. Mo. Di. Mi. Do. Sa. Feb. Aug. Sept. Okt. Nov. Dez. Std. Min. Tsd. Chr. geb. verh.`) {
		m[w] = true
	}
	return m
}()

// sentenceStart reports whether r may begin a sentence after an end mark:
// a capital, a digit, an opening quote or bracket, a paragraph sign or a
// bullet. After a colon only a capital or a bullet does ("Er fragt: Was
// ist KI?" but not "Sie sagt: „…“").
func sentenceStart(r rune, colon bool) bool {
	if unicode.IsUpper(r) || r == '•' {
		return true
	}
	if colon {
		return false
	}
	return unicode.IsDigit(r) || strings.ContainsRune("„\"(»«§‚'[", r)
}

// closer reports whether r closes a quotation or a bracket.
func closer(r rune) bool { return strings.ContainsRune("\"“”‘’'«»)]", r) }

// space reports whether r separates sentences: a space, a line break
// (also the \r of Windows), a tab, or a no-break or thin space.
func space(r rune) bool {
	return r == ' ' || r == '\n' || r == '\r' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// Sentences splits German text into sentences. It knows abbreviations
// (z. B., bzw., i.S.d.), ordinals and dates (8. März, 15.06.2025),
// initials, numbers and addresses (2.0, www.beispiel.de), closing
// quotes and brackets after the end («, “, ", )), and sentences that
// begin with », §, or •; an ellipsis (…) ends a sentence as a period
// does. Every line of a list or heading is its own block already.
func Sentences(text string) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		size := 1
		switch {
		case c == '.' || c == '!' || c == '?' || c == ':':
		case c == 0xE2 && strings.HasPrefix(text[i:], "…"):
			// An omission "[…]" or "(…)" ends nothing.
			if i > 0 && (text[i-1] == '[' || text[i-1] == '(') {
				continue
			}
			size = len("…")
		default:
			continue
		}
		// Further end marks and closing quotes and brackets belong to
		// the sentence; so does a closing guillemet or quote after a
		// space (»Ich komme. «) when a space or the end follows it.
		j := i + size
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r == '.' || r == '…' || closer(r) {
				j += n
				continue
			}
			break
		}
		if !spaceOrEnd(text, j) {
			continue
		}
		k := skipSpace(text, j)
		if k < len(text) && c != ':' {
			if r, n := utf8.DecodeRuneInString(text[k:]); (r == '«' || r == '»' || r == '“') && spaceOrEnd(text, k+n) {
				j = k + n
				k = skipSpace(text, j)
			}
		}
		if k < len(text) {
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !sentenceStart(r, c == ':') {
				continue
			}
		}
		if c == '.' && notSentenceEnd(tail(text[start:i+1])) {
			continue
		}
		out = appendSentence(out, text, start, j)
		start = k
		i = k - 1
	}
	return appendSentence(out, text, start, len(text))
}

// spaceOrEnd reports whether a space or the end of text is at i.
func spaceOrEnd(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return space(r)
}

// skipSpace returns the offset of the first rune at or after i that is
// not a space.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !space(r) {
			break
		}
		i += n
	}
	return i
}

func appendSentence(out []Sentence, text string, start, end int) []Sentence {
	s := strings.TrimFunc(text[start:end], space)
	if s == "" {
		return out
	}
	lead := len(text[start:end]) - len(strings.TrimLeftFunc(text[start:end], space))
	return append(out, Sentence{Start: start + lead, Text: s, Words: words(s)})
}

var (
	ordinalRe  = regexp.MustCompile(`(^|[\s(])(\d{1,2}\.){1,2}(\d{2,4})?$`)
	cardinalRe = regexp.MustCompile(`(?i)\b(artikel|art\.|§|paragraf|paragraph|absatz|abs\.|nummer|nr\.|seite|kapitel|buch|stufe|schritt)\s+\d+\.$`)
)

// tail is the end of s that notSentenceEnd looks at: from a space at
// least 64 bytes before the end (the longest thing it recognises is
// "Paragraph 123." after a space), so that a long sentence is not
// scanned again at each of its periods.
func tail(s string) string {
	if len(s) <= 64 {
		return s
	}
	if i := strings.IndexAny(s[len(s)-64:], " \t\n"); i >= 0 {
		return s[len(s)-64+i:]
	}
	return s
}

// letterAbbrev is an abbreviation of single letters, each with its
// period, written without spaces: "i.S.d.", "z.B.", "o.Ä.".
var letterAbbrev = regexp.MustCompile(`^(\p{L}\.){2,}$`)

// notSentenceEnd reports whether the period at the end of s belongs to an
// abbreviation, an ordinal or a date.
func notSentenceEnd(s string) bool {
	last := s
	if i := strings.LastIndexFunc(s, space); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		last = s[i+n:]
	}
	last = strings.TrimLeft(last, "(„\"»«‚[")
	if abbreviations[last] || letterAbbrev.MatchString(last) {
		return true
	}
	// "am 8. März" is an ordinal, "nach Artikel 28." ends a sentence.
	if ordinalRe.MatchString(s) && !cardinalRe.MatchString(s) {
		return true
	}
	// A single capital letter with a period is an initial: "A. Müller".
	return utf8.RuneCountInString(last) == 2 && unicode.IsUpper([]rune(last)[0])
}

// words returns the words of s: letters and digits; hyphenated
// compounds, gender forms (Kolleg:innen, Kolleg*innen) and words with a
// Mediopunkt (Medi·kamente, also written with U+2219) count as one, and
// so do numbers with points or a decimal comma (2.0, 1.000, 15.09.2026,
// 3,50), web addresses and e-mail addresses.
func words(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !wordRune(r) {
			i += n
			continue
		}
		start := i
		if webPrefix(s[i:]) {
			if end := address(s, i); end > i {
				out = append(out, s[i:end])
				i = end
				continue
			}
		}
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				// ASCII, the most of German text, without decoding.
				if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '-' || c == ':' || c == '*' {
					i++
					continue
				}
				// A point or comma between digits is part of a number.
				if (c == '.' || c == ',') && i > start && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]) {
					i++
					continue
				}
				if c == '@' {
					if end := address(s, start); end > i {
						i = end
						continue
					}
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if !wordRune(r) {
				break
			}
			i += n
		}
		w := s[start:i]
		if !(len(w) > 0 && (isDigit(w[0]) || 'a' <= w[0] && w[0] <= 'z' || 'A' <= w[0] && w[0] <= 'Z') && len(w) > 1 && isLetterOrDigitASCII(w[len(w)-1])) {
			w = strings.Trim(w, "-:*·∙\u00ad")
			if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

func isLetterOrDigitASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c)
}

// webPrefix reports whether s starts like a web address.
func webPrefix(s string) bool {
	return len(s) > 4 && strings.EqualFold(s[:4], "www.") ||
		len(s) > 7 && strings.EqualFold(s[:7], "http://") ||
		len(s) > 8 && strings.EqualFold(s[:8], "https://")
}

// wordRune reports whether r belongs to a word: a letter, a digit, a
// hyphen, a soft hyphen, a Mediopunkt, or the colon or star of a gender
// form.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == ':' || r == '·' || r == '∙' || r == '*' || r == '\u00ad'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// address returns the end of a web or e-mail address that starts at
// s[i] (https://…, www.…, name@domain.tld), without the punctuation
// that follows it, or i when none starts there. It looks at no more than
// maxAddress bytes, so that a text of many "@" stays quick to check.
func address(s string, i int) int {
	if i > 0 {
		// Only at the start of a word.
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); wordRune(r) || r == '.' || r == '@' || r == '/' {
			return i
		}
	}
	web := webPrefix(s[i:])
	end := i
	for end < len(s) && end-i < maxAddress {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._%+@", r) || web && strings.ContainsRune("~:/?#!$&*,;=", r)) {
			break
		}
		end += n
	}
	cand := strings.TrimRight(s[i:end], ".,;:!?")
	if at := strings.IndexByte(cand, '@'); !web && (at < 0 || !strings.Contains(cand[at:], ".") || !emailRe.MatchString(cand)) {
		return i
	}
	return i + len(cand)
}

// maxAddress is the longest address, in bytes, that words takes as one
// word.
const maxAddress = 2048

var emailRe = regexp.MustCompile(`^[\p{L}\d._%+-]+@[\p{L}\d-]+(\.[\p{L}\d-]+)*\.\p{L}{2,}$`)

// Syllables counts the syllables of a German word: the TeX hyphenation
// patterns for German (package hyph) split it, and
// the vowel groups of each part are counted, with ai, au, äu, ei, eu, ey,
// ay, ie and doubled vowels as one. Hyphenation points alone undercount
// ("A-bend" has no break after the A), vowel groups alone miss
// "be-ob-ach-ten"; together they get most words right.
func Syllables(word string) int {
	word = strings.ReplaceAll(word, "∙", "·") // the Mediopunkt as U+2219
	n, merged := vowelGroupsMerged(word)
	if merged {
		// Only a diphthong can lie across a syllable boundary
		// ("be-in-hal-ten"); without one, every vowel group is counted
		// the same in the whole word as in its parts, and the slow
		// hyphenation can be spared.
		n = hyphenatedSyllables(word)
	}
	if n == 0 && word != "" {
		n = 1
	}
	return n
}

// hyphenatedSyllables counts the vowel groups of each hyphenation part.
func hyphenatedSyllables(word string) int {
	n := 0
	for _, part := range hyph.Hyphenate(word) {
		n += vowelGroups(part)
	}
	return n
}

// splitSuggestion splits a long compound with a hyphen at the boundary
// between its parts nearest its middle (the later one of two as near),
// capitalising the second part of a noun: "Datenschutzbeauftragte" →
// "Datenschutz-Beauftragte", "Lebensmittelgruppen" →
// "Lebensmittel-Gruppen". It returns "" for a word that is no compound or
// whose parts package compound does not know: a hyphen inside a word
// ("Medi-Kamente") would make it harder to read, not easier.
func splitSuggestion(word string) string {
	parts := compound.Split(word)
	if len(parts) < 2 {
		return ""
	}
	total := utf8.RuneCountInString(word)
	best, bestDist, at := -1, total+1, 0
	for i, p := range parts[:len(parts)-1] {
		at += utf8.RuneCountInString(p)
		if d := abs(2*at - total); d <= bestDist {
			best, bestDist = i, d
		}
	}
	left := strings.Join(parts[:best+1], "")
	right := []rune(strings.Join(parts[best+1:], ""))
	if first, _ := utf8.DecodeRuneInString(word); unicode.IsUpper(first) {
		right[0] = unicode.ToUpper(right[0])
	}
	return left + "-" + string(right)
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

func vowelGroups(part string) int {
	n, _ := vowelGroupsMerged(part)
	return n
}

// vowelGroupsMerged is vowelGroups that also says whether two vowels
// were counted as one.
func vowelGroupsMerged(part string) (n int, merged bool) {
	w := []rune(strings.ToLower(part))
	for i := 0; i < len(w); i++ {
		if !isVowel(w[i]) {
			continue
		}
		n++
		if i+1 < len(w) && isVowel(w[i+1]) && diphthong(w[i], w[i+1]) {
			merged = true
			i++
		}
	}
	return n, merged
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouäöüy", r) }

func diphthong(a, b rune) bool {
	switch string([]rune{a, b}) {
	case "ai", "au", "äu", "ei", "eu", "ey", "ay", "ie", "aa", "ee", "oo":
		return true
	}
	return false
}

// Readability holds the formulas of one text.
type Readability struct {
	Sentences, Words int
	Syllables        int     // of all words
	LongWords        int     // words of more than 6 letters, as LIX and WSTF count them
	FRE              float64 // Flesch-Amstad reading ease, higher is easier
	WSTF1            float64 // Wiener Sachtextformel 1, a school grade 4-15
	LIX              float64 // Björnsson's LIX, under 40 is easy
}

// SyllableCache remembers the syllables of words: a handbook repeats its
// words, and hyphenating each again is the slow part of the formulas. It
// is safe for concurrent use, so the workers that measure the pages share
// one.
type SyllableCache struct{ m sync.Map }

// Count returns the syllables of w.
func (c *SyllableCache) Count(w string) int {
	if n, ok := c.m.Load(w); ok {
		return n.(int)
	}
	n := Syllables(w)
	c.m.Store(w, n)
	return n
}

// Measure computes the readability of a set of sentences.
func Measure(sentences []Sentence) Readability {
	return new(SyllableCache).Measure(sentences)
}

// Measure computes the readability of a set of sentences, counting
// syllables through the cache.
func (c *SyllableCache) Measure(sentences []Sentence) Readability {
	var r Readability
	var syllables, threePlus, longWords, oneSyll int
	for _, s := range sentences {
		if len(s.Words) == 0 {
			continue
		}
		r.Sentences++
		for _, w := range s.Words {
			r.Words++
			n := c.Count(w)
			syllables += n
			if n >= 3 {
				threePlus++
			}
			if n == 1 {
				oneSyll++
			}
			if utf8.RuneCountInString(w) > 6 {
				longWords++
			}
		}
	}
	r.Syllables, r.LongWords = syllables, longWords
	if r.Words == 0 || r.Sentences == 0 {
		return r
	}
	asl := float64(r.Words) / float64(r.Sentences)
	asw := float64(syllables) / float64(r.Words)
	ms := 100 * float64(threePlus) / float64(r.Words)
	iw := 100 * float64(longWords) / float64(r.Words)
	es := 100 * float64(oneSyll) / float64(r.Words)
	r.FRE = round1(180 - asl - 58.5*asw)
	r.WSTF1 = round1(0.1935*ms + 0.1672*asl + 0.1297*iw - 0.0327*es - 0.875)
	r.LIX = round1(asl + iw)
	return r
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// plainRules are the word lists of the heuristic rules.
var (
	konjunktivRe = regexp.MustCompile(`(?i)\b(würden?|wären?|hätten?|könnten?|müssten?|dürften?|sollten?)\b`)
	negationRe   = regexp.MustCompile(`(?i)\b(nicht|kein(e|er|en|em|es)?|nie|niemals|nichts|weder)\b`)
	genitiveRe   = regexp.MustCompile(`(?i)\b(wegen|trotz|aufgrund|hinsichtlich|bezüglich|infolge|mittels|seitens)\b`)
	passiveRe    = regexp.MustCompile(`(?i)\b(wird|werden|wurde|wurden|worden)\b[^.!?]*\b(ge\p{L}+(t|en)|\p{L}+iert)\b`)
	nominalRe    = regexp.MustCompile(`\p{Lu}\p{L}*(ung|heit|keit|ion|ität|ismus|nis|schaft)(en)?\b`)
	specialRe    = regexp.MustCompile(`[();/§]`)
	capsRe       = regexp.MustCompile(`\b\p{Lu}{2,6}\b`)
	romanRe      = regexp.MustCompile(`^[IVXLC]+$`) // SGB VIII is a book number
	abbrevRe     = regexp.MustCompile(`\b(z\.[ \x{a0}\x{202f}]?B\.|bzw\.|u\.[ \x{a0}\x{202f}]?a\.|d\.[ \x{a0}\x{202f}]?h\.|ggf\.|usw\.|etc\.|inkl\.|vgl\.|i\.[ \x{a0}\x{202f}]?d\.[ \x{a0}\x{202f}]?R\.|i\.[ \x{a0}\x{202f}]?S\.[ \x{a0}\x{202f}]?d\.|u\.[ \x{a0}\x{202f}]?U\.|v\.[ \x{a0}\x{202f}]?a\.|insb\.|bzgl\.|ggfs\.|sog\.|ca\.|evtl\.|o\.[ \x{a0}\x{202f}]?Ä\.|Abs\.|Nr\.|Art\.)`)
)

// Limits are the thresholds of the plain-language checks, from
// [checks] in handbuch.toml.
type Limits = book.Limits

// DefaultLimits are the thresholds for Einfache Sprache of the notes on
// plain German.
var DefaultLimits = Limits{SentenceWarn: 15, SentenceError: 20, LongShare: 10, FRE: 60, WSTF1: 8, LIX: 40}

// Plain checks texts in Einfache Sprache. known are the words the
// glossary explains (all-caps abbreviations among them are fine).
func Plain(texts []Text, known map[string]bool, lim Limits) []Finding {
	var out []Finding
	add := func(t Text, at int, rule string, sev Severity, format string, args ...any) {
		out = append(out, Finding{Rule: rule, Severity: sev, Pos: t.Pos(at), Msg: fmt.Sprintf(format, args...)})
	}
	for _, t := range texts {
		for _, s := range Sentences(t.Text) {
			n := len(s.Words)
			switch {
			case n > lim.SentenceError:
				add(t, s.Start, "satzlaenge", Error, "der Satz hat %d Wörter. In Einfacher Sprache sind es höchstens %d, besser bis %d: Teilen Sie ihn in zwei Sätze.", n, lim.SentenceError, lim.SentenceWarn)
			case n > lim.SentenceWarn:
				add(t, s.Start, "satzlaenge", Warning, "der Satz hat %d Wörter. In Einfacher Sprache sind %d genug: Teilen Sie ihn, wenn es geht.", n, lim.SentenceWarn)
			}
			from := 0 // where the next word is looked for in the sentence
			for _, w := range s.Words {
				at := s.Start
				if i := strings.Index(s.Text[from:], w); i >= 0 {
					at += from + i
					from += i + len(w)
				}
				letters := utf8.RuneCountInString(w)
				// Hyphenated words, words with a Mediopunkt, numbers and
				// addresses are no long words to split.
				if strings.ContainsAny(w, "-·∙.,@/") || known[strings.ToLower(w)] {
					continue
				}
				// Over 15 letters is long for everyone; five syllables
				// often only means a common word like "Organisation".
				sev := Hint
				if letters > 15 {
					sev = Warning
				}
				if letters > 15 || Syllables(w) >= 5 {
					if split := splitSuggestion(w); split != "" {
						add(t, at, "langes-wort", sev, "„%s“ ist ein langes Wort (%d Buchstaben, %d Silben). Trennen Sie es mit Bindestrich oder Mediopunkt, etwa „%s“, oder wählen Sie ein kürzeres Wort.", w, letters, Syllables(w), split)
					} else {
						add(t, at, "langes-wort", sev, "„%s“ ist ein langes Wort (%d Buchstaben, %d Silben). Wählen Sie ein kürzeres oder bekannteres Wort, oder erklären Sie es.", w, letters, Syllables(w))
					}
				}
			}
			if m := abbrevRe.FindStringIndex(s.Text); m != nil {
				add(t, s.Start+m[0], "abkuerzung", Warning, "schreiben Sie „%s“ aus, zum Beispiel „zum Beispiel“ statt „z. B.“.", s.Text[m[0]:m[1]])
			}
			for _, m := range capsRe.FindAllStringIndex(s.Text, -1) {
				if w := s.Text[m[0]:m[1]]; !known[strings.ToLower(w)] && !romanRe.MatchString(w) {
					add(t, s.Start+m[0], "abkuerzung", Warning, "„%s“ ist eine Abkürzung, die das Glossar nicht erklärt. Schreiben Sie das Wort aus oder nehmen Sie es ins Glossar auf.", w)
				}
			}
			if m := konjunktivRe.FindStringIndex(s.Text); m != nil {
				add(t, s.Start+m[0], "konjunktiv", Hint, "„%s“ ist Möglichkeitsform. Sagen Sie es direkt, wenn es geht.", s.Text[m[0]:m[1]])
			}
			if neg := negationRe.FindAllStringIndex(s.Text, -1); len(neg) >= 2 {
				add(t, s.Start+neg[0][0], "verneinung", Warning, "der Satz verneint zweimal. Sagen Sie es positiv.")
			} else if len(neg) == 1 {
				add(t, s.Start+neg[0][0], "verneinung", Hint, "„%s“ verneint. Ein positiver Satz ist leichter zu verstehen.", s.Text[neg[0][0]:neg[0][1]])
			}
			if m := passiveRe.FindStringIndex(s.Text); m != nil {
				add(t, s.Start+m[0], "passiv", Hint, "der Satz steht vermutlich im Passiv. Sagen Sie, wer etwas tut.")
			}
			if m := genitiveRe.FindStringIndex(s.Text); m != nil {
				add(t, s.Start+m[0], "genitiv", Hint, "„%s“ verlangt den Genitiv. Schreiben Sie lieber „weil“ oder „mit“.", s.Text[m[0]:m[1]])
			}
			if ms := nominalRe.FindAllStringIndex(s.Text, -1); len(ms) >= 2 {
				add(t, s.Start+ms[0][0], "nominalstil", Hint, "der Satz hat viele Hauptwörter auf -ung, -heit, -keit. Nehmen Sie Verben: „wir prüfen“ statt „die Prüfung erfolgt“.")
			}
			if m := specialRe.FindStringIndex(s.Text); m != nil {
				add(t, s.Start+m[0], "sonderzeichen", Hint, "das Zeichen „%s“ stört beim Lesen. Schreiben Sie es in Worten.", s.Text[m[0]:m[1]])
			}
		}
	}
	return out
}

// Readable reports the readability of a page written in Einfache
// Sprache: a warning when it misses the targets (FRE, WSTF1, LIX of
// lim), and when more of its sentences than lim.LongShare are longer
// than lim.SentenceError words.
func Readable(at book.Pos, texts []Text, lim Limits) (Readability, []Finding) {
	var all []Sentence
	for _, t := range texts {
		all = append(all, Sentences(t.Text)...)
	}
	r := Measure(all)
	if r.Words < 50 {
		return r, nil // too short for the formulas to mean anything
	}
	var out []Finding
	long := 0
	for _, s := range all {
		if len(s.Words) > lim.SentenceError {
			long++
		}
	}
	if share := 100 * float64(long) / float64(r.Sentences); share > lim.LongShare {
		out = append(out, Finding{Rule: "anteil-lange-saetze", Severity: Warning, Pos: at,
			Msg: fmt.Sprintf("%d von %d Sätzen haben mehr als %d Wörter (%s %%); höchstens %s %% sollten es sein.", long, r.Sentences, lim.SentenceError, de(share), de(lim.LongShare))})
	}
	var misses []string
	if r.FRE < lim.FRE {
		misses = append(misses, fmt.Sprintf("Flesch-Amstad %s (Ziel mindestens %s)", de(r.FRE), de(lim.FRE)))
	}
	if r.WSTF1 > lim.WSTF1 {
		misses = append(misses, fmt.Sprintf("Wiener Sachtextformel %s (Ziel höchstens %s)", de(r.WSTF1), de(lim.WSTF1)))
	}
	if r.LIX > lim.LIX {
		misses = append(misses, fmt.Sprintf("LIX %s (Ziel höchstens %s)", de(r.LIX), de(lim.LIX)))
	}
	if len(misses) > 0 {
		out = append(out, Finding{Rule: "lesbarkeit", Severity: Warning, Pos: at, Msg: "die Seite ist schwerer zu lesen als für Einfache Sprache gedacht: " + strings.Join(misses, ", ") + ". Kürzen Sie Sätze und Wörter."})
	}
	return r, out
}

func de(f float64) string {
	s := strings.Replace(fmt.Sprintf("%.1f", f), ".", ",", 1)
	return strings.TrimSuffix(s, ",0")
}

// Block is a piece of a plain text file that the checks take on its
// own, with its byte offset in the file.
type Block struct {
	Text   string
	Offset int
}

// listItem matches the marker of a list item at the start of a line of
// plain text: a bullet, a dash or a star, or a number or letter with a
// period or parenthesis.
var listItem = regexp.MustCompile(`^[ \t]*([•·‣◦▪–—*-]|\d{1,3}[.)]|[a-z][)])[ \t]+`)

// Paragraphs splits a plain text (a letter, a flyer text) into blocks:
// paragraphs are separated by blank lines, and each item of a list is a
// block of its own, without its marker. A heading needs a blank line
// after it; otherwise it runs into the next sentence.
func Paragraphs(text string) []Block {
	var out []Block
	start := -1 // of the current block
	end := 0
	flush := func() {
		if start >= 0 {
			out = append(out, Block{Text: text[start:end], Offset: start})
			start = -1
		}
	}
	for off := 0; off < len(text); {
		line := text[off:]
		next := len(text)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		}
		line = strings.TrimRight(line, " \t\r")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case listItem.MatchString(line):
			flush()
			start = off + len(listItem.FindString(line))
			end = off + len(line)
		default:
			if start < 0 {
				start = off + len(line) - len(strings.TrimLeft(line, " \t"))
			}
			end = off + len(line)
		}
		off = next
	}
	flush()
	return out
}

// PlainFile reports whether name is a file PlainTexts reads: Markdown
// (.md) or plain text (.txt).
func PlainFile(name string) bool {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/")))
	return ext == ".md" || ext == ".txt"
}

// PlainTexts returns the running text of a file for the plain-language
// checks, with positions in file: a .md file is Markdown with or without
// front matter (TOML between lines +++ as in a page, or YAML between
// lines ---), any other file plain text, split by Paragraphs. A byte
// order mark is skipped. The error, for bytes that are not UTF-8 or front
// matter that is not closed, starts with file:line:col.
func PlainTexts(file string, src []byte) ([]Text, error) {
	if off := book.InvalidUTF8(src); off >= 0 {
		return nil, book.Errorf(book.PosAt(file, src, off), "die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Ihrem Editor mit der Kodierung UTF-8.")
	}
	lines := book.NewLines(src)
	start := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) { // written by Windows editors
		start = len("\ufeff")
	}
	if strings.ToLower(path.Ext(file)) != ".md" {
		var texts []Text
		for _, b := range Paragraphs(string(src[start:])) {
			off := start + b.Offset
			texts = append(texts, Text{Text: b.Text, Pos: func(i int) book.Pos { return lines.PosAt(file, src, off+i) }})
		}
		return texts, nil
	}
	body, ok := frontMatterEnd(src, start)
	if !ok {
		return nil, book.Errorf(book.PosAt(file, src, start), "der Front Matter ist nicht abgeschlossen. Schließen Sie ihn mit einer Zeile, die nur +++ enthält, oder lassen Sie ihn weg.")
	}
	page := &book.Page{File: file, Source: src, Lines: lines, Body: src[body:], BodyOffset: body}
	var texts []Text
	for _, b := range markdown.New(markdown.Options{}).Parse(page).TextBlocks() {
		if len(b.Offsets) == 0 {
			continue // an empty heading or cell: nothing to read
		}
		texts = append(texts, Text{Text: b.Text, Pos: func(i int) book.Pos {
			if i >= len(b.Offsets) {
				i = len(b.Offsets) - 1
			}
			return page.BodyPos(b.Offsets[max(i, 0)])
		}})
	}
	return texts, nil
}

// frontMatterEnd returns the offset of the Markdown after the front
// matter that src may start with at start, and false for TOML front
// matter that is never closed. A --- that is never closed again is a
// thematic break of Markdown, no front matter.
func frontMatterEnd(src []byte, start int) (int, bool) {
	for _, fence := range []string{"+++", "---"} {
		first, rest, ok := bytes.Cut(src[start:], []byte("\n"))
		if !ok || string(bytes.TrimRight(first, " \t\r")) != fence {
			continue
		}
		off := start + len(first) + 1
		for len(rest) > 0 {
			line, after, _ := bytes.Cut(rest, []byte("\n"))
			off += len(line) + 1
			if string(bytes.TrimRight(line, " \t\r")) == fence {
				return min(off, len(src)), true
			}
			rest = after
		}
		if fence == "+++" {
			return 0, false
		}
	}
	return start, true
}

// KnownWords returns the words a glossary explains, in lower case, for
// Plain: each term, abbreviation and form, and each of their words.
func KnownWords(g book.Glossary) map[string]bool {
	known := map[string]bool{}
	for _, t := range g {
		for _, w := range append([]string{t.Term, t.Abbr}, t.Forms...) {
			for _, part := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == ' ' || r == '-' }) {
				known[part] = true
			}
			known[strings.ToLower(w)] = true
		}
	}
	return known
}
