package site

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/link"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/urlpolicy"
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

	reused bool // taken from the last build of a preview
}

// part is rendered source content waiting to be found in its page.
type part struct {
	html     []byte
	page     *book.Page // rendered from
	spans    []book.Span
	repeated bool // content checked on its own page (the print view)
}

// regions finds each rendered part in the page, in order.
func regions(page []byte, parts []part) []book.Region {
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
		out = append(out, book.Region{Start: start, End: start + len(p.html), Page: p.page, Spans: p.spans, Repeated: p.repeated})
		from = start + len(p.html)
	}
	return out
}

// Input is what the site is rendered from.
type Input struct {
	Book    *link.Book
	Layouts *Layouts
	// Downloads are the PDFs offered on pages, by page URL, with their
	// sizes (0 when they are made only when asked for, in the preview).
	Downloads map[string]book.Download
	// Whole delivers the PDF of the whole handbook, which is made while
	// the site renders; the start page, which links it with its size,
	// waits for it. A closed channel means there is none.
	Whole <-chan book.Download
	// Emit, if not nil, gets every file as soon as it is made, so that the
	// checks run beside the renderer. It is called from several
	// goroutines at once.
	Emit func(File)
	// Reuse, if not nil, marks a preview that keeps the pages of its last
	// build: a page for which it returns a file is not rendered again, and
	// not emitted. The 404 page is always made; the search and the print
	// view, which gather from every page, are left out: the preview makes
	// them with a full Render when they are asked for.
	Reuse func(*book.Page) (File, bool)
	// Stream says that Emit keeps what it needs of every file (writes it
	// out): Render returns the files without their bytes, so that the
	// whole site is never held at once.
	Stream bool
	// Public renders the public build: the book holds only the public
	// pages, every page gets the layout of the client area, and there is
	// no print view of the whole handbook.
	Public bool
}

