package load

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// maxShortWords is the longest a term's short explanation may be.
const maxShortWords = 15

// loadGlossary reads glossary/*.toml. A project without the folder has
// no glossary. siteLang is the handbook's language: [translations]
// give a term in the other languages.
func loadGlossary(fsys fs.FS, siteLang string, errs *book.ErrorList) book.Glossary {
	site := book.Primary(siteLang)
	type pending struct {
		term    *book.Term
		doc     tomlDoc
		seeAlso []string
	}
	var all []pending
	for _, file := range tomlFiles(fsys, "glossary", "ein Begriff", errs) {
		d, ok := readTOML(fsys, file, false, errs)
		if !ok {
			continue
		}
		src := d.src
		t := &book.Term{Name: strings.TrimSuffix(path.Base(file), ".toml"), File: file}
		var seeAlso []string
		str := func(key string, dst *string) field {
			return field{key: key, kind: kString, set: func(v any, _ book.Pos) { *dst = strings.TrimSpace(v.(string)) }}
		}
		ok = d.decode([]field{
			{key: "term", kind: kString, set: func(v any, p book.Pos) { t.Term = strings.TrimSpace(v.(string)); t.Pos = p }},
			str("abbr", &t.Abbr),
			{key: "forms", kind: kStrings, set: func(v any, _ book.Pos) { t.Forms = v.([]string) }},
			str("short", &t.Short),
			str("text", &t.Text),
			str("example", &t.Example),
			{key: "see_also", kind: kStrings, set: func(v any, _ book.Pos) { seeAlso = v.([]string) }},
			translationFields(t, site),
		}, errs)
		if !ok {
			continue
		}
		t.Source = src
		t.TextOffset = d.stringOffset("text")
		t.ShortOffset = d.stringOffset("short")
		t.ExampleOffset = d.stringOffset("example")
		start := book.Pos{File: file, Line: 1, Col: 1}
		if !hasTerm("term", t.Term, "", start, errs) {
			continue
		}
		checkShort("short", t.Short, t.Term, "", t.Pos, d.keyPos([]string{"short"}), errs)
		for _, code := range translationCodes(t) {
			tr := t.Translations[code]
			key := "translations." + code
			l := book.Languages[code]
			if hasTerm(key+".term", tr.Term, l.German, tr.Pos, errs) {
				checkShort(key+".short", tr.Short, tr.Term, l.German, tr.Pos, d.keyPos([]string{"translations", code, "short"}), errs)
			}
		}
		all = append(all, pending{term: t, doc: d, seeAlso: seeAlso})
	}

	byName := map[string]*book.Term{}
	for _, p := range all {
		byName[p.term.Name] = p.term
	}
	// Every word may lead to one entry only, in each language: term and
	// forms compared without case, abbreviations exactly and without
	// case. The words of different languages never meet: each page is
	// matched against its own language's words only.
	claimed := map[string]*book.Term{} // language code + "\x00" + folded word
	claim := func(t *book.Term, code, word string, pos book.Pos) {
		key := book.FoldTerm(word)
		if key == "" {
			return
		}
		key = code + "\x00" + key
		if other, ok := claimed[key]; ok && other != t {
			where := fmt.Sprintf("schon zum Begriff %q", other.Term)
			if code != "" {
				where = fmt.Sprintf("auf %s schon zum Begriff %q (translations.%s)", book.Languages[code].German, other.Term, code)
			}
			errs.Addf(pos, "%q gehört %s in %s. Ein Wort darf nur zu einem Begriff führen: streichen Sie es in einer der beiden Dateien.", word, where, other.File)
			return
		}
		claimed[key] = t
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	var out book.Glossary
	for _, p := range all {
		t := p.term
		claim(t, "", t.Term, t.Pos)
		if t.Abbr != "" {
			claim(t, "", t.Abbr, p.doc.keyPos([]string{"abbr"}))
		}
		for _, f := range t.Forms {
			claim(t, "", f, p.doc.valuePos("forms", f))
		}
		for _, code := range translationCodes(t) {
			tr := t.Translations[code]
			key := "translations." + code
			claim(t, code, tr.Term, p.doc.keyPos([]string{"translations", code, "term"}))
			if tr.Abbr != "" {
				claim(t, code, tr.Abbr, p.doc.keyPos([]string{"translations", code, "abbr"}))
			}
			for _, f := range tr.Forms {
				claim(t, code, f, p.doc.valuePos(key+".forms", f))
			}
		}
		for _, s := range p.seeAlso {
			target, ok := byName[strings.TrimSuffix(s, ".toml")]
			if !ok || target == t {
				msg := "see_also: den Begriff %q gibt es nicht. Schreiben Sie den Dateinamen ohne .toml"
				if t.Name == s {
					msg = "see_also: %q verweist auf sich selbst"
				}
				if sug := suggest(s, names); sug != "" && sug != t.Name {
					msg += ", meinten Sie " + `"` + sug + `"?`
				}
				errs.Addf(p.doc.valuePos("see_also", s), msg+".", s)
				continue
			}
			t.SeeAlso = append(t.SeeAlso, target)
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := book.SortKey(out[i].Term), book.SortKey(out[j].Term)
		if a != b {
			return a < b
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// translationFields are the keys of [translations.<code>] in a glossary
// file, one table per language other than site: the term as written in
// that language, its abbreviation and forms, and its short text.
func translationFields(t *book.Term, site string) field {
	var langs []field
	for _, code := range book.LanguageCodes() {
		if code == site {
			continue
		}
		var tr *book.TermTranslation
		at := func(p book.Pos) *book.TermTranslation {
			if tr == nil {
				tr = &book.TermTranslation{Lang: code, Pos: p}
				if t.Translations == nil {
					t.Translations = map[string]*book.TermTranslation{}
				}
				t.Translations[code] = tr
			}
			return tr
		}
		langs = append(langs, field{key: code, kind: kTable,
			set:     func(_ any, p book.Pos) { at(p) },
			unknown: translationKey,
			sub: []field{
				{key: "term", kind: kString, set: func(v any, _ book.Pos) { tr.Term = strings.TrimSpace(v.(string)) }},
				{key: "abbr", kind: kString, set: func(v any, _ book.Pos) { tr.Abbr = strings.TrimSpace(v.(string)) }},
				{key: "forms", kind: kStrings, set: func(v any, _ book.Pos) { tr.Forms = v.([]string) }},
				{key: "short", kind: kString, set: func(v any, _ book.Pos) { tr.Short = strings.TrimSpace(v.(string)) }},
			}})
	}
	return field{key: "translations", kind: kTable, sub: langs, unknown: func(code string) string {
		if code == site {
			return fmt.Sprintf("%s ist die Sprache des Handbuchs: term, forms und short stehen dafür oben in der Datei. Löschen Sie den Abschnitt [translations.%s].", book.Languages[code].German, code)
		}
		var list []string
		for _, c := range book.LanguageCodes() {
			if c != site {
				list = append(list, fmt.Sprintf("%s (%s)", c, book.Languages[c].German))
			}
		}
		return fmt.Sprintf("%q ist keine Sprache, die handbuch kennt. Schreiben Sie das Sprachkürzel wie im Dateinamen der übersetzten Seite; erlaubt sind: %s.", code, strings.Join(list, ", "))
	}}
}

// translationKey says what is wrong with key in [translations.<code>].
func translationKey(key string) string {
	const keys = "term, abbr, forms und short"
	switch key {
	case "text", "example", "see_also":
		return fmt.Sprintf("%s gibt es nur einmal, oben in der Datei: die ganze Erklärung steht im Glossar auf Deutsch. Für eine Übersetzung gibt es nur %s. Löschen Sie %s hier.", key, keys, key)
	}
	if s := suggest(key, []string{"term", "abbr", "forms", "short"}); s != "" {
		return fmt.Sprintf("unbekannter Schlüssel, meinten Sie %q?", s)
	}
	return "unbekannter Schlüssel. Erlaubt sind " + keys + "."
}

// translationCodes returns the languages t is translated into, sorted.
func translationCodes(t *book.Term) []string {
	codes := make([]string, 0, len(t.Translations))
	for c := range t.Translations {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// hasTerm reports whether a glossary file gives its term (key), in the
// handbook's language or (lang, in German: "Englisch") another, and says
// what to write at where it does not.
func hasTerm(key, term, lang string, at book.Pos, errs *book.ErrorList) bool {
	switch {
	case term != "":
		return true
	case lang == "":
		errs.Addf(at, `%s fehlt: tragen Sie den Begriff ein, zum Beispiel term = "Einwilligung".`, key)
	default:
		errs.Addf(at, "%s fehlt: tragen Sie den Begriff auf %s ein, so wie er auf den Seiten in dieser Sprache steht.", key, lang)
	}
	return false
}

// checkShort checks the short text of a term, in the handbook's
// language or (lang, in German: "Englisch") another: one sentence of at
// most maxShortWords words. key names it as the file does; missing is
// where to report that it is not there, long where it is written.
func checkShort(key, short, term, lang string, missing, long book.Pos, errs *book.ErrorList) {
	in, more := "", "die ausführliche Erklärung gehört in text"
	if lang != "" {
		in, more = " auf "+lang, "die ausführliche Erklärung steht auf Deutsch in text"
	}
	switch n := len(strings.Fields(short)); {
	case n == 0:
		errs.Addf(missing, "%s fehlt: erklären Sie %q%s in einem einfachen Satz mit höchstens %d Wörtern. Er erscheint im Aufklapp-Text und auf Flyern.", key, term, in, maxShortWords)
	case n > maxShortWords:
		errs.Addf(long, "%s hat %d Wörter, erlaubt sind höchstens %d. Kürzen Sie den Satz; %s.", key, n, maxShortWords, more)
	}
}

// checkGlossaryLanguages warns about a translation of a glossary term
// into a language no page is written in: nothing shows it. A warning,
// not an error: the page in that language may still be a draft.
func checkGlossaryLanguages(h *book.Handbook) {
	used := map[string]bool{}
	for _, p := range h.Pages {
		used[book.Primary(p.Lang(h.Config.Language))] = true
	}
	for _, t := range h.Glossary {
		for _, code := range translationCodes(t) {
			if used[code] {
				continue
			}
			tr := t.Translations[code]
			h.Warnings = append(h.Warnings, book.Errorf(tr.Pos, "translations.%s: keine Seite ist auf %s geschrieben, also zeigt keine Seite diese Übersetzung. Legen Sie die Übersetzung einer Seite an (der Dateiname endet auf .%s.md) oder löschen Sie den Abschnitt.", code, book.Languages[code].German, code))
		}
	}
}
