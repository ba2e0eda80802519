package urlpolicy

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		url  string
		kind Kind   // 0: refused
		msg  string // part of the refusal
	}{
		{"kapitel.md", Relative, ""},
		{"../leitlinien/praeambel.md#schritt-1", Relative, ""},
		{"#abschnitt", Relative, ""},
		{"/leitlinien/", Relative, ""},
		{"pr%C3%A4ambel.md", Relative, ""},
		{"https://example.org/a_b?x=1#y", Web, ""},
		{"http://example.org", Web, ""},
		{"HTTPS://example.org/", Web, ""},
		{"mailto:ki@example.org", Mail, ""},
		{"mailto:ki@example.org?subject=Feedback%3A%20Kapitel", Mail, ""},
		{"mailto:ki%40example.org", Mail, ""},
		{"tel:+4930123456710", Phone, ""},
		{"tel:+49%2030%20(123)%2045-6.7", Phone, ""},

		{"javascript:alert(1)", 0, `Schema "javascript:"`},
		{"JavaScript:alert(1)", 0, `Schema "javascript:"`},
		{"vbscript:msgbox", 0, `Schema "vbscript:"`},
		{"data:text/html,<script>", 0, `Schema "data:"`},
		{"file:///etc/passwd", 0, `Schema "file:"`},
		{"x-evil:foo", 0, `Schema "x-evil:"`},
		{"java\tscript:alert(1)", 0, "Steuerzeichen"},
		{"java\nscript:alert(1)", 0, "Steuerzeichen"},
		{" javascript:alert(1)", 0, "Leerzeichen"},
		{"//evil.example/x", 0, "//"},
		{`/\evil.example/x`, 0, "//"},
		{`\\evil.example/x`, 0, "//"},
		{`a\b.md`, 0, "Backslash"},
		{"https:evil.example", 0, "keinen Rechner"},
		{"http:///x", 0, "keinen Rechner"},
		{"https://bank.example@evil.example/", 0, "Benutzernamen"},
		{"mailto:", 0, "keine einfache"},
		{"mailto:ki?cc=spy%40evil.example&body=x=@example.org", 0, "nicht genau eine"},
		{"mailto:a@example.org,b@example.org", 0, "nicht genau eine"},
		{"mailto:a@example.org%2Cb@example.org", 0, "nicht genau eine"},
		{"mailto:a@example.org?cc=b@example.org", 0, `"cc"`},
		{"mailto:a@example.org?subject=x&body=y", 0, `"body"`},
		{"mailto:a@example.org?subject=x&subject=y", 0, `"subject"`},
		{"mailto:Name <a@example.org>", 0, "nicht genau eine"},
		{"mailto:a@example.org#x", 0, "#"},
		{"tel:", 0, "keine Telefonnummer"},
		{"tel:+49;ext=1", 0, "keine Telefonnummer"},
		{"tel:0301234?x=1", 0, "keine Telefonnummer"},
		{"tel:12+34", 0, "keine Telefonnummer"},
		{"tel:-", 0, "keine Ziffer"},
		{"", 0, "leer"},
	} {
		kind, err := Check(c.url)
		switch {
		case c.kind != 0 && (err != nil || kind != c.kind):
			t.Errorf("Check(%q) = %v, %v; want %v", c.url, kind, err, c.kind)
		case c.kind == 0 && err == nil:
			t.Errorf("Check(%q) allowed it as %v; want a refusal", c.url, kind)
		case c.kind == 0 && !strings.Contains(err.Error(), c.msg):
			t.Errorf("Check(%q) = %q; want it to say %q", c.url, err, c.msg)
		}
	}
}

func TestMailbox(t *testing.T) {
	for _, ok := range []string{"ki@example.org", "vorname.nachname+ki@example.org", "a_b-c@sub.example.org", "jürgen@müller.example"} {
		if err := Mailbox(ok); err != nil {
			t.Errorf("Mailbox(%q) = %v", ok, err)
		}
		if _, err := Check(Mailto(ok, "Feedback: Kapitel & mehr")); err != nil {
			t.Errorf("Check(Mailto(%q)) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "ki", "@example.org", "ki@", "ki@localhost", "ki?cc=spy%40evil.example&body=x=@example.org",
		"a@example.org,b@example.org", "Name <a@example.org>", "a b@example.org", "a@b@example.org", ".a@example.org", "a..b@example.org",
		"a@example..org", "a@-example.org", "a@example.org?subject=x", "a#b@example.org", "a&b@example.org", "a=b@example.org"} {
		if err := Mailbox(bad); err == nil {
			t.Errorf("Mailbox(%q) accepted it", bad)
		} else if !strings.Contains(err.Error(), "einfache E-Mail-Adresse") {
			t.Errorf("Mailbox(%q) = %q", bad, err)
		}
	}
}

func TestPhoneNumber(t *testing.T) {
	for _, ok := range []string{"+49 30 1234567-10", "030 / 123 45", "(030) 123.45", "110"} {
		if err := PhoneNumber(ok); err != nil {
			t.Errorf("PhoneNumber(%q) = %v", ok, err)
		}
		// Every number it accepts becomes a tel: address the policy allows.
		if _, err := Check(Tel(ok)); err != nil {
			t.Errorf("Check(Tel(%q)) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "12", "030 123;ext=1", "030 123,1", "+49 30 12+3", "tel:030", "030 123\n"} {
		if err := PhoneNumber(bad); err == nil {
			t.Errorf("PhoneNumber(%q) accepted it", bad)
		}
	}
}

func TestCheckBroken(t *testing.T) {
	_, err := Check("https://exa mple.org/")
	if err == nil || strings.Contains(err.Error(), "Schema") || !strings.Contains(err.Error(), "keine gültige Adresse") {
		t.Errorf("Check of a broken https address = %v", err)
	}
}
