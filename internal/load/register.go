package load

import (
	"strings"

	"github.com/handbuch/handbuch/internal/book"
)

// registerRules checks the data-protection and AI Act fields of one
// register entry: their values, and the rules the law and the handbook
// give for them. Errors stop the build; warnings are shown.
func registerRules(s *book.AISystem, pos map[string]book.Pos, oneOf func(*book.AISystem, string, string, []string), errs *book.ErrorList, warnings *[]*book.Error) {
	for _, f := range []struct {
		key, val string
		allowed  []string
	}{
		{"consent", s.Consent, needed},
		{"vendor_training", s.VendorTraining, yesNo},
		{"dsfa", s.DPIA, dpiaStates},
		{"avv", s.ProcessorDeal, dealStates},
		{"ai_act_class", s.AIActClass, aiActClasses},
		{"ai_act_role", s.AIActRole, aiActRoles},
	} {
		if f.val != "" {
			oneOf(s, f.key, f.val, f.allowed)
		}
	}
	at := func(key string) book.Pos {
		if p, ok := pos[key]; ok {
			return p
		}
		return s.Pos
	}
	active := s.Status == "Pilot" || s.Status == "im Einsatz"
	if s.AIActClass == "verboten" && s.Status != "abgeschaltet" {
		errs.Addf(at("ai_act_class"), `%q ist als verbotene KI-Praktik eingestuft (Art. 5 KI-Verordnung). So ein System darf weder geplant noch erprobt noch eingesetzt werden: setzen Sie status = "abgeschaltet" oder prüfen Sie die Einstufung.`, s.Name)
	}
	if s.AIActClass == "hochriskant" && !s.HumanOversight && s.Status != "abgeschaltet" {
		errs.Addf(at("human_oversight"), "%q ist ein Hochrisiko-KI-System und hat keine menschliche Aufsicht. Die Betreiber müssen sie Menschen übertragen, die dafür ausgebildet sind (Art. 26 Abs. 2 KI-Verordnung). Setzen Sie human_oversight = true und beschreiben Sie die Aufsicht.", s.Name)
	}
	if s.DPIA == "nötig" && active {
		errs.Addf(at("dsfa"), `%q ist %s, aber die nötige Datenschutz-Folgenabschätzung fehlt. Sie kommt vor dem Einsatz (Art. 35 Abs. 1 DSGVO): machen Sie sie mit der oder dem Datenschutzbeauftragten und schreiben Sie dann dsfa = "durchgeführt".`, s.Name, s.Status)
	}
	if s.DPIA == "durchgeführt" && s.DPIADate.IsZero() {
		*warnings = append(*warnings, book.Errorf(at("dsfa"), "bei %q fehlt das Datum der Datenschutz-Folgenabschätzung: tragen Sie dsfa_date ein, zum Beispiel dsfa_date = 2026-02-01.", s.Name))
	}
	if s.ProcessorDeal == "fehlt" && active {
		errs.Addf(at("avv"), `%q ist %s, aber der Vertrag zur Auftragsverarbeitung fehlt. Ohne ihn darf der Anbieter keine personenbezogenen Daten für uns verarbeiten (Art. 28 Abs. 3 DSGVO): schließen Sie ihn ab und schreiben Sie avv = "abgeschlossen".`, s.Name, s.Status)
	}
	if s.Consent == "nötig" && s.ConsentForm == "" {
		*warnings = append(*warnings, book.Errorf(at("consent"), `%q braucht eine Einwilligung: nennen Sie das Formular und seine Fassung, zum Beispiel consent_form = "Einwilligung in KI-gestützte Datenverarbeitung, Fassung 1.0".`, s.Name))
	}
	if healthData(s) && s.DataSensitivity != book.Red {
		errs.Addf(at("data_sensitivity"), `%q verarbeitet Gesundheitsdaten. Sie sind besonders geschützt (Art. 9 DSGVO), und die Ampel stuft sie als rot ein, auch wenn sie pseudonymisiert sind. Setzen Sie data_sensitivity = "rot".`, s.Name)
	}
	if !s.NextEthicsCheck.IsZero() && !s.LastEthicsCheck.IsZero() && s.NextEthicsCheck.After(s.LastEthicsCheck.AddDate(1, 0, 0)) {
		*warnings = append(*warnings, book.Errorf(at("next_ethics_check"), "der nächste Ethik-Check von %q liegt mehr als 12 Monate nach dem letzten (%s). Die Leitlinien sehen ihn jedes Jahr vor.", s.Name, s.LastEthicsCheck.Format("02.01.2006")))
	}
}

// healthData reports whether an entry names health data among its
// personal data or data sources.
func healthData(s *book.AISystem) bool {
	for _, d := range append(append([]string{}, s.PersonalData...), s.DataSources...) {
		if strings.Contains(strings.ToLower(d), "gesundheit") {
			return true
		}
	}
	return false
}
