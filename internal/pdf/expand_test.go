package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
)

var objStmRE = regexp.MustCompile(`\d+ 0 obj\n<</Type /ObjStm /N (\d+) /First (\d+) /Filter /FlateDecode /Length (\d+)>>\nstream\n`)

// Expand returns a finished file with the objects of its object streams
// appended as plain "n 0 obj … endobj", so that tests can search its
// dictionaries as text. It panics on a file finish did not write.
func Expand(data []byte) []byte {
	out := bytes.Clone(data)
	for _, m := range objStmRE.FindAllSubmatchIndex(data, -1) {
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		first, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		length, _ := strconv.Atoi(string(data[m[6]:m[7]]))
		r, err := zlib.NewReader(bytes.NewReader(data[m[1] : m[1]+length]))
		if err != nil {
			panic(err)
		}
		plain, err := io.ReadAll(r)
		if err != nil {
			panic(err)
		}
		head := strings.Fields(string(plain[:first]))
		for i := range n {
			start, _ := strconv.Atoi(head[2*i+1])
			end := len(plain) - first
			if i+1 < n {
				end, _ = strconv.Atoi(head[2*i+3])
			}
			out = append(out, head[2*i]+" 0 obj\n"...)
			out = append(out, bytes.TrimSpace(plain[first+start:first+end])...)
			out = append(out, "\nendobj\n"...)
		}
	}
	return out
}
