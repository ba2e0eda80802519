package serve

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/livereload"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/site"
	"github.com/handbuch/handbuch/internal/term"
)

// Watched are the parts of a project a change in which needs a rebuild.
var Watched = []string{"handbuch.toml", "content", "glossary", "checklists", "data", "layouts", "static"}

// Quiet is how long the sources must stay unchanged before a rebuild:
// an editor's save (often several writes and a rename) is one rebuild.
const Quiet = 50 * time.Millisecond

// Server is a running preview.
type Server struct {
	Source string
	Drafts bool
	// Bind is the address the preview was asked to listen on (--bind).
	// Browsers may reach the preview by this name besides the loopback
	// names; every other name is refused (see allowedHost).
	Bind string
	// Log gets what the terminal shows: rebuilds, warnings, errors.
	Log io.Writer
	// Recheck is how often the preview makes sure that the folder at
	// Source is still the one it watches (default 1 s); Grace is how
	// long the path may stay empty before the preview stops (default
	// 3 s), time enough for a folder to be moved away and replaced.
	Recheck, Grace time.Duration
	// Settle is how long the sources must stay unchanged before a
	// rebuild (default Quiet).
	Settle time.Duration

	mu      sync.RWMutex
	files   map[string][]byte // output path → content
	all     map[string][]byte // the whole site with PDFs, search and print view, made when first asked for after a rebuild
	allMu   sync.Mutex
	failure []failure         // messages of a failed build, shown instead of the site
	inc     build.Incremental // the last build's pages, for a fast rebuild
	dir     string            // Source made absolute when the preview starts
	port    int
	ip      net.IP // the address listened on
	addr    string // the address shown to the user, see Address
}

// GoneError is returned by Serve when the project folder left its path
// (moved away or deleted) and no other folder took its place.
type GoneError struct {
	Dir string
}

func (e *GoneError) Error() string {
	return fmt.Sprintf("der Projektordner %s ist nicht mehr da (verschoben oder gelöscht). Die Vorschau ist beendet. Starten Sie sie im Ordner des Handbuchs neu: handbuch serve --source ORDNER", e.Dir)
}

// Address is the address to open the preview at. Listening on all
// addresses (for Go, on IPv4 and IPv6 both), it is 127.0.0.1, which
// works on this machine.
func Address(ln net.Listener) string {
	a := ln.Addr().(*net.TCPAddr)
	ip := a.IP
	if ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return "http://" + net.JoinHostPort(ip.String(), strconv.Itoa(a.Port)) + "/"
}

