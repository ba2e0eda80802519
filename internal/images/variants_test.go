package images

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"
	"testing"
)

func TestVariants(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 1000, 10))
	for i := range gray.Pix {
		gray.Pix[i] = uint8(i)
	}
	tests := []struct {
		name   string
		data   []byte
		widths []int
		height []int // of each variant
		ext    string
		gray   bool
	}{
		{"breit.png", pngOf(t, picture(1600, 80, 128)), []int{480, 960, 1440}, []int{24, 48, 72}, ".png", false},
		{"foto.jpg", jpegOf(t, picture(1000, 100, 255)), []int{480, 960}, []int{48, 96}, ".jpg", false},
		{"grau.jpg", jpegOf(t, gray), []int{480, 960}, []int{5, 10}, ".jpg", true},
		{"grau.png", pngOf(t, gray), []int{480, 960}, []int{5, 10}, ".png", true},
		{"genau.png", pngOf(t, picture(1440, 10, 255)), []int{480, 960}, []int{3, 7}, ".png", false},
		{"schmal.png", pngOf(t, picture(480, 800, 255)), nil, nil, "", false},
		{"hoch.jpg", withEXIF(jpegOf(t, picture(100, 490, 255)), 6, "II"), []int{480}, []int{98}, ".jpg", false},
		{"lossless.webp", webpSolid(1000, 100, color.NRGBA{200, 100, 0, 255}, false), []int{480, 960}, []int{48, 96}, ".png", false},
		{"alpha.webp", webpSolid(600, 300, color.NRGBA{200, 100, 0, 100}, true), []int{480}, []int{240}, ".png", false},
		{"lossy.webp", testdata(t, "blue-purple-pink-large.no-filter.lossy.webp"), []int{480}, []int{320}, ".jpg", false},
		{"linie.png", pngOf(t, picture(3000, 1, 255)), []int{480, 960, 1440}, []int{1, 1, 1}, ".png", false},
		{"z.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="1000"/>`), nil, nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := mustRead(t, tt.name, tt.data)
			vs, err := Variants(img)
			if err != nil {
				t.Fatal(err)
			}
			if len(vs) != len(tt.widths) {
				t.Fatalf("%d variants, want %d", len(vs), len(tt.widths))
			}
			stem := strings.TrimSuffix(img.Name, img.Name[strings.LastIndexByte(img.Name, '.'):])
			for i, v := range vs {
				if v.Width != tt.widths[i] || v.Height != tt.height[i] {
					t.Errorf("variant %d: %d×%d, want %d×%d", i, v.Width, v.Height, tt.widths[i], tt.height[i])
				}
				if want := stem + "-" + strconv.Itoa(v.Width) + "w" + tt.ext; v.Name != want {
					t.Errorf("name %q, want %q", v.Name, want)
				}
				m, format, err := image.Decode(bytes.NewReader(v.Data))
				if err != nil {
					t.Fatal(err)
				}
				if "."+format != strings.Replace(tt.ext, "jpg", "jpeg", 1) {
					t.Errorf("variant %d is %s, want %s", i, format, tt.ext)
				}
				if m.Bounds().Dx() != v.Width || m.Bounds().Dy() != v.Height {
					t.Errorf("variant %d decodes to %v", i, m.Bounds())
				}
				if _, isGray := m.(*image.Gray); isGray != tt.gray {
					t.Errorf("variant %d: grey %v, want %v", i, isGray, tt.gray)
				}
			}
		})
	}
}

// TestVariantsDeterministic makes the variants twice, from pictures
// read twice, and compares the bytes.
func TestVariantsDeterministic(t *testing.T) {
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"x.png", pngOf(t, picture(1000, 40, 100))},
		{"x.jpg", jpegOf(t, picture(1000, 40, 255))},
		{"x.webp", testdata(t, "blue-purple-pink-large.no-filter.lossy.webp")},
	} {
		var runs [2][]byte
		for i := range runs {
			vs, err := Variants(mustRead(t, f.name, bytes.Clone(f.data)))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				runs[i] = append(append(runs[i], v.Name...), v.Data...)
			}
		}
		if len(runs[0]) == 0 || !bytes.Equal(runs[0], runs[1]) {
			t.Errorf("%s: variants differ between runs", f.name)
		}
	}
}

// TestVariantsContent checks that a variant shows the picture: turned as
// EXIF says, and with the colours in their places.
func TestVariantsContent(t *testing.T) {
	// Left half red, right half blue, to be turned clockwise: red on
	// top, blue below.
	m := image.NewRGBA(image.Rect(0, 0, 100, 500))
	for y := 0; y < 500; y++ {
		for x := 0; x < 100; x++ {
			c := color.RGBA{255, 0, 0, 255}
			if x >= 50 {
				c = color.RGBA{0, 0, 255, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	img := mustRead(t, "x.jpg", withEXIF(jpegOf(t, m), 6, "MM"))
	vs, err := Variants(img)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jpeg.Decode(bytes.NewReader(vs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	top, bottom := v.At(240, 20), v.At(240, 76)
	if r, _, b, _ := top.RGBA(); r < 0xc000 || b > 0x4000 {
		t.Errorf("top is %v, want red", top)
	}
	if r, _, b, _ := bottom.RGBA(); b < 0xc000 || r > 0x4000 {
		t.Errorf("bottom is %v, want blue", bottom)
	}
	// Transparency survives in a PNG.
	vs, err = Variants(mustRead(t, "x.png", pngOf(t, picture(1000, 100, 0))))
	if err != nil {
		t.Fatal(err)
	}
	p, err := png.Decode(bytes.NewReader(vs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := p.At(400, 20).RGBA(); a != 0 {
		t.Errorf("alpha %d on the transparent side", a)
	}
	if _, _, _, a := p.At(50, 20).RGBA(); a != 0xffff {
		t.Errorf("alpha %d on the opaque side", a)
	}
}

func TestHalve(t *testing.T) {
	m := image.NewRGBA(image.Rect(0, 0, 5, 3))
	for i := range m.Pix {
		m.Pix[i] = uint8(i * 3)
	}
	h := halve(m)
	if h.Rect.Dx() != 2 || h.Rect.Dy() != 1 {
		t.Fatalf("size %v", h.Rect)
	}
	// Pixel (1, 0) is the mean of (2, 0), (3, 0), (2, 1), (3, 1).
	for c := 0; c < 4; c++ {
		sum := int(m.Pix[8+c]) + int(m.Pix[12+c]) + int(m.Pix[m.Stride+8+c]) + int(m.Pix[m.Stride+12+c])
		if got := int(h.Pix[4+c]); got != (sum+2)/4 {
			t.Errorf("channel %d: %d, want %d", c, got, (sum+2)/4)
		}
	}
}
