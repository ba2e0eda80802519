package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gohugoio/hugo/parser/pageparser"
	"golang.org/x/text/language"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/check"
	"github.com/handbuch/handbuch/internal/images"
	"github.com/handbuch/handbuch/internal/shortcode"
	"github.com/handbuch/handbuch/internal/source"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// ConfigFile is the name of the project file at the root of a handbook.
const ConfigFile = "handbuch.toml"

// Options control what Load reads.
type Options struct {
	Drafts bool      // include pages with draft = true
	Today  time.Time // the date to check dates against; zero means today
	// Pages, if set, keeps the pages read for the next Load with the
	// same Pages (a preview): a file whose bytes are unchanged is not
	// parsed again.
	Pages *PageCache
}

// PageCache keeps parsed pages by file, as they were before Load put
// them in place. One Load at a time may use it.
type PageCache struct {
	pages map[string]book.Page
}

// parse is parsePage through the cache.
func (c *PageCache) parse(file string, src []byte, errs *book.ErrorList) *book.Page {
	if c == nil {
		return parsePage(file, src, errs)
	}
	old, ok := c.pages[file]
	if ok && bytes.Equal(old.Source, src) {
		return &old
	}
	n := len(*errs)
	pg := parsePage(file, src, errs)
	if pg != nil && len(*errs) == n {
		if c.pages == nil {
			c.pages = map[string]book.Page{}
		}
		c.pages[file] = *pg
	}
	return pg
}