// Serve builds the project, listens on ln and serves until ctx ends.
// It returns a *GoneError when the project folder is gone.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	// An absolute path names the folder at this path, also after the
	// folder the process started in was moved away.
	dir, err := filepath.Abs(s.Source)
	if err != nil {
		return err
	}
	s.dir = dir
	tcp := ln.Addr().(*net.TCPAddr)
	s.port, s.ip, s.addr = tcp.Port, tcp.IP, Address(ln)
	startLivereload()
	watcher, watched, err := s.watchAll()
	if err != nil {
		return err
	}
	s.Rebuild()

	mux := http.NewServeMux()
	mux.HandleFunc("/livereload", s.livereload)
	mux.HandleFunc("/livereload.js", livereload.ServeJS)
	mux.HandleFunc("/", s.serveFile)
	srv := &http.Server{Handler: s.guard(mux), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	gone := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	go s.loop(ctx, watcher, watched, gone)

	var result error
	select {
	case <-ctx.Done():
	case result = <-gone:
	case err := <-done:
		return err
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	// Open livereload websockets do not end by themselves.
	_ = srv.Shutdown(shutdown)
	return result
}

// watchAll watches the project folder and its parts. It returns the
// folder watched, to notice when another folder takes its place.
func (s *Server) watchAll() (*fsnotify.Watcher, os.FileInfo, error) {
	watched, err := os.Stat(s.dir)
	if err != nil {
		return nil, nil, err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, nil, err
	}
	// The project folder first, for handbuch.toml and parts created
	// later, also while the parts are being added.
	if err := w.Add(s.dir); err != nil {
		w.Close()
		return nil, nil, err
	}
	for _, part := range Watched {
		if err := s.watch(w, filepath.Join(s.dir, part)); err != nil {
			w.Close()
			return nil, nil, err
		}
	}
	return w, watched, nil
}

// watch adds dir and its subfolders; a missing part is fine.
func (s *Server) watch(w *fsnotify.Watcher, dir string) error {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// loop rebuilds after each batch of changes. A watcher follows a
// folder, not a path: when the folder is moved away and another put at
// its path, loop watches and builds the new one; when the path stays
// empty for Grace, it sends a *GoneError to gone and ends.
func (s *Server) loop(ctx context.Context, w *fsnotify.Watcher, watched os.FileInfo, gone chan<- error) {
	defer func() { w.Close() }() // the last watcher, not the first
	recheck := time.NewTicker(cmp.Or(s.Recheck, time.Second))
	defer recheck.Stop()
	grace := cmp.Or(s.Grace, 3*time.Second)
	var timer <-chan time.Time
	var missing time.Time // since when nothing is at the path
	var failed string     // why the new folder could not be watched, said once
	// check compares the folder at the path with the one watched; it
	// reports false when the preview is to stop.
	check := func() bool {
		st, err := os.Stat(s.dir)
		switch {
		case err == nil && os.SameFile(st, watched):
			missing = time.Time{}
		case err == nil && st.IsDir():
			nw, nwatched, err := s.watchAll()
			if err != nil {
				if err.Error() != failed {
					failed = err.Error()
					fmt.Fprintf(s.Log, "Beobachten der Dateien: %s\n", term.Line(err.Error()))
				}
				return true
			}
			w.Close()
			w, watched, missing, failed = nw, nwatched, time.Time{}, ""
			fmt.Fprintf(s.Log, "%s An der Stelle von %s liegt jetzt ein anderer Ordner. Die Vorschau zeigt und beobachtet ihn.\n", time.Now().Format("15:04:05"), s.dir)
			timer = time.After(cmp.Or(s.Settle, Quiet))
		case missing.IsZero():
			missing = time.Now()
		case time.Since(missing) >= grace:
			gone <- &GoneError{Dir: s.dir}
			return false
		}
		return true
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-recheck.C:
			if !check() {
				return
			}
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Name == s.dir && ev.Has(fsnotify.Rename|fsnotify.Remove) {
				if !check() {
					return
				}
				continue
			}
			if !s.relevant(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					_ = s.watch(w, ev.Name)
				}
			}
			timer = time.After(cmp.Or(s.Settle, Quiet))
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.Log, "Beobachten der Dateien: %s\n", term.Line(err.Error()))
		case <-timer:
			timer = nil
			s.Rebuild()
			livereload.ForceRefresh()
		}
	}
}

// relevant reports whether a changed file belongs to the sources; the
// output folder and editors' backup and swap files do not.
func (s *Server) relevant(name string) bool {
	return relevant(s.dir, name, runtime.GOOS == "windows")
}

