package images

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"

	"github.com/srwiley/oksvg"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/handbuch/handbuch/internal/book"
)

// PDFSVGWidth is the width, in pixels, at which ForPDF draws an SVG:
// sharp at 15 cm wide and 200 dpi.
const PDFSVGWidth = 1200

// ErrSVGText and ErrSVGImage are wrapped by the error of ForPDF for an
// SVG with text or with an embedded picture: the drawing for the PDF
// would lack them. A caller may show the error as a warning and leave
// the picture out of the PDF.
var (
	ErrSVGText  = errors.New("SVG mit Text")
	ErrSVGImage = errors.New("SVG mit eingebettetem Bild")
)

// ForPDF returns img as what codeberg.org/go-pdf/fpdf (v0.12.0) embeds
// with RegisterImageOptionsReader: the bytes, and the image type, "PNG"
// or "JPG". The bytes are the same on every run.
//
// What fpdf takes, as its source says (parsejpg, parsepngstream):
//
//   - A JPEG is embedded as it is (DCTDecode) if image/jpeg calls it
//     grey, YCbCr or CMYK; fpdf refuses an RGB JPEG (Adobe transform 0,
//     or components named R, G, B). It writes a CMYK JPEG with an
//     inverted Decode, as Adobe writes CMYK and YCCK; image/jpeg, and
//     so Read, refuses a four-channel JPEG without the Adobe marker.
//     Progressive JPEGs embed as they are (PDF 1.3 reads them). fpdf
//     ignores EXIF orientation.
//   - A PNG is parsed chunk by chunk: it refuses interlacing; it takes
//     16 bits a channel but then separates alpha as if there were 8,
//     and takes a 16-bit tRNS by its low byte; it stops at the first
//     chunk of length 0, even before the image data ends; it reads pHYs
//     as 9 bytes whatever its length; of a palette's tRNS it keeps only
//     the first fully transparent entry, as a colour key, and loses
//     partial transparency.
//
// So ForPDF gives a JPEG as it is unless it is RGB or turned (EXIF
// orientation other than 1); those it decodes, turns and encodes anew
// (quality 90). It gives a PNG as it is if it has at most 8 bits a
// channel, no interlacing, no empty chunk before IEND, a pHYs of 9
// bytes and a tRNS fpdf reads right; any other it decodes and encodes
// anew with 8 bits a channel, without interlacing, its transparency as
// an alpha channel. A WebP is decoded and encoded as PNG if it is
// lossless or has transparent pixels, and as JPEG (quality 90)
// otherwise: a photo as PNG would make the PDF many times bigger and
// take seconds to compress.
//
// An SVG is drawn with oksvg and rasterx, PDFSVGWidth pixels wide
// (narrower if it would be more than MaxSide high), on a transparent
// background, as PNG. oksvg draws paths and shapes in colours given as
// names, #rgb, #rrggbb, rgb() or hsl(), and gradients; it does not draw
// text, embedded pictures, clip paths, masks, filters, markers or
// patterns, and stroke widths follow the viewBox but not transforms
// inside the SVG. An SVG with text or an <image> is an error wrapping
// ErrSVGText or ErrSVGImage; one with a colour oksvg does not know
// (rgba(), transparent, #rrggbbaa) an error saying so.
func ForPDF(img *book.Image) (data []byte, typ string, err error) {
	switch img.Format {
	case formatJPEG:
		return jpegForPDF(img.Data)
	case formatPNG:
		if pngFitsFPDF(img.Data) {
			return img.Data, "PNG", nil
		}
		m, err := decode(formatPNG, img.Data)
		if err != nil {
			return nil, "", errDecode(formatPNG, err)
		}
		return encodePNG(eightBit(m))
	case formatWebP:
		m, err := decode(formatWebP, img.Data)
		if err != nil {
			return nil, "", errDecode(formatWebP, err)
		}
		if _, lossless := m.(*image.NRGBA); !lossless && opaque(m) {
			return encodeJPEG(m, false)
		}
		return encodePNG(eightBit(m))
	case formatSVG:
		return svgForPDF(img.Data)
	}
	return nil, "", fmt.Errorf("hat kein Bildformat, das handbuch kennt. Erlaubt sind PNG, JPEG, WebP und SVG (.png, .jpg, .jpeg, .webp, .svg)")
}

