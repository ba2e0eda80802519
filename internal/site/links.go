package site

import (
	"net/url"
	"path"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
)

// Link resolves every link and image of every page. Editors link to the
// Markdown file of another page ("risikomanagement.md",
// "../vorgehen.md#schritt-1"), as in mdBook, so links work in any editor and
// survive a change of the URL scheme; links to a page URL ("/leitlinien/")
// work too. A link to nothing is an error with its position. Resolved
// links get Target; external links are left alone.
func Link(docs []*markdown.Doc) error {
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
	for _, d := range docs {
		for i := range d.Links {
			l := &d.Links[i]
			if l.Term != nil {
				continue // glossary links know their target
			}
			if l.Image {
				errs.Addf(l.Pos, "Bilder werden in dieser Version noch nicht unterstützt: %q. Entfernen Sie das Bild oder beschreiben Sie es im Text.", l.Dest)
				continue
			}
			u, err := url.Parse(l.Dest)
			if err != nil {
				errs.Addf(l.Pos, "der Link %q ist keine gültige Adresse: %v", l.Dest, err)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				switch u.Scheme {
				case "http", "https", "mailto", "tel":
				default:
					errs.Addf(l.Pos, "der Link %q verwendet das Schema %q. Erlaubt sind http, https, mailto und tel.", l.Dest, u.Scheme)
				}
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
			if u.Fragment != "" {
				l.Target += "#" + u.Fragment
			}
		}
	}
	return errs.Err()
}

// relURL returns the relative URL from the page at from (a site-absolute
// directory URL such as /a/b/) to the site-absolute to.
func relURL(from, to string) string {
	frag := ""
	if i := strings.IndexByte(to, '#'); i >= 0 {
		to, frag = to[:i], to[i:]
	}
	if to == from && frag != "" {
		return frag
	}
	f := strings.Split(strings.Trim(from, "/"), "/")
	t := strings.Split(strings.TrimPrefix(to, "/"), "/")
	if f[0] == "" {
		f = nil
	}
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	rel := strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/")
	if rel == "" {
		rel = "./"
	}
	return rel + frag
}
