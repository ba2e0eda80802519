package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/handbuch/handbuch/internal/book"
)

// Ids on a page come from two sources that must never meet: the
// headings and table captions of the Markdown, and handbuch's own
// elements around and inside the content. handbuch's own ids live in a
// namespace of their own that no heading gets: every id that starts
// with "hb-" (the layouts, the glossary script's "hb-kurz-0"), and the
// ids of the block shortcodes, "w1", "w2" … with whatever their layouts
// append ("w1-ort", "w1-g1-p1"). Footnotes ("fn:1") and the print view's
// sections ("s_kapitel") contain characters no heading id has.

// ShortcodeID is the id of the block shortcode with the given index on
// its page (from 0); prefix is the page's id prefix in the output.
func ShortcodeID(prefix string, index int) string {
	return prefix + "w" + strconv.Itoa(index+1)
}

var shortcodeIDRe = regexp.MustCompile(`^w[0-9]+(-|$)`)

// OwnID reports whether id belongs to handbuch's own elements (see above).
func OwnID(id string) bool {
	return strings.HasPrefix(id, "hb-") || shortcodeIDRe.MatchString(id)
}

// ids generates heading ids: German slugs, unique within the page, never
// one of the reserved ids of the layouts nor in handbuch's namespace: a
// heading "W1" gets "abschnitt-w1".
type ids struct {
	used     map[string]bool
	reserved map[string]bool
}

func newIDs(reserved []string) *ids {
	u := make(map[string]bool, len(reserved))
	r := make(map[string]bool, len(reserved))
	for _, id := range reserved {
		u[id], r[id] = true, true
	}
	return &ids{used: u, reserved: r}
}

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := book.Slug(string(value))
	if OwnID(base) {
		base = "abschnitt-" + base
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// slugRe is the shape of every id a heading gets from its text, and the
// only one an editor may give it: {#wer-entscheidet}.
var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// classRe is a class an editor may give a heading: {.hinweis}.
var classRe = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// ownID is a heading's anchor written by the editor, and where.
type ownID struct {
	id  string
	off int // of the attribute in the page body
}

const allowedAttributes = "Erlaubt sind an Überschriften nur ein Anker {#anker} (kleine Buchstaben a–z, Ziffern und Bindestriche) und Klassen {.klasse} (Buchstaben, Ziffern, - und _)."

// headingAttributes checks the attributes written after heading n,
// "## Titel {#anker .klasse}": only an id and classes of safe characters
// are allowed; anything else is an error of the page at the attribute.
// It returns the offset of an id the editor gave the heading, and
// whether there is one.
func (d *Doc) headingAttributes(n *ast.Heading) (int, bool) {
	src := d.Page.Body
	if n.Lines().Len() == 0 || n.Attributes() == nil {
		return 0, false
	}
	// goldmark cut the attributes off the heading's last line: they are
	// the block from the next "{" to the end of that line.
	start := n.Lines().At(n.Lines().Len() - 1).Stop
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		end = len(src) - start
	}
	open := bytes.IndexByte(src[start:start+end], '{')
	if open < 0 {
		return 0, false
	}
	block := src[start+open : start+end]
	attrs, ok := parser.ParseAttributes(text.NewReader(block))
	if !ok {
		return 0, false
	}
	at := func(name string, leads ...string) int { // offset of name after one of leads in block
		for _, l := range leads {
			if i := bytes.Index(block, []byte(l+name)); i >= 0 {
				return start + open + i + len(l)
			}
		}
		return start + open
	}
	fail := func(off int, format string, args ...any) {
		d.Errors = append(d.Errors, &book.Error{Pos: d.Page.BodyPos(off), Msg: fmt.Sprintf(format, args...)})
	}
	idOff, hasID := 0, false
	for _, a := range attrs {
		name := string(a.Name)
		v, isBytes := a.Value.([]byte)
		switch name {
		case "id":
			idOff, hasID = at("#", ""), true
			if !isBytes || !slugRe.Match(v) {
				fail(idOff, "der Anker #%s ist nicht erlaubt: schreiben Sie ihn aus kleinen Buchstaben a–z, Ziffern und Bindestrichen, zum Beispiel {#wer-entscheidet}.", fmt.Sprint(attrString(a.Value)))
				hasID = false
			}
		case "class":
			for _, c := range strings.Fields(string(v)) {
				if !classRe.MatchString(c) {
					fail(at("class", ""), "die Klasse „%s“ der Überschrift enthält andere Zeichen als Buchstaben, Ziffern, - und _. %s", c, allowedAttributes)
				}
			}
		default:
			fail(at(name, " ", "{", ","), "die Überschrift hat das Attribut „%s“. %s Entfernen Sie „%s“.", name, allowedAttributes, name)
		}
	}
	return idOff, hasID
}

func attrString(v any) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return fmt.Sprint(v)
}

// checkOwnIDs reports anchors editors gave headings that are not free:
// handbuch's own (see above), or taken by another heading or table
// caption of the page. Generated ids never meet them: they are made to
// avoid every id in use.
func (d *Doc) checkOwnIDs(own []ownID, generator *ids) {
	if len(own) == 0 {
		return
	}
	count := map[string]int{}
	for _, id := range d.ids {
		count[id]++
	}
	for _, o := range own {
		pos := d.Page.BodyPos(o.off)
		switch {
		case OwnID(o.id) || generator.reserved[o.id]:
			d.Errors = append(d.Errors, &book.Error{Pos: pos, Msg: fmt.Sprintf("der Anker #%s gehört handbuch selbst (Anker, die mit hb- beginnen, und w1, w2 … der Shortcodes). Wählen Sie einen anderen, zum Beispiel {#%s}.", o.id, "abschnitt-"+o.id)})
		case count[o.id] > 1:
			d.Errors = append(d.Errors, &book.Error{Pos: pos, Msg: fmt.Sprintf("die Überschrift hat den Anker #%s, den auf dieser Seite schon eine andere Überschrift oder Tabelle hat. Jeder Anker darf auf einer Seite nur einmal vorkommen: wählen Sie einen anderen.", o.id)})
		}
	}
}
