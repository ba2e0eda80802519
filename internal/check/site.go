package check

import (
	"path"

	"golang.org/x/net/html"
	"strconv"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// File is an output file to check: its path as reports show it, its
// bytes, and the parts of it that came from a source file.
type File struct {
	Path    string
	Data    []byte
	Regions []Region
}

// Region is a part of a page rendered from a source file (a chapter's
// Markdown, a glossary entry). Annotated is the same part rendered with
// data-hb-pos="line:col" on its elements; findings inside the region are
// reported at the source. A region without Annotated repeats content
// that is checked on its own page (the print view): findings there are
// left out.
type Region struct {
	Start, End int
	Source     string
	Annotated  []byte
}

// Site checks every HTML page of a site, the colour pairs of its
// stylesheets, and what only the whole site shows: titles used by more
// than one page.
func Site(files []File) []Finding {
	var out []Finding
	titles := map[string]string{}
	for _, f := range files {
		if path.Ext(f.Path) == ".css" {
			out = append(out, Contrast(f.Path, f.Data)...)
			continue
		}
		if path.Ext(f.Path) != ".html" {
			continue
		}
		p := &page{file: f.Path, root: parse(f.Data), ids: map[string]*node{}}
		p.run()
		out = append(out, traceBack(p, f.Regions)...)
		var title *node
		p.root.walk(func(n *node) bool {
			if n.tag == "title" && title == nil {
				title = n
			}
			return title == nil
		})
		if title == nil || path.Base(f.Path) == "404.html" {
			continue
		}
		t := title.textContent()
		if other, dup := titles[t]; dup && t != "" {
			out = append(out, Finding{Rule: "document-title-unique", Severity: Warning, Pos: book.Pos{File: f.Path, Line: title.line, Col: title.col}, SC: sc242,
				Msg: "den Titel „" + t + "“ hat auch " + other + ". Jede Seite braucht einen eigenen Titel."})
		} else {
			titles[t] = f.Path
		}
	}
	Sort(out)
	return out
}

// traceBack moves findings inside source regions to the source. The
// annotated rendering has the same elements in the same order as the
// page, so the k-th element of a region is the k-th annotated element.
func traceBack(p *page, regions []Region) []Finding {
	if len(regions) == 0 {
		return p.findings
	}
	type mapped struct {
		index map[*node]int
		elems []*node
	}
	maps := make([]*mapped, len(regions))
	region := func(n *node) int {
		for i, r := range regions {
			if n.offset >= r.Start && n.offset < r.End {
				return i
			}
		}
		return -1
	}
	var out []Finding
	for _, f := range p.findings {
		i := -1
		if f.node != nil {
			i = region(f.node)
		}
		if i < 0 {
			out = append(out, f)
			continue
		}
		r := regions[i]
		if r.Annotated == nil {
			continue // reported where the content has its own page
		}
		if maps[i] == nil {
			m := &mapped{index: map[*node]int{}}
			p.root.walk(func(n *node) bool {
				if n.tag != "" && n.offset >= r.Start && n.offset < r.End {
					m.index[n] = len(m.index)
				}
				return true
			})
			var mark string // the last position mark of raw HTML
			parse(r.Annotated).walk(func(n *node) bool {
				switch n.tag {
				case "", "#document":
				case "#pos":
					mark = n.text
				default:
					if _, ok := n.attr("data-hb-pos"); !ok && mark != "" && !annotatedAncestor(n) {
						n.attrs = append(n.attrs, html.Attribute{Key: "data-hb-pos", Val: mark})
					}
					m.elems = append(m.elems, n)
				}
				return true
			})
			maps[i] = m
		}
		m := maps[i]
		if k, ok := m.index[f.node]; ok && k < len(m.elems) {
			for a := m.elems[k]; a != nil; a = a.parent {
				if v, ok := a.attr("data-hb-pos"); ok {
					line, col, _ := strings.Cut(v, ":")
					f.Pos = book.Pos{File: r.Source}
					f.Pos.Line, _ = strconv.Atoi(line)
					f.Pos.Col, _ = strconv.Atoi(col)
					break
				}
			}
		}
		out = append(out, f)
	}
	return out
}

func annotatedAncestor(n *node) bool {
	for a := n.parent; a != nil; a = a.parent {
		if a.has("data-hb-pos") {
			return true
		}
	}
	return false
}
