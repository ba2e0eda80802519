package pdf

import (
	"regexp"
	"testing"

	"github.com/handbuch/handbuch/internal/book"
)

// The rows of parts are bold, the pages in them regular: the row's font
// is set after its title is measured (D1).
func TestContentsPartsBold(t *testing.T) {
	w, err := newWriter(&book.Handbook{Config: book.Config{Title: "T"}}, a4)
	if err != nil {
		t.Fatal(err)
	}
	defer w.done.wait()
	w.f.AddPage()
	rows := []tocRow{{title: "Ein Teil", anchor: "a"}, {title: "Eine Seite darin", anchor: "b", depth: 1}}
	w.anchors["a"], w.anchors["b"] = place{3, top}, place{4, top}
	head := w.open("H1")
	w.close()
	toc := w.open("TOC")
	w.close()
	w.contents(rows, w.contentsRows(len(rows), 1), head, toc)
	fonts := map[string]bool{}
	for _, m := range regexp.MustCompile(`/(\S+) 11 Tf`).FindAllStringSubmatch(fpdfPages(w.f)[1].String(), -1) {
		fonts[m[1]] = true
	}
	if len(fonts) != 2 || !fonts["R"] || !fonts["B"] {
		t.Errorf("the contents use %d fonts at 11 pt, want 2 (bold parts, regular pages): %v", len(fonts), fonts)
	}
}
