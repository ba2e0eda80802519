package book

// GlossaryURL is the address of the generated glossary page.
const GlossaryURL = "/glossar/"

// Term is one glossary entry, read from glossary/<Name>.toml.
type Term struct {
	Name    string // file name without .toml; the entry's anchor is its slug
	File    string // glossary/<Name>.toml
	Term    string
	Abbr    string
	Forms   []string
	Short   string // one sentence in Einfache Sprache, at most 15 words
	Text    string // Markdown in Einfache Sprache
	Example string
	SeeAlso []*Term
	// Translations are the term in other languages, by language code:
	// pages in that language link it through them.
	Translations map[string]*TermTranslation

	Pos Pos // of the term key, for messages
	// Source is the file; TextOffset is where the text value starts in
	// it, so positions inside the explanation map back to the file.
	Source        []byte
	TextOffset    int
	ShortOffset   int
	ExampleOffset int
}

// TermTranslation is a glossary term as written in another language
// than the handbook's, from [translations.<code>] of its file: what
// pages in that language link, and the short text their pop-up shows.
// The full entry stays the one in the handbook's language.
type TermTranslation struct {
	Lang  string // the language code, a key of Languages
	Term  string
	Abbr  string
	Forms []string
	Short string // one sentence in plain language, at most 15 words
	Pos   Pos    // of the [translations.<code>] table, for messages
}

// In returns the term in language lang ("en", "ar"), or nil when its
// file gives none.
func (t *Term) In(lang string) *TermTranslation { return t.Translations[lang] }

// ID is the anchor of the entry on the glossary page.
func (t *Term) ID() string { return Slug(t.Name) }

// Glossary is the list of terms, sorted as on the glossary page.
type Glossary []*Term
