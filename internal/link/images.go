package link

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/images"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// pictures reads every image the pages show, once per file, and sets
// it on its link or bild shortcode. An image is a file of the project:
// beside the page (bild.png, ../bilder/bild.png) or, written from the
// root, in static/ (/bilder/bild.png is static/bilder/bild.png).
func (b *Book) pictures(fsys fs.FS, cache *Cache) error {
	var errs book.ErrorList
	read := map[string]*book.Image{}
	failed := map[string]error{}
	// load reads each file once, however many pages show it.
	load := func(file string) (*book.Image, error) {
		if img, ok := read[file]; ok {
			return img, nil
		}
		if err, ok := failed[file]; ok {
			return nil, err
		}
		img, err := cache.image(fsys, file)
		if err != nil {
			failed[file] = err
			return nil, err
		}
		read[file] = img
		return img, nil
	}
	get := func(d *markdown.Doc, dest string, pos book.Pos) *book.Image {
		file, msg := imageFile(d.Page.File, dest)
		if msg != "" {
			errs.Addf(pos, "das Bild %q %s", dest, msg)
			return nil
		}
		img, err := load(file)
		if errors.Is(err, fs.ErrNotExist) {
			err = fmt.Errorf("gibt es nicht. Prüfen Sie den Dateinamen; ein Bild liegt neben der Seite (Pfade relativ zu %s) oder in static/ (Pfade mit / am Anfang)", path.Dir(d.Page.File))
		}
		if err != nil {
			errs.Addf(pos, "das Bild %q (%s) %s.", dest, file, sentence(err))
		}
		return img
	}
	for _, d := range b.Docs {
		for i := range d.Links {
			if l := &d.Links[i]; l.Image {
				l.Img = get(d, l.Dest, l.Pos)
			}
		}
		for _, sc := range d.Shortcodes {
			if sc.Name != "bild" {
				continue
			}
			if d.Pictures == nil {
				d.Pictures = make([]*book.Image, len(d.Shortcodes))
			}
			d.Pictures[sc.Index] = get(d, sc.Args[0], d.ShortcodePos(sc))
		}
	}
	if logo := b.Config.Org.Logo; logo != "" {
		var err error
		if b.Logo, err = load(logo); err != nil {
			errs.Addf(book.Pos{File: "handbuch.toml"}, "organisation.logo: das Bild %s %s.", logo, sentence(err))
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	b.Images = make([]*book.Image, 0, len(read))
	for _, img := range read {
		b.Images = append(b.Images, img)
	}
	slices.SortFunc(b.Images, func(x, y *book.Image) int { return strings.Compare(x.File, y.File) })
	return nil
}

// sentence is the German reason of err without its closing full stop,
// to end a sentence of the caller's.
func sentence(err error) string {
	return strings.TrimSuffix(err.Error(), ".")
}

// imageFile is the project path of the image dest written in page, or
// why it is none.
func imageFile(page, dest string) (string, string) {
	kind, err := urlpolicy.Check(dest)
	switch {
	case err != nil:
		return "", fmt.Sprintf("%v. Ein Bild ist eine Datei im Projekt, zum Beispiel ![Alternativtext](bild.png).", err)
	case kind != urlpolicy.Relative:
		return "", "liegt nicht im Projekt. handbuch zeigt nur Bilder aus dem Projektordner, damit nichts von einem anderen Server geladen wird: laden Sie das Bild herunter und legen Sie es neben die Seite."
	}
	u, err := url.Parse(dest)
	if err != nil || u.RawQuery != "" || u.Fragment != "" || u.Path == "" {
		return "", "ist kein Dateiname. Schreiben Sie den Namen der Bilddatei, zum Beispiel ![Alternativtext](bild.png)."
	}
	file := path.Join(path.Dir(page), u.Path)
	if strings.HasPrefix(u.Path, "/") {
		file = path.Join("static", u.Path)
	}
	if !fs.ValidPath(file) || !strings.HasPrefix(file, "content/") && !strings.HasPrefix(file, "static/") {
		return "", "liegt außerhalb von content/ und static/. Legen Sie das Bild neben die Seite oder in static/."
	}
	return file, ""
}

// image reads an image and makes its smaller copies; a cache keeps those
// of the last build while the file's bytes are the same.
func (c *Cache) image(fsys fs.FS, file string) (*book.Image, error) {
	img, err := images.Read(fsys, file)
	if err != nil {
		return nil, err
	}
	if c != nil {
		if old, ok := c.images[file]; ok && old.Name == img.Name {
			return old, nil
		}
	}
	if img.Variants, err = images.Variants(img); err != nil {
		return nil, err
	}
	if c != nil {
		if c.images == nil {
			c.images = map[string]*book.Image{}
		}
		c.images[file] = img
	}
	return img, nil
}
