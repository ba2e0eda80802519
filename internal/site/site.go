package site

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
)

// ReservedIDs are the ids the default layouts use. Headings never get
// them, so a chapter heading "Inhalt" cannot break the skip link.
var ReservedIDs = []string{"hb-inhalt", "hb-toc-titel", "hb-fuss", "hb-seiten", "hb-druck-inhalt", "hb-suche-begriff"}

// File is one output file, its path relative to the output folder.
type File struct {
	Path string
	Data []byte
	// Regions are the parts of a page rendered from source files, for
	// the checks to report findings at the source.
	Regions []book.Region
}

// source is rendered content waiting to be found in its page.
type source struct {
	html     []byte
	annotate func() []byte
	file     string
}

// annotator renders a parsed page with source positions when asked.
func annotator(d *markdown.Doc) func() []byte {
	return func() []byte {
		b, _ := d.RenderAnnotated()
		return b
	}
}

// regions finds each rendered part in the page, in order.
func regions(page []byte, parts []source) []book.Region {
	var out []book.Region
	from := 0
	for _, p := range parts {
		if len(p.html) == 0 {
			continue
		}
		i := bytes.Index(page[from:], p.html)
		if i < 0 {
			continue
		}
		start := from + i
		out = append(out, book.Region{Start: start, End: start + len(p.html), Source: p.file, Annotate: p.annotate})
		from = start + len(p.html)
	}
	return out
}

// Render renders every page, the glossary, the search page with its
// index, the print view, the 404 page and the assets. The docs must be linked (see Link) and in the order of
// h.Pages; entries holds the explanation of every glossary term, in the
// order of h.Glossary.
//
// emit, if not nil, gets every file as soon as it is made, so that the
// checks can run beside the renderer.
func Render(h *book.Handbook, docs, entries []*markdown.Doc, layouts *Layouts, emit func(File)) ([]File, error) {
	return RenderReusing(h, docs, entries, layouts, emit, nil)
}