// encodePNG encodes m for the PDF. It compresses by default, not best:
// a big picture would take seconds more for a few percent.
func encodePNG(m image.Image) ([]byte, string, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		return nil, "", fmt.Errorf("lässt sich nicht für das PDF umwandeln (%v). Speichern Sie das Bild als PNG neu", err)
	}
	return buf.Bytes(), "PNG", nil
}

// jpegForPDF returns a JPEG as fpdf embeds it right.
func jpegForPDF(data []byte) ([]byte, string, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, "", errDecode(formatJPEG, err)
	}
	meta := jpegMeta(data)
	switch cfg.ColorModel {
	case color.GrayModel, color.YCbCrModel, color.CMYKModel:
		if meta.orientation == 1 {
			return data, "JPG", nil
		}
	}
	m, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", errDecode(formatJPEG, err)
	}
	return encodeJPEG(orient(toRGBA(m), meta.orientation), isGray(m))
}

// encodeJPEG encodes m for the PDF, grey if gray.
func encodeJPEG(m image.Image, gray bool) ([]byte, string, error) {
	if gray {
		m = toGray(toRGBA(m))
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: pdfJPEGQuality}); err != nil {
		return nil, "", fmt.Errorf("lässt sich nicht für das PDF umwandeln (%v). Speichern Sie das Bild als JPEG neu", err)
	}
	return buf.Bytes(), "JPG", nil
}

