package check

import (
	"strings"
	"testing"
)

// TestHTMLExamples: the examples in HTML and CSS that explain a rule
// are true. Put into a page (or its stylesheet), the wrong one breaks
// the rule and the right one does not.
func TestHTMLExamples(t *testing.T) {
	for _, r := range Rules {
		e := explanations[r.ID]
		if e.Wrong.Lang != "html" && e.Wrong.Lang != "css" {
			continue
		}
		// Not checked on one page: a title used by two pages, a file that
		// is no HTML, an internal error.
		if r.ID == "document-title-unique" || r.ID == "pruefung-abgebrochen" {
			continue
		}
		if n := exampleFindings(r.ID, e.Wrong); len(n) == 0 {
			t.Errorf("%s: the wrong example does not break the rule:\n%s", r.ID, e.Wrong.Code)
		}
		if e.Right.Lang == "markdown" {
			continue // built as a chapter by internal/build's TestRuleExamples
		}
		for _, f := range exampleFindings(r.ID, e.Right) {
			t.Errorf("%s: the right example breaks the rule: %s\n%s", r.ID, f, e.Right.Code)
		}
	}
}

// exampleFindings checks a page made around the example and returns
// the findings of the rule id.
func exampleFindings(id string, ex Example) []Finding {
	head := `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Beispiel</title><link rel="stylesheet" href="beispiel.css">`
	body := `<body><a href="#inhalt">Zum Inhalt</a><header>Kopf</header><main id="inhalt"><h1>Beispiel</h1>` + "\n%s\n" + `</main><footer>Fuß</footer></body>`
	open := `<!DOCTYPE html><html lang="de">`
	code := strings.TrimSpace(ex.Code)
	files := []File{}
	var page string
	switch {
	case ex.Lang == "css":
		// A line of the site's stylesheet, which sets the theme's colours.
		files = append(files, File{Path: "beispiel.css", Data: []byte(":root { --text: #1a1a1a; --background: #ffffff; }\n" + code)})
		page = open + "<head>" + head + "</head>" + strings.Replace(body, "%s", `<p class="hinweis klein">Text <a href="#inhalt">Link</a></p><svg class="ampel-gelb"><circle class="symbol" r="5"/></svg>`, 1) + "</html>"
	case strings.HasPrefix(code, "<html"):
		page = "<!DOCTYPE html>" + code + "<head>" + head + "</head>" + strings.Replace(body, "%s", "", 1) + "</html>"
	case strings.HasPrefix(code, "<meta"):
		page = open + "<head>" + strings.Replace(head, `<meta name="viewport" content="width=device-width, initial-scale=1">`, "", 1) + code + "</head>" + strings.Replace(body, "%s", "", 1) + "</html>"
	case strings.HasPrefix(code, "<body"):
		if !strings.Contains(code, "</body>") {
			code += "<main id=\"inhalt\"><h1>Beispiel</h1></main></body>"
		}
		page = open + "<head>" + head + "</head>" + code + "</html>"
	case strings.HasPrefix(code, "<!DOCTYPE"):
		page = code
	case strings.Contains(code, "<main") || strings.Contains(code, "<header") || strings.Contains(code, "<footer") || strings.Contains(code, "<nav"):
		page = open + "<head>" + head + "</head><body><a href=\"#inhalt\">Zum Inhalt</a>" + code + "</body></html>"
	case !strings.Contains(code, "<"):
		page = code
	default:
		page = open + "<head>" + head + "</head>" + strings.Replace(body, "%s", code, 1) + "</html>"
	}
	files = append(files, File{Path: "beispiel.html", Data: []byte(page)})
	var out []Finding
	for _, f := range Site(files) {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}