// relevant reports whether the changed file name, as the watcher names
// it, lies in one of the Watched parts of the project folder dir. On
// Windows (windows true, a parameter so that tests run everywhere)
// names use \ or /, and a folder called Content is content/: the file
// system does not tell case apart, so neither does the preview.
func relevant(dir, name string, windows bool) bool {
	if windows {
		dir, name = strings.ReplaceAll(dir, `\`, "/"), strings.ReplaceAll(name, `\`, "/")
	}
	dir = strings.TrimSuffix(dir, "/")
	if len(name) <= len(dir)+1 || name[len(dir)] != '/' {
		return false
	}
	if prefix := name[:len(dir)]; prefix != dir && !(windows && strings.EqualFold(prefix, dir)) {
		return false
	}
	rel := path.Clean(name[len(dir)+1:])
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return false
	}
	base := path.Base(rel)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, ".swp") {
		return false
	}
	first, _, _ := strings.Cut(rel, "/")
	for _, part := range Watched {
		if first == part || windows && strings.EqualFold(first, part) {
			return true
		}
	}
	return false
}

// Rebuild builds the project in memory and swaps it in; a failure is
// kept to be shown instead.
func (s *Server) Rebuild() {
	start := time.Now()
	opts := build.Options{Source: s.dir, Drafts: s.Drafts}
	files, h, findings, err := build.Preview(opts, &s.inc)
	s.mu.Lock()
	defer s.mu.Unlock()
	stamp := time.Now().Format("15:04:05")
	if err == nil {
		if n, _, _ := check.Count(findings); n > 0 {
			err = &build.FindingsError{Findings: findings}
		}
	}
	if err != nil {
		s.failure = messages(err)
		fmt.Fprintf(s.Log, "%s Build abgebrochen:\n", stamp)
		for _, m := range s.failure {
			fmt.Fprintf(s.Log, "  %s\n", term.Line(m.Text))
		}
		fmt.Fprintln(s.Log, "  Die Vorschau zeigt den Fehler, bis er behoben ist.")
		return
	}
	s.failure = nil
	s.all = nil
	s.files = map[string][]byte{}
	for _, f := range files {
		s.files[f.Path] = f.Data
	}
	var warnings []check.Finding
	for _, f := range findings {
		if f.Severity == check.Warning {
			warnings = append(warnings, f)
		}
	}
	_ = check.WriteText(s.Log, warnings)
	fmt.Fprintf(s.Log, "%s Neu gebaut: %d Seiten in %d ms.\n", stamp, len(h.Pages), time.Since(start).Milliseconds())
}

// failure is one message of a failed build; Rule is the id of the
// check's rule when the message is a finding.
type failure struct {
	Text, Rule string
}

// messages turns a build error into lines for the terminal and the
// error page.
func messages(err error) []failure {
	var fe *build.FindingsError
	if errors.As(err, &fe) {
		var out []failure
		for _, f := range fe.Findings {
			if f.Severity == check.Error {
				out = append(out, failure{Text: f.String(), Rule: f.Rule})
			}
		}
		return out
	}
	if list := book.Errors(err); len(list) > 0 {
		out := make([]failure, len(list))
		for i, e := range list {
			out[i] = failure{Text: e.Error()}
		}
		return out
	}
	return []failure{{Text: err.Error()}}
}

// serveFile answers with the built file, or the error page.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || p == "" {
		p = path.Join(p, "index.html")
	}
	data, ok := s.lookup(p)
	if !ok {
		if _, dir := s.lookup(path.Join(p, "index.html")); dir {
			http.Redirect(w, r, folderURL(p, r.URL.RawQuery), http.StatusMovedPermanently)
			return
		}
	}
	// The error page links each finding's rule to its explanation. While
	// the build fails there is no report to hold it, so the preview
	// makes the page itself, from the same explanation.
	if id, isRule := rulePage(p); isRule && !ok {
		s.serveRule(w, id)
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	isHTML := strings.HasSuffix(p, ".html") || !ok
	if s.failure != nil && isHTML {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusInternalServerError)
		_ = errorPage.Execute(w, errorData{Messages: s.failure, Reload: s.reloadScript()})
		return
	}
	status := http.StatusOK
	if !ok {
		data, status, p = s.files["404.html"], http.StatusNotFound, "404.html"
	}
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasSuffix(p, ".html") {
		data = s.withReload(data)
	}
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// folderURL is the address of folder p, with the slash. Made from the
// cleaned path and escaped, it is always a path on this server: never
// "//host" or "/\host", which a browser takes for another site.
func folderURL(p, query string) string {
	u := url.URL{Path: "/" + strings.TrimLeft(p, "/") + "/", RawQuery: query}
	return u.String()
}

// guard refuses every host name but this machine's loopback names and
// the address the preview is bound to. Otherwise a page of another site
// could point its own name at this machine (DNS rebinding) and read the
// preview, drafts included.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.allowedHost(r.Host) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintf(w, "Diese Vorschau antwortet nur unter ihrer eigenen Adresse, damit keine andere Website die Entwürfe lesen kann.\nÖffnen Sie die Adresse, die handbuch serve beim Start gezeigt hat: %s\n", s.addr)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowedHost reports whether the preview answers to host (with or
// without port): localhost, a loopback address, the address listened
// on and the name given to --bind; listening on all addresses, also
// every address of this machine. A name another site controls cannot
// be one of them.
func (s *Server) allowedHost(host string) bool {
	name := hostName(host)
	if name == "" {
		return false
	}
	if name == "localhost" || name == hostName(s.Bind) {
		return true
	}
	ip := net.ParseIP(name)
	switch {
	case ip == nil:
		return false
	case ip.IsLoopback() || ip.Equal(s.ip):
		return true
	case s.ip.IsUnspecified():
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
				return true
			}
		}
	}
	return false
}

// hostName is the name in host without port and brackets, lower case
// and without the dot that may end a full name.
func hostName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else {
		host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	}
	return strings.ToLower(strings.TrimSuffix(host, "."))
}

// livereload opens the reload socket for the preview's own pages only.
// A browser sends the page's origin with every websocket handshake; a
// client that sends none is no browser, so no page of another site.
func (s *Server) livereload(w http.ResponseWriter, r *http.Request) {
	if origin := r.Header.Get("Origin"); origin != "" && !s.ownOrigin(origin, r.Host) {
		http.Error(w, "Nur die Seiten der Vorschau selbst dürfen sich über Änderungen benachrichtigen lassen.", http.StatusForbidden)
		return
	}
	livereload.Handler(w, r)
}

// ownOrigin reports whether origin is the preview's own, as a page
// opened at host has it.
func (s *Server) ownOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Scheme != "http" || u.Host == "" || u.User != nil || (u.Path != "" && u.Path != "/") {
		return false
	}
	return s.allowedHost(u.Host) && hostName(u.Host) == hostName(host) && port(u.Host) == port(host)
}

// port is the port in host, 80 when there is none (only http is served).
func port(host string) string {
	if _, p, err := net.SplitHostPort(host); err == nil && p != "" {
		return p
	}
	return "80"
}

// lookup returns the file at p: from the last build, or else from the
// whole site, made when first asked for after a rebuild (the PDFs, the
// search and the print view take longer than the pages and are looked
// at less often).
func (s *Server) lookup(p string) ([]byte, bool) {
	s.mu.RLock()
	data, ok := s.files[p]
	failed := s.failure != nil
	s.mu.RUnlock()
	if ok || failed || !gathered(p) {
		return data, ok
	}
	s.allMu.Lock()
	defer s.allMu.Unlock()
	s.mu.RLock()
	all := s.all
	s.mu.RUnlock()
	if all == nil {
		files, err := build.PreviewAll(build.Options{Source: s.dir, Drafts: s.Drafts})
		if err != nil {
			return nil, false // the next rebuild shows the error
		}
		all = map[string][]byte{}
		for _, f := range files {
			all[f.Path] = f.Data
		}
		s.mu.Lock()
		s.all = all
		s.mu.Unlock()
	}
	data, ok = all[p]
	return data, ok
}

// gathered reports whether p is made only by a whole build.
func gathered(p string) bool {
	for _, prefix := range site.Gathered {
		if strings.HasPrefix("/"+p, prefix) {
			return true
		}
	}
	return false
}

// reloadScript is the livereload client; only the preview has it.
func (s *Server) reloadScript() template.HTML {
	return template.HTML(`<script src="/livereload.js?mindelay=10&amp;v=2&amp;port=` + strconv.Itoa(s.port) + `&amp;path=livereload" defer></script>`)
}

// withReload puts the livereload client before </body>.
func (s *Server) withReload(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return page
	}
	out := make([]byte, 0, len(page)+200)
	out = append(out, page[:i]...)
	out = append(out, s.reloadScript()...)
	return append(out, page[i:]...)
}

var startOnce sync.Once

// startLivereload starts Hugo's livereload hub, once per process.
func startLivereload() { startOnce.Do(livereload.Initialize) }

type errorData struct {
	Messages []failure
	Reload   template.HTML
}

var errorPage = template.Must(template.New("fehler").Funcs(template.FuncMap{"ruleURL": site.RuleURL}).Parse(`<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build-Fehler – Vorschau</title>
<style>
body { font: 1.125rem/1.6 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.75rem; }
[role=alert] { border-left: 0.5rem solid #a00000; padding: 0.5rem 1rem; background: #fff4f4; }
li { margin-bottom: 0.75rem; }
code { font: 1rem/1.5 ui-monospace, monospace; overflow-wrap: anywhere; }
.sprung { position: absolute; left: -100rem; }
.sprung:focus { position: static; }
</style>
</head>
<body>
<a class="sprung" href="#inhalt">Zum Inhalt springen</a>
<main id="inhalt">
<h1>Die Vorschau kann nicht gebaut werden</h1>
<div role="alert">
<p>handbuch hat {{len .Messages}} Fehler gefunden. Die Stelle steht vorne: Datei:Zeile:Spalte.</p>
<ul>
{{- range .Messages}}
<li><code>{{.Text}}</code>{{with .Rule}}<br><a href="{{ruleURL .}}">Was die Regel {{.}} verlangt</a>{{end}}</li>
{{- end}}
</ul>
</div>
<p>Beheben Sie den Fehler und speichern Sie die Datei. Diese Seite lädt dann von selbst neu und zeigt wieder das Handbuch.</p>
</main>
{{.Reload}}
</body>
</html>
`))

// rulePage reports whether p is the page of a rule next to the report,
// and which.
func rulePage(p string) (string, bool) {
	rest, ok := strings.CutPrefix("/"+p, site.ReportURL+"regeln/")
	id, ok2 := strings.CutSuffix(rest, "/index.html")
	if !ok || !ok2 || strings.Contains(id, "/") {
		return "", false
	}
	_, known := check.RuleOf(id)
	return id, known
}

// serveRule answers with the explanation of the rule id.
func (s *Server) serveRule(w http.ResponseWriter, id string) {
	r, _ := check.RuleOf(id)
	e, _ := check.ExplanationOf(id)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = rulePageTemplate.Execute(w, rulePageData{
		ID: id, Severity: r.Severity.String(), Criterion: check.CriterionText(r.SC),
		What: site.ExplanationHTML(e.What), Why: site.ExplanationHTML(e.Why), Fix: site.ExplanationHTML(e.Fix),
		Wrong: e.Wrong, Right: e.Right, Reload: s.reloadScript(),
	})
}

type rulePageData struct {
	ID, Severity, Criterion string
	What, Why, Fix          template.HTML
	Wrong, Right            check.Example
	Reload                  template.HTML
}

var rulePageTemplate = template.Must(template.New("regel").Parse(`<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Regel {{.ID}} – Vorschau</title>
<style>
body { font: 1.125rem/1.6 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.75rem; }
code, pre { font: 1rem/1.5 ui-monospace, monospace; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; background: #f6f8fa; padding: 0.75rem; }
.sprung { position: absolute; left: -100rem; }
.sprung:focus { position: static; }
</style>
</head>
<body>
<a class="sprung" href="#inhalt">Zum Inhalt springen</a>
<main id="inhalt">
<h1>Regel {{.ID}}</h1>
<p><strong>Schwere:</strong> {{.Severity}}. <strong>WCAG 2.2:</strong> {{.Criterion}}.</p>
{{.What}}
<h2>Warum das wichtig ist</h2>
{{.Why}}
<h2>So beheben Sie es</h2>
{{.Fix}}
<h2>Falsch</h2>
<p>Beispiel: {{.Wrong.LangName}}.</p>
<pre><code>{{.Wrong.Code}}</code></pre>
<h2>Richtig</h2>
<p>Beispiel: {{.Right.LangName}}.</p>
<pre><code>{{.Right.Code}}</code></pre>
<p><a href="/">Zurück zur Vorschau</a></p>
</main>
{{.Reload}}
</body>
</html>
`))
