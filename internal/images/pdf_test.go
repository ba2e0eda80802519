package images

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// fpdfAccepts registers data as an image of type typ in an fpdf
// document, puts it on a page and writes the document.
func fpdfAccepts(t *testing.T, data []byte, typ string) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("fpdf panics: %v", p)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	opts := fpdf.ImageOptions{ImageType: typ}
	pdf.RegisterImageOptionsReader("bild", opts, bytes.NewReader(data))
	pdf.ImageOptions("bild", 10, 10, 100, 0, false, opts, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	if err := pdf.Error(); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	if buf.Len() == 0 {
		t.Fatal("fpdf wrote nothing")
	}
}

// pngHeader returns bit depth, colour type and interlace method of a PNG.
func pngHeader(data []byte) (depth, colorType, interlace byte) {
	return data[24], data[25], data[28]
}

func TestForPDF(t *testing.T) {
	opaquePal := image.NewPaletted(image.Rect(0, 0, 20, 10), color.Palette{color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255}})
	keyPal := image.NewPaletted(image.Rect(0, 0, 20, 10), color.Palette{color.RGBA{255, 0, 0, 255}, color.RGBA{}, color.RGBA{0, 0, 255, 255}})
	alphaPal := image.NewPaletted(image.Rect(0, 0, 20, 10), color.Palette{color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 0, 255, 128}, color.NRGBA{}})
	for i := range alphaPal.Pix {
		keyPal.Pix[i] = uint8(i % 3)
		alphaPal.Pix[i] = uint8(i % 3)
	}
	rgb16 := image.NewRGBA64(image.Rect(0, 0, 12, 9))
	nrgba16 := image.NewNRGBA64(image.Rect(0, 0, 12, 9))
	gray16 := image.NewGray16(image.Rect(0, 0, 12, 9))
	for y := 0; y < 9; y++ {
		for x := 0; x < 12; x++ {
			v := uint16(x * 5000)
			rgb16.SetRGBA64(x, y, color.RGBA64{v, 0, 0xffff - v, 0xffff})
			nrgba16.SetNRGBA64(x, y, color.NRGBA64{v, v, 0, uint16(y * 7000)})
			gray16.SetGray16(x, y, color.Gray16{v})
		}
	}
	body := pngOf(t, picture(16, 8, 100))
	var idat []byte // the IDAT chunk of body
	for i := 8; i < len(body); {
		n := int(be32(body[i:]))
		if string(body[i+4:i+8]) == "IDAT" {
			idat = body[i : i+12+n]
		}
		i += 12 + n
	}
	head := chunk("IHDR", ihdr(16, 8, 8, 6, 0))
	tests := []struct {
		name string
		data []byte
		typ  string
		same bool // embedded as it is
		w, h int
	}{
		{"rgb.png", pngOf(t, picture(30, 20, 255)), "PNG", true, 30, 20},
		{"rgba.png", pngOf(t, picture(30, 20, 100)), "PNG", true, 30, 20},
		{"gray.png", pngOf(t, image.NewGray(image.Rect(0, 0, 5, 5))), "PNG", true, 5, 5},
		{"pal.png", pngOf(t, opaquePal), "PNG", true, 20, 10},
		{"colour-key.png", pngOf(t, keyPal), "PNG", true, 20, 10},
		{"pal-alpha.png", pngOf(t, alphaPal), "PNG", false, 20, 10},
		{"rgb16.png", pngOf(t, rgb16), "PNG", false, 12, 9},
		{"rgba16.png", pngOf(t, nrgba16), "PNG", false, 12, 9},
		{"gray16.png", pngOf(t, gray16), "PNG", false, 12, 9},
		{"interlaced.png", interlacedPNG(picture(13, 11, 255)), "PNG", false, 13, 11},
		{"empty-chunk.png", pngChunks(head, chunk("prVt", nil), idat), "PNG", false, 16, 8},
		{"short-phys.png", pngChunks(head, chunk("pHYs", []byte{0, 0, 0, 1}), idat), "PNG", false, 16, 8},
		{"foto.jpg", jpegOf(t, picture(30, 20, 255)), "JPG", true, 30, 20},
		{"grau.jpg", jpegOf(t, image.NewGray(image.Rect(0, 0, 30, 20))), "JPG", true, 30, 20},
		{"cmyk.jpg", testdata(t, "video-001.cmyk.jpeg"), "JPG", true, 150, 103},
		{"progressiv.jpg", testdata(t, "video-001.q50.420.progressive.jpeg"), "JPG", true, 150, 103},
		{"rgb.jpg", testdata(t, "video-001.rgb.jpeg"), "JPG", false, 150, 103},
		{"hoch.jpg", withEXIF(jpegOf(t, picture(30, 20, 255)), 8, "II"), "JPG", false, 20, 30},
		{"grau-hoch.jpg", withEXIF(jpegOf(t, image.NewGray(image.Rect(0, 0, 30, 20))), 5, "II"), "JPG", false, 20, 30},
		{"lossless.webp", webpSolid(40, 30, color.NRGBA{1, 2, 3, 255}, false), "PNG", false, 40, 30},
		{"alpha.webp", testdata(t, "gopher-doc.with-alpha.lossless.webp"), "PNG", false, 75, 100},
		{"lossy.webp", testdata(t, "blue-purple-pink-large.no-filter.lossy.webp"), "JPG", false, 600, 400},
		{"rose.webp", testdata(t, "yellow_rose.lossy-with-alpha.webp"), "PNG", false, 400, 301},
		{"zeichnung.svg", svgDoc(`<rect width="50" height="50" fill="red"/>`), "PNG", false, 1200, 600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustRead(t, tt.name, tt.data)
			data, typ, err := ForPDF(img)
			if err != nil {
				t.Fatal(err)
			}
			if typ != tt.typ {
				t.Errorf("type %q, want %q", typ, tt.typ)
			}
			if same := bytes.Equal(data, img.Data); same != tt.same {
				t.Errorf("embedded as it is: %v, want %v", same, tt.same)
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Width != tt.w || cfg.Height != tt.h {
				t.Errorf("%d×%d, want %d×%d", cfg.Width, cfg.Height, tt.w, tt.h)
			}
			if typ == "PNG" {
				if depth, _, interlace := pngHeader(data); depth > 8 || interlace != 0 {
					t.Errorf("depth %d, interlace %d", depth, interlace)
				}
				if !pngFitsFPDF(data) {
					t.Error("the PNG does not fit fpdf")
				}
			}
			if !tt.same && tt.w < 100 { // the big ones take long
				again, _, _ := ForPDF(img)
				if !bytes.Equal(again, data) {
					t.Error("bytes differ between runs")
				}
			}
			fpdfAccepts(t, data, typ)
		})
	}
}

