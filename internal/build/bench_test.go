package build

import (
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/synthetic"
)

// BenchmarkRenderModel measures load → link → render of the model
// handbook in memory, without writing files.
func BenchmarkRenderModel(b *testing.B) {
	for b.Loop() {
		if _, _, err := Render(handbuch.Model(), nil, load.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteModel measures the atomic write of the model handbook.
func BenchmarkWriteModel(b *testing.B) {
	dest := b.TempDir() + "/public"
	files, _, err := Render(handbuch.Model(), nil, load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Write(b.Context(), dest, files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckModel measures the checks of the rendered model handbook.
func BenchmarkCheckModel(b *testing.B) {
	files, book, err := render(handbuch.Model(), nil, load.Options{}, pdfsAll)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Check(book.Config, files, "public")
		siteFindings(book)
	}
}

// BenchmarkCheck1000 measures handbuch check on the HTML pages of a
// synthetic handbook of 1,000 chapters (issue 15: milliseconds per page
// next to axe-core's on the same pages, which
// internal/browsertest/axe-pages.mjs measures).
func BenchmarkCheck1000(b *testing.B) {
	files, book, err := render(synthetic.Project(1000, 100), nil, load.Options{Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, pdfsNone)
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") {
			pages++
		}
	}
	start := time.Now()
	for b.Loop() {
		Check(book.Config, files, "public")
	}
	b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N)/float64(pages), "ms/page")
	b.ReportMetric(float64(pages), "pages")
}
