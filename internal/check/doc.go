// Package check inspects what a build made and what it was made from:
// WCAG-relevant markup of every HTML page, the contrast of the
// stylesheets, plain language and readability of the texts in Einfache
// Sprache, review dates, drafts and links to other sites. Rules lists
// every rule. A finding has a rule id, a severity, a position (in the
// Markdown or TOML source wherever it can be traced back through the
// page's source spans, else in the output file) and a German message
// that says what to do. Every rule is explained for editors in
// regeln/ID.md (see help.go): handbuch explain, the editors' guide and
// the pages next to the Prüfbericht show that text.
package check