// Render renders every page, the glossary, the search page with its
// index, the print view, the 404 page and the assets, on every core. The
// files come in a fixed order: the pages in reading order, then the
// search, the print view, the 404 page and the assets.
func Render(in Input) ([]File, error) {
	tpls, err := in.Layouts.templates("home.html", "section.html", "page.html", "glossary.html", "checklist.html", "suche.html", "print.html", "offen.html", "404.html")
	if err != nil {
		return nil, err
	}
	b := in.Book
	for _, p := range b.Pages {
		if p.URL == SearchURL {
			return nil, book.Errorf(book.Pos{File: p.File}, "die Adresse %s ist für die Suche reserviert. Geben Sie der Seite einen anderen Dateinamen.", SearchURL)
		}
	}
	s := newSite(b.Handbook)
	s.b, s.downloads, s.public = b, in.Downloads, in.Public
	tl := tools{s: s, tpl: tpls["page.html"]}
	exec := func(name, out string, data *PageData, parts ...part) (File, error) {
		var buf bytes.Buffer
		buf.Grow(len(data.Content) + 32<<10) // the layout around the content
		if err := tpls[name].Execute(&buf, data); err != nil {
			return File{}, book.Errorf(book.Pos{File: "layouts/" + name}, "Fehler beim Ausführen des Layouts: %v", err)
		}
		return File{Path: out, Data: buf.Bytes(), Regions: regions(buf.Bytes(), parts)}, nil
	}

	// One job per output file, in the order of the files: the pages in
	// reading order, then the search, the print view, the 404 page and the
	// assets. The start page's job is started last: it waits for the PDF
	// of the whole handbook.
	var jobs []func() ([]File, error)
	for i := range b.Docs {
		jobs = append(jobs, func() ([]File, error) {
			if i == 0 && in.Whole != nil {
				if dl, ok := <-in.Whole; ok {
					s.whole = &dl
				}
			}
			return s.page(i, tl, exec, in.Reuse)
		})
	}
	if in.Reuse == nil {
		jobs = append(jobs, func() ([]File, error) { return s.search(exec) })
	}
	if in.Reuse == nil && !in.Public {
		jobs = append(jobs, func() ([]File, error) {
			print, err := s.printData(tl)
			if err != nil {
				return nil, err
			}
			var parts []part
			for _, sec := range print.Sections {
				parts = append(parts, part{html: []byte(sec.Content), repeated: true})
				if sec.Glossary != nil {
					for _, t := range sec.Glossary.texts {
						parts = append(parts, part{html: []byte(t), repeated: true})
					}
				}
			}
			f, err := exec("print.html", "druck/index.html", print, parts...)
			return []File{f}, err
		})
		jobs = append(jobs, func() ([]File, error) {
			f, err := exec("offen.html", strings.TrimPrefix(OpenURL, "/")+"index.html", s.openData())
			return []File{f}, err
		})
	}
	jobs = append(jobs, func() ([]File, error) {
		notFound := s.pageData(&book.Page{Title: "Seite nicht gefunden", URL: "/404/"}, "")
		notFound.root = s.basePath
		if notFound.Client { // the public build
			notFound.ClientNav = s.clientNav(notFound)
		} else {
			notFound.Nav = s.nav(notFound)
		}
		if s.editors != nil {
			notFound.Editors.Href = notFound.Rel(s.editors.URL)
		}
		f, err := exec("404.html", "404.html", notFound)
		return []File{f}, err
	})
	jobs = append(jobs, func() ([]File, error) { return s.assets(in.Layouts) })
	jobs = append(jobs, func() ([]File, error) { return s.images(), nil })
	out := make([][]File, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = jobs[i]()
				if errs[i] == nil && in.Emit != nil {
					for k, f := range out[i] {
						if !f.reused {
							in.Emit(f)
						}
						if in.Stream {
							out[i][k].Data, out[i][k].Regions = nil, nil
						}
					}
				}
			}
		}()
	}
	for i := 1; i < len(jobs); i++ {
		next <- i
	}
	next <- 0
	close(next)
	wg.Wait()
	var files []File
	for i := range jobs {
		if errs[i] != nil {
			return nil, errs[i]
		}
		files = append(files, out[i]...)
	}
	return files, nil
}

// page renders page i of the book.
func (s *site) page(i int, tl tools, exec func(string, string, *PageData, ...part) (File, error), reuse func(*book.Page) (File, bool)) ([]File, error) {
	docs := s.b.Docs
	d := docs[i]
	p := d.Page
	if reuse != nil {
		if f, ok := reuse(p); ok {
			f.reused = true
			return []File{f}, nil
		}
	}
	from := func(target string) string { return relURL(p.URL, target) }
	if s.public && p.Kind == book.KindHome {
		return s.publicHome(p, exec)
	}
	r, err := d.Render(&markdown.Context{Href: from, Shortcode: tl.renderer("", from, 0), Figure: tl.figure(from), Positions: true})
	if err != nil {
		return nil, err
	}
	parts := []part{{html: r.HTML, page: p, spans: r.Spans}}
	data := s.pageData(p, template.HTML(r.HTML))
	data.TOC = toc(d.Headings)
	// The glossary explains German words and stays in the intranet.
	if !p.Foreign(s.h.Config.Language) && !s.public {
		data.Terms = s.termList(d.Terms, p.URL)
	}
	data.HasForm = d.Uses(func(s *shortcode.Shortcode) bool { return s.Input })
	// Pages turn within their area: a client page to the next client
	// page, a staff page past the client area and the editors' pages. A
	// translation is no step of the reading order: it has no neighbours,
	// and its original's neighbours skip it.
	sameArea := func(q *book.Page) bool {
		if q.Original != nil {
			return false
		}
		if data.Client {
			return s.inClientNav(q)
		}
		return !q.ForClients() && !q.ForEditors() || p.ForEditors() && q.ForEditors()
	}
	if p.Original == nil {
		for j := i - 1; j >= 0; j-- {
			if sameArea(docs[j].Page) {
				data.Prev = s.crumb(docs[j].Page, p.URL)
				break
			}
		}
		for j := i + 1; j < len(docs); j++ {
			if sameArea(docs[j].Page) {
				data.Next = s.crumb(docs[j].Page, p.URL)
				break
			}
		}
	}
	layout := "page.html"
	switch p.Kind {
	case book.KindHome:
		layout = "home.html"
		for _, q := range s.h.Pages {
			if q.ForClients() {
				data.ClientEntry = s.crumb(q, p.URL)
				break
			}
		}
	case book.KindSection, book.KindChecklists:
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
		var spans [][]book.Span
		if data.Glossary, spans, err = s.glossary(2, "", from, true); err != nil {
			return nil, err
		}
		for i := range s.h.Glossary {
			parts = append(parts, part{html: []byte(data.Glossary.texts[i]), page: s.b.Entries[i].Page, spans: spans[i]})
		}
	}
	f, err := exec(layout, strings.TrimPrefix(p.URL, "/")+"index.html", data, parts...)
	return []File{f}, err
}

