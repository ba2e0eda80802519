// Package search builds the site's search index at build time.
//
// The index is a script file (window.handbuchSuche = {…}) rather than
// JSON fetched at run time, so the search also works when the site is
// opened from disk. Words are folded (case, ä → ae, ö → oe, ü → ue,
// ß → ss, other accents dropped) and reduced to a simple German stem, so
// that "Einwilligungen" finds "Einwilligung" and "Strasse" finds
// "Straße". The search script (layouts/assets/suche.js) repeats Fold,
// Words and Stem for the query; the two must stay alike, which a test
// compares on every word of the model handbook.
package search
