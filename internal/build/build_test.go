package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
)

// project writes the txtar archive into a fresh folder and returns it.
func project(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// built builds the archive and returns a reader for the output files.
func built(t *testing.T, archive string, drafts bool) func(string) string {
	t.Helper()
	dir := project(t, archive)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public", Drafts: drafts}); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	return reader(t, dir)
}

// reader reads the files of dir/public.
func reader(t *testing.T, dir string) func(string) string {
	return func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		return string(b)
	}
}

// buildErr builds the archive, expects it to fail and returns the message.
func buildErr(t *testing.T, archive string) string {
	t.Helper()
	dir := project(t, archive)
	_, err := Build(context.Background(), Options{Source: dir, Dest: "public"})
	if err == nil {
		t.Fatal("build succeeded, want an error")
	}
	if _, statErr := os.Stat(filepath.Join(dir, "public")); statErr == nil {
		t.Error("a failed build created public/")
	}
	return err.Error()
}

func contains(t *testing.T, name, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: missing %q", name, w)
		}
	}
}

func lacks(t *testing.T, name, got string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Errorf("%s: unexpected %q", name, w)
		}
	}
}

const config = `-- handbuch.toml --
title = "Testhandbuch"
organisation = "Testträger e. V."
contact = "feedback@example.org"
review_months = 24
`

const basic = config + `
-- content/_index.md --
+++
title = "Willkommen"
+++
Start. Lesen Sie [die Präambel](leitlinien/präambel.md).
-- content/vorgehen.md --
+++
title = "So gehen wir vor"
weight = 10
status = "beschlossen"
version = "1.2"
adopted = 2026-09-15
adopted_by = ["Vorstand", "Geschäftsführung", "MAV"]
reviewed = 2026-10-01
owner = "KI-Koordination"
+++
Er sagte "Hallo" -- und ging...

## Größe & Maß {#eigene-id}

Text.

## Überblick

## Übersicht der Schritte

### Schritt 1

Siehe [Ethik](leitlinien/ethik.md#wer-entscheidet).

## Inhalt

Das Wort[^1] hat eine Fußnote.

[^1]: Die Fußnote.
-- content/leitlinien/_index.md --
+++
title = "Leitlinien"
weight = 20
description = "Alle Kapitel."
+++
Einleitung.
-- content/leitlinien/präambel.md --
+++
title = "Präambel"
weight = 1
description = "Warum wir das tun."
status = "entwurf"
+++
Zurück zum [Vorgehen](../vorgehen.md).

| Prinzip | Beispiel |
|---|--:|
| Würde | Keine Ablehnung |
-- content/leitlinien/ethik.md --
+++
title = "Ethik"
weight = 2
+++
## Wer entscheidet?

Tabelle: Wer was entscheidet

| Rolle | Aufgabe |
|---|---|
| Beirat | berät |

Eine Fußnote[^1].

[^1]: Auch hier.
-- content/leitlinien/geheim.md --
+++
title = "Geheim"
weight = 3
draft = true
+++
Noch nicht fertig.
`

