package check

import (
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
	for _, f := range files {
		r.Add(f)
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
}

type job struct {
	i int
	f File
}

type result struct {
	path     string
	findings []Finding
	titleAt  *book.Pos
	title    string
}

// NewRunner starts one worker per core.
func NewRunner() *Runner {
	r := &Runner{work: make(chan job, 64)}
	for range runtime.GOMAXPROCS(0) {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			for j := range r.work {
				fs, at, title := checkFile(j.f)
				r.mu.Lock()
				r.results[j.i] = result{j.f.Path, fs, at, title}
				r.mu.Unlock()
			}
		}()
	}
	return r
}

// Add queues a file for checking. It is safe for concurrent use: the site
// emits its files from several goroutines.
func (r *Runner) Add(f File) {
	r.mu.Lock()
	i := len(r.results)
	r.results = append(r.results, result{})
	r.mu.Unlock()
	r.work <- job{i, f}
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
			out = append(out, Finding{Rule: "document-title-unique", Severity: Warning, Pos: *res.titleAt, SC: sc242,
				Msg: "den Titel „" + res.title + "“ hat auch " + other + ". Jede Seite braucht einen eigenen Titel."})
		} else {
			seen[res.title] = res.path
		}
	}
	Sort(out)
	return out
}

// checkFile checks one file and returns its findings and, for a page,
// its title element.
func checkFile(f File) ([]Finding, *book.Pos, string) {
	switch path.Ext(f.Path) {
	case ".css":
		return Contrast(f.Path, f.Data), nil, ""
	case ".html":
	default:
		return nil, nil, ""
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
	p := &page{file: f.Path, src: data, root: parse(data), ids: map[string]*node{}}
	p.run()
	var title *node
	p.root.walk(func(n *node) bool {
		if n.tag == "title" && title == nil {
			title = n
		}
		return title == nil && n.tag != "body"
	})
	if title == nil {
		return traceBack(p, f.Regions), nil, ""
	}
	at := p.pos(title)
	return traceBack(p, f.Regions), &at, title.textContent()
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
