package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/color"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadFormats(t *testing.T) {
	gray16 := image.NewGray16(image.Rect(0, 0, 7, 5))
	paletted := image.NewPaletted(image.Rect(0, 0, 9, 4), color.Palette{color.Black, color.White})
	tests := []struct {
		name          string
		data          []byte
		format        string
		width, height int
		ext           string
	}{
		{"bild.png", pngOf(t, picture(30, 20, 128)), "png", 30, 20, ".png"},
		{"grau.png", pngOf(t, gray16), "png", 7, 5, ".png"},
		{"palette.PNG", pngOf(t, paletted), "png", 9, 4, ".png"},
		{"foto.jpg", jpegOf(t, picture(33, 17, 255)), "jpeg", 33, 17, ".jpg"},
		{"foto.jpeg", jpegOf(t, image.NewGray(image.Rect(0, 0, 8, 9))), "jpeg", 8, 9, ".jpg"},
		{"hoch.jpg", withEXIF(jpegOf(t, picture(40, 20, 255)), 6, "MM"), "jpeg", 20, 40, ".jpg"},
		{"kopf.jpg", withEXIF(jpegOf(t, picture(40, 20, 255)), 3, "II"), "jpeg", 40, 20, ".jpg"},
		{"flach.webp", webpSolid(700, 300, color.NRGBA{10, 20, 30, 255}, false), "webp", 700, 300, ".webp"},
		{"lossy.webp", testdata(t, "blue-purple-pink-large.no-filter.lossy.webp"), "webp", 600, 400, ".webp"},
		{"rose.webp", testdata(t, "yellow_rose.lossy-with-alpha.webp"), "webp", 400, 301, ".webp"},
		{"zeichnung.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"/>`), "svg", 40, 30, ".svg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustRead(t, tt.name, tt.data)
			if img.Format != tt.format || img.Width != tt.width || img.Height != tt.height {
				t.Errorf("got %s %d×%d, want %s %d×%d", img.Format, img.Width, img.Height, tt.format, tt.width, tt.height)
			}
			if !bytes.Equal(img.Data, tt.data) {
				t.Error("Data is not the file's bytes")
			}
			if img.File != "content/x/"+tt.name {
				t.Errorf("File = %q", img.File)
			}
			sum := sha256.Sum256(tt.data)
			if want := "." + hex.EncodeToString(sum[:4]) + tt.ext; !strings.HasSuffix(img.Name, want) {
				t.Errorf("Name = %q, want it to end in %q", img.Name, want)
			}
		})
	}
}

func TestReadRefuses(t *testing.T) {
	png := pngOf(t, picture(20, 10, 255))
	jpg := jpegOf(t, picture(20, 10, 255))
	webp := webpSolid(20, 10, color.NRGBA{1, 2, 3, 255}, false)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`)
	animated := []byte("RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00\x09\x00\x00\x09\x00\x00")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"x.gif", []byte("GIF89a"), "hat kein Bildformat, das handbuch kennt"},
		{"x", png, "hat kein Bildformat"},
		{"x.png", nil, "ist leer (0 Byte)"},
		{"x.png", jpg, "ist eine JPEG-Datei, die Endung sagt aber PNG. Geben Sie der Datei die richtige Endung"},
		{"x.jpg", png, "ist eine PNG-Datei, die Endung sagt aber JPEG"},
		{"x.webp", jpg, "ist eine JPEG-Datei, die Endung sagt aber WebP"},
		{"x.svg", png, "ist eine PNG-Datei, die Endung sagt aber SVG"},
		{"x.png", webp, "ist eine WebP-Datei, die Endung sagt aber PNG"},
		{"x.png", svg, "ist eine SVG-Datei, die Endung sagt aber PNG"},
		{"x.png", []byte("GIF89a\x01\x00\x01\x00"), "ist eine GIF-Datei, die Endung sagt aber PNG. handbuch nimmt nur PNG, JPEG, WebP und SVG; speichern Sie das Bild in Ihrem Bildprogramm als PNG"},
		{"x.jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), "ist eine HEIC-Datei, die Endung sagt aber JPEG"},
		{"x.webp", []byte("%PDF-1.7\n"), "ist eine PDF-Datei"},
		{"x.svg", []byte("\x1f\x8b\x08\x00"), "mit gzip gepackt"},
		{"x.png", []byte("Hallo, Welt"), "ist keine PNG-Datei, wie die Endung sagt. Speichern Sie das Bild in Ihrem Bildprogramm als PNG"},
		{"x.jpeg", []byte("Hallo, Welt"), "ist keine JPEG-Datei"},
		{"x.webp", []byte("RIFF\x00\x00\x00\x00AVI LIST"), "ist keine WebP-Datei"},
		{"x.svg", []byte("Hallo, Welt"), "ist keine SVG-Datei, wie die Endung sagt"},
		{"x.svg", []byte(`<?xml version="1.0"?><html><svg/></html>`), "ist keine SVG-Datei: das erste Element ist <html>, nicht <svg>"},
		{"x.png", png[:len(png)/2], "kann nicht gelesen werden: die Datei ist beschädigt"},
		{"x.png", png[:40], "beschädigt"},
		{"x.jpg", jpg[:len(jpg)/2], "beschädigt"},
		{"x.jpg", jpg[:3], "beschädigt"},
		{"x.webp", webp[:len(webp)-4], "beschädigt"},
		{"x.webp", animated, "ist ein bewegtes WebP"},
		{"x.png", append(bytes.Clone(png), make([]byte, MaxFileSize)...), "handbuch liest Dateien bis 10 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.want, func(t *testing.T) { wantReadError(t, tt.name, tt.data, tt.want) })
	}
}

