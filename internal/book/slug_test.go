package book

import (
	"os"
	"strings"
	"testing"
)

func TestSlugFixtures(t *testing.T) {
	data, err := os.ReadFile("testdata/slugs.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, " → ")
		if !ok {
			t.Fatalf("slugs.txt:%d: no →", i+1)
		}
		if got := Slug(in); got != want {
			t.Errorf("slugs.txt:%d: Slug(%q) = %q, want %q", i+1, in, got, want)
		}
	}
}

func TestPosAt(t *testing.T) {
	src := []byte("ab\nÄö x\n")
	for _, tc := range []struct {
		off  int
		want string
	}{
		{0, "f.md:1:1"},
		{2, "f.md:1:3"},
		{3, "f.md:2:1"},
		{7, "f.md:2:3"}, // after two 2-byte umlauts: columns count characters, not bytes
		{100, "f.md:3:1"},
	} {
		if got := PosAt("f.md", src, tc.off).String(); got != tc.want {
			t.Errorf("PosAt(%d) = %s, want %s", tc.off, got, tc.want)
		}
	}
}
