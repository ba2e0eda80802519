package build

import (
	"os"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/site"
)

// Preview builds the project in memory, as handbuch serve shows it, and
// writes nothing. The pages offer their PDFs, but they are made only by
// PreviewPDFs, when someone asks for one. Error findings are returned,
// not turned into an error.
func Preview(opts Options) ([]site.File, *book.Handbook, []check.Finding, error) {
	return makeSite(os.DirFS(opts.Source), projectLayouts(opts.Source), opts.load(), "public", true)
}

// PreviewPDFs makes the PDFs of the project.
func PreviewPDFs(opts Options) ([]site.File, error) {
	h, docs, _, err := parse(os.DirFS(opts.Source), opts.load())
	if err != nil {
		return nil, err
	}
	return renderPDFs(h, docs, false, nil)
}

func (opts Options) load() load.Options {
	today := opts.Today
	if today.IsZero() {
		today = Today()
	}
	return load.Options{Drafts: opts.Drafts, Today: today}
}
