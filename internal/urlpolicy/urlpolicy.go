// Package urlpolicy is the one rule for every address handbuch writes
// into a link, whatever it came from: a Markdown link or autolink, an
// href or src in raw HTML, a shortcode argument, a TOML field such as
// contact or base_url. The site and the PDFs write only addresses it
// allows, and the link stage reports every other one at its source.
//
// Allowed are addresses inside the project (relative ones, which the link
// stage resolves), http: and https: with a host, mailto: with exactly one
// plain e-mail address and at most a subject, and tel: with a phone
// number. Everything else is refused: javascript:, vbscript:, data:,
// file:, every unknown scheme, and addresses that start with // (another
// host, without a scheme).
package urlpolicy

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what an allowed address points to.
type Kind int

const (
	// Relative is an address inside the project: a page, a file or an
	// anchor, resolved by the link stage.
	Relative Kind = iota + 1
	// Web is an http: or https: address of another site.
	Web
	// Mail is a mailto: address with one plain e-mail address.
	Mail
	// Phone is a tel: address.
	Phone
)

// Allowed says in German which addresses may be linked, for messages.
const Allowed = "Erlaubt sind Links auf Seiten des Handbuchs (zum Beispiel kapitel.md oder kapitel.md#abschnitt), Adressen mit https:// oder http://, mailto: mit genau einer E-Mail-Adresse (höchstens mit ?subject=…) und tel: mit einer Telefonnummer."

