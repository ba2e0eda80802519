package build

import (
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/link"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/site"
)

// PublicDest is the output folder of a public build (--public) unless
// --dest or [public] dest says otherwise. It is not public/, the folder
// of the intranet, so that a public build never replaces the intranet
// by surprise, nor the intranet the public site.
const PublicDest = "public-web"

// keepPublic reduces the linked book b to what a public build shows: the
// pages for clients and for everyone, under a start page of its own. A
// link from such a page to a page that stays behind (for staff, for the
// editors) is an error at its position: the public site would lead
// nowhere. So is a place the organisation has not filled in yet: its
// note is meant for the editors, never for the public.
func keepPublic(b *link.Book) error {
	var errs book.ErrorList
	kept := map[*book.Page]bool{b.Home: true}
	for _, p := range b.Pages {
		if p.Public() {
			kept[p] = true
		}
	}
	if len(kept) == 1 {
		errs.Addf(book.Pos{File: "content"}, `der öffentliche Build (--public) hat keine Seite: keine Seite hat audience = "clients" oder audience = "alle". Tragen Sie das im Front Matter der Seiten ein, die öffentlich sein sollen.`)
		return errs.Err()
	}
	var docs []*markdown.Doc
	var pages []*book.Page
	for _, d := range b.Docs {
		p := d.Page
		if !kept[p] {
			continue
		}
		pages, docs = append(pages, p), append(docs, d)
		if p.Kind == book.KindHome {
			continue // the public build writes a start page of its own
		}
		for _, l := range d.Links {
			if l.Term != nil {
				errs.Addf(l.Pos, "der Link auf den Begriff „%s“ führt im öffentlichen Build (--public) ins Leere: das Glossar ist nicht öffentlich. Schreiben Sie das Wort ohne {{< begriff >}} und erklären Sie es im Text.", l.Term.Term)
				continue
			}
			if l.Target == "" {
				continue
			}
			target, _, _ := strings.Cut(l.Target, "#")
			for _, q := range b.Pages {
				if q.URL == target && !kept[q] {
					errs.Addf(l.Pos, "der Link auf %q führt im öffentlichen Build (--public) ins Leere: %s ist nicht öffentlich (%s). Nehmen Sie den Link heraus, oder geben Sie der Seite %s audience = \"clients\" oder \"alle\", wenn sie öffentlich sein darf.", l.Dest, q.File, audienceWords(q), q.File)
					break
				}
			}
		}
		for _, sc := range d.Shortcodes {
			if s, ok := shortcode.Lookup(sc.Name); ok && s.Slot != nil {
				if what, fill := s.Slot(b.Handbook, sc.Args); what != "" {
					errs.Addf(d.ShortcodePos(sc), "die Seite ist öffentlich, hat hier aber noch eine offene Stelle: „%s“. Im öffentlichen Build (--public) stünde dort für alle „Noch offen“. %s.", what, fill)
				}
			}
		}
		if p.Flyer {
			for _, key := range []string{"name", "phone", "email", "website"} {
				if b.Config.Org.Value(key) == "" {
					f, _ := book.LookupOrgField(key)
					errs.Addf(b.Config.PosOf("organisation."+key), "das Faltblatt von %s druckt die Angabe „%s“, sie fehlt aber noch. Tragen Sie sie vor dem öffentlichen Build (--public) in handbuch.toml unter %s bei %s ein.", p.File, f.Label, f.Table(), f.TOMLKey())
				}
			}
		}
	}
	// The accessibility statement is public too: it must not be a draft.
	for _, g := range site.StatementGaps(b.Handbook) {
		errs.Addf(g.Pos, "die Erklärung zur Barrierefreiheit ist öffentlich, ihr fehlt aber noch %s. %s, bevor Sie öffentlich bauen (--public).", g.What, g.Fill)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	for _, p := range pages {
		var kids []*book.Page
		for _, c := range p.Children {
			if kept[c] {
				kids = append(kids, c)
			}
		}
		p.Children = kids
	}
	b.Pages, b.Docs = pages, docs
	b.UsedIn = map[*book.Term][]*book.Page{}
	return nil
}

// audienceWords names the audience of a page that is not public.
func audienceWords(p *book.Page) string {
	switch p.Audience {
	case book.AudienceEditors:
		return `audience = "redaktion": nur für die Redaktion`
	case "", book.AudienceStaff:
		return "eine Seite für Mitarbeitende"
	}
	return "audience = \"" + p.Audience + "\""
}
