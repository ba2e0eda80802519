package build

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/site"
)

// Options are the settings of one build.
type Options struct {
	Source string // project folder
	Dest   string // output folder; relative paths are relative to Source
	Drafts bool   // include pages with draft = true
	// Today is the date overdue reviews are checked against; zero means
	// SOURCE_DATE_EPOCH if set, else the day of the build.
	Today time.Time
}

// Result summarises a successful build.
type Result struct {
	Dest     string // the output folder that was written
	Pages    int
	Files    int
	Warnings []*book.Error
	Duration time.Duration
}

// Build builds the project and replaces the output folder. Cancelling
// ctx stops the build before the output is replaced.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	today := opts.Today
	if today.IsZero() {
		today = Today()
	}
	files, h, err := Render(os.DirFS(opts.Source), projectLayouts(opts.Source), load.Options{Drafts: opts.Drafts, Today: today})
	if err != nil {
		return nil, err
	}
	dest := opts.Dest
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(opts.Source, dest)
	}
	if err := Write(ctx, dest, files); err != nil {
		return nil, err
	}
	return &Result{
		Dest:     dest,
		Pages:    len(h.Pages),
		Files:    len(files),
		Warnings: h.Warnings,
		Duration: time.Since(start),
	}, nil
}

// Render runs load, link and render on the project in fsys and returns
// the output files in memory.
func Render(fsys fs.FS, projectLayouts fs.FS, opts load.Options) ([]site.File, *book.Handbook, error) {
	h, err := load.Load(fsys, opts)
	if err != nil {
		return nil, nil, err
	}
	md := markdown.New(markdown.Options{
		AllowHTML:   h.Config.AllowHTML,
		ReservedIDs: site.ReservedIDs,
		Glossary:    h.Glossary,
		TermLinks:   h.Config.TermLinks,
	})
	var errs book.ErrorList
	docs := make([]*markdown.Doc, len(h.Pages))
	for i, p := range h.Pages {
		docs[i] = md.Parse(p)
		errs = append(errs, docs[i].Errors...)
	}
	entries := make([]*markdown.Doc, len(h.Glossary))
	for i, t := range h.Glossary {
		entries[i] = md.ParseTerm(t, &book.Page{
			Kind: book.KindGlossary, File: t.File, URL: markdown.GlossaryURL,
			Source: t.Source, Body: []byte(t.Text), BodyOffset: t.TextOffset,
		})
		errs = append(errs, entries[i].Errors...)
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	if err := site.Link(h, append(docs[:len(docs):len(docs)], entries...)); err != nil {
		return nil, nil, err
	}
	files, err := site.Render(h, docs, entries, site.NewLayouts(projectLayouts, handbuch.Layouts()))
	if err != nil {
		return nil, nil, err
	}
	return files, h, nil
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

// projectLayouts returns the project's own layouts folder, or nil.
func projectLayouts(source string) fs.FS {
	dir := filepath.Join(source, "layouts")
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return os.DirFS(dir)
	}
	return nil
}

// ErrNotOurs is returned when the destination holds files that handbuch
// did not write.
var ErrNotOurs = errors.New("fremder Ordner")
