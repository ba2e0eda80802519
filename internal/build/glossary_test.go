package build

import (
	"context"
	"errors"
	"strings"
	"testing"
)

const glossarySite = config + `
-- content/_index.md --
+++
title = "Start"
+++
Wir nutzen KI-Systeme und schützen personenbezogene Daten. Die Einwilligung ist freiwillig.

Noch einmal KI und Daten.
-- content/kapitel.md --
+++
title = "Kapitel"
weight = 1
+++
Ohne Begriffe, aber mit {{< begriff "einwilligung" "Zustimmung" >}}.
-- content/ohne.md --
+++
title = "Ohne Links"
weight = 2
link_terms = false
+++
Hier steht KI, aber ohne Link.
-- glossary/kuenstliche-intelligenz.toml --
term = "Künstliche Intelligenz"
abbr = "KI"
forms = ["Künstlichen Intelligenz"]
short = "Computer-Programme, die aus Daten lernen."
text = """
KI lernt aus Beispielen.

Sie macht auch Fehler mit Daten.
"""
example = "Ein Programm schreibt den Pflegebericht auf."
see_also = ["daten"]
-- glossary/daten.toml --
term = "Daten"
short = "Angaben über Dinge und Menschen."
text = "Daten sind Angaben."
-- glossary/personenbezogene-daten.toml --
term = "personenbezogene Daten"
forms = ["personenbezogener Daten"]
short = "Angaben über einen bestimmten Menschen."
text = "Zum Beispiel Ihr Name."
see_also = ["daten", "kuenstliche-intelligenz"]
-- glossary/einwilligung.toml --
term = "Einwilligung"
short = "Sie sagen Ja."
text = "Sie dürfen auch Nein sagen."
`

func TestGlossaryPage(t *testing.T) {
	out := built(t, glossarySite, false)
	g := out("glossar/index.html")
	contains(t, "glossar", g,
		`<title>Glossar – Testhandbuch</title>`,
		`<h1>Glossar</h1>`,
		`<nav class="buchstaben" id="hb-buchstaben" aria-label="Buchstaben von A bis Z">`,
		`<li><a href="#buchstabe-d">D</a></li>`,
		`<li><span class="leer" title="Kein Wort mit B"><span class="visually-hidden">Kein Wort mit </span>B</span></li>`,
		// each letter's heading comes with the way back to A–Z
		"<div class=\"buchstabe-kopf\">\n<h2 id=\"buchstabe-k\">K</h2>\n<a class=\"nach-oben\" href=\"#hb-buchstaben\">nach oben zu A–Z</a>\n</div>",
		`<h3 id="kuenstliche-intelligenz">Künstliche Intelligenz (KI)</h3>`,
		`<p class="kurz"><strong>Kurz gesagt:</strong> Computer-Programme, die aus Daten lernen.</p>`,
		`<p>KI lernt aus Beispielen.</p>`,
		`<p class="beispiel"><strong>Beispiel:</strong> Ein Programm schreibt den Pflegebericht auf.</p>`,
		`<strong>Siehe auch:</strong> <a href="#daten">Daten</a></p>`,
		`<strong>Kommt vor in:</strong> <a href="../">Start</a></p>`,
		// other terms are linked inside an entry, the entry's own term is not
		`Sie macht auch Fehler mit <a href="#daten" class="begriff"`,
		`<a href="./" aria-current="page">Glossar</a>`,
	)
	lacks(t, "glossar", g, `<a href="#kuenstliche-intelligenz" class="begriff"`)
	// Every term linked in an entry is explained on this very page: no pop-ups.
	lacks(t, "glossar", g, `data-kurz=`)
	if n, want := strings.Count(g, `class="nach-oben"`), strings.Count(g, `<section class="buchstabe"`); n != want || n == 0 {
		t.Errorf("glossar: %d links back to A–Z for %d letters", n, want)
	}
	// D, E, K, P in German order (the lower-case "personenbezogene" sorts under P).
	if d, e, k, p := strings.Index(g, `id="daten"`), strings.Index(g, `id="einwilligung"`), strings.Index(g, `id="kuenstliche-intelligenz"`), strings.Index(g, `id="personenbezogene-daten"`); !(d < e && e < k && k < p) {
		t.Errorf("entries out of order: %d %d %d %d", d, e, k, p)
	}

	home := out("index.html")
	contains(t, "home", home,
		`<a href="glossar/#kuenstliche-intelligenz" class="begriff" data-begriff="Künstliche Intelligenz" data-kurz="Computer-Programme, die aus Daten lernen.">KI-Systeme</a>`,
		`<a href="glossar/#personenbezogene-daten" class="begriff"`,
		`<a href="glossar/#einwilligung" class="begriff"`,
		`Noch einmal KI und <a href="glossar/#daten" class="begriff"`, // KI only once; Daten was part of "personenbezogene Daten" before
		`<h2 id="hb-begriffe">Begriffe in diesem Kapitel</h2>`,
		`<div><dt><a href="glossar/#einwilligung">Einwilligung</a></dt><dd>Sie sagen Ja.</dd></div>`,
	)
	contains(t, "kapitel", out("kapitel/index.html"), `<a href="../glossar/#einwilligung" class="begriff" data-begriff="Einwilligung" data-kurz="Sie sagen Ja.">Zustimmung</a>`)
	ohne := out("ohne/index.html")
	contains(t, "ohne", ohne, "Hier steht KI, aber ohne Link.", "Begriffe in diesem Kapitel")
	lacks(t, "ohne", ohne, `class="begriff"`)

	druck := out("druck/index.html")
	contains(t, "druck", druck,
		`<h2 id="s_glossar">Glossar</h2>`,
		`<h4 id="s_glossar--kuenstliche-intelligenz">Künstliche Intelligenz (KI)</h4>`,
		`<a href="#s_glossar--kuenstliche-intelligenz" class="begriff"`,
		`Begriffe in diesem Kapitel`,
		`<strong>Kommt vor in:</strong> <a href="#startseite">Start</a>`,
	)
	lacks(t, "druck", druck, `<nav class="buchstaben"`, `class="nach-oben"`)
}

