package build

import (
	"strings"
	"testing"
)

// chapters is a handbook whose guidelines are numbered: two chapters
// (ordered by weight, not by name) and a subsection, while the start
// page and the client section keep their titles alone. The start page
// refers to a chapter by file name, the first chapter to the second by
// its path.
const chapters = `-- handbuch.toml --
title = "Testhandbuch"
contact = "a@example.org"
chapter_numbers = "leitlinien"
-- content/_index.md --
+++
title = "Start"
+++
Wer Fragen zum Datenschutz hat, liest {{< kapitel "datenschutz" >}}.
-- content/klienten/_index.md --
+++
title = "Für Klienten"
weight = 1
+++
Einfach erklärt.
-- content/leitlinien/_index.md --
+++
title = "Leitlinien"
weight = 2
+++
Die Kapitel.
-- content/leitlinien/datenschutz.md --
+++
title = "Datenschutz"
weight = 20
+++
Mehr zu Risiken in {{< kapitel "leitlinien/anhang/_index.md" >}}.
-- content/leitlinien/ziele.md --
+++
title = "Ziele"
weight = 10
+++
Danach folgt {{< kapitel "leitlinien/datenschutz.md" >}}.

## Einwilligung
-- content/leitlinien/anhang/_index.md --
+++
title = "Anhang"
weight = 30
+++
Vorlagen.
`

func TestChapterNumbers(t *testing.T) {
	out := built(t, chapters, false)
	ds := out("leitlinien/datenschutz/index.html")
	contains(t, "datenschutz", ds,
		`<h1>Kapitel 2: Datenschutz</h1>`,
		`<span aria-current="page">2 Datenschutz</span>`, // breadcrumbs
		`>1 Ziele</a>`, // navigation
		`<a href="../anhang/">Kapitel 3 „Anhang“</a>`, // a section is a chapter too
	)
	contains(t, "ziele", out("leitlinien/ziele/index.html"),
		`<h1>Kapitel 1: Ziele</h1>`,
		`Danach folgt <a href="../datenschutz/">Kapitel 2 „Datenschutz“</a>.`,
		`<span class="richtung">Nächste Seite:</span> 2 Datenschutz</a>`,
	)
	contains(t, "section", out("leitlinien/index.html"), `<h1>Leitlinien</h1>`, `<a href="ziele/">1 Ziele</a>`, `<a href="datenschutz/">2 Datenschutz</a>`)
	contains(t, "klienten", out("klienten/index.html"), `<h1>Für Klienten</h1>`)
	home := out("index.html")
	contains(t, "home", home, `liest <a href="leitlinien/datenschutz/">Kapitel 2 „Datenschutz“</a>.`)
	contains(t, "print", out("druck/index.html"), `Kapitel 2: Datenschutz</h`, `<a href="#s_leitlinien_datenschutz">Kapitel 2 „Datenschutz“</a>`)
	// The search finds the reference's text.
	if idx := out("suche/index.js"); !strings.Contains(idx, `"anhang"`) {
		t.Error("the search index lacks the word of a chapter reference")
	}
}

func TestChapterNumbersOff(t *testing.T) {
	off := strings.Replace(chapters, `chapter_numbers = "leitlinien"`, "", 1)
	out := built(t, off, false)
	ds := out("leitlinien/datenschutz/index.html")
	contains(t, "datenschutz", ds, `<h1>Datenschutz</h1>`, `<a href="../anhang/">„Anhang“</a>`)
	lacks(t, "datenschutz", ds, "Kapitel 2", ">2 Datenschutz<")
}

func TestChapterErrors(t *testing.T) {
	msg := buildErr(t, strings.Replace(chapters, `{{< kapitel "datenschutz" >}}`, `{{< kapitel "datenschuts" >}}`, 1))
	contains(t, "unknown", msg, `content/_index.md:4:39: kapitel: ein Kapitel "datenschuts" gibt es nicht. Meinten Sie "datenschutz"?`)
	lacks(t, "unknown", msg, `der Link "" ist leer`)

	twice := chapters + "-- content/klienten/datenschutz.md --\n+++\ntitle = \"Ihre Daten\"\n+++\nText.\n"
	msg = buildErr(t, twice)
	contains(t, "ambiguous", msg, `content/_index.md:4:39: kapitel: "datenschutz" gibt es mehrmals (klienten/datenschutz, leitlinien/datenschutz). Schreiben Sie den Pfad ab content/`)

	msg = buildErr(t, strings.Replace(chapters, `chapter_numbers = "leitlinien"`, `chapter_numbers = "leitlinie"`, 1))
	contains(t, "section", msg, `handbuch.toml:3:1: chapter_numbers: einen Abschnitt "leitlinie" gibt es nicht. Nennen Sie den Ordner in content/, dessen Seiten als Kapitel nummeriert werden, meinten Sie "leitlinien"?`)
}
