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
	// German is the language's name in German, for messages: "Englisch".
	German string
	// Switch names the language switch, in the language: "Sprache".
	Switch string
	// Explain is the label of a glossary term's pop-up button, before
	// the term, in the language: "Kurz erklärt".
	Explain string
	// Glossary says, in the language, where a glossary term on a page
	// in it leads: to the entry in the glossary, which is written in
	// the handbook's language (German). Screen readers read it with the
	// link; "" for German.
	Glossary string
	// OnThisPage heads a page's table of contents; Model and ModelText
	// are the note on a page of a model handbook (status = "muster").
	// Where they are "", a page in the language shows the German ones,
	// marked lang="de".
	OnThisPage, Model, ModelText string
	// Flyer offers the PDF of a flyer (flyer = true) for download.
	Flyer string
}

// Languages are the languages a page may be written in, by code. Clients
// of care and counselling services often read German poorly; these are
// the languages most of them read.
//
// Their words for the glossary (Explain, Glossary) and the layout
// (OnThisPage, Model, ModelText, Flyer) other than German and English are model
// translations that a native speaker checks.
var Languages = map[string]Language{
	"de": {Code: "de", German: "Deutsch", Name: "Deutsch", PDF: true, Switch: "Sprache",
		Explain: "Kurz erklärt", OnThisPage: "Auf dieser Seite",
		Model: "Muster", ModelText: "Dieser Text ist eine Vorlage. Er gilt erst, wenn die Organisation ihn angepasst und beschlossen hat.",
		Flyer: "Als Faltblatt zum Ausdrucken herunterladen"},
	"en": {Code: "en", German: "Englisch", Name: "English", PDF: true, Switch: "Language",
		Explain: "Short explanation", Glossary: "glossary in German", OnThisPage: "On this page",
		Model: "Model", ModelText: "This text is a template. It applies only once the organisation has adapted and adopted it.",
		Flyer: "Download as a flyer to print"},
	"tr": {Code: "tr", German: "Türkisch", Name: "Türkçe", PDF: true, Switch: "Dil",
		Explain: "Kısa açıklama", Glossary: "Almanca sözlük"},
	"uk": {Code: "uk", German: "Ukrainisch", Name: "Українська", Switch: "Мова",
		Explain: "Коротко", Glossary: "словник німецькою мовою"},
	"ru": {Code: "ru", German: "Russisch", Name: "Русский", Switch: "Язык",
		Explain: "Коротко", Glossary: "словарь на немецком языке"},
	"ar": {Code: "ar", German: "Arabisch", Name: "العربية", RTL: true, PDF: true, Switch: "اللغة",
		Explain: "شرح قصير", Glossary: "قاموس المصطلحات باللغة الألمانية", OnThisPage: "في هذه الصفحة",
		Model: "نموذج", ModelText: "هذا النص نموذج. لا يسري إلا بعد أن تعدّله المؤسسة وتعتمده.",
		Flyer: "تنزيل المطوية للطباعة"},
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
	l, ok := Languages[Primary(code)]
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
	return Primary(p.Lang(site)) != Primary(site)
}

// Primary is the primary subtag of a language tag, in lower case: "de"
// for "de-DE", a key of Languages for a language handbuch knows.
func Primary(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return p
}

// IsTranslation reports whether the page translates another page.
func (p *Page) IsTranslation() bool { return p.Original != nil }
