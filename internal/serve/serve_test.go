package serve

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// syncBuffer is the terminal of the preview under test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// waitFor polls the page until it contains want.
func waitFor(t *testing.T, url, want string) (int, string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, body := get(t, url)
		if strings.Contains(body, want) {
			return code, body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed %q; last answer %d:\n%s", url, want, code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

const chapter = "+++\ntitle = \"Kapitel\"\nweight = 1\n+++\n"

// TestServe is the editor's day: start the preview, change a chapter and
// see it rebuilt and reloaded, break it and see the error page, fix it.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "handbuch.toml", "title = \"Test\"\ncontact = \"a@example.org\"\n")
	write(t, dir, "content/_index.md", "+++\ntitle = \"Start\"\n+++\nHallo.\n")
	write(t, dir, "content/kapitel.md", chapter+"Erster Text.\n")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	var log syncBuffer
	s := &Server{Source: dir, Log: &log}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()

	code, body := waitFor(t, base+"/kapitel/", "Erster Text.")
	if code != 200 {
		t.Errorf("status %d", code)
	}
	if !strings.Contains(body, `src="/livereload.js?`) {
		t.Error("the preview page lacks the livereload script")
	}
	if code, _ := get(t, base+"/gibt-es-nicht/"); code != 404 {
		t.Errorf("missing page: status %d, want 404", code)
	}

	// A browser tab listening for reloads.
	ws, _, err := websocket.DefaultDialer.Dial("ws://"+ln.Addr().String()+"/livereload", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := ws.WriteMessage(websocket.TextMessage, []byte(`{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}`)); err != nil {
		t.Fatal(err)
	}
	messages := make(chan string, 16)
	go func() {
		for {
			_, m, err := ws.ReadMessage()
			if err != nil {
				close(messages)
				return
			}
			messages <- string(m)
		}
	}()
	reload := func() {
		t.Helper()
		timeout := time.After(10 * time.Second)
		for {
			select {
			case m := <-messages:
				if strings.Contains(m, `"command":"reload"`) {
					return
				}
			case <-timeout:
				t.Fatal("no reload message on the websocket")
			}
		}
	}

	write(t, dir, "content/kapitel.md", chapter+"Zweiter Text.\n")
	reload()
	waitFor(t, base+"/kapitel/", "Zweiter Text.")
	// The pages that gather from all others are made when asked for.
	for _, p := range []string{"/druck/", "/suche/"} {
		if code, body := get(t, base+p); code != 200 || !strings.Contains(body, "Kapitel") {
			t.Errorf("%s: status %d", p, code)
		}
	}
	if _, body := get(t, base+"/druck/"); !strings.Contains(body, "Zweiter Text.") {
		t.Error("the print view shows an old text")
	}
	if code, body := get(t, base+"/pdf/test.pdf"); code != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("/pdf/test.pdf: status %d", code)
	}

	// A broken chapter: every page shows the error with its position.
	write(t, dir, "content/kapitel.md", "+++\ntitle = \"Kapitel\"\nwieght = 1\n+++\nText.\n")
	reload()
	code, body = waitFor(t, base+"/", `role="alert"`)
	if code != 500 || !strings.Contains(body, "content/kapitel.md:3:1: unbekannter Schlüssel &#34;wieght&#34;") || !strings.Contains(body, `lang="de"`) {
		t.Errorf("error page %d:\n%s", code, body)
	}
	if !strings.Contains(log.String(), "content/kapitel.md:3:1") {
		t.Errorf("the terminal does not show the error:\n%s", log.String())
	}

	// Fixed, the error page is gone.
	write(t, dir, "content/kapitel.md", chapter+"Dritter Text.\n")
	reload()
	code, body = waitFor(t, base+"/kapitel/", "Dritter Text.")
	if code != 200 || strings.Contains(body, `role="alert"`) {
		t.Errorf("after the fix: %d\n%s", code, body)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the preview did not stop")
	}
}

// TestBatch: many saves in a burst are one rebuild.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "handbuch.toml", "title = \"Test\"\ncontact = \"a@example.org\"\n")
	write(t, dir, "content/_index.md", "+++\ntitle = \"Start\"\n+++\nHallo.\n")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var log syncBuffer
	// A wait of 500 ms, so that saves 10 ms apart are one burst even on
	// a machine too busy to keep to 50 ms.
	s := &Server{Source: dir, Log: &log, Settle: 500 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx, ln)
	waitFor(t, "http://"+ln.Addr().String()+"/", "Hallo.")
	for i := range 5 {
		write(t, dir, "content/_index.md", "+++\ntitle = \"Start\"\n+++\nHallo "+strings.Repeat("!", i)+"\n")
		time.Sleep(10 * time.Millisecond)
	}
	waitFor(t, "http://"+ln.Addr().String()+"/", "Hallo !!!!")
	time.Sleep(2 * s.Settle)
	if n := strings.Count(log.String(), "Neu gebaut"); n != 2 {
		t.Errorf("%d builds, want 2 (start and one for the burst):\n%s", n, log.String())
	}
}
