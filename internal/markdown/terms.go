package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// GlossaryURL is where the glossary page lives; term links point there.
const GlossaryURL = book.GlossaryURL

// Matcher finds glossary terms in running text. It is a trie over words:
// at every word of a text it follows the trie as far as the text allows
// and keeps the longest term found, so the cost per word depends on the
// length of the longest term in words, never on the number of terms.
type Matcher struct {
	root   *trieNode
	abbrs  map[string]*book.Term // exact case
	byName map[string]*book.Term
	// words maps one folded word (a term or form without spaces) to its
	// term, for parts of hyphenated compounds.
	words map[string]*book.Term
}

type trieNode struct {
	next map[string]*trieNode
	term *book.Term
}

// NewMatcher builds the matcher for a glossary.
func NewMatcher(g book.Glossary) *Matcher { return newMatcher(g, "") }

// newMatcher builds the matcher for the words of a glossary in language
// lang, through the terms' translations into it; "" is the glossary's
// own language. Only terms translated into lang are in it.
func newMatcher(g book.Glossary, lang string) *Matcher {
	m := &Matcher{root: &trieNode{}, abbrs: map[string]*book.Term{}, byName: map[string]*book.Term{}, words: map[string]*book.Term{}}
	for _, t := range g {
		term, abbr, forms := t.Term, t.Abbr, t.Forms
		if lang != "" {
			tr := t.In(lang)
			if tr == nil {
				continue
			}
			term, abbr, forms = tr.Term, tr.Abbr, tr.Forms
		}
		m.byName[t.Name] = t
		if abbr != "" {
			m.abbrs[abbr] = t
		}
		for _, s := range append([]string{term}, forms...) {
			words := strings.Fields(book.FoldTerm(s))
			if len(words) == 0 {
				continue
			}
			n := m.root
			for _, w := range words {
				if n.next == nil {
					n.next = map[string]*trieNode{}
				}
				c := n.next[w]
				if c == nil {
					c = &trieNode{}
					n.next[w] = c
				}
				n = c
			}
			n.term = t
			if len(words) == 1 {
				m.words[words[0]] = t
			}
		}
	}
	return m
}

// Term returns the term with the given file name, or nil.
func (m *Matcher) Term(name string) *book.Term { return m.byName[name] }

// token is a word in a text: letters and digits, with inner hyphens
// (compounds) and gender suffixes (Klient:innen) kept inside the word.
type token struct {
	start, end int
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits s into words.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			// A hyphen, colon, star or underscore joins two word parts
			// (KI-Systeme, Klient:innen, Mitarbeiter*innen).
			if r == '-' || r == ':' || r == '*' || r == '_' || r == '\u2011' {
				if next, _ := utf8.DecodeRuneInString(s[i+n:]); i+n < len(s) && isWordRune(next) {
					i += n
					continue
				}
			}
			break
		}
		out = append(out, token{start, i})
	}
	return out
}

// match is a term found in a text, from byte start to end.
type match struct {
	start, end int
	term       *book.Term
}

// find returns the terms in s, longest match first at every word, left
// to right, without overlaps.
func (m *Matcher) find(s string) []match {
	toks := tokenize(s)
	var out []match
	for i := 0; i < len(toks); {
		best, bestEnd := (*book.Term)(nil), i
		// Whole words and word sequences, through the trie.
		n := m.root
		for j := i; j < len(toks); j++ {
			if j > i && strings.TrimSpace(s[toks[j-1].end:toks[j].start]) != "" {
				break // only spaces may stand between the words of a term
			}
			n = n.next[strings.ToLower(s[toks[j].start:toks[j].end])]
			if n == nil {
				break
			}
			if n.term != nil {
				best, bestEnd = n.term, j+1
			}
		}
		word := s[toks[i].start:toks[i].end]
		if best == nil {
			best = m.abbrs[word]
			bestEnd = i + 1
		}
		if best == nil && strings.ContainsRune(word, '-') {
			best = m.compound(word)
			bestEnd = i + 1
		}
		if best != nil {
			out = append(out, match{toks[i].start, toks[bestEnd-1].end, best})
			i = bestEnd
			continue
		}
		i++
	}
	return out
}

