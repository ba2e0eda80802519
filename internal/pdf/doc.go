// Package pdf renders the handbook as a printable A4 PDF with fpdf: cover,
// table of contents with page numbers, bookmarks, running header, "Seite X
// von Y", and the chapters drawn from the same Markdown trees as the site.
// Text is laid out by an own line breaker (ragged right, breaks at spaces,
// after hyphens and the Mediopunkt, German hyphenation for words that do
// not fit) and checked glyph by glyph against the embedded font.
package pdf
