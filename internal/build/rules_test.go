package build

import (
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/site"
)

// TestRulePages: when every rule has a finding, the report links each
// rule to a page next to it that explains the rule; every such link
// resolves, and the pages pass our own checks.
func TestRulePages(t *testing.T) {
	dir := project(t, `
-- handbuch.toml --
title = "Testhandbuch"
-- content/_index.md --
+++
title = "Start"
+++
Willkommen.
`)
	files, h, _, err := Make(os.DirFS(dir), nil, load.Options{Today: modelToday}, "public")
	if err != nil {
		t.Fatal(err)
	}
	var findings []check.Finding
	for _, id := range check.RuleIDs() {
		findings = append(findings, check.NewFinding(id, book.Pos{File: "content/_index.md", Line: 1, Col: 1}, "ein Beispiel"))
	}
	reports, err := site.Reports(h, site.NewLayouts(nil, handbuch.Layouts()), reportFindings(findings), nil, ruleTexts(findings), false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	var checked []site.File
	for _, f := range files {
		out[f.Path] = f.Data
		if path.Ext(f.Path) == ".css" {
			checked = append(checked, f)
		}
	}
	for _, f := range reports {
		out[f.Path] = f.Data
		checked = append(checked, f)
	}
	for _, f := range Check(h.Config, checked, "public") {
		if f.Severity != check.Hint {
			t.Errorf("%s", f)
		}
	}
	report := string(out["pruefbericht/index.html"])
	href := regexp.MustCompile(`<a href="(regeln/[^"]*)">([^<]*)</a>`)
	linked := map[string]bool{}
	for _, m := range href.FindAllStringSubmatch(report, -1) {
		target := path.Join("pruefbericht", m[1], "index.html")
		page, ok := out[target]
		if !ok {
			t.Errorf("the report links %s to %s, which is missing", m[2], target)
			continue
		}
		if !strings.Contains(string(page), "<h1>Regel "+m[2]+"</h1>") {
			t.Errorf("%s is not the page of %s", target, m[2])
		}
		linked[m[2]] = true
	}
	for _, id := range check.RuleIDs() {
		if !linked[id] {
			t.Errorf("the report does not link the rule %s", id)
		}
	}
	page := string(out["pruefbericht/regeln/color-contrast/index.html"])
	for _, want := range []string{"Kriterium 1.4.3 „Kontrast (Minimum)“, Stufe AA", "Warum das wichtig ist", "So beheben Sie es", `<pre><code class="language-css">.hinweis { color: #999999;`, `<a href="../../">Zurück zum Prüfbericht</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page of color-contrast lacks %q", want)
		}
	}
}
