package book

import (
	"fmt"
	"time"
)

// Config is the content of handbuch.toml.
type Config struct {
	Title string
	// Org is the [organisation] table: name, address, contacts. A plain
	// organisation = "…" sets only its name.
	Org          Organisation
	Language     string
	BaseURL      string
	Contact      string // e-mail address for feedback
	ReviewMonths int    // review interval of every page, default 24
	AllowHTML    bool   // render raw HTML in Markdown instead of escaping it
	TermLinks    string // which occurrences of a glossary term link to it: first (default), all, none
	Notice       string // a note shown on every page, e.g. that this is a model
	// ChapterNumbers is the section, a folder in content/ ("leitlinien"),
	// whose pages are numbered as chapters 1, 2, … in reading order; ""
	// numbers nothing.
	ChapterNumbers string
	ChecksOff      []string // rule ids of the checks to leave out
	Limits         Limits   // thresholds of the plain-language checks
	Colors         Colors
	// PublicDest is where handbuch build --public writes ([public] dest);
	// empty means the default, public-web.
	PublicDest string
	// Statement completes the accessibility statement ([statement]).
	Statement Statement
	// At is where handbuch.toml sets each key, by its full name
	// ("review_months", "organisation.aufsicht.phone").
	At map[string]Pos
}

// PosOf is where handbuch.toml sets key, or the file's start if it does
// not, for messages about the key's value.
func (c *Config) PosOf(key string) Pos {
	if p, ok := c.At[key]; ok {
		return p
	}
	return Pos{File: "handbuch.toml", Line: 1, Col: 1}
}

// Statement is what only the organisation can say in its accessibility
// statement. While one of LegalBasis, Reviewed and Enforcement is empty,
// the statement is a draft with a marked gap there: fine in the editors'
// area, refused by the public build.
type Statement struct {
	LegalBasis  string    // legal_basis: the laws that bind the organisation
	Reviewed    time.Time // reviewed: the last review by people, with a screen reader
	Findings    string    // findings: what that review found; may stay empty
	Enforcement string    // enforcement: the conciliation or enforcement body, with its contact
}

// StatementGap is a setting the statement still lacks.
type StatementGap struct {
	Key   string // under [statement]
	Label string // German, for messages: "die Rechtsgrundlage"
}

// Fill says how to fill the gap in: a German sentence without its full
// stop.
func (g StatementGap) Fill() string {
	return "Tragen Sie das in handbuch.toml unter [statement] bei " + g.Key + " ein"
}

// Gaps lists the settings of s still empty, in the statement's order.
func (s Statement) Gaps() []StatementGap {
	var out []StatementGap
	if s.LegalBasis == "" {
		out = append(out, StatementGap{"legal_basis", "die Rechtsgrundlage, zum Beispiel das Barrierefreiheitsgesetz Ihres Landes"})
	}
	if s.Reviewed.IsZero() {
		out = append(out, StatementGap{"reviewed", "das Datum der letzten Prüfung durch Menschen, auch mit Screenreader"})
	}
	if s.Enforcement == "" {
		out = append(out, StatementGap{"enforcement", "die für Sie zuständige Schlichtungs- oder Durchsetzungsstelle mit Kontakt"})
	}
	return out
}

// Colors are the theme colours that handbuch.toml may change. Every text
// colour must reach 7:1 against Background.
type Colors struct {
	Text       string
	Background string
	Link       string
	Accent     string // header band and focus ring
	Muted      string // secondary text such as the footer
}

// Status is the adoption state of a page.
type Status string

// The statuses a page can have.
const (
	StatusDraft      Status = "entwurf"
	StatusDiscussion Status = "diskussion"
	StatusAdopted    Status = "beschlossen"
	// StatusModel marks a page of a model handbook: a template an
	// organisation adapts and then adopts. It has no date of decision;
	// adopted_by names the bodies that are to decide.
	StatusModel Status = "muster"
)

// Kind says which layout renders a page.
type Kind string

