package check

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// Contrast checks the colour pairs of the site's own stylesheet: every
// rule that sets a text colour or a background, against the other colour
// of the rule or, when it sets only one, the page's background and text
// (custom properties of :root resolved). Text below 7:1 is a warning
// (WCAG 1.4.6, the handbook's promise), below 4.5:1 an error (1.4.3);
// headings need 3:1, outlines of the focus 3:1 (1.4.11). Rules inside
// @media print are left out: paper is black on white.
func Contrast(file string, css []byte) []Finding {
	src := string(css)
	vars := map[string]string{}
	var out []Finding
	type rule struct {
		selector string
		decls    map[string]string
		line     int
	}
	var rules []rule
	depth, inPrint := 0, false
	blockStart, line := 0, 1
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			line++
		case '{':
			head := strings.TrimSpace(stripComments(src[blockStart:i]))
			if strings.HasPrefix(head, "@media") {
				inPrint = strings.Contains(head, "print")
				depth++
				blockStart = i + 1
				continue
			}
			end := strings.IndexByte(src[i:], '}')
			if end < 0 {
				return out
			}
			body := src[i+1 : i+end]
			decls := map[string]string{}
			// A rule whose background comes from an enclosing element
			// names it: /* Hintergrund: var(--accent) */.
			if m := backgroundNoteRe.FindStringSubmatch(body); m != nil {
				decls["background"] = strings.TrimSpace(m[1])
			}
			for _, d := range strings.Split(stripComments(body), ";") {
				k, v, ok := strings.Cut(d, ":")
				if ok {
					decls[strings.TrimSpace(k)] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
				}
			}
			if head == ":root" {
				for k, v := range decls {
					if strings.HasPrefix(k, "--") {
						vars[k] = v
					}
				}
			} else if !inPrint && !strings.HasPrefix(head, "@") {
				rules = append(rules, rule{head, decls, line})
			}
			line += strings.Count(src[i:i+end], "\n")
			i += end
			blockStart = i + 1
		case '}':
			if depth > 0 {
				depth--
				inPrint = false
			}
			blockStart = i + 1
		}
	}
	color := func(v string) ([3]float64, bool) {
		for i := 0; i < 5 && strings.HasPrefix(v, "var("); i++ {
			v = vars[strings.TrimSuffix(strings.TrimPrefix(v, "var("), ")")]
		}
		return hexColor(v)
	}
	text, _ := color("var(--text)")
	background, _ := color("var(--background)")
	for _, r := range rules {
		if r.decls["content"] == `""` {
			continue // a drawn shape, not text
		}
		at := book.Pos{File: file, Line: r.line}
		fgv, hasFG := r.decls["color"]
		bgv, hasBG := r.decls["background"]
		if !hasBG {
			bgv, hasBG = r.decls["background-color"]
		}
		fg, okFG := color(fgv)
		bg, okBG := color(firstField(bgv))
		if hasFG && !okFG || hasBG && !okBG || !hasFG && !hasBG {
			goto focus // inherit, currentColor or none: decided elsewhere
		}
		if !hasFG {
			fg = text
		}
		if !hasBG {
			bg = background
		}
		if !hasFG && (strings.Contains(r.selector, "::before") || strings.Contains(r.selector, "::after")) {
			// A drawn shape (the traffic light's symbols): 3:1 against
			// the page (WCAG 1.4.11).
			if ratio := ContrastRatio(bg, background); ratio < 3 {
				out = append(out, NewFinding("non-text-contrast", at, fmt.Sprintf("%s: die Form hat nur %s:1 Kontrast zum Hintergrund, nötig sind 3:1.", r.selector, de(ratio))))
			}
			goto focus
		}
		{
			ratio := ContrastRatio(fg, bg)
			large := regexp.MustCompile(`(^|[\s,>])h[1-3]\b`).MatchString(r.selector)
			switch {
			case large && ratio < 3, !large && ratio < 4.5:
				out = append(out, NewFinding("color-contrast", at, fmt.Sprintf("%s: Kontrast %s:1 ist zu gering (mindestens %s:1). Wählen Sie dunklere Schrift oder helleren Hintergrund.", r.selector, de(ratio), map[bool]string{true: "3", false: "4,5"}[large])))
			case !large && ratio < 7:
				out = append(out, NewFinding("color-contrast-enhanced", at, fmt.Sprintf("%s: Kontrast %s:1; das Handbuch verspricht 7:1 für Text.", r.selector, de(ratio))))
			}
		}
	focus:
		if o, ok := r.decls["outline"]; ok && strings.Contains(r.selector, "focus") {
			for _, part := range strings.Fields(o) {
				if c, ok := color(part); ok && ContrastRatio(c, background) < 3 {
					out = append(out, NewFinding("focus-contrast", at, fmt.Sprintf("%s: der Fokusrahmen hat nur %s:1 Kontrast zum Hintergrund, nötig sind 3:1.", r.selector, de(ContrastRatio(c, background)))))
				}
			}
		}
	}
	return out
}

var backgroundNoteRe = regexp.MustCompile(`/\*\s*Hintergrund:\s*([^*]+?)\s*\*/`)

func stripComments(s string) string {
	return regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(s, "")
}

func hexColor(v string) ([3]float64, bool) {
	v = strings.TrimSpace(v)
	if len(v) == 4 && v[0] == '#' { // #abc is #aabbcc
		v = "#" + string([]byte{v[1], v[1], v[2], v[2], v[3], v[3]})
	}
	switch {
	case v == "#fff" || v == "white":
		return [3]float64{1, 1, 1}, true
	case v == "#000" || v == "black":
		return [3]float64{}, true
	case len(v) != 7 || v[0] != '#':
		return [3]float64{}, false
	}
	var c [3]float64
	for i := range 3 {
		n, err := strconv.ParseUint(v[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, false
		}
		c[i] = float64(n) / 255
	}
	return c, true
}

// ContrastRatio is the WCAG contrast ratio of two sRGB colours.
func ContrastRatio(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		lin := func(v float64) float64 {
			if v <= 0.04045 {
				return v / 12.92
			}
			return math.Pow((v+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
