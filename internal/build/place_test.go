package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/handbuch/handbuch/internal/site"
)

// nestedProject writes the archive into root/projekt and returns root and
// the project folder, so that a test can use the project's parent.
func nestedProject(t *testing.T, archive string) (root, dir string) {
	t.Helper()
	root = t.TempDir()
	dir = filepath.Join(root, "projekt")
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, dir
}

// TestRefuseDestinations: a destination whose replacement would destroy
// the project, write into its sources or swallow another project is
// refused before anything is written, and nothing changes.
func TestRefuseDestinations(t *testing.T) {
	for _, c := range []struct {
		name, dest, why string
		prepare         func(t *testing.T, root, dir string)
	}{
		{name: "project", dest: ".", why: "ist der Projektordner selbst"},
		{name: "parent", dest: "..", why: "enthält den Projektordner"},
		{name: "content", dest: "content/neu", why: "liegt im Ordner content/"},
		{name: "layouts", dest: "layouts", why: "liegt im Ordner layouts/"},
		{name: "symlink to the project", dest: "../spiegel", why: "ist der Projektordner selbst", prepare: func(t *testing.T, root, dir string) {
			if err := os.Symlink(dir, filepath.Join(root, "spiegel")); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "holds a project", dest: "../www", why: "enthält ein Handbuch-Projekt", prepare: func(t *testing.T, root, dir string) {
			other := filepath.Join(root, "www", "quelle")
			if err := os.MkdirAll(other, 0o755); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(root, "www", Marker), nil, 0o644)
			os.WriteFile(filepath.Join(other, "handbuch.toml"), []byte("title = \"Anderes\"\n"), 0o644)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			root, dir := nestedProject(t, basic)
			if c.prepare != nil {
				c.prepare(t, root, dir)
			}
			before := snapshot(t, dir)
			_, err := Build(context.Background(), Options{Source: dir, Dest: c.dest})
			if !errors.Is(err, ErrNotOurs) || !strings.Contains(err.Error(), c.why) {
				t.Fatalf("err = %v, want a refusal that says %q", err, c.why)
			}
			if after := snapshot(t, dir); after != before {
				t.Error("a refused build changed the project")
			}
			if _, err := os.Stat(filepath.Join(root, "www", "quelle", "handbuch.toml")); c.name == "holds a project" && err != nil {
				t.Error("the other project is gone")
			}
		})
	}

	// The case: a project moved into its old output folder.
	root, dir := nestedProject(t, basic)
	www := filepath.Join(root, "www")
	if _, err := Build(context.Background(), Options{Source: dir, Dest: www}); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(www, "quelle")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: moved, Dest: www}); !errors.Is(err, ErrNotOurs) {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if _, err := os.Stat(filepath.Join(moved, "handbuch.toml")); err != nil {
		t.Fatalf("the project is gone: %v", err)
	}

	// A folder beside the project and one inside it that is no source
	// folder are fine.
	root, dir = nestedProject(t, basic)
	for _, dest := range []string{"../site", "ausgabe/web"} {
		if _, err := Build(context.Background(), Options{Source: dir, Dest: dest}); err != nil {
			t.Errorf("--dest %s: %v", dest, err)
		}
	}
}

// TestOneBuildAtATime: while one build writes a destination, a second
// one is refused and leaves the first one's new folder alone.
func TestOneBuildAtATime(t *testing.T) {
	dir := project(t, basic)
	dest := filepath.Join(dir, "public")
	first, err := newOutput(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	first.put(siteFile("index.html", "erster Build"))
	_, err = Build(context.Background(), Options{Source: dir, Dest: "public"})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "ein anderer Build schreibt gerade") {
		t.Fatalf("err = %v, want ErrBusy", err)
	}
	if _, err := os.Stat(filepath.Join(first.tmp, "index.html")); err != nil {
		t.Fatalf("the second build removed the first one's folder: %v", err)
	}
	if err := first.commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatalf("after the first build: %v", err)
	}
	assertNoLeftovers(t, dir)
}

// TestSwapNeverMissing: where the system can exchange two folders in one
// step (Linux, macOS), replacing the output never passes through a moment
// without it; elsewhere that moment exists, and TestRestoreAfterKilledSwap
// shows the next build repairing a kill within it.
func TestSwapNeverMissing(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("no exchange of folders on " + runtime.GOOS)
	}
	dest := filepath.Join(t.TempDir(), "public")
	gaps := 0
	betweenRenames = func() { gaps++ }
	defer func() { betweenRenames = nil }()
	for i := range 3 {
		o, err := newOutput(dest, false)
		if err != nil {
			t.Fatal(err)
		}
		o.put(siteFile("index.html", strings.Repeat("x", i)))
		if err := o.commit(); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); len(b) != i {
			t.Fatalf("build %d: index.html has %d bytes", i, len(b))
		}
	}
	if gaps > 0 {
		t.Errorf("the output folder was missing during %d of 2 replacements", gaps)
	}
	assertNoLeftovers(t, filepath.Dir(dest))
}

// TestRestoreAfterKilledSwap: where folders cannot be exchanged at once,
// a build killed between its two renames leaves the old output beside a
// missing destination; the next build puts it back, even if it fails.
func TestRestoreAfterKilledSwap(t *testing.T) {
	dir := project(t, basic)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, filepath.Join(dir, "public"))
	if err := os.Rename(filepath.Join(dir, "public"), filepath.Join(dir, ".public.alt-123")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content", "vorgehen.md"), []byte("+++\ntitle = \"kaputt\n+++\n"), 0o644)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err == nil {
		t.Fatal("the broken project built")
	}
	if after := snapshot(t, filepath.Join(dir, "public")); after != before {
		t.Error("the old output was not put back")
	}
	assertNoLeftovers(t, dir)
}

func siteFile(path, text string) site.File { return site.File{Path: path, Data: []byte(text)} }
