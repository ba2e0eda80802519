// Package tooltest finds the command-line tools some tests run: poppler's
// pdftotext, pdfinfo, pdffonts and pdftoppm, qpdf and pdfcpu.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// Path returns the path of the tool name. Where the tools must be there
// (in CI, which installs them in .ci/run, or with HANDBUCH_TOOLS=1) a
// missing tool fails the test; elsewhere the test is skipped.
func Path(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("HANDBUCH_TOOLS") != "" {
			t.Fatalf("%s is missing: install poppler-utils, qpdf and pdfcpu, as .ci/run does", name)
		}
		t.Skipf("%s not installed (runs in CI)", name)
	}
	return p
}
