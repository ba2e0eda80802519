// Package site renders a linked handbook to HTML files through the
// html/template layouts: one page per chapter and section, the start page,
// the single-page print view, the 404 page and the assets.
package site
