package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/source"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// readTOML reads one TOML file of the project; ok is false when it is
// missing (and optional) or broken (an error is reported).
func readTOML(fsys fs.FS, file string, optional bool, errs *book.ErrorList) (tomlDoc, bool) {
	src, err := source.Read(fsys, file, source.MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) && optional {
		return tomlDoc{}, false
	}
	if err != nil {
		errs.Addf(book.Pos{File: file}, "%s", err)
		return tomlDoc{}, false
	}
	if !checkText(file, src, errs) {
		return tomlDoc{}, false
	}
	d := tomlDoc{file: file, src: src, text: strings.TrimPrefix(string(src), "\ufeff")}
	d.off = len(src) - len(d.text)
	return d, true
}

// tomlFiles lists the TOML files of a project folder (none when it is
// missing), reporting anything else that lies there.
func tomlFiles(fsys fs.FS, dir, what string, errs *book.ErrorList) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		errs.Addf(book.Pos{File: dir}, "%s", source.Explain(err))
		return nil
	}
	var files []string
	// Addresses and ids are made from the file name as a slug: two
	// names that differ only in case (daten.toml, Daten.toml) or in ä
	// and ae would end as two pages at one address or two entries with
	// one id.
	slugs := map[string]string{}
	for _, e := range entries {
		name, file := e.Name(), dir+"/"+e.Name()
		switch {
		case strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || e.IsDir():
		case path.Ext(name) != ".toml":
			errs.Addf(book.Pos{File: file}, "gehört nicht in %s/: dort steht %s pro Datei mit der Endung .toml.", dir, what)
		default:
			slug := book.Slug(strings.TrimSuffix(name, ".toml"))
			if other, ok := slugs[slug]; ok {
				errs.Addf(book.Pos{File: file}, "ergibt denselben Namen %q wie %s: handbuch macht Adressen und Sprungmarken aus dem Dateinamen, ohne Groß- und Kleinschreibung und mit ae für ä. Benennen Sie eine der beiden Dateien um.", slug, other)
				continue
			}
			slugs[slug] = file
			files = append(files, file)
		}
	}
	return files
}

// loadChecklists reads checklists/*.toml. Chapter references are checked
// by the link stage, which knows the pages.
func loadChecklists(fsys fs.FS, errs *book.ErrorList) []*book.Checklist {
	var out []*book.Checklist
	for _, file := range tomlFiles(fsys, "checklists", "eine Checkliste", errs) {
		d, ok := readTOML(fsys, file, false, errs)
		if !ok {
			continue
		}
		c := &book.Checklist{Name: strings.TrimSuffix(path.Base(file), ".toml"), File: file}
		var group *book.ChecklistGroup
		var item *book.ChecklistItem
		var groupPos []book.Pos
		var itemPos [][]book.Pos
		str := func(key string, dst func() *string) field {
			return field{key: key, kind: kString, set: func(v any, _ book.Pos) { *dst() = strings.TrimSpace(v.(string)) }}
		}
		if !d.decode([]field{
			str("title", func() *string { return &c.Title }),
			str("intro", func() *string { return &c.Intro }),
			str("interval", func() *string { return &c.Interval }),
			{key: "weight", kind: kInt, set: func(v any, _ book.Pos) { c.Weight = v.(int) }},
			{key: "group", kind: kTables, each: func(_ int, p book.Pos) {
				group = &book.ChecklistGroup{}
				c.Groups = append(c.Groups, group)
				groupPos = append(groupPos, p)
				itemPos = append(itemPos, nil)
			}, sub: []field{
				str("title", func() *string { return &group.Title }),
				str("who", func() *string { return &group.Who }),
				{key: "item", kind: kTables, each: func(_ int, p book.Pos) {
					item = &book.ChecklistItem{Pos: p}
					group.Items = append(group.Items, item)
					itemPos[len(itemPos)-1] = append(itemPos[len(itemPos)-1], p)
				}, sub: []field{
					str("text", func() *string { return &item.Text }),
					str("help", func() *string { return &item.Help }),
					{key: "chapter", kind: kString, set: func(v any, p book.Pos) { item.Chapter = strings.TrimSpace(v.(string)); item.Pos = p }},
				}},
			}},
		}, errs) {
			continue
		}
		start := book.Pos{File: file, Line: 1, Col: 1}
		if c.Title == "" {
			errs.Addf(start, `title fehlt: geben Sie der Checkliste einen Titel, zum Beispiel title = "Vor dem KI-Einsatz".`)
		}
		if len(c.Groups) == 0 {
			errs.Addf(start, "die Checkliste hat keine Gruppe. Beginnen Sie jede Gruppe mit [[group]] und title, jeden Punkt mit [[group.item]] und text.")
		}
		for gi, g := range c.Groups {
			if g.Title == "" {
				errs.Addf(groupPos[gi], "der Gruppe fehlt title: jede Gruppe wird als Überschrift des Kastens gezeigt.")
			}
			if len(g.Items) == 0 {
				errs.Addf(groupPos[gi], "die Gruppe %q hat keinen Punkt. Fügen Sie Punkte mit [[group.item]] und text hinzu.", g.Title)
			}
			for ii, it := range g.Items {
				if it.Text == "" {
					errs.Addf(itemPos[gi][ii], "dem Punkt fehlt text: schreiben Sie eine Aussage, die man abhaken kann.")
				}
			}
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight < out[j].Weight
		}
		return book.SortKey(out[i].Title) < book.SortKey(out[j].Title)
	})
	return out
}