// pngFitsFPDF reports whether fpdf reads the PNG data right as it is;
// see ForPDF.
func pngFitsFPDF(data []byte) bool {
	if len(data) < 33 || string(data[:8]) != "\x89PNG\r\n\x1a\n" || string(data[12:16]) != "IHDR" {
		return false
	}
	depth, ct, interlace := data[24], data[25], data[28]
	if depth > 8 || interlace != 0 {
		return false
	}
	for i := 8; i+12 <= len(data); {
		n := int64(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if int64(i)+12+n > int64(len(data)) {
			return false
		}
		body := data[i+8 : i+8+int(n)]
		switch {
		case typ == "IEND":
			return true
		case n == 0:
			return false
		case typ == "pHYs" && n != 9:
			return false
		case typ == "tRNS":
			switch ct {
			case 0:
				if n != 2 {
					return false
				}
			case 2:
				if n != 6 {
					return false
				}
			case 3:
				// fpdf masks the first entry of alpha 0 as a colour key:
				// right only if it is the one entry not fully opaque.
				zeros := 0
				for _, a := range body {
					switch a {
					case 0:
						zeros++
					case 255:
					default:
						return false
					}
				}
				if zeros != 1 {
					return false
				}
			default:
				return false
			}
		}
		i += 12 + int(n)
	}
	return false
}

// svgForPDF draws an SVG for the PDF.
func svgForPDF(data []byte) ([]byte, string, error) {
	info, err := scanSVG(data, true)
	if err != nil {
		return nil, "", err
	}
	if info.text {
		return nil, "", fmt.Errorf("enthält Text, den handbuch für das PDF nicht zeichnen kann: %w. Wandeln Sie den Text in Ihrem Zeichenprogramm in Pfade um oder nehmen Sie ein PNG", ErrSVGText)
	}
	if info.raster {
		return nil, "", fmt.Errorf("enthält ein eingebettetes Bild (<image>), das handbuch für das PDF nicht zeichnen kann: %w. Nehmen Sie statt des SVG ein PNG", ErrSVGImage)
	}
	m, err := drawSVG(data, info)
	if err != nil {
		return nil, "", err
	}
	return encodePNG(m)
}

func init() {
	// The defaults of SVG, where oksvg has its own: a stroke is 1 wide
	// and joins in a miter. oksvg copies DefaultStyle into every icon it
	// reads; nothing else in handbuch uses oksvg.
	oksvg.DefaultStyle.LineWidth = 1
	oksvg.DefaultStyle.LineJoin = rasterx.Miter
}

// drawSVG draws an SVG PDFSVGWidth pixels wide with oksvg and rasterx.
func drawSVG(data []byte, info svgInfo) (m *image.RGBA, err error) {
	w := PDFSVGWidth
	h := max(1, int(math.Round(float64(w)*info.h/info.w)))
	if h > MaxSide {
		h = MaxSide
		w = max(1, int(math.Round(float64(h)*info.w/info.h)))
	}
	defer func() {
		switch p := recover(); {
		case p == errTooMuch:
			m, err = nil, fmt.Errorf("ist für das PDF zu aufwendig zu zeichnen: es hat zu viele oder zu große Linien und Flächen. Vereinfachen Sie die Zeichnung oder nehmen Sie ein PNG")
		case p != nil:
			m, err = nil, errDraw(fmt.Errorf("%v", p))
		}
	}()
	// currentColor is black where nothing sets the colour, as in <img>.
	data = bytes.ReplaceAll(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("currentColor"), []byte("#000000"))
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, errDraw(err)
	}
	// oksvg maps the viewBox onto the target stretched and moved by the
	// wrong amount; do it as SVG says, with preserveAspectRatio.
	vb := info.viewBox
	if !info.hasViewBox {
		vb = [4]float64{0, 0, info.w, info.h}
	}
	icon.ViewBox.X, icon.ViewBox.Y, icon.ViewBox.W, icon.ViewBox.H = vb[0], vb[1], vb[2], vb[3]
	sx, sy := float64(w)/vb[2], float64(h)/vb[3]
	var tx, ty float64
	if info.align != "none" {
		s := min(sx, sy)
		if info.slice {
			s = max(sx, sy)
		}
		sx, sy = s, s
		tx = alignOffset(info.align[:4], float64(w)-s*vb[2])
		ty = alignOffset(info.align[4:], float64(h)-s*vb[3])
	}
	icon.Transform = rasterx.Identity.Translate(tx, ty).Scale(sx, sy).Translate(-vb[0], -vb[1])
	// oksvg strokes in pixels of the target: scale widths and dashes
	// with the viewBox (not with transforms inside the SVG, which oksvg
	// keeps to itself). Dashes finer than half a pixel are drawn solid:
	// they look so anyway, and rasterx would walk every one of them.
	stroke := math.Sqrt(sx * sy)
	for i := range icon.SVGPaths {
		p := &icon.SVGPaths[i].PathStyle
		p.LineWidth *= stroke
		p.DashOffset *= stroke
		var period float64
		dash := make([]float64, len(p.Dash)) // paths share their slices
		for k, d := range p.Dash {
			dash[k] = d * stroke
			period += max(0, dash[k])
		}
		p.Dash = dash
		if len(p.Dash) > 0 && !(period >= 0.5 && pathLength(icon.SVGPaths[i].Path)*stroke/period <= maxDashes) {
			p.Dash = nil
		} else if len(p.Dash) > 0 {
			p.DashOffset = math.Mod(p.DashOffset, period)
			if p.DashOffset < 0 {
				p.DashOffset += period
			}
		}
	}
	m = image.NewRGBA(image.Rect(0, 0, w, h))
	scanner := &boxScanner{dst: m, area: maxDrawnAreas * int64(w) * int64(h), points: maxPoints}
	icon.Draw(rasterx.NewDasher(w, h, scanner), 1)
	return m, nil
}

// maxDrawnAreas and maxPoints bound the work of drawing an SVG for the
// PDF, about two seconds: the bounding boxes of its paths may add up to
// this many times the picture, and rasterx may make this many points of
// lines (flattening curves, dashing, stroking). A few thousand paths as
// big as the drawing, or curves reaching a million pixels out, would
// take minutes. (Variables for the tests.)
var (
	maxDrawnAreas int64 = 100
	maxPoints     int64 = 5_000_000
)

