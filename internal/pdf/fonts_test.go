package pdf_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFontsWithPoppler lists the fonts of every model PDF with pdffonts:
// each embedded, a subset named with its tag, with a Unicode map; and no
// more fonts than the regular, bold and italic cut (bold italic draws
// with the bold file and is embedded only where text uses it).
func TestFontsWithPoppler(t *testing.T) {
	pdffonts := tool(t, "pdffonts")
	dir := t.TempDir()
	tagged := regexp.MustCompile(`^[A-Z]{6}\+(AtkinsonHyperlegibleNext-(Regular|Bold|Italic)|NotoSansArabic-(Regular|Bold))$`)
	for _, f := range modelFiles(t) {
		if !strings.HasPrefix(f.Path, "pdf/") {
			continue
		}
		file := filepath.Join(dir, filepath.Base(f.Path))
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdffonts, file).CombinedOutput()
		if err != nil {
			t.Fatalf("pdffonts %s: %v\n%s", f.Path, err, out)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		if len(lines) == 0 || len(lines) > 4 {
			t.Errorf("%s: %d fonts\n%s", f.Path, len(lines), out)
		}
		for _, l := range lines {
			fs := strings.Fields(l)
			if len(fs) < 7 || !tagged.MatchString(fs[0]) || strings.Join(fs[len(fs)-5:len(fs)-2], " ") != "yes yes yes" {
				t.Errorf("%s: font not a tagged, embedded subset with Unicode map: %s", f.Path, l)
			}
		}
	}
}
