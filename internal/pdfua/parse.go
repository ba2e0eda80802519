// Package pdfua checks a PDF file against the machine-checkable rules of
// PDF/UA-1 (ISO 14289-1) as listed in the Matterhorn protocol, and a few
// rules of ISO 32000-1 that tagged files break easily (the IDTree, font
// subset tags, ToUnicode ranges, readable font programs). It is meant for
// tests of our own generator, so its parser is small: it reads classic
// cross-reference tables and cross-reference streams (several sections
// linked by /Prev are fine, and so is a hybrid file's /XRefStm), objects
// in object streams, no encryption, and it decodes only the FlateDecode
// filter, with or without PNG predictors.
package pdfua

import (
	"bytes"
	"cmp"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// PDF object types. Integers are int, reals float64, booleans bool and
// null is nil.
type (
	name    string
	pdfText string // raw bytes of a literal or hexadecimal string
	keyword string // a bare word: content operator or structural keyword
	ref     struct{ num, gen int }
	dict    map[name]any
	array   []any
	stream  struct {
		dict dict
		raw  []byte // undecoded data
	}
)

const (
	maxDepth  = 64      // nesting limit for objects and trees
	maxStream = 1 << 26 // limit for a decoded stream
)

var errEOF = errors.New("unexpected end of data")

// lexer reads PDF objects from b, starting at i.
type lexer struct {
	b     []byte
	i     int
	depth int
	refs  bool // read "n g R" as an indirect reference
}

func isWS(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }

func isRegular(c byte) bool { return !isWS(c) && !isDelim(c) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func unhex(c byte) (byte, bool) {
	k := strings.IndexByte("0123456789abcdef", c|0x20)
	return byte(k), k >= 0 && c >= '0'
}

// skip moves past white space and comments.
func (l *lexer) skip() {
	for l.i < len(l.b) {
		switch c := l.b[l.i]; {
		case isWS(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		default:
			return
		}
	}
}

func (l *lexer) word() string {
	start := l.i
	for l.i < len(l.b) && isRegular(l.b[l.i]) {
		l.i++
	}
	return string(l.b[start:l.i])
}

func (l *lexer) at(s string) bool { return bytes.HasPrefix(l.b[l.i:], []byte(s)) }

// value reads the next object or bare keyword.
func (l *lexer) value() (any, error) {
	l.skip()
	if l.i >= len(l.b) {
		return nil, errEOF
	}
	switch c := l.b[l.i]; {
	case c == '/':
		return l.name(), nil
	case c == '(':
		return l.literal()
	case l.at("<<"):
		return l.dict()
	case c == '<':
		return l.hex()
	case c == '[':
		return l.seq(1, "]")
	case c == '+' || c == '-' || c == '.' || isDigit(c):
		return l.number()
	case isRegular(c):
		switch w := l.word(); w {
		case "true", "false":
			return w == "true", nil
		case "null":
			return nil, nil
		default:
			return keyword(w), nil
		}
	}
	l.i++
	return nil, fmt.Errorf("unexpected %q at offset %d", l.b[l.i-1], l.i-1)
}

func (l *lexer) name() name {
	l.i++
	var out []byte
	for l.i < len(l.b) && isRegular(l.b[l.i]) {
		c := l.b[l.i]
		if c == '#' && l.i+2 < len(l.b) {
			hi, ok1 := unhex(l.b[l.i+1])
			lo, ok2 := unhex(l.b[l.i+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				l.i += 3
				continue
			}
		}
		out = append(out, c)
		l.i++
	}
	return name(out)
}

func (l *lexer) literal() (any, error) {
	l.i++
	var out []byte
	for depth := 1; l.i < len(l.b); {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return pdfText(out), nil
			}
		case '\r':
			c = '\n'
			if l.at("\n") {
				l.i++
			}
		case '\\':
			var ok bool
			if c, ok = l.escape(); !ok {
				continue
			}
		}
		out = append(out, c)
	}
	return nil, errEOF
}

// escape decodes the escape sequence after a backslash; ok is false for a
// line continuation, which yields no byte.
func (l *lexer) escape() (c byte, ok bool) {
	if l.i >= len(l.b) {
		return 0, false
	}
	c = l.b[l.i]
	l.i++
	if k := strings.IndexByte("nrtbf", c); k >= 0 {
		return "\n\r\t\b\f"[k], true
	}
	switch {
	case c == '\r' && l.at("\n"):
		l.i++
		return 0, false
	case c == '\r' || c == '\n':
		return 0, false
	case c < '0' || c > '7':
		return c, true
	}
	v := int(c - '0')
	for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
		v = v*8 + int(l.b[l.i]-'0')
		l.i++
	}
	return byte(v), true
}

func (l *lexer) hex() (any, error) {
	l.i++
	var out []byte
	var digits int
	for ; l.i < len(l.b); l.i++ {
		c := l.b[l.i]
		if c == '>' {
			l.i++
			return pdfText(out), nil
		}
		if isWS(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return nil, fmt.Errorf("bad hex string byte %q at offset %d", c, l.i)
		}
		if digits%2 == 0 {
			out = append(out, v<<4)
		} else {
			out[len(out)-1] |= v
		}
		digits++
	}
	return nil, errEOF
}

// seq reads elements after skipping n opening bytes, up to end.
func (l *lexer) seq(n int, end string) (array, error) {
	if l.depth++; l.depth > maxDepth {
		return nil, fmt.Errorf("objects nested too deeply at offset %d", l.i)
	}
	defer func() { l.depth-- }()
	l.i += n
	out := array{}
	for {
		if l.skip(); l.at(end) {
			l.i += len(end)
			return out, nil
		}
		v, err := l.value()
		if kw, ok := v.(keyword); ok && err == nil {
			err = fmt.Errorf("unexpected keyword %q before offset %d", kw, l.i)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

func (l *lexer) dict() (any, error) {
	a, err := l.seq(2, ">>")
	if err != nil || len(a)%2 != 0 {
		return nil, cmp.Or(err, fmt.Errorf("dictionary without value before offset %d", l.i))
	}
	out := make(dict, len(a)/2)
	for i := 0; i < len(a); i += 2 {
		k, ok := a[i].(name)
		if !ok {
			return nil, fmt.Errorf("dictionary key is not a name before offset %d", l.i)
		}
		out[k] = a[i+1]
	}
	return out, nil
}

func (l *lexer) number() (any, error) {
	start := l.i
	w := l.word()
	if n, err := strconv.Atoi(w); err == nil {
		if l.refs && n >= 0 && isDigit(w[0]) {
			if r, ok := l.ref(n); ok {
				return r, nil
			}
		}
		return n, nil
	}
	f, err := strconv.ParseFloat(w, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("bad number %q at offset %d", w, start)
	}
	return f, nil
}

// ref completes "num gen R" if it follows; otherwise it leaves l alone.
func (l *lexer) ref(num int) (ref, bool) {
	save := l.i
	l.skip()
	start := l.i
	for l.i < len(l.b) && isDigit(l.b[l.i]) {
		l.i++
	}
	if n := l.i - start; n > 0 && n < 10 {
		gen, _ := strconv.Atoi(string(l.b[start:l.i]))
		l.skip()
		if l.at("R") && (l.i+1 == len(l.b) || !isRegular(l.b[l.i+1])) {
			l.i++
			return ref{num, gen}, true
		}
	}
	l.i = save
	return ref{}, false
}

// Doc is a parsed PDF file. All objects are read by Parse, so a Doc is
// safe for concurrent use afterwards.
type Doc struct {
	data    []byte
	offsets map[int]int      // object number → byte offset, -1 if free
	packed  map[int]packedAt // object number → place in an object stream
	objs    map[int]any
	stms    map[int]*objStm // object streams read so far
	trailer dict
	catalog dict
}

// packedAt is the place of an object in an object stream.
type packedAt struct{ stm, index int }

// objStm is a decoded object stream: its data and, by index, the number
// and offset (from the start of data) of each object.
type objStm struct {
	data []byte
	nums []int
	offs []int
}

// Parse reads the cross-reference table, every object it lists and the
// document catalog. It fails if any of them cannot be read.
func Parse(pdf []byte) (*Doc, error) {
	d := &Doc{data: pdf, offsets: map[int]int{}, packed: map[int]packedAt{}, objs: map[int]any{}, stms: map[int]*objStm{}}
	if err := d.readXref(); err != nil {
		return nil, fmt.Errorf("pdfua: reading cross-reference table: %w", err)
	}
	nums := slices.Concat(slices.Collect(maps.Keys(d.offsets)), slices.Collect(maps.Keys(d.packed)))
	slices.Sort(nums)
	for _, n := range nums {
		if _, err := d.load(n); err != nil {
			return nil, fmt.Errorf("pdfua: reading object %d: %w", n, err)
		}
	}
	if d.catalog = d.dictOf(d.trailer["Root"]); d.catalog == nil {
		return nil, errors.New("pdfua: trailer has no /Root catalog dictionary")
	}
	return d, nil
}

func (d *Doc) readXref() error {
	i := bytes.LastIndex(d.data, []byte("startxref"))
	if i < 0 {
		return errors.New("no startxref")
	}
	l := &lexer{b: d.data, i: i + len("startxref")}
	v, err := l.value()
	off, ok := v.(int)
	if err != nil || !ok {
		return errors.New("bad startxref offset")
	}
	seen := map[int]bool{}
	for {
		if off < 0 || off >= len(d.data) || seen[off] {
			return fmt.Errorf("bad xref offset %d", off)
		}
		seen[off] = true
		tr, entries, err := d.readSection(off)
		if err != nil {
			return err
		}
		// A hybrid file's table names the objects that only readers of
		// cross-reference streams know in the stream /XRefStm; those
		// entries come before the table's.
		if stm, ok := tr["XRefStm"].(int); ok && stm >= 0 && stm < len(d.data) && !seen[stm] {
			seen[stm] = true
			_, more, err := d.readSection(stm)
			if err != nil {
				return err
			}
			entries = append(more, entries...)
		}
		for _, e := range entries {
			d.addEntry(e)
		}
		if d.trailer == nil {
			d.trailer = tr
		}
		for k, v := range tr {
			if _, ok := d.trailer[k]; !ok {
				d.trailer[k] = v
			}
		}
		if off, ok = tr["Prev"].(int); !ok {
			return nil
		}
	}
}

// xrefEntry is one entry of a cross-reference section: an offset (-1 for
// a free object) or, if packed, a place in an object stream.
type xrefEntry struct {
	num, off int
	packed   bool
	at       packedAt
}

// addEntry records e unless a newer section has told of its object.
func (d *Doc) addEntry(e xrefEntry) {
	if _, known := d.offsets[e.num]; known {
		return
	}
	if _, known := d.packed[e.num]; known {
		return
	}
	if e.packed {
		d.packed[e.num] = e.at
	} else {
		d.offsets[e.num] = e.off
	}
}

// readSection reads one xref section, a table with its trailer or a
// cross-reference stream.
func (d *Doc) readSection(off int) (dict, []xrefEntry, error) {
	l := &lexer{b: d.data, i: off}
	if v, _ := l.value(); v != keyword("xref") {
		return d.readXrefStream(off)
	}
	var entries []xrefEntry
	for {
		v, err := l.value()
		if err != nil {
			return nil, nil, err
		}
		if v == keyword("trailer") {
			l.refs = true
			t, err := l.value()
			if tr, ok := t.(dict); ok && err == nil {
				return tr, entries, nil
			}
			return nil, nil, fmt.Errorf("bad trailer at offset %d", l.i)
		}
		c, err := l.value()
		start, ok1 := v.(int)
		count, ok2 := c.(int)
		if err != nil || !ok1 || !ok2 || start < 0 || count < 0 || count > len(d.data)/4 {
			return nil, nil, fmt.Errorf("bad xref subsection header before offset %d", l.i)
		}
		for k := range count {
			o, _ := l.value()
			g, _ := l.value()
			t, err := l.value()
			offset, ok1 := o.(int)
			_, ok2 := g.(int)
			if err != nil || !ok1 || !ok2 || (t != keyword("n") && t != keyword("f")) {
				return nil, nil, fmt.Errorf("bad xref entry for object %d before offset %d", start+k, l.i)
			}
			if t == keyword("f") {
				offset = -1
			}
			entries = append(entries, xrefEntry{num: start + k, off: offset})
		}
	}
}

// readXrefStream reads the cross-reference stream at off (ISO 32000-1
// §7.5.8): its dictionary is the trailer, its rows of /W bytes the
// entries of the subsections in /Index.
func (d *Doc) readXrefStream(off int) (dict, []xrefEntry, error) {
	v, err := d.read(-1, off)
	s, ok := v.(*stream)
	if err != nil || !ok || d.nameOf(s.dict["Type"]) != "XRef" {
		return nil, nil, fmt.Errorf("no xref table or stream at offset %d", off)
	}
	data, err := d.decode(s)
	if err != nil {
		return nil, nil, fmt.Errorf("xref stream at offset %d: %w", off, err)
	}
	var w [3]int
	ws := as[array](d, s.dict["W"])
	row := 0
	for k := range w {
		if k < len(ws) {
			w[k], _ = ws[k].(int)
		}
		if len(ws) != 3 || w[k] < 0 || w[k] > 8 {
			return nil, nil, fmt.Errorf("xref stream at offset %d: bad /W", off)
		}
		row += w[k]
	}
	size, _ := s.dict["Size"].(int)
	index := as[array](d, s.dict["Index"])
	if index == nil {
		index = array{0, size}
	}
	if row == 0 || len(index)%2 != 0 {
		return nil, nil, fmt.Errorf("xref stream at offset %d: bad /W or /Index", off)
	}
	field := func(b []byte) int {
		n := 0
		for _, c := range b {
			n = n<<8 | int(c)
		}
		return n
	}
	var entries []xrefEntry
	for i := 0; i < len(index); i += 2 {
		start, ok1 := index[i].(int)
		count, ok2 := index[i+1].(int)
		if !ok1 || !ok2 || start < 0 || count < 0 || count > len(data)/row {
			return nil, nil, fmt.Errorf("xref stream at offset %d: bad /Index", off)
		}
		for k := range count {
			if len(data) < row {
				return nil, nil, fmt.Errorf("xref stream at offset %d: too short", off)
			}
			typ := 1
			if w[0] > 0 {
				typ = field(data[:w[0]])
			}
			f2, f3 := field(data[w[0]:w[0]+w[1]]), field(data[w[0]+w[1]:row])
			data = data[row:]
			e := xrefEntry{num: start + k}
			switch typ {
			case 0:
				e.off = -1
			case 1:
				e.off = f2
			case 2:
				e.packed, e.at = true, packedAt{f2, f3}
			default:
				continue // reserved types are null objects
			}
			entries = append(entries, e)
		}
	}
	return s.dict, entries, nil
}

// load returns object num, reading it on first use.
func (d *Doc) load(num int) (any, error) {
	if v, ok := d.objs[num]; ok {
		return v, nil
	}
	off, ok := d.offsets[num]
	at, packed := d.packed[num]
	if (!ok || off < 0) && !packed {
		return nil, nil
	}
	d.objs[num] = nil // while reading, a reference to num yields null
	var v any
	var err error
	if packed {
		v, err = d.readPacked(num, at)
	} else {
		v, err = d.read(num, off)
	}
	if err != nil {
		delete(d.objs, num)
		return nil, err
	}
	d.objs[num] = v
	return v, nil
}

// read parses "num g obj" and the object at off; num < 0 takes any number.
func (d *Doc) read(num, off int) (any, error) {
	l := &lexer{b: d.data, i: min(off, len(d.data)), refs: true}
	n, _ := l.value()
	g, _ := l.value()
	kw, _ := l.value()
	if _, ok := g.(int); (num >= 0 && n != any(num)) || !ok || kw != keyword("obj") {
		return nil, fmt.Errorf("no \"%d 0 obj\" at offset %d", num, off)
	}
	v, err := l.value()
	if kw, ok := v.(keyword); ok && err == nil {
		if kw != "endobj" {
			return nil, fmt.Errorf("unexpected keyword %q", kw)
		}
		v = nil
	}
	if dct, ok := v.(dict); ok {
		if l.skip(); l.at("stream") {
			v = &stream{dict: dct, raw: d.streamData(dct, l.i+len("stream"))}
		}
	}
	return v, err
}

// readPacked parses object num, which sits in an object stream.
func (d *Doc) readPacked(num int, at packedAt) (any, error) {
	stm, err := d.objStm(at.stm)
	if err != nil {
		return nil, fmt.Errorf("object stream %d: %w", at.stm, err)
	}
	if at.index < 0 || at.index >= len(stm.nums) || stm.nums[at.index] != num {
		return nil, fmt.Errorf("object stream %d has no object %d at index %d", at.stm, num, at.index)
	}
	l := &lexer{b: stm.data, i: stm.offs[at.index], refs: true}
	v, err := l.value()
	if _, ok := v.(keyword); ok && err == nil {
		err = fmt.Errorf("unexpected keyword %q in object stream %d", v, at.stm)
	}
	return v, err
}

// objStm decodes object stream num and reads its header of N pairs of
// object number and offset.
func (d *Doc) objStm(num int) (*objStm, error) {
	if s, ok := d.stms[num]; ok {
		return s, nil
	}
	off, ok := d.offsets[num]
	if !ok || off < 0 {
		return nil, errors.New("not in the cross-reference table")
	}
	v, err := d.load(num)
	s, ok := v.(*stream)
	if err != nil || !ok || d.nameOf(s.dict["Type"]) != "ObjStm" {
		return nil, cmp.Or(err, errors.New("no /Type /ObjStm stream"))
	}
	data, err := d.decode(s)
	if err != nil {
		return nil, err
	}
	n, ok1 := s.dict["N"].(int)
	first, ok2 := s.dict["First"].(int)
	if !ok1 || !ok2 || n < 0 || n > len(data)/2 || first < 0 || first > len(data) {
		return nil, errors.New("bad /N or /First")
	}
	stm := &objStm{data: data, nums: make([]int, n), offs: make([]int, n)}
	l := &lexer{b: data[:first]}
	for i := range n {
		a, _ := l.value()
		b, err := l.value()
		num, ok1 := a.(int)
		rel, ok2 := b.(int)
		if err != nil || !ok1 || !ok2 || rel < 0 || rel > len(data)-first {
			return nil, fmt.Errorf("bad header entry %d", i)
		}
		stm.nums[i], stm.offs[i] = num, first+rel
	}
	d.stms[num] = stm
	return stm, nil
}

// streamData returns the data of a stream starting after the keyword
// "stream" at i. It trusts /Length only if "endstream" follows.
func (d *Doc) streamData(dct dict, i int) []byte {
	b := d.data
	if i < len(b) && b[i] == '\r' {
		i++
	}
	if i < len(b) && b[i] == '\n' {
		i++
	}
	if n, ok := d.intOf(dct["Length"]); ok && n >= 0 && n <= len(b)-i {
		l := &lexer{b: b, i: i + n}
		if l.skip(); l.at("endstream") {
			return b[i : i+n : i+n]
		}
	}
	end := bytes.Index(b[i:], []byte("endstream"))
	if end < 0 {
		return b[i:len(b):len(b)]
	}
	raw := bytes.TrimSuffix(b[i:i+end:i+end], []byte("\n"))
	return bytes.TrimSuffix(raw, []byte("\r"))
}

// decode applies the stream's filters.
func (d *Doc) decode(s *stream) ([]byte, error) {
	data := s.raw
	parms := d.list(s.dict["DecodeParms"])
	for i, f := range d.list(s.dict["Filter"]) {
		switch n := d.nameOf(f); n {
		case "FlateDecode", "Fl":
			var err error
			if data, err = inflate(data); err != nil {
				return nil, err
			}
			if i < len(parms) {
				if data, err = d.unpredict(data, d.dictOf(parms[i])); err != nil {
					return nil, err
				}
			}
		default:
			return nil, fmt.Errorf("unsupported filter /%s", n)
		}
	}
	return data, nil
}

// unpredict undoes a PNG predictor (ISO 32000-1 §7.4.4.4), as
// cross-reference streams often use: each row starts with its filter type.
func (d *Doc) unpredict(data []byte, p dict) ([]byte, error) {
	pred, _ := d.intOf(p["Predictor"])
	if pred < 10 {
		if pred > 1 {
			return nil, fmt.Errorf("unsupported predictor %d", pred)
		}
		return data, nil
	}
	cols, colors, bits := 1, 1, 8
	for k, v := range map[name]*int{"Columns": &cols, "Colors": &colors, "BitsPerComponent": &bits} {
		if n, ok := d.intOf(p[k]); ok {
			*v = n
		}
	}
	if cols < 1 || cols > 1<<20 || colors < 1 || colors > 32 || bits < 1 || bits > 16 {
		return nil, errors.New("bad predictor parameters")
	}
	bpp := max(1, colors*bits/8)
	row := (cols*colors*bits + 7) / 8
	out := make([]byte, 0, len(data)/(row+1)*row)
	prev := make([]byte, row)
	for len(data) > 0 {
		if len(data) < row+1 {
			return nil, errors.New("predicted data ends in a row")
		}
		typ, cur := data[0], slices.Clone(data[1:row+1])
		data = data[row+1:]
		for i := range cur {
			var a, c byte
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			b := prev[i]
			switch typ {
			case 0:
			case 1:
				cur[i] += a
			case 2:
				cur[i] += b
			case 3:
				cur[i] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[i] += paeth(a, b, c)
			default:
				return nil, fmt.Errorf("bad PNG filter type %d", typ)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func inflate(b []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		r = flate.NewReader(bytes.NewReader(b))
	}
	out, err := io.ReadAll(io.LimitReader(r, maxStream+1))
	if err != nil {
		return nil, fmt.Errorf("inflating stream: %w", err)
	}
	if len(out) > maxStream {
		return nil, errors.New("inflating stream: too large")
	}
	return out, nil
}

// resolve follows indirect references.
func (d *Doc) resolve(v any) any {
	for range 32 {
		r, ok := v.(ref)
		if !ok {
			return v
		}
		v, _ = d.load(r.num)
	}
	return nil
}

// dictOf returns v as a dictionary (a stream's dictionary for a stream).
func (d *Doc) dictOf(v any) dict {
	switch x := d.resolve(v).(type) {
	case dict:
		return x
	case *stream:
		return x.dict
	}
	return nil
}

// as returns v resolved if it is a T and T's zero value otherwise.
func as[T any](d *Doc, v any) T {
	x, _ := d.resolve(v).(T)
	return x
}

// list returns v's elements if v is an array and v itself otherwise (for
// entries that take one object or an array of them).
func (d *Doc) list(v any) array {
	switch x := d.resolve(v).(type) {
	case nil:
		return nil
	case array:
		return x
	}
	return array{v}
}

func (d *Doc) nameOf(v any) string { return string(as[name](d, v)) }

// text returns v decoded as a text string, "" if it is none.
func (d *Doc) text(v any) string { return decodeText(as[pdfText](d, v)) }

func (d *Doc) intOf(v any) (int, bool) {
	switch x := d.resolve(v).(type) {
	case int:
		return x, true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e9 {
			return int(x), true
		}
	}
	return 0, false
}

// decodeText decodes UTF-16BE with BOM, UTF-8 with BOM or PDFDocEncoding.
func decodeText(s pdfText) string {
	b := []byte(s)
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return strings.ToValidUTF8(string(b[3:]), "\uFFFD")
	}
	var sb strings.Builder
	for _, c := range b {
		r := rune(c)
		switch {
		case c >= 0x18 && c < 0x20:
			r = pdfDocLow[c-0x18]
		case c >= 0x80 && c <= 0xA0:
			r = pdfDocHigh[c-0x80]
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// PDFDocEncoding where it differs from Latin-1.
var (
	pdfDocLow  = [8]rune{'˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'}
	pdfDocHigh = [33]rune{'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰',
		'„', '“', '”', '‘', '’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł',
		'œ', 'š', 'ž', '\uFFFD', '€'}
)
