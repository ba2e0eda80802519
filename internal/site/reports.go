package site

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// ReportURL and StatementURL are the addresses of the two pages built
// from the check results.
const (
	ReportURL    = "/pruefbericht/"
	StatementURL = "/barrierefreiheit/"
)

// RuleURL is the address of the page, next to the report, that explains
// the rule id. The report links each rule of its findings there; the
// editors' guide is not part of a built site, so the explanation is.
func RuleURL(id string) string { return ReportURL + "regeln/" + id + "/" }

// RuleText is the explanation of one rule of the checks, as its page
// shows it (built from check's explanations by the build).
type RuleText struct {
	ID, Severity   string
	Criterion      string // "Kriterium 1.4.3 „Kontrast (Minimum)“, Stufe AA", or what the rule is without one
	What, Why, Fix string // paragraphs separated by blank lines, `code` in backticks
	Wrong, Right   RuleExample
}

// RuleExample is a wrong or right example of a rule.
type RuleExample struct {
	Where string // "Markdown in einem Kapitel" …
	Lang  string // markdown, html, css, toml
	Code  string
}

// RulePage is what the page of one rule shows.
type RulePage struct {
	RuleText
	What, Why, Fix template.HTML
}

// Finding is a check result as the report pages show it. (The check
// package's type is not imported here: the site renders, it does not
// check.)
type Finding struct {
	Where    string // file:line:col
	File     string
	Severity string // Fehler, Warnung, Hinweis
	Rule     string
	SC       string
	Msg      string
	RuleHref string // the page that explains the rule, from the report; empty when there is none
}

// Readability is the readability of one page.
type Readability struct {
	Title               string
	Href                string
	Plain               bool
	Words, Sentences    int
	FRE, WSTF1, LIX     float64
	FREText, WSTF1Text  string
	LIXText, TargetsMet string
}

// ReportData is what the two report pages show.
type ReportData struct {
	Errors, Warnings, Hints int
	Rules                   []RuleCount
	Files                   []FileFindings
	Readability             []Readability
	Chart                   template.HTML // bar chart of the reading ease, as SVG
	Today                   string
	Contact                 string
	KnownIssues             []RuleCount // warnings by rule, for the statement
	Rule                    *RulePage   // the page of one rule only
	Statement               StatementData
}

// StatementData is what the organisation says in its accessibility
// statement ([statement] in handbuch.toml); the layout marks what is
// still empty.
type StatementData struct {
	LegalBasis, Reviewed, Findings, Enforcement string // Reviewed as a German date
	// Draft: a setting of [statement] or the organisation's name,
	// address or phone is still empty.
	Draft bool
}

// statementData is the statement's part of handbuch.toml for its layout.
func statementData(h *book.Handbook) StatementData {
	st := h.Config.Statement
	d := StatementData{LegalBasis: st.LegalBasis, Findings: st.Findings, Enforcement: st.Enforcement, Draft: len(StatementGaps(h)) > 0}
	if !st.Reviewed.IsZero() {
		d.Reviewed = GermanDate(st.Reviewed)
	}
	return d
}

// StatementGaps are what the accessibility statement still lacks: the
// settings of [statement] and the organisation's name, address and
// phone, which it prints; each with the German words for it and where
// it goes.
func StatementGaps(h *book.Handbook) []StatementGap {
	var out []StatementGap
	for _, g := range h.Config.Statement.Gaps() {
		out = append(out, StatementGap{What: g.Label, Fill: g.Fill(), Pos: h.Config.PosOf("statement")})
	}
	for _, key := range []string{"name", "address", "phone"} {
		if h.Config.Org.Value(key) == "" {
			f, _ := book.LookupOrgField(key)
			out = append(out, StatementGap{What: "die Angabe „" + f.Label + "“", Fill: fmt.Sprintf("Tragen Sie sie in handbuch.toml unter %s bei %s ein", f.Table(), f.TOMLKey()), Pos: h.Config.PosOf("organisation." + key)})
		}
	}
	return out
}

