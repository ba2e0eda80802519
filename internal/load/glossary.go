package load

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// maxShortWords is the longest a term's short explanation may be.
const maxShortWords = 15

// loadGlossary reads glossary/*.toml. A project without the folder has
// no glossary.
func loadGlossary(fsys fs.FS, errs *book.ErrorList) book.Glossary {
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
		}, errs)
		if !ok {
			continue
		}
		t.Source = src
		t.TextOffset = d.stringOffset("text")
		t.ShortOffset = d.stringOffset("short")
		t.ExampleOffset = d.stringOffset("example")
		start := book.Pos{File: file, Line: 1, Col: 1}
		if t.Term == "" {
			errs.Addf(start, `term fehlt: tragen Sie den Begriff ein, zum Beispiel term = "Einwilligung".`)
			continue
		}
		switch n := len(strings.Fields(t.Short)); {
		case n == 0:
			errs.Addf(t.Pos, "short fehlt: erklären Sie %q in einem einfachen Satz mit höchstens %d Wörtern. Er erscheint im Aufklapp-Text und auf Flyern.", t.Term, maxShortWords)
		case n > maxShortWords:
			errs.Addf(d.keyPos([]string{"short"}), "short hat %d Wörter, erlaubt sind höchstens %d. Kürzen Sie den Satz; die ausführliche Erklärung gehört in text.", n, maxShortWords)
		}
		all = append(all, pending{term: t, doc: d, seeAlso: seeAlso})
	}

	byName := map[string]*book.Term{}
	for _, p := range all {
		byName[p.term.Name] = p.term
	}
	// Every word may lead to one entry only: term and forms compared
	// without case, abbreviations exactly and without case.
	claimed := map[string]*book.Term{}
	claim := func(p pending, word string, pos book.Pos) {
		key := book.FoldTerm(word)
		if key == "" {
			return
		}
		if other, ok := claimed[key]; ok && other != p.term {
			errs.Addf(pos, "%q gehört schon zum Begriff %q in %s. Ein Wort darf nur zu einem Begriff führen: streichen Sie es in einer der beiden Dateien.", word, other.Term, other.File)
			return
		}
		claimed[key] = p.term
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	var out book.Glossary
	for _, p := range all {
		t := p.term
		claim(p, t.Term, t.Pos)
		if t.Abbr != "" {
			claim(p, t.Abbr, p.doc.keyPos([]string{"abbr"}))
		}
		for _, f := range t.Forms {
			claim(p, f, p.doc.valuePos("forms", f))
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
