//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// mkfifo makes a named pipe: opening it for reading blocks until a
// writer comes, which never happens.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// interruptSelf sends this process SIGINT, as Ctrl-C does.
func interruptSelf(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
}

// TestTerminalOutputQuoted builds projects whose file names and shortcode
// arguments carry escape sequences, a carriage return, a line break with
// a forged summary line and colons: what reaches the terminal moves no
// cursor, clears nothing, forges no line, and every position still reads
// as file:line:col. (File names like these exist only on Unix.)
func TestTerminalOutputQuoted(t *testing.T) {
	for _, c := range []struct {
		name, file, text string
		want             string // a line of stderr, as a regular expression
	}{
		{"escape in a file name", "content/\x1b[2J\x1b[31mrot.md", "[x](fehlt.md)", `^"content/\\x1b\[2J\\x1b\[31mrot\.md":\d+:\d+: `},
		{"forged line in a file name", "content/a\nFertig: 9 Seiten.md", "[x](fehlt.md)", `^"content/a\\nFertig: 9 Seiten\.md":\d+:\d+: `},
		{"carriage return in a file name", "content/b\rFertig.md", "[x](fehlt.md)", `^"content/b\\rFertig\.md":\d+:\d+: `},
		{"colons in a file name", "content/a:1:2.md", "[x](fehlt.md)", `^"content/a:1:2\.md":\d+:\d+: `},
		{"escape in a shortcode argument", "content/kurz.md", "{{< begriff \"\x1b]0;Titel\x07Daten\" >}}", `^content/kurz\.md:\d+:\d+: .*\\u001b\]0;Titel\\u0007Daten`},
		{"reversed text in a shortcode argument", "content/kurz.md", "{{< begriff \"\u202eatad\" >}}", `^content/kurz\.md:\d+:\d+: .*\\u202eatad`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeArchive(t, dir, txtar.Parse([]byte(goodProject)).Files)
			write(t, filepath.Join(dir, c.file), []byte("+++\ntitle = \"Test\"\n+++\n\n"+c.text+"\n"))
			var stdout, stderr bytes.Buffer
			if code := run([]string{"build", "--source", dir}, &stdout, &stderr); code != 1 {
				t.Fatalf("exit %d, want 1\n%s", code, stderr.String())
			}
			out := stdout.String() + stderr.String()
			if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r == 0x202e) }); i >= 0 {
				t.Fatalf("control character %q reached the terminal:\n%q", out[i], out)
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "Fertig") {
					t.Fatalf("a forged line reached the terminal:\n%s", out)
				}
			}
			if !regexp.MustCompile(`(?m)` + c.want).MatchString(stderr.String()) {
				t.Fatalf("stderr does not match %s:\n%s", c.want, stderr.String())
			}
		})
	}
}

// TestCheckReadsFilesOnly: handbuch check reads the built files with the
// rule of every file handbuch reads: a named pipe (which blocked the
// check forever), a symbolic link and a file over the size limit are
// refused with the file's name.
func TestCheckReadsFilesOnly(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(t *testing.T, p string)
		want string
	}{
		{"pipe", func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "rohr.html: ist eine benannte Pipe (FIFO), keine Datei."},
		{"link", func(t *testing.T, p string) {
			if err := os.Symlink("/etc/passwd", p); err != nil {
				t.Fatal(err)
			}
		}, "rohr.html: ist eine symbolische Verknüpfung."},
		{"big", func(t *testing.T, p string) {
			sparse(t, p, 129<<20)
		}, "rohr.html: ist 129 MB groß; handbuch liest Dateien bis 128 MB."},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeArchive(t, dir, txtar.Parse([]byte(goodProject)).Files)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"build", "--ohne-pdf", "--source", dir}, &stdout, &stderr); code != 0 {
				t.Fatalf("the good project does not build:\n%s", stderr.String())
			}
			c.make(t, filepath.Join(dir, "public/rohr.html"))
			stderr.Reset()
			code := within(t, 20*time.Second, func() int { return run([]string{"check", filepath.Join(dir, "public")}, &stdout, &stderr) })
			if code != 2 || !strings.Contains(stderr.String(), c.want) {
				t.Errorf("exit %d, want 2, and stderr lacks %q:\n%s", code, c.want, stderr.String())
			}
		})
	}
}
