//go:build unix

package main

import (
	"os"
	"syscall"
	"testing"
)

// mkfifo makes a named pipe: opening it for reading blocks until a
// writer comes, which never happens.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

// interruptSelf sends this process SIGINT, as Ctrl-C does.
func interruptSelf(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
}
