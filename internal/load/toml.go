package load

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/handbuch/handbuch/internal/book"
)

// kind is the TOML type a field accepts.
type kind int

const (
	kString kind = iota
	kInt
	kBool
	kDate
	kStrings
	kTable
	kTables // an array of tables: [[name]]
	kNumber // an integer or a decimal number
)

func (k kind) german() string {
	switch k {
	case kString:
		return `ein Text in Anführungszeichen, zum Beispiel "Vorstand"`
	case kInt:
		return "eine ganze Zahl ohne Anführungszeichen, zum Beispiel 10"
	case kBool:
		return "true oder false (ohne Anführungszeichen)"
	case kDate:
		return "ein Datum ohne Anführungszeichen, zum Beispiel 2026-09-15"
	case kStrings:
		return `eine Liste von Texten, zum Beispiel ["Vorstand", "MAV"]`
	case kTable:
		return "ein Abschnitt wie [name] mit eigenen Schlüsseln"
	case kTables:
		return "eine Liste von Abschnitten, jeder beginnt mit [[name]]"
	case kNumber:
		return "eine Zahl ohne Anführungszeichen, zum Beispiel 60 oder 7.5"
	}
	return "?"
}

// field describes one allowed key of a TOML document.
type field struct {
	key  string
	kind kind
	set  func(v any, pos book.Pos) // called with a value of the right type
	sub  []field                   // for kTable and kTables
	// each is called for every element of a kTables field, before its
	// keys are set, with the position of its [[header]].
	each func(i int, pos book.Pos)
}

// tomlDoc is one TOML text inside a file: a whole handbuch.toml, or the
// front matter of a page starting at byte offset off of src.
type tomlDoc struct {
	file string
	src  []byte // the whole file, for positions
	off  int    // where the TOML text starts in src
	text string // the TOML text
}

func (d tomlDoc) pos(textOff int) book.Pos {
	return book.PosAt(d.file, d.src, d.off+textOff)
}

// decode parses the document and hands every known key to its field,
// reporting syntax errors, unknown keys and wrong types to errs. It
// returns false when the text is not TOML at all.
func (d tomlDoc) decode(fields []field, errs *book.ErrorList) bool {
	var m map[string]any
	if _, err := toml.Decode(d.text, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			errs.Addf(d.pos(pe.Position.Start), "TOML kann nicht gelesen werden: %s. Prüfen Sie in dieser Zeile Anführungszeichen, Klammern und das Gleichheitszeichen.", germanTOML(pe.Message))
			return false
		}
		errs.Addf(d.pos(0), "TOML kann nicht gelesen werden: %v", err)
		return false
	}
	d.apply(nil, m, fields, errs)
	return true
}

func (d tomlDoc) apply(path []string, m map[string]any, fields []field, errs *book.ErrorList) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		full := append(append([]string(nil), path...), k)
		pos := d.keyPos(full)
		f := findField(fields, k)
		if f == nil {
			names := make([]string, len(fields))
			for i, f := range fields {
				names[i] = f.key
			}
			msg := fmt.Sprintf("unbekannter Schlüssel %q", strings.Join(full, "."))
			if s := suggest(k, names); s != "" {
				msg += fmt.Sprintf(": meinten Sie %q?", s)
			} else {
				msg += ". Erlaubt sind: " + strings.Join(names, ", ")
			}
			errs.Addf(pos, "%s", msg)
			continue
		}
		val, ok := convert(v, f.kind)
		if !ok {
			errs.Addf(pos, "%q hat den falschen Typ: erwartet wird %s.", strings.Join(full, "."), f.kind.german())
			continue
		}
		switch f.kind {
		case kTable:
			d.apply(full, val.(map[string]any), f.sub, errs)
			continue
		case kTables:
			for i, elem := range val.([]map[string]any) {
				p := append(full[:len(full):len(full)], strconv.Itoa(i))
				f.each(i, d.keyPos(p))
				d.apply(p, elem, f.sub, errs)
			}
			continue
		}
		f.set(val, pos)
	}
}

func findField(fields []field, key string) *field {
	for i := range fields {
		if fields[i].key == key {
			return &fields[i]
		}
	}
	return nil
}

