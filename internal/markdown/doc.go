// Package markdown is the one goldmark setup of handbuch: GFM tables,
// footnotes, definition lists, German typography, heading IDs with German
// transliteration, glossary linking and block shortcodes. It parses a
// page once into a Doc that keeps the tree; the tree is never changed
// after that. Every output renders it through its own Context (how links
// are written, which prefix ids get, how far headings move, how
// shortcodes look), so the site, the print view and the PDF read the same
// tree at the same time.
package markdown