func TestGlossaryErrors(t *testing.T) {
	base := config + `
-- content/_index.md --
+++
title = "Start"
+++
`
	for _, tc := range []struct {
		name, files string
		want        []string
	}{
		{"unknown key", `
-- glossary/a.toml --
term = "A"
short = "Kurz."
beispiel = "x"
`, []string{`glossary/a.toml:3:1: unbekannter Schlüssel "beispiel"`}},
		{"missing short", `
-- glossary/a.toml --
term = "A"
text = "Lang."
`, []string{`glossary/a.toml:1:1: short fehlt`}},
		{"short too long", `
-- glossary/a.toml --
term = "A"
short = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn."
`, []string{`glossary/a.toml:2:1: short hat 16 Wörter, erlaubt sind höchstens 15`}},
		{"see_also to nowhere", `
-- glossary/a.toml --
term = "A"
short = "Kurz."
see_also = ["b", "datne"]
-- glossary/daten.toml --
term = "Daten"
short = "Kurz."
`, []string{
			`glossary/a.toml:3:13: see_also: den Begriff "b" gibt es nicht`,
			`glossary/a.toml:3:18: see_also: den Begriff "datne" gibt es nicht. Schreiben Sie den Dateinamen ohne .toml, meinten Sie "daten"?`,
		}},
		{"form claimed twice", `
-- glossary/a.toml --
term = "Einwilligung"
forms = ["Einwilligungen"]
short = "Kurz."
-- glossary/b.toml --
term = "Zustimmung"
forms = ["Zustimmungen", "einwilligungen"]
short = "Kurz."
`, []string{`glossary/b.toml:2:26: "einwilligungen" gehört schon zum Begriff "Einwilligung" in glossary/a.toml`}},
		{"unknown term in begriff", `
-- glossary/a.toml --
term = "A"
short = "Kurz."
-- content/b.md --
+++
title = "B"
+++
Siehe {{< begriff "nix" >}}.
`, []string{`content/b.md:4:7: begriff: den Begriff "nix" gibt es im Glossar nicht`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := buildErr(t, base+tc.files)
			contains(t, tc.name, got, tc.want...)
			if t.Failed() {
				t.Log(got)
			}
		})
	}
}

func TestChecksConfig(t *testing.T) {
	const site = config + `
[checks]
sentence_warn = 5
sentence_error = 6
-- content/_index.md --
+++
title = "Start"
plain = true
+++
Wir helfen Ihnen heute gern mit allem weiter.
`
	_, err := Build(context.Background(), Options{Source: project(t, site), Dest: "public"})
	var fe *FindingsError
	if !errors.As(err, &fe) || len(fe.Findings) == 0 {
		t.Fatalf("want findings, got %v", err)
	}
	contains(t, "limits", fe.Findings[0].String(), "content/_index.md:5:1: Fehler: satzlaenge: der Satz hat 8 Wörter. In Einfacher Sprache sind es höchstens 6")
	out := built(t, strings.Replace(site, "sentence_error = 6", "sentence_error = 6\noff = [\"satzlaenge\"]", 1), false)
	contains(t, "switched off", out("index.html"), "Wir helfen Ihnen heute gern")
}

