package images

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path"
	"strconv"
	"strings"

	"golang.org/x/image/draw"

	"github.com/handbuch/handbuch/internal/book"
)

// VariantWidths are the widths of the smaller copies for srcset, in
// pixels, narrowest first.
var VariantWidths = []int{480, 960, 1440}

// jpegQuality is the quality of the JPEG copies for the web, and
// pdfJPEGQuality of a JPEG handbuch has to encode anew for a PDF, which
// may be printed.
const (
	jpegQuality    = 85
	pdfJPEGQuality = 90
)

// Variants returns smaller copies of img for srcset, narrowest first:
// one for each of VariantWidths below the width of img, with its height
// in proportion; none for an SVG or an image 480 pixels wide or less.
//
// A copy is resampled with the Catmull-Rom kernel of x/image/draw,
// after halving (each pixel the mean of four) as long as the picture
// stays at least twice as wide and high as the copy, which keeps the
// kernel's buffer small (dw × sh × 32 bytes): memory peaks at the
// decoded picture, once, plus about 2 × the copy's pixels × 32 bytes.
// A JPEG is turned as its EXIF orientation says, since the copy has no
// EXIF data and a browser shows the original turned.
//
// A copy of a PNG is a PNG (best compression), of a JPEG a JPEG
// (quality 85), of a WebP a PNG if the WebP is lossless or has
// transparent pixels and a JPEG otherwise: x/image cannot write WebP,
// and a lossless WebP is mostly a drawing or screenshot, which JPEG
// blurs. Grey pictures stay grey. The name is that of img with the
// width before the extension, bild.3f2a9c1b-480w.png for
// bild.3f2a9c1b.png, so it changes exactly when img does. The bytes
// are the same on every run.
func Variants(img *book.Image) ([]book.ImageVariant, error) {
	if img.Format == formatSVG {
		return nil, nil
	}
	var widths []int
	for _, w := range VariantWidths {
		if w < img.Width {
			widths = append(widths, w)
		}
	}
	if len(widths) == 0 {
		return nil, nil
	}
	m, err := decode(img.Format, img.Data)
	if err != nil {
		return nil, errDecode(img.Format, err)
	}
	o := 1
	if img.Format == formatJPEG {
		o = jpegMeta(img.Data).orientation
	}
	gray := isGray(m)
	asPNG := img.Format == formatPNG
	if img.Format == formatWebP {
		_, lossless := m.(*image.NRGBA) // x/image/webp decodes VP8L so
		asPNG = lossless || !opaque(m)
	}
	ext := ".jpg"
	if asPNG {
		ext = ".png"
	}
	stem := strings.TrimSuffix(img.Name, path.Ext(img.Name))
	variants := make([]book.ImageVariant, len(widths))
	var src image.Image = m
	for i := len(widths) - 1; i >= 0; i-- { // widest first: each halving serves the next
		w := widths[i]
		h := max(1, int((int64(w)*int64(img.Height)+int64(img.Width)/2)/int64(img.Width)))
		sw, sh := w, h // the size before turning
		if o >= 5 {
			sw, sh = h, w
		}
		var scaled *image.RGBA
		scaled, src = scale(src, sw, sh)
		scaled = orient(scaled, o)
		var out image.Image = scaled
		if gray {
			out = toGray(scaled)
		}
		var buf bytes.Buffer
		if asPNG {
			err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out)
		} else {
			err = jpeg.Encode(&buf, out, &jpeg.Options{Quality: jpegQuality})
		}
		if err != nil {
			return nil, fmt.Errorf("lässt sich nicht verkleinern (%v). Speichern Sie das Bild neu", err)
		}
		variants[i] = book.ImageVariant{
			Width:  w,
			Height: h,
			Name:   stem + "-" + strconv.Itoa(w) + "w" + ext,
			Data:   buf.Bytes(),
		}
	}
	return variants, nil
}

// scale returns src resampled to w × h, and the picture to scale the
// next, smaller copy from: src, or src halved as often as it stayed at
// least twice as big as w × h.
func scale(src image.Image, w, h int) (scaled *image.RGBA, next image.Image) {
	for b := src.Bounds(); b.Dx() >= 2*w && b.Dy() >= 2*h; b = src.Bounds() {
		src = halve(toRGBA(src))
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
	return dst, src
}
