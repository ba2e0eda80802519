package check

import (
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/handbuch/handbuch/internal/book"
)

// File is an output file to check: its path as reports show it, its
// bytes, and the parts of it that came from a source file.
type File struct {
	Path    string
	Data    []byte
	Regions []book.Region
}

// Site checks every HTML page of a site, the colour pairs of its
// stylesheets, and what only the whole site shows: titles used by more
// than one page.
func Site(files []File) []Finding {
	r := NewRunner()
	// Stylesheets first, so that no page waits for its own.
	for _, f := range files {
		if path.Ext(f.Path) == ".css" {
			r.Add(f)
		}
	}
	for _, f := range files {
		if path.Ext(f.Path) != ".css" {
			r.Add(f)
		}
	}
	return r.Finish()
}

// Runner checks files while the build is still making others: Add hands
// a file to a worker at once, so the checks use the cores the renderer
// leaves idle. Finish waits for all and adds the site-wide findings.
type Runner struct {
	work    chan job
	wg      sync.WaitGroup
	mu      sync.Mutex
	results []result
	// sheets are the stylesheets among the files, parsed, by path: a
	// page's own stylesheets decide what on it is hidden.
	sheets map[string]*stylesheet
	// parked are the pages that link a stylesheet of the folder not
	// added yet; Finish checks them when all files are there.
	parked []job
}

type job struct {
	i    int
	f    File
	root *node // the page's tree, parsed before it was parked
}

type result struct {
	path     string
	findings []Finding
	titleAt  *book.Pos
	title    string
}

// NewRunner starts one worker per core.
func NewRunner() *Runner {
	r := &Runner{work: make(chan job, 64), sheets: map[string]*stylesheet{}}
	for range runtime.GOMAXPROCS(0) {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			for j := range r.work {
				r.check(j, false)
			}
		}()
	}
	return r
}

// check checks the file of j and keeps its result; unless final, a page
// whose stylesheet has not come yet is parked instead.
func (r *Runner) check(j job, final bool) {
	// A page that makes a check fail is reported, and the others are
	// checked all the same.
	defer func() {
		if v := recover(); v != nil {
			f := NewFinding("pruefung-abgebrochen", book.Pos{File: j.f.Path, Line: 1, Col: 1},
				"handbuch konnte diese Datei nicht zu Ende prüfen (interner Fehler: "+clip(fmt.Sprint(v))+"). Die übrigen Dateien sind geprüft. Bitte melden Sie den Fehler zusammen mit dieser Datei.")
			r.mu.Lock()
			r.results[j.i] = result{path: j.f.Path, findings: []Finding{f}}
			r.mu.Unlock()
		}
	}()
	missing := false
	lookup := func(page, href string) *stylesheet {
		r.mu.Lock()
		defer r.mu.Unlock()
		s := resolveSheet(r.sheets, page, href)
		if s == nil && !final && localHref(href) {
			missing = true
		}
		return s
	}
	fs, at, title, root := checkFile(j.f, j.root, lookup, func() bool { return !missing })
	r.mu.Lock()
	defer r.mu.Unlock()
	if root != nil {
		j.root = root
		r.parked = append(r.parked, j)
		return
	}
	r.results[j.i] = result{j.f.Path, fs, at, title}
}

// Add queues a file for checking. It is safe for concurrent use: the site
// emits its files from several goroutines.
func (r *Runner) Add(f File) {
	var sheet *stylesheet
	if path.Ext(f.Path) == ".css" {
		sheet = parseCSS(string(f.Data))
	}
	r.mu.Lock()
	i := len(r.results)
	r.results = append(r.results, result{})
	if sheet != nil {
		r.sheets[f.Path] = sheet
	}
	r.mu.Unlock()
	r.work <- job{i: i, f: f}
}

// Checked is the outcome of checking one file, kept by a preview to
// reuse while the file's sources stay the same.
type Checked struct{ res result }

// AddChecked adds the outcome of an earlier check of an unchanged file.
func (r *Runner) AddChecked(c Checked) {
	r.mu.Lock()
	r.results = append(r.results, c.res)
	r.mu.Unlock()
}

