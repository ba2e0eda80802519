package pdf

import (
	"bytes"
	"reflect"
	"runtime"
	"sync"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
)

// finished takes the content of each page from fpdf as soon as the page
// is done and compresses it on other cores, so that fpdf does not hold
// every page's content until Output (a 5,000-page handbook: about 280 MB
// of content streams, then the whole file uncompressed once more).
// What is drawn on a page later (its page number, the table of contents
// on the pages kept free for it) stays with fpdf; the page's /Contents
// becomes [compressed content, later additions], which PDF reads as one
// stream. The footer has closed every marked-content sequence when a page
// is taken, so none crosses the two.
type finished struct {
	work    chan finishedPage
	wg      sync.WaitGroup
	once    sync.Once
	mu      sync.Mutex
	streams map[int][]byte // compressed content by page number
	taken   map[int]bool
}

type finishedPage struct {
	n       int
	content []byte
}

func newFinished() *finished {
	s := &finished{work: make(chan finishedPage, 16), streams: map[int][]byte{}, taken: map[int]bool{}}
	for range runtime.GOMAXPROCS(0) {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			z := newCompressor()
			for p := range s.work {
				z.buf.Reset()
				z.zw.Reset(&z.buf)
				z.zw.Write(p.content) // writes to memory cannot fail
				z.zw.Close()
				c := bytes.Clone(z.buf.Bytes())
				s.mu.Lock()
				s.streams[p.n] = c
				s.mu.Unlock()
			}
		}()
	}
	return s
}

// take hands page n's content over from fpdf, which gets an empty buffer
// for what is drawn on the page later.
func (s *finished) take(f *fpdf.Fpdf, n int) {
	pages := fpdfPages(f)
	if s.taken[n] || n < 1 || n >= len(pages) {
		return
	}
	s.taken[n] = true
	content := pages[n].Bytes()
	pages[n] = new(bytes.Buffer)
	s.work <- finishedPage{n, content}
}

// wait returns the compressed content of the pages taken, by number. It
// may be called more than once; nothing can be taken after it.
func (s *finished) wait() map[int][]byte {
	s.once.Do(func() {
		close(s.work)
		s.wg.Wait()
	})
	return s.streams
}

// fpdfPages is fpdf's content of every page (index 1 is page 1). fpdf
// offers no way to it; the field is reached through reflection on the
// pinned version, and TestFinishedPages fails if a new version moves it.
func fpdfPages(f *fpdf.Fpdf) []*bytes.Buffer {
	v := reflect.ValueOf(f).Elem().FieldByName("pages")
	return *(*[]*bytes.Buffer)(unsafe.Pointer(v.UnsafeAddr()))
}