// wantReadError reads data as the file name and wants an error that
// contains want, in the form of checkMessage.
func wantReadError(t *testing.T, name string, data []byte, want string) {
	t.Helper()
	_, err := readAs(name, data)
	if err == nil {
		t.Fatal("no error")
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q\nwant %q", err, want)
	}
	checkMessage(t, err)
}

// checkMessage checks the form of a message: no file name, no final
// full stop (but for those of source.Read).
func checkMessage(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, "content/x/") {
		t.Errorf("message names the file: %q", msg)
	}
	if strings.HasSuffix(msg, ".") && !strings.Contains(msg, "MB") {
		t.Errorf("message ends with a full stop: %q", msg)
	}
}

// TestReadSize refuses decompression bombs by their header, and
// pictures without pixels.
func TestReadSize(t *testing.T) {
	idat := chunk("IDAT", zlibOf([]byte{0, 0, 0, 0}))
	pngOfSize := func(w, h uint32) []byte { return pngChunks(chunk("IHDR", ihdr(w, h, 8, 2, 0)), idat) }
	jpegOfSize := func(w, h uint16) []byte {
		data := jpegOf(t, picture(8, 8, 255))
		i := bytes.Index(data, []byte{0xff, 0xc0})
		binary.BigEndian.PutUint16(data[i+5:], h)
		binary.BigEndian.PutUint16(data[i+7:], w)
		return data
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"x.png", pngOfSize(100000, 100000), "ist 100000 × 100000 Pixel groß; handbuch liest Bilder bis 16384 Pixel Breite und Höhe. Verkleinern Sie das Bild"},
		{"x.png", pngOfSize(16385, 1), "ist 16385 × 1 Pixel groß"},
		{"x.png", pngOfSize(8000, 6000), "ist 8000 × 6000 Pixel groß (48,0 Megapixel); handbuch liest Bilder bis 40 Megapixel. Verkleinern Sie das Bild"},
		{"x.jpg", jpegOfSize(60000, 60000), "ist 60000 × 60000 Pixel groß"},
		{"x.png", pngOfSize(0, 0), "hat keine Pixel (0 × 0). Speichern Sie das Bild neu"},
		{"x.png", pngOfSize(5, 0), "hat keine Pixel (5 × 0)"},
		{"x.jpg", jpegOfSize(8, 0), "keine Pixel"},
		{"x.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10"/>`), "ist als SVG 20000 × 10 Pixel groß; handbuch nimmt SVGs bis 16384"},
		{"x.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e300 1"/>`), "ist als SVG 1e+300 × 1 Pixel groß"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) { wantReadError(t, tt.name, tt.data, tt.want) })
	}
	// Just below the limits.
	mustRead(t, "x.png", pngOf(t, image.NewGray(image.Rect(0, 0, MaxSide, 1))))
}