// compound finds the term inside a hyphenated word, preferring the
// longest run of parts: "EU-KI-Verordnung" → KI-Verordnung, not KI.
func (m *Matcher) compound(word string) *book.Term {
	parts := strings.Split(word, "-")
	var best *book.Term
	bestLen := 0
	for i := range parts {
		for j := i + 1; j <= len(parts); j++ {
			if j-i == len(parts) {
				continue // the whole word did not match already
			}
			sub := strings.Join(parts[i:j], "-")
			if len(sub) <= bestLen {
				continue
			}
			t := m.abbrs[sub]
			if t == nil {
				t = m.words[strings.ToLower(sub)]
			}
			if t != nil {
				best, bestLen = t, len(sub)
			}
		}
	}
	return best
}

// termState is what the linker knows about the page it works on.
type termState struct {
	m *Matcher // of the page's language
	// lang is the page's language when it is not the glossary's: its
	// term links show the terms' translations into it.
	lang    string
	mode    string     // first, all, none
	own     *book.Term // the entry being rendered: never linked to itself
	noPopup bool       // a glossary entry: its links lead to entries on the same page
	linked  map[*book.Term]bool
	used    []*book.Term
	usedSet map[*book.Term]bool
	errors  []shortcodeError
	// chapters are the {{< kapitel >}} references, in order.
	chapters []chapterRef
}

// chapterRef is a {{< kapitel "name" >}} in the text: a link whose
// address and text the link stage sets.
type chapterRef struct {
	name   string
	offset int // of the shortcode in the body
	link   *ast.Link
	text   *ast.String
}

type shortcodeError struct {
	offset int
	msg    string
}

func (s *termState) use(t *book.Term) {
	if !s.usedSet[t] {
		s.usedSet[t] = true
		s.used = append(s.used, t)
	}
}

var termStateKey = parser.NewContextKey()

// termLinker is the ASTTransformer that links glossary terms in running
// text: never in headings, links, code, raw HTML or table captions.
type termLinker struct{}

func (l termLinker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(termStateKey).(*termState)
	if st == nil || st.m == nil {
		return
	}
	src := reader.Source()
	var runs [][]*ast.Text
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		var run []*ast.Text
		flush := func() {
			if len(run) > 0 {
				runs = append(runs, run)
				run = nil
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				run = append(run, c)
				continue
			case *ast.Heading, *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan, *ast.CodeBlock,
				*ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *Caption, *TermLink:
				flush()
			default:
				flush() // keep the runs in reading order
				walk(c)
			}
		}
		flush()
	}
	walk(doc)
	for _, run := range runs {
		l.linkRun(run, src, st)
	}
	if !st.noPopup {
		choosePopups(doc)
	}
}

// A pop-up button ("?") after every linked term made pages noisy on a
// phone: 27 in one chapter, several in one sentence. A term link gets one
// only at its term's first link in its section (from one h2 to the next),
// at most popupsPerBlock in a paragraph (list item, table cell) and at
// most popupsPerSection in a section. A section usually fills more than
// one phone screen (320 px: about 20 lines), so a reader meets at most
// about three buttons per screen and never two in one sentence. Every
// other term link stays a link to its glossary entry.
const (
	popupsPerBlock   = 1
	popupsPerSection = 3
)

