package main

import "syscall"

// The errors of a failed listen that handbuch explains: Windows reports
// them as Winsock codes (WSAEADDRINUSE, WSAEACCES, WSAEADDRNOTAVAIL).
var (
	errAddrInUse    error = syscall.Errno(10048)
	errAccess       error = syscall.Errno(10013)
	errAddrNotAvail error = syscall.Errno(10049)
)
