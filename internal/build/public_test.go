package build

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/site"
)

// filledOrg is what an organisation writes into handbuch.toml before it
// publishes: the flyer and the consent form print all of it.
const filledOrg = `[organisation]
name = "Pflegedienst Sonnenblick gGmbH"
address = """Musterweg 7
12345 Musterstadt"""
phone = "+49 30 1234567-0"
email = "info@sonnenblick.example"
website = "https://www.sonnenblick.example/"

[organisation.datenschutz]
name = "Dr. Erika Beispiel"
address = """Hauptstraße 1
12345 Musterstadt"""
phone = "+49 30 7654321"
email = "datenschutz@sonnenblick.example"

[organisation.ki_koordination]
name = "Jonas Muster"
phone = "+49 30 1234567-10"
email = "ki@sonnenblick.example"

[organisation.aufsicht]
name = "Berliner Beauftragte für Datenschutz und Informationsfreiheit"
address = """Alt-Moabit 59–61
10555 Berlin"""
phone = "+49 30 13889-0"
email = "mailbox@datenschutz-berlin.de"
website = "https://www.datenschutz-berlin.de/"

` + filledStatement

// filledStatement completes the accessibility statement.
const filledStatement = `[statement]
legal_basis = "Barrierefreiheitsgesetz des Landes Berlin (BGG Bln)"
reviewed = 2026-11-20
findings = "Zwei Tabellen lesen sich mit dem Screenreader schwer. Wir überarbeiten sie bis März 2027."
enforcement = "Ombudsstelle für barrierefreie Informationstechnik des Landes Berlin, E-Mail: ombudsstelle@example.org"

`

