//go:build !unix

package main

import "testing"

// Named pipes and signals sent to oneself are Unix things; the cases
// that need them are run on Unix.

func mkfifo(t *testing.T, path string) {
	t.Skip("named pipes are tested on Unix")
}

func interruptSelf(t *testing.T) {
	t.Skip("Ctrl-C is tested on Unix")
}
