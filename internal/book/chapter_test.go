package book

import "testing"

func TestChapterTitles(t *testing.T) {
	p := &Page{Title: "Risikomanagement"}
	if p.NumberedTitle() != "Risikomanagement" || p.Heading() != "Risikomanagement" || p.ChapterRef() != "„Risikomanagement“" {
		t.Errorf("without a number: %q, %q, %q", p.NumberedTitle(), p.Heading(), p.ChapterRef())
	}
	p.Number = 6
	for got, want := range map[string]string{
		p.NumberedTitle(): "6 Risikomanagement",
		p.Heading():       "Kapitel 6: Risikomanagement",
		p.ChapterRef():    "Kapitel 6 „Risikomanagement“",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
