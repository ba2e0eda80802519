//go:build unix

package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The places of a project a hostile shape is put at.
var hostileSlots = []string{
	"handbuch.toml",
	"content/vorgehen.md",
	"content/neu.md",
	"content/leitlinien",
	"data/kontakte.toml",
	"data/ki-register.toml",
	"glossary/daten.toml",
	"checklists/liste.toml",
	"layouts/assets/datei.txt",
	"layouts",
}

// The shapes of FuzzHostileProject. n scales the ones that grow.
const (
	shapeFile     = iota // a regular file holding data
	shapeRepeated        // data repeated n times
	shapeDevZero         // a symbolic link to /dev/zero
	shapeOutside         // a symbolic link to a secret file outside the project
	shapeOutsideD        // a symbolic link to a folder outside the project
	shapeFifo            // a named pipe
	shapeFolder          // a folder where a file is expected
	shapeDotted          // a TOML key of n dotted parts
	shapeDeep            // TOML inline tables n deep
	shapeManyKeys        // n TOML keys
	shapeLoop            // a symbolic link to itself
	shapeDangling        // a symbolic link to nothing
	shapes
)

// FuzzHostileProject builds a project on disk in which the fuzzer puts
// two hostile shapes (see shapeFile…) at places of its choosing: symbolic
// links out of the project and to devices, pipes, huge TOML keys, folders
// for files. The build must end in time, never panic, report problems
// in German, write nothing outside its destination, and publish nothing
// from outside the project.
func FuzzHostileProject(f *testing.F) {
	for slot := range hostileSlots {
		for shape := range shapes {
			f.Add(uint8(slot), uint8(shape), uint8(2), uint8(shapeFile), []byte("+++\ntitle = \"Neu\"\n+++\nText.\n"), uint16(20000))
		}
	}
	f.Add(uint8(4), uint8(shapeDotted), uint8(1), uint8(shapeRepeated), []byte("*_"), uint16(60000))
	f.Fuzz(func(t *testing.T, slot1, shape1, slot2, shape2 uint8, data []byte, n uint16) {
		root := t.TempDir()
		outside := filepath.Join(root, "draussen")
		secret := fmt.Sprintf("GEHEIM-%d", time.Now().UnixNano())
		write := func(p string, b []byte) {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write(filepath.Join(outside, "geheim.toml"), []byte("title = \""+secret+"\"\n"))
		write(filepath.Join(outside, "assets", "geheim.txt"), []byte(secret))
		dir := filepath.Join(root, "projekt")
		for name, data := range map[string]string{
			"handbuch.toml":                "title = \"T\"\norganisation = \"O\"\ncontact = \"a@example.org\"\n",
			"content/_index.md":            "+++\ntitle = \"Start\"\n+++\nHallo, [Vorgehen](vorgehen.md).\n",
			"content/vorgehen.md":          "+++\ntitle = \"Vorgehen\"\n+++\nText.\n",
			"content/leitlinien/_index.md": "+++\ntitle = \"Leitlinien\"\n+++\nEinleitung.\n",
		} {
			write(filepath.Join(dir, name), []byte(data))
		}
		outsideBefore := projectTree(t, outside)

		place(t, dir, outside, hostileSlots[int(slot1)%len(hostileSlots)], int(shape1)%shapes, data, int(n))
		place(t, dir, outside, hostileSlots[int(slot2)%len(hostileSlots)], int(shape2)%shapes, data, int(n))
		placed := projectTree(t, dir)

		done := make(chan error, 1)
		go func() {
			_, err := Build(context.Background(), Options{Source: dir, Dest: "public", NoPDF: true, Today: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
			done <- err
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(60 * time.Second):
			t.Fatalf("the build did not end within 60 s")
		}
		if err != nil {
			msg := err.Error()
			t.Log(msg)
			for _, english := range []string{"no such file", "permission denied", "too many levels", "is a directory", "not a directory", "invalid argument", "file name too long", "bad file descriptor", "interrupted system call", "resource temporarily unavailable"} {
				if strings.Contains(msg, english) {
					t.Fatalf("an English system message reached the user: %s", msg)
				}
			}
		}
		// Nothing changed outside the destination; the sources are as
		// they were placed, the folder outside as it was.
		if got := projectTree(t, dir); got != placed {
			t.Fatalf("the project changed outside public/:\nbefore:\n%s\nafter:\n%s", placed, got)
		}
		if got := projectTree(t, outside); got != outsideBefore {
			t.Fatalf("the folder outside the project changed:\nbefore:\n%s\nafter:\n%s", outsideBefore, got)
		}
		// Nothing from outside the project was published.
		filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(secret)) {
				t.Fatalf("%s holds a secret from outside the project", p)
			}
			return nil
		})
	})
}

// place puts a hostile shape at name in the project dir.
func place(t *testing.T, dir, outside, name string, shape int, data []byte, n int) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	file := func(b []byte) {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target string) {
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	n = n%100000 + 1
	switch shape {
	case shapeFile:
		file(data)
	case shapeRepeated:
		file(bytes.Repeat(data, min(n, (8<<20)/max(len(data), 1))))
	case shapeDevZero:
		link("/dev/zero")
	case shapeOutside:
		link(filepath.Join(outside, "geheim.toml"))
	case shapeOutsideD:
		link(filepath.Join(outside, "assets"))
	case shapeFifo:
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	case shapeFolder:
		if err := os.MkdirAll(filepath.Join(p, "innen"), 0o755); err != nil {
			t.Fatal(err)
		}
	case shapeDotted:
		file([]byte("a" + strings.Repeat(".a", n) + " = 1\n"))
	case shapeDeep:
		file([]byte("x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n"))
	case shapeManyKeys:
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "k%d = %d\n", i, i)
		}
		file([]byte(b.String()))
	case shapeLoop:
		link(filepath.Base(p))
	case shapeDangling:
		link(filepath.Join(outside, "gibt-es-nicht"))
	}
}

// projectTree lists what is in dir, but not the output folder and what
// a build keeps beside it: name, kind and size of each entry.
func projectTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "public" || strings.HasPrefix(rel, ".public") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size := info.Size()
		if !info.Mode().IsRegular() {
			size = 0
		}
		fmt.Fprintf(&b, "%s %v %d\n", rel, info.Mode().Type(), size)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
