// Package markdown is the one goldmark setup of handbuch: GFM tables,
// footnotes, definition lists, German typography and heading IDs with
// German transliteration. It parses a page once into a Doc that keeps the
// AST, so the site renderer and the print view walk the same tree.
package markdown