// RenderReusing is Render for a preview that keeps the pages of its last
// build: a page for which reuse returns a file is not rendered again, and
// not emitted. The glossary and 404 pages are always made; the search and
// the print view, which gather from every page and take long, are left
// out: the preview makes them with Render when they are asked for.
func RenderReusing(h *book.Handbook, docs, entries []*markdown.Doc, layouts *Layouts, emit func(File), reuse func(*book.Page) (File, bool)) ([]File, error) {
	tpls, err := layouts.templates("home.html", "section.html", "page.html", "glossary.html", "checklist.html", "suche.html", "print.html", "404.html")
	if err != nil {
		return nil, err
	}
	s := newSite(h)
	for _, p := range h.Pages {
		if p.URL == SearchURL {
			return nil, book.Errorf(book.Pos{File: p.File}, "die Adresse %s ist für die Suche reserviert. Geben Sie der Seite einen anderen Dateinamen.", SearchURL)
		}
	}
	tl := tools{s: s, tpl: tpls["page.html"]}
	s.usedIn = map[*book.Term][]*book.Page{}
	for _, d := range docs {
		for _, t := range d.Terms {
			s.usedIn[t] = append(s.usedIn[t], d.Page)
		}
	}
	var files []File
	exec := func(name, out string, data *PageData, parts ...source) error {
		var buf bytes.Buffer
		if err := tpls[name].Execute(&buf, data); err != nil {
			return book.Errorf(book.Pos{File: "layouts/" + name}, "Fehler beim Ausführen des Layouts: %v", err)
		}
		f := File{Path: out, Data: buf.Bytes(), Regions: regions(buf.Bytes(), parts)}
		files = append(files, f)
		if emit != nil {
			emit(f)
		}
		return nil
	}

	// The start page comes last: it links the PDF of the whole handbook,
	// which may still be in the making.
	order := make([]int, 0, len(docs))
	for i := 1; i < len(docs); i++ {
		order = append(order, i)
	}
	if len(docs) > 0 {
		order = append(order, 0)
	}
	for _, i := range order {
		d := docs[i]
		p := d.Page
		if p == s.h.Home && s.h.HandbookPDF != nil {
			s.h.HandbookPDF()
		}
		if reuse != nil && p.Kind != book.KindGlossary {
			if f, ok := reuse(p); ok {
				files = append(files, f)
				continue
			}
		}
		for _, l := range d.Links {
			if l.Target != "" {
				l.SetDest(relURL(p.URL, l.Target))
			}
		}
		from := func(target string) string { return relURL(p.URL, target) }
		if err := tl.render(d, "", from); err != nil {
			return nil, err
		}
		html, err := d.Render()
		if err != nil {
			return nil, err
		}
		parts := []source{{html, annotator(d), p.File}}
		data := s.pageData(p, template.HTML(html))
		data.TOC = toc(d.Headings)
		data.Terms = s.termList(d.Terms, p.URL)
		data.HasForm = hasForm(d)
		if i > 0 {
			data.Prev = s.crumb(docs[i-1].Page, p.URL)
		}
		if i+1 < len(docs) {
			data.Next = s.crumb(docs[i+1].Page, p.URL)
		}
		layout := "page.html"
		switch p.Kind {
		case book.KindHome:
			layout = "home.html"
		case book.KindSection:
			layout = "section.html"
			for _, c := range p.Children {
				data.Children = append(data.Children, s.crumb(c, p.URL))
			}
		case book.KindChecklists:
			layout = "section.html"
			for _, c := range p.Children {
				data.Children = append(data.Children, s.crumb(c, p.URL))
			}
		case book.KindChecklist:
			layout = "checklist.html"
			html, err := tl.exec("checkliste", &ShortcodeData{ID: "liste", Label: p.Checklist.Name, Checklist: tl.checklist(p.Checklist, "liste", from)})
			if err != nil {
				return nil, err
			}
			data.Content = template.HTML(html)
		case book.KindGlossary:
			layout = "glossary.html"
			if data.Glossary, err = s.glossary(entries, 2, ""); err != nil {
				return nil, err
			}
			for i, e := range entries {
				parts = append(parts, source{[]byte(data.Glossary.texts[i]), annotator(e), s.h.Glossary[i].File})
			}
		}
		if err := exec(layout, strings.TrimPrefix(p.URL, "/")+"index.html", data, parts...); err != nil {
			return nil, err
		}
	}

	// A preview leaves out the pages that gather from every page. The
	// print view changes the trees the handbook PDF is made from.
	if reuse == nil {
		if s.h.HandbookPDF != nil {
			s.h.HandbookPDF()
		}
		if err := s.gathered(docs, entries, tl, exec, emit, &files); err != nil {
			return nil, err
		}
	}

	notFound := s.pageData(&book.Page{Title: "Seite nicht gefunden", URL: "/404/"}, "")
	notFound.root = s.basePath
	notFound.Nav = s.nav(notFound)
	if err := exec("404.html", "404.html", notFound); err != nil {
		return nil, err
	}

	assets, err := s.assets(layouts)
	if err != nil {
		return nil, err
	}
	for _, f := range assets {
		if emit != nil {
			emit(f)
		}
	}
	return append(files, assets...), nil
}

// site holds what every page shares.
type site struct {
	h        *book.Handbook
	usedIn   map[*book.Term][]*book.Page
	titles   map[*book.Page]string
	basePath string // path of base_url, e.g. /ki-leitlinien/
}

// PrintURL is the address of the print view.
const PrintURL = "/druck/"

// Gathered are the addresses under which a build puts what gathers from
// every page: the PDFs, the search, the print view and the report pages.
// A preview leaves them out until they are asked for.
var Gathered = []string{"/pdf/", SearchURL, PrintURL, ReportURL, StatementURL}

// gathered renders the search (page and index) and the print view,
// which gather from every page.
func (s *site) gathered(docs, entries []*markdown.Doc, tl tools, exec func(string, string, *PageData, ...source) error, emit func(File), files *[]File) error {
	// The search index reads the trees before the print view changes them.
	index, searchData := s.searchPage(docs, entries)
	indexFile := File{Path: strings.TrimPrefix(SearchIndex, "/"), Data: index.JS()}
	*files = append(*files, indexFile)
	if emit != nil {
		emit(indexFile)
	}
	searchPage := s.pageData(&book.Page{
		Title:       "Suche",
		URL:         SearchURL,
		Description: "Das Handbuch durchsuchen, oder alle Überschriften und Begriffe von A bis Z.",
		Parent:      s.h.Home,
	}, "")
	searchPage.Search = searchData
	if err := exec("suche.html", strings.TrimPrefix(SearchURL, "/")+"index.html", searchPage); err != nil {
		return err
	}

	print, err := s.printData(docs, entries, tl)
	if err != nil {
		return err
	}
	var printParts []source
	for _, sec := range print.Sections {
		printParts = append(printParts, source{html: []byte(sec.Content)})
		if sec.Glossary != nil {
			for _, t := range sec.Glossary.texts {
				printParts = append(printParts, source{html: []byte(t)})
			}
		}
	}
	if err := exec("print.html", "druck/index.html", print, printParts...); err != nil {
		return err
	}
	return nil
}