// translatedSite has a client page in German, English and Arabic and a
// glossary that gives Einwilligung in English and Arabic, Daten in
// English only.
const translatedSite = config + `
-- content/_index.md --
+++
title = "Start"
+++
Willkommen.
-- content/klienten/_index.md --
+++
title = "Für Klienten"
+++
Seiten für Klienten.
-- content/klienten/seite.md --
+++
title = "Ihre Einwilligung"
audience = "clients"
plain = true
+++
Ihre Einwilligung ist freiwillig. Wir schützen Ihre Daten.
-- content/klienten/seite.en.md --
+++
title = "Your consent"
audience = "clients"
plain = true
+++
Your consent is voluntary. We protect your data. Einwilligung is the German word.
-- content/klienten/seite.ar.md --
+++
title = "موافقتك"
audience = "clients"
plain = true
+++
موافقة منك اختيارية. نحن نحمي بياناتك.
-- content/english.md --
+++
title = "In English"
language = "en"
+++
We ask for your consent.
-- glossary/einwilligung.toml --
term = "Einwilligung"
short = "Sie sagen Ja."
text = "Sie dürfen auch Nein sagen."

[translations.en]
term = "consent"
short = "You say yes. Then we may use your data."

[translations.ar]
term = "موافقة"
short = "تقول نعم."
-- glossary/daten.toml --
term = "Daten"
short = "Angaben über Menschen oder Dinge."
text = "Zum Beispiel Ihr Name."

[translations.en]
term = "data"
short = "Facts about people or things."
`

// TestGlossaryTranslations: the English page links "consent" with the
// English short text, its button label in English and the link marked
// as leading to the German entry; the Arabic page links its word with
// the Arabic short text, and nothing it has no translation for. The
// German page and the glossary page stay as they were.
func TestGlossaryTranslations(t *testing.T) {
	out := built(t, translatedSite, false)
	en := out("klienten/seite/en/index.html")
	contains(t, "en", en,
		`<html lang="en">`,
		`<p>Your <a href="../../../glossar/#einwilligung" hreflang="de" class="begriff" data-begriff="consent" data-kurz="You say yes. Then we may use your data." data-knopf="Short explanation">consent<span class="visually-hidden"> (glossary in German)</span></a> is voluntary.`,
		`We protect your <a href="../../../glossar/#daten" hreflang="de" class="begriff" data-begriff="data"`,
		`Einwilligung is the German word.</p>`,
	)
	lacks(t, "en", en, "Sie sagen Ja.", "Angaben über Menschen", "Begriffe in diesem Kapitel")

	ar := out("klienten/seite/ar/index.html")
	contains(t, "ar", ar,
		`<html lang="ar" dir="rtl">`,
		`<p><a href="../../../glossar/#einwilligung" hreflang="de" class="begriff" data-begriff="موافقة" data-kurz="تقول نعم." data-knopf="شرح قصير">موافقة<span class="visually-hidden"> (قاموس المصطلحات باللغة الألمانية)</span></a> منك اختيارية.`,
	)
	lacks(t, "ar", ar, "glossar/#daten", "Sie sagen Ja.", "You say yes.")

	de := out("klienten/seite/index.html")
	contains(t, "de", de,
		`<p>Ihre <a href="../../glossar/#einwilligung" class="begriff" data-begriff="Einwilligung" data-kurz="Sie sagen Ja.">Einwilligung</a> ist freiwillig.`,
		`<div><dt><a href="../../glossar/#einwilligung">Einwilligung</a></dt><dd>Sie sagen Ja.</dd></div>`,
	)
	lacks(t, "de", de, `hreflang="de" class="begriff"`, `data-begriff="consent"`, "data-knopf")

	// The glossary lists where its German words are used; the words of
	// the translations are no German words.
	g := out("glossar/index.html")
	contains(t, "glossar", g, `<strong>Kommt vor in:</strong> <a href="../klienten/seite/">Ihre Einwilligung</a>`)
	lacks(t, "glossar", g, "consent", "موافقة", "seite/en/")

	// A page written in English (no translation) is in the print view:
	// its term links lead to the glossary there, and its section lists
	// no German short texts.
	druck := out("druck/index.html")
	_, english, _ := strings.Cut(druck, `id="s_english"`)
	english, _, _ = strings.Cut(english, "</section>")
	contains(t, "druck", english, `We ask for your <a href="#s_glossar--einwilligung" hreflang="de" class="begriff" data-begriff="consent"`)
	lacks(t, "druck", english, "Sie sagen Ja.", "Begriffe in diesem Kapitel")
}
