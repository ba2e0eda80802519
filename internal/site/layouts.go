package site

import (
	"errors"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/source"
)

// Layouts overlays a project's own layouts/ folder on the default layouts
// embedded in the binary: a project file replaces the default file of the
// same name, file by file, as in mdBook and Hugo themes.
type Layouts struct {
	project fs.FS // may be nil
	base    fs.FS
}

// NewLayouts returns the overlay. project is the project's layouts folder
// (nil when it has none); base holds the defaults.
func NewLayouts(project, base fs.FS) *Layouts {
	return &Layouts{project: project, base: base}
}

// ReadFile returns the project's file if it has one, else the default.
// It also says which file it read, for messages. A project file that
// is there but may not be read (a symbolic link, a named pipe, too big)
// is an error with its position, not a reason to take the default.
func (l *Layouts) ReadFile(name string) ([]byte, string, error) {
	if l.project != nil {
		b, err := source.Read(l.project, name, source.MaxFileSize)
		if err == nil {
			return b, "layouts/" + name, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", book.Errorf(book.Pos{File: "layouts/" + name}, "%s", err)
		}
	}
	b, err := source.Read(l.base, name, source.MaxFileSize)
	return b, "(eingebaut) layouts/" + name, err
}

// Files lists the files under dir in either layer, sorted. Everything
// but a folder counts as a file, so that ReadFile refuses what it may
// not read (a named pipe, a symbolic link) instead of it being left out
// unnoticed.
func (l *Layouts) Files(dir string) ([]string, error) {
	set := map[string]bool{}
	for _, fsys := range []fs.FS{l.base, l.project} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return book.Errorf(book.Pos{File: "layouts/" + p}, "%s", source.Explain(err))
			}
			if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				set[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// templates parses baseof.html and partials/*.html once, then one clone of
// them per page layout, so each layout can define its own "main".
func (l *Layouts) templates(names ...string) (map[string]*template.Template, error) {
	var errs book.ErrorList
	parse := func(t *template.Template, name string) {
		src, file, err := l.ReadFile(name)
		var e *book.Error
		if errors.As(err, &e) {
			errs.Add(e)
			return
		}
		if err != nil {
			errs.Addf(book.Pos{File: "layouts/" + name}, "Layout fehlt oder kann nicht gelesen werden: %v", err)
			return
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			errs.Addf(book.Pos{File: file}, "Fehler im Layout: %v", err)
		}
	}
	base := template.New("").Funcs(funcs)
	parse(base, "baseof.html")
	for _, dir := range []string{"partials", "shortcodes"} {
		files, err := l.Files(dir)
		var e *book.Error
		if errors.As(err, &e) {
			errs.Add(e)
		}
		for _, p := range files {
			if path.Ext(p) == ".html" {
				parse(base, p)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, name := range names {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		parse(t, name)
		out[name] = t.Lookup("baseof.html")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