// publishedModel is the model handbook as an organisation publishes it:
// [organisation] and [statement] filled in, and the open places of its
// public pages answered.
func publishedModel(t *testing.T) fstest.MapFS {
	t.Helper()
	model := handbuch.Model()
	out := fstest.MapFS{}
	err := fs.WalkDir(model, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(model, p)
		if err != nil {
			return err
		}
		switch {
		case p == "handbuch.toml":
			s := string(b)
			from, to := strings.Index(s, "[organisation]"), strings.Index(s, "[colors]")
			if from < 0 || to < from {
				t.Fatal("handbuch.toml: want [organisation] before [colors]")
			}
			b = []byte(s[:from] + filledOrg + s[to:])
		case strings.HasPrefix(p, "content/klienten/") || p == "content/vorlagen/einwilligung-einfache-sprache.md":
			b = regexp.MustCompile(`(?m)^\{\{< eintragen .*>\}\}$`).ReplaceAll(b, []byte("Das haben wir entschieden."))
		}
		out[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPublicModel builds the published model with --public and walks
// what it wrote: the client area, the contacts, the statement, the
// flyer and the plain consent form, and nothing for staff or editors.
func TestPublicModel(t *testing.T) {
	files, h, _, err := makeSite(publishedModel(t), nil, load.Options{Today: modelToday}, "public-web", pdfsAll, true, nil, nil)
	if err != nil {
		t.Fatalf("the published model does not build with --public:\n%v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	var pages, pdfs []string
	for name := range out {
		switch {
		case strings.HasSuffix(name, "index.html"):
			pages = append(pages, name)
		case strings.HasPrefix(name, "pdf/"):
			pdfs = append(pdfs, name)
		}
	}
	slices.Sort(pages)
	slices.Sort(pdfs)
	wantPages := []string{
		"barrierefreiheit/index.html",
		"index.html",
		"klienten/fragen-und-beschwerden/index.html",
		"klienten/ihre-daten/index.html",
		"klienten/index.html",
		"klienten/nein-sagen/index.html",
		"klienten/so-nutzen-wir-ki/ar/index.html",
		"klienten/so-nutzen-wir-ki/en/index.html",
		"klienten/so-nutzen-wir-ki/index.html",
		"klienten/unsere-programme/index.html",
		"kontakte/index.html",
		"suche/index.html",
		"vorlagen/einwilligung-einfache-sprache/index.html",
	}
	if !slices.Equal(pages, wantPages) {
		t.Errorf("pages of the public build:\n%s\nwant:\n%s", strings.Join(pages, "\n"), strings.Join(wantPages, "\n"))
	}
	wantPDFs := []string{"pdf/faltblatt-klienten-so-nutzen-wir-ki-ar.pdf", "pdf/faltblatt-klienten-so-nutzen-wir-ki.pdf", "pdf/vorlagen-einwilligung-einfache-sprache.pdf"}
	if !slices.Equal(pdfs, wantPDFs) {
		t.Errorf("PDFs of the public build: %v, want %v", pdfs, wantPDFs)
	}
	for _, p := range h.Pages {
		if !p.Public() && p != h.Home {
			t.Errorf("the public book keeps %s (audience %q)", p.File, p.Audience)
		}
	}
	// Every link of every page leads to a file of the build: none to a
	// staff page, the glossary, the print view or the report.
	href := regexp.MustCompile(`\b(?:href|src)="([^"#?]*)[^"]*"`)
	for _, name := range append(pages, "404.html") {
		page := out[name]
		if !strings.Contains(page, `<body class="klient`) || strings.Contains(page, `class="navigation"`) {
			t.Errorf("%s: want the client layout, without the staff navigation", name)
		}
		for _, unwanted := range []string{"pruefbericht", "Prüfbericht", "Redaktion", "offene-stellen", "Noch offen", "eintragen", "hinweis-entwurf", "handbuch.toml", "glossar/", "druck/", "leitlinien/", "Druckansicht"} {
			if strings.Contains(page, unwanted) {
				t.Errorf("%s: editor or staff material %q", name, unwanted)
			}
		}
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			target := m[1]
			if target == "" || strings.Contains(target, ":") {
				continue // the page itself, mailto:, tel:, https:
			}
			dir := strings.HasSuffix(target, "/") || target == "." || target == ".."
			if name == "404.html" { // served at any depth: its links start at the root
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(path.Dir(name), target)
			}
			if dir || target == "." {
				target = path.Join(target, "index.html")
			}
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q leads out of the public build (%s)", name, m[1], target)
			}
		}
	}
	// The public start page leads to the search, which the client
	// layout has no field for.
	contains(t, "index.html", out["index.html"], `<a href="suche/">Auf diesen Seiten suchen</a>`)
	// The statement says what handbuch.toml says, and is no draft.
	contains(t, "barrierefreiheit/index.html", out["barrierefreiheit/index.html"],
		"Rechtsgrundlage: Barrierefreiheitsgesetz des Landes Berlin (BGG Bln)",
		"Menschen haben es am 20. November 2026 geprüft, auch mit Screenreader.",
		"Die Prüfung durch Menschen hat ergeben: Zwei Tabellen",
		"Für uns zuständig ist: Ombudsstelle für barrierefreie Informationstechnik des Landes Berlin")
	index := out[strings.TrimPrefix(site.SearchIndex, "/")]
	for _, unwanted := range []string{"leitlinien/", "glossar/", "vom-muster-zum-handbuch", "Governance", "Risikomanagement"} {
		if strings.Contains(index, unwanted) {
			t.Errorf("the search index of the public build holds %q", unwanted)
		}
	}
	if !strings.Contains(index, "klienten/ihre-daten/") {
		t.Error("the search index of the public build lacks the client pages")
	}
}

// TestPublicBuild builds --public into its own folder: public-web/ by
// default, [public] dest when handbuch.toml names one; public/ stays.
func TestPublicBuild(t *testing.T) {
	archive := "-- handbuch.toml --\ntitle = \"Testhandbuch\"\ncontact = \"feedback@example.org\"\n" + filledOrg + `
-- content/_index.md --
+++
title = "Willkommen"
+++
Für Mitarbeitende. Lesen Sie [die Seite für Sie](fuer-sie.md).
-- content/fuer-sie.md --
+++
title = "Für Sie"
audience = "clients"
plain = true
+++
Hier lesen Sie alles. Fragen Sie uns gern.

{{< redaktion "Ein Hinweis nur für die Redaktion." >}}
-- content/intern.md --
+++
title = "Intern"
+++
Nur für das Team.
-- content/redaktion.md --
+++
title = "Erste Schritte"
audience = "editors"
+++
Für die Redaktion.
`
	dir := project(t, archive)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: dir, Public: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dest != filepath.Join(dir, PublicDest) {
		t.Errorf("public build went to %s, want %s", res.Dest, filepath.Join(dir, PublicDest))
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	contains(t, "public-web/fuer-sie/index.html", read("public-web/fuer-sie/index.html"), `<body class="klient einfach">`, `aria-label="Seiten für Sie"`, "Hier lesen Sie alles.")
	lacks(t, "public-web/index.html", read("public-web/index.html"), "Für Mitarbeitende", "Intern", "Erste Schritte", "Redaktion")
	lacks(t, "public-web/fuer-sie/index.html", read("public-web/fuer-sie/index.html"), "Ein Hinweis nur für die Redaktion.")
	for _, gone := range []string{"public-web/intern/index.html", "public-web/redaktion/index.html", "public-web/pruefbericht/index.html", "public-web/druck/index.html", "public-web/offene-stellen/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); err == nil {
			t.Errorf("the public build wrote %s", gone)
		}
	}
	// The intranet is untouched, and has the editors' page behind the
	// footer, not in the navigation.
	intern := read("public/intern/index.html")
	nav := intern[strings.Index(intern, `<nav class="navigation"`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	lacks(t, "navigation", nav, "Erste Schritte")
	contains(t, "public/intern/index.html", intern, `<a href="../redaktion/">Für die Redaktion</a>`)
	lacks(t, "public/intern/index.html", intern, "Prüfbericht für die Redaktion")
	contains(t, "public/redaktion/index.html", read("public/redaktion/index.html"), `href="../pruefbericht/"`, `href="../offene-stellen/"`, `<span aria-current="page">Erste Schritte</span>`)
	// The note to the editors is on their list only; the print view is
	// for readers and leaves the editors' page out.
	lacks(t, "public/fuer-sie/index.html", read("public/fuer-sie/index.html"), "Ein Hinweis nur für die Redaktion.")
	contains(t, "public/offene-stellen/index.html", read("public/offene-stellen/index.html"), `<strong>Hinweis für die Redaktion:</strong> Ein Hinweis nur für die Redaktion.<br>Steht in content/fuer-sie.md, Zeile 8.`)
	print := read("public/druck/index.html")
	contains(t, "public/druck/index.html", print, "Nur für das Team.")
	lacks(t, "public/druck/index.html", print, "Erste Schritte", "Ein Hinweis nur für die Redaktion.")

	// handbuch.toml names the folder.
	if err := os.WriteFile(filepath.Join(dir, "handbuch.toml"), []byte(read("handbuch.toml")+"\n[public]\ndest = \"website\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err = Build(context.Background(), Options{Source: dir, Public: true}); err != nil {
		t.Fatal(err)
	}
	if res.Dest != filepath.Join(dir, "website") {
		t.Errorf("public build went to %s, want website/ from handbuch.toml", res.Dest)
	}
}

func TestPublicBuildErrors(t *testing.T) {
	// A flyer prints the organisation's name and ways to reach it.
	const orgWithoutPhone = `-- handbuch.toml --
title = "Testhandbuch"
contact = "feedback@example.org"

[organisation]
name = "Testträger e. V."
phone = ""
email = "info@example.org"
website = "https://example.org/"
`
	for _, tc := range []struct {
		name, toml, front, page, want string
	}{
		{name: "link to a staff page", page: "Lesen Sie [intern](intern.md).", want: `content/fuer-sie.md:6:11: der Link auf "intern.md" führt im öffentlichen Build (--public) ins Leere: content/intern.md ist nicht öffentlich (eine Seite für Mitarbeitende).`},
		{name: "link to an editors' page", page: "Lesen Sie [dies](redaktion.md).", want: `content/fuer-sie.md:6:11: der Link auf "redaktion.md" führt im öffentlichen Build (--public) ins Leere: content/redaktion.md ist nicht öffentlich (audience = "redaktion": nur für die Redaktion).`},
		{name: "open slot", page: `{{< eintragen "Wer hilft Ihnen?" >}}`, want: `content/fuer-sie.md:6:1: die Seite ist öffentlich, hat hier aber noch eine offene Stelle: „Wer hilft Ihnen?“.`},
		{name: "statement draft", page: "Hallo.", want: `handbuch.toml:1:1: die Erklärung zur Barrierefreiheit ist öffentlich, ihr fehlt aber noch die Rechtsgrundlage, zum Beispiel das Barrierefreiheitsgesetz Ihres Landes. Tragen Sie das in handbuch.toml unter [statement] bei legal_basis ein, bevor Sie öffentlich bauen (--public).`},
		{name: "flyer without the organisation's phone", toml: orgWithoutPhone, front: "flyer = true\n", page: "Wir helfen Ihnen.", want: `handbuch.toml:6:1: das Faltblatt von content/fuer-sie.md druckt die Angabe „Telefon der Organisation“, sie fehlt aber noch. Tragen Sie sie vor dem öffentlichen Build (--public) in handbuch.toml unter [organisation] bei phone ein.`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.toml == "" {
				tc.toml = config
			}
			dir := project(t, tc.toml+`
-- content/_index.md --
+++
title = "Willkommen"
+++
Start.
-- content/fuer-sie.md --
+++
title = "Für Sie"
audience = "clients"
`+tc.front+`+++

`+tc.page+`
-- content/intern.md --
+++
title = "Intern"
+++
Intern.
-- content/redaktion.md --
+++
title = "Erste Schritte"
audience = "redaktion"
+++
Für die Redaktion.
`)
			// The intranet builds; the public build refuses, at the place.
			if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
				t.Fatal(err)
			}
			_, err := Build(context.Background(), Options{Source: dir, Public: true})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %s", err, tc.want)
			}
			// Only a flyer's missing values are reported as the flyer's.
			if err != nil && strings.Count(err.Error(), "Faltblatt") != strings.Count(tc.want, "Faltblatt") {
				t.Errorf("got %v\nwant a flyer message only for the missing phone", err)
			}
			if _, err := os.Stat(filepath.Join(dir, PublicDest)); err == nil {
				t.Error("a failed public build wrote public-web/")
			}
		})
	}
}
