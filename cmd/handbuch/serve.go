package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/handbuch/handbuch/internal/serve"
	"github.com/handbuch/handbuch/internal/term"
)

// serve runs the preview until Ctrl-C.
func (c *cli) serve(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return c.serveUntil(ctx, args)
}

// serveUntil runs the preview until ctx ends.
func (c *cli) serveUntil(ctx context.Context, args []string) int {
	fs := c.flags("serve")
	source := fs.String("source", ".", "Projektordner")
	portText := fs.String("port", "1313", "Port der Vorschau")
	bind := fs.String("bind", "127.0.0.1", "Adresse der Vorschau")
	drafts := fs.Bool("drafts", false, "Entwürfe zeigen")
	if !c.parse(fs, args) || !c.validSource("serve", *source) {
		return 2
	}
	port, err := strconv.Atoi(*portText)
	if err != nil || port < 0 || port > 65535 {
		fmt.Fprintf(c.stderr, "handbuch serve: --port %s ist keine Portnummer. Nennen Sie eine Zahl von 1 bis 65535, zum Beispiel --port 1313, oder lassen Sie --port weg.\n", *portText)
		return 2
	}
	if _, err := os.Stat(*source + "/handbuch.toml"); err != nil {
		fmt.Fprintf(c.stderr, "handbuch serve: in %s fehlt handbuch.toml. Starten Sie die Vorschau im Ordner des Handbuchs oder legen Sie eins an: handbuch new ORDNER\n", *source)
		return 1
	}
	host := strings.TrimSuffix(strings.TrimPrefix(*bind, "["), "]")
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		msg, code := listenError(err, host, port)
		fmt.Fprintf(c.stderr, "handbuch serve: %s\n", msg)
		return code
	}
	// What was bound, not what was asked for: a name such as localhost
	// is resolved by then.
	if !ln.Addr().(*net.TCPAddr).IP.IsLoopback() {
		fmt.Fprintf(c.stderr, "Achtung: die Vorschau ist unter %s auch für andere im Netz erreichbar, mit allen Entwürfen. Ohne --bind bleibt sie auf diesem Rechner.\n", addr)
	}
	s := &serve.Server{Source: *source, Drafts: *drafts, Bind: host, Log: c.stderr}
	fmt.Fprintf(c.stdout, "Vorschau unter %s – Änderungen erscheinen von selbst. Beenden mit Strg+C.\n", serve.Address(ln))
	if err := s.Serve(ctx, ln); err != nil {
		fmt.Fprintf(c.stderr, "handbuch serve: %s\n", term.Line(err.Error()))
		return 1
	}
	fmt.Fprintln(c.stdout, "Vorschau beendet.")
	return 0
}

// listenError says in German why the preview cannot listen at host and
// port, and what to do; the status is 2 for a value that can never
// work, 1 for a state of this machine, such as a port in use.
func listenError(err error, host string, port int) (string, int) {
	var dns *net.DNSError
	switch {
	case errors.Is(err, errAddrInUse):
		next := port + 1
		if next > 65535 {
			next = 1313
		}
		return fmt.Sprintf("Port %d ist schon belegt, vielleicht von einer anderen Vorschau, die noch läuft. Beenden Sie sie (Strg+C in ihrem Fenster) oder wählen Sie einen anderen Port, zum Beispiel --port %d.", port, next), 1
	case errors.Is(err, errAccess):
		return fmt.Sprintf("Port %d darf handbuch nicht öffnen; Ports unter 1024 sind meist dem System vorbehalten. Wählen Sie einen Port ab 1024, zum Beispiel --port 1313.", port), 1
	case errors.Is(err, errAddrNotAvail):
		return fmt.Sprintf("die Adresse %s gehört nicht zu diesem Rechner. Nennen Sie bei --bind eine Adresse dieses Rechners, oder lassen Sie --bind weg: dann ist die Vorschau nur hier erreichbar.", host), 2
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Sprintf("den Namen %q kennt dieser Rechner nicht. Nennen Sie bei --bind eine Adresse wie 127.0.0.1, oder lassen Sie --bind weg.", host), 2
	}
	return fmt.Sprintf("die Vorschau kann %s nicht öffnen (%v). Prüfen Sie --bind und --port, oder lassen Sie beide weg.", net.JoinHostPort(host, strconv.Itoa(port)), err), 1
}
