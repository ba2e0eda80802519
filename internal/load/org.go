package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/handbuch/handbuch/internal/book"
	"github.com/handbuch/handbuch/internal/source"
	"github.com/handbuch/handbuch/internal/urlpolicy"
)

// orgField is the organisation key of handbuch.toml: the table
// [organisation] with its three sub-tables, or, as handbooks wrote it
// before the table existed, a text with the organisation's name. Every
// value's position goes into pos under its full key
// ("organisation.datenschutz.email").
func orgField(o *book.Organisation, pos map[string]book.Pos) field {
	str := func(prefix, key string, dst *string) field {
		return field{key: key, kind: kString, set: func(v any, p book.Pos) {
			*dst = strings.TrimSpace(v.(string))
			pos[prefix+key] = p
		}}
	}
	party := func(prefix string, p *book.Party, keys ...string) []field {
		dst := map[string]*string{"name": &p.Name, "address": &p.Address, "phone": &p.Phone, "email": &p.Email, "website": &p.Website}
		var out []field
		for _, k := range keys {
			out = append(out, str(prefix, k, dst[k]))
		}
		return out
	}
	const top = "organisation."
	sub := party(top, &o.Party, "name", "address", "phone", "email", "website")
	sub = append(sub,
		str(top, "logo", &o.Logo),
		field{key: "datenschutz", kind: kTable, sub: party(top+"datenschutz.", &o.Datenschutz, "name", "address", "phone", "email")},
		field{key: "ki_koordination", kind: kTable, sub: party(top+"ki_koordination.", &o.KIKoordination, "name", "phone", "email")},
		field{key: "aufsicht", kind: kTable, sub: party(top+"aufsicht.", &o.Aufsicht, "name", "address", "phone", "email", "website")},
	)
	return field{key: "organisation", kind: kTableOrString, sub: sub, set: func(v any, p book.Pos) {
		o.Name = strings.TrimSpace(v.(string))
		pos[top+"name"] = p
	}}
}

// checkOrg checks the values of [organisation] that become links or
// name a file: e-mail addresses, phone numbers, websites and the logo,
// whose path it cleans.
func checkOrg(fsys fs.FS, o *book.Organisation, pos map[string]book.Pos, errs *book.ErrorList) {
	for _, f := range book.OrgFields {
		v := o.Value(f.Key)
		if v == "" {
			continue
		}
		key := "organisation." + f.Key
		at := pos[key]
		var err error
		switch f.Kind {
		case book.OrgText:
			if strings.ContainsAny(v, "\r\n") {
				err = errors.New("hat mehrere Zeilen. Schreiben Sie den Namen in eine Zeile; mehrere Zeilen sind nur bei address erlaubt")
			}
		case book.OrgEmail:
			err = urlpolicy.Mailbox(v)
		case book.OrgPhone:
			err = urlpolicy.PhoneNumber(v)
		case book.OrgWebsite:
			err = website(v)
		}
		if err != nil {
			errs.Addf(at, "%s %q %v.", key, v, err)
		}
	}
	if o.Logo != "" {
		o.Logo = checkLogo(fsys, o.Logo, pos["organisation.logo"], errs)
	}
}

// website checks an address that becomes a link to another site.
func website(v string) error {
	const want = "Schreiben Sie die vollständige Adresse mit https://, zum Beispiel \"https://www.example.org/\""
	kind, err := urlpolicy.Check(v)
	if err != nil {
		return fmt.Errorf("%v. %s", err, want)
	}
	if kind != urlpolicy.Web {
		return fmt.Errorf("ist keine Adresse einer Website. %s", want)
	}
	return nil
}

// checkLogo checks the path of the logo, a file of the project written
// from its root with forward slashes, and returns it cleaned.
func checkLogo(fsys fs.FS, logo string, at book.Pos, errs *book.ErrorList) string {
	const want = `Schreiben Sie den Pfad ab dem Projektordner mit / zwischen den Ordnern, zum Beispiel logo = "static/logo.png".`
	switch {
	case strings.Contains(logo, `\`):
		errs.Addf(at, "organisation.logo %q enthält \\. %s", logo, want)
		return logo
	case strings.HasPrefix(logo, "/") || (len(logo) > 1 && logo[1] == ':'):
		errs.Addf(at, "organisation.logo %q beginnt nicht im Projektordner. %s", logo, want)
		return logo
	case contains(strings.Split(logo, "/"), ".."):
		errs.Addf(at, "organisation.logo %q führt mit „..“ aus dem Ordner heraus. Das Logo muss im Projektordner liegen. %s", logo, want)
		return logo
	}
	clean := path.Clean(logo)
	if !fs.ValidPath(clean) || clean == "." {
		errs.Addf(at, "organisation.logo %q ist kein gültiger Pfad. %s", logo, want)
		return logo
	}
	info, err := fs.Stat(fsys, clean)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errs.Addf(at, "organisation.logo: die Datei %s gibt es nicht. Legen Sie das Logo dort ab oder berichtigen Sie den Pfad (ab dem Projektordner, zum Beispiel \"static/logo.png\").", clean)
	case err != nil:
		errs.Addf(at, "organisation.logo: %s", source.Explain(err))
	case !info.Mode().IsRegular():
		errs.Addf(at, "organisation.logo: %s ist keine Datei. Nennen Sie die Bilddatei des Logos, zum Beispiel \"static/logo.png\".", clean)
	}
	return clean
}
