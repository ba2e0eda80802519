package build

import (
	"encoding/json"
	"strings"
	"testing"
)

const searchSite = config + `
-- content/_index.md --
+++
title = "Willkommen"
+++
Start.
-- content/vorlagen/_index.md --
+++
title = "Vorlagen"
+++
Muster.
-- content/vorlagen/einwilligung.md --
+++
title = "Einwilligung"
description = "Ein Muster zum Ausfüllen."
+++
Bitte lesen Sie alles.

## Ihre Rechte

Sie können Ihre Einwilligungen widerrufen.

{{< feld "Anschrift mit Straße" "adresse" >}}

### Bei Kindern

Eltern unterschreiben.
-- glossary/widerruf.toml --
term = "Widerruf"
forms = ["widerrufen"]
short = "Sie nehmen Ihr Ja zurück."
`

func TestSearchPage(t *testing.T) {
	out := built(t, searchSite, false)
	for _, page := range []string{"index.html", "vorlagen/einwilligung/index.html", "glossar/index.html"} {
		html := out(page)
		contains(t, page, html, `<form class="kopf-suche" role="search" action="`, `<input type="search" id="hb-suche-begriff" name="q"`, `<button type="submit">Suchen</button>`)
		lacks(t, page, html, "suche.js", "suche/index.js")
	}
	contains(t, "start", out("index.html"), `action="suche/" method="get"`)
	contains(t, "form page", out("vorlagen/einwilligung/index.html"), `action="../../suche/" method="get"`)

	page := out("suche/index.html")
	contains(t, "suche", page,
		`<title>Suche – Testhandbuch</title>`,
		`<script src="index.js" defer></script>`,
		`<script src="../assets/suche.js" defer></script>`,
		`<form class="suche" id="suche-formular" action="./" method="get" data-root="../" hidden>`,
		`<label for="suche-begriff">Suchbegriff</label>`,
		`<p class="suche-status" id="suche-status" role="status" aria-live="polite"></p>`,
		`<ol class="suche-treffer" id="suche-treffer" hidden></ol>`,
		// The A–Z index: page titles, h2 and h3 with their anchors, terms.
		`<h3 id="az-b">B</h3>`,
		`<li><a href="../vorlagen/einwilligung/#bei-kindern">Bei Kindern <span class="a-z-ort">(Einwilligung)</span></a></li>`,
		`<li><a href="../vorlagen/einwilligung/#ihre-rechte">Ihre Rechte <span class="a-z-ort">(Einwilligung)</span></a></li>`,
		`<li><a href="../vorlagen/einwilligung/">Einwilligung</a></li>`,
		`<li><a href="../glossar/#widerruf">Widerruf <span class="a-z-ort">(Glossar)</span></a></li>`,
		`<li><a href="#az-w">W</a></li>`,
		`<span class="visually-hidden">Kein Eintrag mit </span>X`,
	)
	if a, b := strings.Index(page, `id="az-b"`), strings.Index(page, `id="az-w"`); a < 0 || b < a {
		t.Error("suche: the letters are not in order")
	}

	js := out("suche/index.js")
	const prefix = "window.handbuchSuche = "
	i := strings.Index(js, prefix)
	if i < 0 {
		t.Fatalf("suche/index.js does not set window.handbuchSuche:\n%s", js)
	}
	var index struct {
		Docs []struct {
			T, U, K string
		}
		Parts []struct {
			D       int
			A, H, S string
		}
		Words [][]json.RawMessage
	}
	if err := json.Unmarshal([]byte(strings.TrimSuffix(js[i+len(prefix):], ";\n")), &index); err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	for _, d := range index.Docs {
		docs[d.T] = d.U + " " + d.K
	}
	for title, want := range map[string]string{
		"Willkommen":   " ",
		"Einwilligung": "vorlagen/einwilligung/ Formular",
		"Glossar":      "glossar/ ",
		"Widerruf":     "glossar/ Begriff",
	} {
		if docs[title] != want {
			t.Errorf("index doc %q = %q, want %q", title, docs[title], want)
		}
	}
	stems := map[string]bool{}
	for _, w := range index.Words {
		var s string
		_ = json.Unmarshal(w[0], &s)
		stems[s] = true
	}
	// "einwilligungen" is stored as its stem; the field label is text; the
	// description ("Muster" → "must"), heading anchors and snippets come
	// along.
	for _, s := range []string{"einwilligung", "widerruf", "stras", "kind", "anschrift", "must"} {
		if !stems[s] {
			t.Errorf("index lacks the stem %q", s)
		}
	}
	found := false
	for _, p := range index.Parts {
		if p.A == "bei-kindern" && p.H == "Bei Kindern" && p.S == "Eltern unterschreiben." {
			found = true
		}
	}
	if !found {
		t.Errorf("no part for the heading „Bei Kindern“ with its anchor and snippet: %+v", index.Parts)
	}
}

func TestSearchURLReserved(t *testing.T) {
	msg := buildErr(t, config+`
-- content/_index.md --
+++
title = "Start"
+++
-- content/suche.md --
+++
title = "Suche"
+++
Text.
`)
	contains(t, "error", msg, "content/suche.md", "/suche/ ist für die Suche reserviert")
}
