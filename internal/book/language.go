package book

import (
	"slices"
	"strings"
)

// Language is a language a page may be written in.
type Language struct {
	Code string // ISO 639-1, as in lang="…"
	Name string // the language's name in itself, for the language switch
	RTL  bool   // written from right to left
	// PDF says the fonts of the PDFs draw its letters: Latin and Arabic
	// (Noto Sans Arabic), not yet Cyrillic.
	PDF bool
	// Switch names the language switch, in the language: "Sprache".
	Switch string
}

// Languages are the languages a page may be written in, by code. Clients
// of care and counselling services often read German poorly; these are
// the languages most of them read.
var Languages = map[string]Language{
	"de": {Code: "de", Name: "Deutsch", PDF: true, Switch: "Sprache"},
	"en": {Code: "en", Name: "English", PDF: true, Switch: "Language"},
	"tr": {Code: "tr", Name: "Türkçe", PDF: true, Switch: "Dil"},
	"uk": {Code: "uk", Name: "Українська", Switch: "Мова"},
	"ru": {Code: "ru", Name: "Русский", Switch: "Язык"},
	"ar": {Code: "ar", Name: "العربية", RTL: true, PDF: true, Switch: "اللغة"},
}

// LanguageCodes returns the codes of Languages, sorted.
func LanguageCodes() []string {
	codes := make([]string, 0, len(Languages))
	for c := range Languages {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// LookupLanguage finds the language of a code such as "de" or "de-DE"
// by its primary subtag.
func LookupLanguage(code string) (Language, bool) {
	primary, _, _ := strings.Cut(strings.ToLower(code), "-")
	l, ok := Languages[primary]
	return l, ok
}

// Lang is the language of the page: its own (front matter language or
// the file name), else site, the handbook's.
func (p *Page) Lang(site string) string {
	if p.Language != "" {
		return p.Language
	}
	return site
}

// Foreign reports whether the page is written in another language than
// site, the handbook's: the glossary, which explains German words in
// German, links and lists none of its words.
func (p *Page) Foreign(site string) bool {
	a, _, _ := strings.Cut(strings.ToLower(p.Lang(site)), "-")
	b, _, _ := strings.Cut(strings.ToLower(site), "-")
	return a != b
}

// IsTranslation reports whether the page translates another page.
func (p *Page) IsTranslation() bool { return p.Original != nil }
