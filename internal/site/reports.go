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
}

// RuleCount counts the findings of one rule.
type RuleCount struct {
	Rule, SC                string
	Errors, Warnings, Hints int
	Example                 string
}

// FileFindings are the findings of one file.
type FileFindings struct {
	File     string
	Findings []Finding
}

// Reports renders /pruefbericht/ (findings per page and per rule,
// readability per chapter) and /barrierefreiheit/ (a draft accessibility
// statement) from the results of the checks. A public build gets only
// the statement: the report is for the editors.
func Reports(h *book.Handbook, layouts *Layouts, findings []Finding, read []Readability, public bool) ([]File, error) {
	tpls, err := layouts.templates("report.html", "statement.html")
	if err != nil {
		return nil, err
	}
	s := newSite(h)
	s.public = public
	data := &ReportData{Today: GermanDate(h.Today), Contact: h.Config.Contact, Readability: read}
	rules := map[string]*RuleCount{}
	files := map[string]*FileFindings{}
	for _, f := range findings {
		r := rules[f.Rule]
		if r == nil {
			r = &RuleCount{Rule: f.Rule, SC: f.SC, Example: f.Msg}
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
	return out, nil
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