func newSite(h *book.Handbook) *site {
	s := &site{h: h, titles: map[*book.Page]string{}, basePath: "/"}
	if u, err := url.Parse(h.Config.BaseURL); err == nil && u.Path != "" {
		s.basePath = u.Path
	}
	// Window titles must be unique (WCAG 2.4.2): a title that two pages
	// share gets the section it is in.
	count := map[string]int{}
	for _, p := range h.Pages {
		count[p.Title]++
	}
	for _, p := range h.Pages {
		t := p.Title
		if count[t] > 1 && p.Parent != nil {
			t += " – " + p.Parent.Title
		}
		if p.Kind == book.KindHome {
			s.titles[p] = h.Config.Title
		} else {
			s.titles[p] = t + " – " + h.Config.Title
		}
	}
	return s
}

// PageData is what a layout sees.
type PageData struct {
	Site     SiteData
	Page     *book.Page
	Title    string // the window title
	Content  template.HTML
	TOC      []TOCEntry
	Nav      []*NavItem
	Crumbs   []Crumb
	Prev     *Crumb
	Next     *Crumb
	Children []*Crumb      // sections: the pages in them
	Terms    []TermShort   // glossary terms used on the page
	Glossary *GlossaryData // the glossary page only
	HasForm  bool          // the page has fields to fill in
	Download *DownloadLink // the page's PDF
	Report   *ReportData   // the report pages only
	Search   *SearchData   // the search page only
	// FooterContacts are the contacts shown in every footer.
	FooterContacts []*book.Contact
	Footer         Footer
	Sections       []PrintSection // print view only

	url  string
	root string // set on the 404 page, which is served at any depth
}

// Rel returns the URL of the site-absolute target relative to this page,
// so the site works under any base path and from a folder.
func (d *PageData) Rel(target string) string {
	if d.root != "" {
		return d.root + strings.TrimPrefix(target, "/")
	}
	return relURL(d.url, target)
}

// SiteData is the handbook-wide part of PageData.
type SiteData struct {
	Title        string
	Organisation string
	Language     string
	Notice       string
	Contact      string
}

// DownloadLink offers a PDF.
type DownloadLink struct {
	Href  string
	Label string
	Size  string // "350 KB"
}

// Crumb is a link to a page.
type Crumb struct {
	Title       string
	Description string
	Href        string
	Current     bool
}

// NavItem is an entry of the side navigation.
type NavItem struct {
	Crumb
	Children []*NavItem
}

// TOCEntry is an entry of "Auf dieser Seite".
type TOCEntry struct {
	ID       string
	Text     string
	Children []TOCEntry
}

// Footer holds the page's status and review facts, already in German.
type Footer struct {
	Status      string
	Version     string
	Adoption    string // "Beschlossen am 15. September 2026 von Vorstand und MAV"
	Reviewed    string
	NextReview  string
	Owner       string
	FeedbackURL string // mailto: with the page title as subject
}

// PrintSection is one page inside the print view.
type PrintSection struct {
	ID       string
	Level    int // of the page title; 0 for the start page, which has none
	SubLevel int // of headings below the title
	Title    string
	Content  template.HTML
	Footer   Footer
	Terms    []TermShort
	Glossary *GlossaryData
}

// TermShort is a term with its short explanation.
type TermShort struct {
	Term  string
	Short string
	Href  string
}

// GlossaryData is the glossary page: a letter index and the entries
// grouped by letter.
type GlossaryData struct {
	Level   int // heading level of the letters; entries are one below
	Letters []Letter
	Groups  []*LetterGroup
	texts   []template.HTML // the rendered explanations, in glossary order
}

