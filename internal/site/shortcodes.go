package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/markdown"
	"github.com/handbuch/handbuch/internal/shortcode"
)

// ShortcodeData is what a layouts/shortcodes/<name>.html template sees.
type ShortcodeData struct {
	ID    string // unique on the page; ids of the shortcode start with it
	Args  []string
	Label string // the first argument
	Field *FieldData
	// Checklist, Register and Contacts are set for the shortcodes that
	// show them.
	Checklist    *ChecklistData
	Register     *RegisterData
	Contacts     []*book.Contact
	Placeholders bool // some contact still has a "[… eintragen]" (book.Contact.Open)
	// Figure is set for bild: the picture, for pages also an image that
	// stands alone in its paragraph.
	Figure *FigureData
	// Org is the value an org shortcode shows.
	Org *OrgData
	// Inner stands where the part of the page that a container encloses
	// goes; Level is the level of the container's heading there.
	Inner template.HTML
	Level int
	// StaffTitle and StaffNote head the part only for the organisation.
	StaffTitle, StaffNote string
	// OpenTitle and OpenNote are what readers see of an open slot.
	OpenTitle, OpenNote string
}

// FigureData is a picture ready for its layout.
type FigureData struct {
	Src    string // the image in its own size
	Srcset string // its smaller copies and itself, "a-480w.png 480w, a.png 1200w"; "" without copies
	Sizes  string // how wide it is shown, for the browser to pick from Srcset
	// Width and Height are the image's size in pixels, so the browser
	// keeps its place free before it is loaded.
	Width, Height int
	Alt, Caption  string
	Decorative    bool // alt="" and no caption
	Lazy          bool // loading="lazy"
}

// ImageDir is the folder of the built site that holds the pictures.
const ImageDir = "assets/bilder/"

// figureSizes says how wide a picture is shown: the text column, at most
// 68 characters of body text (about 42rem).
const figureSizes = "(min-width: 48rem) 42rem, 100vw"

// figure renders the pictures of a page; href maps a site-absolute URL
// as for the shortcodes.
func (t tools) figure(href func(string) string) func(markdown.Figure) ([]byte, error) {
	return func(f markdown.Figure) ([]byte, error) {
		img := f.Img
		fd := &FigureData{Src: href("/" + ImageDir + img.Name), Width: img.Width, Height: img.Height,
			Alt: f.Alt, Caption: f.Caption, Decorative: f.Decorative, Lazy: f.Lazy}
		if len(img.Variants) > 0 {
			var set []string
			for _, v := range img.Variants {
				set = append(set, fmt.Sprintf("%s %dw", href("/"+ImageDir+v.Name), v.Width))
			}
			set = append(set, fmt.Sprintf("%s %dw", fd.Src, img.Width))
			fd.Srcset, fd.Sizes = strings.Join(set, ", "), figureSizes
		}
		return t.exec("bild", &ShortcodeData{Label: img.File, Figure: fd})
	}
}

// logo is the organisation's logo for the header, or nil.
func (s *site) logo() *LogoData {
	img := s.h.Logo
	if img == nil {
		return nil
	}
	alt := s.h.Config.Org.Name
	if alt == "" {
		alt = "Startseite"
	}
	return &LogoData{URL: "/" + ImageDir + img.Name, Width: img.Width, Height: img.Height, Alt: alt}
}

// images are the files of the pictures: each in its own size and its
// smaller copies.
func (s *site) images() []File {
	var out []File
	for _, img := range s.b.Images {
		out = append(out, File{Path: ImageDir + img.Name, Data: img.Data})
		for _, v := range img.Variants {
			out = append(out, File{Path: ImageDir + v.Name, Data: v.Data})
		}
	}
	return out
}

// OrgData is one value of the organisation settings for its layout.
type OrgData struct {
	Kind  string   // "text", "address", "phone", "email" or "website"
	Label string   // what it is: "Name der Organisation"
	Value string   // "" when it is not filled in yet
	Lines []string // of an address
	Slot  string   // where an empty value is filled in
}

