package pdf_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/handbuch/handbuch"
	"github.com/handbuch/handbuch/internal/build"
	"github.com/handbuch/handbuch/internal/load"
	"github.com/handbuch/handbuch/internal/pdf"
)

// arabic is a paragraph in Arabic with a Latin name and a number in it.
const arabic = "نستخدم الذكاء الاصطناعي لمساعدتكم في العمل اليومي. يمكنكم أن تقولوا لا في أي وقت، ولن يضركم ذلك أبدا. نحن نستخدم برنامج ChatGPT منذ عام 2024 فقط للرسائل."

// TestArabicRoundTrip: an Arabic paragraph in a flyer is shaped right to
// left, set flush right, and pdftotext reads it back in the order it is
// written, the lam-alef ligatures, the Latin name and the number
// included. pdftotext puts a space of its own before a comma or full
// stop that ends an Arabic word and drops the one where the direction
// changes (at "ChatGPT"), whatever the file says; so the text is
// compared without its spaces, character for character, and the words
// of the first sentence, which has neither, word for word.
func TestArabicRoundTrip(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	files, _, err := build.Render(flyerSite(arabic), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "f.pdf")
	for _, f := range files {
		if f.Path == "pdf/faltblatt-flyer.pdf" {
			os.WriteFile(file, f.Data, 0o644)
		}
	}
	out, err := exec.Command(pdftotext, "-f", "1", "-l", "1", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext marks the direction of runs with invisible controls.
	bidi := strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "", "\u200e", "", "\u200f", "")
	got := strings.Join(strings.Fields(bidi.Replace(string(out))), " ")
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.Contains(squeeze(got), squeeze(arabic)) {
		t.Errorf("pdftotext reads\n%s\nwant it to contain, spaces aside,\n%s", got, arabic)
	}
	first := arabic[:strings.Index(arabic, ".")]
	if !strings.Contains(got, first) {
		t.Errorf("pdftotext reads\n%s\nwant it to contain\n%s", got, first)
	}
}

// TestModelArabicFlyer: the Arabic translation of the model's client page
// "So nutzen wir KI" gets its flyer, in Arabic (the PDF's language), and
// pdftotext reads its first paragraph back as the page writes it. The
// glossary terms it links on the site (Arabic words with Arabic short
// texts) are plain words on paper: no link into a glossary the flyer
// does not have, no short text, and never a German one.
func TestModelArabicFlyer(t *testing.T) {
	pdftotext, pdfinfo := tool(t, "pdftotext"), tool(t, "pdfinfo")
	files, h, _, err := build.Make(handbuch.Model(), nil, load.Options{Today: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}, "public")
	if err != nil {
		t.Fatal(err)
	}
	page, err := fs.ReadFile(handbuch.Model(), "content/klienten/so-nutzen-wir-ki.ar.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(string(page), "+++"), "+++")
	first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(body), "\n\n", 2)[0])
	file := filepath.Join(t.TempDir(), "ar.pdf")
	for _, f := range files {
		if f.Path == "pdf/faltblatt-klienten-so-nutzen-wir-ki-ar.pdf" {
			os.WriteFile(file, f.Data, 0o644)
		}
	}
	info, err := exec.Command(pdfinfo, file).Output()
	if err != nil {
		t.Fatalf("no Arabic flyer: %v", err)
	}
	if !strings.Contains(string(info), "(A5)") {
		t.Errorf("the flyer is not A5:\n%s", info)
	}
	if data, _ := os.ReadFile(file); !strings.Contains(string(pdf.Expand(data)), "/Lang (ar)") {
		t.Error("the flyer's language is not ar")
	}
	out, err := exec.Command(pdftotext, "-f", "1", "-l", "1", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	bidi := strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "", "\u200e", "", "\u200f", "")
	squeeze := func(s string) string { return strings.Join(strings.Fields(bidi.Replace(s)), "") }
	if !strings.Contains(squeeze(string(out)), squeeze(first)) {
		t.Errorf("pdftotext reads\n%s\nwant it to contain, spaces aside,\n%s", out, first)
	}

	all, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := squeeze(string(all))
	translated := 0
	for _, term := range h.Glossary {
		ar := term.In("ar")
		if ar == nil {
			continue
		}
		translated++
		if strings.Contains(body, ar.Term) && !strings.Contains(text, squeeze(ar.Term)) {
			t.Errorf("the flyer lacks the page's word %q", ar.Term)
		}
		for _, short := range []string{term.Short, ar.Short} {
			if strings.Contains(text, squeeze(short)) {
				t.Errorf("the flyer has the short text of %s: %q", term.Name, short)
			}
		}
	}
	if translated == 0 {
		t.Error("no glossary term of the model is translated into Arabic")
	}
	if data, _ := os.ReadFile(file); strings.Contains(string(pdf.Expand(data)), "glossar") {
		t.Error("the flyer links into the glossary")
	}
}