// Letter is one letter of the index; ID is empty when no term starts
// with it.
type Letter struct {
	Letter string
	ID     string
	None   string // said of a letter no entry starts with: "Kein Wort mit"
}

// LetterGroup holds the entries of one letter.
type LetterGroup struct {
	Letter  string
	ID      string
	Entries []*Entry
}

// Entry is one glossary entry.
type Entry struct {
	ID      string
	Title   string // term, with its abbreviation
	Short   string
	Text    template.HTML
	Example string
	SeeAlso []*Crumb
	UsedIn  []*Crumb
}

func (s *site) pageData(p *book.Page, content template.HTML) *PageData {
	c := s.h.Config
	d := &PageData{
		Site:    SiteData{Title: c.Title, Organisation: c.Organisation, Language: c.Language, Notice: c.Notice, Contact: c.Contact},
		Page:    p,
		Title:   s.titles[p],
		Content: content,
		url:     p.URL,
		Footer:  s.footer(p),
	}
	if d.Title == "" {
		d.Title = p.Title + " – " + c.Title
	}
	d.Nav = s.nav(d)
	if dl, ok := s.h.Downloads[p.URL]; ok {
		d.Download = &DownloadLink{Href: d.Rel(dl.URL), Label: dl.Label}
		if dl.Size > 0 { // the preview makes PDFs only when asked for
			d.Download.Size = fmt.Sprintf("%d KB", (dl.Size+1023)/1024)
		}
	}
	for _, c := range s.h.Contacts {
		if c.Footer {
			d.FooterContacts = append(d.FooterContacts, c)
		}
	}
	for q := p.Parent; q != nil; q = q.Parent {
		c := s.crumb(q, p.URL)
		if q.Kind == book.KindHome {
			c.Title = "Startseite"
		}
		d.Crumbs = append([]Crumb{*c}, d.Crumbs...)
	}
	return d
}

func (s *site) crumb(p *book.Page, from string) *Crumb {
	return &Crumb{Title: p.Title, Description: p.Description, Href: relURL(from, p.URL), Current: p.URL == from}
}

// nav builds the side navigation for the page d: every chapter, with the
// current one marked.
func (s *site) nav(d *PageData) []*NavItem {
	// A small handbook shows every page in the navigation. A large one
	// shows the sections and opens only the way to the current page:
	// a thousand links on every page help nobody, least of all with a
	// screen reader, and would make the build quadratic.
	full := len(s.h.Pages) <= fullNavPages
	var build func(p *book.Page) *NavItem
	build = func(p *book.Page) *NavItem {
		it := &NavItem{Crumb: Crumb{Title: p.Title, Href: d.Rel(p.URL), Current: p.URL == d.url}}
		if full || strings.HasPrefix(d.url, p.URL) {
			for _, c := range p.Children {
				it.Children = append(it.Children, build(c))
			}
		}
		return it
	}
	home := build(s.h.Home)
	home.Children = nil
	home.Title = "Startseite"
	items := []*NavItem{home}
	tops := s.h.Home.Children
	if len(tops) <= navTops {
		for _, c := range tops {
			items = append(items, build(c))
		}
		return items
	}
	// Very many chapters: the one the page is in, and the way to all
	// pages from A to Z. Every page stays two links from any other.
	for _, c := range tops {
		if strings.HasPrefix(d.url, c.URL) {
			items = append(items, build(c))
		}
	}
	return append(items, &NavItem{Crumb: Crumb{Title: "Alle Seiten von A bis Z", Href: d.Rel(SearchURL)}})
}

// fullNavPages is the size up to which the navigation lists every page;
// navTops the number of chapters up to which it lists every chapter.
const (
	fullNavPages = 150
	navTops      = 40
)