// Checked returns the outcome of every file by its path; call it after
// Finish.
func (r *Runner) Checked() map[string]Checked {
	out := make(map[string]Checked, len(r.results))
	for _, res := range r.results {
		out[res.path] = Checked{res}
	}
	return out
}

// Finish waits for the queued files and returns all findings, sorted,
// with the titles that more than one page uses.
func (r *Runner) Finish() []Finding {
	close(r.work)
	r.wg.Wait()
	// The pages that waited for a stylesheet: all files are there now.
	parked := r.parked
	r.parked = nil
	var wg sync.WaitGroup
	next := make(chan job)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				r.check(j, true)
			}
		}()
	}
	for _, j := range parked {
		next <- j
	}
	close(next)
	wg.Wait()
	// Files may come from several goroutines at once: sort them, so that
	// which of two pages with the same title is named stays the same.
	slices.SortStableFunc(r.results, func(a, b result) int { return strings.Compare(a.path, b.path) })
	var out []Finding
	seen := map[string]string{}
	for _, res := range r.results {
		out = append(out, res.findings...)
		if res.titleAt == nil || path.Base(res.path) == "404.html" {
			continue
		}
		if other, dup := seen[res.title]; dup && res.title != "" {
			out = append(out, NewFinding("document-title-unique", *res.titleAt,
				"den Titel „"+res.title+"“ hat auch "+other+". Jede Seite braucht einen eigenen Titel."))
		} else {
			seen[res.title] = res.path
		}
	}
	Sort(out)
	return out
}

// localHref reports whether a stylesheet's address leads into the
// checked folder.
func localHref(href string) bool {
	href = strings.TrimSpace(href)
	return href != "" && !strings.Contains(href, ":") && !strings.HasPrefix(href, "//")
}

// checkFile checks one file and returns its findings and, for a page,
// its title element. Pages find their linked stylesheets with sheets;
// when ready, called after the page's stylesheets were looked up, says
// false, the page is not checked and its parsed tree returned instead,
// to check later. root is a tree parsed before, or nil.
func checkFile(f File, root *node, sheets sheetLookup, ready func() bool) (_ []Finding, _ *book.Pos, _ string, parked *node) {
	switch path.Ext(f.Path) {
	case ".css":
		return Contrast(f.Path, f.Data), nil, "", nil
	case ".html":
	default:
		return nil, nil, "", nil
	}
	data := f.Data
	for _, r := range f.Regions {
		if r.Repeated && len(data) > 0 {
			// Content repeated from other pages (the print view) is
			// checked on its own page; blank it, keeping the lines.
			if &data[0] == &f.Data[0] {
				data = append([]byte(nil), f.Data...)
			}
			for i := r.Start; i < r.End; i++ {
				if data[i] != '\n' {
					data[i] = ' '
				}
			}
		}
	}
	if root == nil {
		root = parse(data)
	}
	p := &page{file: f.Path, src: data, root: root, ids: map[string]*node{}, ready: ready}
	if !p.run(sheets) {
		return nil, nil, "", root
	}
	var title *node
	p.root.walk(func(n *node) bool {
		if n.tag == "title" && title == nil {
			title = n
		}
		return title == nil && n.tag != "body"
	})
	if title == nil {
		return traceBack(p, f.Regions), nil, "", nil
	}
	at := p.pos(title)
	return traceBack(p, f.Regions), &at, title.textContent(), nil
}

// traceBack moves findings inside source regions to the source, through
// the spans the renderer recorded: the innermost source node around the
// element's first byte.
func traceBack(p *page, regions []book.Region) []Finding {
	if len(regions) == 0 {
		return p.findings
	}
	var out []Finding
	for _, f := range p.findings {
		var r *book.Region
		if f.node != nil {
			for i := range regions {
				if f.node.offset >= regions[i].Start && f.node.offset < regions[i].End {
					r = &regions[i]
					break
				}
			}
		}
		switch {
		case r == nil:
		case r.Repeated:
			continue // reported where the content has its own page
		default:
			if pos, ok := r.PosOf(f.node.offset); ok {
				f.Pos = pos
			}
		}
		out = append(out, f)
	}
	return out
}