func TestBuildPages(t *testing.T) {
	out := built(t, basic, false)
	for _, name := range []string{"index.html", "vorgehen/index.html", "leitlinien/index.html", "leitlinien/praeambel/index.html", "leitlinien/ethik/index.html", "druck/index.html", "404.html", "assets/handbuch.css", "assets/fonts/OFL.txt", ".handbuch"} {
		out(name)
	}
	home := out("index.html")
	contains(t, "home", home,
		`<html lang="de">`,
		`<title>Testhandbuch</title>`,
		`<meta http-equiv="Content-Security-Policy" content="default-src 'self';`,
		`<a class="skip" href="#hb-inhalt">Zum Inhalt springen</a>`,
		`<main id="hb-inhalt" tabindex="-1">`,
		`<h1>Willkommen</h1>`,
		`<a href="leitlinien/praeambel/">die Präambel</a>`, // link to a .md file with an umlaut
		`<a href="./" aria-current="page">Startseite</a>`,
		`<link rel="stylesheet" href="assets/handbuch.css">`,
	)
	lacks(t, "home", home, "Geheim", `class="brotkrumen"`, "<script>")
	contains(t, "home", home, `<script src="assets/handbuch.js" defer></script>`)

	page := out("vorgehen/index.html")
	contains(t, "vorgehen", page,
		`<title>So gehen wir vor – Testhandbuch</title>`,
		`Er sagte „Hallo“ – und ging…`,
		`<h2 id="eigene-id">Größe &amp; Maß</h2>`,
		`<h2 id="ueberblick">Überblick</h2>`,
		`<h2 id="uebersicht-der-schritte">`,
		`<h2 id="inhalt">Inhalt</h2>`,
		`<h2 id="hb-toc-titel">Auf dieser Seite</h2>`,
		`<a href="#uebersicht-der-schritte">Übersicht der Schritte</a>`,
		`<a href="../leitlinien/ethik/#wer-entscheidet">Ethik</a>`,
		`<dt>Version</dt><dd>1.2</dd>`,
		`<dd>Beschlossen am 15. September 2026 von Vorstand, Geschäftsführung und MAV</dd>`,
		`<dt>Zuletzt geprüft</dt><dd>1. Oktober 2026</dd>`,
		`<dt>Nächste Prüfung</dt><dd>Oktober 2028</dd>`,
		`<dt>Verantwortlich</dt><dd>KI-Koordination</dd>`,
		`href="mailto:feedback@example.org?subject=Feedback%3A%20So%20gehen%20wir%20vor"`,
		`<a href="../" rel="prev"><span class="richtung">Vorherige Seite:</span> Willkommen</a>`,
		`<a href="../leitlinien/" rel="next"><span class="richtung">Nächste Seite:</span> Leitlinien</a>`,
		`<a href="./" aria-current="page">So gehen wir vor</a>`,
		`<li><a href="../">Startseite</a></li>`,
		`id="fn:1"`,
	)
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("vorgehen: %d h1 elements, want 1", n)
	}

	pre := out("leitlinien/praeambel/index.html")
	contains(t, "präambel", pre,
		`<div class="hinweis hinweis-entwurf" role="note">`,
		`<a href="../../vorgehen/">Vorgehen</a>`,
		`<div class="tabelle karten" role="region" tabindex="0" aria-label="Tabelle mit den Spalten Prinzip, Beispiel">`,
		`<th scope="col">Prinzip</th>`,
		`<td data-label="Beispiel" class="rechts">Keine Ablehnung</td>`,
	)
	lacks(t, "präambel", pre, "style=", "Auf dieser Seite", `<a href="../" aria-current`)

	ethik := out("leitlinien/ethik/index.html")
	contains(t, "ethik", ethik,
		`<caption id="tabelle-wer-was-entscheidet">Wer was entscheidet</caption>`,
		`aria-labelledby="tabelle-wer-was-entscheidet"`,
	)
	lacks(t, "ethik", ethik, "<p>Tabelle:")

	section := out("leitlinien/index.html")
	contains(t, "section", section, `<li><a href="praeambel/">Präambel</a><br><span class="beschreibung">Warum wir das tun.</span></li>`)
}

func TestBuildNavMarksOnlyCurrentPage(t *testing.T) {
	out := built(t, basic, false)
	pre := out("leitlinien/praeambel/index.html")
	if n := strings.Count(pre, `aria-current="page"`); n != 3 { // both navigations and the breadcrumbs
		t.Errorf("aria-current appears %d times, want 3", n)
	}
	contains(t, "präambel", pre, `<a href="./" aria-current="page">Präambel</a>`, `<li><a href="../">Leitlinien</a></li>`)
}

