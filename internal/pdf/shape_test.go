package pdf

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPairsAsShaped holds the shaper's sums by pairs to HarfBuzz: every
// word and every line of the model handbook, in every cut, gets the same
// glyphs and advances as when HarfBuzz shapes it whole; and almost all of
// them take the path by pairs, so that measuring stays fast.
func TestPairsAsShaped(t *testing.T) {
	s, err := newShaper("de")
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, dir := range []string{"../../content", "../../glossary", "../../checklists", "../../data"} {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".toml") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, line := range strings.Split(clean(string(b)), "\n") {
				texts = append(texts, line)
				texts = append(texts, strings.Fields(line)...)
			}
			return nil
		})
	}
	texts = slices.DeleteFunc(texts, func(s string) bool { return rightToLeft(cutFor("", s)) })
	slices.Sort(texts)
	texts = slices.Compact(texts)
	if len(texts) < 5000 {
		t.Fatalf("only %d texts read from the model", len(texts))
	}
	paired, differ := 0, 0
	for c := range cutArabic { // the Latin cuts
		style := [...]string{"", "B", "I"}[c]
		for _, text := range texts {
			if _, ok := s.pairWidth(c, text); !ok {
				continue
			}
			paired++
			got, want := s.shape(style, text), s.harfbuzz(c, []rune(text))
			same := got.width == want.width && len(got.glyphs) == len(want.glyphs)
			for i := range got.glyphs {
				same = same && got.glyphs[i].gid == want.glyphs[i].gid && got.glyphs[i].adv == want.glyphs[i].adv
			}
			if !same {
				differ++
				if differ < 10 {
					t.Errorf("cut %d, %q: by pairs %v, HarfBuzz %v", c, text, got.glyphs, want.glyphs)
				}
			}
			if w := s.width(style, text, 10); w != float64(want.width)/s.tf[c].upem*10*ptToMM {
				t.Errorf("cut %d, %q: width %v", c, text, w)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d texts shaped differently by pairs", differ, paired)
	}
	if paired < len(texts)*3*99/100 {
		t.Errorf("only %d of %d texts shaped by pairs", paired, 3*len(texts))
	}
}

// TestKerning: the fonts kern, and the shaper applies it ("Ta" is
// narrower than "T" and "a" apart); text the pairs cannot shape (a
// combining mark) is shaped whole and still measured.
func TestKerning(t *testing.T) {
	s, err := newShaper("de")
	if err != nil {
		t.Fatal(err)
	}
	if ta, tt, a := s.width("", "Ta", 12), s.width("", "T", 12), s.width("", "a", 12); ta >= tt+a {
		t.Errorf("Ta %.3f mm, T + a %.3f mm: no kerning", ta, tt+a)
	}
	if _, ok := s.pairWidth(cutRegular, "a\u0308"); ok {
		t.Error("a combining mark taken by pairs")
	}
	if w := s.width("", "a\u0308", 12); w <= 0 {
		t.Errorf("a with a combining diaeresis is %v mm wide", w)
	}
}
