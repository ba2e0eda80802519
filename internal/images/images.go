// Package images reads and checks the pictures of a handbook and makes
// what the outputs need of them: the file with a hash in its name,
// smaller copies for srcset, and what a PDF can embed.
//
// handbuch takes four formats: PNG, JPEG, WebP and SVG. [Read] checks
// a file once, by its content, and refuses what a browser or a PDF
// could not show or should not be given: a file that is not what its
// extension says, a truncated or corrupt picture, a decompression bomb,
// an SVG that runs scripts or loads anything from elsewhere.
// [Variants] makes the copies for srcset, [ForPDF] what the PDF embeds.
//
// Every error is German and says what to do; it does not name the file
// or the position, which the caller puts in front, and it ends without
// a full stop, so that the caller may add one. (Errors of
// [source.Read], which Read passes on, end with one.)
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"golang.org/x/image/webp"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/source"
)

// MaxFileSize is the largest image file handbuch reads: a photo for a
// screen or a flyer needs far less.
const MaxFileSize = 10 << 20

// MaxSide is the largest width or height of a picture handbuch reads,
// in pixels, and MaxPixels the largest number of pixels. A picture of
// 40 megapixels, decoded, takes 160 MB of memory (320 MB with 16 bits
// a channel); a bigger one is almost always a mistake or a
// decompression bomb (a small file that claims a huge size).
const (
	MaxSide   = 16384
	MaxPixels = 40_000_000
)

// The formats handbuch takes, as book.Image.Format names them.
const (
	formatPNG  = "png"
	formatJPEG = "jpeg"
	formatWebP = "webp"
	formatSVG  = "svg"
)

// formats maps a file extension to the format it promises.
var formats = map[string]string{
	".png":  formatPNG,
	".jpg":  formatJPEG,
	".jpeg": formatJPEG,
	".webp": formatWebP,
	".svg":  formatSVG,
}

// outputExt is the extension of an output file of each format: one per
// format, so .jpeg becomes .jpg.
var outputExt = map[string]string{
	formatPNG:  ".png",
	formatJPEG: ".jpg",
	formatWebP: ".webp",
	formatSVG:  ".svg",
}

// shown is how a message names a format, also those handbuch does not
// take but recognises, to say what a file is.
var shown = map[string]string{
	formatPNG:  "PNG",
	formatJPEG: "JPEG",
	formatWebP: "WebP",
	formatSVG:  "SVG",
	"gif":      "GIF",
	"bmp":      "BMP",
	"tiff":     "TIFF",
	"heic":     "HEIC",
	"avif":     "AVIF",
	"pdf":      "PDF",
	"gzip":     "gzip",
}

// Read reads the image file name of fsys and checks it: that it is at
// most [MaxFileSize] bytes, that its content is the format its
// extension says, that it is whole, and, for a raster image, that it
// is at most [MaxSide] pixels wide and high and at most [MaxPixels]
// big (checked from the header, before decoding). A raster image is
// decoded once, so that a truncated or corrupt file is an error here
// and not in an output; the decoded pixels are not kept.
//
// An SVG is checked by [checkSVG] and then taken as it is: "sanitised"
// here means refused unless safe, never changed. It must have a size:
// width and height in pixels, or a viewBox.
//
// Width and Height are the size the picture is shown at: for a JPEG
// whose EXIF data says it is turned (a photo taken upright), the size
// after turning, as browsers show it. Name is the output file name, see
// [outputName].
func Read(fsys fs.FS, name string) (*book.Image, error) {
	format, ok := formats[strings.ToLower(path.Ext(name))]
	if !ok {
		return nil, fmt.Errorf("hat kein Bildformat, das handbuch kennt. Erlaubt sind PNG, JPEG, WebP und SVG (.png, .jpg, .jpeg, .webp, .svg)")
	}
	data, err := source.Read(fsys, name, MaxFileSize)
	if err != nil {
		return nil, err
	}
	img, err := check(format, data)
	if err != nil {
		return nil, err
	}
	img.File = name
	img.Name = outputName(name, data, format)
	return img, nil
}