func convert(v any, k kind) (any, bool) {
	switch k {
	case kString:
		s, ok := v.(string)
		return s, ok
	case kInt:
		i, ok := v.(int64)
		return int(i), ok
	case kBool:
		b, ok := v.(bool)
		return b, ok
	case kDate:
		t, ok := v.(time.Time)
		if !ok {
			return nil, false
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	case kStrings:
		list, ok := v.([]any)
		if !ok {
			return nil, false
		}
		out := make([]string, 0, len(list))
		for _, e := range list {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case kTable:
		m, ok := v.(map[string]any)
		return m, ok
	case kTables:
		m, ok := v.([]map[string]any)
		return m, ok
	case kNumber:
		switch n := v.(type) {
		case int64:
			return float64(n), true
		case float64:
			return n, true
		}
		return nil, false
	}
	return nil, false
}

// keyPos finds where a key is written.
func (d tomlDoc) keyPos(path []string) book.Pos {
	return d.pos(d.keyOffset(path))
}

// valuePos finds where the string value v of key is written, for
// messages about one element of a list.
func (d tomlDoc) valuePos(key, v string) book.Pos {
	off := d.keyOffset(strings.Split(key, "."))
	if i := strings.Index(d.text[off:], strconv.Quote(v)); i >= 0 {
		return d.pos(off + i)
	}
	return d.pos(off)
}

// stringOffset returns where the string value of a top-level key starts
// in the file: after its opening quotes and, for a multi-line string, the
// newline TOML drops.
func (d tomlDoc) stringOffset(key string) int {
	off := d.off + d.keyOffset([]string{key})
	src := d.src
	if i := strings.IndexAny(string(src[off:]), `"'`); i >= 0 {
		off += i + 1
		for off < len(src) && (src[off] == '"' || src[off] == '\'') {
			off++ // a multi-line string opens with three quotes
		}
		if off < len(src) && src[off] == '\n' {
			off++
		}
	}
	return off
}

// keyOffset finds where a key is written. BurntSushi/toml keeps no key
// positions, so the text is scanned line by line, tracking [tables] and
// [[arrays of tables]]; the nth element of an array is addressed by its
// index in path, as in ["group", "1", "item", "0", "text"].
func (d tomlDoc) keyOffset(path []string) int {
	want := strings.Join(path, ".")
	table := ""
	counts := map[string]int{} // array of tables → elements seen
	off := 0
	for _, line := range strings.SplitAfter(d.text, "\n") {
		trimmed := strings.TrimSpace(line)
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		switch {
		case strings.HasPrefix(trimmed, "["):
			isArray := strings.HasPrefix(trimmed, "[[")
			name := strings.TrimLeft(trimmed, "[ \t")
			if i := strings.Index(name, "]"); i >= 0 {
				name = name[:i]
			}
			segs := strings.Split(normKey(name), ".")
			table = ""
			for i, seg := range segs {
				p := seg
				if table != "" {
					p = table + "." + seg
				}
				if n, ok := counts[p]; ok && !(isArray && i == len(segs)-1) {
					table = p + "." + strconv.Itoa(n-1)
				} else if isArray && i == len(segs)-1 {
					counts[p] = n + 1
					table = p + "." + strconv.Itoa(n)
				} else {
					table = p
				}
			}
			if table == want {
				return off + indent
			}
		case trimmed != "" && !strings.HasPrefix(trimmed, "#"):
			if eq := strings.Index(trimmed, "="); eq > 0 {
				key := normKey(trimmed[:eq])
				if table != "" {
					key = table + "." + key
				}
				if key == want || strings.HasPrefix(key, want+".") {
					return off + indent
				}
			}
		}
		off += len(line)
	}
	return 0
}

func normKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// germanTOML translates the parser messages an editor meets most often.
func germanTOML(msg string) string {
	replacements := []struct{ en, de string }{
		{"strings cannot contain newlines", "ein Text endet nicht in derselben Zeile (fehlt ein Anführungszeichen?)"},
		{"invalid datetime", "ungültiges Datum"},
		{"expected a top-level item to end with a newline, comment, or EOF", "nach dem Wert steht noch etwas in derselben Zeile"},
		{"has already been defined", "ist doppelt"},
		{"unexpected EOF", "die Datei endet mitten in einem Wert"},
		{"expected value but found", "es fehlt ein Wert; gefunden wurde"},
		{"bare keys cannot contain", "ein Schlüssel darf nicht enthalten:"},
		{"parsing time", "ungültiges Datum"},
		{"cannot contain control characters", "die Datei enthält ein unsichtbares Steuerzeichen (oft beim Kopieren aus einem anderen Programm entstanden); löschen Sie die Zeile und schreiben Sie sie neu"},
	}
	for _, r := range replacements {
		if strings.Contains(msg, r.en) {
			return r.de + " (" + msg + ")"
		}
	}
	return msg
}

// aliases are German words editors type for our English keys.
var aliases = map[string]string{
	"titel":          "title",
	"gewicht":        "weight",
	"reihenfolge":    "weight",
	"beschreibung":   "description",
	"entwurf":        "draft",
	"beschlossen":    "adopted",
	"beschluss":      "adopted",
	"geprueft":       "reviewed",
	"geprüft":        "reviewed",
	"verantwortlich": "owner",
	"zielgruppe":     "audience",
	"organisation":   "organisation",
	"organization":   "organisation",
	"sprache":        "language",
	"kontakt":        "contact",
}

// suggest returns the allowed name closest to key, or "" when none is close.
func suggest(key string, names []string) string {
	lower := strings.ToLower(key)
	if a, ok := aliases[lower]; ok {
		for _, n := range names {
			if n == a {
				return a
			}
		}
	}
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := distance(lower, n); d < bestD {
			best, bestD = n, d
		}
	}
	limit := utf8.RuneCountInString(key) / 3
	if limit < 2 {
		limit = 2
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// distance is the Levenshtein distance between a and b in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
