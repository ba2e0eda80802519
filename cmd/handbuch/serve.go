package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/handbuch/handbuch/internal/serve"
)

// serve runs the preview until Ctrl-C.
func (c *cli) serve(args []string) int {
	fs := c.flags("serve")
	source := fs.String("source", ".", "Projektordner")
	port := fs.Int("port", 1313, "Port der Vorschau")
	bind := fs.String("bind", "127.0.0.1", "Adresse der Vorschau")
	drafts := fs.Bool("drafts", false, "Entwürfe zeigen")
	if !c.parse(fs, args) || !c.validSource("serve", *source) {
		return 2
	}
	if _, err := os.Stat(*source + "/handbuch.toml"); err != nil {
		fmt.Fprintf(c.stderr, "handbuch serve: in %s fehlt handbuch.toml. Starten Sie die Vorschau im Ordner des Handbuchs oder legen Sie eins an: handbuch new ORDNER\n", *source)
		return 1
	}
	addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch serve: %s ist nicht frei (%v). Wählen Sie einen anderen Port, zum Beispiel --port 1314.\n", addr, err)
		return 1
	}
	if ip := net.ParseIP(*bind); ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(c.stderr, "Achtung: die Vorschau ist unter %s auch für andere im Netz erreichbar, mit allen Entwürfen. Ohne --bind bleibt sie auf diesem Rechner.\n", addr)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s := &serve.Server{Source: *source, Drafts: *drafts, Log: c.stderr}
	shown := ln.Addr().String()
	if *bind == "127.0.0.1" {
		shown = "127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	}
	fmt.Fprintf(c.stdout, "Vorschau unter http://%s/ – Änderungen erscheinen von selbst. Beenden mit Strg+C.\n", shown)
	if err := s.Serve(ctx, ln); err != nil {
		fmt.Fprintf(c.stderr, "handbuch serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(c.stdout, "Vorschau beendet.")
	return 0
}
