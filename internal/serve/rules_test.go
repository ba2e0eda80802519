package serve

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/check"
)

// TestErrorPageLinksRules: while a build fails on a finding, the error
// page links its rule to a page that explains it, and the preview
// serves that page though there is no report; both pass our checks.
func TestErrorPageLinksRules(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "handbuch.toml", "title = \"Test\"\ncontact = \"a@example.org\"\n")
	write(t, dir, "content/_index.md", "+++\ntitle = \"Start\"\n+++\nHallo.\n")
	write(t, dir, "content/kapitel.md", chapter+"## Daten\n\n#### Einwilligung\n\nText.\n")

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
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the preview did not stop")
		}
	}()

	code, errPage := waitFor(t, base+"/kapitel/", `role="alert"`)
	link := `<a href="/pruefbericht/regeln/heading-order/">Was die Regel heading-order verlangt</a>`
	if code != 500 || !strings.Contains(errPage, "heading-order") || !strings.Contains(errPage, link) {
		t.Fatalf("error page %d lacks %s:\n%s", code, link, errPage)
	}
	code, rulePage := get(t, base+"/pruefbericht/regeln/heading-order/")
	if code != 200 {
		t.Fatalf("the rule's page: status %d", code)
	}
	for _, want := range []string{"<h1>Regel heading-order</h1>", "Kriterium 1.3.1 „Info und Beziehungen“, Stufe A", "#### Einwilligung", "Warum das wichtig ist"} {
		if !strings.Contains(rulePage, want) {
			t.Errorf("the rule's page lacks %q:\n%s", want, rulePage)
		}
	}
	if code, _ := get(t, base+"/pruefbericht/regeln/gibt-es-nicht/"); code == 200 {
		t.Error("a page for a rule that does not exist")
	}
	for _, f := range check.Site([]check.File{{Path: "fehler.html", Data: []byte(errPage)}, {Path: "regel.html", Data: []byte(rulePage)}}) {
		if f.Severity != check.Hint {
			t.Errorf("%s", f)
		}
	}
}
