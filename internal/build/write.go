package build

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/handbuch/handbuch/internal/site"
)

// Marker is the file handbuch leaves in every output folder it writes. A
// non-empty folder without it is not replaced: it may hold someone's work.
const Marker = ".handbuch"

const markerText = "Dieser Ordner wurde von handbuch erzeugt und wird beim nächsten Build ersetzt.\n"

// Write puts files into dest atomically: it writes a fresh folder beside
// dest and swaps it in only when everything is written. When anything
// fails, dest stays as it was.
func Write(dest string, files []site.File) error {
	dest = filepath.Clean(dest)
	if err := checkDest(dest); err != nil {
		return err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("der Ordner %s kann nicht angelegt werden: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".neu-")
	if err != nil {
		return fmt.Errorf("in %s kann nicht geschrieben werden: %w. Prüfen Sie die Schreibrechte", parent, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := writeAll(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, dest)
}

// checkDest refuses a destination that is a file, or a non-empty folder
// that handbuch did not create.
func checkDest(dest string) error {
	st, err := os.Lstat(dest)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("das Ziel %s kann nicht gelesen werden: %w", dest, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("das Ziel %s ist eine Datei, kein Ordner. Wählen Sie mit --dest einen anderen Ordner: %w", dest, ErrNotOurs)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("das Ziel %s kann nicht gelesen werden: %w", dest, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		return fmt.Errorf("der Ordner %s ist nicht leer und wurde nicht von handbuch erzeugt (die Datei %s fehlt). handbuch ersetzt ihn nicht, damit nichts verloren geht. Wählen Sie mit --dest einen anderen Ordner oder leeren Sie ihn selbst: %w", dest, Marker, ErrNotOurs)
	}
	return nil
}

func writeAll(dir string, files []site.File) error {
	made := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("%s kann nicht angelegt werden: %w", d, err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("%s kann nicht geschrieben werden: %w", p, err)
		}
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}

// swap moves the new folder into place. The old folder is renamed away
// first and removed only after the new one is in place, so at no moment
// is there no complete output.
func swap(tmp, dest string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".alt-")
		if err != nil {
			os.RemoveAll(tmp)
			return err
		}
		os.Remove(o) // only the unique name is needed
		if err := os.Rename(dest, o); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("%s kann nicht ersetzt werden: %w", dest, err)
		}
		old = o
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			_ = os.Rename(old, dest)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("%s kann nicht geschrieben werden: %w", dest, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
