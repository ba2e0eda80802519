// Package check inspects what a build made: WCAG-relevant markup of every
// HTML page and the review dates of the pages. A finding has a rule id, a
// severity, a position (in the source wherever it can be traced back,
// else in the output file) and a German message that says what to do.
package check