// Check says whether u, an address as it is written into a page (the
// href of HTML, the URI of a PDF link), may be linked, and what it points
// to. The error is German and completes a sentence that names the
// address: `der Link "…" <error>.`
func Check(u string) (Kind, error) {
	if u == "" {
		return 0, errors.New("ist leer")
	}
	for _, r := range u {
		if r < 0x20 || r == 0x7f || unicode.IsSpace(r) && r != ' ' {
			return 0, errors.New("enthält ein Steuerzeichen oder einen Zeilenumbruch")
		}
	}
	if strings.HasPrefix(u, "//") || strings.HasPrefix(u, `\\`) || strings.HasPrefix(u, `/\`) {
		return 0, errors.New("beginnt mit // und führt damit ohne Schema zu einer anderen Website; schreiben Sie https:// davor")
	}
	if strings.HasPrefix(u, " ") || strings.HasSuffix(u, " ") {
		return 0, errors.New("beginnt oder endet mit einem Leerzeichen")
	}
	p, err := url.Parse(u)
	if err != nil {
		if i := strings.IndexByte(u, ':'); i > 0 && !strings.ContainsAny(u[:i], "/?#") {
			switch scheme := strings.ToLower(u[:i]); scheme {
			case "http", "https", "mailto", "tel":
			default:
				return 0, fmt.Errorf("verwendet das Schema %q, das nicht erlaubt ist", scheme+":")
			}
		}
		return 0, errors.New("ist keine gültige Adresse; prüfen Sie sie auf Leerzeichen und Sonderzeichen")
	}
	switch p.Scheme {
	case "":
		if p.Host != "" || p.User != nil {
			return 0, errors.New("führt ohne Schema zu einer anderen Website; schreiben Sie https:// davor")
		}
		if strings.ContainsRune(u, '\\') {
			return 0, errors.New(`enthält einen Backslash \, den Browser als / lesen; schreiben Sie / oder %5C`)
		}
		return Relative, nil
	case "http", "https":
		switch {
		case p.Opaque != "" || p.Host == "":
			return 0, fmt.Errorf("nennt nach %s: keinen Rechner; schreiben Sie %s://rechner.example/…", p.Scheme, p.Scheme)
		case p.User != nil:
			return 0, errors.New("enthält einen Benutzernamen oder ein Passwort vor dem @; solche Adressen täuschen leicht über das Ziel. Lassen Sie den Teil vor dem @ weg")
		case strings.ContainsRune(u, '\\'):
			return 0, errors.New(`enthält einen Backslash \, den Browser als / lesen; schreiben Sie / oder %5C`)
		}
		return Web, nil
	case "mailto":
		return Mail, checkMailto(p)
	case "tel":
		return Phone, checkTel(p)
	}
	return 0, fmt.Errorf("verwendet das Schema %q, das nicht erlaubt ist", p.Scheme+":")
}

// checkMailto allows one plain address and at most a subject.
func checkMailto(p *url.URL) error {
	if p.Opaque == "" {
		return errors.New("nennt nach mailto: keine einfache E-Mail-Adresse; schreiben Sie mailto:name@example.org")
	}
	addr, err := url.PathUnescape(p.Opaque)
	if err != nil {
		return errors.New("ist keine gültige mailto:-Adresse")
	}
	if err := Mailbox(addr); err != nil {
		return fmt.Errorf("nennt nach mailto: nicht genau eine einfache E-Mail-Adresse: %q %v", addr, err)
	}
	if p.Fragment != "" || strings.HasSuffix(p.String(), "#") {
		return errors.New("hat nach der E-Mail-Adresse ein #; erlaubt ist nur ?subject=…")
	}
	q, err := url.ParseQuery(p.RawQuery)
	if err != nil {
		return errors.New("hat einen fehlerhaften Teil nach dem ?; erlaubt ist nur ?subject=…")
	}
	for k, v := range q {
		if k != "subject" || len(v) != 1 {
			return fmt.Errorf("gibt nach dem ? %q an; erlaubt ist nur ein Betreff ?subject=…, damit niemand unbemerkt weitere Empfänger oder einen Text einträgt", k)
		}
	}
	return nil
}

// checkTel allows digits, spaces, a leading +, and - ( ) . between them.
func checkTel(p *url.URL) error {
	num, err := url.PathUnescape(p.Opaque)
	if err != nil || p.Opaque == "" || p.RawQuery != "" || p.Fragment != "" || strings.HasSuffix(p.String(), "#") || strings.HasSuffix(p.String(), "?") {
		return errors.New("ist keine Telefonnummer: nach tel: stehen nur Ziffern, Leerzeichen, ein + am Anfang und - ( ) .")
	}
	digits := 0
	for i, r := range num {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')', r == '.':
		default:
			return fmt.Errorf("ist keine Telefonnummer: %q ist nach tel: nicht erlaubt, nur Ziffern, Leerzeichen, ein + am Anfang und - ( ) .", r)
		}
	}
	if digits == 0 {
		return errors.New("ist keine Telefonnummer: nach tel: steht keine Ziffer")
	}
	return nil
}

// Mailbox checks that s is one plain e-mail address, name@example.org:
// no display name, no second address, nothing a mailto: address would
// read as more than the address (?, &, =, %, #, comma). The error is
// German and completes a sentence about s.
func Mailbox(s string) error {
	const plain = "muss eine einfache E-Mail-Adresse sein wie \"ki@example.org\": Buchstaben, Ziffern und . _ - + vor dem @, ein Rechnername danach; ohne Namen, Leerzeichen, Komma, ?, &, = oder %"
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || domain == "" || strings.Contains(domain, "@") || !utf8.ValidString(s) {
		return errors.New(plain)
	}
	for _, r := range local {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-+", r) {
			return fmt.Errorf("%s (hier steht %q)", plain, r)
		}
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return errors.New(plain)
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return fmt.Errorf("%s (nach dem @ fehlt ein Punkt, zum Beispiel example.org)", plain)
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return errors.New(plain)
		}
		for _, r := range l {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
				return fmt.Errorf("%s (hier steht %q)", plain, r)
			}
		}
	}
	return nil
}

// PhoneNumber checks a phone number as people write it, such as
// "+49 30 1234567-10" or "030 / 123 45": digits, spaces, a leading +,
// and - / ( ) . between them, with at least three digits. The error is
// German and completes a sentence about the number.
func PhoneNumber(s string) error {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '/', r == '(', r == ')', r == '.':
		default:
			return fmt.Errorf("ist keine Telefonnummer. Das Zeichen %q ist nicht erlaubt; erlaubt sind Ziffern, Leerzeichen, ein + am Anfang und - / ( ) ., zum Beispiel \"+49 30 1234567-10\"", r)
		}
	}
	if digits < 3 {
		return errors.New("ist keine Telefonnummer. Es fehlen Ziffern; schreiben Sie zum Beispiel \"+49 30 1234567-10\"")
	}
	return nil
}

// Tel is the tel: address of a phone number that PhoneNumber accepts:
// its digits and a leading +.
func Tel(number string) string {
	return "tel:" + strings.Map(func(r rune) rune {
		if r == '+' || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, number)
}

// Mailto is the mailto: address of an address that Mailbox accepts, with
// a subject if one is given.
func Mailto(addr, subject string) string {
	u := "mailto:" + addr
	if subject != "" {
		u += "?subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
	}
	return u
}