// errTooMuch is what a boxScanner panics with when a budget is spent,
// to stop rasterx at once; drawSVG recovers it.
var errTooMuch = errors.New("too much to draw")

// maxDashes is the most dash periods drawn along a path; a path with
// more is drawn solid.
const maxDashes = 100_000

// pathLength is the length of the polygon of the points of a path,
// control points included: at least the length of the path, in its own
// units (oksvg applies transforms inside the SVG only when drawing).
func pathLength(p rasterx.Path) float64 {
	var length, x, y float64
	for i := 0; i < len(p); {
		n := 0
		switch rasterx.PathCommand(p[i]) {
		case rasterx.PathMoveTo:
			if i+2 < len(p) {
				x, y = float64(p[i+1])/64, float64(p[i+2])/64
			}
			i += 3
			continue
		case rasterx.PathLineTo:
			n = 1
		case rasterx.PathQuadTo:
			n = 2
		case rasterx.PathCubicTo:
			n = 3
		default:
			i++
			continue
		}
		for k := 0; k < n && i+2+2*k < len(p); k++ {
			nx, ny := float64(p[i+1+2*k])/64, float64(p[i+2+2*k])/64
			length += math.Hypot(nx-x, ny-y)
			x, y = nx, ny
		}
		i += 1 + 2*n
	}
	return length
}

func errDraw(err error) error {
	return fmt.Errorf("lässt sich für das PDF nicht zeichnen: der Zeichner für das PDF versteht eine Angabe darin nicht (%v). Vereinfachen Sie die Zeichnung in Ihrem Zeichenprogramm (Farben als #rrggbb) oder nehmen Sie ein PNG", err)
}

// alignOffset is where preserveAspectRatio puts the drawing, given the
// room left: "xMin"/"YMin" at 0, "xMid"/"YMid" in the middle, "xMax"/
// "YMax" at the end.
func alignOffset(a string, room float64) float64 {
	switch a[1:] {
	case "Mid":
		return room / 2
	case "Max":
		return room
	}
	return 0
}

// boxScanner is a rasterx.Scanner like rasterx.ScannerGV, but it fills
// only the bounding box of each path, where ScannerGV fills the whole
// picture for every path: a drawing of thousands of small paths takes
// a moment, not minutes. Like ScannerGV, it fills by the non-zero rule
// only.
type boxScanner struct {
	dst      *image.RGBA
	area     int64 // pixels still to draw
	points   int64 // points still to take
	src      image.Image
	clip     image.Rectangle
	ops      []pathOp // the path
	min, max fixed.Point26_6
	z        vector.Rasterizer
}

// pathOp is a point of a path: where it starts (move), or the end of a
// line.
type pathOp struct {
	p    fixed.Point26_6
	move bool
}

// funcImage is a picture whose colour at each point a function gives:
// a gradient.
type funcImage struct{ f rasterx.ColorFunc }

func (f funcImage) ColorModel() color.Model { return color.RGBAModel }
func (f funcImage) Bounds() image.Rectangle {
	return image.Rect(-1e9, -1e9, 1e9, 1e9)
}
func (f funcImage) At(x, y int) color.Color { return f.f(x, y) }

func (s *boxScanner) Start(a fixed.Point26_6) { s.add(a, true) }

func (s *boxScanner) Line(b fixed.Point26_6) { s.add(b, false) }

func (s *boxScanner) add(p fixed.Point26_6, move bool) {
	if s.points--; s.points < 0 {
		panic(errTooMuch)
	}
	if len(s.ops) == 0 {
		s.min, s.max = p, p
	}
	s.min.X, s.min.Y = min(s.min.X, p.X), min(s.min.Y, p.Y)
	s.max.X, s.max.Y = max(s.max.X, p.X), max(s.max.Y, p.Y)
	s.ops = append(s.ops, pathOp{p, move})
}

