package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/pdf"
	"github.com/handbuch/handbuch/internal/pdfua"
	"github.com/handbuch/handbuch/internal/synthetic"
)

// BenchmarkSynthetic1000 measures a 1,000-page handbook with 100 terms:
// each stage, render (site and PDFs), and the checks on top of it. The checks should add at
// most a quarter to the render time.
func BenchmarkSynthetic1000(b *testing.B) {
	fs := synthetic.Project(1000, 100)
	opts := load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
	files, book, err := render(fs, nil, opts, pdfsAll)
	if err != nil {
		b.Fatal(err)
	}
	// The stages one by one: load, parse and link; the HTML site without
	// PDFs; the checks; the atomic write. (The PDF has its own benchmark.)
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := parse(fs, opts, nil, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("site", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := render(fs, nil, opts, pdfsLater); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		dest := b.TempDir() + "/public"
		for b.Loop() {
			if err := Write(b.Context(), dest, files); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The search index as the browser loads it on /suche/: its size, raw
	// and gzipped, reported as metrics; the loop gzips it once.
	b.Run("search-index", func(b *testing.B) {
		var index []byte
		for _, f := range files {
			if f.Path == "suche/index.js" {
				index = f.Data
			}
		}
		if index == nil {
			b.Fatal("no suche/index.js")
		}
		var zipped int
		for b.Loop() {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(index)
			zw.Close()
			zipped = buf.Len()
		}
		b.ReportMetric(float64(len(index)), "index-bytes")
		b.ReportMetric(float64(zipped), "index-gzip-bytes")
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := render(fs, nil, opts, pdfsAll); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			Check(book.Config, files, "public")
			siteFindings(book)
		}
	})
	// The whole build as handbuch build does it, with and without the
	// checks and the report pages.
	dest := b.TempDir() + "/public"
	b.Run("build-without-checks", func(b *testing.B) {
		for b.Loop() {
			files, _, err := render(fs, nil, opts, pdfsAll)
			if err == nil {
				err = Write(b.Context(), dest, files)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			files, _, _, err := Make(fs, nil, opts, "public")
			if err == nil {
				err = Write(b.Context(), dest, files)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestSyntheticBuilds(t *testing.T) {
	files, h, findings, err := Make(synthetic.Project(45, 10), nil, load.Options{}, "public")
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Pages) != 1+3+45+1 { // start, three sections, chapters, glossary
		t.Errorf("%d pages", len(h.Pages))
	}
	if len(files) < 50 {
		t.Errorf("%d files", len(files))
	}
	for _, f := range findings {
		if f.Severity == 0 {
			t.Errorf("error finding on synthetic content: %s", f)
		}
	}
}

// BenchmarkSynthetic1000PDF measures the handbook PDF of a 1,000-page
// handbook (target: under 2 s on this 2-core machine), with its size and
// pages.
func BenchmarkSynthetic1000PDF(b *testing.B) {
	book, err := parse(synthetic.Project(1000, 100), load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, nil, false)
	if err != nil {
		b.Fatal(err)
	}
	var data []byte
	for b.Loop() {
		if data, err = pdf.Handbook(book.Handbook, book.Docs); err != nil {
			b.Fatal(err)
		}
	}
	doc, err := pdfua.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(data))/1e6, "MB")
	b.ReportMetric(float64(doc.Pages()), "pages")
}

// BenchmarkPreview measures what handbuch serve does after an editor
// saved one chapter of a handbook of 1,000 and of 5,000 pages: the
// rebuild in memory with checks, the PDFs left until someone asks for
// them.
func BenchmarkPreview(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkPreview(b, n) })
	}
}

func benchmarkPreview(b *testing.B, pages int) {
	fs := synthetic.Project(pages, 100)
	opts := load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
	name := "content/teil-7/kapitel-3.md"
	orig := fs[name].Data
	inc := &Incremental{}
	if _, _, _, err := makeSite(fs, nil, opts, "public", pdfsLater, false, inc, nil); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		fs[name] = &fstest.MapFile{Data: append(orig[:len(orig):len(orig)], fmt.Sprintf("\nNeuer Satz %d.\n", i)...)}
		if _, _, _, err := makeSite(fs, nil, opts, "public", pdfsLater, false, inc, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// A handbook with more chapters than fit a navigation shows the chapter a
// page is in and the way to all pages, not every chapter on every page.
func TestNavigationOfManyChapters(t *testing.T) {
	files, _, err := render(synthetic.Project(41*20, 5), nil, load.Options{}, pdfsLater)
	if err != nil {
		t.Fatal(err)
	}
	var page string
	for _, f := range files {
		if f.Path == "teil-7/kapitel-3/index.html" {
			page = string(f.Data)
		}
	}
	nav, _, _ := strings.Cut(page[strings.Index(page, `<nav class="navigation"`):], "</nav>")
	for _, want := range []string{`>Startseite</a>`, `>Teil 7</a>`, `aria-current="page">Kapitel 7.3</a>`, `<a href="../../suche/">Alle Seiten von A bis Z</a>`} {
		if !strings.Contains(nav, want) {
			t.Errorf("navigation lacks %s:\n%s", want, nav)
		}
	}
	if strings.Contains(nav, ">Teil 8</a>") {
		t.Errorf("navigation lists other chapters:\n%s", nav)
	}
}