// The kinds of content pages.
const (
	KindHome    Kind = "home"
	KindSection Kind = "section"
	KindPage    Kind = "page"
	// KindGlossary is the generated glossary page.
	KindGlossary Kind = "glossary"
	// KindChecklists lists the checklists; KindChecklist is one of them.
	KindChecklists Kind = "checklists"
	KindChecklist  Kind = "checklist"
)

// Page is one chapter, section or the start page.
type Page struct {
	Kind Kind
	File string // source path relative to the project root, e.g. content/leitlinien/praeambel.md
	URL  string // pretty URL from the site root, e.g. /leitlinien/praeambel/

	Title       string
	Weight      int
	Description string
	Draft       bool
	Status      Status
	Version     string
	Adopted     time.Time // zero when not given
	AdoptedBy   []string
	Reviewed    time.Time
	Owner       string
	Plain       bool
	Flyer       bool
	Audience    string
	LinkTerms   bool // link glossary terms in this page (front matter link_terms, default true)
	// Language is the page's language code (front matter language or
	// sprache, or the file name so-nutzen-wir-ki.en.md); "" is the
	// handbook's language.
	Language string
	// Notice is a note shown at the top of the page, in its language:
	// for a model translation, that a native speaker is to check it.
	Notice string

	// Original is, for a translation (so-nutzen-wir-ki.en.md), the page
	// it translates (so-nutzen-wir-ki.md); nil for any other page. A
	// translation is rendered and searched, but it is not among its
	// parent's Children: the navigation, the print view and the PDF of
	// the handbook show the original only.
	Original *Page
	// Translations are the translations of an original, by language code.
	Translations []*Page

	// Body is the Markdown after the front matter; BodyOffset is its byte
	// offset in Source, so AST positions map back to file:line:col.
	Source     []byte
	Body       []byte
	BodyOffset int
	Lines      Lines // of Source; nil counts lines on demand

	Parent   *Page
	Children []*Page // sections only, in order

	// Number is the page's chapter number (handbuch.toml chapter_numbers),
	// 0 when it has none.
	Number int

	// Checklist is the checklist a KindChecklist page shows.
	Checklist *Checklist
}

// The audiences a page is written for (front matter audience).
const (
	AudienceStaff   = "staff"   // staff of the organisation: the intranet
	AudienceClients = "clients" // clients and their families: the client area
	// AudienceAll marks a page for staff and clients alike, such as the
	// contacts: it belongs to the public build too.
	AudienceAll = "alle"
	// AudienceEditors marks a page for the editors: it sits in the
	// editors' area, reached from the footer, not from the navigation,
	// and never reaches a public build.
	AudienceEditors = "redaktion"
)

// Audiences maps every value front matter may give audience, German and
// English, to the audience it means.
var Audiences = map[string]string{
	"staff": AudienceStaff, "mitarbeitende": AudienceStaff,
	"clients": AudienceClients, "klienten": AudienceClients,
	"alle": AudienceAll, "everyone": AudienceAll,
	"redaktion": AudienceEditors, "editors": AudienceEditors,
}

// ForClients reports whether the page is written for clients: it gets
// the layout of the client area.
func (p *Page) ForClients() bool { return p.Audience == AudienceClients }

// ForEditors reports whether the page is for the editors only.
func (p *Page) ForEditors() bool { return p.Audience == AudienceEditors }

// Public reports whether the page belongs to a public build: pages for
// clients and pages for everyone.
func (p *Page) Public() bool { return p.Audience == AudienceClients || p.Audience == AudienceAll }

// BodyPos returns the source position of byte offset off in Body.
func (p *Page) BodyPos(off int) Pos { return p.SourcePos(p.BodyOffset + off) }

// SourcePos returns the source position of byte offset off in Source.
func (p *Page) SourcePos(off int) Pos {
	if p.Lines != nil {
		return p.Lines.PosAt(p.File, p.Source, off)
	}
	return PosAt(p.File, p.Source, off)
}

