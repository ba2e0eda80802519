package load

import (
	"errors"
	"fmt"
	"math"
	"regexp"
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
	// kTableOrString is a table, or a text as its short form: set gets
	// the text, sub the table's keys.
	kTableOrString
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
	case kTableOrString:
		return `ein Text in Anführungszeichen oder ein Abschnitt wie [name] mit eigenen Schlüsseln`
	}
	return "?"
}

// field describes one allowed key of a TOML document.
type field struct {
	key  string
	kind kind
	set  func(v any, pos book.Pos) // called with a value of the right type
	sub  []field                   // for kTable, kTables and kTableOrString
	// each is called for every element of a kTables field, before its
	// keys are set, with the position of its [[header]].
	each func(i int, pos book.Pos)
	// unknown, for a kTable whose keys are names (the language codes of
	// [translations]), says what is wrong with a key sub does not have,
	// instead of the list of allowed keys.
	unknown func(key string) string
}

// tomlDoc is one TOML text inside a file: a whole handbuch.toml, or the
// front matter of a page starting at byte offset off of src.
type tomlDoc struct {
	file string
	src  []byte // the whole file, for positions
	off  int    // where the TOML text starts in src
	text string // the TOML text
	// keys maps every key and table to where it is first written, once
	// decode has read the text; see keyOffsets.
	keys  map[string]int
	lines book.Lines // of src; decode makes them when they are not given
	// values maps a key to the strings written after it, for valuePos,
	// once it was asked for (made by decode, shared by copies).
	values map[string]map[string]book.Pos
}

func (d tomlDoc) pos(textOff int) book.Pos {
	if d.lines != nil {
		return d.lines.PosAt(d.file, d.src, d.off+textOff)
	}
	return book.PosAt(d.file, d.src, d.off+textOff)
}

// decode parses the document and hands every known key to its field,
// reporting syntax errors, unknown keys and wrong types to errs. It
// returns false when the text is not TOML at all.
func (d *tomlDoc) decode(fields []field, errs *book.ErrorList) bool {
	if off, msg := tooDeep(d.text); msg != "" {
		errs.Addf(d.pos(off), "%s", msg)
		return false
	}
	var m map[string]any
	if _, err := toml.Decode(d.text, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			errs.Addf(d.pos(pe.Position.Start), "TOML kann nicht gelesen werden: %s", germanTOML(pe.Message))
			return false
		}
		errs.Addf(d.pos(0), "TOML kann nicht gelesen werden: %s", germanTOML(err.Error()))
		return false
	}
	// Every key is given its position: look them up in one index each.
	d.keys, d.values = keyOffsets(d.text), map[string]map[string]book.Pos{}
	if d.lines == nil {
		d.lines = book.NewLines(d.src)
	}
	d.apply(nil, m, fields, nil, errs)
	return true
}

// maxKeyDepth bounds how deep a value of a TOML text lies: the parts of
// its dotted key, of the keys of the inline tables around it, and the
// brackets [ and { around it, all counted together. BurntSushi/toml
// copies the whole key path for each of them: a key of 20,000 parts took
// 4.5 GB and 25 s, inline tables 300,000 deep more than 8 GB, and 16
// levels of inline tables with 16-part keys, filling 5 MB, 10 GB and
// 78 s. handbuch's files need three or four levels.
const maxKeyDepth = 8

// maxKeyParts bounds the parts of all keys of a TOML text together (a
// key counts its depth as above), for the parser's work grows with them:
// 5 MB of keys with 8 parts took 6.4 s and 1.3 GB of allocations in
// BurntSushi/toml. A register of 1,000 AI systems, 14 keys each, has
// 14,000.
const maxKeyParts = 100_000