// toc lists the h2 and h3 headings when a page has at least three h2.
func toc(hs []markdown.Heading) []TOCEntry {
	var out []TOCEntry
	for _, h := range hs {
		switch {
		case h.Level == 2:
			out = append(out, TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3 && len(out) > 0:
			last := &out[len(out)-1]
			last.Children = append(last.Children, TOCEntry{ID: h.ID, Text: h.Text})
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

var statusText = map[book.Status]string{
	book.StatusDraft:      "Entwurf",
	book.StatusDiscussion: "In Diskussion",
	book.StatusAdopted:    "Beschlossen",
}

func (s *site) footer(p *book.Page) Footer {
	f := Footer{Status: statusText[p.Status], Version: p.Version, Owner: p.Owner}
	if !p.Adopted.IsZero() {
		f.Adoption = "Beschlossen am " + GermanDate(p.Adopted)
		if len(p.AdoptedBy) > 0 {
			f.Adoption += " von " + germanList(p.AdoptedBy)
		}
	}
	last := p.Reviewed
	if !last.IsZero() {
		f.Reviewed = GermanDate(last)
	} else {
		last = p.Adopted
	}
	if !last.IsZero() {
		next := last.AddDate(0, s.h.Config.ReviewMonths, 0)
		f.NextReview = book.Month(next) + " " + fmt.Sprint(next.Year())
	}
	if c := s.h.Config.Contact; c != "" && p.Title != "" {
		subject := "Feedback: " + p.Title
		f.FeedbackURL = "mailto:" + c + "?subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
	}
	return f
}

// GermanDate formats t as "15. September 2026".
func GermanDate(t time.Time) string { return book.Date(t) }

func germanList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " und " + items[len(items)-1]
}

// printData renders the single-page print view: every page once, ids
// prefixed with the page's anchor, headings moved below the page title,
// links to other pages turned into links to their section.
func (s *site) printData(docs, entries []*markdown.Doc, tl tools) (*PageData, error) {
	p := &book.Page{Title: "Druckansicht", URL: PrintURL}
	d := s.pageData(p, "")
	d.Title = "Druckansicht – " + s.h.Config.Title
	anchors := map[string]string{}
	for _, doc := range docs {
		anchors[doc.Page.URL] = book.Anchor(doc.Page.URL)
	}
	for _, doc := range docs {
		pg := doc.Page
		a := anchors[pg.URL]
		level := 1 + pg.Depth()
		shift := pg.Depth()
		if pg.Kind == book.KindHome {
			level, shift = 0, 0
		}
		doc.Rebase(a+"--", shift, func(l markdown.Link) string { return printLink(anchors, l) })
		href := func(target string) string { return printHref(anchors, target) }
		if err := tl.render(doc, a+"--", href); err != nil {
			return nil, err
		}
		html, err := doc.Render()
		if err != nil {
			return nil, err
		}
		if pg.Kind == book.KindChecklist {
			html, err = tl.exec("checkliste", &ShortcodeData{ID: a + "--liste", Label: pg.Checklist.Name, Checklist: tl.checklist(pg.Checklist, a+"--liste", href)})
			if err != nil {
				return nil, err
			}
		}
		sec := PrintSection{ID: a, Level: level, SubLevel: max(level, 1) + 1, Title: pg.Title, Content: template.HTML(html), Footer: s.footer(pg)}
		for _, t := range doc.Terms {
			sec.Terms = append(sec.Terms, TermShort{Term: t.Term, Short: t.Short, Href: "#" + anchors[markdown.GlossaryURL] + "--" + t.ID()})
		}
		if pg.Kind == book.KindGlossary {
			for i, e := range entries {
				e.Rebase(a+"--"+s.h.Glossary[i].ID()+"--", level, func(l markdown.Link) string { return printLink(anchors, l) })
			}
			if sec.Glossary, err = s.glossary(entries, level+1, a+"--"); err != nil {
				return nil, err
			}
		}
		d.Sections = append(d.Sections, sec)
	}
	return d, nil
}

// printLink is where a link points inside the print view: to the section
// of its target page, else (a page not in the print view) to the page.
func printLink(anchors map[string]string, l markdown.Link) string {
	if l.Target == "" {
		return l.Dest
	}
	return printHref(anchors, l.Target)
}

// printHref maps a site-absolute URL to its place in the print view.
func printHref(anchors map[string]string, url string) string {
	target, frag, _ := strings.Cut(url, "#")
	a, ok := anchors[target]
	switch {
	case !ok:
		return relURL(PrintURL, url)
	case frag != "":
		return "#" + a + "--" + frag
	}
	return "#" + a
}

// termList lists the terms a page uses, linked to their entries.
func (s *site) termList(terms []*book.Term, from string) []TermShort {
	var out []TermShort
	for _, t := range terms {
		out = append(out, TermShort{Term: t.Term, Short: t.Short, Href: relURL(from, markdown.GlossaryURL+"#"+t.ID())})
	}
	return out
}

// glossary renders the entries for the glossary page (prefix "") or the
// print view (prefix: the glossary's anchor there). Their texts must be
// rendered with links relative to the glossary page or rebased for print.
func (s *site) glossary(entries []*markdown.Doc, level int, prefix string) (*GlossaryData, error) {
	g := &GlossaryData{Level: level}
	var group *LetterGroup
	for i, t := range s.h.Glossary {
		d := entries[i]
		if prefix == "" {
			for _, l := range d.Links {
				if l.Target != "" {
					l.SetDest(relURL(markdown.GlossaryURL, l.Target))
				}
			}
		}
		html, err := d.Render()
		if err != nil {
			return nil, err
		}
		letter := strings.ToUpper(book.SortKey(t.Term)[:1])
		if letter < "A" || letter > "Z" {
			letter = "#"
		}
		if group == nil || group.Letter != letter {
			group = &LetterGroup{Letter: letter, ID: prefix + "buchstabe-" + strings.ToLower(letter)}
			if letter == "#" {
				group.ID = prefix + "buchstabe-andere"
			}
			g.Groups = append(g.Groups, group)
		}
		e := &Entry{ID: prefix + t.ID(), Title: t.Term, Short: t.Short, Text: template.HTML(html), Example: t.Example}
		g.texts = append(g.texts, e.Text)
		if t.Abbr != "" && t.Abbr != t.Term {
			e.Title += " (" + t.Abbr + ")"
		}
		for _, o := range t.SeeAlso {
			e.SeeAlso = append(e.SeeAlso, &Crumb{Title: o.Term, Href: "#" + prefix + o.ID()})
		}
		for _, p := range s.usedIn[t] {
			c := s.crumb(p, markdown.GlossaryURL)
			if prefix != "" {
				c.Href = "#" + book.Anchor(p.URL)
			}
			e.UsedIn = append(e.UsedIn, c)
		}
		group.Entries = append(group.Entries, e)
	}
	ids := map[string]string{}
	for _, gr := range g.Groups {
		ids[gr.Letter] = gr.ID
	}
	g.Letters = letters(ids, "Kein Wort mit")
	return g, nil
}

// letters is the A–Z bar of an index: each letter links to the id of its
// group in ids, or says none, "Kein Wort mit X", when no entry starts
// with it.
func letters(ids map[string]string, none string) []Letter {
	var out []Letter
	for c := 'A'; c <= 'Z'; c++ {
		out = append(out, Letter{Letter: string(c), ID: ids[string(c)], None: none})
	}
	return out
}

// assets copies layouts/assets/ and writes the stylesheet with the theme
// colours of handbuch.toml in front of it.
func (s *site) assets(l *Layouts) ([]File, error) {
	var out []File
	for _, name := range l.Files("assets") {
		b, _, err := l.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if name == "assets/handbuch.css" {
			c := s.h.Config.Colors
			vars := fmt.Sprintf(":root {\n  --text: %s;\n  --background: %s;\n  --link: %s;\n  --accent: %s;\n  --muted: %s;\n}\n", c.Text, c.Background, c.Link, c.Accent, c.Muted)
			b = append([]byte(vars), b...)
		}
		out = append(out, File{Path: name, Data: b})
	}
	return out, nil
}

// funcs are the template functions of the layouts.
var funcs = template.FuncMap{
	"germanDate": GermanDate,
	"inc":        func(i int) int { return i + 1 },
	"add":        func(a, b int) int { return a + b },
	"join":       strings.Join,
	// tel turns a written phone number into a tel: address.
	"tel": func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '+' || (r >= '0' && r <= '9') {
				return r
			}
			return -1
		}, s)
	},
	"lightClass": func(l any) string {
		return strings.NewReplacer("ü", "ue").Replace(fmt.Sprint(l))
	},
	"lightWord": func(l any) string { return book.Light(fmt.Sprint(l)).Word() },
	// heading writes a heading whose level is only known at run time.
	"heading": func(level int, id, text string) template.HTML {
		level = max(1, min(level, 6))
		attr := ""
		if id != "" {
			attr = fmt.Sprintf(` id="%s"`, template.HTMLEscapeString(id))
		}
		return template.HTML(fmt.Sprintf(`<h%d%s>%s</h%d>`, level, attr, template.HTMLEscapeString(text), level))
	},
}