// Load reads the project in fsys. The error, if any, is a book.ErrorList
// with every problem found, each with its position.
func Load(fsys fs.FS, opts Options) (*book.Handbook, error) {
	var errs book.ErrorList
	h := &book.Handbook{}
	h.Config = loadConfig(fsys, &errs)
	h.Today = opts.Today
	if h.Today.IsZero() {
		h.Today = time.Now()
	}
	h.Today = time.Date(h.Today.Year(), h.Today.Month(), h.Today.Day(), 0, 0, 0, 0, time.UTC)
	h.Glossary = loadGlossary(fsys, h.Config.Language, &errs)
	h.Checklists = loadChecklists(fsys, &errs)
	h.Register = loadRegister(fsys, h.Today, &errs, &h.Warnings)
	h.Contacts = loadContacts(fsys, &errs)
	pages := loadContent(fsys, opts, &errs, &h.Warnings)
	if len(errs) == 0 {
		assemble(h, pages, &errs)
	}
	if len(errs) == 0 && h.Config.ChapterNumbers != "" {
		numberChapters(h, &errs)
	}
	if len(errs) == 0 && len(h.Checklists) > 0 {
		addChecklistPages(h, &errs)
	}
	if len(errs) == 0 && len(h.Glossary) > 0 {
		addGlossaryPage(h, &errs)
		checkGlossaryLanguages(h)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return h, nil
}

// DefaultColors is the default theme: near-black on white, a dark blue for
// links and the header.
var DefaultColors = book.Colors{
	Text:       "#1a1a1a",
	Background: "#ffffff",
	Link:       "#0b4a7d",
	Accent:     "#0b4a7d",
	Muted:      "#4a4a4a",
}

// Config reads only handbuch.toml: a build needs [public] dest before
// it loads the rest.
func Config(fsys fs.FS) (book.Config, error) {
	var errs book.ErrorList
	c := loadConfig(fsys, &errs)
	return c, errs.Err()
}

func loadConfig(fsys fs.FS, errs *book.ErrorList) book.Config {
	c := book.Config{Language: "de", ReviewMonths: 24, BaseURL: "/", TermLinks: "first", Colors: DefaultColors,
		Limits: book.Limits{SentenceWarn: 15, SentenceError: 20, LongShare: 10, FRE: 60, WSTF1: 8, LIX: 40}}
	src, err := source.Read(fsys, ConfigFile, source.MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		errs.Addf(book.Pos{File: ConfigFile}, "%s fehlt oder kann nicht gelesen werden. Legen Sie die Datei im Projektordner an oder beginnen Sie ein neues Handbuch mit „handbuch new ORDNER“.", ConfigFile)
		return c
	}
	if err != nil {
		errs.Addf(book.Pos{File: ConfigFile}, "%s", err)
		return c
	}
	if !checkText(ConfigFile, src, errs) {
		return c
	}
	d := tomlDoc{file: ConfigFile, src: src, text: string(src)}
	pos := map[string]book.Pos{}
	str := func(key string, dst *string) field {
		return field{key: key, kind: kString, set: func(v any, p book.Pos) { *dst = v.(string); pos[key] = p }}
	}
	color := func(key string, dst *string) field {
		return field{key: key, kind: kString, set: func(v any, p book.Pos) {
			*dst = v.(string)
			pos["colors."+key] = p
		}}
	}
	d.decode([]field{
		str("title", &c.Title),
		orgField(&c.Org, pos),
		str("language", &c.Language),
		str("base_url", &c.BaseURL),
		str("contact", &c.Contact),
		str("notice", &c.Notice),
		str("term_links", &c.TermLinks),
		{key: "chapter_numbers", kind: kString, set: func(v any, p book.Pos) { c.ChapterNumbers = v.(string); pos["chapter_numbers"] = p }},
		{key: "review_months", kind: kInt, set: func(v any, p book.Pos) { c.ReviewMonths = v.(int); pos["review_months"] = p }},
		{key: "allow_html", kind: kBool, set: func(v any, p book.Pos) { c.AllowHTML = v.(bool) }},
		{key: "checks", kind: kTable, sub: []field{
			{key: "off", kind: kStrings, set: func(v any, p book.Pos) { c.ChecksOff = v.([]string); pos["checks.off"] = p }},
			{key: "sentence_warn", kind: kInt, set: func(v any, _ book.Pos) { c.Limits.SentenceWarn = v.(int) }},
			{key: "sentence_error", kind: kInt, set: func(v any, _ book.Pos) { c.Limits.SentenceError = v.(int) }},
			{key: "long_sentences_percent", kind: kNumber, set: func(v any, _ book.Pos) { c.Limits.LongShare = v.(float64) }},
			{key: "flesch_min", kind: kNumber, set: func(v any, _ book.Pos) { c.Limits.FRE = v.(float64) }},
			{key: "wstf_max", kind: kNumber, set: func(v any, _ book.Pos) { c.Limits.WSTF1 = v.(float64) }},
			{key: "lix_max", kind: kNumber, set: func(v any, _ book.Pos) { c.Limits.LIX = v.(float64) }},
		}},
		{key: "statement", kind: kTable, sub: []field{
			{key: "legal_basis", kind: kString, set: func(v any, p book.Pos) { c.Statement.LegalBasis = strings.TrimSpace(v.(string)); pos["statement"] = p }},
			{key: "reviewed", kind: kDate, set: func(v any, p book.Pos) { c.Statement.Reviewed = v.(time.Time); pos["statement"] = p }},
			{key: "findings", kind: kString, set: func(v any, p book.Pos) { c.Statement.Findings = strings.TrimSpace(v.(string)); pos["statement"] = p }},
			{key: "enforcement", kind: kString, set: func(v any, p book.Pos) { c.Statement.Enforcement = strings.TrimSpace(v.(string)); pos["statement"] = p }},
		}},
		{key: "public", kind: kTable, sub: []field{
			{key: "dest", kind: kString, set: func(v any, p book.Pos) { c.PublicDest = v.(string); pos["public.dest"] = p }},
		}},
		{key: "colors", kind: kTable, sub: []field{
			color("text", &c.Colors.Text),
			color("background", &c.Colors.Background),
			color("link", &c.Colors.Link),
			color("accent", &c.Colors.Accent),
			color("muted", &c.Colors.Muted),
		}},
	}, errs)
	c.At = pos
	at := c.PosOf
	if strings.TrimSpace(c.Title) == "" {
		errs.Addf(at("title"), `title fehlt: geben Sie dem Handbuch einen Titel, zum Beispiel title = "KI-Leitlinien".`)
	}
	if _, err := language.Parse(c.Language); err != nil {
		errs.Addf(at("language"), "%q ist kein gültiges Sprachkürzel. Verwenden Sie zum Beispiel \"de\" oder \"de-DE\".", c.Language)
	}
	if c.Contact != "" {
		// Every page links it as mailto: with a subject.
		if err := urlpolicy.Mailbox(c.Contact); err != nil {
			errs.Addf(at("contact"), "contact %q %v.", c.Contact, err)
		}
	}
	if d := c.PublicDest; d != "" && (strings.TrimSpace(d) == "" || path.Clean(strings.ReplaceAll(d, `\`, "/")) == "." || path.Clean(strings.ReplaceAll(d, `\`, "/")) == "public") {
		errs.Addf(at("public.dest"), "public.dest %q: der öffentliche Build braucht einen eigenen Ordner, nicht den Projektordner und nicht public/ (dort liegt das Intranet). Schreiben Sie zum Beispiel dest = \"public-web\".", d)
	}
	if c.ReviewMonths < 1 || c.ReviewMonths > 120 {
		errs.Addf(at("review_months"), "review_months muss zwischen 1 und 120 Monaten liegen (üblich sind 24).")
	}
	checkBaseURL(c.BaseURL, at("base_url"), errs)
	if l := c.Limits; l.SentenceWarn < 1 || l.SentenceError < l.SentenceWarn {
		errs.Addf(at("checks"), "checks: sentence_warn muss mindestens 1 sein und sentence_error mindestens so groß wie sentence_warn (üblich: 15 und 20).")
	}
	rules := check.RuleIDs()
	for _, id := range c.ChecksOff {
		if slices.Contains(rules, id) {
			continue
		}
		if s := suggest(id, rules); s != "" {
			errs.Addf(at("checks.off"), "checks.off: eine Prüfregel %q gibt es nicht, meinten Sie %q? Die Regeln stehen im Prüfbericht und im README.", id, s)
		} else {
			errs.Addf(at("checks.off"), "checks.off: eine Prüfregel %q gibt es nicht. Schreiben Sie die Kennung so, wie sie in der Meldung steht, zum Beispiel \"link-generic\".", id)
		}
	}
	switch c.TermLinks {
	case "first", "all", "none":
	default:
		errs.Addf(at("term_links"), "term_links %q ist unbekannt. Erlaubt sind: first (nur das erste Vorkommen je Seite verlinken), all, none.", c.TermLinks)
	}
	checkColors(c.Colors, at, errs)
	checkOrg(fsys, &c.Org, pos, errs)
	return c
}

// checkBaseURL checks base_url: a path from the root of the server, or a
// full http(s) address, that ends with "/" and has nothing after it. The
// 404 page links from it and a flyer's QR code carries it.
func checkBaseURL(base string, pos book.Pos, errs *book.ErrorList) {
	const want = "Sie muss mit „/“ enden, zum Beispiel \"/ki-leitlinien/\" oder \"https://intranet.example.org/ki-leitlinien/\"."
	kind, err := urlpolicy.Check(base)
	if err != nil {
		errs.Addf(pos, "base_url %q %v. %s", base, err, want)
		return
	}
	u, err := url.Parse(base)
	switch {
	case err != nil, kind != urlpolicy.Web && kind != urlpolicy.Relative:
		errs.Addf(pos, "base_url %q ist keine Adresse einer Website. %s", base, want)
	case kind == urlpolicy.Relative && !strings.HasPrefix(base, "/"):
		errs.Addf(pos, "base_url %q muss mit „/“ beginnen (der Pfad ab dem Server) oder eine vollständige Adresse mit https:// sein. %s", base, want)
	case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(base, "?#"):
		errs.Addf(pos, "base_url %q darf kein ? und kein # enthalten. %s", base, want)
	case !strings.HasSuffix(u.Path, "/"):
		errs.Addf(pos, "base_url %q ist keine gültige Adresse. %s", base, want)
	}
}

// checkText rejects files that are not UTF-8, with the position of the
// first bad byte.
func checkText(file string, src []byte, errs *book.ErrorList) bool {
	off := book.InvalidUTF8(src)
	if off < 0 {
		return true
	}
	errs.Addf(book.PosAt(file, src, off), "die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Ihrem Editor mit der Kodierung UTF-8.")
	return false
}

// rawPage is a content file before it is placed in the tree.
type rawPage struct {
	page *book.Page
	dir  string // content-relative directory of the file
}

func loadContent(fsys fs.FS, opts Options, errs *book.ErrorList, warnings *[]*book.Error) []rawPage {
	var pages []rawPage
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" && errors.Is(err, fs.ErrNotExist) {
				errs.Addf(book.Pos{File: "content"}, "der Ordner content/ fehlt. Legen Sie ihn an und schreiben Sie mindestens content/_index.md (die Startseite).")
				return fs.SkipAll
			}
			errs.Addf(book.Pos{File: p}, "%s", source.Explain(err))
			return nil
		}
		name := d.Name()
		if p != "content" && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			errs.Addf(book.Pos{File: p}, "ist eine symbolische Verknüpfung. handbuch liest nur echte Dateien im Projektordner; kopieren Sie die Datei hierher.")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if images.Known(name) {
			return nil // read by the link stage when a page shows it
		}
		if !strings.HasSuffix(name, ".md") {
			*warnings = append(*warnings, book.Errorf(book.Pos{File: p}, "wird nicht verwendet: handbuch liest in content/ nur Markdown-Dateien (.md). Verschieben Sie die Datei aus content/ heraus."))
			return nil
		}
		src, err := source.Read(fsys, p, source.MaxFileSize)
		if err != nil {
			errs.Addf(book.Pos{File: p}, "%s", err)
			return nil
		}
		pg := opts.Pages.parse(p, src, errs)
		if pg == nil || (pg.Draft && !opts.Drafts) {
			return nil
		}
		pages = append(pages, rawPage{page: pg, dir: path.Dir(strings.TrimPrefix(p, "content/"))})
		return nil
	})
	if err != nil {
		errs.Addf(book.Pos{File: "content"}, "%s", source.Explain(err))
	}
	return pages
}

// parsePage splits front matter from Markdown with Hugo's page lexer and
// decodes the front matter strictly.
func parsePage(file string, src []byte, errs *book.ErrorList) *book.Page {
	if !checkText(file, src, errs) {
		return nil
	}
	pg := &book.Page{File: file, Source: src, Lines: book.NewLines(src), LinkTerms: true}
	items, err := pageparser.ParseBytes(src, pageparser.Config{NoSummaryDivider: true})
	if err != nil {
		errs.Addf(book.Pos{File: file, Line: 1, Col: 1}, "kann nicht gelesen werden: %v", err)
		return nil
	}
	var fm *pageparser.Item
	body, open := -1, 0
	for i := range items {
		it := items[i]
		if it.IsLeftShortcodeDelim() {
			open = it.Pos()
		}
		switch {
		case it.IsError() && fm != nil:
			errs.Addf(book.PosAt(file, src, open), "fehlerhafter Shortcode: %s. Erlaubt sind: %s.", germanLexer(it.Err), shortcodeUsage())
			return nil
		case it.IsError():
			// Before the front matter the lexer fails only on front
			// matter without its closing line; point at the opening one.
			errs.Addf(book.PosAt(file, src, max(0, bytes.Index(src, []byte("+++")))), "Front Matter ist nicht abgeschlossen. Schließen Sie ihn mit einer Zeile, die nur +++ enthält.")
			return nil
		case it.Type == pageparser.TypeFrontMatterTOML:
			fm = &items[i]
		case it.Type == pageparser.TypeFrontMatterYAML, it.Type == pageparser.TypeFrontMatterJSON, it.Type == pageparser.TypeFrontMatterORG:
			errs.Addf(book.PosAt(file, src, it.Pos()), "handbuch liest nur TOML-Front-Matter zwischen zwei Zeilen mit +++. Schreiben Sie zum Beispiel:\n+++\ntitle = \"Mein Kapitel\"\n+++")
			return nil
		case it.Type == pageparser.TypeIgnore:
		default:
			if body < 0 {
				body = it.Pos()
			}
		}
	}
	if fm == nil {
		errs.Addf(book.Pos{File: file, Line: 1, Col: 1}, "Front Matter fehlt. Beginnen Sie die Datei mit:\n+++\ntitle = \"Titel der Seite\"\nweight = 10\n+++")
		return nil
	}
	if body < 0 {
		body = len(src)
	}
	pg.Body, pg.BodyOffset = src[body:], body
	if err := checkShortcodes(file, src, items); err != nil {
		errs.Add(err)
	}
	decodeFrontMatter(pg, tomlDoc{file: file, src: src, off: fm.Pos(), text: fm.ValStr(src), lines: pg.Lines}, errs)
	return pg
}

// germanLexer translates the shortcode errors of Hugo's page lexer.
func germanLexer(err error) string {
	if err == nil {
		return "unbekannter Fehler"
	}
	switch msg := err.Error(); {
	case strings.Contains(msg, "unclosed shortcode"):
		return "es fehlt das schließende >}}"
	case strings.Contains(msg, "named parameter"):
		// zeilen=6 after positional arguments, as a Hugo user writes it.
		return "benannte Argumente (name=…) gibt es nicht, schreiben Sie jedes Argument für sich, die Zahl der Zeilen eines Feldes als drittes: {{< feld \"Beschriftung\" \"lang\" 6 >}}"
	case strings.Contains(msg, "but none is open"):
		return "ein schließender Shortcode {{< /… >}} ohne öffnenden"
	default:
		return msg
	}
}

func shortcodeUsage() string {
	var usage []string
	for _, n := range shortcode.Names() {
		usage = append(usage, shortcode.All[n].Usage)
	}
	return strings.Join(usage, ", ")
}

// checkShortcodes reports unknown shortcodes, wrong arguments, block
// shortcodes inside a sentence and containers without their closing
// line; an unexpanded {{< … >}} must never reach a reader.
func checkShortcodes(file string, src []byte, items pageparser.Items) *book.Error {
	var open *pageparser.Item // the container open here
	openName := ""
	for i, it := range items {
		if !it.IsLeftShortcodeDelim() {
			continue
		}
		pos := book.PosAt(file, src, it.Pos())
		if it.IsShortcodeMarkupDelimiter() {
			return book.Errorf(pos, "schreiben Sie Shortcodes mit {{< … >}}, nicht mit {{%% … %%}}. Erlaubt sind: %s.", shortcodeUsage())
		}
		rest := items[i+1:]
		if len(rest) > 1 && rest[0].IsShortcodeClose() {
			name := rest[1].ValStr(src)
			sc, ok := shortcode.Lookup(name)
			switch {
			case !ok || !sc.Container:
				return book.Errorf(pos, "ein schließender Shortcode {{< /%s >}} ist hier nicht nötig: dieser Shortcode steht allein. Erlaubt sind: %s.", name, shortcodeUsage())
			case openName != name:
				return book.Errorf(pos, "hier endet {{< /%s >}}, aber davor beginnt kein {{< %s >}}. So geht es: %s.", name, name, sc.Usage)
			case !aloneOnLine(src, it.Pos(), shortcodeEnd(it.Pos(), rest)):
				return book.Errorf(pos, "das schließende {{< /%s >}} muss allein in einer eigenen Zeile stehen. So geht es: %s.", name, sc.Usage)
			}
			open, openName = nil, ""
			continue
		}
		if len(rest) == 0 || !(rest[0].IsShortcodeName() || rest[0].IsInlineShortcodeName()) {
			continue // the lexer reports broken shortcodes itself
		}
		name := rest[0].ValStr(src)
		sc, ok := shortcode.Lookup(name)
		if !ok || rest[0].IsInlineShortcodeName() {
			if s := suggest(name, shortcode.Names()); s != "" {
				return book.Errorf(pos, "unbekannter Shortcode %q, meinten Sie %q? Erlaubt sind: %s.", name, s, shortcodeUsage())
			}
			return book.Errorf(pos, "unbekannter Shortcode %q. Erlaubt sind: %s.", name, shortcodeUsage())
		}
		var args []string
		var argPos []int
		for j := 1; j < len(rest); j++ {
			if rest[j].IsRightShortcodeDelim() {
				break
			}
			if !rest[j].IsShortcodeParam() {
				continue
			}
			if j+1 < len(rest) && rest[j+1].IsShortcodeParamVal() {
				return book.Errorf(pos, "der Shortcode %q kennt keine benannten Argumente. So geht es: %s.", name, sc.Usage)
			}
			args = append(args, rest[j].ValStr(src))
			argPos = append(argPos, rest[j].Pos())
		}
		end := shortcodeEnd(it.Pos(), rest)
		if len(args) < sc.Min || len(args) > sc.Max {
			want := fmt.Sprintf("%d", sc.Min)
			if sc.Max != sc.Min {
				want = fmt.Sprintf("%d bis %d", sc.Min, sc.Max)
				if sc.Max == sc.Min+1 {
					want = fmt.Sprintf("%d oder %d", sc.Min, sc.Max)
				}
			}
			return book.Errorf(pos, "der Shortcode %q braucht %s Argumente in Anführungszeichen, hier sind es %d. So geht es: %s.", name, want, len(args), sc.Usage)
		}
		if sc.Values != nil && len(args) > sc.ValuesAt && !contains(sc.Values, args[sc.ValuesAt]) {
			v := args[sc.ValuesAt]
			if s := suggest(v, sc.Values); s != "" {
				return book.Errorf(pos, "%q ist beim Shortcode %q nicht erlaubt, meinten Sie %q? Erlaubt sind: %s.", v, name, s, quoteList(sc.Values))
			}
			return book.Errorf(pos, "%q ist beim Shortcode %q nicht erlaubt. Erlaubt sind: %s.", v, name, quoteList(sc.Values))
		}
		if sc.Valid != nil {
			if k, msg := sc.Valid(args); msg != "" {
				return book.Errorf(book.PosAt(file, src, argPos[k]), "%s", msg)
			}
		}
		if !sc.Inline && !aloneOnLine(src, it.Pos(), end) {
			return book.Errorf(pos, "der Shortcode %q muss allein in einer eigenen Zeile stehen (mit einer Leerzeile davor und danach), denn er wird zu einem eigenen Block: %s.", name, sc.Usage)
		}
		if sc.Container {
			if open != nil {
				return book.Errorf(pos, "{{< %s >}} steht in einem anderen Teil {{< %s >}}, der noch nicht mit {{< /%s >}} geendet hat. Beenden Sie den ersten Teil vorher.", name, openName, openName)
			}
			open, openName = &items[i], name
		}
	}
	if open != nil {
		sc := shortcode.All[openName]
		return book.Errorf(book.PosAt(file, src, open.Pos()), "{{< %s >}} endet nirgends: es fehlt eine Zeile {{< /%s >}} am Ende des Teils. So geht es: %s.", openName, openName, sc.Usage)
	}
	return nil
}

// shortcodeEnd is the offset after the >}} of the shortcode at start
// whose items follow in rest.
func shortcodeEnd(start int, rest pageparser.Items) int {
	for _, r := range rest {
		if r.IsRightShortcodeDelim() {
			return r.Pos() + 3
		}
	}
	return start
}

// aloneOnLine reports whether only spaces stand before start and after end
// on their line.
func aloneOnLine(src []byte, start, end int) bool {
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	lineEnd := len(src)
	if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
		lineEnd = end + i
	}
	return len(bytes.TrimSpace(src[lineStart:start])) == 0 && len(bytes.TrimSpace(src[end:lineEnd])) == 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func decodeFrontMatter(pg *book.Page, d tomlDoc, errs *book.ErrorList) {
	var statusPos, audiencePos, adoptedPos, languagePos book.Pos
	titleSet := false
	str := func(key string, dst *string) field {
		return field{key: key, kind: kString, set: func(v any, _ book.Pos) { *dst = v.(string) }}
	}
	boolean := func(key string, dst *bool) field {
		return field{key: key, kind: kBool, set: func(v any, _ book.Pos) { *dst = v.(bool) }}
	}
	ok := d.decode([]field{
		{key: "title", kind: kString, set: func(v any, _ book.Pos) { pg.Title = strings.TrimSpace(v.(string)); titleSet = true }},
		{key: "weight", kind: kInt, set: func(v any, _ book.Pos) { pg.Weight = v.(int) }},
		str("description", &pg.Description),
		boolean("draft", &pg.Draft),
		{key: "status", kind: kString, set: func(v any, p book.Pos) { pg.Status = book.Status(v.(string)); statusPos = p }},
		str("version", &pg.Version),
		{key: "adopted", kind: kDate, set: func(v any, p book.Pos) { pg.Adopted = v.(time.Time); adoptedPos = p }},
		{key: "adopted_by", kind: kStrings, set: func(v any, _ book.Pos) { pg.AdoptedBy = v.([]string) }},
		{key: "reviewed", kind: kDate, set: func(v any, _ book.Pos) { pg.Reviewed = v.(time.Time) }},
		str("owner", &pg.Owner),
		str("notice", &pg.Notice),
		boolean("plain", &pg.Plain),
		boolean("flyer", &pg.Flyer),
		boolean("link_terms", &pg.LinkTerms),
		{key: "audience", kind: kString, set: func(v any, p book.Pos) { pg.Audience = v.(string); audiencePos = p }},
		// language, and sprache as editors write it in German: both are
		// read, for a translation's language is the one key a German
		// editor looks for in German.
		{key: "language", kind: kString, set: func(v any, p book.Pos) { setLanguage(pg, "language", v.(string), p, &languagePos, errs) }},
		{key: "sprache", kind: kString, set: func(v any, p book.Pos) { setLanguage(pg, "sprache", v.(string), p, &languagePos, errs) }},
	}, errs)
	if !ok {
		return
	}
	if !titleSet || pg.Title == "" {
		errs.Addf(d.pos(0), `title fehlt: jede Seite braucht einen Titel, zum Beispiel title = "Datenschutz".`)
	}
	switch pg.Status {
	case "", book.StatusDraft, book.StatusDiscussion:
	case book.StatusAdopted:
		// "Beschlossen" is a claim about a decision: it names when and by whom.
		if pg.Adopted.IsZero() {
			errs.Addf(statusPos, `status = "beschlossen" braucht das Datum des Beschlusses: tragen Sie zum Beispiel adopted = 2026-09-15 ein (ohne Anführungszeichen). Ist der Text noch nicht beschlossen, schreiben Sie status = "entwurf" oder "muster".`)
		}
		if len(pg.AdoptedBy) == 0 {
			errs.Addf(statusPos, `status = "beschlossen" braucht die Gremien, die beschlossen haben: tragen Sie zum Beispiel adopted_by = ["Vorstand", "MAV"] ein.`)
		}
	case book.StatusModel:
		if !pg.Adopted.IsZero() {
			errs.Addf(adoptedPos, `ein Muster ist noch nicht beschlossen und hat kein Beschlussdatum. Löschen Sie adopted; hat Ihre Organisation den Text beschlossen, schreiben Sie status = "beschlossen".`)
		}
	default:
		errs.Addf(statusPos, "status %q ist unbekannt. Erlaubt sind: entwurf, diskussion, muster, beschlossen.", pg.Status)
	}
	if a, ok := book.Audiences[pg.Audience]; ok {
		pg.Audience = a
	} else if pg.Audience != "" {
		errs.Addf(audiencePos, "audience %q ist unbekannt. Erlaubt sind: staff (Mitarbeitende), clients (Klientinnen und Klienten), alle (beide, auch im öffentlichen Build) und redaktion (nur für die Redaktion; auch editors).", pg.Audience)
	}
}

// setLanguage sets the page's language from the front matter key
// (language or sprache), which may be given once.
func setLanguage(pg *book.Page, key, code string, at book.Pos, first *book.Pos, errs *book.ErrorList) {
	if first.File != "" {
		errs.Addf(at, "die Sprache steht zweimal im Front Matter (language und sprache). Lassen Sie eins von beiden weg.")
		return
	}
	*first = at
	l, ok := book.Languages[code]
	if !ok {
		errs.Addf(at, "%s %q ist keine Sprache, die handbuch kennt. %s", key, code, knownLanguages())
		return
	}
	pg.Language = l.Code
}

// knownLanguages names the language codes a page may have.
func knownLanguages() string {
	var list []string
	for _, c := range book.LanguageCodes() {
		list = append(list, fmt.Sprintf("%s (%s)", c, book.Languages[c].Name))
	}
	return "Erlaubt sind: " + strings.Join(list, ", ") + "."
}

// langSuffix returns the language code of a translation's file name,
// such as "en" for so-nutzen-wir-ki.en.md, and the name of its
// original, so-nutzen-wir-ki.md; "" for any other file. Only two letters
// after the last dot count as a code, as in Hugo.
func langSuffix(name string) (code, original string) {
	stem := strings.TrimSuffix(name, ".md")
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 || len(stem)-i-1 != 2 {
		return "", ""
	}
	for _, c := range stem[i+1:] {
		if c < 'a' || c > 'z' {
			return "", ""
		}
	}
	return stem[i+1:], stem[:i] + ".md"
}

// translations takes the translations out of raw: each is linked with
// its original (same folder, the name without the language code), gets
// its language from the file name and the original's address with the
// code after it: /klienten/so-nutzen-wir-ki/en/. What is left are the
// pages of the tree.
func translations(raw []rawPage, siteLang string, errs *book.ErrorList) (pages, trans []rawPage) {
	byFile := map[string]*book.Page{}
	for _, r := range raw {
		byFile[r.page.File] = r.page
	}
	site, _, _ := strings.Cut(strings.ToLower(siteLang), "-")
	for _, r := range raw {
		pg := r.page
		code, orig := langSuffix(path.Base(pg.File))
		if code == "" {
			pages = append(pages, r)
			continue
		}
		at := book.Pos{File: pg.File, Line: 1, Col: 1}
		origFile := path.Join(path.Dir(pg.File), orig)
		l, known := book.Languages[code]
		switch {
		case !known:
			errs.Addf(at, "der Dateiname endet auf .%s.md und ist damit eine Übersetzung, aber %q ist keine Sprache, die handbuch kennt. %s Soll die Datei keine Übersetzung sein, nehmen Sie den Punkt aus dem Namen.", code, code, knownLanguages())
		case code == site:
			errs.Addf(at, "der Dateiname endet auf .%s.md, aber %s ist die Sprache des Handbuchs: das Original heißt ohne Sprachkürzel %s. Benennen Sie die Datei um.", code, l.Name, origFile)
		case orig == "_index.md":
			errs.Addf(at, "Übersetzungen gibt es bisher nur für einzelne Seiten, nicht für die Einleitung eines Abschnitts (_index.md). Übersetzen Sie die Seiten des Abschnitts einzeln.")
		case pg.Language != "" && pg.Language != code:
			errs.Addf(at, "der Dateiname sagt, die Seite ist auf %s (.%s.md), im Front Matter steht aber die Sprache %q. Passen Sie eins von beiden an.", l.Name, code, pg.Language)
		case byFile[origFile] == nil:
			errs.Addf(at, "die Seite ist eine Übersetzung (Dateiname endet auf .%s.md), aber ihr Original %s fehlt oder ist ein Entwurf (draft = true). Eine Übersetzung steht im selben Ordner wie das Original und heißt wie dieses, mit dem Sprachkürzel vor .md. Legen Sie das Original an oder benennen Sie die Datei um.", code, origFile)
		default:
			o := byFile[origFile]
			if c, _ := langSuffix(path.Base(o.File)); c != "" {
				errs.Addf(at, "das Original %s ist selbst eine Übersetzung. Übersetzen Sie die Seite in der Sprache des Handbuchs: benennen Sie die Datei nach ihr.", o.File)
				continue
			}
			pg.Language, pg.Original = code, o
			o.Translations = append(o.Translations, pg)
			trans = append(trans, r)
		}
	}
	return pages, trans
}

// assemble builds the section tree, URLs and reading order.
func assemble(h *book.Handbook, raw []rawPage, errs *book.ErrorList) {
	raw, trans := translations(raw, h.Config.Language, errs)
	sections := map[string]*book.Page{} // content-relative dir → section page
	for _, r := range raw {
		if path.Base(r.page.File) == "_index.md" {
			sections[r.dir] = r.page
			if r.dir == "." {
				r.page.Kind = book.KindHome
				h.Home = r.page
			} else {
				r.page.Kind = book.KindSection
			}
		} else {
			r.page.Kind = book.KindPage
		}
	}
	if h.Home == nil {
		errs.Addf(book.Pos{File: "content/_index.md"}, "die Startseite fehlt. Legen Sie content/_index.md mit Front Matter (title) und einem kurzen Text an.")
		return
	}
	urls := map[string]*book.Page{}
	for _, r := range raw {
		pg := r.page
		parentDir := r.dir
		if pg.Kind == book.KindSection {
			parentDir = path.Dir(r.dir)
		}
		if pg.Kind != book.KindHome {
			parent, ok := sections[parentDir]
			if !ok {
				errs.Addf(book.Pos{File: pg.File, Line: 1, Col: 1}, "der Ordner content/%s hat keine _index.md. Legen Sie sie an (mit title und weight), damit der Abschnitt einen Titel und eine Einleitung hat, oder setzen Sie draft = false in der vorhandenen _index.md.", parentDir)
				continue
			}
			pg.Parent = parent
			parent.Children = append(parent.Children, pg)
		}
		pg.URL = pageURL(pg.File)
		if other, dup := urls[pg.URL]; dup {
			a, b := other.File, pg.File
			if b < a {
				a, b = b, a
			}
			errs.Addf(book.Pos{File: b, Line: 1, Col: 1}, "ergibt dieselbe Adresse %s wie %s. Benennen Sie eine der beiden Dateien um.", pg.URL, a)
			continue
		}
		urls[pg.URL] = pg
	}
	// A page in another language links the glossary terms that are
	// translated into it, through their words in that language (see
	// markdown.Parse); link_terms = false keeps them unlinked there too.
	for _, r := range trans {
		pg := r.page
		pg.Kind, pg.Parent = book.KindPage, pg.Original.Parent
		pg.URL = pg.Original.URL + pg.Language + "/"
		if other, dup := urls[pg.URL]; dup {
			errs.Addf(book.Pos{File: pg.File, Line: 1, Col: 1}, "ergibt dieselbe Adresse %s wie %s. Benennen Sie eine der beiden Dateien um.", pg.URL, other.File)
			continue
		}
		urls[pg.URL] = pg
	}
	for _, r := range trans {
		sort.Slice(r.page.Original.Translations, func(i, j int) bool {
			return r.page.Original.Translations[i].Language < r.page.Original.Translations[j].Language
		})
	}
	var walk func(p *book.Page)
	walk = func(p *book.Page) {
		sort.SliceStable(p.Children, func(i, j int) bool {
			a, b := p.Children[i], p.Children[j]
			if a.Weight != b.Weight {
				return a.Weight < b.Weight
			}
			if ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title); ta != tb {
				return ta < tb
			}
			return a.File < b.File
		})
		h.Pages = append(h.Pages, p)
		h.Pages = append(h.Pages, p.Translations...)
		for _, c := range p.Children {
			walk(c)
		}
	}
	walk(h.Home)
}

// numberChapters numbers the pages of the section chapter_numbers names
// 1, 2, … in reading order (by weight, then title), sections among them
// too: the chapters of the handbook proper, such as its guidelines,
// while the start page, the pages for clients and the templates keep
// their titles alone.
func numberChapters(h *book.Handbook, errs *book.ErrorList) {
	name := strings.Trim(strings.TrimPrefix(strings.TrimSpace(h.Config.ChapterNumbers), "content/"), "/")
	var sections []string
	for _, p := range h.Pages {
		if p.Kind != book.KindSection {
			continue
		}
		dir := strings.TrimSuffix(strings.TrimPrefix(p.File, "content/"), "/_index.md")
		if dir == name {
			for i, c := range p.Children {
				c.Number = i + 1
			}
			return
		}
		sections = append(sections, dir)
	}
	at := h.Config.PosOf("chapter_numbers")
	if len(sections) == 0 {
		errs.Addf(at, "chapter_numbers: einen Abschnitt %q gibt es nicht, und content/ hat keinen Abschnitt (einen Ordner mit _index.md). Lassen Sie chapter_numbers weg oder legen Sie den Abschnitt an.", h.Config.ChapterNumbers)
		return
	}
	msg := fmt.Sprintf("chapter_numbers: einen Abschnitt %q gibt es nicht. Nennen Sie den Ordner in content/, dessen Seiten als Kapitel nummeriert werden", h.Config.ChapterNumbers)
	if s := suggest(name, sections); s != "" {
		errs.Addf(at, "%s, meinten Sie %q?", msg, s)
		return
	}
	errs.Addf(at, "%s. Vorhanden: %s.", msg, strings.Join(sections, ", "))
}

// taken reports (as an error) a content page whose address lies under
// url, which belongs to a generated page.
func taken(h *book.Handbook, url, owner string, errs *book.ErrorList) bool {
	for _, p := range h.Pages {
		if strings.HasPrefix(p.URL, url) {
			errs.Addf(book.Pos{File: p.File, Line: 1, Col: 1}, "die Adresse %s gehört %s. Benennen Sie die Datei um.", p.URL, owner)
			return true
		}
	}
	return false
}

// addChecklistPages adds /checklisten/ with one page per checklist.
func addChecklistPages(h *book.Handbook, errs *book.ErrorList) {
	if taken(h, book.ChecklistsURL, "den Checklisten", errs) {
		return
	}
	index := &book.Page{
		Kind:        book.KindChecklists,
		File:        "checklists",
		URL:         book.ChecklistsURL,
		Title:       "Checklisten",
		Description: "Was Sie vor und während des KI-Einsatzes prüfen: zum Abhaken am Bildschirm oder auf Papier.",
		Parent:      h.Home,
		LinkTerms:   true,
	}
	h.Home.Children = append(h.Home.Children, index)
	h.Pages = append(h.Pages, index)
	for _, c := range h.Checklists {
		p := &book.Page{Kind: book.KindChecklist, File: c.File, URL: c.URL(), Title: c.Title, Description: c.Intro, Parent: index, Checklist: c, LinkTerms: true}
		index.Children = append(index.Children, p)
		h.Pages = append(h.Pages, p)
	}
}

// addGlossaryPage puts the glossary page at the end of the start page's
// children, so it appears last in the navigation.
func addGlossaryPage(h *book.Handbook, errs *book.ErrorList) {
	if taken(h, book.GlossaryURL, "dem Glossar", errs) {
		return
	}
	g := &book.Page{
		Kind:        book.KindGlossary,
		File:        "glossary",
		URL:         book.GlossaryURL,
		Title:       "Glossar",
		Description: "Die wichtigen Wörter aus dem Handbuch, in Einfacher Sprache erklärt.",
		Plain:       true,
		Parent:      h.Home,
	}
	h.Home.Children = append(h.Home.Children, g)
	h.Pages = append(h.Pages, g)
}

// pageURL maps content/a/b.md to /a/b/ and content/a/_index.md to /a/,
// turning every path segment into a German slug.
func pageURL(file string) string {
	rel := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	if path.Base(rel) == "_index" {
		rel = path.Dir(rel)
	}
	if rel == "." {
		return "/"
	}
	var b bytes.Buffer
	for _, seg := range strings.Split(rel, "/") {
		b.WriteByte('/')
		b.WriteString(book.Slug(seg))
	}
	b.WriteByte('/')
	return b.String()
}
