package build

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/link"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/site"
	"github.com/handbuch/handbuch/internal/source"
)

// Preview builds the project in memory, as handbuch serve shows it, and
// writes nothing. The pages offer their PDFs, but they, the search and
// the print view are made only by PreviewAll, when someone asks for
// one of them. With inc, the pages whose
// sources did not change since the last Preview with the same inc are
// taken from it instead of being rendered and checked again. Error
// findings are returned, not turned into an error.
func Preview(opts Options, inc *Incremental) ([]site.File, *book.Handbook, []check.Finding, error) {
	project, layouts, err := openProject(opts.Source)
	if err != nil {
		return nil, nil, nil, err
	}
	return makeSite(project, layouts, opts.load(), "public", pdfsLater, false, inc, nil)
}

// PreviewAll builds the whole site in memory, with the PDFs, the search
// and the print view.
func PreviewAll(opts Options) ([]site.File, error) {
	project, layouts, err := openProject(opts.Source)
	if err != nil {
		return nil, err
	}
	files, _, err := Render(project, layouts, opts.load())
	return files, err
}

func (opts Options) load() load.Options {
	today := opts.Today
	if today.IsZero() {
		today = Today()
	}
	return load.Options{Drafts: opts.Drafts, Today: today}
}

// Incremental keeps the pages of the last preview build with their
// check results, so that a rebuild after an editor changed one chapter
// renders and checks that chapter only.
//
// A page's output depends on its own source and on what every page
// shows: settings, layouts, glossary, checklists, data, and the front
// matter of all pages (titles, order, descriptions and review dates
// appear in navigation, breadcrumbs, section lists and footers). Its key
// is the hash of both; a change to anything but the text of a chapter
// renders every page again.
type Incremental struct {
	pages  map[string]cachedPage // by output path
	loaded load.PageCache
	parsed link.Cache
}

// pageKey is what a page's output depends on: what every page shows
// (settings, layouts, glossary, checklists, data, every page's front
// matter; for the glossary page also which pages use which term) and the
// page's own source. Sources are compared, not hashed: the loader hands
// an unchanged file's bytes on from the last build, so the comparison of
// an unchanged page is one pointer check.
type pageKey struct {
	global [sha256.Size]byte
	source []byte
}

func (k pageKey) same(o pageKey) bool {
	return k.global == o.global && bytes.Equal(k.source, o.source)
}

type cachedPage struct {
	key     pageKey
	file    site.File
	checked check.Checked
}

// pagePath is where a page is written.
func pagePath(p *book.Page) string { return strings.TrimPrefix(p.URL, "/") + "index.html" }

// keys returns the key of every page of b, by output path.
func (inc *Incremental) keys(fsys, projectLayouts fs.FS, b *link.Book, opts load.Options) map[string]pageKey {
	h := b.Handbook
	all := sha256.New()
	write := func(parts ...string) {
		for _, p := range parts {
			all.Write([]byte(p))
			all.Write([]byte{0})
		}
	}
	write(opts.Today.Format("2006-01-02"))
	if opts.Drafts {
		write("drafts")
	}
	hashTree := func(fsys fs.FS, root string) {
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			// A file that may not be read is hashed by its reason: it
			// changes the output when it is fixed.
			b, err := source.Read(fsys, p, source.MaxFileSize)
			if err != nil {
				b = []byte(err.Error())
			}
			write(p, string(b))
			return nil
		})
	}
	for _, part := range []string{"handbuch.toml", "glossary", "checklists", "data"} {
		hashTree(fsys, part)
	}
	if projectLayouts != nil {
		write("layouts")
		hashTree(projectLayouts, ".")
	}
	for _, p := range h.Pages {
		write(p.File, p.URL, p.Title)
		if p.Source != nil {
			write(string(p.Source[:p.BodyOffset]))
		}
	}
	// A changed picture gets a new name in every page that shows it.
	for _, img := range b.Images {
		write(img.File, img.Name)
	}
	global := [sha256.Size]byte(all.Sum(nil))
	// The glossary page lists where each term is used.
	for _, t := range h.Glossary {
		write(t.Name)
		for _, p := range b.UsedIn[t] {
			write(p.URL)
		}
	}
	glossary := [sha256.Size]byte(all.Sum(nil))
	keys := make(map[string]pageKey, len(h.Pages))
	for _, p := range h.Pages {
		k := pageKey{global, p.Source}
		if p.Kind == book.KindGlossary {
			k.global = glossary
		}
		keys[pagePath(p)] = k
	}
	return keys
}

// remember keeps the pages of a finished build.
func (inc *Incremental) remember(files []site.File, keys map[string]pageKey, checked map[string]check.Checked, dir string) {
	inc.pages = map[string]cachedPage{}
	for _, f := range files {
		key, ok := keys[f.Path]
		if !ok {
			continue
		}
		c, ok := checked[checkFile(f, dir).Path]
		if !ok {
			continue
		}
		inc.pages[f.Path] = cachedPage{key, f, c}
	}
}
