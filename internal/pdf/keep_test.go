package pdf

import "testing"

func TestPageSplit(t *testing.T) {
	for _, c := range []struct{ n, room, want int }{
		{5, 10, 5}, // fits
		{5, 5, 5},
		{5, 4, 3},  // 4+1 would leave a widow: 3+2
		{5, 3, 3},  // 3+2
		{5, 1, 0},  // one line at the foot would be an orphan
		{3, 2, 0},  // 2+1 and 1+2 are both bad: the paragraph moves
		{2, 1, 0},  // moves
		{10, 0, 0}, // no room
		{10, 9, 8},
	} {
		if got := pageSplit(c.n, c.room); got != c.want {
			t.Errorf("pageSplit(%d, %d) = %d, want %d", c.n, c.room, got, c.want)
		}
	}
}
