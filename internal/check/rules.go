package check

import (
	"slices"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// Rule is one check that can report findings: the one place that says
// what its findings are.
type Rule struct {
	ID string
	// Kind groups the rules: "html" (WCAG-relevant markup, ids as in
	// axe-core), "kontrast" (colours of the stylesheets), "sprache" (plain
	// language) and "quelle" (the sources: reviews, drafts, links, input).
	Kind string
	// Severity of the rule's findings. The plain-language rules report
	// more mildly below their limits and outside Einfache Sprache (see
	// Plain); Severity is the most they report.
	Severity Severity
	// SC is the WCAG success criterion the rule serves, "Best Practice"
	// for axe-core's best practices, empty for handbuch's own rules.
	SC string
	// Help says in German what the rule checks and why (help.go).
	Help string
}

// Fixture is the file with the rule's failing and passing cases, for the
// rules that have one per rule: the HTML rules of one page. The others
// are tested from shared fixtures (plain language, contrast) or with
// several files (document-title-unique: runner_test.go;
// pruefung-abgebrochen: model_test.go).
func (r Rule) Fixture() string {
	if r.Kind != "html" || r.ID == "document-title-unique" || r.ID == "pruefung-abgebrochen" {
		return ""
	}
	return "testdata/wcag/" + r.ID + ".txt"
}

// Rules are all rules, sorted by id. [checks] off in handbuch.toml may
// name only these; a finding of the HTML rules takes its severity and
// criterion from here.
var Rules = sortedRules([]Rule{
	{ID: "abkuerzung", Kind: "sprache", Severity: Warning, SC: ""},
	{ID: "accesskeys", Kind: "html", Severity: Warning, SC: best},
	{ID: "anteil-lange-saetze", Kind: "sprache", Severity: Warning, SC: ""},
	{ID: "area-alt", Kind: "html", Severity: Error, SC: sc111},
	{ID: "aria-allowed-attr", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-allowed-role", Kind: "html", Severity: Warning, SC: best},
	{ID: "aria-braille-equivalent", Kind: "html", Severity: Hint, SC: sc412},
	{ID: "aria-command-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-conditional-attr", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-deprecated-role", Kind: "html", Severity: Warning, SC: sc412},
	{ID: "aria-dialog-name", Kind: "html", Severity: Error, SC: best},
	{ID: "aria-hidden-body", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-hidden-focus", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-input-field-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-meter-name", Kind: "html", Severity: Error, SC: sc111},
	{ID: "aria-progressbar-name", Kind: "html", Severity: Error, SC: sc111},
	{ID: "aria-prohibited-attr", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-required-attr", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-required-children", Kind: "html", Severity: Error, SC: sc131},
	{ID: "aria-required-parent", Kind: "html", Severity: Error, SC: sc131},
	{ID: "aria-roledescription", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-roles", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-tab-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-text", Kind: "html", Severity: Error, SC: best},
	{ID: "aria-toggle-field-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-tooltip-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-treeitem-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-valid-attr", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-valid-attr-value", Kind: "html", Severity: Error, SC: sc412},
	{ID: "aria-verweis", Kind: "html", Severity: Warning, SC: sc412},
	{ID: "autocomplete-valid", Kind: "html", Severity: Error, SC: sc135},
	{ID: "bild-alt-lang", Kind: "quelle", Severity: Warning, SC: sc111},
	{ID: "bild-alt-wie-unterschrift", Kind: "quelle", Severity: Warning, SC: sc111},
	{ID: "blink", Kind: "html", Severity: Error, SC: sc222},
	{ID: "button-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "bypass", Kind: "html", Severity: Hint, SC: sc241},
	{ID: "color-contrast", Kind: "kontrast", Severity: Error, SC: "WCAG 2.2 1.4.3, Stufe AA"},
	{ID: "color-contrast-enhanced", Kind: "kontrast", Severity: Warning, SC: "WCAG 2.2 1.4.6, Stufe AAA"},
	{ID: "css-orientation-lock", Kind: "html", Severity: Error, SC: sc134},
	{ID: "definition-list", Kind: "html", Severity: Error, SC: sc131},
	{ID: "dlitem", Kind: "html", Severity: Error, SC: sc131},
	{ID: "document-title", Kind: "html", Severity: Error, SC: sc242},
	{ID: "document-title-unique", Kind: "html", Severity: Warning, SC: sc242},
	{ID: "duplicate-id", Kind: "html", Severity: Warning, SC: best},
	{ID: "duplicate-id-active", Kind: "html", Severity: Error, SC: sc412},
	{ID: "duplicate-id-aria", Kind: "html", Severity: Warning, SC: sc412},
	{ID: "eingabe", Kind: "quelle", Severity: Warning, SC: ""},
	{ID: "empty-heading", Kind: "html", Severity: Error, SC: sc246},
	{ID: "empty-table-header", Kind: "html", Severity: Warning, SC: sc131},
	{ID: "entwurf", Kind: "quelle", Severity: Hint, SC: ""},
	{ID: "pdf-sprache", Kind: "quelle", Severity: Hint, SC: ""},
	{ID: "fieldset-legend", Kind: "html", Severity: Error, SC: sc131},
	{ID: "focus-contrast", Kind: "kontrast", Severity: Error, SC: "WCAG 2.2 1.4.11, Stufe AA"},
	{ID: "form-field-multiple-labels", Kind: "html", Severity: Warning, SC: sc332},
	{ID: "frame-title", Kind: "html", Severity: Error, SC: sc412},
	{ID: "frame-title-unique", Kind: "html", Severity: Warning, SC: sc412},
	{ID: "genitiv", Kind: "sprache", Severity: Hint, SC: ""},
	{ID: "heading-order", Kind: "html", Severity: Error, SC: sc131},
	{ID: "html-has-lang", Kind: "html", Severity: Error, SC: sc311},
	{ID: "html-lang-valid", Kind: "html", Severity: Error, SC: sc311},
	{ID: "html-readable", Kind: "html", Severity: Error, SC: ""},
	{ID: "html-xml-lang-mismatch", Kind: "html", Severity: Error, SC: sc311},
	{ID: "image-alt", Kind: "html", Severity: Error, SC: sc111},
	{ID: "image-alt-meaningful", Kind: "html", Severity: Warning, SC: sc111},
	{ID: "image-redundant-alt", Kind: "html", Severity: Warning, SC: best},
	{ID: "input-button-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "input-image-alt", Kind: "html", Severity: Error, SC: sc111},
	{ID: "konjunktiv", Kind: "sprache", Severity: Hint, SC: ""},
	{ID: "label", Kind: "html", Severity: Error, SC: sc412},
	{ID: "label-title-only", Kind: "html", Severity: Warning, SC: best},
	{ID: "landmark-banner-is-top-level", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-complementary-is-top-level", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-contentinfo-is-top-level", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-main-is-top-level", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-no-duplicate-banner", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-no-duplicate-contentinfo", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-no-duplicate-main", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-one-main", Kind: "html", Severity: Error, SC: sc131},
	{ID: "landmark-unique", Kind: "html", Severity: Error, SC: sc131},
	{ID: "langes-wort", Kind: "sprache", Severity: Warning, SC: ""},
	{ID: "lesbarkeit", Kind: "sprache", Severity: Warning, SC: ""},
	{ID: "link-extern", Kind: "quelle", Severity: Hint, SC: ""},
	{ID: "link-generic", Kind: "html", Severity: Warning, SC: sc244},
	{ID: "link-name", Kind: "html", Severity: Error, SC: sc244},
	{ID: "link-same-text", Kind: "html", Severity: Warning, SC: sc244},
	{ID: "link-target", Kind: "html", Severity: Error, SC: sc244},
	{ID: "link-url-text", Kind: "html", Severity: Hint, SC: sc244},
	{ID: "list", Kind: "html", Severity: Error, SC: sc131},
	{ID: "listitem", Kind: "html", Severity: Error, SC: sc131},
	{ID: "marquee", Kind: "html", Severity: Error, SC: sc222},
	{ID: "meta-refresh", Kind: "html", Severity: Error, SC: sc221},
	{ID: "meta-refresh-no-exceptions", Kind: "html", Severity: Warning, SC: sc224},
	{ID: "meta-viewport", Kind: "html", Severity: Error, SC: sc144},
	{ID: "meta-viewport-large", Kind: "html", Severity: Warning, SC: best},
	{ID: "nested-interactive", Kind: "html", Severity: Error, SC: sc412},
	{ID: "nominalstil", Kind: "sprache", Severity: Hint, SC: ""},
	{ID: "non-text-contrast", Kind: "kontrast", Severity: Error, SC: "WCAG 2.2 1.4.11, Stufe AA"},
	{ID: "obsolete-attribute", Kind: "html", Severity: Warning, SC: sc131},
	{ID: "obsolete-element", Kind: "html", Severity: Warning, SC: sc131},
	{ID: "offene-stelle", Kind: "quelle", Severity: Hint, SC: ""},
	{ID: "page-has-heading-one", Kind: "html", Severity: Error, SC: sc131},
	{ID: "passiv", Kind: "sprache", Severity: Hint, SC: ""},
	{ID: "presentation-role-conflict", Kind: "html", Severity: Warning, SC: best},
	{ID: "pruefung-abgebrochen", Kind: "html", Severity: Error, SC: ""},
	{ID: "pruefung-ueberfaellig", Kind: "quelle", Severity: Warning, SC: ""},
	{ID: "radiogroup", Kind: "html", Severity: Error, SC: sc131},
	{ID: "region", Kind: "html", Severity: Error, SC: sc131},
	{ID: "role-img-alt", Kind: "html", Severity: Error, SC: sc111},
	{ID: "satzlaenge", Kind: "sprache", Severity: Error, SC: ""},
	{ID: "scope-attr-valid", Kind: "html", Severity: Error, SC: sc131},
	{ID: "select-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "server-side-image-map", Kind: "html", Severity: Warning, SC: sc211},
	{ID: "skip-link", Kind: "html", Severity: Error, SC: sc241},
	{ID: "sonderzeichen", Kind: "sprache", Severity: Hint, SC: ""},
	{ID: "sprunglink-zuerst", Kind: "html", Severity: Error, SC: sc241},
	{ID: "summary-name", Kind: "html", Severity: Error, SC: sc412},
	{ID: "svg-img-alt", Kind: "html", Severity: Error, SC: sc111},
	{ID: "tabindex", Kind: "html", Severity: Error, SC: sc243},
	{ID: "table-caption", Kind: "html", Severity: Warning, SC: sc131},
	{ID: "table-duplicate-name", Kind: "html", Severity: Warning, SC: best},
	{ID: "table-header", Kind: "html", Severity: Error, SC: sc131},
	{ID: "td-headers-attr", Kind: "html", Severity: Error, SC: sc131},
	{ID: "valid-lang", Kind: "html", Severity: Error, SC: sc312},
	{ID: "verneinung", Kind: "sprache", Severity: Warning, SC: ""},
})

// NewFinding is a finding of the rule id at pos, with the severity and
// criterion of the rule.
func NewFinding(id string, pos book.Pos, msg string) Finding {
	r := ruleByID[id]
	return Finding{Rule: id, Severity: r.Severity, Pos: pos, Msg: msg, SC: r.SC}
}

// ruleByID finds a rule of Rules by its id.
var ruleByID = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r
	}
	return m
}()

// sortedRules sorts the rules by id and gives each its help text.
func sortedRules(rs []Rule) []Rule {
	slices.SortFunc(rs, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	for i := range rs {
		rs[i].Help = ruleHelp[rs[i].ID]
	}
	return rs
}

// RuleIDs returns the ids of all rules, sorted.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
