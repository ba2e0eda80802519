package build

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/link"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/pdf"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/site"
	"github.com/handbuch/handbuch/internal/source"
)

// Options are the settings of one build.
type Options struct {
	Source string // project folder
	Dest   string // output folder; relative paths are relative to Source; empty with Public: [public] dest or PublicDest
	Drafts bool   // include pages with draft = true
	Strict bool   // warnings fail the build too
	// Offline writes links that work when the site is opened from a
	// folder (file://): see Offline.
	Offline bool
	// NoPDF leaves out every PDF, and the pages offer none: a quicker
	// build to look at the pages and the checks.
	NoPDF bool
	// Today is the date overdue reviews are checked against; zero means
	// SOURCE_DATE_EPOCH if set, else the day of the build.
	Today time.Time
	// Public builds the public site for the organisation's website: only
	// the pages for clients and for everyone, their PDFs, the
	// accessibility statement and the assets; see keepPublic.
	Public bool
}

// Result summarises a successful build.
type Result struct {
	Dest     string // the output folder that was written
	Pages    int
	Files    int
	Slots    int // places the organisation still fills in (shortcode.Shortcode.Slot)
	Findings []check.Finding
	Duration time.Duration
}

// FindingsError is returned when the checks found errors (or, with
// Strict, warnings); the output was not replaced.
type FindingsError struct {
	Findings []check.Finding
}

func (e *FindingsError) Error() string {
	n, w, _ := check.Count(e.Findings)
	return fmt.Sprintf("die Prüfung fand %d Fehler und %d Warnungen", n, w)
}

// Build builds the project and replaces the output folder. Cancelling
// ctx stops the build before the output is replaced.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	today := opts.Today
	if today.IsZero() {
		today = Today()
	}
	project, layouts, err := openProject(opts.Source)
	if err != nil {
		return nil, err
	}
	dest := opts.Dest
	if dest == "" && opts.Public {
		// handbuch.toml may name the folder; its errors come with the build.
		c, _ := load.Config(project)
		dest = cmp.Or(c.PublicDest, PublicDest)
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(opts.Source, dest)
	}
	if err := checkPlace(opts.Source, dest); err != nil {
		return nil, err
	}
	// Every file goes into a new folder beside dest as soon as it is
	// made and checked; only a build without error findings swaps it in.
	out, err := newOutput(dest, opts.Offline)
	if err != nil {
		return nil, err
	}
	pdfs := pdfsAll
	if opts.NoPDF {
		pdfs = pdfsNone
	}
	type made struct {
		files    []site.File
		h        *book.Handbook
		findings []check.Finding
		err      error
	}
	done := make(chan made, 1)
	go func() {
		var m made
		m.files, m.h, m.findings, m.err = makeSite(project, layouts, load.Options{Drafts: opts.Drafts, Today: today}, shownDir(opts.Source, dest), pdfs, opts.Public, nil, out.put)
		done <- m
	}()
	var m made
	select {
	case m = <-done:
	case <-ctx.Done():
		// A signal stops the build at once: the new folder goes, the
		// process ends, and what the build still makes is not written.
		out.discard()
		return nil, ctx.Err()
	}
	files, h, findings, err := m.files, m.h, m.findings, m.err
	if err != nil {
		out.discard()
		return nil, err
	}
	errs, warns, _ := check.Count(findings)
	if errs > 0 || (opts.Strict && warns > 0) {
		out.discard()
		return nil, &FindingsError{Findings: findings}
	}
	if err := out.commit(); err != nil {
		return nil, err
	}
	slots := 0
	for _, f := range findings {
		if f.Rule == "offene-stelle" {
			slots++
		}
	}
	return &Result{
		Dest:     dest,
		Pages:    len(h.Pages),
		Files:    len(files),
		Slots:    slots,
		Findings: findings,
		Duration: time.Since(start),
	}, nil
}

// Make does a whole build in memory: load, link, render, check, and the
// report pages that show the findings (checked too). dir is how findings
// name the output folder.
func Make(fsys fs.FS, projectLayouts fs.FS, opts load.Options, dir string) ([]site.File, *book.Handbook, []check.Finding, error) {
	return makeSite(fsys, projectLayouts, opts, dir, pdfsAll, false, nil, nil)
}

// pdfMode says which PDFs a build makes.
type pdfMode int

const (
	pdfsAll   pdfMode = iota // every PDF, offered on its page
	pdfsLater                // none, but the pages offer them: the preview makes them when asked for
	pdfsNone                 // none, and no page offers one
)

