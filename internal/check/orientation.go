package check

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// css-orientation-lock as axe-core 4.14.1 decides it, from the page's
// stylesheets alone: a style rule directly in an @media block that names
// an orientation (portrait or landscape) rotates what it selects by a
// quarter turn (90° or 270°, give or take 2°), with transform or rotate.
// Which elements the selector matches, and whether they are shown, does
// not matter to axe-core; a page without any stylesheet it leaves
// incomplete, and so no finding.

var (
	orientationRe = regexp.MustCompile(`(?i)orientation:\s*(landscape|portrait)`)
	lastRotateRe  = regexp.MustCompile(`(rotate|rotateZ|rotate3d|matrix|matrix3d)\(([^)]+)\)`)
	angleUnitRe   = regexp.MustCompile(`deg|grad|rad|turn`)
)

// orientationLocks returns the selectors of the style rules in body (an
// @media block that names an orientation) that rotate by a quarter turn.
func orientationLocks(body string) []string {
	var out []string
	for len(body) > 0 {
		open := strings.IndexByte(body, '{')
		if open < 0 {
			break
		}
		end := matchingBrace(body, open)
		prelude := strings.TrimSpace(body[:open])
		decls := body[open+1 : end]
		if end < len(body) {
			body = body[end+1:]
		} else {
			body = ""
		}
		if strings.HasPrefix(prelude, "@") || prelude == "" {
			continue // nested rules have no selector of their own in the CSSOM
		}
		transform, rotate := "", ""
		for _, d := range splitTop(decls, ';') {
			k, v, ok := strings.Cut(d, ":")
			if !ok {
				continue
			}
			v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "transform", "-webkit-transform":
				transform = v
			case "rotate":
				rotate = v
			}
		}
		if (transform != "" || rotate != "") && quarterTurn(transform, rotate) {
			out = append(out, prelude)
		}
	}
	return out
}

// quarterTurn is axe-core's getIsOrientationLocked with its threshold of
// 2 degrees.
func quarterTurn(transform, rotate string) bool {
	deg := 0.0
	if ms := lastRotateRe.FindAllStringSubmatch(transform, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		deg = rotationDegrees(m[1], m[2])
	}
	deg += rotationDegrees("rotate", rotate)
	if deg == 0 || math.IsNaN(deg) {
		return false
	}
	deg = math.Abs(deg)
	if math.Mod(math.Abs(deg-180), 180) <= 2 {
		return false
	}
	return math.Mod(math.Abs(deg-90), 90) <= 2
}

func rotationDegrees(fn, value string) float64 {
	switch fn {
	case "rotate", "rotateZ":
		return angleDegrees(value)
	case "rotate3d":
		parts := strings.Split(value, ",")
		if len(parts) < 4 {
			return math.NaN()
		}
		if z, err := strconv.Atoi(leadingInt(parts[2])); err == nil && z == 0 {
			return math.NaN()
		}
		return angleDegrees(strings.TrimSpace(parts[3]))
	case "matrix", "matrix3d":
		vs := strings.Split(value, ",")
		if len(vs) <= 6 {
			if len(vs) < 2 {
				return math.NaN()
			}
			return math.Round(math.Atan2(jsParseFloat(vs[1]), jsParseFloat(vs[0])) * 180 / math.Pi)
		}
		if len(vs) < 9 {
			return math.NaN()
		}
		b := math.Asin(jsParseFloat(vs[8]))
		return math.Round(math.Acos(jsParseFloat(vs[0])/math.Cos(b)) * 180 / math.Pi)
	}
	return 0
}

// angleDegrees reads an angle as axe-core's getAngleInDegrees: 0 without
// a unit, whole degrees cut off.
func angleDegrees(v string) float64 {
	unit := angleUnitRe.FindString(v)
	if unit == "" {
		return 0
	}
	a := jsParseFloat(strings.Replace(v, unit, "", 1))
	switch unit {
	case "rad":
		return math.Round(a * 180 / math.Pi)
	case "grad":
		a = math.Mod(a, 400)
		if a < 0 {
			a += 400
		}
		return math.Round(a / 400 * 360)
	case "turn":
		return math.Round(360 / (1 / a))
	}
	return math.Trunc(a)
}

// orientationLock reports css-orientation-lock at <html>.
func (p *page) orientationLock() {
	var locks []string
	for _, s := range p.sheets {
		locks = append(locks, s.orientationLocks...)
	}
	if len(locks) == 0 {
		return
	}
	at := p.root
	for _, c := range p.root.children {
		if c.tag == "html" {
			at = c
		}
	}
	p.add("css-orientation-lock", at, "das CSS dreht %q je nach Ausrichtung des Bildschirms um 90 Grad und legt die Seite so auf Hoch- oder Querformat fest. Entfernen Sie die Drehung aus der @media-Regel mit orientation.", locks[0])
}