// orgKinds name the kinds of organisation values in layouts.
var orgKinds = map[book.OrgKind]string{
	book.OrgText: "text", book.OrgAddress: "address", book.OrgPhone: "phone",
	book.OrgEmail: "email", book.OrgWebsite: "website",
}

// Org returns the value called key of the organisation settings in o
// for a layout.
func Org(o *book.Organisation, key string) *OrgData {
	f, _ := book.LookupOrgField(key)
	v := o.Value(key)
	return &OrgData{Kind: orgKinds[f.Kind], Label: f.Label, Value: v, Lines: book.AddressLines(v), Slot: f.Slot()}
}

// FieldData describes the input of a feld shortcode.
type FieldData struct {
	Type         string // input type
	Autocomplete string // empty when no value fits
	Multiline    bool
	InputMode    string
	Rows         int // lines of a multiline field, as many as on paper
}

// fieldKinds maps the kinds of feld to their input.
var fieldKinds = map[string]FieldData{
	"text":    {Type: "text"},
	"lang":    {Type: "text", Multiline: true},
	"name":    {Type: "text", Autocomplete: "name"},
	"email":   {Type: "email", Autocomplete: "email"},
	"tel":     {Type: "tel", Autocomplete: "tel"},
	"datum":   {Type: "date"},
	"adresse": {Type: "text", Multiline: true, Autocomplete: "street-address"},
	"zahl":    {Type: "text", InputMode: "decimal"},
}

// ChecklistData is a checklist ready for its layout.
type ChecklistData struct {
	Name     string // key for the answers kept in the browser
	Title    string
	Intro    string
	Interval string
	Href     string // the checklist's own page
	Count    int
	Groups   []ChecklistGroupData
	Answers  []ChecklistAnswer // the same for every item
}

// ChecklistAnswer is one of the answers to an item: a radio button.
type ChecklistAnswer struct {
	Value string // "ja", "weiss-nicht" …
	Label string // "Ja", "Weiß nicht" …
}

// ChecklistGroupData is a group of a checklist: a fieldset.
type ChecklistGroupData struct {
	ID    string
	Title string
	Who   string
	Items []ChecklistItemData
}

// ChecklistItemData is one item to answer.
type ChecklistItemData struct {
	ID        string
	Key       string // the same on every page that shows the checklist: g1-p2
	Text      string
	Help      string
	LinkHref  string // the chapter that explains the item
	LinkTitle string
}

// RegisterData is the AI register for its layout.
type RegisterData struct {
	Systems            []SystemData
	Red, Yellow, Green int
	Examples           bool // some entries are examples
	Overdue            int
	TodayText          string
}

// SystemData is one AI system with what the page shows of it.
type SystemData struct {
	*book.AISystem
	ID        string
	Overall   book.Light
	LastCheck string
	NextCheck string // the next ethics check, German date
	// DPIADateText is the date of the DSFA, ApprovalText who approved
	// the system and when: "Geschäftsführung am 3. März 2026".
	DPIADateText, ApprovalText string
}

// tools renders the block shortcodes of a page and their data.
type tools struct {
	s   *site
	tpl *template.Template
}

// renderer renders the block shortcodes of a page. prefix makes ids
// unique (in the print view it carries the page's anchor); href maps a
// site-absolute URL to a link from where the page is shown; shift is
// how many levels the page's headings move down there.
func (t tools) renderer(prefix string, href func(string) string, shift int) func(*markdown.Shortcode) ([]byte, error) {
	return func(sc *markdown.Shortcode) ([]byte, error) {
		if r, ok := shortcode.Lookup(sc.Name); ok && r.Editors {
			return nil, nil // only in the editors' area (OpenURL)
		}
		data := &ShortcodeData{ID: markdown.ShortcodeID(prefix, sc.Index), Args: sc.Args, OpenTitle: shortcode.OpenTitle, OpenNote: shortcode.OpenNote}
		if sc.Container {
			data.Inner, data.Level = markdown.Inner, min(2+shift, 6)
		}
		if sc.Name == "nur-organisation" {
			data.StaffTitle, data.StaffNote = shortcode.StaffTitle, shortcode.StaffNote(sc.Args)
		}
		if len(sc.Args) > 0 {
			data.Label = sc.Args[0]
		}
		switch sc.Name {
		case "feld":
			kind := "text"
			if len(sc.Args) > 1 {
				kind = sc.Args[1]
			}
			f := fieldKinds[kind]
			if f.Multiline {
				f.Rows = shortcode.FieldLines(sc.Args)
			}
			data.Field = &f
		case "checkliste":
			if c := shortcode.Checklist(t.s.h, sc.Args[0]); c != nil {
				data.Checklist = t.checklist(c, data.ID, href)
			}
		case "ki-register":
			data.Register = t.register(data.ID)
		case "kontakte":
			data.Contacts, data.Placeholders = t.contacts(sc.Args)
		case "org":
			data.Org = Org(&t.s.h.Config.Org, data.Label)
		}
		return t.exec(sc.Name, data)
	}
}