// makeSite is Make, with the PDFs as pdfs says. With put, every file is
// handed to it as soon as it is made, and the files come back without
// their bytes, so that the build never holds the whole site. With inc,
// it reuses the unchanged pages of the last build and leaves out the
// pages that gather from every page (search, print view, reports).
func makeSite(fsys fs.FS, projectLayouts fs.FS, opts load.Options, dir string, pdfs pdfMode, public bool, inc *Incremental, put func(site.File)) ([]site.File, *book.Handbook, []check.Finding, error) {
	// The checks of each page run while the renderer makes the next ones.
	runner := check.NewRunner()
	emit := func(f site.File) {
		runner.Add(checkFile(f, dir))
		if put != nil {
			put(f)
		}
	}
	var keys map[string]pageKey
	reuse := func(b *link.Book) func(p *book.Page) (site.File, bool) {
		if inc == nil {
			return nil
		}
		keys = inc.keys(fsys, projectLayouts, b, opts)
		return func(p *book.Page) (site.File, bool) {
			c, ok := inc.pages[pagePath(p)]
			if !ok || !c.key.same(keys[pagePath(p)]) {
				return site.File{}, false
			}
			runner.AddChecked(c.checked)
			return c.file, true
		}
	}
	var cache *link.Cache
	if inc != nil {
		cache = &inc.parsed
		opts.Pages = &inc.loaded
	}
	b, err := parse(fsys, opts, cache, public)
	if err != nil {
		runner.Finish()
		return nil, nil, nil, err
	}
	// The readability of every page, for the report, is measured while
	// the site and the PDFs are made.
	read := make(chan []site.Readability, 1)
	if inc == nil {
		go func() { read <- readability(b.Docs, b.Config.Language) }()
	}
	var keep func(*book.Page) (site.File, bool)
	if reuse != nil {
		keep = reuse(b)
	}
	files, err := renderBook(b, projectLayouts, pdfs, public, emit, keep, put != nil)
	pages := runner.Finish()
	if err != nil {
		return nil, nil, nil, err
	}
	findings := withoutSwitchedOff(b.Config, append(pages, siteFindings(b)...))
	if inc != nil {
		// The report pages, which measure every page, wait for PreviewAll.
		inc.remember(files, keys, runner.Checked(), dir)
		check.Sort(findings)
		return files, b.Handbook, findings, nil
	}
	reports, err := site.Reports(b.Handbook, site.NewLayouts(projectLayouts, handbuch.Layouts()), reportFindings(findings), <-read, ruleTexts(findings), public)
	if err != nil {
		return nil, nil, nil, err
	}
	findings = append(findings, Check(b.Config, reports, dir)...)
	check.Sort(findings)
	if put != nil {
		for i, f := range reports {
			put(f)
			reports[i].Data = nil
		}
	}
	return append(files, reports...), b.Handbook, findings, nil
}

// Check runs the checks of the markup of each file (reported at
// dir/<page>), leaving out the rules listed in checks.off of c.
func Check(c book.Config, files []site.File, dir string) []check.Finding {
	runner := check.NewRunner()
	// Stylesheets first: a page waits for the stylesheets it links.
	for _, css := range []bool{true, false} {
		for _, f := range files {
			if (path.Ext(f.Path) == ".css") == css {
				runner.Add(checkFile(f, dir))
			}
		}
	}
	all := withoutSwitchedOff(c, runner.Finish())
	check.Sort(all)
	return all
}

// checkFile is an output file as the checks see it.
func checkFile(f site.File, dir string) check.File {
	return check.File{Path: path.Join(dir, f.Path), Data: f.Data, Regions: f.Regions}
}

// siteFindings are the checks of the sources: overdue reviews, drafts,
// links to other sites, plain language, and the loader's warnings.
func siteFindings(b *link.Book) []check.Finding {
	all := check.Reviews(b.Handbook, b.External)
	all = append(all, plainLanguage(b.Handbook, b.All())...)
	for _, w := range b.Warnings {
		all = append(all, check.NewFinding("eingabe", w.Pos, w.Msg))
	}
	for _, d := range b.Docs {
		if l, ok := drawable(b.Config, d.Page); !ok {
			switch {
			case d.Page.Flyer:
				all = append(all, check.NoPDF(d.Page.File, l, "Ein Faltblatt (flyer = true)"))
			case d.Uses(func(s *shortcode.Shortcode) bool { return s.Form }):
				all = append(all, check.NoPDF(d.Page.File, l, "Ein Formular als PDF"))
			}
		}
		for _, f := range d.Figures() {
			all = append(all, check.AltText(f.Pos, f.Alt, f.Caption)...)
		}
		for _, sc := range d.Shortcodes {
			if s, ok := shortcode.Lookup(sc.Name); ok && s.Slot != nil {
				if what, fill := s.Slot(b.Handbook, sc.Args); what != "" {
					all = append(all, check.OpenSlot(d.ShortcodePos(sc), what, fill))
				}
			}
		}
	}
	for _, c := range b.Contacts {
		for _, p := range c.Open {
			what, fill := shortcode.ContactSlot(c, p)
			all = append(all, check.OpenSlot(p.Pos, what, fill))
		}
	}
	return all
}