// Known reports whether name has the extension of an image format
// handbuch reads.
func Known(name string) bool {
	_, ok := formats[strings.ToLower(path.Ext(name))]
	return ok
}

// check checks data, the content of a file whose extension promises
// format, and returns the image without File and Name.
func check(format string, data []byte) (*book.Image, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("ist leer (0 Byte). Speichern Sie das Bild neu")
	}
	got := sniff(data)
	switch {
	case got == format:
	case got == "" && format == formatSVG:
		// checkSVG says what is wrong: no XML, or not an SVG.
	case got == "":
		return nil, fmt.Errorf("ist keine %s-Datei, wie die Endung sagt. Speichern Sie das Bild in Ihrem Bildprogramm als %s", shown[format], shown[format])
	case got == "gzip" && format == formatSVG:
		return nil, fmt.Errorf("ist mit gzip gepackt (ein SVGZ), die Endung sagt aber SVG. Speichern Sie die Zeichnung als unkomprimiertes SVG")
	case outputExt[got] != "":
		return nil, fmt.Errorf("ist eine %s-Datei, die Endung sagt aber %s. Geben Sie der Datei die richtige Endung", shown[got], shown[format])
	default:
		return nil, fmt.Errorf("ist eine %s-Datei, die Endung sagt aber %s. handbuch nimmt nur PNG, JPEG, WebP und SVG; speichern Sie das Bild in Ihrem Bildprogramm als %s", shown[got], shown[format], shown[format])
	}
	img := &book.Image{Format: format, Data: data}
	if format == formatSVG {
		info, err := checkSVG(data)
		if err != nil {
			return nil, err
		}
		img.Width, img.Height = info.width, info.height
		return img, nil
	}
	w, h, err := checkRaster(format, data)
	if err != nil {
		return nil, err
	}
	img.Width, img.Height = w, h
	return img, nil
}

// sniff says which format data is by its first bytes: one of the four
// formats handbuch takes, a format it recognises but does not take
// (gif, bmp, tiff, heic, avif, pdf, gzip), or "" for anything else.
func sniff(data []byte) string {
	has := func(prefix string) bool { return bytes.HasPrefix(data, []byte(prefix)) }
	switch {
	case has("\x89PNG\r\n\x1a\n"):
		return formatPNG
	case has("\xff\xd8\xff"):
		return formatJPEG
	case len(data) >= 12 && has("RIFF") && string(data[8:12]) == "WEBP":
		return formatWebP
	case has("GIF87a"), has("GIF89a"):
		return "gif"
	case len(data) >= 26 && has("BM"):
		return "bmp"
	case has("II*\x00"), has("MM\x00*"):
		return "tiff"
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "avif", "avis":
			return "avif"
		case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1":
			return "heic"
		}
	case has("%PDF-"):
		return "pdf"
	case has("\x1f\x8b"):
		return "gzip"
	case looksLikeSVG(data):
		return formatSVG
	}
	return ""
}

