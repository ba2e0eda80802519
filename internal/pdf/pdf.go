package pdf

import (
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
)

const (
	family     = "Atkinson"
	ptToMM     = 0.3528
	lineFactor = 1.45
	top        = 24.0
	bottom     = 22.0
	textR      = 0x1a
	textG      = 0x1a
	textB      = 0x1a
	linkR      = 0x0b
	linkG      = 0x4a
	linkB      = 0x7d
)

// writer draws one PDF.
type writer struct {
	f         *fpdf.Fpdf
	pw, ph    float64 // page width and height in mm
	margin    float64
	body      float64 // body text size in pt
	h         *book.Handbook
	glyphs    *coverage
	errs      book.ErrorList
	noHyphens bool

	tags

	runningTitle string // the chapter title in the header
	draft        bool   // the current chapter is a draft
	inBody       bool   // header and footer are drawn
	closed       bool   // every footer is drawn; fpdf's call at the end draws none

	numbered []int // pages whose footer gets "Seite X von Y"
	// parts are the first pages of the parts a form's pages are counted
	// in ("Seite 2 von 3" of the part only for the organisation); none
	// means the pages are counted as one.
	parts []int

	lang       string // the language of the PDF
	standalone bool   // a single page: links to other pages have no target
	page       string // the anchor of the page being drawn

	font       fontKey     // the font text is drawn in next (style and size)
	color      [3]uint8    // the colour text is drawn in next
	sh         *shaper     // shapes and measures text
	used       usedGlyphs  // the glyphs drawn, for the fonts' subsets
	txt        textObj     // the text object being written
	lineGlyphs []glyph     // drawLine's buffer
	sizer      *writer     // measures without drawing; see measurer
	scratchW   *writer     // draws to measure; see measure
	uses       int         // measurements a scratch writer served
	bars       []*quoteBar // the quotes being drawn, see quoteBar

	done *finished // the content of finished pages, compressed
}

// fontKey is a font, or a text in a font.
type fontKey struct {
	style string
	size  float64
	text  string
}

// Handbook renders the handbook in docs (reading order, linked) as A4.
// It only reads the trees, so it runs while the site renders them.
func Handbook(h *book.Handbook, docs []*markdown.Doc) ([]byte, error) {
	w, err := newWriter(h, a4)
	if err != nil {
		return nil, err
	}
	defer w.done.wait()
	w.handbook(docs)
	if err := w.errs.Err(); err != nil {
		return nil, err
	}
	return w.output(h.Config.Title)
}

// output closes the document and completes it as a tagged PDF.
func (w *writer) output(title string) ([]byte, error) {
	// The last page's footer now, not when fpdf closes the document: the
	// page numbers come after it.
	w.footer()
	w.closed = true
	w.pageNumbers()
	w.done.take(w.f, w.f.PageCount())
	if err := registerFonts(w.f, &w.used); err != nil {
		return nil, fmt.Errorf("PDF: %w", err)
	}
	var raw keep
	if err := w.f.Output(&raw); err != nil {
		return nil, fmt.Errorf("PDF: %w", err)
	}
	w.f = nil // its page buffers can go while the file is completed
	c := w.h.Config
	return w.finish(raw.b, meta{
		title: title, author: author(c), subject: subject, keywords: keywords,
		lang: langTag(w.lang), date: contentDate(w.h),
	})
}

// author is the author in a PDF's metadata: the organisation, or the
// handbook's title while its name is not filled in.
func author(c book.Config) string {
	if c.Org.Name != "" {
		return c.Org.Name
	}
	return c.Title
}

// keep takes what fpdf writes without a copy: Output hands over its whole
// buffer in one Write, and the Fpdf is not used again. (A large handbook's
// file would otherwise be held twice.)
type keep struct{ b []byte }

func (k *keep) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b, p...)
	}
	return len(p), nil
}

const (
	subject  = "Leitlinien-Handbuch"
	keywords = "Künstliche Intelligenz, Leitlinien, Sozialwirtschaft, Barrierefreiheit"
)