// choosePopups marks the term links of doc that get a pop-up button, in
// reading order.
func choosePopups(doc *ast.Document) {
	var seen map[*book.Term]bool
	var inSection int
	perBlock := map[ast.Node]int{}
	newSection := func() {
		seen, inSection = map[*book.Term]bool{}, 0
	}
	newSection()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level <= 2 {
				newSection()
			}
		case *TermLink:
			block := n.Parent()
			for block != nil && block.Type() != ast.TypeBlock {
				block = block.Parent()
			}
			if !seen[n.Term] && inSection < popupsPerSection && perBlock[block] < popupsPerBlock {
				n.Popup = true
				seen[n.Term] = true
				inSection++
				perBlock[block]++
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// linkRun finds terms in a run of adjacent text nodes, as one string, and
// wraps each linked occurrence in a TermLink.
func (l termLinker) linkRun(run []*ast.Text, src []byte, st *termState) {
	var b strings.Builder
	starts := make([]int, len(run))
	for i, t := range run {
		starts[i] = b.Len()
		b.Write(t.Segment.Value(src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			b.WriteByte(' ')
		}
	}
	matches := st.m.find(b.String())
	var apply []match
	for _, mt := range matches {
		if mt.term == st.own {
			continue
		}
		st.use(mt.term)
		if st.mode == "none" || (st.mode == "first" && st.linked[mt.term]) {
			continue
		}
		st.linked[mt.term] = true
		apply = append(apply, mt)
	}
	// From the end, so that splitting a node keeps the offsets of the
	// matches before it valid.
	for k := len(apply) - 1; k >= 0; k-- {
		mt := apply[k]
		// Split at the end first: the node left of a split keeps its
		// place in run, so the start can still be found.
		last := split(run, starts, mt.end) // first node after the match
		first := split(run, starts, mt.start)
		link := newTermLink(mt.term, st.lang)
		parent := first.Parent()
		parent.InsertBefore(parent, first, link)
		for n := first; n != nil && n != last; {
			next := n.NextSibling()
			link.AppendChild(link, n)
			n = next
		}
	}
}

// split makes sure a node starts at offset off of the run and returns it:
// a text node, or whatever follows the run when off is its end (nil at
// the end of the parent).
func split(run []*ast.Text, starts []int, off int) ast.Node {
	for i := len(run) - 1; i >= 0; i-- {
		if off < starts[i] {
			continue
		}
		t := run[i]
		rel := off - starts[i]
		if rel == 0 {
			return t
		}
		if rel >= t.Segment.Len() {
			// off is the end of this node (or the space after it).
			return t.NextSibling()
		}
		right := ast.NewTextSegment(t.Segment.WithStart(t.Segment.Start + rel))
		right.SetSoftLineBreak(t.SoftLineBreak())
		right.SetHardLineBreak(t.HardLineBreak())
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
		t.Segment = t.Segment.WithStop(t.Segment.Start + rel)
		t.Parent().InsertAfter(t.Parent(), t, right)
		return right
	}
	return run[0]
}

// KindTermLink is the node kind of TermLink.
var KindTermLink = ast.NewNodeKind("TermLink")

// TermLink is a linked occurrence of a glossary term. It renders as a
// link to the term's entry; where Popup is set, it carries the short text
// and a script adds the pop-up button after it (see choosePopups).
type TermLink struct {
	ast.Link
	Term  *book.Term
	Popup bool
	// Lang is the language of the page when it is not the glossary's:
	// the link shows the term's translation into it (Term.In(Lang)).
	Lang string
}

// Kind implements ast.Node.
func (*TermLink) Kind() ast.NodeKind { return KindTermLink }

func newTermLink(t *book.Term, lang string) *TermLink {
	l := &TermLink{Term: t, Lang: lang}
	l.Destination = []byte(GlossaryURL + "#" + t.ID())
	return l
}

// shortcodeParser reads {{< begriff "Name" >}} and
// {{< begriff "Name" "shown text" >}}: an explicit link to a term, also
// where the automatic linker does not link. Every other {{< in running
// text is an error here, never text on the page: a block shortcode
// inside a sentence, one that goes on in the next line, one that cannot
// be read.
type shortcodeParser struct{ m *Matcher }

func (shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (p shortcodeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{<")) {
		return nil
	}
	st, _ := pc.Get(termStateKey).(*termState)
	fail := func(format string, args ...any) ast.Node {
		if st != nil {
			st.errors = append(st.errors, shortcodeError{seg.Start, fmt.Sprintf(format, args...)})
		}
		return nil
	}
	c, err := shortcode.Lex(line)
	usage := shortcode.All["begriff"].Usage
	switch {
	case err == shortcode.ErrUnclosed:
		return fail("der Shortcode endet nicht in dieser Zeile: es fehlt das schließende >}}. Schreiben Sie jeden Shortcode ganz in eine Zeile, vom {{< bis zum >}}.")
	case err != nil:
		return fail("fehlerhafter Shortcode: %v. So geht es: %s.", err, usage)
	case c.Name == "kapitel":
		if len(c.Args) != 1 || strings.TrimSpace(c.Args[0].Value) == "" {
			return fail("der Shortcode \"kapitel\" braucht 1 Argument in Anführungszeichen: den Dateinamen des Kapitels ohne .md. So geht es: %s.", shortcode.All["kapitel"].Usage)
		}
		block.Advance(c.Len)
		// The link stage finds the chapter and fills in the address
		// and the text ("Kapitel 6 „Risikomanagement“").
		link := ast.NewLink()
		text := ast.NewString([]byte(c.Args[0].Value))
		link.AppendChild(link, text)
		if st != nil {
			st.chapters = append(st.chapters, chapterRef{name: c.Args[0].Value, offset: seg.Start, link: link, text: text})
		}
		return link
	case c.Name != "begriff":
		if s, ok := shortcode.Lookup(c.Name); ok {
			return fail("der Shortcode %q muss allein in einer eigenen Zeile stehen (mit einer Leerzeile davor und danach), denn er wird zu einem eigenen Block: %s.", c.Name, s.Usage)
		}
		return fail("unbekannter Shortcode %q. Im Text ist nur %s oder %s möglich.", c.Name, usage, shortcode.All["kapitel"].Usage)
	case len(c.Args) < 1 || len(c.Args) > 2:
		return fail("der Shortcode \"begriff\" braucht 1 oder 2 Argumente in Anführungszeichen, hier sind es %d. So geht es: %s.", len(c.Args), usage)
	}
	name := c.Args[0].Value
	// The link shows the second argument if there is one, else the first.
	shown := c.Args[len(c.Args)-1]
	if strings.TrimSpace(shown.Value) == "" {
		return fail("begriff: der angezeigte Text ist leer. So geht es: %s.", usage)
	}
	block.Advance(c.Len)
	var shownNode ast.Node
	if shown.Escaped {
		// Without its escapes the text is no longer a piece of the source.
		s := ast.NewString([]byte(shown.Value))
		s.SetRaw(true)
		shownNode = s
	} else {
		shownNode = ast.NewTextSegment(text.NewSegment(seg.Start+shown.Start, seg.Start+shown.End))
	}
	var t *book.Term
	m, lang := p.m, ""
	if st != nil {
		m, lang = st.m, st.lang
	}
	if m != nil {
		t = m.Term(name)
		if t == nil {
			// Editors may also write the term itself: "KI", "Einwilligung".
			if found := m.find(name); len(found) == 1 && found[0].start == 0 && found[0].end == len(name) {
				t = found[0].term
			}
		}
	}
	if t == nil {
		if st != nil {
			msg := "begriff: den Begriff " + `"` + name + `"` + " gibt es im Glossar nicht. Schreiben Sie den Dateinamen aus glossary/ ohne .toml oder den Begriff selbst, zum Beispiel {{< begriff \"einwilligung\" >}}."
			if g := p.m.Term(name); g != nil && lang != "" {
				l := book.Languages[lang]
				msg = fmt.Sprintf("begriff: den Begriff %q gibt es im Glossar nicht auf %s. Tragen Sie in %s unter [translations.%s] den Begriff und seinen Kurztext (short) auf %s ein, oder schreiben Sie das Wort ohne {{< begriff >}}.", name, l.German, g.File, lang, l.German)
			}
			st.errors = append(st.errors, shortcodeError{seg.Start, msg})
		}
		return shownNode
	}
	if st != nil {
		st.use(t)
		st.linked[t] = true
	}
	link := newTermLink(t, lang)
	link.AppendChild(link, shownNode)
	return link
}

// termLink writes the link, with the short text for the pop-up if it has one.
func (r *nodeRenderer) termLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	tl := n.(*TermLink)
	tr := tl.Term.In(tl.Lang)
	if !entering {
		if tr != nil {
			// Screen readers say where the link leads: to the entry in
			// the glossary's language, which the reader may not read.
			_, _ = w.WriteString(`<span class="visually-hidden"> (`)
			_, _ = w.Write(util.EscapeHTML([]byte(book.Languages[tl.Lang].Glossary)))
			_, _ = w.WriteString(`)</span>`)
		}
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	term, short := tl.Term.Term, tl.Term.Short
	if tr != nil {
		term, short = tr.Term, tr.Short
	}
	o, _ := ctxOf(w)
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(o.href(tl)))
	if tr != nil {
		_, _ = w.WriteString(`" hreflang="`)
		_, _ = w.WriteString(r.lang)
	}
	_, _ = w.WriteString(`" class="begriff" data-begriff="`)
	_, _ = w.Write(util.EscapeHTML([]byte(term)))
	if tl.Popup {
		_, _ = w.WriteString(`" data-kurz="`)
		_, _ = w.Write(util.EscapeHTML([]byte(short)))
		if tr != nil {
			// The pop-up button's label, in the page's language.
			_, _ = w.WriteString(`" data-knopf="`)
			_, _ = w.Write(util.EscapeHTML([]byte(book.Languages[tl.Lang].Explain)))
		}
	}
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
