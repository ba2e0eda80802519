package build

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/handbuch/handbuch/internal/site"
)

// linkAttr finds the link attributes of the layouts and of rendered
// Markdown, which always quote with ".
var linkAttr = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)

// Offline rewrites the links of the HTML pages for a copy opened from
// a shared drive or USB stick (file://), where a folder does not open
// its index.html: links to folders end in index.html, and links from
// the site root are made relative to the page.
func Offline(files []site.File) []site.File {
	out := make([]site.File, len(files))
	for i, f := range files {
		out[i] = offlineFile(f)
	}
	return out
}

// offlineFile is f with its links rewritten, if it is a page.
func offlineFile(f site.File) site.File {
	if !strings.HasSuffix(f.Path, ".html") {
		return f
	}
	dir := path.Dir("/" + f.Path)
	f.Data = linkAttr.ReplaceAllFunc(f.Data, func(m []byte) []byte {
		sub := linkAttr.FindSubmatchIndex(m)
		url := string(m[sub[2]:sub[3]])
		fixed := offlineURL(dir, url)
		if fixed == url {
			return m
		}
		return bytes.Join([][]byte{m[:sub[2]], []byte(fixed), m[sub[3]:]}, nil)
	})
	f.Regions = nil // the offsets moved; the checks ran before
	return f
}

// offlineURL is url as a page in the folder dir links to it offline.
func offlineURL(dir, url string) string {
	if strings.Contains(url, ":") || strings.HasPrefix(url, "//") || strings.HasPrefix(url, "#") || url == "" {
		return url // another site, mailto:, tel:, or this page
	}
	rest := ""
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url, rest = url[:i], url[i:]
	}
	if strings.HasPrefix(url, "/") {
		rel := strings.TrimPrefix(path.Clean(dir), "/")
		depth := 0
		if rel != "" {
			depth = strings.Count(rel, "/") + 1
		}
		url = strings.Repeat("../", depth) + strings.TrimPrefix(url, "/")
		if url == "" {
			url = "./"
		}
	}
	if url == "." || url == ".." {
		url += "/"
	}
	if strings.HasSuffix(url, "/") {
		url += "index.html"
	}
	return url + rest
}
