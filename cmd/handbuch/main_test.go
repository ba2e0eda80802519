package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handbuch": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: map[string]func(*testscript.TestScript, bool, []string){
		// adopt FILE DATE: what an editor writes when the bodies have
		// decided a model page.
		"adopt": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 2 {
				ts.Fatalf("usage: adopt FILE DATE")
			}
			src := ts.ReadFile(args[0])
			if !strings.Contains(src, "status = \"muster\"\n") {
				ts.Fatalf("%s is no model page", args[0])
			}
			src = strings.Replace(src, "status = \"muster\"\n", "status = \"beschlossen\"\nadopted = "+args[1]+"\n", 1)
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(src), 0o644))
		},
		// fill FILE: the editor answers every open slot of a page and
		// deletes its eintragen shortcode.
		"fill": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 1 {
				ts.Fatalf("usage: fill FILE")
			}
			var out []string
			for _, line := range strings.Split(ts.ReadFile(args[0]), "\n") {
				if strings.HasPrefix(line, "{{< eintragen ") {
					line = "Das haben wir entschieden."
				}
				out = append(out, line)
			}
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Join(out, "\n")), 0o644))
		},
	}})
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 2, "Aufruf:"},
		{[]string{"bauen"}, 2, `unbekannter Befehl "bauen"`},
		{[]string{"build", "--bogus"}, 2, "unbekannte Option --bogus"},
		{[]string{"build", "--dest"}, 2, "die Option --dest braucht einen Wert"},
		{[]string{"build", "extra"}, 2, `unerwartetes Argument "extra"`},
		{[]string{"serve", "--source", dir}, 1, "fehlt handbuch.toml"},
		{[]string{"help"}, 0, ""},
		{[]string{"version"}, 0, ""},
		{[]string{"anleitung", "a", "b"}, 2, "nennen Sie höchstens einen Ordner"},
		{[]string{"anleitung", " "}, 2, "der Ordnername ist leer"},
		{[]string{"build", "--source", dir}, 1, "handbuch.toml fehlt"},
		{[]string{"check", "--plain", dir + "/fehlt.txt"}, 2, "gibt es nicht"},
		{[]string{"check", "--plain", dir}, 2, "prüft Texte in Markdown (.md) oder reinem Text (.txt)"},
		{[]string{"check", "--plain"}, 2, "die Option --plain braucht einen Wert"},
		{[]string{"check", "--plain", "../../README.md", "--format", "xml"}, 2, "Erlaubt sind text und json"},
		{[]string{"check", "--plain", "testdata/plain/fehler.txt"}, 1, "Geprüft: 1 Datei, 1 Fehler"},
		{[]string{"check", "--plain", "testdata/plain/gut.txt"}, 0, "Geprüft: 1 Datei, 0 Fehler, 0 Warnungen"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("handbuch %v: exit %d, want %d (stderr %q)", tc.args, code, tc.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), tc.stderr) {
			t.Errorf("handbuch %v: stderr %q lacks %q", tc.args, stderr.String(), tc.stderr)
		}
	}
}
