package main

import (
	"bytes"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// goodProject is a small handbook that builds; every bad-input case
// breaks it in one way.
const goodProject = `-- handbuch.toml --
title = "Testhandbuch"
contact = "a@example.org"
-- content/_index.md --
+++
title = "Start"
+++
Willkommen. Lesen Sie [das Kapitel](kapitel.md).
-- content/kapitel.md --
+++
title = "Kapitel"
weight = 1
+++
Ein Kapitel mit Text.
-- glossary/daten.toml --
term = "Daten"
short = "Angaben über Menschen oder Dinge."
text = "Zum Beispiel Name und Geburtstag."
`

// TestBadInput runs every case in testdata/bad on a handbook that built
// before: the build must fail with the German messages the case expects
// (with file:line:col where there is a file), exit 1 or 2, not panic, and
// leave the previous public/ as it was, byte for byte.
//
// A case is a txtar archive whose files are written over the good
// project. Its comment holds one directive per line:
//
//	args build --dest x           the command line (default: build)
//	exit 1                        the exit status
//	stderr REGEXP                 a line stderr must contain (any number)
//	remove PATH                   delete a file of the good project
//	big PATH SIZE                 write a chapter of SIZE bytes
//	symlink PATH TARGET           a symbolic link
//	bytes PATH HEX                a file with exactly these bytes
//	fifo PATH                     a named pipe (reading it blocks forever)
//	append PATH N TEXT            append TEXT N times to a file (\n in TEXT is a newline)
//	signal                        interrupt the build with SIGINT, as Ctrl-C does
func TestBadInput(t *testing.T) {
	cases, _ := filepath.Glob("testdata/bad/*.txtar")
	if len(cases) < 30 {
		t.Fatalf("%d bad-input cases, want at least 30", len(cases))
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(raw)
			dir := t.TempDir()
			writeArchive(t, dir, txtar.Parse([]byte(goodProject)).Files)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"build", "--source", dir}, &stdout, &stderr); code != 0 {
				t.Fatalf("the good project does not build:\n%s", stderr.String())
			}
			before := tree(t, filepath.Join(dir, "public"))

			args := []string{"build"}
			exit := -1
			interrupt := false
			var appends [][]string // applied after the case's files are written
			var want []*regexp.Regexp
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				verb, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
				f := strings.Fields(rest)
				switch verb {
				case "", "#":
				case "args":
					args = f
				case "exit":
					exit, _ = strconv.Atoi(rest)
				case "stderr":
					want = append(want, regexp.MustCompile(rest))
				case "remove":
					if err := os.Remove(filepath.Join(dir, f[0])); err != nil {
						t.Fatal(err)
					}
				case "big":
					size, _ := strconv.Atoi(f[1])
					chapter := bytes.Repeat([]byte("Ein langer Satz über den Datenschutz im Alltag. "), size/49+1)[:size]
					write(t, filepath.Join(dir, f[0]), append([]byte("+++\ntitle = \"Riesig\"\n+++\n"), chapter...))
				case "symlink":
					if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f[0])), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.Symlink(f[1], filepath.Join(dir, f[0])); err != nil {
						t.Fatal(err)
					}
				case "signal":
					interrupt = true
				case "fifo":
					if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f[0])), 0o755); err != nil {
						t.Fatal(err)
					}
					mkfifo(t, filepath.Join(dir, f[0]))
				case "append":
					appends = append(appends, f)
				case "bytes":
					b, err := hexBytes(f[1])
					if err != nil {
						t.Fatal(err)
					}
					write(t, filepath.Join(dir, f[0]), b)
				default:
					t.Fatalf("unknown directive %q", line)
				}
			}
			if exit != 1 && exit != 2 {
				t.Fatalf("the case must say exit 1 or exit 2")
			}
			if len(want) == 0 {
				t.Fatalf("the case names no stderr line")
			}
			writeArchive(t, dir, ar.Files)
			for _, f := range appends {
				n, _ := strconv.Atoi(f[1])
				text := strings.ReplaceAll(strings.Join(f[2:], " "), `\n`, "\n")
				p := filepath.Join(dir, f[0])
				old, _ := os.ReadFile(p)
				write(t, p, append(old, strings.Repeat(text, n)...))
			}
			for i, a := range args {
				args[i] = strings.ReplaceAll(a, "$DIR", dir)
			}
			stdout.Reset()
			stderr.Reset()
			var code int
			if interrupt {
				code = interrupted(t, func() int { return run(append(args, "--source", dir), &stdout, &stderr) })
			} else {
				code = within(t, 20*time.Second, func() int { return run(append(args, "--source", dir), &stdout, &stderr) })
			}
			if code != exit {
				t.Errorf("exit %d, want %d", code, exit)
			}
			for _, re := range want {
				if !re.MatchString(stderr.String()) {
					t.Errorf("stderr lacks %q", re)
				}
			}
			if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
				t.Error("stderr shows a panic")
			}
			if after := tree(t, filepath.Join(dir, "public")); after != before {
				t.Error("public/ changed")
			}
			if t.Failed() {
				t.Logf("stderr:\n%s", stderr.String())
			}
		})
	}
}

