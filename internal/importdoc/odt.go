package importdoc

import "fmt"

func readODT(d *doc, a *archive) error {
	return fmt.Errorf("%s ist ein OpenDocument-Text (.odt); den liest handbuch noch nicht. Speichern Sie ihn in LibreOffice als Word-Dokument (.docx)", d.file)
}
