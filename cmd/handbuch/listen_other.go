//go:build !windows

package main

import "syscall"

// The errors of a failed listen that handbuch explains.
var (
	errAddrInUse    error = syscall.EADDRINUSE
	errAccess       error = syscall.EACCES
	errAddrNotAvail error = syscall.EADDRNOTAVAIL
)