// tooDeep scans a TOML text, before the parser sees it, for a value
// deeper than maxKeyDepth or more key parts than maxKeyParts, and
// returns where it is with a German message; msg is "" for a text
// within the bounds. Strings and comments
// are skipped; the syntax is left to the parser.
func tooDeep(text string) (off int, msg string) {
	var open []int // for each open bracket, the dots of its key
	depth := 0     // len(open) plus the dots of their keys
	dots, keyDots := 0, 0
	parts := 0
	// A [table] or [[array]] header at the start of a line is no
	// nesting: its brackets are not counted, but its parts are.
	lineStart, header, headerBrackets := true, false, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != ' ' && c != '\t' && c != '\n' && c != '[' {
			lineStart = false
		}
		switch c {
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipString(text, i)
		case '[', '{':
			if c == '[' && lineStart && len(open) == 0 && headerBrackets < 2 {
				header = true
				headerBrackets++
				continue
			}
			open = append(open, keyDots)
			depth += 1 + keyDots
			dots, keyDots = 0, 0
			if depth > maxKeyDepth {
				return i, fmt.Sprintf("hier ist der Wert mehr als %d Ebenen tief (Klammern [ oder { ineinander und Schlüssel mit Punkten, zusammengezählt). So tief verschachtelt braucht handbuch nichts; schließen Sie die Klammern früher.", maxKeyDepth)
			}
		case ']', '}':
			if n := len(open); n > 0 && !header {
				depth -= 1 + open[n-1]
				open = open[:n-1]
			}
			header = false
			dots, keyDots = 0, 0
		case '=':
			keyDots, dots = dots, 0
			parts += depth + keyDots + 1
			if parts > maxKeyParts {
				return i, fmt.Sprintf("bis hier hat die Datei mehr als %s Schlüssel (Teile mit Punkten und Klammern mitgezählt). So viele braucht kein Handbuch; prüfen Sie, ob die Datei hierher gehört, oder teilen Sie sie auf.", germanInt(maxKeyParts))
			}
		case '\n':
			lineStart, headerBrackets = true, 0
			dots, keyDots = 0, 0
		case ',':
			dots, keyDots = 0, 0
		case '.':
			dots++
			if depth+dots+1 > maxKeyDepth {
				return i, fmt.Sprintf("der Schlüssel hat hier mehr als %d Teile (durch Punkte getrennt, mit den Klammern um ihn zusammengezählt). handbuch kennt nur kurze Schlüssel wie checks.off; schreiben Sie den Schlüssel kürzer.", maxKeyDepth)
			}
		}
	}
	return 0, ""
}

// germanInt writes n with a dot between thousands: 100.000.
func germanInt(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// skipString returns the offset of the last byte of the string that
// starts at i: basic or literal, on one line or on several.
func skipString(text string, i int) int {
	q := text[i]
	if strings.HasPrefix(text[i:], strings.Repeat(string(q), 3)) {
		end := strings.Index(text[i+3:], strings.Repeat(string(q), 3))
		for q == '"' && end >= 0 && escaped(text, i+3+end) {
			next := strings.Index(text[i+3+end+1:], `"""`)
			if next < 0 {
				end = -1
				break
			}
			end += 1 + next
		}
		if end < 0 {
			return len(text)
		}
		return i + 3 + end + 2
	}
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q, '\n':
			return j
		}
	}
	return len(text)
}

