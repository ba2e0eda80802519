package build

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/load"
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

// modelIndex is the search index of the model handbook as the script
// reads it.
type modelIndex struct {
	Docs []struct {
		T, U, L string
	}
	Parts []struct {
		D int
	}
	Words [][]json.RawMessage
}

// TestModelSearchLanguages checks that the model's index holds the words
// of its English and Arabic client pages, folded and stemmed in their
// language, under their doc with its language: the Arabic words without
// article and harakat, the English ones in the singular.
func TestModelSearchLanguages(t *testing.T) {
	files, _, err := render(handbuch.Model(), nil, load.Options{Today: modelToday}, pdfsNone)
	if err != nil {
		t.Fatal(err)
	}
	var js string
	for _, f := range files {
		if f.Path == "suche/index.js" {
			js = string(f.Data)
		}
	}
	const prefix = "window.handbuchSuche = "
	i := strings.Index(js, prefix)
	if i < 0 {
		t.Fatalf("no search index in the model:\n%.200s", js)
	}
	var ix modelIndex
	if err := json.Unmarshal([]byte(strings.TrimSuffix(js[i+len(prefix):], ";\n")), &ix); err != nil {
		t.Fatal(err)
	}
	langs := map[string]string{}
	for _, d := range ix.Docs {
		langs[d.U] = d.L
	}
	for u, l := range map[string]string{"klienten/so-nutzen-wir-ki/ar/": "ar", "klienten/so-nutzen-wir-ki/en/": "en", "klienten/so-nutzen-wir-ki/": ""} {
		if got, ok := langs[u]; !ok || got != l {
			t.Errorf("doc %s: language %q (in the index: %v), want %q", u, got, ok, l)
		}
	}
	// docs maps a stem to the URLs of the docs it stands in.
	docs := map[string][]string{}
	for _, w := range ix.Words {
		var stem string
		var postings []int
		if json.Unmarshal(w[0], &stem) != nil || json.Unmarshal(w[1], &postings) != nil {
			t.Fatalf("index word %s", w)
		}
		for j := 0; j < len(postings); j += 2 {
			docs[stem] = append(docs[stem], ix.Docs[ix.Parts[postings[j]].D].U)
		}
	}
	for stem, url := range map[string]string{
		"ذكاء":    "klienten/so-nutzen-wir-ki/ar/", // الذكاء (the intelligence), in the title
		"اصطناعي": "klienten/so-nutzen-wir-ki/ar/", // الاصطناعي
		"انسان":   "klienten/so-nutzen-wir-ki/ar/", // الإنسان: the hamza is folded away
		"تقارير":  "klienten/so-nutzen-wir-ki/ar/", // للتقارير: for the reports
		"يقرر":    "klienten/so-nutzen-wir-ki/ar/",
		"report":  "klienten/so-nutzen-wir-ki/en/", // reports
		"program": "klienten/so-nutzen-wir-ki/en/",
	} {
		if !slices.Contains(docs[stem], url) {
			t.Errorf("the index word %q is not in %s (it stands in %q)", stem, url, docs[stem])
		}
	}
	for _, stem := range []string{"الذكاء", "الاصطناعي", "reports"} {
		if _, ok := docs[stem]; ok {
			t.Errorf("the index has %q: an article or a plural was left on", stem)
		}
	}
}

// TestSearchReaderLanguage checks what the header's search form sends
// from a staff page in another language: its language (sprache=), so
// that the search lists results in it first; a page in the handbook's
// language sends none. Client pages, translations among them, have no
// search form.
func TestSearchReaderLanguage(t *testing.T) {
	out := built(t, config+`
-- content/_index.md --
+++
title = "Willkommen"
+++
Start.
-- content/arabisch.md --
+++
title = "صفحة للموظفين"
language = "ar"
+++
نستخدم الذكاء الاصطناعي.
-- content/klienten.md --
+++
title = "Für Sie"
audience = "clients"
plain = true
+++
Kurz.
`, false)
	contains(t, "arabic staff page", out("arabisch/index.html"), `<input type="hidden" name="sprache" value="ar">`, `<input type="search" id="hb-suche-begriff" name="q" autocomplete="off" spellcheck="false" dir="auto">`)
	lacks(t, "german page", out("index.html"), `name="sprache"`)
	lacks(t, "client page", out("klienten/index.html"), `role="search"`)
	contains(t, "search page", out("suche/index.html"), `<input type="search" id="suche-begriff" name="q" autocomplete="off" spellcheck="false" dir="auto">`)
}