// TestBuildWithoutPDF: --ohne-pdf makes no PDF, and no page offers one.
func TestBuildWithoutPDF(t *testing.T) {
	dir := project(t, toolsSite)
	res, err := Build(context.Background(), Options{Source: dir, Dest: "public", NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(res.Dest, "pdf")); !os.IsNotExist(err) {
		t.Errorf("pdf/ was written: %v", err)
	}
	for _, page := range []string{"index.html", "formular/index.html", "checklisten/vorher/index.html"} {
		b, err := os.ReadFile(filepath.Join(res.Dest, page))
		if err != nil {
			t.Fatal(err)
		}
		lacks(t, page, string(b), "herunterladen", ".pdf")
	}
}

func TestBuildDrafts(t *testing.T) {
	out := built(t, basic, true)
	contains(t, "section", out("leitlinien/index.html"), "Geheim")
	out("leitlinien/geheim/index.html")
}

func TestBuildPrintView(t *testing.T) {
	out := built(t, basic, false)
	p := out("druck/index.html")
	contains(t, "druck", p,
		`<title>Druckansicht – Testhandbuch</title>`,
		`<h1>Testhandbuch</h1>`,
		`<h2 id="s_vorgehen">So gehen wir vor</h2>`,
		`<h3 id="s_vorgehen--ueberblick">Überblick</h3>`,
		`<h4 id="s_vorgehen--schritt-1">Schritt 1</h4>`,
		`<h3 id="s_leitlinien_praeambel">Präambel</h3>`,
		`<a href="#s_leitlinien_praeambel">die Präambel</a>`,
		`<a href="#s_leitlinien_ethik--wer-entscheidet">Ethik</a>`,
		`<a href="#s_vorgehen">Vorgehen</a>`,
		`id="s_vorgehen--fn:1"`,
		`id="s_leitlinien_ethik--fn:1"`,
	)
	// Every id on the print page is unique.
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(p, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("duplicate id %q in the print view", m[1])
		}
		seen[m[1]] = true
	}
	// Every same-page link points to an existing id.
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(p, -1) {
		if !seen[m[1]] {
			t.Errorf("print view links to missing id %q", m[1])
		}
	}
}

func TestBuild404UsesBasePath(t *testing.T) {
	out := built(t, strings.Replace(basic, `review_months = 24`, "review_months = 24\nbase_url = \"https://intranet.example.org/ki/\"", 1), false)
	p := out("404.html")
	contains(t, "404", p, `href="/ki/assets/handbuch.css"`, `<a href="/ki/">Zur Startseite des Handbuchs</a>`, `<h1>Seite nicht gefunden</h1>`)
}

func TestBuildRawHTML(t *testing.T) {
	const archive = config + `
-- content/_index.md --
+++
title = "Start"
+++
Ein <b>fetter</b> Text.

<script>alert(1)</script>
`
	out := built(t, archive, false)
	home := out("index.html")
	contains(t, "escaped", home, "Ein &lt;b&gt;fetter&lt;/b&gt; Text.", "&lt;script&gt;alert(1)&lt;/script&gt;")
	lacks(t, "escaped", home, "<b>fetter</b>", "<script>")

	out = built(t, strings.Replace(archive, "review_months = 24", "review_months = 24\nallow_html = true", 1), false)
	contains(t, "allowed", out("index.html"), "Ein <b>fetter</b> Text.")
}

func TestBuildLayoutOverride(t *testing.T) {
	out := built(t, basic+`
-- layouts/partials/kopf.html --
<header class="kopf"><p>Eigener Kopf von {{.Site.Organisation}}</p></header>
-- layouts/assets/extra.txt --
eigene Datei
`, false)
	home := out("index.html")
	contains(t, "override", home, "<p>Eigener Kopf von Testträger e. V.</p>")
	lacks(t, "override", home, `class="kopf-titel"`)
	contains(t, "asset", out("assets/extra.txt"), "eigene Datei")
	contains(t, "default kept", out("vorgehen/index.html"), `<details class="navigation-klein">`)
}

func TestBuildThemeColors(t *testing.T) {
	out := built(t, strings.Replace(basic, "review_months = 24", "review_months = 24\n[colors]\nlink = \"#00376b\"", 1), false)
	contains(t, "css", out("assets/handbuch.css"), "--link: #00376b;", "--text: #1a1a1a;")
}