// escaped reports whether the byte at i follows an odd number of
// backslashes.
func escaped(text string, i int) bool {
	n := 0
	for i > 0 && text[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}

// apply hands the keys of table m at path to fields; unknown, if set,
// words the message for a key fields do not have.
func (d *tomlDoc) apply(path []string, m map[string]any, fields []field, unknown func(string) string, errs *book.ErrorList) {
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
		if f == nil && unknown != nil {
			errs.Addf(pos, "%s: %s", strings.Join(full, "."), unknown(k))
			continue
		}
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
		if msg := outOfRange(v, f.kind); msg != "" {
			errs.Addf(pos, "%q %s", strings.Join(full, "."), msg)
			continue
		}
		val, ok := convert(v, f.kind)
		if !ok {
			errs.Addf(pos, "%q hat den falschen Typ: erwartet wird %s.", strings.Join(full, "."), f.kind.german())
			continue
		}
		switch f.kind {
		case kTable:
			if f.set != nil {
				f.set(val, pos) // before its keys: it may make what they fill in
			}
			d.apply(full, val.(map[string]any), f.sub, f.unknown, errs)
			continue
		case kTableOrString:
			if m, ok := val.(map[string]any); ok {
				d.apply(full, m, f.sub, nil, errs)
				continue
			}
		case kTables:
			for i, elem := range val.([]map[string]any) {
				p := append(full[:len(full):len(full)], strconv.Itoa(i))
				f.each(i, d.keyPos(p))
				d.apply(p, elem, f.sub, nil, errs)
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

// outOfRange says what is wrong with a value of the right TOML type that
// the field does not take: a date with a time (TOML reads both as a
// time), a number that is not finite.
func outOfRange(v any, k kind) string {
	switch n := v.(type) {
	case time.Time:
		// BurntSushi/toml marks a date without time by this location.
		if k == kDate && n.Location().String() != "date-local" {
			return "ist ein Zeitpunkt mit Uhrzeit; erwartet wird ein Datum ohne Uhrzeit, zum Beispiel 2026-09-15. Lassen Sie die Uhrzeit weg."
		}
	case float64:
		if k == kNumber && (math.IsNaN(n) || math.IsInf(n, 0)) {
			return "ist keine Zahl, mit der sich rechnen lässt (nan oder inf). Schreiben Sie eine Zahl, zum Beispiel 60 oder 7.5."
		}
	}
	return ""
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
	case kTableOrString:
		switch v.(type) {
		case map[string]any, string:
			return v, true
		}
		return nil, false
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
// messages about one element of a list: the first place after the key
// where it is written as "v".
func (d tomlDoc) valuePos(key, v string) book.Pos {
	strs, ok := d.values[key]
	if !ok {
		// Each element looked up by searching the text after the key,
		// and its column counted from the start of its line, took 43 s
		// for a list of 100,000 forms on one line.
		strs = d.quotedAfter(d.keyOffset(strings.Split(key, ".")))
		if d.values != nil {
			d.values[key] = strs
		}
	}
	if p, ok := strs[strconv.Quote(v)]; ok {
		return p
	}
	return d.keyPos(strings.Split(key, "."))
}

// quotedAfter maps each string in double quotes written after off, as
// it is written, to where it is first, in one pass.
func (d tomlDoc) quotedAfter(off int) map[string]book.Pos {
	strs := map[string]book.Pos{}
	pos, at := d.pos(off), off
	for i := off; i < len(d.text); {
		j := strings.IndexByte(d.text[i:], '"')
		if j < 0 {
			break
		}
		i += j
		q, err := strconv.QuotedPrefix(d.text[i:])
		if err != nil {
			i++
			continue
		}
		if _, ok := strs[q]; !ok {
			for _, r := range d.text[at:i] {
				if r == '\n' {
					pos.Line, pos.Col = pos.Line+1, 1
				} else {
					pos.Col++
				}
			}
			strs[q], at = pos, i
		}
		i += len(q)
	}
	return strs
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

// keyOffset finds where a key is written, by the index of the decoded
// document or, before decode, by reading the text.
func (d tomlDoc) keyOffset(path []string) int {
	keys := d.keys
	if keys == nil {
		keys = keyOffsets(d.text)
	}
	return keys[strings.Join(path, ".")]
}

// keyOffsets returns where each key and table is first written.
// BurntSushi/toml keeps no key positions, so the text is scanned line by
// line, tracking [tables] and [[arrays of tables]]; the nth element of
// an array is addressed by its index, as in "group.1.item.0.text". A
// dotted key a.b.c = 1 also writes a.b and a. One pass for the whole
// text: looking each key up by reading the text again took 27 s for
// 20,000 unknown keys.
func keyOffsets(text string) map[string]int {
	keys := map[string]int{}
	first := func(key string, off int) {
		if _, ok := keys[key]; !ok {
			keys[key] = off
		}
	}
	table := ""
	counts := map[string]int{} // array of tables → elements seen
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
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
			first(table, off+indent)
		case trimmed != "" && !strings.HasPrefix(trimmed, "#"):
			if eq := strings.Index(trimmed, "="); eq > 0 {
				key := normKey(trimmed[:eq])
				if table != "" {
					key = table + "." + key
				}
				for i := range len(key) {
					if key[i] == '.' {
						first(key[:i], off+indent)
					}
				}
				first(key, off+indent)
			}
		}
		off += len(line)
	}
	return keys
}

func normKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// germanTOML turns a message of the TOML parser into German: what is
// wrong and what to write instead. It knows every message of the parser
// (BurntSushi/toml v1.6.0: lex.go, parse.go, error.go); one it does not
// know, after an update of the parser, gets a general German message,
// for an editor cannot act on an English one. TestGermanTOML feeds it
// bad TOML texts and checks that no English is left.
func germanTOML(msg string) string {
	const check = "Prüfen Sie in dieser Zeile Anführungszeichen, Klammern und das Gleichheitszeichen."
	const list = `Schreiben Sie eine Liste wie ["Vorstand", "MAV"]: Texte in Anführungszeichen, durch Kommas getrennt, in eckigen Klammern.`
	if m := badEscape.FindStringSubmatch(msg); m != nil {
		u := `\u`
		if len(m[1]) == 8 {
			u = `\U`
		}
		return fmt.Sprintf(`die Escape-Folge %s%s steht für kein Zeichen (D800 bis DFFF sind halbe UTF-16-Paare, über 10FFFF gibt es keine Zeichen). Schreiben Sie das Zeichen selbst.`, u, m[1])
	}
	if m := unknownEscape.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf(`\%s ist keine Escape-Folge: in TOML beginnt mit \ eine Escape-Folge wie \n. Schreiben Sie \\ für einen Backslash oder setzen Sie den Text in einfache Anführungszeichen '…'.`, m[1])
	}
	if m := hexEscape.FindStringSubmatch(msg); m != nil {
		n := map[string]string{"two": "zwei", "four": "vier", "eight": "acht"}[m[1]]
		return fmt.Sprintf(`nach \%s müssen %s Ziffern von 0 bis 9 oder Buchstaben von A bis F folgen. Schreiben Sie \\ für einen Backslash oder setzen Sie den Text in einfache Anführungszeichen '…'.`, m[2], n)
	}
	if m := badDate.FindStringSubmatch(msg); m != nil {
		return germanDate(m[1])
	}
	if m := badFloat.FindStringSubmatch(msg); m != nil {
		v := m[1]
		if d := germanDateValue.FindStringSubmatch(v); d != nil {
			return fmt.Sprintf("%s ist ein Datum in deutscher Schreibweise. TOML schreibt ein Datum als Jahr-Monat-Tag: Schreiben Sie das Datum als %s (ohne Anführungszeichen).", v, isoDate(d[3], d[2], d[1]))
		}
		return fmt.Sprintf(`%s ist keine Zahl. Schreiben Sie eine Zahl mit höchstens einem Punkt, zum Beispiel 7.5; ist ein Text gemeint, setzen Sie ihn in Anführungszeichen: "%s".`, v, v)
	}
	if m := badNumber.FindStringSubmatch(msg); m != nil {
		v := m[2]
		switch {
		case strings.Contains(m[3], "underscores"):
			return fmt.Sprintf("in der Zahl %s steht ein Unterstrich _ nicht zwischen zwei Ziffern. Schreiben Sie die Zahl ohne _, zum Beispiel 1000.", v)
		case strings.Contains(m[3], "leading zeroes"):
			return fmt.Sprintf(`die Zahl %s beginnt mit einer 0. Schreiben Sie sie ohne die 0 am Anfang, zum Beispiel 7 statt 07; ein Datum schreiben Sie als 2026-09-15, eine Telefonnummer als Text in Anführungszeichen: "%s".`, v, v)
		default:
			return fmt.Sprintf("nach dem Punkt in %s fehlt eine Ziffer. Schreiben Sie zum Beispiel 7.0 statt 7. oder die Zahl ganz ohne Punkt.", v)
		}
	}
	if m := gotInstead.FindStringSubmatch(msg); m != nil {
		if m[1] == "','" {
			return "nach dem Wert steht ein Komma. Eine Zahl mit Komma schreiben Sie in TOML mit Punkt, zum Beispiel 7.5; mehrere Werte als Liste. " + list
		}
		return fmt.Sprintf("nach dem Wert steht noch etwas in derselben Zeile (%s). Schreiben Sie jeden Schlüssel mit seinem Wert in eine eigene Zeile, einen Text ganz in Anführungszeichen. %s", strings.TrimSuffix(strings.TrimPrefix(m[1], "'"), "'"), check)
	}
	if m := expectedValue.FindStringSubmatch(msg); m != nil {
		v := strings.Trim(m[1], `"'`)
		switch strings.ToLower(v) {
		case "ja", "nein", "wahr", "falsch", "yes", "no", "an", "aus":
			return fmt.Sprintf("%s ist kein Wert, den TOML kennt. Schreiben Sie true für ja und false für nein, ohne Anführungszeichen.", v)
		}
		return fmt.Sprintf(`%s ist kein Wert, den TOML kennt. Setzen Sie einen Text in Anführungszeichen: "%s"; eine Zahl schreiben Sie ohne, zum Beispiel 10, ein Datum als 2026-09-15, ja und nein als true und false.`, v, v)
	}
	if m := defined.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("der Schlüssel %s ist doppelt: er steht schon weiter oben. Löschen Sie eine der beiden Angaben oder führen Sie sie zusammen.", m[1])
	}
	if m := notTable.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s hat schon einen Wert und kann nicht zugleich ein Abschnitt [%s] sein. Löschen Sie eine der beiden Angaben.", m[1], m[1])
	}
	if m := tooBig.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("die Zahl ist zu groß oder zu klein: %s. Schreiben Sie eine Zahl mit weniger Ziffern.", m[1])
	}
	for _, r := range []struct{ en, de string }{
		{"strings cannot contain newlines", `ein Text endet nicht in derselben Zeile: es fehlt das Anführungszeichen am Ende. Setzen Sie es hinter den Text; einen Text über mehrere Zeilen setzen Sie zwischen drei Anführungszeichen """ und """.`},
		{`unexpected EOF; expected '"""'`, `die Datei endet, bevor der Text mit drei Anführungszeichen """ geschlossen ist. Setzen Sie """ hinter das Ende des Textes.`},
		{`unexpected EOF; expected "'''"`, `die Datei endet, bevor der Text mit drei Anführungszeichen ''' geschlossen ist. Setzen Sie ''' hinter das Ende des Textes.`},
		{`unexpected EOF; expected '"'`, `die Datei endet, bevor der Text mit " geschlossen ist. Setzen Sie das Anführungszeichen hinter das Ende des Textes.`},
		{`unexpected EOF; expected "'"`, `die Datei endet, bevor der Text mit ' geschlossen ist. Setzen Sie das Anführungszeichen hinter das Ende des Textes.`},
		{`unexpected EOF; expected key separator '='`, `nach dem Schlüssel fehlen das Gleichheitszeichen und der Wert. Schreiben Sie zum Beispiel: title = "Titel der Seite".`},
		{"unexpected EOF; expected value", `nach dem Gleichheitszeichen fehlt der Wert. Schreiben Sie einen Wert dahinter, zum Beispiel einen Text in Anführungszeichen: title = "Titel der Seite".`},
		{"unexpected EOF", "die Datei endet mitten in einem Wert. Schließen Sie alle Anführungszeichen und Klammern."},
		{`unexpected '""""""'`, `hier stehen sechs Anführungszeichen hintereinander. Ein Text über mehrere Zeilen beginnt und endet mit genau drei: """ und """.`},
		{`unexpected "''''''"`, `hier stehen sechs Anführungszeichen hintereinander. Ein Text über mehrere Zeilen beginnt und endet mit genau drei: ''' und '''.`},
		{"key name appears blank", `vor dem Gleichheitszeichen fehlt der Schlüssel. Schreiben Sie zum Beispiel: title = "Titel der Seite".`},
		{"keys cannot start with a '.'", "ein Schlüssel beginnt mit einem Punkt. Löschen Sie den Punkt am Anfang."},
		{"unexpected '='", "hier steht ein Gleichheitszeichen zu viel. Jede Zeile hat genau eins: Schlüssel = Wert."},
		{"unexpected '.'", "hier steht ein Punkt an der falschen Stelle. Ein Schlüssel mit Punkt sieht so aus: checks.off; eine Zahl mit Punkt so: 7.5."},
		{"expected '.' or '='", `nach dem Schlüssel fehlt das Gleichheitszeichen, oder der Schlüssel enthält ein Leerzeichen. Schreiben Sie: Schlüssel = Wert, zum Beispiel title = "Titel der Seite".`},
		{"table names cannot be empty", "in den eckigen Klammern fehlt der Name des Abschnitts. Schreiben Sie zum Beispiel [organisation] oder [[system]]."},
		{"to end table name", "die Überschrift eines Abschnitts ist nicht richtig geschrieben. Schreiben Sie zum Beispiel [organisation] oder [[system]], allein in der Zeile."},
		{"table array name delimiter", "die Überschrift einer Liste von Abschnitten endet nicht mit ]]. Schreiben Sie zum Beispiel [[system]]."},
		{"unexpected comma", "hier steht ein Komma zu viel oder ein Komma ohne Wert davor. " + list},
		{"array terminator", "in der Liste fehlt ein Komma oder die schließende Klammer ]. " + list},
		{"inline table terminator", `in den geschweiften Klammern fehlt ein Komma oder die schließende Klammer }. Schreiben Sie zum Beispiel { name = "A", email = "a@example.org" } in eine Zeile.`},
		{"newlines not allowed within inline tables", "ein Abschnitt in geschweiften Klammern { … } muss in einer Zeile stehen. Schreiben Sie ihn in eine Zeile oder als eigenen Abschnitt mit Überschrift [name]."},
		{"floats must start with a digit", "eine Zahl beginnt mit einem Punkt. Schreiben Sie eine 0 davor, zum Beispiel 0.5 statt .5."},
		{"invalid float", "diese Zahl ist falsch geschrieben. Schreiben Sie eine Zahl wie 10 oder 7.5."},
		{"cannot use sign with non-decimal numbers", "vor einer Zahl mit 0x, 0o oder 0b darf kein + oder - stehen. Schreiben Sie die Zahl ohne Vorzeichen."},
		{"expected a digit", "hier fehlt eine Ziffer. Schreiben Sie eine Zahl wie 10 oder 7.5."},
		{"not a binary number", "nach 0b dürfen nur die Ziffern 0 und 1 stehen. Schreiben Sie die Zahl als gewöhnliche Zahl, zum Beispiel 10."},
		{"not an octal number", "nach 0o dürfen nur die Ziffern 0 bis 7 stehen. Schreiben Sie die Zahl als gewöhnliche Zahl, zum Beispiel 10."},
		{"not a hexadecimal number", "nach 0x dürfen nur die Ziffern 0 bis 9 und A bis F stehen. Schreiben Sie die Zahl als gewöhnliche Zahl, zum Beispiel 10."},
		{"already created", "dieser Name ist schon für etwas anderes vergeben, einen Abschnitt oder eine Liste. Löschen Sie eine der beiden Angaben oder geben Sie ihr einen anderen Namen."},
		{"cannot contain control characters", "die Datei enthält ein unsichtbares Steuerzeichen (oft beim Kopieren aus einem anderen Programm entstanden). Löschen Sie die Zeile und schreiben Sie sie neu."},
		{"invalid UTF-8 byte", "die Datei enthält ein Zeichen, das nicht als UTF-8 gespeichert ist. Speichern Sie die Datei im Editor als UTF-8."},
		{"NULL bytes", "die Datei ist nicht als UTF-8 gespeichert (wahrscheinlich UTF-16). Speichern Sie die Datei im Editor als UTF-8."},
	} {
		if strings.Contains(msg, r.en) {
			return r.de
		}
	}
	return "diese Zeile ist kein gültiges TOML. " + check
}