var (
	areas    = []string{"direkte Dienstleistung", "interne Prozesse", "Kooperation"}
	statuses = []string{"geplant", "Pilot", "im Einsatz", "abgeschaltet"}
	lights   = []string{"grün", "gelb", "rot"}
	// The values of the register's data-protection and AI Act fields.
	needed       = []string{"nötig", "nicht nötig"}
	yesNo        = []string{"ja", "nein"}
	dpiaStates   = []string{"nicht nötig", "nötig", "durchgeführt"}
	dealStates   = []string{"nicht nötig", "abgeschlossen", "fehlt"}
	aiActClasses = []string{"verboten", "hochriskant", "Transparenzpflicht", "geringes Risiko"}
	aiActRoles   = []string{"Betreiber", "Anbieter"}
)

// loadRegister reads data/ki-register.toml and applies the handbook's
// rules: the exclusion of chapter 2 is an error, an ethics check older
// than 12 months a warning.
func loadRegister(fsys fs.FS, today time.Time, errs *book.ErrorList, warnings *[]*book.Error) []*book.AISystem {
	const file = "data/ki-register.toml"
	d, ok := readTOML(fsys, file, true, errs)
	if !ok {
		return nil
	}
	var out []*book.AISystem
	var s *book.AISystem
	pos := map[*book.AISystem]map[string]book.Pos{}
	str := func(key string, dst func() *string) field {
		return field{key: key, kind: kString, set: func(v any, p book.Pos) { *dst() = strings.TrimSpace(v.(string)); pos[s][key] = p }}
	}
	date := func(key string, dst func() *time.Time) field {
		return field{key: key, kind: kDate, set: func(v any, p book.Pos) { *dst() = v.(time.Time); pos[s][key] = p }}
	}
	light := func(key string, dst func() *book.Light) field {
		return field{key: key, kind: kString, set: func(v any, p book.Pos) { *dst() = book.Light(strings.TrimSpace(v.(string))); pos[s][key] = p }}
	}
	if !d.decode([]field{{key: "system", kind: kTables, each: func(_ int, p book.Pos) {
		s = &book.AISystem{Pos: p}
		pos[s] = map[string]book.Pos{}
		out = append(out, s)
	}, sub: []field{
		str("name", func() *string { return &s.Name }),
		{key: "example", kind: kBool, set: func(v any, _ book.Pos) { s.Example = v.(bool) }},
		str("purpose", func() *string { return &s.Purpose }),
		str("area", func() *string { return &s.Area }),
		str("provider", func() *string { return &s.Provider }),
		{key: "data_sources", kind: kStrings, set: func(v any, _ book.Pos) { s.DataSources = v.([]string) }},
		{key: "personal_data", kind: kStrings, set: func(v any, _ book.Pos) { s.PersonalData = v.([]string) }},
		str("owner", func() *string { return &s.Owner }),
		str("status", func() *string { return &s.Status }),
		light("data_sensitivity", func() *book.Light { return &s.DataSensitivity }),
		light("impact", func() *book.Light { return &s.Impact }),
		light("autonomy", func() *book.Light { return &s.Autonomy }),
		{key: "human_oversight", kind: kBool, set: func(v any, p book.Pos) { s.HumanOversight = v.(bool); pos[s]["human_oversight"] = p }},
		{key: "last_ethics_check", kind: kDate, set: func(v any, p book.Pos) { s.LastEthicsCheck = v.(time.Time); pos[s]["last_ethics_check"] = p }},
		str("legal_basis", func() *string { return &s.LegalBasis }),
		str("consent", func() *string { return &s.Consent }),
		str("consent_form", func() *string { return &s.ConsentForm }),
		str("retention", func() *string { return &s.Retention }),
		str("place", func() *string { return &s.Place }),
		str("vendor_training", func() *string { return &s.VendorTraining }),
		str("dsfa", func() *string { return &s.DPIA }),
		date("dsfa_date", func() *time.Time { return &s.DPIADate }),
		str("avv", func() *string { return &s.ProcessorDeal }),
		str("ai_act_class", func() *string { return &s.AIActClass }),
		str("ai_act_role", func() *string { return &s.AIActRole }),
		str("approved_by", func() *string { return &s.ApprovedBy }),
		date("approved", func() *time.Time { return &s.Approved }),
		date("next_ethics_check", func() *time.Time { return &s.NextEthicsCheck }),
	}}}, errs) {
		return nil
	}
	oneOf := func(s *book.AISystem, key, val string, allowed []string) {
		for _, a := range allowed {
			if val == a {
				return
			}
		}
		at, ok := pos[s][key]
		if !ok {
			at = s.Pos
		}
		if val == "" {
			errs.Addf(at, "%s fehlt bei %q. Erlaubt sind: %s.", key, s.Name, quoteList(allowed))
			return
		}
		errs.Addf(at, "%s %q ist unbekannt. Erlaubt sind: %s.", key, val, quoteList(allowed))
	}
	for _, s := range out {
		if s.Name == "" {
			errs.Addf(s.Pos, `name fehlt: jedes System im KI-Register braucht einen Namen, zum Beispiel name = "Spracherkennung in der Pflege".`)
		}
		oneOf(s, "area", s.Area, areas)
		oneOf(s, "status", s.Status, statuses)
		oneOf(s, "data_sensitivity", string(s.DataSensitivity), lights)
		oneOf(s, "impact", string(s.Impact), lights)
		oneOf(s, "autonomy", string(s.Autonomy), lights)
		registerRules(s, pos[s], oneOf, errs, warnings)
		if s.Impact == book.Red && !s.HumanOversight && s.Status != "abgeschaltet" {
			at, ok := pos[s]["human_oversight"]
			if !ok {
				at = s.Pos
			}
			errs.Addf(at, "%q hat rote Auswirkung auf Menschen und keine menschliche Kontrolle. Das schließen die Leitlinien aus (Kapitel 2: keine Leistungsbewilligung ohne menschliche Kontrolle). Setzen Sie human_oversight = true und beschreiben Sie die Kontrolle, oder schalten Sie das System ab (status = \"abgeschaltet\").", s.Name)
		}
		active := s.Status == "Pilot" || s.Status == "im Einsatz"
		switch {
		case active && s.LastEthicsCheck.IsZero():
			*warnings = append(*warnings, book.Errorf(s.Pos, "%q ist %s, aber ohne Ethik-Check: tragen Sie last_ethics_check ein, sobald er gemacht ist.", s.Name, s.Status))
		case active && s.LastEthicsCheck.AddDate(1, 0, 0).Before(today):
			s.Overdue = true
			*warnings = append(*warnings, book.Errorf(pos[s]["last_ethics_check"], "der Ethik-Check von %q ist älter als 12 Monate (%s). Planen Sie den jährlichen Ethik-Check.", s.Name, s.LastEthicsCheck.Format("02.01.2006")))
		}
	}
	return out
}

