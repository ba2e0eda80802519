// Package search builds the site's search index at build time.
//
// The index is a script file (window.handbuchSuche = {…}) rather than
// JSON fetched at run time, so the search also works when the site is
// opened from disk. Words are runs of letters, marks and digits of any
// script. They are folded (Fold: case, ä → ae, ö → oe, ü → ue, ß → ss,
// other accents dropped; Arabic without harakat and tatweel, with one
// alef, ى → ي, ة → ه and digits 0–9) and reduced to a stem in the
// language of their page (StemFor): a simple German stem on the
// handbook's own pages, so that "Einwilligungen" finds "Einwilligung"
// and "Strasse" finds "Straße"; the singular on English pages; Arabic
// words without the article ال, so that "الذكاء" finds "ذكاء". A query's
// language is not known, so a query word is looked up under every stem
// it may have (QueryStems). The search script (layouts/assets/suche.js)
// repeats Fold, Words, the stemmers and Index.Search for the query; the
// two must stay alike, which tests compare on every word of the model
// handbook, samples of other scripts and a few hundred queries.
package search
