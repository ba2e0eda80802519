package check

import (
	"slices"
	"strings"
)

// Rule is one check that can report findings.
type Rule struct {
	ID string
	// Kind groups the rules: "html" (WCAG-relevant markup, ids as in
	// axe-core), "kontrast" (colours of the stylesheets), "sprache" (plain
	// language) and "quelle" (the sources: reviews, drafts, links, input).
	Kind string
}

// Rules are all rules, by kind and id. [checks] off in handbuch.toml may
// name only these.
var Rules = rules(map[string]string{
	"html": "accesskeys aria-allowed-attr aria-allowed-role aria-command-name aria-deprecated-role aria-dialog-name aria-hidden-focus " +
		"aria-input-field-name aria-meter-name aria-progressbar-name aria-prohibited-attr aria-required-attr " +
		"aria-required-children aria-required-parent aria-roles " +
		"aria-text aria-toggle-field-name aria-tooltip-name aria-treeitem-name aria-valid-attr aria-valid-attr-value " +
		"aria-verweis autocomplete-valid presentation-role-conflict role-img-alt " +
		"button-name definition-list dlitem document-title document-title-unique duplicate-id empty-heading " +
		"empty-table-header fieldset-legend frame-title heading-order html-has-lang html-lang-valid html-readable " +
		"image-alt image-alt-meaningful input-button-name input-image-alt label landmark-no-duplicate-main landmark-one-main " +
		"link-generic link-name link-same-text link-target link-url-text list listitem meta-refresh " +
		"meta-viewport nested-interactive obsolete-attribute obsolete-element page-has-heading-one " +
		"pruefung-abgebrochen radiogroup scope-attr-valid select-name skip-link sprunglink-zuerst svg-img-alt tabindex table-caption table-header " +
		"td-headers-attr valid-lang " +
		"area-alt blink css-orientation-lock duplicate-id-active duplicate-id-aria form-field-multiple-labels frame-title-unique html-xml-lang-mismatch " +
		"image-redundant-alt label-title-only marquee meta-refresh-no-exceptions meta-viewport-large server-side-image-map table-duplicate-name",
	"kontrast": "color-contrast color-contrast-enhanced focus-contrast non-text-contrast",
	"sprache": "abkuerzung anteil-lange-saetze genitiv konjunktiv langes-wort lesbarkeit nominalstil " +
		"passiv satzlaenge sonderzeichen verneinung",
	"quelle": "eingabe entwurf link-extern pruefung-ueberfaellig",
})

func rules(byKind map[string]string) []Rule {
	var out []Rule
	for kind, ids := range byKind {
		for _, id := range strings.Fields(ids) {
			out = append(out, Rule{ID: id, Kind: kind})
		}
	}
	slices.SortFunc(out, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// RuleIDs returns the ids of all rules, sorted.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
