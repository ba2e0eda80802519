package site

import "testing"

func TestRelURL(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"/", "/", "./"},
		{"/", "/a/", "a/"},
		{"/a/", "/", "../"},
		{"/a/", "/a/", "./"},
		{"/a/b/", "/a/c/", "../c/"},
		{"/a/b/", "/a/", "../"},
		{"/a/b/", "/x/y/", "../../x/y/"},
		{"/a/b/", "/assets/handbuch.css", "../../assets/handbuch.css"},
		{"/a/b/", "/a/b/#frage", "#frage"},
		{"/a/b/", "/a/c/#frage", "../c/#frage"},
		{"/", "/#x", "#x"},
	} {
		if got := relURL(tc.from, tc.to); got != tc.want {
			t.Errorf("relURL(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}