func TestBuildErrors(t *testing.T) {
	for _, tc := range []struct {
		name, archive string
		want          []string
	}{
		{"missing config", `
-- content/_index.md --
+++
title = "Start"
+++
`, []string{"handbuch.toml: handbuch.toml fehlt"}},
		{"missing home", config + `
-- content/a.md --
+++
title = "A"
+++
`, []string{"content/_index.md: die Startseite fehlt"}},
		{"link to nowhere", config + `
-- content/_index.md --
+++
title = "Start"
+++
Text.

Siehe [das Kapitel](kapitel.md) und [Anker](#gibt-es-nicht).
`, []string{
			`content/_index.md:6:7: der Link auf "kapitel.md" führt ins Leere`,
			`content/_index.md:6:37: der Link "#gibt-es-nicht" zeigt auf den Anker #gibt-es-nicht`,
		}},
		{"relative html link", config + `
-- content/_index.md --
+++
title = "Start"
+++
[x](../anderes/)
`, []string{`content/_index.md:4:1: der Link "../anderes/" zeigt auf keine Seite`}},
		{"duplicate url", config + `
-- content/_index.md --
+++
title = "Start"
+++
-- content/Über uns.md --
+++
title = "A"
+++
-- content/ueber-uns.md --
+++
title = "B"
+++
`, []string{"content/Über uns.md:1:1: ergibt dieselbe Adresse /ueber-uns/ wie content/ueber-uns.md"}},
		{"section without index", config + `
-- content/_index.md --
+++
title = "Start"
+++
-- content/teil/a.md --
+++
title = "A"
+++
`, []string{"content/teil/a.md:1:1: der Ordner content/teil hat keine _index.md"}},
		{"bad colour", strings.Replace(config, "review_months = 24", "review_months = 24\n[colors]\nmuted = \"#999999\"", 1) + `
-- content/_index.md --
+++
title = "Start"
+++
`, []string{"handbuch.toml:6:1: colors.muted: Kontrast für Nebentext (Fußzeile) auf dem Hintergrund ist 2,8:1"}},
		{"layout error", config + `
-- content/_index.md --
+++
title = "Start"
+++
-- layouts/page.html --
{{define "main"}}{{.Nope}{{end}}
`, []string{"layouts/page.html: Fehler im Layout"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := buildErr(t, tc.archive)
			contains(t, tc.name, got, tc.want...)
			if t.Failed() {
				t.Log(got)
			}
		})
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := project(t, basic)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, filepath.Join(dir, "public"))
	broken := filepath.Join(dir, "content", "vorgehen.md")
	if err := os.WriteFile(broken, []byte("+++\ntitle = \"kaputt\nweight = 1\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), Options{Source: dir, Dest: "public"})
	if len(book.Errors(err)) == 0 {
		t.Fatalf("want input errors, got %v", err)
	}
	if after := snapshot(t, filepath.Join(dir, "public")); after != before {
		t.Error("a failed build changed public/")
	}
	assertNoLeftovers(t, dir)
}

func TestRefuseForeignDestination(t *testing.T) {
	dir := project(t, basic+`
-- public/meine-datei.txt --
wichtig
`)
	_, err := Build(context.Background(), Options{Source: dir, Dest: "public"})
	if !errors.Is(err, ErrNotOurs) {
		t.Fatalf("err = %v, want ErrNotOurs", err)
	}
	contains(t, "message", err.Error(), "nicht von handbuch erzeugt")
	if b, _ := os.ReadFile(filepath.Join(dir, "public", "meine-datei.txt")); string(b) != "wichtig\n" {
		t.Error("the foreign file was changed")
	}

	dir = project(t, basic+`
-- ausgabe --
eine Datei
`)
	_, err = Build(context.Background(), Options{Source: dir, Dest: "ausgabe"})
	if !errors.Is(err, ErrNotOurs) || !strings.Contains(err.Error(), "ist eine Datei") {
		t.Fatalf("err = %v, want a refusal of a file destination", err)
	}
}

func TestRebuildReplacesOwnOutput(t *testing.T) {
	dir := project(t, basic)
	for range 2 {
		if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
			t.Fatal(err)
		}
	}
	// A page removed from content/ disappears from the output.
	if err := os.Remove(filepath.Join(dir, "content", "leitlinien", "ethik.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "vorgehen.md"), []byte("+++\ntitle = \"Vorgehen\"\n+++\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "leitlinien", "ethik")); !os.IsNotExist(err) {
		t.Error("the removed page is still in public/")
	}
	assertNoLeftovers(t, dir)
}

func TestReproducible(t *testing.T) {
	a, b := project(t, basic), project(t, basic)
	if _, err := Build(context.Background(), Options{Source: a, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: b, Dest: "out"}); err != nil {
		t.Fatal(err)
	}
	if sa, sb := snapshot(t, filepath.Join(a, "public")), snapshot(t, filepath.Join(b, "out")); sa != sb {
		t.Error("two builds of the same input differ")
	}
}

// snapshot returns every file path and content of dir in one string.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var buf bytes.Buffer
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		buf.WriteString(rel + "\n")
		buf.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// assertNoLeftovers fails when temporary build folders remain.
func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

func TestInterruptedBuild(t *testing.T) {
	dir := project(t, basic)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, filepath.Join(dir, "public"))

	// A build stopped by a signal keeps the old output and cleans up.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, Options{Source: dir, Dest: "public"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if snapshot(t, filepath.Join(dir, "public")) != before {
		t.Error("an interrupted build changed public/")
	}
	assertNoLeftovers(t, dir)

	// A build killed outright leaves a marked folder; the next one removes it.
	stale := filepath.Join(dir, ".public.neu-123")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(stale, Marker), nil, 0o644)
	foreign := filepath.Join(dir, ".public.neu-fremd")
	os.MkdirAll(foreign, 0o755)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the leftover of a killed build is still there")
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Error("a folder without the marker was removed")
	}
}

