package check

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/handbuch/handbuch/internal/book"
)

// Reviews reports pages whose next review lies in the past, and lists
// drafts and the links to other sites, all at their source.
func Reviews(h *book.Handbook, external []book.ExternalLink) []Finding {
	var out []Finding
	for _, p := range h.Pages {
		if p.Source == nil {
			continue // generated pages have no review of their own
		}
		last := p.Reviewed
		key := "reviewed"
		if last.IsZero() {
			last, key = p.Adopted, "adopted"
		}
		if !last.IsZero() {
			next := last.AddDate(0, h.Config.ReviewMonths, 0)
			if next.Before(h.Today) {
				out = append(out, NewFinding("pruefung-ueberfaellig", keyPos(p, key),
					fmt.Sprintf("Prüfung überfällig: zuletzt geprüft am %s, fällig war sie im %s %d. Prüfen Sie die Seite und tragen Sie das neue Datum bei reviewed ein.", last.Format("02.01.2006"), book.Month(next), next.Year())))
			}
		}
		if p.Status == book.StatusDraft || p.Draft {
			out = append(out, NewFinding("entwurf", keyPos(p, "status"), fmt.Sprintf("„%s“ ist ein Entwurf.", p.Title)))
		}
	}
	for _, l := range external {
		out = append(out, NewFinding("link-extern", l.Pos, "Link zu einer anderen Website: "+l.URL+". handbuch ruft ihn nicht auf; prüfen Sie ab und zu, ob er noch stimmt."))
	}
	return out
}

// OpenSlot is the finding of a place the organisation still has to fill
// in or decide ({{< eintragen >}}, an empty {{< org >}}), at its position
// in the source: what is open, and fill, a sentence without its full
// stop that says how to fill it in.
func OpenSlot(pos book.Pos, what, fill string) Finding {
	return NewFinding("offene-stelle", pos, "offene Stelle: „"+clip(what)+"“ "+fill+". Eine beschlossene Seite darf keine offene Stelle haben.")
}

// keyPos finds a front matter key of a page, or its first line.
func keyPos(p *book.Page, key string) book.Pos {
	if i := bytes.Index(p.Source[:p.BodyOffset], []byte("\n"+key)); i >= 0 {
		return book.PosAt(p.File, p.Source, i+1)
	}
	return book.Pos{File: p.File, Line: 1, Col: 1}
}

// maxAlt is the length of an alternative text above which AltText
// warns.
const maxAlt = 150

// AltText checks the alternative text of a picture in the source: a
// long one is read in one go, without a way to skip; one that repeats
// the caption is heard twice.
func AltText(pos book.Pos, alt, caption string) []Finding {
	var out []Finding
	alt, caption = strings.TrimSpace(alt), strings.TrimSpace(caption)
	if n := utf8.RuneCountInString(alt); n > maxAlt {
		out = append(out, NewFinding("bild-alt-lang", pos, fmt.Sprintf("der Alternativtext hat %d Zeichen, mehr als %d. Ein Screenreader liest ihn in einem Stück vor. Sagen Sie in einem kurzen Satz, was das Bild zeigt, und erklären Sie Einzelheiten im Text oder in der Bildunterschrift.", n, maxAlt)))
	}
	if caption != "" && strings.EqualFold(strings.Trim(alt, ".!? "), strings.Trim(caption, ".!? ")) {
		out = append(out, NewFinding("bild-alt-wie-unterschrift", pos, "der Alternativtext wiederholt die Bildunterschrift. Ein Screenreader liest beide vor, man hört es doppelt. Beschreiben Sie im Alternativtext, was zu sehen ist; die Unterschrift sagt, worum es geht."))
	}
	return out
}
