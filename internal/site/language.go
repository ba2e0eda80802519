package site

import (
	"html/template"

	"github.com/handbuch/handbuch/internal/book"
)

// Version is one language version of a page, for the language switch
// and the <link rel="alternate" hreflang> of every version.
type Version struct {
	Code    string // lang and hreflang
	Name    string // the language's name in itself: English, العربية
	Dir     string // "rtl" or ""
	Href    string
	Current bool
}

// setLanguage fills in the language of page p's data: its lang and dir,
// the versions of a translated page, and the attributes that mark the
// German layout around a page in another language.
func (s *site) setLanguage(d *PageData, p *book.Page) {
	siteLang := s.h.Config.Language
	d.Lang = p.Lang(siteLang)
	l, _ := book.LookupLanguage(d.Lang)
	if l.RTL {
		d.Dir = "rtl"
	}
	// The words of the layout inside the page: in its language where
	// they are translated, else German, marked as such below.
	d.Words = book.Languages["de"]
	d.WordsLang = ""
	if book.Primary(d.Lang) != book.Primary(siteLang) {
		// The layout's own texts (navigation, skip link, footer) stay
		// in the handbook's language, and say so.
		attr := ` lang="` + template.HTMLEscapeString(siteLang) + `"`
		if l.RTL {
			attr += ` dir="ltr"`
		}
		d.LayoutLang = template.HTMLAttr(attr)
		own := ` lang="` + template.HTMLEscapeString(d.Lang) + `"`
		if l.RTL {
			own += ` dir="rtl"`
		}
		d.ContentLang = template.HTMLAttr(own)
		d.SwitchLabel = l.Switch
		d.WordsLang = d.LayoutLang
		if l.OnThisPage != "" {
			d.Words, d.WordsLang = l, ""
		}
	}
	orig := p
	if p.Original != nil {
		orig = p.Original
	}
	if len(orig.Translations) == 0 {
		return
	}
	for _, q := range append([]*book.Page{orig}, orig.Translations...) {
		code := q.Lang(siteLang)
		ql, _ := book.LookupLanguage(code)
		v := Version{Code: code, Name: ql.Name, Href: relURL(p.URL, q.URL), Current: q == p}
		if ql.RTL {
			v.Dir = "rtl"
		}
		d.Versions = append(d.Versions, v)
	}
	if d.SwitchLabel == "" {
		d.SwitchLabel = l.Switch
	}
}