// publicHome renders the start page of the public build. The start page
// of the handbook is written for staff; the public one greets clients
// and lists the pages of the build.
func (s *site) publicHome(p *book.Page, exec func(string, string, *PageData, ...part) (File, error)) ([]File, error) {
	home := *p
	home.Title = "Informationen für Sie"
	home.Description = "Hier erklären wir in Einfacher Sprache, wie wir Künstliche Intelligenz nutzen."
	home.Plain = true
	home.Status = "" // written by handbuch, not a model to adopt
	data := s.pageData(&home, template.HTML(`<p>Hier erklären wir in Einfacher Sprache, wie wir Künstliche Intelligenz nutzen.</p>
<p>Wählen Sie eine Seite aus.</p>
<p>Oder suchen Sie ein Wort: <a href="`+template.HTMLEscapeString(relURL(p.URL, SearchURL))+`">Auf diesen Seiten suchen</a>. Die Suche findet Wörter in allen Sprachen der Seiten.</p>`))
	data.Title = home.Title + " – " + s.h.Config.Title
	data.ClientNav = s.clientNav(data) // with the start page marked as the current one
	for _, q := range s.h.Pages {
		if q != p && s.inClientNav(q) {
			data.Children = append(data.Children, s.crumb(q, p.URL))
		}
	}
	f, err := exec("section.html", "index.html", data)
	return []File{f}, err
}

// site holds what every page shares. Nothing in it changes once the
// pages are being rendered, except whole, which only the start page reads.
type site struct {
	h         *book.Handbook
	b         *link.Book
	downloads map[string]book.Download
	whole     *book.Download
	titles    map[*book.Page]string
	index     map[*book.Page]int // of each page among its parent's children
	basePath  string             // path of base_url, e.g. /ki-leitlinien/
	public    bool               // the public build: every page in the client layout
	editors   *book.Page         // the first page of the editors' area; nil without one
}

// PrintURL is the address of the print view.
const PrintURL = "/druck/"

// Gathered are the addresses under which a build puts what gathers from
// every page: the PDFs, the search, the print view, the report pages and
// the editors' list of open slots.
// A preview leaves them out until they are asked for.
var Gathered = []string{"/pdf/", SearchURL, PrintURL, ReportURL, StatementURL, OpenURL}

// search renders the search page and its index.
func (s *site) search(exec func(string, string, *PageData, ...part) (File, error)) ([]File, error) {
	index, searchData := s.searchPage(s.b.Docs, s.b.Entries)
	indexFile := File{Path: strings.TrimPrefix(SearchIndex, "/"), Data: index.JS()}
	searchPage := s.pageData(&book.Page{
		Title:       "Suche",
		URL:         SearchURL,
		Description: "Das Handbuch durchsuchen, oder alle Überschriften und Begriffe von A bis Z.",
		Parent:      s.h.Home,
	}, "")
	searchPage.Search = searchData
	f, err := exec("suche.html", strings.TrimPrefix(SearchURL, "/")+"index.html", searchPage)
	return []File{indexFile, f}, err
}