// withoutSwitchedOff drops the rules listed in checks.off of c.
func withoutSwitchedOff(c book.Config, all []check.Finding) []check.Finding {
	off := map[string]bool{}
	for _, r := range c.ChecksOff {
		off[r] = true
	}
	out := all[:0]
	for _, f := range all {
		if !off[f.Rule] {
			out = append(out, f)
		}
	}
	return out
}

// shownDir is how reports name the output folder: relative to the
// project when it lies inside, else as it is.
func shownDir(source, dest string) string {
	if rel, err := filepath.Rel(source, dest); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(dest)
}

// Render runs load, link and render on the project in fsys and returns
// the output files in memory.
func Render(fsys fs.FS, projectLayouts fs.FS, opts load.Options) ([]site.File, *book.Handbook, error) {
	files, b, err := render(fsys, projectLayouts, opts, pdfsAll)
	if err != nil {
		return nil, nil, err
	}
	return files, b.Handbook, nil
}

// render is Render that returns the linked book, for the checks, and
// makes the PDFs that pdfs says.
func render(fsys fs.FS, projectLayouts fs.FS, opts load.Options, pdfs pdfMode) ([]site.File, *link.Book, error) {
	b, err := parse(fsys, opts, nil, false)
	if err != nil {
		return nil, nil, err
	}
	files, err := renderBook(b, projectLayouts, pdfs, false, nil, nil, false)
	return files, b, err
}

// renderBook renders the site and the PDFs of a linked book; emit,
// reuse and stream are those of site.Input.
func renderBook(b *link.Book, projectLayouts fs.FS, pdfs pdfMode, public bool, emit func(site.File), reuse func(*book.Page) (site.File, bool), stream bool) ([]site.File, error) {
	// The PDF of the whole handbook is made on another core while the
	// site renders; the start page, which links it with its size, waits.
	// A public build has none: the handbook is for staff.
	wholePDFs := pdfs
	if public {
		wholePDFs = pdfsNone
	}
	whole, wholeDone := handbookPDF(b, wholePDFs)
	files, downloads, err := renderPDFs(b, pdfs)
	if err != nil {
		<-wholeDone
		return nil, err
	}
	if emit != nil {
		for i, f := range files {
			emit(f)
			if stream {
				files[i].Data = nil
			}
		}
	}
	pages, err := site.Render(site.Input{Book: b, Layouts: site.NewLayouts(projectLayouts, handbuch.Layouts()), Downloads: downloads, Whole: whole, Emit: emit, Reuse: reuse, Stream: stream, Public: public})
	made := <-wholeDone
	if made.err != nil {
		return nil, made.err
	}
	if err != nil {
		return nil, err
	}
	if f := made.file; f != nil {
		if emit != nil {
			emit(*f)
		}
		if stream {
			f.Data = nil
		}
		files = append([]site.File{*f}, files...)
	}
	return append(pages, files...), nil
}

// parse loads and links the project, with the pages of cache if any;
// for a public build it keeps only what is public (keepPublic), and
// links no glossary terms, since the glossary stays in the intranet.
func parse(fsys fs.FS, opts load.Options, cache *link.Cache, public bool) (*link.Book, error) {
	h, err := load.Load(fsys, opts)
	if err != nil {
		return nil, err
	}
	if public {
		h.Config.TermLinks = "none"
	}
	b, err := link.Link(fsys, h, site.ReservedIDs, cache)
	if err != nil || !public {
		return b, err
	}
	if err := keepPublic(b); err != nil {
		return nil, err
	}
	return b, nil
}

// madePDF is a PDF made on another goroutine: the file (nil when it is
// not made) or its errors.
type madePDF struct {
	file *site.File
	err  error
}

