package browsertest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
)

// TestArabicPage opens the model's Arabic client page in Chromium at
// 1280 and 320 px: <html lang="ar"> with a computed direction rtl, the
// text rtl and the German footer ltr, the language switch linking the
// other versions with lang and hreflang, no axe-core violation, and no
// sideways scrolling at 320 px; the first glossary term opens its
// pop-up with Enter, in Arabic (lang="ar", right to left), axe-core
// checks the page with it open, and Escape closes it. The screenshots
// are kept in HANDBUCH_SHOTS when it is set, to be looked at. Like TestBrowser it
// runs in CI or with HANDBUCH_BROWSER=1 and fails there when a tool is
// missing.
func TestArabicPage(t *testing.T) {
	chromium, node := browserTools(t)
	files, _, _, err := build.Make(handbuch.Model(), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(context.Background(), dir, files); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	shots := os.Getenv("HANDBUCH_SHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	cmd := exec.Command(node, "rtl.mjs", srv.URL, "/klienten/so-nutzen-wir-ki/ar/", shots)
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	t.Logf("rtl.mjs: %s", out)
	if err != nil {
		t.Fatalf("rtl.mjs: %v\n%s%s", err, out, stderr.String())
	}
	type link struct{ Lang, Hreflang, Text string }
	type popup struct {
		Label, Expanded, Text, Short, Lang, OwnLang, Dir, Hreflang, LinkName string
		Hidden                                                               bool
		AfterEscape                                                          struct {
			FocusOnButton bool
			Expanded      string
			Hidden        bool
		}
	}
	var res map[string]struct {
		Lang, HTML, Main, Footer string
		SwitchLinks              []link
		Popup                    *popup
		ScrollWidth, ClientWidth int
		Axe                      []struct {
			ID, Help string
			Nodes    []string
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, w := range []string{"1280", "320"} {
		r, ok := res[w]
		if !ok {
			t.Fatalf("no result at %s px:\n%s", w, out)
		}
		if r.Lang != "ar" || r.HTML != "rtl" || r.Main != "rtl" || r.Footer != "ltr" {
			t.Errorf("%s px: lang %q, direction of html %q, text %q, footer %q; want ar, rtl, rtl, ltr", w, r.Lang, r.HTML, r.Main, r.Footer)
		}
		want := map[string]string{"de": "Deutsch", "en": "English"}
		if len(r.SwitchLinks) != len(want) {
			t.Errorf("%s px: language switch links %v, want %v", w, r.SwitchLinks, want)
		}
		for _, l := range r.SwitchLinks {
			if want[l.Lang] != l.Text || l.Hreflang != l.Lang {
				t.Errorf("%s px: language switch link %+v", w, l)
			}
		}
		// The glossary pop-up of the first term: Arabic, right to left,
		// with the Arabic short text and an Arabic label; the term leads
		// to the German entry and says so.
		switch p := r.Popup; {
		case p == nil:
			t.Errorf("%s px: no glossary pop-up on the Arabic page", w)
		default:
			if p.Expanded != "true" || p.Hidden || p.Text == "" || p.Text != p.Short {
				t.Errorf("%s px: Enter did not open the pop-up with its short text: %+v", w, p)
			}
			if !strings.HasPrefix(p.Label, "?شرح قصير: ") {
				t.Errorf("%s px: the pop-up button is labelled %q, want the Arabic label", w, p.Label)
			}
			if p.Lang != "ar" || p.OwnLang != "ar" || p.Dir != "rtl" {
				t.Errorf("%s px: the pop-up has lang %q (its own %q), direction %q; want ar, rtl", w, p.Lang, p.OwnLang, p.Dir)
			}
			if strings.ContainsAny(p.Text, "abcdefghijklmnopqrstuvwxyzäöüß") {
				t.Errorf("%s px: the pop-up shows Latin letters: %q", w, p.Text)
			}
			if p.Hreflang != "de" || !strings.Contains(p.LinkName, "الألمانية") {
				t.Errorf("%s px: the term link has hreflang %q and text %q; want de and a word that the entry is German", w, p.Hreflang, p.LinkName)
			}
			if e := p.AfterEscape; !e.FocusOnButton || e.Expanded != "false" || !e.Hidden {
				t.Errorf("%s px: after Escape: %+v; want the pop-up closed and the focus on its button", w, e)
			}
		}
		for _, v := range r.Axe {
			t.Errorf("%s px: axe %s: %s at %v", w, v.ID, v.Help, v.Nodes)
		}
		if r.ScrollWidth > r.ClientWidth {
			t.Errorf("%s px: the page scrolls sideways: scrollWidth %d > %d", w, r.ScrollWidth, r.ClientWidth)
		}
	}
}