func newSite(h *book.Handbook) *site {
	s := &site{h: h, titles: map[*book.Page]string{}, index: map[*book.Page]int{}, basePath: "/"}
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
		if s.editors == nil && p.ForEditors() {
			s.editors = p
		}
		for i, c := range p.Children {
			s.index[c] = i
		}
		t := p.Title
		if count[t] > 1 && p.Parent != nil {
			t += " – " + p.Parent.Title
		}
		switch {
		case p.Kind == book.KindHome:
			s.titles[p] = h.Config.Title
		case p.Foreign(h.Config.Language):
			// A window title is read in the page's language: the
			// handbook's German title would be read with the wrong voice.
			s.titles[p] = t
		default:
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
	Open     *OpenData     // the editors' list of open slots only
	Search   *SearchData   // the search page only
	// FooterContacts are the contacts shown in every footer.
	FooterContacts []*book.Contact
	Footer         Footer
	Sections       []PrintSection // print view only
	// Client says that the page has the layout of the client area: its
	// own header and navigation (ClientNav), large type, no search.
	Client    bool
	ClientNav []*NavItem
	// Public says that this is the public build, which has no staff pages.
	Public bool
	// ClientEntry leads from the start page to the client area; nil
	// elsewhere and in a handbook without one.
	ClientEntry *Crumb
	// Editors is the editors' area, linked from the footer of the
	// intranet; nil in the public build and in a handbook without one.
	Editors *Crumb
	// EditorPages are all pages of the editors' area, on its pages only.
	EditorPages []*Crumb

	// Lang is the page's language, for <html lang>; Dir is "rtl" for a
	// language written from right to left.
	Lang string
	Dir  string
	// LayoutLang is ` lang="de"` (with ` dir="ltr"` on a page written
	// from right to left) on a page in another language than the
	// handbook's: the layouts write it on each part around the content
	// that keeps the handbook's language (header, navigation, footer).
	LayoutLang template.HTMLAttr
	// ContentLang is ` lang="ar" dir="rtl"` (the page's language) on
	// such a page, for the page's own words inside those parts: its
	// title in the breadcrumbs, its headings in "Auf dieser Seite".
	ContentLang template.HTMLAttr
	// Versions are the language versions of a translated page, the
	// original first; nil for a page without translations.
	Versions []Version
	// SwitchLabel names the language switch in the page's language.
	SwitchLabel string
	// Words are the layout's words inside the page (the table of
	// contents, the note on a model page) in the page's language where
	// they are translated, else German; WordsLang is then LayoutLang.
	Words     book.Language
	WordsLang template.HTMLAttr

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
	Organisation string // the organisation's name
	Language     string
	Notice       string
	Contact      string
	// Logo is the organisation's logo for the header; nil without one.
	Logo *LogoData
	org  *book.Organisation
}

// LogoData is the logo as the header shows it.
type LogoData struct {
	URL           string // site-absolute; layouts write it with .Rel
	Width, Height int
	Alt           string // the organisation's name, or where the link leads
}

// Org returns the value called key of [organisation] in handbuch.toml,
// such as "address" or "aufsicht.email", for a layout:
// {{with .Site.Org "phone"}}…{{end}}.
func (d SiteData) Org(key string) *OrgData {
	if d.org == nil {
		return Org(&book.Organisation{}, key)
	}
	return Org(d.org, key)
}

// DownloadLink offers a PDF.
type DownloadLink struct {
	Href  string
	Label string
	Size  string // "350 KB"
	// Lang is LayoutLang when the label is German on a page in another
	// language.
	Lang template.HTMLAttr
}

// Crumb is a link to a page.
type Crumb struct {
	Title       string
	Description string
	Href        string
	Current     bool
}

// NavItem is an entry of the side navigation. (Its fields are its own,
// not an embedded Crumb: templates find embedded fields by reflection,
// on every entry of every page.)
type NavItem struct {
	Title    string
	Href     string
	Current  bool
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
	Level   int    // heading level of the letters; entries are one below
	Back    string // id of the A–Z bar each letter links back to; none in the print view
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
		Site:    SiteData{Title: c.Title, Organisation: c.Org.Name, Language: c.Language, Notice: c.Notice, Contact: c.Contact, Logo: s.logo(), org: &s.h.Config.Org},
		Page:    p,
		Title:   s.titles[p],
		Content: content,
		url:     p.URL,
		Footer:  s.footer(p),
	}
	s.setLanguage(d, p)
	if d.Title == "" {
		d.Title = p.Title + " – " + c.Title
	}
	d.Public = s.public
	d.Client = s.public || p.ForClients()
	if d.Client {
		d.ClientNav = s.clientNav(d)
	} else {
		d.Nav = s.nav(d)
	}
	if s.editors != nil && !s.public {
		d.Editors = s.crumb(s.editors, p.URL)
	}
	if p.ForEditors() {
		for _, q := range s.h.Pages {
			if q.ForEditors() {
				d.EditorPages = append(d.EditorPages, s.crumb(q, p.URL))
			}
		}
	}
	dl, ok := s.downloads[p.URL]
	if p == s.h.Home && s.whole != nil {
		dl, ok = *s.whole, true
	}
	if ok {
		d.Download = &DownloadLink{Href: d.Rel(dl.URL), Label: dl.Label, Lang: d.LayoutLang}
		if dl.Lang != "" {
			d.Download.Lang = "" // in the page's own language
		}
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
	return &Crumb{Title: p.NumberedTitle(), Description: p.Description, Href: relURL(from, p.URL), Current: p.URL == from}
}

// inClientNav reports whether the client navigation lists page p: the
// pages for clients, and those for everyone (the contacts).
func (s *site) inClientNav(p *book.Page) bool {
	return p.Public() || s.public && p.Kind == book.KindHome
}

// clientNav builds the navigation of the client area: only its pages, the
// pages for everyone and the accessibility statement, in reading order.
// Clients never meet the staff chapters there.
func (s *site) clientNav(d *PageData) []*NavItem {
	var items []*NavItem
	for _, p := range s.h.Pages {
		// A translation is reached through the language switch of its
		// original, which stands for it here.
		if !s.inClientNav(p) || p.Original != nil {
			continue
		}
		title := p.Title
		switch {
		case p.Kind == book.KindHome:
			title = "Start"
		case len(items) == 0 && p.Kind == book.KindSection:
			title = "Übersicht" // the client area's own start
		}
		items = append(items, &NavItem{Title: title, Href: d.Rel(p.URL), Current: p.URL == d.url})
	}
	return append(items, &NavItem{Title: "Barrierefreiheit", Href: d.Rel(StatementURL), Current: d.url == StatementURL})
}

// nav builds the side navigation for the page d: every chapter, with the
// current one marked. The editors' pages are left out: the footer leads
// to them.
func (s *site) nav(d *PageData) []*NavItem {
	// A small handbook shows every page in the navigation. A large one
	// shows the sections and opens only the way to the current page:
	// a thousand links on every page help nobody, least of all with a
	// screen reader, and would make the build quadratic. For the same
	// reason a long list of pages in one section shows only the pages
	// around the way, and a link to the section's page that lists all.
	full := len(s.h.Pages) <= fullNavPages
	var build func(p *book.Page) *NavItem
	build = func(p *book.Page) *NavItem {
		it := &NavItem{Title: p.NumberedTitle(), Href: d.Rel(p.URL), Current: p.URL == d.url}
		if full || strings.HasPrefix(d.url, p.URL) {
			all := withoutEditors(p.Children)
			kids := all
			if !full && len(kids) > navList {
				kids = s.window(p, d.Page)
			}
			for _, c := range kids {
				it.Children = append(it.Children, build(c))
			}
			if len(kids) < len(all) {
				it.Children = append(it.Children, &NavItem{
					Title: fmt.Sprintf("Alle %d Seiten in „%s“", len(p.Children), p.Title),
					Href:  d.Rel(p.URL + "#hb-seiten"),
				})
			}
		}
		return it
	}
	items := []*NavItem{{Title: "Startseite", Href: d.Rel(s.h.Home.URL), Current: s.h.Home.URL == d.url}}
	tops := withoutEditors(s.h.Home.Children)
	if len(tops) <= navList {
		for _, c := range tops {
			items = append(items, build(c))
		}
		return items
	}
	// Very many chapters: the one the page is in, and the way to all
	// pages from A to Z. Every page stays two links from any other.
	for q := d.Page; q != nil; q = q.Parent {
		if q.Parent == s.h.Home && !q.ForEditors() {
			items = append(items, build(q))
		}
	}
	return append(items, &NavItem{Title: "Alle Seiten von A bis Z", Href: d.Rel(SearchURL)})
}

// withoutEditors returns pages without those for the editors.
func withoutEditors(pages []*book.Page) []*book.Page {
	for i, p := range pages {
		if p.ForEditors() {
			out := append([]*book.Page(nil), pages[:i]...)
			for _, q := range pages[i+1:] {
				if !q.ForEditors() {
					out = append(out, q)
				}
			}
			return out
		}
	}
	return pages
}

// window returns the pages of section sec that the navigation of page
// cur shows when sec has too many to show all: navWindow pages on either
// side of the one on the way to cur (of the first, on sec's own page).
func (s *site) window(sec, cur *book.Page) []*book.Page {
	at := 0
	for q := cur; q != nil; q = q.Parent {
		if q.Parent == sec {
			at = s.index[q]
			break
		}
	}
	kids := sec.Children
	from := max(0, min(at-navWindow, len(kids)-2*navWindow-1))
	return kids[from:min(len(kids), from+2*navWindow+1)]
}

// fullNavPages is the size up to which the navigation lists every page;
// navList the longest list of one level it shows whole (the chapters, the
// pages of a section); navWindow the pages it shows on either side of
// the way to the current page in a longer list of a section.
const (
	fullNavPages = 150
	navList      = 40
	navWindow    = 10
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
	book.StatusModel:      "Muster – noch nicht beschlossen",
}

func (s *site) footer(p *book.Page) Footer {
	f := Footer{Status: statusText[p.Status], Version: p.Version, Owner: p.Owner}
	switch {
	case p.Status == book.StatusModel && len(p.AdoptedBy) > 0:
		f.Adoption = "Beschließen sollen: " + germanList(p.AdoptedBy)
	case !p.Adopted.IsZero():
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
		f.FeedbackURL = urlpolicy.Mailto(c, "Feedback: "+p.Title)
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

// printData renders the single-page print view: every page once (but
// translations and the editors' pages), ids
// prefixed with the page's anchor, headings moved below the page title,
// links to other pages turned into links to their section.
func (s *site) printData(tl tools) (*PageData, error) {
	p := &book.Page{Title: "Druckansicht", URL: PrintURL}
	d := s.pageData(p, "")
	d.Title = "Druckansicht – " + s.h.Config.Title
	anchors := map[string]string{}
	// A link to a translation or to the editors' area leads to its page.
	inPrint := func(p *book.Page) bool { return p.Original == nil && !p.ForEditors() }
	for _, doc := range s.b.Docs {
		if inPrint(doc.Page) {
			anchors[doc.Page.URL] = book.Anchor(doc.Page.URL)
		}
	}
	href := func(target string) string { return printHref(anchors, target) }
	for _, doc := range s.b.Docs {
		pg := doc.Page
		if !inPrint(pg) {
			continue // the print view is the handbook for its readers, in its own language
		}
		a := anchors[pg.URL]
		level := 1 + pg.Depth()
		shift := pg.Depth()
		if pg.Kind == book.KindHome {
			level, shift = 0, 0
		}
		r, err := doc.Render(&markdown.Context{Href: href, IDPrefix: a + "--", Shift: shift, Shortcode: tl.renderer(a+"--", href, shift), Figure: tl.figure(href)})
		if err != nil {
			return nil, err
		}
		html := r.HTML
		if pg.Kind == book.KindChecklist {
			html, err = tl.exec("checkliste", &ShortcodeData{ID: a + "--liste", Label: pg.Checklist.Name, Checklist: tl.checklist(pg.Checklist, a+"--liste", href)})
			if err != nil {
				return nil, err
			}
		}
		sec := PrintSection{ID: a, Level: level, SubLevel: max(level, 1) + 1, Title: pg.Heading(), Content: template.HTML(html), Footer: s.footer(pg)}
		// A page in another language lists no German short texts, as
		// on its own page.
		for _, t := range doc.Terms {
			if pg.Foreign(s.h.Config.Language) {
				break
			}
			sec.Terms = append(sec.Terms, TermShort{Term: t.Term, Short: t.Short, Href: "#" + anchors[markdown.GlossaryURL] + "--" + t.ID()})
		}
		if pg.Kind == book.KindGlossary {
			if sec.Glossary, _, err = s.glossary(level+1, a+"--", href, false); err != nil {
				return nil, err
			}
		}
		d.Sections = append(d.Sections, sec)
	}
	return d, nil
}

// printHref maps a site-absolute URL to its place in the print view: the
// section of its page, else (a page not in the print view) the page.
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
// print view (prefix: the glossary's anchor there); href maps link
// targets as there. With positions it also returns, per entry, where its
// HTML came from.
func (s *site) glossary(level int, prefix string, href func(string) string, positions bool) (*GlossaryData, [][]book.Span, error) {
	g := &GlossaryData{Level: level}
	if prefix == "" {
		g.Back = "hb-buchstaben" // layouts/partials/buchstaben.html
	}
	var spans [][]book.Span
	var group *LetterGroup
	for i, t := range s.h.Glossary {
		// Each entry's ids (footnotes, headings) carry its own, as in
		// the print view: two entries with a footnote 1 share a page.
		ctx := &markdown.Context{Positions: positions, Href: href, IDPrefix: t.ID() + "--"}
		if prefix != "" {
			// In the print view the entries' headings sit below the
			// glossary's, and their ids (footnotes) carry the entry's.
			ctx = &markdown.Context{IDPrefix: prefix + t.ID() + "--", Shift: level - 1, Href: href}
		}
		r, err := s.b.Entries[i].Render(ctx)
		if err != nil {
			return nil, nil, err
		}
		spans = append(spans, r.Spans)
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
		e := &Entry{ID: prefix + t.ID(), Title: t.Term, Short: t.Short, Text: template.HTML(r.HTML), Example: t.Example}
		g.texts = append(g.texts, e.Text)
		if t.Abbr != "" && t.Abbr != t.Term {
			e.Title += " (" + t.Abbr + ")"
		}
		for _, o := range t.SeeAlso {
			e.SeeAlso = append(e.SeeAlso, &Crumb{Title: o.Term, Href: "#" + prefix + o.ID()})
		}
		for _, p := range s.b.UsedIn[t] {
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
	return g, spans, nil
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
	names, err := l.Files("assets")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
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
	"tel": func(s string) string { return strings.TrimPrefix(urlpolicy.Tel(s), "tel:") },
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