func TestOutputName(t *testing.T) {
	data := []byte("bild")
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:4])
	tests := []struct{ file, format, want string }{
		{"content/x/Fünf Schritte.png", "png", "fuenf-schritte"},
		{"Größe ÄÖÜ.JPEG", "jpeg", "groesse-aeoeue"},
		{"café crème.svg", "svg", "cafe-creme"},
		{"a  b__c.webp", "webp", "a-b-c"},
		{"..bild.png", "png", "bild"},
		{".png", "png", "bild"},
		{"...png", "png", "bild"},
		{"___.png", "png", "bild"},
		{"日本.png", "png", "bild"},
		{"-Rand-.png", "png", "rand"},
		{"Abschnitt.png", "png", "abschnitt"},
		{"b.png", "png", "b"},
		{strings.Repeat("ä", 200) + ".png", "png", strings.Repeat("ae", 40)},
	}
	for _, tt := range tests {
		got := outputName(tt.file, data, tt.format)
		if want := tt.want + "." + hash + outputExt[tt.format]; got != want {
			t.Errorf("outputName(%q) = %q, want %q", tt.file, got, want)
		}
		if !regexp.MustCompile(`^[a-z0-9][a-z0-9-]*\.[0-9a-f]{8}\.(png|jpg|webp|svg)$`).MatchString(got) {
			t.Errorf("outputName(%q) = %q is no safe name", tt.file, got)
		}
	}
}

func TestOrient(t *testing.T) {
	const w, h = 4, 3
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	m.Set(0, 0, color.RGBA{255, 0, 0, 255})
	m.Set(1, 0, color.RGBA{0, 255, 0, 255})
	// Where the pixels (0, 0) and (1, 0) end up, by the EXIF meaning.
	want := map[int][2]image.Point{
		1: {{0, 0}, {1, 0}},
		2: {{w - 1, 0}, {w - 2, 0}},
		3: {{w - 1, h - 1}, {w - 2, h - 1}},
		4: {{0, h - 1}, {1, h - 1}},
		5: {{0, 0}, {0, 1}},
		6: {{h - 1, 0}, {h - 1, 1}},
		7: {{h - 1, w - 1}, {h - 1, w - 2}},
		8: {{0, w - 1}, {0, w - 2}},
	}
	for o, at := range want {
		got := orient(m, o)
		if o >= 5 && (got.Rect.Dx() != h || got.Rect.Dy() != w) {
			t.Errorf("orientation %d: size %v", o, got.Rect)
		}
		if got.RGBAAt(at[0].X, at[0].Y).R != 255 || got.RGBAAt(at[1].X, at[1].Y).G != 255 {
			t.Errorf("orientation %d: pixels not at %v", o, at)
		}
	}
}

func TestJPEGMeta(t *testing.T) {
	jpg := jpegOf(t, picture(8, 8, 255))
	for _, order := range []string{"II", "MM"} {
		for o := uint16(1); o <= 8; o++ {
			if got := jpegMeta(withEXIF(jpg, o, order)).orientation; got != int(o) {
				t.Errorf("%s %d: orientation %d", order, o, got)
			}
		}
		if got := jpegMeta(withEXIF(jpg, 9, order)).orientation; got != 1 {
			t.Errorf("invalid orientation read as %d", got)
		}
	}
	if m := jpegMeta(jpg); m.orientation != 1 || m.adobe {
		t.Errorf("plain JPEG: %+v", m)
	}
	// Cut EXIF at every length: never a panic.
	full := withEXIF(jpg, 6, "II")
	for n := 0; n < 60; n++ {
		jpegMeta(full[:n])
	}
}

// TestReadFolder reads through fs.FS rules: a path that is not valid is
// an error of source.Read.
func TestReadFolder(t *testing.T) {
	fsys := fstest.MapFS{"content/bild.png": {Data: pngOf(t, picture(4, 4, 255))}}
	if _, err := Read(fsys, "content/fehlt.png"); err == nil || !strings.Contains(err.Error(), "gibt es nicht") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Read(fsys, "content/bild.png"); err != nil {
		t.Error(err)
	}
}
