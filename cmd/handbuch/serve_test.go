package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a terminal that the preview writes to from several
// goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// smallProject is a handbook folder the preview can start in.
func smallProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"handbuch.toml":     "title = \"Test\"\ncontact = \"a@example.org\"\n",
		"content/_index.md": "+++\ntitle = \"Start\"\n+++\nHallo.\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestServeBadPort: a port that cannot be is a usage error (2), a port
// in use a state of the machine (1); both are said in German with what
// to do, without the system's English.
func TestServeBadPort(t *testing.T) {
	dir := smallProject(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--port", "99999"}, 2, "--port 99999 ist keine Portnummer. Nennen Sie eine Zahl von 1 bis 65535"},
		{[]string{"--port", "65536"}, 2, "--port 65536 ist keine Portnummer"},
		{[]string{"--port", "abc"}, 2, "--port abc ist keine Portnummer"},
		{[]string{"--port", "-1"}, 2, "--port -1 ist keine Portnummer"},
		{[]string{"--port", ""}, 2, "--port  ist keine Portnummer"},
		{[]string{"--port", busyPort}, 1, "Port " + busyPort + " ist schon belegt"},
		{[]string{"--port", busyPort, "--bind", "localhost"}, 1, "wählen Sie einen anderen Port, zum Beispiel --port"},
		{[]string{"--bind", "203.0.113.7", "--port", "0"}, 2, "die Adresse 203.0.113.7 gehört nicht zu diesem Rechner"},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"serve", "--source", dir}, tc.args...)
		code := run(args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("handbuch %s: exit %d, stderr %q; want exit %d and %q", strings.Join(args[1:], " "), code, stderr.String(), tc.code, tc.want)
		}
		for _, english := range []string{"invalid", "listen tcp", "address already in use", "parse error", "cannot assign"} {
			if strings.Contains(stderr.String(), english) {
				t.Errorf("handbuch %s: the system's English %q in %q", strings.Join(args[1:], " "), english, stderr.String())
			}
		}
	}
}

// TestServeBindWarning: the warning that others can reach the preview
// is for addresses others can reach, not for loopback names.
func TestServeBindWarning(t *testing.T) {
	dir := smallProject(t)
	for _, tc := range []struct {
		bind string
		warn bool
	}{
		{"", false}, // the default, 127.0.0.1
		{"localhost", false},
		{"LOCALHOST", false},
		{"127.0.0.1", false},
		{"::1", false},
		{"[::1]", false},
		{"0.0.0.0", true},
		{"::", true},
	} {
		if strings.Contains(tc.bind, ":") {
			if ln, err := net.Listen("tcp", "[::1]:0"); err != nil {
				t.Logf("--bind %s: no IPv6 on this machine", tc.bind)
				continue
			} else {
				ln.Close()
			}
		}
		args := []string{"--source", dir, "--port", "0"}
		if tc.bind != "" {
			args = append(args, "--bind", tc.bind)
		}
		var stdout, stderr lockedBuffer
		c := &cli{stdout: &stdout, stderr: &stderr}
		ctx, cancel := context.WithCancel(context.Background())
		code := make(chan int, 1)
		go func() { code <- c.serveUntil(ctx, args) }()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(stdout.String(), "Vorschau unter http://") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		if n := <-code; n != 0 {
			t.Errorf("--bind %s: exit %d: %s", tc.bind, n, stderr.String())
		}
		if warned := strings.Contains(stderr.String(), "auch für andere im Netz erreichbar"); warned != tc.warn {
			t.Errorf("--bind %s: warned %v, want %v:\n%s", tc.bind, warned, tc.warn, stderr.String())
		}
	}
}
