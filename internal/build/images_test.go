package build

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/site"
)

// writeImage writes a w×h picture as PNG or JPEG (by the extension) into
// the project.
func writeImage(t *testing.T, dir, name string, w, h int) {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			m.Set(x, y, color.RGBA{uint8(x), uint8(y), 0x7d, 0xff})
		}
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		err = png.Encode(&b, m)
	} else {
		err = jpeg.Encode(&b, m, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

const withImages = config + `
-- content/_index.md --
+++
title = "Willkommen"
+++
Start.
-- content/bilder.md --
+++
title = "Mit Bildern"
weight = 1
+++
Ein Absatz.

![Fünf Kästchen in einer Reihe: die fünf Schritte.](schritte.png "Die fünf Schritte")

Noch ein Absatz.

Und noch einer.

Und der vierte.

{{< bild "/fotos/beratung.jpg" "Zwei Menschen am Tisch im Gespräch." "Eine Beratung" >}}

{{< bild "schritte.png" "dekorativ" >}}
`

// TestBuildImages: a page shows a Markdown image and two bild shortcodes;
// the pictures are copied with a hash in their names and shown with
// their size, alternative text and caption; the one below the first
// screen loads lazily; the decoration has alt="".
func TestBuildImages(t *testing.T) {
	dir := project(t, withImages)
	writeImage(t, dir, "content/schritte.png", 300, 100)
	writeImage(t, dir, "static/fotos/beratung.jpg", 640, 480)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	read := reader(t, dir)
	page := read("bilder/index.html")
	png := regexp.MustCompile(`schritte\.[0-9a-f]{8}\.png`).FindString(page)
	jpg := regexp.MustCompile(`beratung\.[0-9a-f]{8}\.jpg`).FindString(page)
	if png == "" || jpg == "" {
		t.Fatalf("no hashed image names in the page:\n%s", page)
	}
	contains(t, "bilder", page,
		`<figure class="bild"><img src="../assets/bilder/`+png+`" width="300" height="100" alt="Fünf Kästchen in einer Reihe: die fünf Schritte." decoding="async"><figcaption>Die fünf Schritte</figcaption></figure>`,
		`<img src="../assets/bilder/`+jpg+`"`, `width="640" height="480" alt="Zwei Menschen am Tisch im Gespräch." loading="lazy" decoding="async"><figcaption>Eine Beratung</figcaption></figure>`,
		`<div class="bild schmuck"><img src="../assets/bilder/`+png+`"`, `alt="" loading="lazy" decoding="async"></div>`,
	)
	for _, name := range []string{png, jpg} {
		if _, err := os.Stat(filepath.Join(dir, "public", "assets", "bilder", name)); err != nil {
			t.Errorf("the picture is not copied: %v", err)
		}
	}
	// The photo is wider than 480 px: a smaller copy is offered too.
	srcset := regexp.MustCompile(`srcset="\.\./assets/bilder/(beratung\.[0-9a-f]{8}-480w\.jpg) 480w, \.\./assets/bilder/` + regexp.QuoteMeta(jpg) + ` 640w" sizes="[^"]+"`).FindStringSubmatch(page)
	if srcset == nil {
		t.Errorf("no srcset for the photo:\n%s", page)
	} else if _, err := os.Stat(filepath.Join(dir, "public", "assets", "bilder", srcset[1])); err != nil {
		t.Errorf("the smaller copy is not written: %v", err)
	}
	// The print view shows them too, from its own folder.
	contains(t, "druck", read("druck/index.html"), `<img src="../assets/bilder/`+png+`"`)
}

// TestPreviewPicksUpChangedImage: in a preview, a picture changed on disk
// gets a new name in the page that shows it, and its new file is made,
// although the page's Markdown is the same.
func TestPreviewPicksUpChangedImage(t *testing.T) {
	dir := project(t, withImages)
	writeImage(t, dir, "content/schritte.png", 300, 100)
	writeImage(t, dir, "static/fotos/beratung.jpg", 64, 48)
	fsys := os.DirFS(dir)
	opts := load.Options{Today: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}
	inc := &Incremental{}
	name := regexp.MustCompile(`assets/bilder/schritte\.[0-9a-f]{8}\.png`)
	page := func(files []site.File) (string, map[string]bool) {
		made := map[string]bool{}
		html := ""
		for _, f := range files {
			made[f.Path] = true
			if f.Path == "bilder/index.html" {
				html = string(f.Data)
			}
		}
		return html, made
	}
	first, _, _, err := makeSite(fsys, nil, opts, "public", pdfsLater, false, inc, nil)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := page(first)
	writeImage(t, dir, "content/schritte.png", 300, 120)
	second, _, _, err := makeSite(fsys, nil, opts, "public", pdfsLater, false, inc, nil)
	if err != nil {
		t.Fatal(err)
	}
	after, made := page(second)
	oldName, newName := name.FindString(before), name.FindString(after)
	if oldName == "" || newName == "" || oldName == newName {
		t.Fatalf("picture in the page before %q, after %q", oldName, newName)
	}
	if !made[newName] || !strings.Contains(after, `height="120"`) {
		t.Errorf("the changed picture %s is not made (%v) or the page keeps its old size", newName, made[newName])
	}
}

// TestAltTextFindings: an alternative text over 150 characters and one
// that repeats the caption are warnings at the picture.
func TestAltTextFindings(t *testing.T) {
	long := strings.Repeat("Ein Kästchen neben dem anderen, ", 6)
	dir := project(t, config+`
-- content/_index.md --
+++
title = "Willkommen"
+++
Start.

![`+long+`](schritte.png)

{{< bild "schritte.png" "Die fünf Schritte" "Die fünf Schritte." >}}
`)
	writeImage(t, dir, "content/schritte.png", 30, 10)
	_, _, findings, err := Make(os.DirFS(dir), nil, load.Options{Today: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range findings {
		if strings.HasPrefix(f.Rule, "bild-") {
			got[f.Rule] = f.Pos.String() + " " + f.Severity.String()
		}
	}
	want := map[string]string{
		"bild-alt-lang":             "content/_index.md:6:1 Warnung",
		"bild-alt-wie-unterschrift": "content/_index.md:8:1 Warnung",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

// TestBuildLogo: the organisation's logo stands in every page's header
// as a link to the start page, named by the organisation.
func TestBuildLogo(t *testing.T) {
	dir := project(t, `-- handbuch.toml --
title = "Testhandbuch"

[organisation]
name = "Testträger e. V."
logo = "static/logo.png"
-- content/_index.md --
+++
title = "Willkommen"
+++
Start.
-- content/kapitel.md --
+++
title = "Kapitel"
weight = 1
+++
Text.
`)
	writeImage(t, dir, "static/logo.png", 120, 40)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: "public"}); err != nil {
		t.Fatal(err)
	}
	page := reader(t, dir)("kapitel/index.html")
	logo := regexp.MustCompile(`<a class="kopf-logo" href="\.\./"><img src="\.\./assets/bilder/(logo\.[0-9a-f]{8}\.png)" width="120" height="40" alt="Testträger e\. V\."></a>`).FindStringSubmatch(page)
	if logo == nil {
		t.Fatalf("no logo in the header:\n%.1500s", page)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "assets", "bilder", logo[1])); err != nil {
		t.Error(err)
	}
}
