package build

import (
	"testing"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/load"
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