// checkRaster checks a PNG, JPEG or WebP file and returns the size it
// is shown at.
func checkRaster(format string, data []byte) (width, height int, err error) {
	if format == formatPNG && len(data) >= 24 && string(data[12:16]) == "IHDR" {
		// image/png refuses a size of 0 as a corrupt file; say what it is.
		w, h := be32(data[16:]), be32(data[20:])
		if w == 0 || h == 0 {
			return 0, 0, errEmpty(int(w), int(h))
		}
	}
	if format == formatWebP && webpAnimated(data) {
		return 0, 0, fmt.Errorf("ist ein bewegtes WebP (eine Animation); handbuch zeigt nur Standbilder. Speichern Sie ein einzelnes Bild daraus als PNG oder WebP")
	}
	cfg, err := decodeConfig(format, data)
	if err != nil {
		return 0, 0, errDecode(format, err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return 0, 0, err
	}
	if _, err := decode(format, data); err != nil {
		return 0, 0, errDecode(format, err)
	}
	width, height = cfg.Width, cfg.Height
	if format == formatJPEG && jpegMeta(data).orientation >= 5 {
		width, height = height, width
	}
	return width, height, nil
}

// checkSize refuses a picture of no pixels or of more than MaxSide or
// MaxPixels.
func checkSize(w, h int) error {
	switch {
	case w <= 0 || h <= 0:
		return errEmpty(w, h)
	case w > MaxSide || h > MaxSide:
		return fmt.Errorf("ist %d × %d Pixel groß; handbuch liest Bilder bis %d Pixel Breite und Höhe. Verkleinern Sie das Bild", w, h, MaxSide)
	case int64(w)*int64(h) > MaxPixels:
		mp := strconv.FormatFloat(float64(int64(w)*int64(h))/1e6, 'f', 1, 64)
		return fmt.Errorf("ist %d × %d Pixel groß (%s Megapixel); handbuch liest Bilder bis %d Megapixel. Verkleinern Sie das Bild", w, h, strings.Replace(mp, ".", ",", 1), MaxPixels/1_000_000)
	}
	return nil
}

func errEmpty(w, h int) error {
	return fmt.Errorf("hat keine Pixel (%d × %d). Speichern Sie das Bild neu", w, h)
}

// errDecode says why a decoder refused a file.
func errDecode(format string, err error) error {
	var pngErr png.UnsupportedError
	var jpegErr jpeg.UnsupportedError
	if errors.As(err, &pngErr) || errors.As(err, &jpegErr) {
		return fmt.Errorf("ist eine Art %s, die handbuch nicht lesen kann (%v). Speichern Sie das Bild in Ihrem Bildprogramm neu als gewöhnliches %s", shown[format], err, shown[format])
	}
	return fmt.Errorf("kann nicht gelesen werden: die Datei ist beschädigt (%v). Speichern Sie das Bild neu", err)
}

func decodeConfig(format string, data []byte) (image.Config, error) {
	r := bytes.NewReader(data)
	switch format {
	case formatPNG:
		return png.DecodeConfig(r)
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatWebP:
		return webp.DecodeConfig(r)
	}
	return image.Config{}, fmt.Errorf("kein Rasterformat: %s", format)
}

func decode(format string, data []byte) (image.Image, error) {
	r := bytes.NewReader(data)
	switch format {
	case formatPNG:
		return png.Decode(r)
	case formatJPEG:
		return jpeg.Decode(r)
	case formatWebP:
		return webp.Decode(r)
	}
	return nil, fmt.Errorf("kein Rasterformat: %s", format)
}

// webpAnimated reports a WebP whose VP8X header says it is animated:
// x/image/webp cannot decode it and would only call it invalid.
func webpAnimated(data []byte) bool {
	return len(data) >= 21 && string(data[12:16]) == "VP8X" && data[20]&0x02 != 0
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

// maxSlug is the longest slug of an output name, so that the name
// (slug, hash, size suffix, extension) stays far below the 255 bytes a
// file system allows.
const maxSlug = 80

// outputName is the output file name of the file name with content
// data: its base name without extension made a safe slug (lower-case
// ASCII letters, digits and hyphens: ä → ae, ö → oe, ü → ue, ß → ss,
// other accents dropped, every run of other characters one hyphen, at
// most 80 characters, "bild" if nothing is left), a dot, the first
// eight hex digits of the SHA-256 of data, and the extension of the
// format in lower case: .png, .jpg (also for .jpeg), .webp or .svg.
// For example, "Fünf Schritte.JPEG" becomes fuenf-schritte.3f2a9c1b.jpg.
func outputName(name string, data []byte, format string) string {
	sum := sha256.Sum256(data)
	base := path.Base(name)
	base = strings.TrimSuffix(base, path.Ext(base))
	// book.Slug falls back to "abschnitt" for a name with nothing to
	// keep; with a letter in front, it returns "b" for such a name and
	// "b-" and the slug otherwise.
	slug := strings.TrimPrefix(book.Slug("b "+base), "b")
	slug = strings.TrimPrefix(slug, "-")
	if len(slug) > maxSlug {
		slug = strings.TrimRight(slug[:maxSlug], "-")
	}
	if slug == "" {
		slug = "bild"
	}
	return slug + "." + hex.EncodeToString(sum[:4]) + outputExt[format]
}
