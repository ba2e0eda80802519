package paper

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind names a typographic defect.
type Kind string

// The kinds of defect Check finds.
const (
	// Orphan is a paragraph's first line alone at the foot of a page.
	Orphan Kind = "orphan"
	// Widow is a paragraph's last line alone at the head of a page.
	Widow Kind = "widow"
	// Punctuation is a line that begins with a punctuation mark that
	// belongs to the end of the previous line.
	Punctuation Kind = "punctuation"
	// FootnoteMark is a line that begins with a footnote mark.
	FootnoteMark Kind = "footnote-mark"
	// HeadingAtFoot is a heading followed by fewer than two lines of its
	// section on its page while the section goes on.
	HeadingAtFoot Kind = "heading-at-foot"
	// LabelAlone is a list item's marker (bullet or number) as the last
	// text of a page, its item's text on the next.
	LabelAlone Kind = "label-alone"
	// Margin is text that comes closer to the running header or footer
	// than the clearance.
	Margin Kind = "margin"
)

// Kinds lists every kind in the order of the report.
var Kinds = []Kind{Orphan, Widow, Punctuation, FootnoteMark, HeadingAtFoot, LabelAlone, Margin}

// Finding is one defect on one page.
type Finding struct {
	Kind Kind
	Page int
	Text string // the line concerned
	Msg  string // what is wrong, in numbers where there are any
}

func (f Finding) String() string {
	return fmt.Sprintf("page %d: %s: %q: %s", f.Page, f.Kind, f.Text, f.Msg)
}

// Options tune Check.
type Options struct {
	// Clearance is the least distance in points between content text and
	// the running header or footer. Zero means 6 mm.
	Clearance float64
}

// leading are the characters no line may begin with: they close what
// the previous line began.
const leading = ".,;:!?)“”’…"

// Check returns the defects of d, by page and kind.
func Check(d *Doc, opt Options) []Finding {
	if opt.Clearance == 0 {
		opt.Clearance = 6 * 72 / 25.4
	}
	var out []Finding
	// Every line of every page in reading order, with its page.
	type at struct {
		page int
		Line
	}
	var all []at
	for _, p := range d.Pages {
		for _, l := range p.Lines {
			all = append(all, at{p.Number, l})
		}
	}

	// Orphans and widows: a paragraph (P) on several pages, with one line
	// on its first or last page.
	perPage := map[int]map[int][]Line{} // element → page → lines
	var paras []int
	for _, l := range all {
		if l.Type != "P" {
			continue
		}
		if perPage[l.Elem] == nil {
			perPage[l.Elem] = map[int][]Line{}
			paras = append(paras, l.Elem)
		}
		perPage[l.Elem][l.page] = append(perPage[l.Elem][l.page], l.Line)
	}
	for _, e := range paras {
		pages := perPage[e]
		if len(pages) < 2 {
			continue
		}
		nums := make([]int, 0, len(pages))
		for p := range pages {
			nums = append(nums, p)
		}
		slices.Sort(nums)
		first, last := nums[0], nums[len(nums)-1]
		if ls := pages[first]; len(ls) == 1 {
			out = append(out, Finding{Orphan, first, ls[0].Text, fmt.Sprintf("the first line of a paragraph that goes on on page %d", nums[1])})
		}
		if ls := pages[last]; len(ls) == 1 {
			out = append(out, Finding{Widow, last, ls[0].Text, fmt.Sprintf("the last line of a paragraph that begins on page %d", first)})
		}
	}

	// Lines that begin with punctuation or a footnote mark. The first line
	// of an element begins it and is exempt: only a break made the others.
	seen := map[int]bool{}
	for _, l := range all {
		if l.Type == "Artifact" {
			continue
		}
		firstOfElem := !seen[l.Elem]
		seen[l.Elem] = true
		if firstOfElem {
			continue
		}
		if l.Mark {
			out = append(out, Finding{FootnoteMark, l.page, l.Text, "the line begins with a footnote mark"})
			continue
		}
		// A line is read in the order it stands from the left; one written
		// right to left (Arabic) begins at its right end.
		r, _ := utf8.DecodeRuneInString(l.Text)
		if rightToLeft(l.Text) {
			r, _ = utf8.DecodeLastRuneInString(l.Text)
		}
		if strings.ContainsRune(leading, r) {
			out = append(out, Finding{Punctuation, l.page, l.Text, fmt.Sprintf("the line begins with %q", r)})
		}
	}

	// Headings at the foot: count the body lines (distinct baselines, not
	// list labels or headings) after each heading, on its page and in its
	// whole section.
	for i, h := range all {
		level := headingLevel(h.Type)
		if level == 0 || (i+1 < len(all) && all[i+1].Elem == h.Elem && all[i+1].page == h.page) {
			continue // not a heading, or not its last line on the page
		}
		here, total := 0, 0
		lastY, lastPage := math.Inf(1), 0
		for _, l := range all[i+1:] {
			if l.Type == "Artifact" || l.Type == "Lbl" || l.Elem == h.Elem {
				continue
			}
			if lv := headingLevel(l.Type); lv > 0 {
				if lv <= level {
					break
				}
				continue
			}
			if l.page == lastPage && math.Abs(l.Y-lastY) < 1 {
				continue // another cell or column on the same baseline
			}
			lastY, lastPage = l.Y, l.page
			total++
			if l.page == h.page {
				here++
			}
		}
		if here < 2 && here < total {
			msg := "the heading is the last text on its page"
			if here == 1 {
				msg = "one line of its section follows the heading on its page"
			}
			out = append(out, Finding{HeadingAtFoot, h.page, h.Text, msg})
		}
	}

	// List markers whose item's text begins on a later page.
	for i, l := range all {
		if l.Type != "Lbl" {
			continue
		}
		for _, n := range all[i+1:] {
			if n.Type == "Artifact" {
				continue
			}
			if n.page != l.page {
				out = append(out, Finding{LabelAlone, l.page, l.Text, fmt.Sprintf("the item's text begins on page %d", n.page)})
			}
			break
		}
	}

	// Text crowding the running header or footer.
	for _, p := range d.Pages {
		headBottom, footTop := math.Inf(1), math.Inf(-1)
		for _, l := range p.Lines {
			switch l.Artifact {
			case "Header":
				headBottom = math.Min(headBottom, l.Bottom())
			case "Footer":
				footTop = math.Max(footTop, l.Top())
			}
		}
		for _, l := range p.Lines {
			if l.Type == "Artifact" {
				continue
			}
			if gap := l.Bottom() - footTop; gap < opt.Clearance {
				out = append(out, Finding{Margin, p.Number, l.Text, fmt.Sprintf("%.1f mm above the footer, baseline %.1f mm above the page's edge", gap*25.4/72, l.Y*25.4/72)})
			} else if gap := headBottom - l.Top(); gap < opt.Clearance {
				out = append(out, Finding{Margin, p.Number, l.Text, fmt.Sprintf("%.1f mm below the header", gap*25.4/72)})
			}
		}
	}

	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Page != b.Page {
			return a.Page - b.Page
		}
		return slices.Index(Kinds, a.Kind) - slices.Index(Kinds, b.Kind)
	})
	return out
}

// headingLevel is n for Hn, 1 for H, 0 for any other type.
func headingLevel(typ string) int {
	if typ == "H" {
		return 1
	}
	if len(typ) == 2 && typ[0] == 'H' && typ[1] >= '1' && typ[1] <= '6' {
		return int(typ[1] - '0')
	}
	return 0
}

// rightToLeft reports whether the first letter of s is Arabic.
func rightToLeft(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Arabic, r)
		}
	}
	return false
}
