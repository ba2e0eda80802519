package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	vcs := func(rev, time, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: time},
			{Key: "vcs.modified", Value: modified},
		}
	}
	const rev = "e59bdaa1b2c3d4e5f60718293a4b5c6d7e8f9012"
	tests := []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"tagged module", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			"handbuch v1.2.0 (Go 1.26.8)"},
		{"tagged checkout with changes", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0+dirty"},
			Settings: vcs(rev, "2026-12-06T03:00:00Z", "true")},
			"handbuch v1.2.0, geändert (Go 1.26.8)"},
		{"untagged checkout", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261206030000-e59bdaa1b2c3"},
			Settings: vcs(rev, "2026-12-06T03:00:00Z", "false")},
			"handbuch Entwicklungsversion, Stand e59bdaa1b2c3 vom 06.12.2026 (Go 1.26.8)"},
		{"untagged checkout with changes", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261206030000-e59bdaa1b2c3+dirty"},
			Settings: vcs(rev, "2026-12-06T03:00:00Z", "true")},
			"handbuch Entwicklungsversion, Stand e59bdaa1b2c3 vom 06.12.2026, geändert (Go 1.26.8)"},
		{"pseudo-version after a tag", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.1-0.20261206030000-e59bdaa1b2c3"},
			Settings: vcs(rev, "2026-12-06T03:00:00Z", "false")},
			"handbuch Entwicklungsversion, Stand e59bdaa1b2c3 vom 06.12.2026 (Go 1.26.8)"},
		{"devel without commit (go run)", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"handbuch Entwicklungsversion (Go 1.26.8)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText(&tt.info, true); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	if got, want := versionText(nil, false), "handbuch Entwicklungsversion (Go "+strings.TrimPrefix(runtime.Version(), "go")+")"; got != want {
		t.Errorf("without build info: got %q, want %q", got, want)
	}
}

// TestInstall installs handbuch with go install into an empty GOBIN and
// runs it from a folder outside the module: it must start a handbook,
// build it and tell its version, with nothing but the binary. When the
// module is a git checkout, the version names its commit.
func TestInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and installs the binary")
	}
	gobin := t.TempDir()
	install := exec.Command("go", "install", "./")
	// A go env file may say -buildvcs=false; the test wants the default.
	install.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=-buildvcs=auto")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	bin := filepath.Join(gobin, "handbuch")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	elsewhere := t.TempDir()
	handbuch := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = elsewhere
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("handbuch %s: %v\n%s", strings.Join(args, " "), err, out.String())
		}
		return out.String()
	}
	version := handbuch("version")
	if !strings.HasPrefix(version, "handbuch ") || !strings.Contains(version, "(Go ") {
		t.Errorf("handbuch version printed %q", version)
	}
	// The go command records the commit when the module is in a git
	// repository whose .git is a folder (not in a git worktree, where
	// .git is a file, nor in a copy without git).
	rev, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if info, serr := os.Stat(filepath.Join("..", "..", ".git")); serr == nil && info.IsDir() && err == nil {
		if tag, err := exec.Command("git", "describe", "--tags", "--exact-match").Output(); err == nil {
			if !strings.HasPrefix(version, "handbuch "+strings.TrimSpace(string(tag))) {
				t.Errorf("handbuch version printed %q, want the tag %s", version, tag)
			}
		} else if short := strings.TrimSpace(string(rev))[:12]; !strings.Contains(version, "Stand "+short) {
			t.Errorf("handbuch version printed %q, want the commit %s", version, short)
		}
	} else if !strings.HasPrefix(version, "handbuch Entwicklungsversion") {
		t.Errorf("handbuch version printed %q, want Entwicklungsversion without a commit", version)
	}
	if out := handbuch("new", "mein-handbuch"); !strings.Contains(out, "cd mein-handbuch") {
		t.Errorf("handbuch new printed:\n%s", out)
	}
	out := handbuch("build", "--ohne-pdf", "--source", "mein-handbuch")
	if !strings.Contains(out, "Fertig:") {
		t.Errorf("handbuch build printed:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "mein-handbuch", "public", "index.html")); err != nil {
		t.Errorf("the installed handbuch built no start page: %v", err)
	}
}
