package build

import (
	"testing"

	"github.com/handbuch/handbuch/internal/site"
)

func TestOfflineURL(t *testing.T) {
	for _, tc := range []struct{ dir, url, want string }{
		{"/leitlinien", "../", "../index.html"},
		{"/leitlinien", "./", "./index.html"},
		{"/leitlinien", "datenschutz/", "datenschutz/index.html"},
		{"/leitlinien", "../glossar/#ki", "../glossar/index.html#ki"},
		{"/leitlinien", "../suche/?q=ki", "../suche/index.html?q=ki"},
		{"/leitlinien", "#abschnitt", "#abschnitt"},
		{"/leitlinien", "../assets/handbuch.css", "../assets/handbuch.css"},
		{"/leitlinien", "https://example.org/", "https://example.org/"},
		{"/leitlinien", "mailto:a@example.org", "mailto:a@example.org"},
		{"/", "/", "./index.html"},
		{"/", "/assets/handbuch.css", "assets/handbuch.css"},
		{"/leitlinien/daten", "/glossar/", "../../glossar/index.html"},
		{"/", "..", "../index.html"},
	} {
		if got := offlineURL(tc.dir, tc.url); got != tc.want {
			t.Errorf("offlineURL(%q, %q) = %q, want %q", tc.dir, tc.url, got, tc.want)
		}
	}
}

func TestOffline(t *testing.T) {
	files := Offline([]site.File{
		{Path: "404.html", Data: []byte(`<a href="/leitlinien/">L</a> <img src="/bild.png" alt=""> <form action="/suche/">`)},
		{Path: "leitlinien/index.html", Data: []byte(`<a class="x" href="../">Start</a><p>href="../" as text</p>`)},
		{Path: "assets/handbuch.css", Data: []byte(`a[href="/"] {}`)},
	})
	for i, want := range []string{
		`<a href="leitlinien/index.html">L</a> <img src="bild.png" alt=""> <form action="suche/index.html">`,
		`<a class="x" href="../index.html">Start</a><p>href="../" as text</p>`,
		`a[href="/"] {}`,
	} {
		if got := string(files[i].Data); got != want {
			t.Errorf("%s:\n got %s\nwant %s", files[i].Path, got, want)
		}
	}
}