// interrupted runs build and sends this process SIGINT every 2 ms until
// it returns, as a user pressing Ctrl-C: the first signal after the
// command started listening stops it. The test listens too, so that no
// signal ends the test binary.
func interrupted(t *testing.T, build func() int) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer func() {
		time.Sleep(100 * time.Millisecond) // signals still on their way
		signal.Stop(sigs)
	}()
	done := make(chan int)
	go func() { done <- build() }()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case code := <-done:
			return code
		case <-tick.C:
			interruptSelf(t)
		}
	}
}

// within runs build and fails the test when it has not returned after
// limit: a build that reads a named pipe never does.
func within(t *testing.T, limit time.Duration, build func() int) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- build() }()
	select {
	case code := <-done:
		return code
	case <-time.After(limit):
		t.Fatalf("still running after %s", limit)
		return 0
	}
}

func writeArchive(t *testing.T, dir string, files []txtar.File) {
	t.Helper()
	for _, f := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data)
	}
}

func write(t *testing.T, p string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func hexBytes(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		v, err := strconv.ParseUint(s[i:i+2], 16, 8)
		if err != nil {
			return nil, err
		}
		out = append(out, byte(v))
	}
	return out, nil
}

// tree returns every path and content under dir in one string.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var buf bytes.Buffer
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		buf.WriteString(p + "\n")
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			buf.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestTolerated: what editors' tools produce without asking builds as if
// it were clean: a byte-order mark and CRLF line endings (Windows
// editors), umlauts and spaces in file names, glossary terms that point
// at each other.
func TestTolerated(t *testing.T) {
	dir := t.TempDir()
	writeArchive(t, dir, txtar.Parse([]byte(goodProject)).Files)
	write(t, filepath.Join(dir, "content/_index.md"), []byte("\uFEFF+++\r\ntitle = \"Start\"\r\n+++\r\nHallo.\r\n\r\n## Zweiter Teil\r\n\r\nText.\r\n"))
	write(t, filepath.Join(dir, "content/Über uns und mehr.md"), []byte("+++\ntitle = \"Über uns\"\nweight = 2\n+++\nWir.\n"))
	write(t, filepath.Join(dir, "glossary/daten.toml"), []byte("term = \"Daten\"\nshort = \"Angaben.\"\ntext = \"Mehr.\"\nsee_also = [\"ki\"]\n"))
	write(t, filepath.Join(dir, "glossary/ki.toml"), []byte("term = \"KI\"\nshort = \"Künstliche Intelligenz.\"\ntext = \"Mehr.\"\nsee_also = [\"daten\"]\n"))
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "--source", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
	home, err := os.ReadFile(filepath.Join(dir, "public/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<h1>Start</h1>`, `<h2 id="zweiter-teil">Zweiter Teil</h2>`} {
		if !bytes.Contains(home, []byte(want)) {
			t.Errorf("the start page lacks %s", want)
		}
	}
	if bytes.ContainsAny(home, "\r\uFEFF") {
		t.Error("a carriage return or byte-order mark reached the page")
	}
	if _, err := os.Stat(filepath.Join(dir, "public/ueber-uns-und-mehr/index.html")); err != nil {
		t.Error(err)
	}
}