// StatementGap is one thing the statement still lacks.
type StatementGap struct {
	What, Fill string   // German; Fill is a sentence without its full stop
	Pos        book.Pos // where handbuch.toml sets it, or would
}

// RuleCount counts the findings of one rule.
type RuleCount struct {
	Rule, SC                string
	Errors, Warnings, Hints int
	Example                 string
	RuleHref                string // the page that explains the rule, from the report
}

// FileFindings are the findings of one file.
type FileFindings struct {
	File     string
	Findings []Finding
}

// Reports renders /pruefbericht/ (findings per page and per rule,
// readability per chapter), a page under /pruefbericht/regeln/ for each
// rule with findings that explain has a text for, and /barrierefreiheit/
// (a draft accessibility statement) from the results of the checks. A
// public build gets only the statement: the report and its rule pages
// are for the editors.
func Reports(h *book.Handbook, layouts *Layouts, findings []Finding, read []Readability, explain map[string]RuleText, public bool) ([]File, error) {
	tpls, err := layouts.templates("report.html", "statement.html", "regel.html")
	if err != nil {
		return nil, err
	}
	s := newSite(h)
	s.public = public
	data := &ReportData{Today: GermanDate(h.Today), Contact: h.Config.Contact, Readability: read, Statement: statementData(h)}
	rules := map[string]*RuleCount{}
	files := map[string]*FileFindings{}
	for _, f := range findings {
		if _, ok := explain[f.Rule]; ok && !public {
			f.RuleHref = relURL(ReportURL, RuleURL(f.Rule))
		}
		r := rules[f.Rule]
		if r == nil {
			r = &RuleCount{Rule: f.Rule, SC: f.SC, Example: f.Msg, RuleHref: f.RuleHref}
			rules[f.Rule] = r
		}
		switch f.Severity {
		case "Fehler":
			data.Errors++
			r.Errors++
		case "Warnung":
			data.Warnings++
			r.Warnings++
		default:
			data.Hints++
			r.Hints++
		}
		ff := files[f.File]
		if ff == nil {
			ff = &FileFindings{File: f.File}
			files[f.File] = ff
		}
		ff.Findings = append(ff.Findings, f)
	}
	for _, r := range rules {
		data.Rules = append(data.Rules, *r)
		if r.SC != "" && r.Errors+r.Warnings > 0 { // accessibility, not other input warnings
			data.KnownIssues = append(data.KnownIssues, *r)
		}
	}
	sort.Slice(data.Rules, func(i, j int) bool { return data.Rules[i].Rule < data.Rules[j].Rule })
	sort.Slice(data.KnownIssues, func(i, j int) bool { return data.KnownIssues[i].Rule < data.KnownIssues[j].Rule })
	for _, f := range files {
		data.Files = append(data.Files, *f)
	}
	sort.Slice(data.Files, func(i, j int) bool { return data.Files[i].File < data.Files[j].File })
	for i := range read {
		read[i].Href = relURL(ReportURL, read[i].Href)
	}
	data.Chart = chart(read)

	var out []File
	for _, pg := range []struct {
		layout, url, title, desc string
	}{
		{"report.html", ReportURL, "Prüfbericht", "Was die automatischen Prüfungen gefunden haben, je Seite und je Regel, und wie leicht die Kapitel zu lesen sind."},
		{"statement.html", StatementURL, "Erklärung zur Barrierefreiheit", "Entwurf der Erklärung zur Barrierefreiheit dieses Handbuchs."},
	} {
		if public && pg.url == ReportURL {
			continue
		}
		p := &book.Page{Title: pg.title, URL: pg.url, Description: pg.desc}
		d := s.pageData(p, "")
		d.Title = pg.title + " – " + h.Config.Title
		d.Report = data
		var buf bytes.Buffer
		if err := tpls[pg.layout].Execute(&buf, d); err != nil {
			return nil, book.Errorf(book.Pos{File: "layouts/" + pg.layout}, "Fehler beim Ausführen des Layouts: %v", err)
		}
		out = append(out, File{Path: strings.TrimPrefix(pg.url, "/") + "index.html", Data: buf.Bytes()})
	}
	for _, r := range data.Rules {
		text, ok := explain[r.Rule]
		if !ok || public {
			continue
		}
		url := RuleURL(r.Rule)
		p := &book.Page{Title: "Regel " + r.Rule, URL: url, Description: "Was die Regel " + r.Rule + " prüft, warum sie wichtig ist und wie Sie einen Befund beheben."}
		d := s.pageData(p, "")
		d.Title = p.Title + " – " + h.Config.Title
		d.Report = &ReportData{Rule: &RulePage{RuleText: text, What: ExplanationHTML(text.What), Why: ExplanationHTML(text.Why), Fix: ExplanationHTML(text.Fix)}}
		var buf bytes.Buffer
		if err := tpls["regel.html"].Execute(&buf, d); err != nil {
			return nil, book.Errorf(book.Pos{File: "layouts/regel.html"}, "Fehler beim Ausführen des Layouts: %v", err)
		}
		out = append(out, File{Path: strings.TrimPrefix(url, "/") + "index.html", Data: buf.Bytes()})
	}
	return out, nil
}

