package build

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/load"
)

var update = flag.Bool("update", false, "rewrite testdata/model-output.txt")

// TestModelOutputUnchanged builds the model handbook and compares a hash
// of every output file with testdata/model-output.txt, so that a change
// of the machinery that should not change the output cannot do so
// unnoticed. A change of the output on purpose is recorded with
// go test ./internal/build -run TestModelOutputUnchanged -update; read
// the list of changed files before committing it.
func TestModelOutputUnchanged(t *testing.T) {
	files, _, _, err := Make(handbuch.Model(), nil, load.Options{Today: modelToday}, "public")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range files {
		lines = append(lines, fmt.Sprintf("%x  %s", sha256.Sum256(f.Data), f.Path))
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[66:], b[66:]) })
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "model-output.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update once)", err)
	}
	if got == string(want) {
		return
	}
	wantBy := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		wantBy[l[66:]] = l[:64]
	}
	for _, l := range lines {
		name := l[66:]
		switch w, ok := wantBy[name]; {
		case !ok:
			t.Errorf("new file %s", name)
		case w != l[:64]:
			t.Errorf("changed: %s", name)
		}
		delete(wantBy, name)
	}
	for name := range wantBy {
		t.Errorf("missing: %s", name)
	}
}
