package serve

import "testing"

// TestRelevantPaths: which changed files the preview rebuilds for, with
// the names the watcher reports on Linux and macOS and on Windows
// (backslashes, drive letters, any case), checked on every system.
func TestRelevantPaths(t *testing.T) {
	for _, c := range []struct {
		dir, name string
		windows   bool
		want      bool
	}{
		{"/home/x/handbuch", "/home/x/handbuch/content/a.md", false, true},
		{"/home/x/handbuch", "/home/x/handbuch/handbuch.toml", false, true},
		{"/home/x/handbuch", "/home/x/handbuch/public/index.html", false, false},
		{"/home/x/handbuch", "/home/x/handbuch/content/.a.md.swp", false, false},
		{"/home/x/handbuch", "/home/x/handbuch/content/a.md~", false, false},
		{"/home/x/handbuch", "/home/x/handbuch2/content/a.md", false, false},
		{"/home/x/handbuch", "/home/x/handbuch", false, false},
		{"/home/x/handbuch/", "/home/x/handbuch/glossary/ki.toml", false, true},
		// On Linux a backslash is a letter of a file name, and case counts.
		{"/home/x/handbuch", `/home/x/handbuch/content\a.md`, false, false},
		{"/home/x/handbuch", "/home/x/handbuch/Content/a.md", false, false},
		// Windows
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\content\a.md`, true, true},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\content\teil\b.md`, true, true},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\handbuch.toml`, true, true},
		{`C:\Users\x\handbuch`, `c:\users\X\Handbuch\Content\a.md`, true, true},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\HANDBUCH.TOML`, true, true},
		{`C:\Users\x\handbuch`, `C:/Users/x/handbuch/data/ki-register.toml`, true, true},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\public\index.html`, true, false},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\offline\index.html`, true, false},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\content\.~lock.a.md#`, true, false},
		{`C:\Users\x\handbuch`, `D:\Users\x\handbuch\content\a.md`, true, false},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch-alt\content\a.md`, true, false},
		{`C:\Users\x\handbuch`, `C:\Users\x\handbuch\content\..\..\a.md`, true, false},
		{`\\server\freigabe\handbuch`, `\\server\freigabe\handbuch\content\a.md`, true, true},
		{`C:\`, `C:\content\a.md`, true, true},
	} {
		if got := relevant(c.dir, c.name, c.windows); got != c.want {
			t.Errorf("relevant(%q, %q, windows=%v) = %v, want %v", c.dir, c.name, c.windows, got, c.want)
		}
	}
}
