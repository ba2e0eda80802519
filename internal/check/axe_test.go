package check

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// The differential corpus: testdata/axe/RULE.txtar holds small pages
// written for the axe-core rule RULE, each labelled with the verdict
// axe-core gave for that rule in Chromium (internal/browsertest/
// axe-corpus.mjs writes the labels and CI derives them again).
// TestAxeAgreement needs no browser: it compares the static checker's
// findings with the stored verdicts and keeps the figures in
// testdata/axe/agreement.txt.

var updateAxe = flag.Bool("update-axe", false, "rewrite testdata/axe/agreement.txt")

// axeLabel is a label line of an archive's comment: case, verdict, and
// the first 12 hex digits of the SHA-256 of the page axe checked.
var axeLabel = regexp.MustCompile(`^(\S+\.html) (violation|pass|inapplicable|incomplete) ([0-9a-f]{12})$`)

// axeDocument is the start of a complete page.
var axeDocument = regexp.MustCompile(`(?i)^\s*(<!doctype|<html)`)

// axeCase is one page of the corpus with axe-core's verdict.
type axeCase struct {
	rule, name, verdict string
	page                []byte
}

func (c axeCase) path() string { return c.rule + "/" + c.name }

// axeExpand makes a page of a case as axe-corpus.mjs does: a complete
// document stays as it is; a fragment goes into <main> after the <h1> of
// a standard page, a <style> element it starts with into the <head>.
func axeExpand(data []byte) []byte {
	if axeDocument.Match(data) {
		return data
	}
	var head []byte
	body := data
	if bytes.HasPrefix(body, []byte("<style")) {
		if end := bytes.Index(body, []byte("</style>\n")); end >= 0 {
			head, body = body[:end+9], body[end+9:]
		}
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>Testfall</title>\n")
	b.Write(head)
	b.WriteString("</head>\n<body>\n<main>\n<h1>Testfall</h1>\n")
	b.Write(body)
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes()
}

// loadAxeCorpus reads every archive and checks that each case has a label
// for exactly the page it is now.
func loadAxeCorpus(t testing.TB) []axeCase {
	t.Helper()
	files, err := filepath.Glob("testdata/axe/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatal("no archives in testdata/axe")
	}
	var out []axeCase
	for _, file := range files {
		rule := strings.TrimSuffix(filepath.Base(file), ".txtar")
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		labels := map[string][]string{}
		for line := range strings.SplitSeq(string(ar.Comment), "\n") {
			if m := axeLabel.FindStringSubmatch(line); m != nil {
				labels[m[1]] = m[2:]
			}
		}
		seen := map[string]bool{}
		for _, f := range ar.Files {
			if seen[f.Name] {
				t.Errorf("%s: case %s twice", file, f.Name)
			}
			seen[f.Name] = true
			page := axeExpand(f.Data)
			l, ok := labels[f.Name]
			sum := sha256.Sum256(page)
			switch {
			case !ok:
				t.Errorf("%s: case %s has no axe verdict; run node axe-corpus.mjs --write ../check/testdata/axe in internal/browsertest", file, f.Name)
				continue
			case l[1] != hex.EncodeToString(sum[:])[:12]:
				t.Errorf("%s: case %s changed after axe labelled it; label it again (node axe-corpus.mjs --write)", file, f.Name)
				continue
			}
			out = append(out, axeCase{rule, f.Name, l[0], page})
		}
		for name := range labels {
			if !seen[name] {
				t.Errorf("%s: a label for %s, which is no case", file, name)
			}
		}
	}
	return out
}

// TestAxeAgreement: for every case whose axe verdict is not incomplete,
// does the static checker report a finding of the case's rule on the
// page exactly when axe reports a violation? The agreement per rule and
// the cases that disagree are in testdata/axe/agreement.txt; the test
// fails when they change and -update-axe was not given, so every change
// of the checker shows its effect there.
func TestAxeAgreement(t *testing.T) {
	cases := loadAxeCorpus(t)
	if len(cases) < 800 {
		t.Errorf("the corpus has %d labelled cases, want at least 800", len(cases))
	}
	files := make([]File, len(cases))
	for i, c := range cases {
		files[i] = File{Path: c.path(), Data: c.page}
	}
	start := time.Now()
	findings := Site(files)
	elapsed := time.Since(start)
	t.Logf("static check: %d pages in %v, %.3f ms per page", len(files), elapsed, float64(elapsed.Microseconds())/1000/float64(len(files)))

	flagged := map[string]bool{} // path + " " + rule
	for _, f := range findings {
		flagged[f.Pos.File+" "+f.Rule] = true
	}
	implemented := map[string]bool{}
	for _, id := range RuleIDs() {
		implemented[id] = true
	}
	got := axeAgreement(cases, flagged, implemented)
	const golden = "testdata/axe/agreement.txt"
	if *updateAxe {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (write it with go test ./internal/check -run TestAxeAgreement -update-axe)", err)
	}
	if got != string(want) {
		t.Errorf("the agreement with axe-core changed; if that is what you meant, run go test ./internal/check -run TestAxeAgreement -update-axe\n%s", lineDiff(string(want), got))
	}
}

// ruleTally counts the cases of one rule.
type ruleTally struct {
	rule                      string
	cases, violations, others int
	incomplete, agree         int
	falseAlarms, missed       []string
}

// axeAgreement formats the table of agreement per rule.
func axeAgreement(cases []axeCase, flagged, implemented map[string]bool) string {
	var order []string
	tallies := map[string]*ruleTally{}
	for _, c := range cases {
		r := tallies[c.rule]
		if r == nil {
			r = &ruleTally{rule: c.rule}
			tallies[c.rule] = r
			order = append(order, c.rule)
		}
		r.cases++
		switch c.verdict {
		case "incomplete":
			r.incomplete++
			continue
		case "violation":
			r.violations++
		default:
			r.others++
		}
		axe, static := c.verdict == "violation", flagged[c.path()+" "+c.rule]
		switch {
		case axe == static:
			r.agree++
		case static:
			r.falseAlarms = append(r.falseAlarms, c.name)
		default:
			r.missed = append(r.missed, c.name)
		}
	}
	slices.Sort(order)
	var b, rest strings.Builder
	var n, agree, casesAll, rulesDone, incompleteAll int
	fmt.Fprintf(&b, "Agreement of handbuch's static check with axe-core, per rule of the corpus in testdata/axe.\n")
	fmt.Fprintf(&b, "Decided cases: axe says violation or not (pass, inapplicable); incomplete ones are left out.\n")
	fmt.Fprintf(&b, "Written by go test ./internal/check -run TestAxeAgreement -update-axe.\n\n")
	fmt.Fprintf(&b, "%-36s %5s %5s %5s %5s %7s  %s\n", "rule", "cases", "viol.", "incom", "agree", "%", "disagreeing cases (+ false alarm, - missed)")
	for _, id := range order {
		r := tallies[id]
		casesAll += r.cases
		incompleteAll += r.incomplete
		if !implemented[id] {
			fmt.Fprintf(&rest, "%-36s %5d %5d %5d\n", id, r.cases, r.violations, r.incomplete)
			continue
		}
		rulesDone++
		decided := r.cases - r.incomplete
		n += decided
		agree += r.agree
		var diff []string
		for _, name := range r.falseAlarms {
			diff = append(diff, "+"+strings.TrimSuffix(name, ".html"))
		}
		for _, name := range r.missed {
			diff = append(diff, "-"+strings.TrimSuffix(name, ".html"))
		}
		fmt.Fprintf(&b, "%-36s %5d %5d %5d %5d %7s  %s\n", id, r.cases, r.violations, r.incomplete, r.agree, percent(r.agree, decided), strings.Join(diff, " "))
	}
	fmt.Fprintf(&b, "\nnicht umgesetzt (no rule with this id in handbuch; not in the figure):\n%-36s %5s %5s %5s\n%s", "rule", "cases", "viol.", "incom", rest.String())
	fmt.Fprintf(&b, "\ncorpus: %d cases for %d axe rules, %d incomplete\n", casesAll, len(order), incompleteAll)
	fmt.Fprintf(&b, "implemented: %d of %d rules; agreement on their %d decided cases: %d = %s\n", rulesDone, len(order), n, agree, percent(agree, n))
	return b.String()
}

func percent(a, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f %%", 100*float64(a)/float64(n))
}

// lineDiff lists the lines only in want (-) or only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// TestAxeCorpusVerdicts: every rule of the corpus has cases of both
// verdicts: one axe decides is no violation (pass or inapplicable), and
// a violation, or for the rules axe-core reports only as "needs review"
// when they fail (bypass, duplicate-id-aria, frame-title-unique ...), a
// case it leaves incomplete.
func TestAxeCorpusVerdicts(t *testing.T) {
	type count struct{ violations, others, incomplete int }
	counts := map[string]*count{}
	for _, c := range loadAxeCorpus(t) {
		n := counts[c.rule]
		if n == nil {
			n = &count{}
			counts[c.rule] = n
		}
		switch c.verdict {
		case "violation":
			n.violations++
		case "incomplete":
			n.incomplete++
		default:
			n.others++
		}
	}
	for rule, n := range counts {
		if n.others == 0 || n.violations+n.incomplete == 0 {
			t.Errorf("%s: %d violations, %d incomplete and %d other decided cases; want a failing and a passing case", rule, n.violations, n.incomplete, n.others)
		}
	}
}

// BenchmarkAxeCorpus checks every page of the corpus, for the ms per page
// next to axe-core's (go test -bench AxeCorpus -cpu 1,2 ./internal/check).
func BenchmarkAxeCorpus(b *testing.B) {
	cases := loadAxeCorpus(b)
	files := make([]File, len(cases))
	for i, c := range cases {
		files[i] = File{Path: c.path(), Data: c.page}
	}
	runs := 0
	for b.Loop() {
		Site(files)
		runs++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(runs*len(files)), "ms/page")
}

// TestAxeReasons: README's section on the agreement with axe-core lists
// every implemented rule's figures and the overall one as agreement.txt
// has them, and gives the reason for every rule below 97 %.
func TestAxeReasons(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "### Agreement with axe-core\n")
	if !ok {
		t.Fatal("README.md has no section ### Agreement with axe-core")
	}
	section, _, _ = strings.Cut(section, "\n#")
	table, err := os.ReadFile("testdata/axe/agreement.txt")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^(\S+) +(\d+) +\d+ +(\d+) +(\d+) +([\d.]+) %`)
	// The list of every rule's figures, wrapped as text.
	list := strings.Join(strings.Fields(section), " ")
	for _, m := range row.FindAllStringSubmatch(string(table), -1) {
		var pct float64
		fmt.Sscan(m[5], &pct)
		if pct < 97 && !strings.Contains(section, "| `"+m[1]+"` |") {
			t.Errorf("%s agrees with axe-core in %s %% of the cases; README.md's section on the agreement does not say why", m[1], m[5])
		}
		var cases, incomplete int
		fmt.Sscan(m[2], &cases)
		fmt.Sscan(m[3], &incomplete)
		if want := fmt.Sprintf("`%s` %s/%d", m[1], m[4], cases-incomplete); !strings.Contains(list, want) {
			t.Errorf("README.md's list of the agreement per rule lacks %s", want)
		}
	}
	total := regexp.MustCompile(`implemented: (\d+) of (\d+) rules; agreement on their (\d+) decided cases: (\d+) = ([\d.]+) %`).FindStringSubmatch(string(table))
	if total == nil {
		t.Fatal("agreement.txt has no overall figure")
	}
	if want := fmt.Sprintf("%s of %s axe rules, %s of %s decided cases = %s %%", total[1], total[2], total[4], total[3], total[5]); !strings.Contains(list, want) {
		t.Errorf("README.md does not say %q", want)
	}
}