func (t tools) exec(name string, data *ShortcodeData) ([]byte, error) {
	var buf bytes.Buffer
	file := "shortcodes/" + name + ".html"
	tpl := t.tpl.Lookup(file)
	if tpl == nil {
		return nil, book.Errorf(book.Pos{File: "layouts/" + file}, "das Layout für den Shortcode %q fehlt.", name)
	}
	if err := tpl.Execute(&buf, data); err != nil {
		return nil, book.Errorf(book.Pos{File: "layouts/" + file}, "Fehler beim Ausführen des Layouts: %v", err)
	}
	return buf.Bytes(), nil
}

func (t tools) checklist(c *book.Checklist, id string, href func(string) string) *ChecklistData {
	out := &ChecklistData{Name: c.Name, Title: c.Title, Intro: c.Intro, Interval: c.Interval, Href: href(c.URL())}
	for _, a := range book.Answers {
		out.Answers = append(out.Answers, ChecklistAnswer{Value: book.Slug(a), Label: a})
	}
	for gi, g := range c.Groups {
		gd := ChecklistGroupData{ID: fmt.Sprintf("%s-g%d", id, gi+1), Title: g.Title, Who: g.Who}
		for ii, it := range g.Items {
			item := ChecklistItemData{ID: fmt.Sprintf("%s-p%d", gd.ID, ii+1), Key: fmt.Sprintf("g%d-p%d", gi+1, ii+1), Text: it.Text, Help: it.Help}
			if it.Target != "" {
				item.LinkHref = href(it.Target)
				item.LinkTitle = t.s.h.PageAt(it.Target).Title
			}
			gd.Items = append(gd.Items, item)
			out.Count++
		}
		out.Groups = append(out.Groups, gd)
	}
	return out
}

func (t tools) register(id string) *RegisterData {
	r := &RegisterData{TodayText: GermanDate(t.s.h.Today)}
	for i, s := range t.s.h.Register {
		sd := SystemData{AISystem: s, ID: fmt.Sprintf("%s-s%d", id, i+1), Overall: s.Light()}
		if !s.LastEthicsCheck.IsZero() {
			sd.LastCheck = GermanDate(s.LastEthicsCheck)
		}
		if !s.NextEthicsCheck.IsZero() {
			sd.NextCheck = GermanDate(s.NextEthicsCheck)
		}
		if !s.DPIADate.IsZero() {
			sd.DPIADateText = GermanDate(s.DPIADate)
		}
		sd.ApprovalText = s.ApprovedBy
		if !s.Approved.IsZero() {
			sd.ApprovalText = strings.TrimSpace(sd.ApprovalText + " am " + GermanDate(s.Approved))
		}
		switch sd.Overall {
		case book.Red:
			r.Red++
		case book.Yellow:
			r.Yellow++
		default:
			r.Green++
		}
		if s.Overdue {
			r.Overdue++
		}
		r.Examples = r.Examples || s.Example
		r.Systems = append(r.Systems, sd)
	}
	return r
}

func (t tools) contacts(args []string) ([]*book.Contact, bool) {
	out := shortcode.Contacts(t.s.h, shortcode.Arg(args, 0))
	placeholders := false
	for _, c := range out {
		placeholders = placeholders || len(c.Open) > 0
	}
	return out, placeholders
}
