// Package link is the link stage: it parses every page and glossary
// explanation and resolves every link, anchor, glossary term, checklist
// reference and shortcode argument once. What it returns is read-only:
// the site, the print view, the PDFs, the search and the checks all read
// it at the same time and change nothing.
package link

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// Book is the linked handbook.
type Book struct {
	*book.Handbook
	// Docs are the parsed pages, in the order of Handbook.Pages; Entries
	// the parsed glossary explanations, in the order of Handbook.Glossary.
	Docs, Entries []*markdown.Doc
	// External are the links to other sites; the checks list them (they
	// are not fetched).
	External []book.ExternalLink
	// UsedIn lists for each glossary term the readers' pages that use it.
	UsedIn map[*book.Term][]*book.Page
	// Images are the pictures the pages show, each once, by file.
	Images []*book.Image
}

// Link parses and links the pages and glossary explanations of h. No
// heading gets one of reservedIDs (the layouts use them). With a cache
// (in a preview), pages whose source is unchanged since the last Link
// with the same cache are not parsed again.
func Link(fsys fs.FS, h *book.Handbook, reservedIDs []string, cache *Cache) (*Book, error) {
	md := markdown.New(markdown.Options{
		AllowHTML:   h.Config.AllowHTML,
		ReservedIDs: reservedIDs,
		Glossary:    h.Glossary,
		TermLinks:   h.Config.TermLinks,
		Language:    h.Config.Language,
	})
	parse := func(p *book.Page, fresh func() *markdown.Doc) *markdown.Doc { return fresh() }
	if cache != nil {
		parse = cache.parser(h, reservedIDs)
	}
	var errs book.ErrorList
	b := &Book{Handbook: h, Docs: make([]*markdown.Doc, len(h.Pages)), Entries: make([]*markdown.Doc, len(h.Glossary))}
	for i, p := range h.Pages {
		b.Docs[i] = parse(p, func() *markdown.Doc { return md.Parse(p) })
		errs = append(errs, b.Docs[i].Errors...)
	}
	for i, t := range h.Glossary {
		p := &book.Page{
			Kind: book.KindGlossary, File: t.File, URL: markdown.GlossaryURL,
			Source: t.Source, Lines: book.NewLines(t.Source), Body: []byte(t.Text), BodyOffset: t.TextOffset,
		}
		b.Entries[i] = parse(p, func() *markdown.Doc { return md.ParseTerm(t, p) })
		errs = append(errs, b.Entries[i].Errors...)
	}
	if cache != nil {
		cache.keep(b)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var err error
	if b.External, err = resolve(h, b.All()); err != nil {
		return nil, err
	}
	if err := b.pictures(fsys, cache); err != nil {
		return nil, err
	}
	b.UsedIn = map[*book.Term][]*book.Page{}
	for _, d := range b.Docs {
		if d.Page.Foreign(h.Config.Language) {
			continue // its words are no German terms
		}
		if d.Page.ForEditors() {
			continue // the glossary is for readers; it leads them to readers' pages
		}
		for _, t := range d.Terms {
			b.UsedIn[t] = append(b.UsedIn[t], d.Page)
		}
	}
	return b, nil
}

// Cache keeps the parsed pages of a preview's last build for the next.
// A page is parsed again when its source changed, or anything it is
// parsed with: the settings (the handbook's language among them: it
// decides which words of the glossary a page links), the reserved ids,
// the glossary.
type Cache struct {
	settings [sha256.Size]byte
	docs     map[string]cached      // by source file
	images   map[string]*book.Image // by file, with their smaller copies
}

type cached struct {
	source []byte
	doc    *markdown.Doc
}

// parser returns the parse function of one Link: the cached tree, rebound
// to the page loaded now, or a new one.
func (c *Cache) parser(h *book.Handbook, reservedIDs []string) func(*book.Page, func() *markdown.Doc) *markdown.Doc {
	k := sha256.New()
	fmt.Fprintf(k, "%v\x00%s\x00%s\x00%q\x00", h.Config.AllowHTML, h.Config.TermLinks, h.Config.Language, reservedIDs)
	for _, t := range h.Glossary {
		fmt.Fprintf(k, "%s\x00%d\x00", t.File, len(t.Source))
		k.Write(t.Source)
	}
	settings := [sha256.Size]byte(k.Sum(nil))
	if settings != c.settings {
		c.settings, c.docs = settings, nil
	}
	terms := map[string]*book.Term{}
	for _, t := range h.Glossary {
		terms[t.Name] = t
	}
	return func(p *book.Page, fresh func() *markdown.Doc) *markdown.Doc {
		if old, ok := c.docs[p.File]; ok && p.Source != nil && bytes.Equal(old.source, p.Source) && old.doc.Page.LinkTerms == p.LinkTerms && old.doc.Page.BodyOffset == p.BodyOffset {
			return old.doc.Rebind(p, terms)
		}
		return fresh()
	}
}

// keep remembers the pages of b for the next Link.
func (c *Cache) keep(b *Book) {
	c.docs = map[string]cached{}
	for _, d := range b.All() {
		c.docs[d.Page.File] = cached{d.Page.Source, d}
	}
}

// All returns the pages and then the glossary explanations.
func (b *Book) All() []*markdown.Doc {
	return append(b.Docs[:len(b.Docs):len(b.Docs)], b.Entries...)
}

// resolve resolves every link and image of every page. Editors link to the
// Markdown file of another page ("risikomanagement.md",
// "../vorgehen.md#schritt-1"), as in mdBook, so links work in any editor and
// survive a change of the URL scheme; links to a page URL ("/leitlinien/")
// work too. A link to nothing is an error with its position. Resolved
// links get Target; links to other sites are returned.
func resolve(h *book.Handbook, docs []*markdown.Doc) ([]book.ExternalLink, error) {
	byFile := map[string]*markdown.Doc{}
	byURL := map[string]*markdown.Doc{}
	ids := map[*markdown.Doc]map[string]bool{}
	for _, d := range docs {
		byFile[d.Page.File] = d
		byURL[d.Page.URL] = d
		set := map[string]bool{}
		for _, id := range d.IDs() {
			set[id] = true
		}
		ids[d] = set
	}
	var errs book.ErrorList
	var external []book.ExternalLink
	// Chapter references of checklist items.
	for _, c := range h.Checklists {
		for _, g := range c.Groups {
			for _, it := range g.Items {
				if it.Chapter == "" {
					continue
				}
				file, frag, _ := strings.Cut(it.Chapter, "#")
				target := byFile[path.Join("content", file)]
				switch {
				case target == nil:
					errs.Addf(it.Pos, "chapter %q: diese Seite gibt es nicht. Schreiben Sie den Pfad der Markdown-Datei ab content/, zum Beispiel \"leitlinien/datenschutz.md\".", it.Chapter)
				case frag != "" && !ids[target][frag]:
					errs.Addf(it.Pos, "chapter %q: den Anker #%s gibt es auf der Seite nicht. Anker entstehen aus Überschriften, zum Beispiel „## Wer entscheidet?“ → #wer-entscheidet.", it.Chapter, frag)
				default:
					it.Target = target.Page.URL
					if frag != "" {
						it.Target += "#" + frag
					}
				}
			}
		}
	}
	// Shortcodes that need data; a page adopted as it stands has no
	// place left to fill in.
	for _, d := range docs {
		for _, sc := range d.Shortcodes {
			s, ok := shortcode.Lookup(sc.Name)
			if !ok {
				continue
			}
			if s.Slot != nil && d.Page != nil && d.Page.Status == book.StatusAdopted {
				if what, fill := s.Slot(h, sc.Args); what != "" {
					errs.Add(&book.Error{Pos: d.ShortcodePos(sc), Msg: `die Seite ist beschlossen (status = "beschlossen"), hat hier aber noch eine offene Stelle: „` + what + `“. ` + fill + `, oder schreiben Sie status = "entwurf", bis alles entschieden ist.`})
				}
			}
			if s.Check != nil {
				if msg := s.Check(h, sc.Args); msg != "" {
					errs.Add(&book.Error{Pos: d.ShortcodePos(sc), Msg: msg})
				}
			}
		}
	}
	resolveChapters(h, docs, &errs)
	for _, d := range docs {
		for i := range d.Links {
			l := &d.Links[i]
			if l.Term != nil {
				continue // glossary links know their target
			}
			if l.Image {
				continue // read by pictures
			}
			if l.Chapter != "" && l.Dest == "" {
				continue // a {{< kapitel >}} to nowhere, reported by resolveChapters
			}
			kind, err := urlpolicy.Check(l.URL)
			switch {
			case err != nil:
				errs.Addf(l.Pos, "der Link %q %v. %s", l.Dest, err, urlpolicy.Allowed)
				continue
			case kind == urlpolicy.Web:
				external = append(external, book.ExternalLink{URL: l.Dest, Pos: l.Pos})
				continue
			case kind != urlpolicy.Relative, l.RawHTML:
				// Raw HTML is written as it is: its addresses inside
				// the project are the editor's.
				continue
			}
			u, err := url.Parse(l.URL)
			if err != nil {
				errs.Addf(l.Pos, "der Link %q ist keine gültige Adresse. %s", l.Dest, urlpolicy.Allowed)
				continue
			}
			var target *markdown.Doc
			switch {
			case u.Path == "":
				target = d
			case strings.HasSuffix(u.Path, ".md"):
				file := path.Join(path.Dir(d.Page.File), u.Path)
				if strings.HasPrefix(u.Path, "/") {
					file = path.Join("content", u.Path)
				}
				target = byFile[file]
				if target == nil {
					errs.Addf(l.Pos, "der Link auf %q führt ins Leere: die Datei %s gibt es nicht (oder sie ist ein Entwurf). Prüfen Sie den Dateinamen; Pfade gelten relativ zu %s.", l.Dest, file, path.Dir(d.Page.File))
					continue
				}
			case strings.HasPrefix(u.Path, "/"):
				p := u.Path
				if !strings.HasSuffix(p, "/") {
					p += "/"
				}
				target = byURL[p]
				if target == nil {
					errs.Addf(l.Pos, "der Link auf %q führt ins Leere: keine Seite hat diese Adresse. Verlinken Sie am besten die Markdown-Datei, zum Beispiel (../leitlinien/praeambel.md).", l.Dest)
					continue
				}
			default:
				errs.Addf(l.Pos, "der Link %q zeigt auf keine Seite des Handbuchs. Verlinken Sie die Markdown-Datei der Seite, zum Beispiel (risikomanagement.md), oder eine vollständige Adresse mit https://.", l.Dest)
				continue
			}
			if u.Fragment != "" && !ids[target][u.Fragment] {
				errs.Addf(l.Pos, "der Link %q zeigt auf den Anker #%s, den es auf der Seite %s nicht gibt. Anker entstehen aus Überschriften, zum Beispiel „## Wer entscheidet?“ → #wer-entscheidet.", l.Dest, u.Fragment, target.Page.File)
				continue
			}
			l.Target = target.Page.URL
			switch {
			case u.Fragment != "" && target.Entry != nil:
				// The ids of a glossary entry carry its term's.
				l.Target += "#" + target.Entry.ID() + "--" + u.Fragment
			case u.Fragment != "":
				l.Target += "#" + u.Fragment
			}
		}
	}
	return external, errs.Err()
}

// resolveChapters finds the page of every {{< kapitel "name" >}}: the
// page whose file is content/name.md or content/name/_index.md, or else
// the one page whose file name (or folder, for a section) is name.
func resolveChapters(h *book.Handbook, docs []*markdown.Doc, errs *book.ErrorList) {
	byPath := map[string]*book.Page{}
	byName := map[string][]*book.Page{}
	var names []string
	for _, p := range h.Pages {
		if p.File == "" {
			continue // generated pages
		}
		rel := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(p.File, "content/"), ".md"), "/_index")
		if rel == "_index" {
			continue // the start page is no chapter
		}
		byPath[rel] = p
		base := path.Base(rel)
		if len(byName[base]) == 0 {
			names = append(names, base)
		}
		byName[base] = append(byName[base], p)
	}
	for _, d := range docs {
		for i, c := range d.Chapters {
			name := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(strings.TrimSpace(c.Name), "/"), ".md"), "/_index")
			p := byPath[name]
			if p == nil && len(byName[name]) == 1 {
				p = byName[name][0]
			}
			if p != nil {
				d.SetChapter(i, p)
				continue
			}
			usage := shortcode.All["kapitel"].Usage
			switch found := byName[name]; {
			case len(found) > 1:
				var files []string
				for _, f := range found {
					files = append(files, strings.TrimSuffix(strings.TrimPrefix(f.File, "content/"), ".md"))
				}
				errs.Addf(c.Pos, "kapitel: %q gibt es mehrmals (%s). Schreiben Sie den Pfad ab content/, zum Beispiel {{< kapitel %q >}}.", c.Name, strings.Join(files, ", "), files[0])
			default:
				hint := ""
				if s := closestName(name, names); s != "" {
					hint = fmt.Sprintf(" Meinten Sie %q?", s)
				}
				errs.Addf(c.Pos, "kapitel: ein Kapitel %q gibt es nicht.%s Schreiben Sie den Dateinamen der Seite ohne .md, zum Beispiel %s, oder den Pfad ab content/ (\"leitlinien/datenschutz\").", c.Name, hint, usage)
			}
		}
	}
}

// closestName returns the name at most a third of its letters (at least
// two) away from name, the closest first, or "".
func closestName(name string, names []string) string {
	best, bestD := "", len(name)/3
	if bestD < 2 {
		bestD = 2
	}
	found := false
	for _, n := range names {
		if d := levenshtein(name, n); d <= bestD && (!found || d < bestD) {
			best, bestD, found = n, d, true
		}
	}
	return best
}

// levenshtein is the edit distance of a and b in bytes.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
