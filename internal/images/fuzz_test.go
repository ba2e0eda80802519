package images

import (
	"image"
	"image/color"
	"testing"
	"testing/fstest"
)

// FuzzRead reads any bytes as a PNG, a JPEG, a WebP and an SVG: Read
// must never panic or hang, and what it takes, ForPDF must take or
// refuse without a panic too.
func FuzzRead(f *testing.F) {
	f.Add(pngOf(f, picture(3, 2, 100)))
	f.Add(pngOf(f, image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black, color.Transparent})))
	f.Add(interlacedPNG(picture(5, 3, 255)))
	f.Add(jpegOf(f, picture(9, 5, 255)))
	f.Add(withEXIF(jpegOf(f, picture(4, 4, 255)), 6, "MM"))
	f.Add(webpSolid(3, 2, color.NRGBA{1, 2, 3, 4}, true))
	f.Add(testdata(f, "gopher-doc.with-alpha.lossless.webp"))
	f.Add(svgDoc(`<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)" stroke="#0f0" stroke-dasharray="1 2"/><use href="#r"/><circle id="r" r="3"/>`))
	f.Add(svgDoc(`<g transform="rotate(45) scale(2)"><path d="M0 0 C 10 10 20 0 30 30 Q 1 2 3 4 A 5 5 0 0 1 9 9 z" style="fill:hsl(120, 50%, 50%)"/></g>`))
	f.Add(svgDoc(laughs(3, 3)))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"x.png", "x.jpg", "x.webp", "x.svg"} {
			img, err := Read(fstest.MapFS{name: {Data: data}}, name)
			if err != nil {
				continue
			}
			if img.Width <= 0 || img.Height <= 0 || img.Width > MaxSide || img.Height > MaxSide {
				t.Fatalf("%s: size %d×%d", name, img.Width, img.Height)
			}
			if img.Width*img.Height <= 1<<16 {
				ForPDF(img)
			}
		}
	})
}