// format is a paper size with its margins and body text size.
type format struct {
	name          string
	w, h, m, body float64
}

var (
	// The handbook, forms and checklists: 12 pt over 136 mm, lines of
	// 60 to 75 characters (median 66 in the model handbook).
	a4 = format{"A4", 210, 297, 37, 12}
	// A page in Einfache Sprache: 14 pt over 126 mm, lines of at most
	// 60 characters.
	a4Plain = format{"A4", 210, 297, 42, 14}
	// A flyer for clients: A5, at least 14 pt.
	a5 = format{"A5", 148, 210, 14, 14}
)

func newWriter(h *book.Handbook, pf format) (*writer, error) {
	cov, err := newCoverage()
	if err != nil {
		return nil, err
	}
	f := fpdf.New("P", "mm", pf.name, "")
	f.SetMargins(pf.m, top, pf.m)
	f.SetAutoPageBreak(false, bottom)
	f.SetTitle(h.Config.Title, true)
	f.SetAuthor(author(h.Config), true)
	f.SetSubject(subject, true)
	f.SetKeywords(keywords, true)
	f.SetCreator("handbuch", true)
	f.SetProducer("handbuch", true)
	f.SetLang(langTag(h.Config.Language))
	// Same input, same bytes: the date comes from the content.
	day := contentDate(h)
	f.SetCreationDate(day)
	f.SetModificationDate(day)
	f.SetCatalogSort(true)
	f.SetCompression(false) // finish compresses, faster
	sh, err := newShaper(h.Config.Language)
	if err != nil {
		return nil, err
	}
	w := &writer{f: f, h: h, glyphs: cov, sh: sh, pw: pf.w, ph: pf.h, margin: pf.m, body: pf.body, color: [3]uint8{textR, textG, textB}}
	w.done = newFinished()
	w.lang = h.Config.Language
	w.root = &node{role: "Document"}
	w.cur = w.root
	w.anchors = map[string]place{}
	f.SetHeaderFuncMode(w.header, true)
	f.SetFooterFunc(w.footer)
	return w, nil
}

