package pdf

import (
	"bytes"

	"codeberg.org/go-pdf/fpdf"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/images"
	"github.com/handbuch/handbuch/internal/markdown"
)

// pxToMM is the size of a CSS pixel: a picture is as large on paper as
// on a screen at 100 %, and never wider than the text.
const pxToMM = 25.4 / 96

// maxPictureHeight keeps a tall picture and its caption on one page.
const maxPictureHeight = 150.0

// picture draws a figure: the image as a Figure with its alternative
// text (or an artifact, when it is decoration), then its caption.
func (w *writer) picture(f markdown.Figure, x, width float64, pos book.Pos) {
	img := f.Img
	wd, ht, ok := w.sized(img, width, maxPictureHeight, pos)
	if !ok {
		return
	}
	caption := 0.0
	if f.Caption != "" {
		caption = 12
	}
	w.ensure(ht + caption + 4)
	y := w.f.GetY() + 1
	draw := func() { w.f.ImageOptions(img.Name, x, y, wd, ht, false, fpdf.ImageOptions{}, 0, "") }
	if f.Decorative {
		w.artifact()
		draw()
	} else {
		w.figure(f.Alt, x, y, wd, ht, draw)
	}
	w.f.SetY(y + ht + 2)
	if f.Caption != "" {
		w.tagged("P", func() {
			w.flow([]span{{text: f.Caption, style: "I"}}, x, width, w.body-1.5, pos)
		})
	}
	w.f.SetY(w.f.GetY() + 2.5)
}

// sized hands img to fpdf, once per file, and returns its size on paper:
// as large as on a screen at 100 %, within maxW × maxH mm.
func (w *writer) sized(img *book.Image, maxW, maxH float64, pos book.Pos) (wd, ht float64, ok bool) {
	if img == nil || img.Width <= 0 || img.Height <= 0 {
		w.errf(pos, "das Bild ist nicht gelesen worden. Das ist ein Fehler in handbuch; bitte melden Sie ihn.")
		return 0, 0, false
	}
	if w.f.GetImageInfo(img.Name) == nil {
		data, typ, err := images.ForPDF(img)
		if err != nil {
			w.errf(pos, "das Bild %s %v.", img.File, err)
			return 0, 0, false
		}
		w.f.RegisterImageOptionsReader(img.Name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
		if w.f.Err() {
			w.errf(pos, "das Bild %s kann nicht ins PDF: %v. Speichern Sie es neu als PNG oder JPEG.", img.File, w.f.Error())
			return 0, 0, false
		}
	}
	wd = min(maxW, float64(img.Width)*pxToMM)
	ht = wd * float64(img.Height) / float64(img.Width)
	if ht > maxH {
		wd, ht = wd*maxH/ht, maxH
	}
	return wd, ht, true
}

// logo draws the organisation's logo at (x, y), at most maxW × maxH mm,
// as a Figure named by the organisation, and returns its height (0
// without a logo).
func (w *writer) logo(x, y, maxW, maxH float64, pos book.Pos) float64 {
	img := w.h.Logo
	if img == nil {
		return 0
	}
	wd, ht, ok := w.sized(img, maxW, maxH, pos)
	if !ok {
		return 0
	}
	alt := "Logo"
	if name := w.h.Config.Org.Name; name != "" {
		alt = "Logo: " + name
	}
	w.figure(alt, x, y, wd, ht, func() { w.f.ImageOptions(img.Name, x, y, wd, ht, false, fpdf.ImageOptions{}, 0, "") })
	return ht
}
