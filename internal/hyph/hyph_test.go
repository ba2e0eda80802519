package hyph

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/speedata/hyphenation"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/synthetic"
)

// TestSameAsSpeedata: the points are speedata's, for every word of the
// model handbook and of a generated 200-page handbook.
func TestSameAsSpeedata(t *testing.T) {
	ref, err := hyphenation.New(strings.NewReader(germanPatterns))
	if err != nil {
		t.Fatal(err)
	}
	ref.Leftmin, ref.Rightmin = 1, 2
	// Beside the texts: the edge cases, and words that the longest patterns
	// (twelve characters with the dots) match.
	words := map[string]bool{"": true, "a": true, "ab": true, "Äußerungs": true, "XYZ": true, "aussendung": true, "erstritten": true, "Staubecken": true}
	collect := func(fsys fs.FS) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(fsys, p)
				for _, w := range strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) }) {
					words[w] = true
				}
			}
			return nil
		})
	}
	collect(handbuch.Model())
	collect(synthetic.Project(200, 20))
	if len(words) < 10000 {
		t.Fatalf("only %d words", len(words))
	}
	for w := range words {
		lw := strings.ToLower(w)
		if got, want := german().points(lw), ref.Hyphenate(lw); !slices.Equal(got, want) {
			t.Errorf("%q: %v, speedata %v", w, got, want)
		}
	}
}
