package build

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/synthetic"
)

// TestFindingsWhilePDF is the reproduction of the data race of the
// architecture review: 300 pages, each with a finding inside its
// content (a link named "hier"), built at 4 threads, so that the checks
// trace findings back to the Markdown while the handbook PDF reads the
// same trees. Run with -race; the trees are read-only, so it cannot race.
// It also checks that each finding lands on its Markdown line.
func TestFindingsWhilePDF(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	fsys := synthetic.Project(300, 5)
	want := map[string]string{} // file → where its finding belongs
	for name, f := range fsys {
		if strings.HasPrefix(name, "content/teil-") && !strings.HasSuffix(name, "_index.md") {
			fsys[name] = &fstest.MapFile{Data: append(f.Data, []byte("\nMehr dazu [hier](../teil-0/kapitel-0.md).\n")...)}
			want[name] = fmt.Sprintf("%s:%d:11", name, bytes.Count(f.Data, []byte("\n"))+2)
		}
	}
	_, _, findings, err := Make(fsys, nil, load.Options{}, "public")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, f := range findings {
		if f.Rule == "link-generic" {
			if f.Pos.String() != want[f.Pos.File] {
				t.Errorf("finding not traced to its Markdown line: %s", f)
			}
			found++
		}
	}
	if found != len(want) {
		t.Errorf("%d findings on %d pages", found, len(want))
	}
}