// TestForPDFPixels checks that re-encoding keeps what the picture shows.
func TestForPDFPixels(t *testing.T) {
	m := image.NewNRGBA64(image.Rect(0, 0, 4, 2))
	m.SetNRGBA64(0, 0, color.NRGBA64{0xffff, 0, 0, 0x8000})
	m.SetNRGBA64(3, 1, color.NRGBA64{0, 0, 0xffff, 0xffff})
	data, _, err := ForPDF(mustRead(t, "x.png", pngOf(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	if depth, ct, _ := pngHeader(data); depth != 8 || ct != 6 {
		t.Errorf("depth %d, colour type %d, want 8-bit RGBA", depth, ct)
	}
	p, _ := png.Decode(bytes.NewReader(data))
	if c := color.NRGBAModel.Convert(p.At(0, 0)).(color.NRGBA); c != (color.NRGBA{255, 0, 0, 128}) {
		t.Errorf("pixel 0,0 = %v", c)
	}
	if c := color.NRGBAModel.Convert(p.At(3, 1)).(color.NRGBA); c != (color.NRGBA{0, 0, 255, 255}) {
		t.Errorf("pixel 3,1 = %v", c)
	}
	// A palette with partial transparency becomes RGBA with alpha.
	pal := image.NewPaletted(image.Rect(0, 0, 2, 1), color.Palette{color.NRGBA{255, 0, 0, 255}, color.NRGBA{0, 255, 0, 64}})
	pal.Pix[1] = 1
	data, _, err = ForPDF(mustRead(t, "x.png", pngOf(t, pal)))
	if err != nil {
		t.Fatal(err)
	}
	p, _ = png.Decode(bytes.NewReader(data))
	if c := color.NRGBAModel.Convert(p.At(1, 0)).(color.NRGBA); c != (color.NRGBA{0, 255, 0, 64}) {
		t.Errorf("palette pixel = %v", c)
	}
	// A JPEG to be turned clockwise: its left column becomes the top row.
	src := image.NewRGBA(image.Rect(0, 0, 64, 32))
	for y := 0; y < 32; y++ {
		for x := 0; x < 64; x++ {
			if x < 32 {
				src.SetRGBA(x, y, color.RGBA{255, 0, 0, 255})
			} else {
				src.SetRGBA(x, y, color.RGBA{0, 0, 255, 255})
			}
		}
	}
	data, _, err = ForPDF(mustRead(t, "x.jpg", withEXIF(jpegOf(t, src), 6, "II")))
	if err != nil {
		t.Fatal(err)
	}
	j, _ := jpeg.Decode(bytes.NewReader(data))
	if r, _, b, _ := j.At(16, 8).RGBA(); r < 0xc000 || b > 0x4000 {
		t.Errorf("top is not red: %v", j.At(16, 8))
	}
}

func TestForPDFSVG(t *testing.T) {
	draw := func(t *testing.T, doc []byte) image.Image {
		t.Helper()
		data, typ, err := ForPDF(mustRead(t, "x.svg", doc))
		if err != nil {
			t.Fatal(err)
		}
		if typ != "PNG" {
			t.Fatalf("type %s", typ)
		}
		m, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	alphaAt := func(m image.Image, x, y int) uint32 { _, _, _, a := m.At(x, y).RGBA(); return a >> 8 }

	// The viewBox maps onto the picture: a red square on the left half,
	// a gap, transparent elsewhere.
	m := draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="100 100 100 10"><rect x="100" y="100" width="50" height="10" fill="red"/></svg>`))
	if m.Bounds().Dx() != 1200 || m.Bounds().Dy() != 120 {
		t.Fatalf("size %v", m.Bounds())
	}
	if r, g, _, a := m.At(300, 60).RGBA(); r>>8 != 255 || g != 0 || a>>8 != 255 {
		t.Errorf("left half is %v, want red", m.At(300, 60))
	}
	if a := alphaAt(m, 900, 60); a != 0 {
		t.Errorf("right half has alpha %d, want transparent", a)
	}
	// preserveAspectRatio meets in the middle: a 10 × 10 drawing in a
	// 400 × 40 picture, 1200 × 120 pixels, is 120 pixels wide.
	m = draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00f"/></svg>`))
	if alphaAt(m, 530, 60) != 0 || alphaAt(m, 670, 60) != 0 || alphaAt(m, 600, 60) != 255 {
		t.Errorf("not centred: %d %d %d", alphaAt(m, 530, 60), alphaAt(m, 670, 60), alphaAt(m, 600, 60))
	}
	// "none" stretches, "xMinYMin slice" fills from the top left.
	m = draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" viewBox="0 0 10 10" preserveAspectRatio="none"><rect width="10" height="10" fill="#00f"/></svg>`))
	if alphaAt(m, 100, 60) != 255 {
		t.Error("not stretched")
	}
	m = draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" viewBox="0 0 10 10" preserveAspectRatio="xMinYMin slice"><rect width="1" height="10" fill="#00f"/></svg>`))
	if alphaAt(m, 100, 60) != 255 || alphaAt(m, 130, 60) != 0 {
		t.Errorf("slice: %d %d", alphaAt(m, 100, 60), alphaAt(m, 130, 60))
	}
	// Strokes scale with the viewBox: 1 of 10 units is 120 pixels.
	m = draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 2"><line x1="0" y1="1" x2="10" y2="1" stroke="currentColor" stroke-width="1"/></svg>`))
	if alphaAt(m, 600, 120-50) != 255 || alphaAt(m, 600, 120+50) != 255 || alphaAt(m, 600, 120-70) != 0 {
		t.Errorf("stroke: %d %d %d", alphaAt(m, 600, 70), alphaAt(m, 600, 170), alphaAt(m, 600, 50))
	}
	// Without stroke-width, a stroke is 1 wide, as SVG says; a dash
	// pattern shared by two paths is scaled once.
	m = draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 2"><g stroke="red" stroke-dasharray="2 2"><line x1="0" y1="1" x2="10" y2="1"/><line x1="0" y1="1" x2="10" y2="1"/></g></svg>`))
	if alphaAt(m, 120, 120+50) != 255 || alphaAt(m, 120, 120-70) != 0 {
		t.Errorf("default stroke: %d %d", alphaAt(m, 120, 170), alphaAt(m, 120, 50))
	}
	if alphaAt(m, 120, 120) != 255 || alphaAt(m, 360, 120) != 0 || alphaAt(m, 600, 120) != 255 {
		t.Errorf("dashes: %d %d %d", alphaAt(m, 120, 120), alphaAt(m, 360, 120), alphaAt(m, 600, 120))
	}
	// A tall drawing is at most MaxSide high.
	m = draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 100"/>`))
	if m.Bounds().Dx() != 164 || m.Bounds().Dy() != MaxSide {
		t.Errorf("tall: %v", m.Bounds())
	}
	// Fine dashes are drawn solid, not walked one by one; lines far
	// outside are cut, not walked.
	draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 10"><path d="M0 0 L1000000 1" stroke="black" stroke-dasharray="0.00001" stroke-dashoffset="1e9"/><path d="M-1e6 -1e6 L1e6 1e6 L-1e6 1e6 Z" stroke="red" stroke-dasharray="1 1"/></svg>`))
	// Many small paths take a moment.
	var many strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&many, `<rect x="%d" y="%d" width="1" height="1" fill="#%06x"/>`, i%100, i/100, i*4099)
	}
	draw(t, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 30">`+many.String()+`</svg>`))
}

func TestForPDFSVGRefuses(t *testing.T) {
	tests := []struct {
		body string
		is   error
		want string
	}{
		{`<text>Hallo</text>`, ErrSVGText, "enthält Text, den handbuch für das PDF nicht zeichnen kann: SVG mit Text. Wandeln Sie den Text in Ihrem Zeichenprogramm in Pfade um oder nehmen Sie ein PNG"},
		{`<image width="4" height="4" href="data:image/png;base64,` + b64(pngOf(t, picture(4, 4, 255))) + `"/>`, ErrSVGImage, "enthält ein eingebettetes Bild (<image>), das handbuch für das PDF nicht zeichnen kann"},
		{`<rect width="1" height="1" fill="rgba(0,0,0,0.5)"/>`, nil, "lässt sich für das PDF nicht zeichnen: der Zeichner für das PDF versteht eine Angabe darin nicht (param mismatch)"},
		{`<rect width="1" height="1" fill="hsl(1,,)"/>`, nil, "lässt sich für das PDF nicht zeichnen: der Zeichner für das PDF versteht eine Angabe darin nicht (runtime error"},
		{`<defs><rect id="r" width="1" height="1"/><use href="#r"/></defs><use href="#r"/>`, nil, "lässt sich für das PDF nicht zeichnen: der Zeichner für das PDF liest die Kopien (<use>) in <defs> anders"},
	}
	for _, tt := range tests {
		_, _, err := ForPDF(mustRead(t, "x.svg", svgDoc(tt.body)))
		if err == nil {
			t.Errorf("%.40s: no error", tt.body)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %q\nwant %q", err, tt.want)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%v is not %v", err, tt.is)
		}
		checkMessage(t, err)
	}
}