// handbookPDF starts the PDF of the whole handbook. The first channel
// delivers its download for the start page (closed without one if it
// failed), the second the PDF when it is done.
func handbookPDF(b *link.Book, pdfs pdfMode) (<-chan book.Download, <-chan madePDF) {
	f := site.File{Path: "pdf/" + book.Slug(b.Config.Title) + ".pdf"}
	download := book.Download{URL: "/" + f.Path, Label: "Das ganze Handbuch als PDF herunterladen"}
	whole := make(chan book.Download, 1)
	done := make(chan madePDF, 1)
	if pdfs != pdfsAll {
		if pdfs == pdfsLater {
			whole <- download
		}
		close(whole)
		done <- madePDF{}
		return whole, done
	}
	go func() {
		var err error
		f.Data, err = pdf.Handbook(b.Handbook, handbookDocs(b))
		if err != nil {
			close(whole)
			done <- madePDF{err: pdfErrors(f.Path, err)}
			return
		}
		download.Size = len(f.Data)
		whole <- download
		close(whole)
		done <- madePDF{file: &f}
	}()
	return whole, done
}

// handbookDocs are the pages of the PDF of the whole handbook: all but
// the translations, which are the same text in another language, the
// editors' pages, which are not for its readers, and the pages the
// fonts of the PDFs cannot draw.
func handbookDocs(b *link.Book) []*markdown.Doc {
	var docs []*markdown.Doc
	for _, d := range b.Docs {
		if _, ok := drawable(b.Config, d.Page); ok && d.Page.Original == nil && !d.Page.ForEditors() {
			docs = append(docs, d)
		}
	}
	return docs
}

// drawable reports whether the fonts of the PDFs draw the letters of
// the language of page p, which it returns: Latin and Arabic letters, not
// yet Cyrillic.
// The checks give a page that asks for a PDF and gets none a hint
// (check.NoPDF).
func drawable(c book.Config, p *book.Page) (book.Language, bool) {
	l, known := book.LookupLanguage(p.Lang(c.Language))
	return l, !known || l.PDF
}

// renderPDFs renders the PDFs of flyers, forms and checklists and returns
// them with the downloads they give their pages; pdfsLater only notes
// the downloads, without a size, pdfsNone does nothing.
func renderPDFs(b *link.Book, pdfs pdfMode) ([]site.File, map[string]book.Download, error) {
	downloads := map[string]book.Download{}
	var files []site.File
	if pdfs == pdfsNone {
		return nil, downloads, nil
	}
	var errs book.ErrorList
	addPDF := func(page, name, label, lang string, make func() ([]byte, error)) {
		f := site.File{Path: "pdf/" + name + ".pdf"}
		if pdfs == pdfsAll {
			var err error
			if f.Data, err = make(); err != nil {
				errs = append(errs, pdfErrors(f.Path, err)...)
				return
			}
			files = append(files, f)
		}
		downloads[page] = book.Download{URL: "/" + f.Path, Size: len(f.Data), Label: label, Lang: lang}
	}
	for _, d := range b.Docs {
		p := d.Page
		if _, ok := drawable(b.Config, p); !ok {
			continue
		}
		name := strings.ReplaceAll(strings.Trim(p.URL, "/"), "/", "-")
		switch {
		case p.Flyer:
			// Offered in the page's language where it is translated.
			label, lang := book.Languages["de"].Flyer, ""
			if l, ok := drawable(b.Config, p); ok && p.Foreign(b.Config.Language) && l.Flyer != "" {
				label, lang = l.Flyer, l.Code
			}
			addPDF(p.URL, "faltblatt-"+name, label, lang, func() ([]byte, error) { return pdf.Flyer(b.Handbook, d) })
		case d.Uses(func(s *shortcode.Shortcode) bool { return s.Form }):
			addPDF(p.URL, name, "Als PDF zum Ausdrucken herunterladen", "", func() ([]byte, error) { return pdf.Page(b.Handbook, d) })
		case p.Checklist != nil:
			addPDF(p.URL, "checkliste-"+p.Checklist.Name, "Als PDF zum Ausdrucken herunterladen", "", func() ([]byte, error) { return pdf.Checklist(b.Handbook, p.Checklist) })
		}
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	return files, downloads, nil
}

// pdfErrors are the errors of making the PDF at path: the content's,
// with their positions, or, when it is not the content's fault, one that
// names the file. Either way the build fails.
func pdfErrors(path string, err error) book.ErrorList {
	if list := book.Errors(err); len(list) > 0 {
		return list
	}
	return book.ErrorList{{Pos: book.Pos{File: path}, Msg: err.Error()}}
}

// reportFindings turns findings into what the report pages show.
func reportFindings(fs []check.Finding) []site.Finding {
	out := make([]site.Finding, len(fs))
	for i, f := range fs {
		out[i] = site.Finding{Where: f.Pos.String(), File: f.Pos.File, Severity: f.Severity.String(), Rule: f.Rule, SC: f.SC, Msg: f.Msg}
	}
	return out
}

// readability measures every page written by hand (not the generated
// ones, not glossary entries), in reading order, on every core.
func readability(docs []*markdown.Doc, lang string) []site.Readability {
	var pages []*markdown.Doc
	for _, d := range docs {
		if d.Page.Source != nil && !strings.HasPrefix(d.Page.File, "glossary/") && check.German(d.Page.Lang(lang)) {
			pages = append(pages, d)
		}
	}
	results := make([]check.Readability, len(pages))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	syllables := new(check.SyllableCache)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(pages); i += workers {
				var all []check.Sentence
				for _, b := range pages[i].TextBlocks() {
					all = append(all, check.Sentences(b.Text)...)
				}
				results[i] = syllables.Measure(all)
			}
		}()
	}
	wg.Wait()
	de := func(f float64) string { return strings.Replace(fmt.Sprintf("%.1f", f), ".", ",", 1) }
	var out []site.Readability
	for i, r := range results {
		if r.Words == 0 {
			continue
		}
		p := pages[i].Page
		out = append(out, site.Readability{
			Title: p.Title, Href: p.URL, Plain: p.Plain, Words: r.Words, Sentences: r.Sentences,
			FRE: r.FRE, WSTF1: r.WSTF1, LIX: r.LIX, FREText: de(r.FRE), WSTF1Text: de(r.WSTF1), LIXText: de(r.LIX),
		})
	}
	return out
}

