package pdf

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// The finished file is written in the compact form of PDF 1.5: every
// object that is no stream sits in a compressed object stream, and a
// cross-reference stream replaces the xref table. Three quarters of a
// plain handbook are dictionaries (structure elements, annotations,
// outline); compressed together they shrink to a fraction.

// perObjStm is how many objects share an object stream: enough for the
// compressor to find the repetitions between structure elements, few
// enough that a reader decompresses little for one object.
const perObjStm = 200

// body is one object of the file to write: a stream is written as an
// indirect object of its own, anything else goes into an object stream.
type body struct {
	plain  []byte // the object without "n 0 obj" and "endobj"
	stream []byte // a whole stream object, "n 0 obj" to "endobj"
	raw    bool   // stream is fpdf's, still to be compressed if plain
}

// part is what one job adds to the file: a stream object or an object
// stream with the objects it holds.
type part struct {
	id   int   // the stream's object number
	objs []int // an object stream's objects
}

// pack writes the file: header, the stream objects in number order, the
// object streams, the cross-reference stream. objs holds an entry for
// every number from 1 to len(objs)-1; a nil entry is a free number. The
// work of compressing is shared by every core, a batch of parts at a
// time, and gives the same bytes in any order of work.
func pack(objs []body, root, info int) []byte {
	next := len(objs)
	var parts []part
	var plain []int
	size := 0
	for id := 1; id < next; id++ {
		o := objs[id]
		switch {
		case o.stream != nil:
			parts = append(parts, part{id: id})
			size += len(o.stream) / 2
		case o.plain != nil:
			plain = append(plain, id)
			size += len(o.plain) / 8
		}
	}
	for i := 0; i < len(plain); i += perObjStm {
		parts = append(parts, part{id: next, objs: plain[i:min(i+perObjStm, len(plain))]})
		next++
	}
	xrefID := next
	next++

	// Entries of the cross-reference stream: type, field 2, field 3.
	type entry struct {
		typ  byte
		f2   int
		f3   uint16
		used bool
	}
	entries := make([]entry, next)

	var out bytes.Buffer
	out.Grow(size)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	workers := runtime.GOMAXPROCS(0)
	zs := make([]*compressor, workers)
	for i := range zs {
		zs[i] = newCompressor()
	}
	const batch = 256
	packed := make([]bytes.Buffer, batch)
	for first := 0; first < len(parts); first += batch {
		last := min(first+batch, len(parts))
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := first + w; k < last; k += workers {
					buf := &packed[k-first]
					buf.Reset()
					p := parts[k]
					switch {
					case p.objs != nil:
						zs[w].objStm(buf, p.id, p.objs, objs)
					case objs[p.id].raw:
						zs[w].write(buf, objs[p.id].stream)
					default:
						buf.Write(objs[p.id].stream)
					}
				}
			}()
		}
		wg.Wait()
		for k := first; k < last; k++ {
			p := parts[k]
			entries[p.id] = entry{typ: 1, f2: out.Len(), used: true}
			for i, id := range p.objs {
				entries[id] = entry{typ: 2, f2: p.id, f3: uint16(i), used: true}
			}
			out.Write(packed[k-first].Bytes())
		}
	}

	// Free numbers (fonts dropped) form the free list from entry 0.
	entries[0] = entry{typ: 0, f3: 65535}
	last := 0
	for id := 1; id < next; id++ {
		if id == xrefID || entries[id].used {
			continue
		}
		entries[last].f2 = id
		last = id
	}
	xrefAt := out.Len()
	entries[xrefID] = entry{typ: 1, f2: xrefAt, used: true}
	w2 := 1
	for m := max(xrefAt, next); m >= 1<<(8*w2); {
		w2++
	}
	// Each row as the difference to the row above (PNG predictor Up):
	// neighbours differ in few bytes, which compresses well.
	cols := 3 + w2
	rows := make([]byte, 0, next*(1+cols))
	row, prev := make([]byte, 0, cols), make([]byte, cols)
	for _, e := range entries {
		row = append(row[:0], e.typ)
		for k := w2 - 1; k >= 0; k-- {
			row = append(row, byte(e.f2>>(8*k)))
		}
		row = binary.BigEndian.AppendUint16(row, e.f3)
		rows = append(rows, 2)
		for i, c := range row {
			rows = append(rows, c-prev[i])
		}
		copy(prev, row)
	}
	sum := md5.Sum(out.Bytes())
	z := zs[0]
	z.buf.Reset()
	z.zw.Reset(&z.buf)
	z.zw.Write(rows) // writes to memory cannot fail
	z.zw.Close()
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 %d 2] /Root %d 0 R /Info %d 0 R /ID [<%x> <%x>] /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns %d>> /Length %d>>\nstream\n",
		xrefID, next, w2, root, info, sum, sum, cols, z.buf.Len())
	out.Write(z.buf.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return out.Bytes()
}

// objStm writes object stream id holding the objects ids.
func (z *compressor) objStm(out *bytes.Buffer, id int, ids []int, objs []body) {
	var head strings.Builder
	off := 0
	for _, n := range ids {
		fmt.Fprintf(&head, "%d %d ", n, off)
		off += len(objs[n].plain) + 1
	}
	head.WriteByte('\n')
	z.buf.Reset()
	z.zs.Reset(&z.buf)
	z.zs.Write([]byte(head.String())) // writes to memory cannot fail
	for _, n := range ids {
		z.zs.Write(objs[n].plain)
		z.zs.Write([]byte{'\n'})
	}
	z.zs.Close()
	fmt.Fprintf(out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n",
		id, len(ids), head.Len(), z.buf.Len())
	out.Write(z.buf.Bytes())
	out.WriteString("\nendstream\nendobj\n")
}

// fpdfBody returns fpdf's object o ("n 0 obj … endobj") as a body.
func fpdfBody(o []byte) body {
	if o == nil {
		return body{}
	}
	if bytes.Contains(o, []byte("\nstream\n")) {
		return body{stream: o, raw: true}
	}
	start := bytes.Index(o, []byte(" obj"))
	end := bytes.LastIndex(o, []byte("endobj"))
	if start < 0 || end < start {
		return body{plain: bytes.TrimSpace(o)}
	}
	return body{plain: bytes.TrimSpace(o[start+len(" obj") : end])}
}
