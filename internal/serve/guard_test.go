package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// project writes a small handbook with a chapter at /leitlinien/.
func project(t *testing.T, dir, text string) {
	t.Helper()
	write(t, dir, "handbuch.toml", "title = \"Test\"\ncontact = \"a@example.org\"\n")
	write(t, dir, "content/_index.md", "+++\ntitle = \"Start\"\n+++\nHallo.\n")
	write(t, dir, "content/leitlinien.md", "+++\ntitle = \"Leitlinien\"\nweight = 1\n+++\n"+text+"\n")
}

// start serves s on a loopback port until the test ends; the channel
// gets what Serve returned.
func start(t *testing.T, s *Server) (string, <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if s.Log == nil {
		s.Log = &syncBuffer{}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	stopped := make(chan struct{})
	go func() {
		done <- s.Serve(ctx, ln)
		close(stopped)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-stopped:
		case <-time.After(5 * time.Second):
			t.Error("the preview did not stop")
		}
	})
	return ln.Addr().String(), done
}

// raw sends a request exactly as written, as an attacker's client may.
func raw(t *testing.T, addr, target, host string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// TestRedirectStaysOnSite: a folder's address without the slash is
// redirected to the address with it, and a path that cleans to the
// folder never sends the browser to another site.
func TestRedirectStaysOnSite(t *testing.T) {
	dir := t.TempDir()
	project(t, dir, "Text.")
	addr, _ := start(t, &Server{Source: dir})
	waitFor(t, "http://"+addr+"/leitlinien/", "Text.")
	// The shapes that clean to /leitlinien must land there; the others
	// may end anywhere on this server.
	for _, tc := range []struct {
		target string
		lands  bool
	}{
		{"/leitlinien", true},
		{"/leitlinien?x=1", true},
		{"/%2Fevil.example%2F..%2Fleitlinien", true},
		{"/%2F%2Fevil.example%2F..%2Fleitlinien", true},
		{"//evil.example/..%2Fleitlinien", false},
		{"/%2F/evil.example/..%2Fleitlinien", false},
		{`/\evil.example%2F..%2Fleitlinien`, true},
		{`/%5Cevil.example%2F..%2Fleitlinien`, true},
		{`/%5C%5Cevil.example%2F..%2Fleitlinien`, true},
		{`/%2F%5Cevil.example%2F..%2Fleitlinien`, true},
		{"/%09/evil.example%2F..%2Fleitlinien", false},
		{"/%2F%2Fevil.example", false},
		{`/%5C%5Cevil.example`, false},
		{`/\/evil.example`, false},
	} {
		target, hops := tc.target, 0
		for ; hops < 5; hops++ {
			res, _ := raw(t, addr, target, addr)
			if res.StatusCode/100 != 3 {
				break
			}
			loc := res.Header.Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `/\`) {
				t.Errorf("%s: redirect to %q, not a path on this server", target, loc)
				break
			}
			to, err := (&url.URL{Scheme: "http", Host: addr, Path: "/"}).Parse(loc)
			if err != nil || to.Host != addr {
				t.Errorf("%s: redirect to %q leaves the preview", target, loc)
				break
			}
			target = to.RequestURI()
		}
		if tc.lands && (hops == 0 || !strings.HasPrefix(target, "/leitlinien/")) {
			t.Errorf("%s: ends at %s after %d redirects, want /leitlinien/", tc.target, target, hops)
		}
	}
	if res, _ := raw(t, addr, "/leitlinien?x=1", addr); res.Header.Get("Location") != "/leitlinien/?x=1" {
		t.Errorf("the query is lost: Location %q", res.Header.Get("Location"))
	}
}

// TestHostChecked: a page of another site that makes its name point to
// this machine (DNS rebinding) must not read the preview; the preview
// answers only to loopback names and the address it is bound to.
func TestHostChecked(t *testing.T) {
	dir := t.TempDir()
	project(t, dir, "Entwurf.")
	s := &Server{Source: dir, Bind: "Mein-Rechner.local"}
	addr, _ := start(t, s)
	waitFor(t, "http://"+addr+"/leitlinien/", "Entwurf.")
	_, port, _ := net.SplitHostPort(addr)
	for _, host := range []string{
		addr, "localhost:" + port, "LOCALHOST", "localhost.:" + port, "127.0.0.1", "127.1.2.3:" + port,
		"[::1]:" + port, "[::1]", "mein-rechner.local:" + port, "Mein-Rechner.local",
	} {
		if res, body := raw(t, addr, "/leitlinien/", host); res.StatusCode != 200 || !strings.Contains(body, "Entwurf.") {
			t.Errorf("Host %s: status %d, want the page", host, res.StatusCode)
		}
	}
	for _, host := range []string{
		"evil.example", "evil.example:" + port, "localhost.evil.example:" + port, "127.0.0.1.evil.example",
		"sub.localhost:" + port, "0.0.0.0:" + port, "192.0.2.1:" + port, "[::2]:" + port, "mein-rechner.local.evil.example",
	} {
		for _, p := range []string{"/leitlinien/", "/livereload.js", "/livereload", "/pdf/test.pdf"} {
			res, body := raw(t, addr, p, host)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("Host %s, %s: status %d, want 403", host, p, res.StatusCode)
				continue
			}
			if strings.Contains(body, "Entwurf.") || !strings.Contains(body, "http://"+addr+"/") || !strings.Contains(body, "Öffnen Sie") {
				t.Errorf("Host %s, %s: the refusal should point to http://%s/ in German:\n%s", host, p, addr, body)
			}
		}
	}
}

// TestHostCheckedAllInterfaces: bound to all addresses, the preview
// answers to the addresses of this machine, not to other names.
func TestHostCheckedAllInterfaces(t *testing.T) {
	var own string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			own = n.IP.String()
			break
		}
	}
	if own == "" {
		t.Skip("this machine has no network address but loopback")
	}
	dir := t.TempDir()
	project(t, dir, "Entwurf.")
	ln, err := net.Listen("tcp", "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := &Server{Source: dir, Log: &syncBuffer{}, Bind: "0.0.0.0"}
	go s.Serve(ctx, ln)
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	addr := "127.0.0.1:" + port
	waitFor(t, "http://"+addr+"/leitlinien/", "Entwurf.")
	if res, _ := raw(t, addr, "/leitlinien/", own+":"+port); res.StatusCode != 200 {
		t.Errorf("Host %s (this machine): status %d", own, res.StatusCode)
	}
	if res, _ := raw(t, addr, "/leitlinien/", "evil.example:"+port); res.StatusCode != 403 {
		t.Errorf("Host evil.example: status %d, want 403", res.StatusCode)
	}
}

// TestLivereloadOrigin: only the preview's own pages may open the
// reload socket.
func TestLivereloadOrigin(t *testing.T) {
	dir := t.TempDir()
	project(t, dir, "Text.")
	addr, _ := start(t, &Server{Source: dir})
	waitFor(t, "http://"+addr+"/", "Hallo.")
	_, port, _ := net.SplitHostPort(addr)
	dial := func(host string, h http.Header) error {
		d := websocket.Dialer{NetDial: func(string, string) (net.Conn, error) { return net.Dial("tcp", addr) }}
		ws, res, err := d.Dial("ws://"+host+"/livereload", h)
		if err == nil {
			ws.Close()
		} else if res != nil && res.StatusCode == 101 {
			return nil
		}
		return err
	}
	for _, tc := range []struct {
		host, origin, forwarded string
		ok                      bool
	}{
		{addr, "", "", true}, // no browser: no page of another site
		{addr, "http://" + addr, "", true},
		{"localhost:" + port, "http://localhost:" + port, "", true},
		{"[::1]:" + port, "http://[::1]:" + port, "", true},
		{addr, "http://evil.example", "", false},
		{addr, "http://evil.example", "evil.example", false},
		{addr, "http://127.0.0.1:1", "", false}, // another program on this machine
		{addr, "http://localhost:" + port, "", false},
		{addr, "https://" + addr, "", false},
		{addr, "null", "", false},
		{"evil.example:" + port, "http://evil.example:" + port, "", false}, // rebinding
	} {
		h := http.Header{}
		if tc.origin != "" {
			h.Set("Origin", tc.origin)
		}
		if tc.forwarded != "" {
			h.Set("X-Forwarded-Host", tc.forwarded)
		}
		err := dial(tc.host, h)
		if tc.ok && err != nil {
			t.Errorf("Host %s, Origin %q: refused (%v)", tc.host, tc.origin, err)
		}
		if !tc.ok && err == nil {
			t.Errorf("Host %s, Origin %q, X-Forwarded-Host %q: the socket opened", tc.host, tc.origin, tc.forwarded)
		}
	}
}

// TestMovedFolder: the project folder is moved away and a new one put
// at its path; the preview shows and watches the new one. When the path
// stays empty, the preview stops and says why.
func TestMovedFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "projekt")
	project(t, dir, "Alter Ordner.")
	var log syncBuffer
	addr, done := start(t, &Server{Source: dir, Log: &log, Recheck: 20 * time.Millisecond, Grace: 200 * time.Millisecond})
	url := "http://" + addr + "/leitlinien/"
	waitFor(t, url, "Alter Ordner.")

	// A new folder is prepared beside it and put in its place.
	project(t, filepath.Join(root, "neu"), "Neuer Ordner.")
	if err := os.Rename(dir, filepath.Join(root, "alt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(root, "neu"), dir); err != nil {
		t.Fatal(err)
	}
	waitFor(t, url, "Neuer Ordner.")
	// Edits in the new folder show; edits in the old one do not.
	write(t, dir, "content/leitlinien.md", "+++\ntitle = \"Leitlinien\"\nweight = 1\n+++\nBearbeitet.\n")
	waitFor(t, url, "Bearbeitet.")
	write(t, filepath.Join(root, "alt"), "content/leitlinien.md", "+++\ntitle = \"Leitlinien\"\nweight = 1\n+++\nIm alten Ordner.\n")
	time.Sleep(300 * time.Millisecond)
	if _, body := get(t, url); !strings.Contains(body, "Bearbeitet.") {
		t.Errorf("an edit in the moved-away folder changed the preview:\n%s", body)
	}

	// Moved away, and a moment later a new folder is made there file by
	// file: the preview waits for it.
	if err := os.Rename(dir, filepath.Join(root, "zwischen")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(80 * time.Millisecond)
	project(t, dir, "Wieder da.")
	waitFor(t, url, "Wieder da.")
	write(t, dir, "content/leitlinien.md", "+++\ntitle = \"Leitlinien\"\nweight = 1\n+++\nWieder bearbeitet.\n")
	waitFor(t, url, "Wieder bearbeitet.")
	if n := strings.Count(log.String(), "liegt jetzt ein anderer Ordner"); n != 2 {
		t.Errorf("the terminal tells of %d new folders, want 2:\n%s", n, log.String())
	}

	// Moved away and not replaced.
	if err := os.Rename(dir, filepath.Join(root, "weg")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var gone *GoneError
		if !errors.As(err, &gone) || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "handbuch serve") {
			t.Errorf("Serve returned %v, want a GoneError naming %s and what to do", err, dir)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the preview kept running without its folder")
	}
}
