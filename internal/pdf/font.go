package pdf

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// Atkinson Hyperlegible Next (Braille Institute, SIL Open Font License,
// fonts/OFL.txt).
var (
	//go:embed fonts/AtkinsonHyperlegibleNext_400Regular.ttf
	fontRegular []byte
	//go:embed fonts/AtkinsonHyperlegibleNext_700Bold.ttf
	fontBold []byte
	//go:embed fonts/AtkinsonHyperlegibleNext_400Regular_Italic.ttf
	fontItalic []byte
)

// Noto Sans Arabic (Google, SIL Open Font License,
// fonts/OFL-NotoSansArabic.txt): Arabic text, shaped right to left.
var (
	//go:embed fonts/NotoSansArabic-Regular.ttf
	fontArabic []byte
	//go:embed fonts/NotoSansArabic-Bold.ttf
	fontArabicBold []byte
)

// coverage tells which runes the fonts can draw: Arabic letters the
// Arabic font, everything else the Latin one.
type coverage struct {
	latin, arabic *sfnt.Font
	buf           sfnt.Buffer
	seen          map[rune]bool
}

func newCoverage() (*coverage, error) {
	latin, err := sfnt.Parse(fontRegular)
	if err != nil {
		return nil, err
	}
	arabic, err := sfnt.Parse(fontArabic)
	if err != nil {
		return nil, err
	}
	return &coverage{latin: latin, arabic: arabic, seen: map[rune]bool{}}, nil
}

// missing returns the first rune of s the fonts have no glyph for.
func (c *coverage) missing(s string) (rune, bool) {
	for _, r := range s {
		ok, known := c.seen[r]
		if !known {
			f := c.latin
			if cutFor("", string(r)) == cutArabic {
				f = c.arabic
			}
			gi, err := f.GlyphIndex(&c.buf, r)
			ok = err == nil && gi != 0 && r <= 0xFFFF
			c.seen[r] = ok
		}
		if !ok && r != '\n' {
			return r, true
		}
	}
	return 0, false
}

// clean prepares text for drawing: NFC (decomposed umlauts draw badly),
// no soft hyphens (they would show as boxes), no invalid bytes.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return strings.ReplaceAll(norm.NFC.String(s), "\u00ad", "")
}
