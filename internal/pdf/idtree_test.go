package pdf

import "testing"

// TestIDTree: keys in the byte order of what the strings hold (a ")"
// written as "\)" sorts as ")"), a second element with an ID already
// taken is left out, elements without ID too.
func TestIDTree(t *testing.T) {
	withID := func(id string) *node { return &node{role: "Note", extra: &extra{id: id}} }
	order := []*node{withID("fn-2"), withID("fn-1)"), {role: "P"}, withID("fn-1"), withID("fn-10"), withID("fn-2")}
	ids := map[*node]int{}
	for i, n := range order {
		ids[n] = 10 + i
	}
	want := `<</Names [(fn-1) 13 0 R (fn-1\)) 11 0 R (fn-10) 14 0 R (fn-2) 10 0 R]>>`
	if got := idTree(order, ids); got != want {
		t.Errorf("idTree =\n%s\nwant\n%s", got, want)
	}
	if got := idTree(order[2:3], ids); got != "" {
		t.Errorf("idTree without IDs = %q", got)
	}
}
