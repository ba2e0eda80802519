package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// checkColors makes sure a changed theme keeps the contrast the handbook
// promises: 7:1 for text and links (WCAG 1.4.6, AAA), 7:1 for white text
// on the accent band, 3:1 for the focus ring (WCAG 1.4.11).
func checkColors(c book.Colors, at func(string) book.Pos, errs *book.ErrorList) {
	parsed := map[string][3]float64{}
	for _, kv := range []struct{ key, val string }{
		{"text", c.Text}, {"background", c.Background}, {"link", c.Link}, {"accent", c.Accent}, {"muted", c.Muted},
	} {
		rgb, err := parseHex(kv.val)
		if err != nil {
			errs.Addf(at("colors."+kv.key), "colors.%s: %q ist keine Farbe. Schreiben Sie sie als #rrggbb, zum Beispiel \"#0b4a7d\".", kv.key, kv.val)
			continue
		}
		parsed[kv.key] = rgb
	}
	bg, ok := parsed["background"]
	if !ok {
		return
	}
	white := [3]float64{1, 1, 1}
	for _, r := range []struct {
		key     string
		against [3]float64
		min     float64
		what    string
	}{
		{"text", bg, 7, "Fließtext auf dem Hintergrund"},
		{"link", bg, 7, "Links auf dem Hintergrund"},
		{"muted", bg, 7, "Nebentext (Fußzeile) auf dem Hintergrund"},
		{"accent", white, 7, "weißer Text auf der Akzentfarbe (Kopfzeile)"},
		{"accent", bg, 3, "der Fokusrahmen auf dem Hintergrund"},
	} {
		fg, ok := parsed[r.key]
		if !ok {
			continue
		}
		if ratio := Contrast(fg, r.against); ratio < r.min {
			errs.Addf(at("colors."+r.key), "colors.%s: Kontrast für %s ist %s:1, nötig sind mindestens %.0f:1. Wählen Sie eine dunklere oder hellere Farbe.", r.key, r.what, strings.Replace(fmt.Sprintf("%.1f", ratio), ".", ",", 1), r.min)
		}
	}
}

func parseHex(s string) ([3]float64, error) {
	s = strings.TrimPrefix(s, "#")
	if len(s) != 6 {
		return [3]float64{}, fmt.Errorf("length")
	}
	var rgb [3]float64
	for i := range 3 {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			return rgb, err
		}
		rgb[i] = float64(v) / 255
	}
	return rgb, nil
}

// Contrast returns the WCAG contrast ratio of two sRGB colours with
// channels in [0, 1].
func Contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}
