//go:build !race

package check

import (
	"strings"
	"testing"
	"time"
)

// TestHostilePages: pages that used to crash or hang the checker, and
// ones built to make it quadratic, are checked to the end. How long
// each takes is logged, not asserted; only a page still being checked
// after 5 minutes (a hang, or work quadratic in 100,000 elements) fails.
// The race detector makes these single-goroutine walks ten times
// slower and finds nothing in them, so they do not run under it.
func TestHostilePages(t *testing.T) {
	big := strings.Repeat("a ", 5<<20)
	cases := map[string]string{
		"labelledby ancestor": `<html lang=de><body><main><div id=a><h1>T</h1><button aria-labelledby="a">x</button><input aria-labelledby="a b"></div></main></body></html>`,
		"labelledby cycle":    `<span id=a role=link tabindex=0 aria-labelledby=b>A</span><span id=b role=link tabindex=0 aria-labelledby=a>B</span>`,
		"owns cycle":          `<div id=a role=button aria-owns=b><div id=b role=button aria-owns=a>x</div></div>`,
		"deep divs":           strings.Repeat("<div>", 100_000) + "<button></button>",
		"deep named":          strings.Repeat(`<span role="link" tabindex="0">`, 100_000) + "x",
		"deep hidden":         strings.Repeat(`<div aria-hidden="true">`, 100_000) + `<a href="x">x</a>`,
		"deep lists":          strings.Repeat("<ul><li>", 50_000),
		"deep tables":         strings.Repeat("<table><tr><td>", 30_000),
		"deep svg":            "<svg>" + strings.Repeat("<g>", 100_000),
		"huge attribute":      `<div role="` + big + `" aria-labelledby="` + big + `" class="` + big + `">x</div>`,
		"huge style":          `<style>` + strings.Repeat("div ", 100_000) + `{display:none}` + strings.Repeat(".a", 100_000) + `{display:none}</style>` + strings.Repeat("<div>", 2000),
		"many labels":         strings.Repeat(`<label for=a>L</label>`, 20_000) + strings.Repeat(`<input id=a>`, 2000),
		"deep roles":          strings.Repeat(`<div role="list" aria-owns="o"><div role="listitem" id="o" aria-checked="x" aria-label="y">`, 50_000),
		"wide roles":          `<div role="tablist">` + strings.Repeat(`<div role="tab" aria-owns="t">x</div>`, 50_000) + `</div><div id="t" role="menu"></div>`,
	}
	for name, src := range cases {
		start := time.Now()
		done := make(chan []Finding, 1)
		go func() { done <- Page("a.html", []byte(src)) }()
		select {
		case <-done:
		case <-time.After(5 * time.Minute):
			t.Fatalf("%s: still checking after 5 minutes", name)
		}
		t.Logf("%s: %v", name, time.Since(start))
	}
}
