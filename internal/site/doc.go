// Package site renders a linked handbook (package link) to HTML files
// through the html/template layouts, on every core: one page per chapter
// and section, the start page, the glossary, the search page with its
// index, the single-page print view, the report pages, the 404 page and
// the assets. It reads the book and changes nothing in it.
package site
