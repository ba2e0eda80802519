package images

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
	"testing/fstest"

	"github.com/handbuch/handbuch/internal/book"
)

// readAs reads data as the file content/x/<name>.
func readAs(name string, data []byte) (*book.Image, error) {
	fsys := fstest.MapFS{"content/x/" + name: {Data: data}}
	return Read(fsys, "content/x/"+name)
}

// mustRead reads data as name and fails the test on an error.
func mustRead(t *testing.T, name string, data []byte) *book.Image {
	t.Helper()
	img, err := readAs(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return img
}

// picture is a w × h picture with a colour gradient, so that scaling
// and encoding have something to do; alpha below 255 makes it partly
// transparent.
func picture(w, h int, alpha uint8) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			a := uint8(255)
			if alpha < 255 && x > w/2 {
				a = alpha
			}
			m.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x + y) % 256), a})
		}
	}
	return m
}

func pngOf(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegOf(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// chunk is a PNG chunk with its length and CRC.
func chunk(typ string, body []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	out = append(out, typ...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), body...)))
}

// ihdr is the body of an IHDR chunk.
func ihdr(w, h uint32, depth, colorType, interlace byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, w)
	b = binary.BigEndian.AppendUint32(b, h)
	return append(b, depth, colorType, 0, 0, interlace)
}

func zlibOf(raw []byte) []byte {
	var buf bytes.Buffer
	z := zlib.NewWriter(&buf)
	z.Write(raw)
	z.Close()
	return buf.Bytes()
}

// pngChunks is a PNG of the chunks given, between the signature and IEND.
func pngChunks(chunks ...[]byte) []byte {
	out := []byte("\x89PNG\r\n\x1a\n")
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, chunk("IEND", nil)...)
}

// interlacedPNG encodes an opaque picture as an 8-bit RGB PNG with
// Adam7 interlacing, which image/png cannot write.
func interlacedPNG(m *image.NRGBA) []byte {
	w, h := m.Rect.Dx(), m.Rect.Dy()
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw []byte
	for _, p := range passes {
		if p[0] >= w || p[1] >= h {
			continue
		}
		for y := p[1]; y < h; y += p[3] {
			raw = append(raw, 0)
			for x := p[0]; x < w; x += p[2] {
				c := m.NRGBAAt(x, y)
				raw = append(raw, c.R, c.G, c.B)
			}
		}
	}
	return pngChunks(chunk("IHDR", ihdr(uint32(w), uint32(h), 8, 2, 1)), chunk("IDAT", zlibOf(raw)))
}

// bitWriter writes the bits of a lossless WebP, least significant first.
type bitWriter struct {
	buf   []byte
	acc   uint64
	nbits uint
}

func (b *bitWriter) write(v uint64, n uint) {
	b.acc |= v << b.nbits
	b.nbits += n
	for b.nbits >= 8 {
		b.buf = append(b.buf, byte(b.acc))
		b.acc >>= 8
		b.nbits -= 8
	}
}

func (b *bitWriter) bytes() []byte {
	if b.nbits > 0 {
		b.buf = append(b.buf, byte(b.acc))
	}
	return b.buf
}

// webpSolid is a lossless WebP of one colour, of any size: each of its
// five prefix codes has a single symbol, so the pixels take no bits and
// the file is a few dozen bytes.
func webpSolid(w, h int, c color.NRGBA, alpha bool) []byte {
	var b bitWriter
	b.write(uint64(w-1), 14)
	b.write(uint64(h-1), 14)
	if alpha {
		b.write(1, 1)
	} else {
		b.write(0, 1)
	}
	b.write(0, 3) // version
	b.write(0, 1) // no transform
	b.write(0, 1) // no colour cache
	b.write(0, 1) // no meta prefix codes
	for _, sym := range []uint8{c.G, c.R, c.B, c.A, 0} {
		b.write(1, 1) // simple code
		b.write(0, 1) // one symbol
		b.write(1, 1) // of 8 bits
		b.write(uint64(sym), 8)
	}
	payload := append([]byte{0x2f}, b.bytes()...)
	if len(payload)%2 == 1 {
		payload = append(payload, 0)
	}
	out := []byte("RIFF")
	out = binary.LittleEndian.AppendUint32(out, uint32(4+8+len(payload)))
	out = append(out, "WEBPVP8L"...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(payload)))
	return append(out, payload...)
}

// withEXIF inserts into a JPEG an EXIF segment with the orientation o,
// in the byte order given ("II" or "MM").
func withEXIF(jpg []byte, o uint16, order string) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	tiff := []byte("II*\x00")
	if order == "MM" {
		bo, tiff = binary.BigEndian, []byte("MM\x00*")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)      // one entry
	tiff = bo.AppendUint16(tiff, 0x0112) // Orientation
	tiff = bo.AppendUint16(tiff, 3)      // SHORT
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, o)
	tiff = append(tiff, 0, 0)
	tiff = bo.AppendUint32(tiff, 0) // no next IFD
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xff, 0xe1}
	app1 = binary.BigEndian.AppendUint16(app1, uint16(len(seg)+2))
	app1 = append(app1, seg...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	return append(out, jpg[2:]...)
}
