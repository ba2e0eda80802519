package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/term"
)

// guideDir is where handbuch anleitung writes the guide when no folder
// is named.
const guideDir = "handbuch-anleitung"

// guide builds the editors' guide carried in the binary into a folder,
// as an offline copy that opens from disk without a web server. It is
// an ordinary build: a folder handbuch did not make is never replaced.
func (c *cli) guide(args []string) int {
	flags := c.flags("anleitung")
	if err := flags.Parse(args); err != nil || flags.NArg() > 1 {
		fmt.Fprintf(c.stderr, "handbuch anleitung: nennen Sie höchstens einen Ordner, zum Beispiel: handbuch anleitung %s\n\n%s", guideDir, usage)
		return 2
	}
	dest := guideDir
	if flags.NArg() == 1 {
		dest = flags.Arg(0)
	}
	if strings.TrimSpace(dest) == "" {
		fmt.Fprintf(c.stderr, "handbuch anleitung: der Ordnername ist leer. Nennen Sie einen Ordner, zum Beispiel: handbuch anleitung %s\n", guideDir)
		return 2
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch anleitung: %s\n", term.Line(err.Error()))
		return 1
	}
	// The build reads a project folder; the guide's sources go into a
	// temporary one that is removed afterwards.
	src, err := os.MkdirTemp("", "handbuch-anleitung-")
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch anleitung: es konnte kein vorläufiger Ordner angelegt werden: %s\n", term.Line(err.Error()))
		return 1
	}
	defer os.RemoveAll(src)
	if err := os.CopyFS(src, handbuch.Guide()); err != nil {
		fmt.Fprintf(c.stderr, "handbuch anleitung: die Anleitung konnte nicht ausgepackt werden: %s\n", term.Line(err.Error()))
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, err = build.Build(ctx, build.Options{Source: src, Dest: abs, Offline: true})
	if err != nil {
		msg := err.Error()
		if list := book.Errors(err); len(list) > 0 {
			msg = list[0].Error()
		}
		if errors.Is(err, context.Canceled) {
			msg = "unterbrochen (Strg+C oder ein Signal)"
		}
		fmt.Fprintf(c.stderr, "handbuch anleitung: die Anleitung konnte nicht in %s geschrieben werden: %s\n", dest, term.Line(msg))
		return 1
	}
	index := filepath.Join(dest, "index.html")
	fmt.Fprintf(c.stdout, `Die Anleitung „Handbuch für die Redaktion“ liegt jetzt in %s.

So öffnen Sie sie: Klicken Sie doppelt auf die Datei %s.
Sie öffnet sich im Browser, auch ohne Internet. Die Anleitung als PDF zum Drucken liegt in %s.
`, dest, index, filepath.Join(dest, "pdf"))
	return 0
}