// germanDate says what is wrong with a date TOML could not read, such
// as 2026-9-15 or 2026-13-01, and how to write it.
func germanDate(v string) string {
	const how = "Schreiben Sie ein Datum als Jahr-Monat-Tag, mit vier Ziffern für das Jahr und zwei für Monat und Tag, zum Beispiel 2026-09-15."
	m := looseDate.FindStringSubmatch(v)
	if m == nil {
		return fmt.Sprintf("%s ist kein Datum, das TOML lesen kann. %s", v, how)
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	switch {
	case month < 1 || month > 12:
		return fmt.Sprintf("das Datum %s hat den Monat %d; den gibt es nicht. %s", v, month, how)
	case day < 1 || day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return fmt.Sprintf("das Datum %s gibt es nicht: der Monat hat keinen Tag %d. %s", v, day, how)
	case len(m[1]) != 4 || len(m[2]) != 2 || len(m[3]) != 2:
		return fmt.Sprintf("das Datum %s ist nicht richtig geschrieben. Schreiben Sie das Datum als %s: vier Ziffern für das Jahr, zwei für Monat und Tag.", v, isoDate(m[1], m[2], m[3]))
	}
	return fmt.Sprintf("%s ist kein Datum, das TOML lesen kann. %s", v, how)
}

// isoDate writes a date from its parts as TOML wants it: 2026-09-15. A
// year of two digits is taken as one of this century.
func isoDate(year, month, day string) string {
	y, _ := strconv.Atoi(year)
	if len(year) <= 2 {
		y += 2000
	}
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// The parser's messages that carry the text they are about, and the
// dates editors write.
var (
	badEscape       = regexp.MustCompile(`^Escaped character '\\u([0-9A-Fa-f]+)' is not valid UTF-8`)
	unknownEscape   = regexp.MustCompile(`^invalid escape(?: in string)?:? '\\(.)'`)
	hexEscape       = regexp.MustCompile(`^expected (two|four|eight) hexadecimal digits after '\\(.)'`)
	badDate         = regexp.MustCompile(`^invalid datetime: "(.*)"$`)
	badFloat        = regexp.MustCompile(`^Invalid float value: "(.*)"$`)
	badNumber       = regexp.MustCompile(`^Invalid (integer|float) "(.*)": (.*)$`)
	gotInstead      = regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`)
	expectedValue   = regexp.MustCompile(`^expected value but found (.*) instead$`)
	defined         = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)
	notTable        = regexp.MustCompile(`^"(.*)" is not a table$`)
	tooBig          = regexp.MustCompile(`^(.*) is out of (?:the safe \w+ range|range for \w+)$`)
	germanDateValue = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$`)
	looseDate       = regexp.MustCompile(`^(\d{1,4})-(\d{1,2})-(\d{1,2})$`)
)

// aliases are German words editors type for our English keys.
var aliases = map[string]string{
	"titel":          "title",
	"gewicht":        "weight",
	"kapitelnummern": "chapter_numbers",
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
	// [organisation] and the contacts
	"anschrift":         "address",
	"adresse":           "address",
	"telefon":           "phone",
	"e-mail":            "email",
	"webseite":          "website",
	"homepage":          "website",
	"internet":          "website",
	"ki-koordination":   "ki_koordination",
	"aufsichtsbehoerde": "aufsicht",
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
