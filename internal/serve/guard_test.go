package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
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
