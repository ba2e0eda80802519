package check

import (
	"strings"
	"testing"
)

// TestDuplicateTitleOrder: which page a duplicate title is reported on
// does not depend on the order the files come in.
func TestDuplicateTitleOrder(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html lang="de"><head><title>Gleich</title></head><body><main><h1>Gleich</h1></main></body></html>`)
	for _, order := range [][]string{{"a/index.html", "b/index.html"}, {"b/index.html", "a/index.html"}} {
		r := NewRunner()
		for _, p := range order {
			r.Add(File{Path: p, Data: page})
		}
		var got []string
		for _, f := range r.Finish() {
			if f.Rule == "document-title-unique" {
				got = append(got, f.Pos.File+": "+f.Msg)
			}
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], "b/index.html: ") || !strings.Contains(got[0], "a/index.html") {
			t.Errorf("order %v: %q", order, got)
		}
	}
}
