// Package importdoc turns a Word document (.docx) or an OpenDocument text
// (.odt) into a handbook chapter: Markdown with TOML front matter, the
// pictures of the document as files beside it, and hints for everything
// the editor should look at.
//
// It reads the document's XML itself, in pure Go: headings (by outline
// level or style name, English or German), paragraphs, bold and italic,
// nested ordered and bulleted lists, tables, footnotes, links, pictures
// with their alternative text, line breaks and non-breaking spaces.
// Everything else (text boxes, comments, tracked changes, fields, SmartArt,
// formulas, …) becomes a Hint with its place in the document; the text
// of a document ends up either in the chapter or in a hint, never
// nowhere.
package importdoc
