package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
)

// TestArabicFontCoversModelPage: Noto Sans Arabic (fonts/, SIL Open
// Font License in fonts/OFL-NotoSansArabic.txt), which draws the Arabic
// text of the PDFs, parses, and both its cuts have a glyph for every
// Arabic character of the model's Arabic client page, front matter
// included, and of the Arabic in the glossary (the terms' translations,
// which an Arabic page may show). The Latin font has none of them:
// without the Arabic one no Arabic page would get a PDF.
func TestArabicFontCoversModelPage(t *testing.T) {
	page, err := os.ReadFile("../../content/klienten/so-nutzen-wir-ki.ar.md")
	if err != nil {
		t.Fatal(err)
	}
	terms, err := filepath.Glob("../../glossary/*.toml")
	if err != nil || len(terms) == 0 {
		t.Fatalf("glossary: %v", err)
	}
	for _, f := range terms {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page = append(page, data...)
	}
	var arabic []rune
	seen := map[rune]bool{}
	for _, r := range string(page) {
		if unicode.Is(unicode.Arabic, r) && !seen[r] {
			seen[r] = true
			arabic = append(arabic, r)
		}
	}
	if len(arabic) < 28 {
		t.Fatalf("the Arabic page has only %d different Arabic characters: %q", len(arabic), string(arabic))
	}
	if _, err := os.Stat("fonts/OFL-NotoSansArabic.txt"); err != nil {
		t.Errorf("licence of Noto Sans Arabic: %v", err)
	}
	var buf sfnt.Buffer
	glyphs := func(name string) (missing []rune) {
		data, err := os.ReadFile("fonts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range arabic {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				missing = append(missing, r)
			}
		}
		return missing
	}
	for _, name := range []string{"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"} {
		if m := glyphs(name); len(m) > 0 {
			t.Errorf("%s has no glyph for %q", name, string(m))
		}
		data, _ := os.ReadFile("fonts/" + name)
		f, _ := sfnt.Parse(data)
		if lic, _ := f.Name(&buf, sfnt.NameIDLicense); !strings.Contains(lic, "SIL Open Font License, Version 1.1") {
			t.Errorf("%s: licence in the font is %q, want the SIL Open Font License 1.1", name, lic)
		}
	}
	if m := glyphs("AtkinsonHyperlegibleNext_400Regular.ttf"); len(m) != len(arabic) {
		t.Errorf("the Latin font draws %d of the %d Arabic characters", len(arabic)-len(m), len(arabic))
	}
}