// NumberedTitle is the title as lists show it, with the chapter number
// in front: "6 Risikomanagement"; the title alone without a number.
func (p *Page) NumberedTitle() string {
	if p.Number == 0 {
		return p.Title
	}
	return fmt.Sprintf("%d %s", p.Number, p.Title)
}

// Heading is the title as the page's own heading shows it, on screen,
// in the print view and in the PDF: "Kapitel 6: Risikomanagement". A
// screen reader reads it as it stands.
func (p *Page) Heading() string {
	if p.Number == 0 {
		return p.Title
	}
	return fmt.Sprintf("Kapitel %d: %s", p.Number, p.Title)
}

// ChapterRef is how a cross-reference ({{< kapitel >}}) names the page:
// "Kapitel 6 „Risikomanagement“", or „Title“ without a number.
func (p *Page) ChapterRef() string {
	if p.Number == 0 {
		return "„" + p.Title + "“"
	}
	return fmt.Sprintf("Kapitel %d „%s“", p.Number, p.Title)
}

// Depth is 0 for the start page, 1 for top-level pages and so on.
func (p *Page) Depth() int {
	d := 0
	for q := p.Parent; q != nil; q = q.Parent {
		d++
	}
	return d
}

// Handbook is the whole loaded input.
type Handbook struct {
	Config Config
	Home   *Page
	// Pages lists every page in reading order: the start page first, then
	// depth first through the sections.
	Pages      []*Page
	Glossary   Glossary
	Checklists []*Checklist
	Register   []*AISystem
	Contacts   []*Contact
	// Today is the date the build checks dates against (overdue reviews
	// and ethics checks): SOURCE_DATE_EPOCH or the day of the build.
	Today time.Time
	// Warnings are problems that do not stop the build.
	Warnings []*Error
	// Logo is the organisation's logo (organisation.logo), read by the
	// link stage; nil without one.
	Logo *Image
}

// ExternalLink is a link to another site and where it is written.
type ExternalLink struct {
	URL string
	Pos Pos
}

// Limits are the thresholds of the plain-language checks ([checks] in
// handbuch.toml).
type Limits struct {
	SentenceWarn  int     // words per sentence before a warning
	SentenceError int     // words per sentence before an error
	LongShare     float64 // percent of sentences over SentenceError words a page may have
	FRE           float64 // lowest Flesch-Amstad reading ease
	WSTF1         float64 // highest Wiener Sachtextformel 1
	LIX           float64 // highest LIX
}

// Region is a part of a built page that was rendered from a source file
// (a chapter's Markdown, a glossary entry), so that the checks can report
// findings there at the source. Spans map the region's bytes back to the
// source; a Repeated region shows content that is checked on its own page
// (the print view) and is left out of the checks.
type Region struct {
	Start, End int
	Page       *Page // whose source the region was rendered from
	Spans      []Span
	Repeated   bool
}

// Span says that the output bytes [Start, End) of a region were rendered
// from the Markdown node at byte offset Off of the page's Source. Spans come
// in document order and nest like the nodes.
type Span struct {
	Start, End int
	Off        int
}

// PosOf returns the source position of the output byte at offset off
// inside the region: that of the innermost span around it.
func (r Region) PosOf(off int) (Pos, bool) {
	rel := off - r.Start
	// Spans are in document order: the last one that starts at or before
	// rel and still covers it is the innermost.
	for i := len(r.Spans) - 1; i >= 0; i-- {
		s := r.Spans[i]
		if s.Start <= rel && rel < s.End {
			return r.Page.SourcePos(s.Off), true
		}
	}
	return Pos{}, false
}

// Download is a file offered for download.
type Download struct {
	URL   string // site-absolute
	Size  int    // bytes
	Label string // what it is: "Als PDF herunterladen"
	// Lang is the language of Label when it is the page's, not the
	// handbook's: "en" for "Download as a flyer to print".
	Lang string
}
