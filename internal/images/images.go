// Package images reads and checks the pictures of a handbook and makes
// what the outputs need of them: the file with a hash in its name,
// smaller copies for srcset, and what a PDF can embed.
//
// Every error is German and says what to do; it does not name the file
// or the position, which the caller puts in front.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the decoders DecodeConfig knows
	_ "image/png"
	"io/fs"
	"path"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/source"
)

// MaxFileSize is the largest image file handbuch reads: a photo for a
// screen or a flyer needs far less.
const MaxFileSize = 10 << 20

// Read reads the image file name of fsys and checks that it is what its
// extension says.
func Read(fsys fs.FS, name string) (*book.Image, error) {
	format, ok := formats[strings.ToLower(path.Ext(name))]
	if !ok {
		return nil, fmt.Errorf("hat kein Bildformat, das handbuch kennt. Erlaubt sind PNG, JPEG, WebP und SVG (.png, .jpg, .jpeg, .webp, .svg)")
	}
	data, err := source.Read(fsys, name, MaxFileSize)
	if err != nil {
		return nil, err
	}
	img := &book.Image{File: name, Format: format, Data: data}
	cfg, got, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil && errors.Is(err, image.ErrFormat):
		return nil, fmt.Errorf("ist keine %s-Datei, wie die Endung sagt. Speichern Sie das Bild in Ihrem Bildprogramm als %s", strings.ToUpper(format), strings.ToUpper(format))
	case err != nil:
		return nil, fmt.Errorf("kann nicht gelesen werden: die Datei ist beschädigt (%v). Speichern Sie das Bild neu", err)
	case got != format:
		return nil, fmt.Errorf("ist eine %s-Datei, die Endung sagt aber %s. Geben Sie der Datei die richtige Endung", strings.ToUpper(got), strings.ToUpper(format))
	}
	img.Width, img.Height = cfg.Width, cfg.Height
	img.Name = hashedName(name, data)
	return img, nil
}

// Known reports whether name has the extension of an image format
// handbuch reads.
func Known(name string) bool {
	_, ok := formats[strings.ToLower(path.Ext(name))]
	return ok
}

// formats maps a file extension to the format it promises.
var formats = map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}

// hashedName is the output name of a file: its base name with the first
// eight hex digits of the SHA-256 of data before the extension.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	base := path.Base(name)
	ext := path.Ext(base)
	return strings.TrimSuffix(base, ext) + "." + hex.EncodeToString(sum[:4]) + strings.ToLower(ext)
}
