package check

import (
	"path"

	"github.com/handbuch/handbuch/internal/book"
)

// File is an output file to check: its path as reports show it and its
// bytes.
type File struct {
	Path string
	Data []byte
}

// Site checks every HTML page of a site, and what only the whole site
// shows: titles used by more than one page.
func Site(files []File) []Finding {
	var out []Finding
	titles := map[string]string{}
	for _, f := range files {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		p := &page{file: f.Path, root: parse(f.Data), ids: map[string]*node{}}
		p.run()
		out = append(out, p.findings...)
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
