package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/build"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "Entwicklungsversion"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `handbuch – barrierefreie Leitlinien-Handbücher bauen

Aufruf:
  handbuch build [--source ORDNER] [--dest ORDNER] [--drafts]
      baut die Website aus handbuch.toml und content/
  handbuch version
      zeigt die Version
  handbuch help
      zeigt diese Hilfe

Bald verfügbar: serve (Vorschau), check (Prüfung), new (neues Handbuch).
`

// cli holds what a command needs to talk to the user; tests pass buffers.
type cli struct {
	stdout, stderr io.Writer
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	c := cli{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return c.build(args[1:])
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "handbuch %s (%s)\n", version, runtime.Version())
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	case "serve", "check", "new":
		fmt.Fprintf(stderr, "handbuch %s ist in dieser Version noch nicht verfügbar.\n\n%s", args[0], usage)
		return 2
	}
	fmt.Fprintf(stderr, "unbekannter Befehl %q.\n\n%s", args[0], usage)
	return 2
}

func (c cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags and reports usage errors in German.
func (c cli) parse(fs *flag.FlagSet, args []string) bool {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(c.stdout, usage)
		return false
	case err != nil:
		msg := err.Error()
		if opt, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			msg = "unbekannte Option -" + opt
		} else if opt, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
			msg = "die Option -" + opt + " braucht einen Wert, zum Beispiel -" + opt + " ORDNER"
		}
		fmt.Fprintf(c.stderr, "handbuch %s: %s\n\n%s", fs.Name(), msg, usage)
		return false
	case fs.NArg() > 0:
		fmt.Fprintf(c.stderr, "handbuch %s: unerwartetes Argument %q\n\n%s", fs.Name(), fs.Arg(0), usage)
		return false
	}
	return true
}

func (c cli) build(args []string) int {
	var opts build.Options
	fs := c.flags("build")
	fs.StringVar(&opts.Source, "source", ".", "Projektordner")
	fs.StringVar(&opts.Dest, "dest", "public", "Zielordner")
	fs.BoolVar(&opts.Drafts, "drafts", false, "Entwürfe (draft = true) mitbauen")
	if !c.parse(fs, args) {
		return 2
	}
	// The default public/ belongs to the project; a folder named on the
	// command line is meant from where the user stands.
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "dest" && !filepath.IsAbs(opts.Dest) {
			if abs, err := filepath.Abs(opts.Dest); err == nil {
				opts.Dest = abs
			}
		}
	})
	// Ctrl-C stops the build cleanly: the previous output stays.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := build.Build(ctx, opts)
	if err != nil {
		if list := book.Errors(err); len(list) > 0 {
			for _, e := range list {
				fmt.Fprintln(c.stderr, e.Error())
			}
			fmt.Fprintf(c.stderr, "\nBuild abgebrochen: %s. Die bisherige Ausgabe wurde nicht verändert.\n", count(len(list), "Fehler", "Fehler"))
		} else {
			fmt.Fprintf(c.stderr, "Build abgebrochen: %v\n", err)
		}
		return 1
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(c.stderr, "%s (Warnung)\n", w.Error())
	}
	fmt.Fprintf(c.stdout, "Fertig: %s, %s in %s, %s, %s.\n",
		count(res.Pages, "Seite", "Seiten"), count(res.Files, "Datei", "Dateien"), res.Dest,
		count(len(res.Warnings), "Warnung", "Warnungen"), seconds(res.Duration))
	return 0
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// seconds formats a duration the German way: "0,42 s".
func seconds(d time.Duration) string {
	return strings.Replace(fmt.Sprintf("%.2f s", d.Seconds()), ".", ",", 1)
}
