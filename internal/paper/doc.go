// Package paper measures the typography of a tagged PDF the way a reader
// of the printed page sees it: lines, the paragraphs and headings they
// belong to, and where they sit on the page. It finds widows and orphans,
// lines that begin with punctuation or a footnote mark, headings left at
// the foot of a page, and text that crowds the running header or footer.
//
// The reader does not lay out or guess. It takes the object graph of a
// PDF as qpdf prints it (qpdf --json, content streams decoded), follows
// each page's marked-content sequences through the structure tree's
// ParentTree to the structure element that owns them, and groups the text
// of each element into lines by baseline. A paragraph split across pages
// is one element with marked content on both pages, so a widow is a fact
// of the tags, not a guess from white space.
//
// The text decoding assumes what handbuch's PDFs use: Type0 fonts with
// Identity-H encoding whose CIDs are Unicode code points (fpdf's UTF-8
// fonts). Text positions honour Td, TD, Tm and T* without scaling.
package paper
