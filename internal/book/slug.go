package book

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug turns a German title or file name into a URL segment or HTML id:
// lower case, ä → ae, ö → oe, ü → ue, ß → ss, other accents dropped, and
// every run of other characters replaced by one hyphen. It never returns
// an empty string.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	emit := func(r rune) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteRune(r)
	}
	for _, r := range norm.NFC.String(s) {
		switch r {
		case 'ä', 'Ä':
			emit('a')
			b.WriteByte('e')
			continue
		case 'ö', 'Ö':
			emit('o')
			b.WriteByte('e')
			continue
		case 'ü', 'Ü':
			emit('u')
			b.WriteByte('e')
			continue
		case 'ß', 'ẞ':
			emit('s')
			b.WriteByte('s')
			continue
		}
		r = unicode.ToLower(r)
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			emit(r)
		case r >= 128 && unicode.IsLetter(r):
			// é → e, ç → c: decompose and keep the base letter if ASCII.
			if base := []rune(norm.NFD.String(string(r)))[0]; base < 128 {
				emit(base)
			} else {
				dash = true
			}
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "abschnitt"
	}
	return b.String()
}
