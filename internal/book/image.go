package book

// Image is a picture a page shows: a local file of the project, read
// and checked once by the link stage. Every output reads it; nobody
// changes it.
type Image struct {
	File   string // project path, e.g. content/leitlinien/fuenf-schritte.png
	Format string // "png", "jpeg", "webp" or "svg"
	// Width and Height are the size in pixels; for an SVG, from its
	// width and height or else its viewBox.
	Width, Height int
	Data          []byte // the file's bytes
	// Name is the output file name: the file's name with a hash of its
	// bytes, e.g. fuenf-schritte.3f2a9c1b.png, so that a changed image
	// gets a new address and no browser shows the old one.
	Name string
	// Variants are smaller copies for srcset, narrowest first; none for
	// an SVG or an image that is narrow already.
	Variants []ImageVariant
}

// ImageVariant is a smaller copy of an Image.
type ImageVariant struct {
	Width, Height int
	Name          string // output file name, like Image.Name
	Data          []byte
}
