package site

import "strings"

// relURL returns the relative URL from the page at from (a site-absolute
// directory URL such as /a/b/) to the site-absolute to.
func relURL(from, to string) string {
	frag := ""
	if i := strings.IndexByte(to, '#'); i >= 0 {
		to, frag = to[:i], to[i:]
	}
	if to == from && frag != "" {
		return frag
	}
	f := strings.Split(strings.Trim(from, "/"), "/")
	t := strings.Split(strings.TrimPrefix(to, "/"), "/")
	if f[0] == "" {
		f = nil
	}
	i := 0
	for i < len(f) && i < len(t)-1 && f[i] == t[i] {
		i++
	}
	rel := strings.Repeat("../", len(f)-i) + strings.Join(t[i:], "/")
	if rel == "" {
		rel = "./"
	}
	return rel + frag
}