func (s *boxScanner) GetPathExtent() fixed.Rectangle26_6 {
	return fixed.Rectangle26_6{Min: s.min, Max: s.max}
}

func (s *boxScanner) SetBounds(w, h int)        {}
func (s *boxScanner) SetWinding(bool)           {}
func (s *boxScanner) SetClip(r image.Rectangle) { s.clip = r }

func (s *boxScanner) SetColor(c interface{}) {
	switch c := c.(type) {
	case color.Color:
		s.src = image.NewUniform(c)
	case rasterx.ColorFunc:
		s.src = funcImage{c}
	}
}

func (s *boxScanner) Clear() {
	s.ops = s.ops[:0]
}

func (s *boxScanner) Draw() {
	if len(s.ops) == 0 || s.src == nil {
		return
	}
	box := image.Rect(s.min.X.Floor(), s.min.Y.Floor(), s.max.X.Ceil()+1, s.max.Y.Ceil()+1).Intersect(s.dst.Rect)
	if s.clip != (image.Rectangle{}) {
		box = box.Intersect(s.clip)
	}
	if box.Empty() {
		return
	}
	if s.area -= int64(box.Dx()) * int64(box.Dy()); s.area < 0 {
		panic(errTooMuch)
	}
	s.z.Reset(box.Dx(), box.Dy())
	c := clipper{z: &s.z, w: float64(box.Dx()), h: float64(box.Dy())}
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, op := range s.ops {
		x, y := float64(op.p.X)/64-ox, float64(op.p.Y)/64-oy
		if op.move {
			c.x, c.y = x, y
		} else {
			c.line(x, y)
		}
	}
	s.z.Draw(s.dst, box, s.src, box.Min)
}

// A clipper passes the lines of a path to a vector.Rasterizer of size
// w × h, cut to it: the rasterizer walks every row and column a line
// crosses, also outside its bounds, so a line a million pixels long
// would take a million steps. What lies above or below adds nothing and
// is dropped; what lies left or right adds its height to the first or
// last column, as a vertical line on the edge, which is what the
// rasterizer makes of it.
type clipper struct {
	z      *vector.Rasterizer
	w, h   float64
	x, y   float64 // the pen of the path
	zx, zy float32 // the pen of the rasterizer
	drawn  bool
}

func (c *clipper) line(bx, by float64) {
	ax, ay := c.x, c.y
	c.x, c.y = bx, by
	dy := by - ay
	if dy == 0 {
		return // a horizontal line adds nothing
	}
	t0, t1 := (0-ay)/dy, (c.h-ay)/dy
	if t0 > t1 {
		t0, t1 = t1, t0
	}
	t0, t1 = max(t0, 0), min(t1, 1)
	if t0 >= t1 {
		return
	}
	ts := []float64{t0}
	dx := bx - ax
	if dx != 0 {
		e0, e1 := (0-ax)/dx, (c.w-ax)/dx
		if e0 > e1 {
			e0, e1 = e1, e0
		}
		if e0 > t0 && e0 < t1 {
			ts = append(ts, e0)
		}
		if e1 > t0 && e1 < t1 {
			ts = append(ts, e1)
		}
	}
	ts = append(ts, t1)
	for i := 0; i+1 < len(ts); i++ {
		ta, tb := ts[i], ts[i+1]
		xa, ya := ax+ta*dx, ay+ta*dy
		xb, yb := ax+tb*dx, ay+tb*dy
		switch mid := ax + (ta+tb)/2*dx; {
		case mid < 0:
			xa, xb = 0, 0
		case mid > c.w:
			xa, xb = c.w, c.w
		}
		c.emit(float32(xa), float32(ya), float32(xb), float32(yb))
	}
}

func (c *clipper) emit(xa, ya, xb, yb float32) {
	if !c.drawn || xa != c.zx || ya != c.zy {
		c.z.MoveTo(xa, ya)
	}
	c.z.LineTo(xb, yb)
	c.zx, c.zy, c.drawn = xb, yb, true
}