// TestReproducibleModel builds the model handbook twice, in two folders a
// moment apart, and compares every byte, the PDFs included.
func TestReproducibleModel(t *testing.T) {
	var snaps [2]string
	for i := range snaps {
		if i > 0 {
			time.Sleep(1100 * time.Millisecond) // a clock read anywhere would now differ
		}
		dir := filepath.Join(t.TempDir(), fmt.Sprintf("handbuch-%d", i))
		if err := os.CopyFS(dir, handbuch.Model()); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(dir, "layouts")); err != nil { // as handbuch new leaves them
			t.Fatal(err)
		}
		res, err := Build(context.Background(), Options{Source: dir, Dest: "public"})
		if err != nil {
			t.Fatal(err)
		}
		pdfs, _ := filepath.Glob(filepath.Join(res.Dest, "pdf", "*.pdf"))
		if len(pdfs) < 5 {
			t.Fatalf("only %d PDFs in the build", len(pdfs))
		}
		snaps[i] = snapshot(t, res.Dest)
	}
	if snaps[0] != snaps[1] {
		a, b := snaps[0], snaps[1]
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("two builds of the model handbook differ at byte %d: %q", i, a[max(0, i-80):min(len(a), i+40)])
	}
}

// A model page says that it is a model and who is to adopt it, never
// "Beschlossen am …".
func TestBuildModelStatus(t *testing.T) {
	page := built(t, config+`
-- content/_index.md --
+++
title = "Start"
status = "muster"
adopted_by = ["Vorstand", "MAV"]
+++
Text.
`, false)("index.html")
	contains(t, "model page", page,
		`<strong>Muster:</strong> Dieser Text ist eine Vorlage. Er gilt erst, wenn die Organisation ihn angepasst und beschlossen hat.`,
		`<dt>Status</dt><dd>Muster – noch nicht beschlossen</dd>`,
		`<dt>Beschluss</dt><dd>Beschließen sollen: Vorstand und MAV</dd>`)
	lacks(t, "model page", page, "Beschlossen am")
}
