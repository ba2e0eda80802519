package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/source"
	"github.com/handbuch/handbuch/internal/term"
)

func main() {
	// A build holds the whole handbook in memory; collecting garbage more
	// often keeps the peak a fifth lower for about a tenth more CPU time
	// (BENCHMARKS.md). GOGC, when set, decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `handbuch – barrierefreie Leitlinien-Handbücher bauen

Aufruf:
  handbuch build [--source ORDNER] [--dest ORDNER] [--drafts] [--strict] [--offline] [--ohne-pdf] [--public] [--hinweise] [--format json]
      baut die Website aus handbuch.toml und content/ und prüft sie;
      mit --public nur die öffentlichen Seiten (audience = "clients" oder "alle")
      für die Website der Organisation, nach public-web statt public;
      mit --offline entsteht in offline/ eine Kopie, die sich direkt von einem
      Laufwerk oder USB-Stick öffnen lässt (public/ bleibt, wie es ist);
      mit --ohne-pdf geht es schneller, dann bieten die Seiten keine PDFs an
  handbuch check [--strict] [--hinweise] [--format json] [ORDNER]
      prüft fertige HTML-Seiten (Vorgabe: public)
  handbuch check --plain DATEI.md|DATEI.txt [--strict] [--hinweise] [--format json]
      prüft einen Text wie eine Seite in Einfacher Sprache, etwa einen Brief
      oder einen Flyer: Satzlänge, lange Wörter, Abkürzungen und mehr; dazu
      die Zahlen Sätze, Wörter, Silben, lange Wörter, Flesch-Amstad, Wiener
      Sachtextformel und LIX. Front Matter (+++) ist in .md erlaubt; liegt
      der Text in einem Handbuch-Ordner, gelten dessen Glossar und Grenzwerte
  handbuch check --regeln [--format json]
      zeigt alle Regeln der Prüfung: Kennung, Schwere, WCAG-Kriterium und was
      sie prüfen; Kennungen schalten Sie in handbuch.toml mit [checks] off ab
  handbuch explain [REGEL]
      erklärt eine Regel der Prüfung: was sie prüft, warum das wichtig ist,
      wie Sie den Fehler beheben, mit einem falschen und einem richtigen
      Beispiel; ohne REGEL zeigt es alle Regeln nach Gruppen
  handbuch serve [--port 1313] [--bind ADRESSE] [--drafts] [--source ORDNER]
      zeigt eine Vorschau im Browser, die sich bei jeder Änderung neu lädt
  handbuch new ORDNER
      legt ein neues Handbuch an, mit dem Muster-Handbuch als Vorlage
  handbuch import DATEI.docx|DATEI.odt [--nach content/KAPITEL.md]
      macht aus einem Word- oder LibreOffice-Dokument ein Kapitel (Vorgabe:
      content/<Titel>.md), die Bilder daneben, und zeigt, was Sie prüfen sollten
  handbuch anleitung [ORDNER]
      schreibt die Anleitung „Handbuch für die Redaktion“ in einen Ordner
      (Vorgabe: handbuch-anleitung); öffnen Sie dort index.html im Browser,
      auch ohne Internet
  handbuch version
      zeigt die Version: die Versionsnummer oder den Stand (Commit) und die Go-Version
  handbuch help
      zeigt diese Hilfe
`

// cli holds what a command needs to talk to the user; tests pass buffers.
type cli struct {
	stdout, stderr io.Writer
	hints          bool // show hints of the checks too
}

// run executes the command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	// Names and values from the project reach the terminal in messages;
	// none of them may steer it.
	stdout, stderr = term.NewWriter(stdout), term.NewWriter(stderr)
	c := &cli{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return c.build(args[1:])
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, versionText(debug.ReadBuildInfo()))
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	case "check":
		return c.check(args[1:])
	case "new":
		return c.newProject(args[1:])
	case "serve":
		return c.serve(args[1:])
	case "import":
		return c.importDoc(args[1:])
	case "anleitung":
		return c.guide(args[1:])
	case "explain":
		return c.explain(args[1:])
	}
	fmt.Fprintf(stderr, "unbekannter Befehl %q.\n\n%s", args[0], usage)
	return 2
}

func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses flags and reports usage errors in German.
func (c *cli) parse(fs *flag.FlagSet, args []string) bool {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(c.stdout, usage)
		return false
	case err != nil:
		fmt.Fprintf(c.stderr, "handbuch %s: %s\n\n%s", fs.Name(), germanFlagError(err), usage)
		return false
	case fs.NArg() > 0:
		fmt.Fprintf(c.stderr, "handbuch %s: unerwartetes Argument %q\n\n%s", fs.Name(), fs.Arg(0), usage)
		return false
	}
	return true
}

// germanFlagError translates an error of package flag.
func germanFlagError(err error) string {
	msg := err.Error()
	if opt, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		msg = "unbekannte Option -" + opt
	} else if opt, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		value := "ORDNER"
		if opt == "-plain" {
			value = "DATEI.txt"
		}
		msg = "die Option -" + opt + " braucht einen Wert, zum Beispiel -" + opt + " " + value
	}
	return msg
}

func (c *cli) build(args []string) int {
	var opts build.Options
	fs := c.flags("build")
	fs.StringVar(&opts.Source, "source", ".", "Projektordner")
	fs.StringVar(&opts.Dest, "dest", "public", "Zielordner")
	fs.BoolVar(&opts.Drafts, "drafts", false, "Entwürfe (draft = true) mitbauen")
	fs.BoolVar(&opts.Strict, "strict", false, "auch Warnungen lassen den Build scheitern")
	fs.BoolVar(&opts.Offline, "offline", false, "Kopie zum Öffnen von einem Laufwerk oder USB-Stick (file://)")
	fs.BoolVar(&opts.NoPDF, "ohne-pdf", false, "schneller Build ohne PDFs: die Seiten bieten keine an")
	fs.BoolVar(&opts.Public, "public", false, "nur die öffentlichen Seiten, für die Website der Organisation (Vorgabe-Ziel: "+build.PublicDest+")")
	format := fs.String("format", "text", "Ausgabe der Prüfung: text oder json")
	fs.BoolVar(&c.hints, "hinweise", false, "auch Hinweise der Prüfung zeigen")
	if !c.parse(fs, args) || !c.validFormat(*format) || !c.validSource("build", opts.Source) {
		return 2
	}
	// The default public/ belongs to the project; a folder named on the
	// command line is meant from where the user stands. The offline copy
	// goes to its own offline/ beside public/, a public build to a folder
	// of its own: neither may replace the site the intranet serves.
	if isSet(fs, "dest") {
		if !filepath.IsAbs(opts.Dest) {
			if abs, err := filepath.Abs(opts.Dest); err == nil {
				opts.Dest = abs
			}
		}
	} else if opts.Public {
		opts.Dest = "" // [public] dest in handbuch.toml, else public-web
	} else if opts.Offline {
		opts.Dest = "offline"
	}
	// Ctrl-C stops the build cleanly: the previous output stays.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := build.Build(ctx, opts)
	var fe *build.FindingsError
	if errors.As(err, &fe) {
		c.report(fe.Findings, *format)
		n, w, _ := check.Count(fe.Findings)
		fmt.Fprintf(c.stderr, "\nBuild abgebrochen: die Prüfung fand %s und %s. Die bisherige Ausgabe wurde nicht verändert.\n", count(n, "Fehler", "Fehler"), count(w, "Warnung", "Warnungen"))
		return 1
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(c.stderr, "Build abgebrochen: der Build wurde unterbrochen (Strg+C oder ein Signal). Die bisherige Ausgabe wurde nicht verändert.")
		return 1
	}
	if err != nil {
		if list := book.Errors(err); len(list) > 0 {
			for _, e := range list {
				fmt.Fprintln(c.stderr, term.Line(e.Error()))
			}
			fmt.Fprintf(c.stderr, "\nBuild abgebrochen: %s. Die bisherige Ausgabe wurde nicht verändert.\n", count(len(list), "Fehler", "Fehler"))
		} else {
			fmt.Fprintf(c.stderr, "Build abgebrochen: %s\n", term.Line(err.Error()))
		}
		return 1
	}
	c.report(res.Findings, *format)
	_, w, h := check.Count(res.Findings)
	// With --format json, stdout is the JSON alone, for programs to read.
	summary := c.stdout
	if *format == "json" {
		summary = c.stderr
	}
	hints := count(h, "Hinweis", "Hinweise")
	if h > 0 && !c.hints && *format == "text" {
		hints += " (zeigen mit --hinweise)"
	}
	fmt.Fprintf(summary, "Fertig: %s, %s in %s, %s, %s, %s.\n",
		count(res.Pages, "Seite", "Seiten"), count(res.Files, "Datei", "Dateien"), res.Dest,
		count(w, "Warnung", "Warnungen"), hints, seconds(res.Duration))
	if res.Slots > 0 {
		fmt.Fprintf(summary, "Noch %s zum Ausfüllen oder Entscheiden ({{< eintragen >}}, leere Angaben unter [organisation] in handbuch.toml und Platzhalter wie [Name eintragen] in data/kontakte.toml); --hinweise zeigt, wo.\n", count(res.Slots, "offene Stelle", "offene Stellen"))
	}
	return 0
}

// validSource refuses --source "": the empty name is no folder, and the
// system's texts about it are English.
func (c *cli) validSource(command, dir string) bool {
	if dir == "" {
		fmt.Fprintf(c.stderr, "handbuch %s: --source braucht einen Ordner, zum Beispiel --source . für den aktuellen Ordner.\n\n%s", command, usage)
		return false
	}
	return true
}

func (c *cli) validFormat(format string) bool {
	if format != "text" && format != "json" {
		fmt.Fprintf(c.stderr, "--format %q gibt es nicht. Erlaubt sind text und json.\n", format)
		return false
	}
	return true
}

// report writes findings: as lines to stderr (hints only when asked
// for, they are many and only suggestions), or all as JSON to stdout.
func (c *cli) report(fs []check.Finding, format string) {
	if format == "json" {
		_ = check.WriteJSON(c.stdout, fs)
		return
	}
	shown := fs
	if !c.hints {
		shown = nil
		for _, f := range fs {
			if f.Severity != check.Hint {
				shown = append(shown, f)
			}
		}
	}
	_ = check.WriteText(c.stderr, shown)
	if len(shown) > 0 {
		fmt.Fprintf(c.stderr, "Erklärung einer Regel: handbuch explain REGEL, zum Beispiel handbuch explain %s\n", shown[0].Rule)
	}
}

// check checks a folder of built HTML, or with --plain one text in
// Einfache Sprache.
func (c *cli) check(args []string) int {
	fs := c.flags("check")
	strict := fs.Bool("strict", false, "auch Warnungen ergeben den Status 1")
	fs.BoolVar(&c.hints, "hinweise", false, "auch Hinweise zeigen")
	format := fs.String("format", "text", "text oder json")
	plain := fs.String("plain", "", "eine Datei (.md oder .txt) als Text in Einfacher Sprache prüfen")
	list := fs.Bool("regeln", false, "alle Regeln mit Schwere, Kriterium und Erklärung zeigen")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, usage)
		return 0
	}
	if err == nil && fs.NArg() > 1 {
		err = fmt.Errorf("unerwartetes Argument %q", fs.Arg(1))
	}
	if err == nil && fs.NArg() > 0 && isSet(fs, "plain") {
		err = fmt.Errorf("unerwartetes Argument %q: mit --plain prüft handbuch check nur die eine Datei", fs.Arg(0))
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch check: %s\n\n%s", germanFlagError(err), usage)
		return 2
	}
	if !c.validFormat(*format) {
		return 2
	}
	if *list {
		return c.listRules(*format)
	}
	if isSet(fs, "plain") {
		if *plain == "" {
			fmt.Fprintf(c.stderr, "handbuch check: --plain braucht eine Datei, zum Beispiel --plain brief.txt\n\n%s", usage)
			return 2
		}
		return c.checkPlain(*plain, *format, *strict)
	}
	dir := "public"
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	pages, err := readPages(dir)
	if err != nil {
		fmt.Fprintf(c.stderr, "handbuch check: %s\n", term.Line(err.Error()))
		// A text given without --plain: say how to check it.
		if info, serr := os.Stat(dir); serr == nil && info.Mode().IsRegular() && check.PlainFile(dir) {
			fmt.Fprintf(c.stderr, "Einen Text in Einfacher Sprache prüft handbuch check --plain %s\n", term.Line(dir))
		}
		return 2
	}
	findings := check.Site(pages)
	c.report(findings, *format)
	n, w, h := check.Count(findings)
	fmt.Fprintf(c.stderr, "Geprüft: %s, %s, %s, %s.\n", count(len(pages), "Datei", "Dateien"), count(n, "Fehler", "Fehler"), count(w, "Warnung", "Warnungen"), count(h, "Hinweis", "Hinweise"))
	if n > 0 || (*strict && w > 0) {
		return 1
	}
	return 0
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// readPages reads the HTML and CSS files under dir, each with the one
// rule for files handbuch reads: a regular file, no symbolic link, no
// bigger than source.MaxPageSize.
func readPages(dir string) ([]check.File, error) {
	folder, err := source.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("der Ordner „%s“ %w", source.Shown(dir), err)
	}
	var pages []check.File
	err = fs.WalkDir(folder, ".", func(p string, d fs.DirEntry, err error) error {
		shown := filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			return fmt.Errorf("%s: %s", shown, source.Explain(err))
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css")) {
			b, err := source.Read(folder, p, source.MaxPageSize)
			if err != nil {
				return fmt.Errorf("%s: %w", shown, err)
			}
			pages = append(pages, check.File{Path: shown, Data: b})
		}
		return nil
	})
	return pages, err
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

// listRules prints the rules of the checks, for editors who decide what
// to switch off with [checks] off.
func (c *cli) listRules(format string) int {
	if format == "json" {
		type rule struct {
			ID        string `json:"regel"`
			Kind      string `json:"art"`
			Severity  string `json:"schwere"`
			Criterion string `json:"kriterium,omitempty"`
			Help      string `json:"erklaerung"`
		}
		out := make([]rule, len(check.Rules))
		for i, r := range check.Rules {
			out[i] = rule{r.ID, r.Kind, r.Severity.String(), r.SC, r.Help}
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return 1
		}
		return 0
	}
	fmt.Fprintf(c.stdout, "Die %d Regeln der Prüfung (abschalten in handbuch.toml mit [checks] off = [\"kennung\"]):\n", len(check.Rules))
	for _, r := range check.Rules {
		sc := r.SC
		if sc == "" {
			sc = "eigene Regel"
		}
		fmt.Fprintf(c.stdout, "\n%s (%s, %s)\n  %s\n", r.ID, r.Severity, sc, r.Help)
	}
	return 0
}