// ExplanationHTML renders the text of a rule's explanation: paragraphs
// separated by blank lines, `code` in backticks.
func ExplanationHTML(text string) template.HTML {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		b.WriteString("<p>")
		for i, part := range strings.Split(strings.Join(strings.Fields(para), " "), "`") {
			if i%2 == 1 {
				b.WriteString("<code>" + template.HTMLEscapeString(part) + "</code>")
			} else {
				b.WriteString(template.HTMLEscapeString(part))
			}
		}
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}

// chart draws the Flesch-Amstad reading ease of every page as
// horizontal bars. The numbers are in the table beside it too; the
// chart is one image with a text alternative.
func chart(read []Readability) template.HTML {
	if len(read) == 0 {
		return ""
	}
	const rowH, labelW, barW = 28, 330, 300
	height := rowH*len(read) + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="diagramm" viewBox="0 0 %d %d" role="img" aria-labelledby="hb-diagramm-titel hb-diagramm-text">`, labelW+barW+60, height)
	b.WriteString(`<title id="hb-diagramm-titel">Lesbarkeit der Seiten (Flesch-Amstad, 0 bis 100, höher ist leichter)</title>`)
	var low []string
	for _, r := range read {
		if r.FRE < 60 {
			low = append(low, r.Title)
		}
	}
	desc := fmt.Sprintf("%d Seiten. Unter dem Ziel von 60 liegen %d.", len(read), len(low))
	fmt.Fprintf(&b, `<desc id="hb-diagramm-text">%s Die genauen Werte stehen in der Tabelle.</desc>`, template.HTMLEscapeString(desc))
	// The target line at 60.
	x60 := labelW + barW*60/100
	fmt.Fprintf(&b, `<line class="ziel" x1="%d" y1="0" x2="%d" y2="%d"/>`, x60, x60, height-20)
	fmt.Fprintf(&b, `<text class="beschriftung" x="%d" y="%d">Ziel 60</text>`, x60+4, height-6)
	for i, r := range read {
		y := i*rowH + 4
		w := int(max(0, min(100, r.FRE)) * barW / 100)
		class := "balken"
		if r.FRE < 60 {
			class += " unter-ziel"
		}
		title := r.Title
		if len([]rune(title)) > 42 {
			title = string([]rune(title)[:41]) + "…"
		}
		fmt.Fprintf(&b, `<text class="beschriftung" x="0" y="%d">%s</text>`, y+17, template.HTMLEscapeString(title))
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%d" height="20"/>`, class, labelW, y+2, w)
		fmt.Fprintf(&b, `<text class="beschriftung" x="%d" y="%d">%s</text>`, labelW+w+6, y+17, r.FREText)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