// TestForPDFSVGBudget stops drawing an SVG that would take too long.
func TestForPDFSVGBudget(t *testing.T) {
	defer func(a, p int64) { maxDrawnAreas, maxPoints = a, p }(maxDrawnAreas, maxPoints)
	many := svgDoc(strings.Repeat(`<rect width="100" height="50" fill="red"/>`, 20))
	long := svgDoc(`<path d="M0 0 C 1e3 1e3 -1e3 1e3 100 50" stroke="red"/>`)
	for _, tt := range []struct {
		doc           []byte
		areas, points int64
	}{
		{many, 10, 1e6},
		{long, 100, 100},
	} {
		img := mustRead(t, "x.svg", tt.doc)
		maxDrawnAreas, maxPoints = tt.areas, tt.points
		_, _, err := ForPDF(img)
		if err == nil || !strings.Contains(err.Error(), "ist für das PDF zu aufwendig zu zeichnen: es hat zu viele oder zu große Linien und Flächen. Vereinfachen Sie die Zeichnung oder nehmen Sie ein PNG") {
			t.Errorf("error %v", err)
		}
	}
}

func TestPNGFitsFPDF(t *testing.T) {
	head := func(ct byte) []byte { return chunk("IHDR", ihdr(2, 1, 8, ct, 0)) }
	idat := chunk("IDAT", zlibOf([]byte{0, 0, 0, 0, 0, 0, 0}))
	tests := []struct {
		data []byte
		want bool
	}{
		{pngChunks(head(2), idat), true},
		{pngChunks(head(0), chunk("tRNS", []byte{0, 7}), idat), true},
		{pngChunks(head(0), chunk("tRNS", []byte{0}), idat), false},
		{pngChunks(head(2), chunk("tRNS", []byte{0, 1, 0, 2, 0, 3}), idat), true},
		{pngChunks(head(3), chunk("PLTE", []byte{1, 2, 3, 4, 5, 6}), chunk("tRNS", []byte{255, 0}), idat), true},
		{pngChunks(head(3), chunk("PLTE", []byte{1, 2, 3, 4, 5, 6}), chunk("tRNS", []byte{0, 0}), idat), false},
		{pngChunks(head(3), chunk("PLTE", []byte{1, 2, 3, 4, 5, 6}), chunk("tRNS", []byte{128}), idat), false},
		{pngChunks(head(6), chunk("tRNS", []byte{0, 0}), idat), false},
		{pngChunks(head(2), chunk("pHYs", make([]byte, 9)), idat), true},
		{pngChunks(head(2), chunk("pHYs", make([]byte, 8)), idat), false},
		{pngChunks(head(2), chunk("IDAT", nil), idat), false},
		{pngChunks(chunk("IHDR", ihdr(2, 1, 16, 2, 0)), idat), false},
		{pngChunks(chunk("IHDR", ihdr(2, 1, 8, 2, 1)), idat), false},
		{pngChunks(head(2), idat)[:40], false},
		{[]byte("\x89PNG\r\n\x1a\n"), false},
	}
	for i, tt := range tests {
		if got := pngFitsFPDF(tt.data); got != tt.want {
			t.Errorf("case %d: %v, want %v", i, got, tt.want)
		}
	}
}

func b64(data []byte) string { return base64.StdEncoding.EncodeToString(data) }
