package images

import "github.com/handbuch/handbuch/internal/book"

// Variants returns smaller copies of img for srcset. Not made yet: every
// image is offered in its own size only.
func Variants(img *book.Image) ([]book.ImageVariant, error) { return nil, nil }

// ForPDF returns img as a PDF can embed it, with its fpdf image type.
// For now the formats Read accepts, PNG and JPEG, go in as they are.
func ForPDF(img *book.Image) ([]byte, string, error) {
	if img.Format == "jpeg" {
		return img.Data, "JPG", nil
	}
	return img.Data, "PNG", nil
}