// contentDate is the latest date a page was adopted or reviewed: the
// "Stand" of the handbook and the date of its PDFs, so that the same
// content gives the same bytes on any day. Without dates: the build's day.
func contentDate(h *book.Handbook) time.Time {
	var d time.Time
	for _, p := range h.Pages {
		for _, t := range []time.Time{p.Adopted, p.Reviewed} {
			if t.After(d) {
				d = t
			}
		}
	}
	if d.IsZero() {
		d = h.Today
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

func langTag(l string) string {
	if l == "de" {
		return "de-DE"
	}
	return l
}

// header and footer are pagination artifacts. The footer ends the page,
// so it also closes the marked-content sequence open there; the header
// starts the next with none open.
func (w *writer) header() {
	w.endMark()
	w.txt.forget()
	w.done.take(w.f, w.f.PageNo()-1) // the page before is finished
	if !w.inBody {
		return
	}
	w.running("Header", func() {
		w.f.SetXY(w.margin, 10)
		w.cellText(w.pw-2*w.margin, 5, w.fit(w.runningTitle, w.pw-2*w.margin, 9), "L")
		w.f.SetDrawColor(0x8c, 0x95, 0x9f)
		w.f.Line(w.margin, 16.5, w.pw-w.margin, 16.5)
		if w.draft {
			w.setFont("B", 11)
			w.color = [3]uint8{0x8a, 0x4b, 0x00}
			w.f.SetXY(w.pw-w.margin-30, 10)
			w.cellText(30, 5, "ENTWURF", "R")
		}
	})
	w.f.SetXY(w.margin, top)
}

func (w *writer) footer() {
	w.endMark()
	if !w.inBody || w.closed {
		return
	}
	w.running("Footer", func() {
		w.f.SetXY(w.margin, w.ph-14)
		w.cellText(w.pw-2*w.margin, 5, w.fit(w.h.Config.Title, 120, 9), "L")
	})
	w.numbered = append(w.numbered, w.f.PageNo())
}

// pageNumbers writes "Seite X von Y" into the footer of every page that
// has one, once Y is known. (fpdf's page-count alias would turn every
// page's content into a string once more to replace it.)
func (w *writer) pageNumbers() {
	total := w.f.PageCount()
	for _, p := range w.numbered {
		first, end := 1, total+1 // the part p is in: [first, end)
		for _, s := range w.parts {
			if s <= p {
				first = s
			} else {
				end = s
				break
			}
		}
		w.toPage(p)
		w.running("Footer", func() {
			w.f.SetXY(w.margin, w.ph-14)
			w.cellText(w.pw-2*w.margin, 5, fmt.Sprintf("Seite %d von %d", p-first+1, end-first), "R")
		})
	}
	w.toPage(total)
}

// running draws part of the running header or footer ("Header",
// "Footer") in small grey type, as a pagination artifact. The font and
// colour of the text around it are kept.
func (w *writer) running(kind string, draw func()) {
	defer func(f fontKey, c [3]uint8) { w.font, w.color = f, c }(w.font, w.color)
	w.pagination(kind)
	w.setFont("", 9)
	w.color = [3]uint8{0x4a, 0x4a, 0x4a}
	draw()
	w.endMark()
}

// fit shortens s with "…" to fit width.
func (w *writer) fit(s string, width, size float64) string {
	if w.textWidth(s, "", size) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && w.textWidth(string(r)+"…", "", size) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// ensure starts a new page when less than h is left.
func (w *writer) ensure(h float64) {
	if w.f.GetY()+h > w.ph-bottom {
		w.newPage()
	}
}

// newPage starts a new page, at the top of its text area.
func (w *writer) newPage() {
	w.f.AddPage()
	w.f.SetXY(w.margin, top)
}

// handbook draws cover, contents and every page. The contents come
// first but are drawn last, on pages kept free for them, when the page of
// every chapter is known: their number depends only on the number of
// chapters.
func (w *writer) handbook(docs []*markdown.Doc) {
	w.cover()
	// Every page the print view has, in its order: the start page, the
	// chapters, the checklists as a part of their own (its heading and
	// description, the lists below it), and the glossary as appendix.
	var chapters []*markdown.Doc
	var rows []tocRow
	for _, d := range docs {
		p := d.Page
		if p.Kind == book.KindGlossary {
			continue
		}
		chapters = append(chapters, d)
		rows = append(rows, tocRow{title: p.NumberedTitle(), anchor: book.Anchor(p.URL), depth: max(p.Depth()-1, 0)})
	}
	if len(w.h.Glossary) > 0 {
		rows = append(rows, tocRow{title: "Glossar", anchor: "s_glossar"})
	}
	first := w.f.PageNo() + 1
	places := w.contentsRows(len(rows), first)
	for range places[len(places)-1].page - first + 1 {
		w.f.AddPage()
	}
	head := w.open("H1")
	w.close()
	toc := w.open("TOC")
	w.close()
	w.marks = append(w.marks, bookmark{title: "Inhalt", at: place{first, top}})
	w.anchors[contentsAnchor] = place{first, top}
	w.inBody = true
	for _, d := range chapters {
		w.chapter(d)
	}
	w.glossary()
	last := w.f.PageNo()
	w.contents(rows, places, head, toc)
	w.toPage(last)
}

// tocRow is a row of the table of contents: a page's title, its anchor
// and how far it is indented (0: bold, a part of the handbook).
type tocRow struct {
	title, anchor string
	depth         int
}

// contentsAnchor is the anchor of the table of contents.
const contentsAnchor = "s_inhalt"

// toPage continues drawing on page n.
func (w *writer) toPage(n int) {
	w.endMark()
	w.f.SetPage(n)
	w.txt.forget()
}

func (w *writer) cover() {
	w.f.AddPage()
	c := w.h.Config
	pos := book.Pos{File: "handbuch.toml"}
	w.logo(w.margin, 30, 60, 30, pos)
	w.f.SetXY(w.margin, 70)
	w.flowSized("H1", []span{{text: c.Title, style: "B"}}, 26, pos)
	w.f.SetY(w.f.GetY() + 8)
	if c.Org.Name != "" {
		w.flowSized("P", []span{{text: c.Org.Name}}, 15, pos)
	} else {
		w.orgValue("name", w.margin, w.pw-2*w.margin, pos)
	}
	var facts []string
	if home := w.h.Home; home != nil {
		if home.Version != "" {
			facts = append(facts, "Version "+home.Version)
		}
		if s := statusWord[home.Status]; s != "" {
			facts = append(facts, "Status: "+s)
		}
	}
	facts = append(facts, "Stand: "+book.Date(contentDate(w.h)))
	w.f.SetY(w.f.GetY() + 12)
	for _, fct := range facts {
		w.flowSized("P", []span{{text: fct}}, 12, pos)
	}
	if c.Notice != "" {
		w.f.SetY(w.f.GetY() + 12)
		w.flowSized("P", []span{{text: c.Notice, style: "I"}}, 12, pos)
	}
}

var statusNote = map[book.Status][]span{
	book.StatusDraft:      {{text: "Entwurf: ", style: "B"}, {text: "Dieser Text ist noch nicht beschlossen und kann sich ändern. Handeln Sie noch nicht danach, ohne nachzufragen."}},
	book.StatusDiscussion: {{text: "In Diskussion: ", style: "B"}, {text: "Dieser Text wird gerade in Teams und Gremien besprochen."}},
}

// statusSpans is the note on the status of page p, as on the site: a
// model page's in p's language where the words are translated
// (book.Language.Model), else German.
func (w *writer) statusSpans(p *book.Page) ([]span, bool) {
	if p.Status == book.StatusModel {
		l, ok := book.LookupLanguage(p.Lang(w.h.Config.Language))
		if !ok || l.Model == "" {
			l = book.Languages["de"]
		}
		return []span{{text: l.Model + ": ", style: "B"}, {text: l.ModelText}}, true
	}
	note, ok := statusNote[p.Status]
	return note, ok
}

var statusWord = map[book.Status]string{book.StatusDraft: "Entwurf", book.StatusDiscussion: "In Diskussion", book.StatusAdopted: "Beschlossen", book.StatusModel: "Muster – noch nicht beschlossen"}

// contentsHead is the line height of the heading of the contents.
var contentsHead = 18 * lineFactor * ptToMM

// contentsRows places the n rows of the table of contents, which starts
// on page first; a last entry marks where the contents end. The rows'
// places depend only on their number, so the pages can be kept free
// before the page numbers are known.
func (w *writer) contentsRows(n, first int) []place {
	lh := 11 * lineFactor * ptToMM
	at := place{first, top + contentsHead + 4}
	rows := make([]place, 0, n+1)
	for range n {
		if at.y+lh > w.ph-bottom {
			at = place{at.page + 1, top}
		}
		rows = append(rows, at)
		at.y += lh
	}
	return append(rows, at)
}

// contents draws the table of contents on its pages kept free, once
// every chapter's page is known: the heading into head, one row per
// page into toc, each row one link, title and page number. Parts are
// bold, pages inside them indented.
func (w *writer) contents(rows []tocRow, places []place, head, toc *node) {
	w.toPage(places[0].page)
	w.f.SetXY(w.margin, top)
	w.cur = head
	w.flow([]span{{text: "Inhalt", style: "B"}}, w.margin, w.pw-2*w.margin, 18, book.Pos{File: "handbuch.toml"})
	w.cur = toc
	defer func() { w.cur = w.root }()
	lh := 11 * lineFactor * ptToMM
	for i, r := range rows {
		at := places[i]
		if at.page != w.f.PageNo() {
			w.toPage(at.page)
		}
		x := w.margin + float64(r.depth)*7
		num := fmt.Sprint(w.anchors[r.anchor].page)
		style := ""
		if r.depth == 0 {
			style = "B"
		}
		// Shortened in the row's own style, which is set last: measuring
		// may set another.
		title, room := r.title, w.pw-w.margin-x-20
		if w.textWidth(title, style, 11) > room {
			t := []rune(title)
			for len(t) > 1 && w.textWidth(string(t)+"…", style, 11) > room {
				t = t[:len(t)-1]
			}
			title = string(t) + "…"
		}
		// A TOCI holds a P (PDF 1.7 allows no Link directly in it).
		w.open("TOCI")
		w.open("P")
		link := w.open("Link")
		w.content()
		w.setFont(style, 11)
		w.f.SetXY(x, at.y)
		w.cellText(w.pw-w.margin-x-15, lh, title+" ", "L")
		w.setFont("", 11)
		w.f.SetXY(w.pw-w.margin-15, at.y)
		w.cellText(15, lh, num, "R")
		w.link(link, "#"+r.anchor, r.title+", Seite "+num, x, at.y, w.pw-w.margin, at.y+lh)
		w.close()
		w.close()
		w.close()
	}
}

// chapter draws one page of the handbook as a section. Its title is H1
// for a chapter (and for a page printed alone), H2 for a page below it.
func (w *writer) chapter(d *markdown.Doc) {
	p := d.Page
	a := book.Anchor(p.URL)
	w.runningTitle = p.Title
	w.draft = p.Status == book.StatusDraft
	// Einfache Sprache is never hyphenated: a word that does not fit is
	// an error (flyers set this for the whole document).
	defer func(h bool) { w.noHyphens = h }(w.noHyphens)
	w.noHyphens = w.noHyphens || p.Plain
	level := max(p.Depth(), 1)
	if w.standalone {
		level = 1
	}
	// Every page of the handbook starts on a new sheet; the first
	// checklist follows the heading of their part, which has no text of
	// its own but a sentence.
	if w.standalone || p.Kind != book.KindChecklist || p.Parent == nil || len(p.Parent.Children) == 0 || p.Parent.Children[0] != p {
		w.f.AddPage()
		w.f.SetXY(w.margin, top)
	} else {
		w.f.SetY(w.f.GetY() + 6)
	}
	w.open("Sect")
	defer w.close()
	w.page = a
	w.anchorHere(a)
	w.bookmark(p.NumberedTitle(), level-1)
	size := 20.0
	if level > 1 {
		size = 16
	}
	w.flowSized(fmt.Sprintf("H%d", min(level, 6)), []span{{text: p.Heading(), style: "B"}}, size, book.Pos{File: p.File, Line: 1, Col: 1})
	w.f.SetY(w.f.GetY() + 3)
	// The mark in the header is an artifact; the status is said in the
	// text too, as on the site.
	if note, ok := w.statusSpans(p); ok {
		w.para(note, w.margin, w.pw-2*w.margin, w.body, book.Pos{File: p.File, Line: 1, Col: 1})
		w.f.SetY(w.f.GetY() + 2)
	}
	if p.Checklist != nil {
		w.checklist(p.Checklist, w.margin, w.pw-2*w.margin, level+1)
		return
	}
	if p.Kind == book.KindChecklists && p.Description != "" {
		w.para([]span{{text: p.Description}}, w.margin, w.pw-2*w.margin, w.body, book.Pos{File: p.File, Line: 1, Col: 1})
		return
	}
	w.blocks(d, d.Root(), w.margin, w.pw-2*w.margin, level)
	w.f.SetY(w.f.GetY() + 4)
}

// flowSized draws one element of running text from the current position
// to the right margin.
func (w *writer) flowSized(role string, spans []span, size float64, pos book.Pos) {
	w.tagged(role, func() {
		w.flow(spans, w.f.GetX(), w.pw-w.margin-w.f.GetX(), size, pos)
	})
	w.f.SetX(w.margin)
}
