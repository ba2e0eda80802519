package images

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
)

// jpegInfo is what handbuch needs of a JPEG's markers beyond its size.
type jpegInfo struct {
	// orientation is the EXIF orientation, 1 to 8; 1 (upright) if the
	// file has none or an invalid one.
	orientation int
	// adobe reports an Adobe APP14 marker. A four-channel (CMYK or
	// YCCK) JPEG with one stores inverted ink values, which is what
	// fpdf assumes; image/jpeg refuses one without.
	adobe bool
}

// jpegMeta reads the markers of a JPEG before its image data.
func jpegMeta(data []byte) jpegInfo {
	info := jpegInfo{orientation: 1}
	if len(data) < 2 || data[0] != 0xff || data[1] != 0xd8 {
		return info
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			return info
		}
		marker := data[i+1]
		switch {
		case marker == 0xff: // fill byte
			i++
			continue
		case marker == 0x01 || marker >= 0xd0 && marker <= 0xd8:
			i += 2 // markers without a length
			continue
		case marker == 0xda || marker == 0xd9: // start of scan, end
			return info
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return info
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xe1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00":
			if o := exifOrientation(seg[6:]); o >= 1 && o <= 8 {
				info.orientation = o
			}
		case marker == 0xee && len(seg) >= 5 && string(seg[:5]) == "Adobe":
			info.adobe = true
		}
		i += 2 + n
	}
	return info
}

// exifOrientation returns the Orientation tag (0x0112) of the first
// IFD of the TIFF structure of EXIF data, or 0.
func exifOrientation(tiff []byte) int {
	if len(tiff) < 8 {
		return 0
	}
	var order binary.ByteOrder
	switch string(tiff[:4]) {
	case "II*\x00":
		order = binary.LittleEndian
	case "MM\x00*":
		order = binary.BigEndian
	default:
		return 0
	}
	ifd := int64(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > int64(len(tiff)) {
		return 0
	}
	n := int64(order.Uint16(tiff[ifd:]))
	for k := int64(0); k < n; k++ {
		e := ifd + 2 + 12*k
		if e+12 > int64(len(tiff)) {
			return 0
		}
		tag, typ, count := order.Uint16(tiff[e:]), order.Uint16(tiff[e+2:]), order.Uint32(tiff[e+4:])
		if tag == 0x0112 && typ == 3 && count == 1 {
			return int(order.Uint16(tiff[e+8:]))
		}
	}
	return 0
}

// toRGBA returns m as an *image.RGBA with its origin at 0, 0: m itself
// if it is one.
func toRGBA(m image.Image) *image.RGBA {
	if rgba, ok := m.(*image.RGBA); ok && rgba.Rect.Min == (image.Point{}) {
		return rgba
	}
	b := m.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, m, b.Min, draw.Src)
	return dst
}

// orient turns m as the EXIF orientation o says, into the picture as a
// browser shows it. Orientation 1 returns m.
func orient(m *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // turned by 180°
				sx, sy = w-1-x, h-1-y
			case 4: // upside down, mirrored
				sx, sy = x, h-1-y
			case 5: // mirrored along the main diagonal
				sx, sy = y, x
			case 6: // to be turned by 90° clockwise
				sx, sy = y, h-1-x
			case 7: // mirrored along the other diagonal
				sx, sy = w-1-y, h-1-x
			case 8: // to be turned by 90° counter-clockwise
				sx, sy = w-1-y, x
			}
			copy(dst.Pix[y*dst.Stride+4*x:y*dst.Stride+4*x+4], m.Pix[m.PixOffset(sx, sy):m.PixOffset(sx, sy)+4])
		}
	}
	return dst
}

// isGray reports a picture with only shades of grey by its type: a grey
// JPEG or PNG decodes to one.
func isGray(m image.Image) bool {
	switch m.(type) {
	case *image.Gray, *image.Gray16:
		return true
	}
	return false
}

// toGray returns m, whose red, green and blue are equal (a scaled grey
// picture), as an *image.Gray.
func toGray(m *image.RGBA) *image.Gray {
	g := image.NewGray(m.Rect)
	for i, j := 0, 0; i < len(m.Pix); i, j = i+4, j+1 {
		g.Pix[j] = m.Pix[i]
	}
	return g
}

// opaque reports whether every pixel of m is opaque.
func opaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := m.At(x, y).RGBA(); a != 0xffff {
				return false
			}
		}
	}
	return true
}

// halve returns m at half its width and height, each pixel the mean of
// four: a cheap and exact first step when shrinking a big picture much,
// so that the kernel of the second step works on less.
func halve(m *image.RGBA) *image.RGBA {
	w, h := m.Rect.Dx()/2, m.Rect.Dy()/2
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := m.Pix[(2*y)*m.Stride:]
		r1 := m.Pix[(2*y+1)*m.Stride:]
		d := dst.Pix[y*dst.Stride:]
		for x := 0; x < w; x++ {
			for c := 0; c < 4; c++ {
				i := 8*x + c
				sum := uint32(r0[i]) + uint32(r0[i+4]) + uint32(r1[i]) + uint32(r1[i+4])
				d[4*x+c] = uint8((sum + 2) / 4)
			}
		}
	}
	return dst
}

// eightBit returns m with 8 bits a channel, as the simplest type PNG
// writes as fpdf reads it: grey, an opaque palette, opaque RGB, or RGB
// with alpha.
func eightBit(m image.Image) image.Image {
	switch m := m.(type) {
	case *image.Gray:
		return m
	case *image.Gray16:
		g := image.NewGray(m.Rect)
		for y := m.Rect.Min.Y; y < m.Rect.Max.Y; y++ {
			for x := m.Rect.Min.X; x < m.Rect.Max.X; x++ {
				g.SetGray(x, y, color.Gray{Y: uint8(m.Gray16At(x, y).Y >> 8)})
			}
		}
		return g
	case *image.Paletted:
		if opaque(m) {
			return m
		}
	case *image.NRGBA:
		return m
	case *image.NRGBA64:
		n := image.NewNRGBA(image.Rect(0, 0, m.Rect.Dx(), m.Rect.Dy()))
		for y := 0; y < n.Rect.Dy(); y++ {
			src := m.Pix[y*m.Stride:]
			dst := n.Pix[y*n.Stride : (y+1)*n.Stride]
			for i := range dst {
				dst[i] = src[2*i] // the high byte
			}
		}
		return n
	}
	if opaque(m) {
		return toRGBA(m)
	}
	b := m.Bounds()
	n := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(n, n.Rect, m, b.Min, draw.Src)
	return n
}