// loadContacts reads data/kontakte.toml.
func loadContacts(fsys fs.FS, errs *book.ErrorList) []*book.Contact {
	const file = "data/kontakte.toml"
	d, ok := readTOML(fsys, file, true, errs)
	if !ok {
		return nil
	}
	var out []*book.Contact
	var c *book.Contact
	var headers []book.Pos
	pos := map[*book.Contact]map[string]book.Pos{}
	str := func(key string, dst func() *string) field {
		return field{key: key, kind: kString, set: func(v any, p book.Pos) { *dst() = strings.TrimSpace(v.(string)); pos[c][key] = p }}
	}
	boolean := func(key string, dst func() *bool) field {
		return field{key: key, kind: kBool, set: func(v any, _ book.Pos) { *dst() = v.(bool) }}
	}
	if !d.decode([]field{{key: "contact", kind: kTables, each: func(_ int, p book.Pos) {
		c = &book.Contact{}
		pos[c] = map[string]book.Pos{}
		out = append(out, c)
		headers = append(headers, p)
	}, sub: []field{
		str("role", func() *string { return &c.Role }),
		str("name", func() *string { return &c.Name }),
		str("phone", func() *string { return &c.Phone }),
		str("email", func() *string { return &c.Email }),
		str("hours", func() *string { return &c.Hours }),
		str("topics", func() *string { return &c.Topics }),
		boolean("internal", func() *bool { return &c.Internal }),
		boolean("clients", func() *bool { return &c.Clients }),
		boolean("footer", func() *bool { return &c.Footer }),
	}}}, errs) {
		return nil
	}
	for i, c := range out {
		// Placeholders are for the editors: readers get no value.
		for _, f := range []struct {
			key string
			v   *string
		}{{"name", &c.Name}, {"phone", &c.Phone}, {"email", &c.Email}, {"hours", &c.Hours}} {
			if book.IsPlaceholder(*f.v) {
				c.Open = append(c.Open, book.Placeholder{Field: f.key, Text: *f.v, Pos: pos[c][f.key]})
				*f.v = ""
			}
		}
		if c.Role == "" {
			errs.Addf(headers[i], `role fehlt: schreiben Sie, wer das ist, zum Beispiel role = "KI-Koordination".`)
		}
		if c.Topics == "" {
			errs.Addf(headers[i], "topics fehlt: schreiben Sie in einem Satz, wobei %s hilft.", orDefault(c.Role, "diese Stelle"))
		}
		// Both become links, tel: and mailto:.
		if c.Phone != "" {
			if err := urlpolicy.PhoneNumber(c.Phone); err != nil {
				errs.Addf(pos[c]["phone"], "phone %q %v.", c.Phone, err)
			}
		}
		if c.Email != "" {
			if err := urlpolicy.Mailbox(c.Email); err != nil {
				errs.Addf(pos[c]["email"], "email %q %v.", c.Email, err)
			}
		}
	}
	return out
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