// plainLanguage checks the texts in Einfache Sprache: the glossary
// (short, text, example) and every page with plain = true, whose
// readability is measured too.
func plainLanguage(h *book.Handbook, docs []*markdown.Doc) []check.Finding {
	known := map[string]bool{}
	for _, t := range h.Glossary {
		for _, w := range append([]string{t.Term, t.Abbr}, t.Forms...) {
			for _, part := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return r == ' ' || r == '-' }) {
				known[part] = true
			}
			known[strings.ToLower(w)] = true
		}
	}
	var texts []check.Text
	for _, t := range h.Glossary {
		t := t
		for _, part := range []struct {
			text string
			off  int
		}{{t.Short, t.ShortOffset}, {t.Example, t.ExampleOffset}} {
			if part.text == "" {
				continue
			}
			off := part.off
			texts = append(texts, check.Text{Text: part.text, Pos: func(i int) book.Pos { return book.PosAt(t.File, t.Source, off+i) }})
		}
	}
	out := check.Plain(texts, known, h.Config.Limits)
	for _, d := range docs {
		p := d.Page
		entry := strings.HasPrefix(p.File, "glossary/") // the text of a term
		if !(p.Plain || entry) || p.Source == nil || !check.German(p.Lang(h.Config.Language)) {
			continue
		}
		var page []check.Text
		for _, b := range d.TextBlocks() {
			b := b
			page = append(page, check.Text{Text: b.Text, Pos: func(i int) book.Pos {
				if i >= len(b.Offsets) {
					i = len(b.Offsets) - 1
				}
				return p.BodyPos(b.Offsets[max(i, 0)])
			}})
		}
		out = append(out, check.Plain(page, known, h.Config.Limits)...)
		if !entry {
			_, fs := check.Readable(book.Pos{File: p.File, Line: 1, Col: 1}, page, h.Config.Limits)
			out = append(out, fs...)
		}
	}
	return out
}

// Today is the reference date of a build: SOURCE_DATE_EPOCH when it is
// set (reproducible builds), else now.
func Today() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Now()
}

// openProject opens the project folder, through which every project file
// is read, and its own layouts folder (nil when it has none).
func openProject(dir string) (project, layouts fs.FS, err error) {
	f, err := source.Open(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("der Projektordner „%s“ %w", source.Shown(dir), err)
	}
	// A layouts folder that cannot be looked at (one that leads out of
	// the project, say) is kept, so that reading it reports why.
	if st, err := f.Stat("layouts"); (err == nil && st.IsDir()) || (err != nil && !errors.Is(err, fs.ErrNotExist)) {
		layouts, _ = f.Sub("layouts")
	}
	return f, layouts, nil
}

// ErrNotOurs is returned when the destination holds files that handbuch
// did not write.
var ErrNotOurs = errors.New("fremder Ordner")

// ErrBusy is returned when another build is writing the same destination.
var ErrBusy = errors.New("Ziel in Benutzung")
