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

	Pos Pos // of the term key, for messages
	// Source is the file; TextOffset is where the text value starts in
	// it, so positions inside the explanation map back to the file.
	Source        []byte
	TextOffset    int
	ShortOffset   int
	ExampleOffset int
}

// ID is the anchor of the entry on the glossary page.
func (t *Term) ID() string { return Slug(t.Name) }

// Glossary is the list of terms, sorted as on the glossary page.
type Glossary []*Term
