package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/handbuch/handbuch/internal/site"
)

// Marker is the file handbuch leaves in every output folder it writes. A
// non-empty folder without it is not replaced: it may hold someone's work.
const Marker = ".handbuch"

const markerText = "Dieser Ordner wurde von handbuch erzeugt und wird beim nächsten Build ersetzt.\n"

// Write puts files into dest atomically: it writes a fresh folder beside
// dest and swaps it in only when everything is written. When anything
// fails, dest stays as it was.
func Write(ctx context.Context, dest string, files []site.File) error {
	out, err := newOutput(dest, false)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			out.discard()
			return fmt.Errorf("abgebrochen, bevor alle Dateien geschrieben waren: %w", err)
		}
		out.put(f)
	}
	return out.commit()
}

// output is a fresh folder beside the destination that a build writes
// its files into as soon as they are made, so that it never holds the
// whole site. Only commit puts it in the destination's place; discard
// removes it. A build killed outright leaves it behind, marked, and the
// next build removes it.
type output struct {
	dest, tmp string
	offline   bool      // rewrite the links of HTML pages (see Offline)
	lock      *destLock // held until the new folder is swapped in or removed

	mu        sync.RWMutex // held for reading while a file is written
	discarded bool
	dirs      sync.Map // folders made so far
	failed    atomic.Bool
	errOnce   sync.Once
	err       error // the first error, set once failed
}

// newOutput checks the destination and makes the new folder beside it.
func newOutput(dest string, offline bool) (*output, error) {
	dest = filepath.Clean(dest)
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, writeErr(err, "der Ordner %s kann nicht angelegt werden", parent)
	}
	lock, err := lockDest(dest)
	if err != nil {
		return nil, err
	}
	removeLeftovers(dest)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".neu-")
	if err != nil {
		lock.release()
		return nil, writeErr(err, "in %s kann nicht geschrieben werden", parent)
	}
	// The marker comes first, so that a leftover of a killed build is
	// recognisable as ours.
	err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		os.RemoveAll(tmp)
		lock.release()
		return nil, writeErr(err, "in %s kann nicht geschrieben werden", parent)
	}
	return &output{dest: dest, tmp: tmp, offline: offline, lock: lock}, nil
}

// lockDest makes sure that only one build at a time writes dest: two
// builds would remove each other's new folder. The lock is a file beside
// dest that the build holding it removes when done; the lock itself goes
// with the process, however it ends.
func lockDest(dest string) (*destLock, error) {
	name := filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock")
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, writeErr(err, "in %s kann nicht geschrieben werden", filepath.Dir(dest))
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, writeErr(err, "%s kann nicht gesperrt werden", name)
		}
		if !ok {
			f.Close()
			return nil, &writeError{fmt.Sprintf("ein anderer Build schreibt gerade nach %s. Warten Sie, bis er fertig ist, und starten Sie diesen Build dann noch einmal.", dest), ErrBusy}
		}
		// The build before may have removed the file between our open
		// and our lock: then the lock is on a file nobody else sees.
		held, err1 := f.Stat()
		named, err2 := os.Stat(name)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return &destLock{f, name}, nil
		}
		f.Close()
	}
}

type destLock struct {
	f    *os.File
	name string
}

func (l *destLock) release() {
	if os.Remove(l.name) != nil { // Windows removes no open file
		l.f.Close()
		os.Remove(l.name)
		return
	}
	l.f.Close()
}

// put writes one file. It is safe for concurrent use; the first error is
// kept for commit, and later files are not written.
func (o *output) put(f site.File) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.discarded || o.failed.Load() {
		return
	}
	if o.offline {
		f = offlineFile(f)
	}
	p := filepath.Join(o.tmp, filepath.FromSlash(f.Path))
	if d := filepath.Dir(p); d != o.tmp {
		if _, made := o.dirs.Load(d); !made {
			if err := os.MkdirAll(d, 0o755); err != nil {
				o.fail(writeErr(err, "%s kann nicht angelegt werden", d))
				return
			}
			o.dirs.Store(d, true)
		}
	}
	if err := os.WriteFile(p, f.Data, 0o644); err != nil {
		o.fail(writeErr(err, "%s kann nicht geschrieben werden", p))
	}
}

func (o *output) fail(err error) {
	o.errOnce.Do(func() {
		o.err = err
		o.failed.Store(true)
	})
}

// discard removes the new folder; files put later are not written.
func (o *output) discard() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.discarded {
		o.discarded = true
		os.RemoveAll(o.tmp)
		o.lock.release()
	}
}

// commit swaps the new folder in, unless a file could not be written.
func (o *output) commit() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	defer o.lock.release()
	if o.err != nil {
		o.discarded = true
		os.RemoveAll(o.tmp)
		return o.err
	}
	return swap(o.tmp, o.dest)
}

// removeLeftovers deletes the new and old folders of builds that were
// killed before they could clean up. Only folders with the marker go.
// Where folders cannot be exchanged in one step, a build killed between
// its two renames leaves no dest but the old output beside it: that is
// put back first.
func removeLeftovers(dest string) {
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		olds, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".alt-*"))
		for _, o := range olds {
			if _, err := os.Stat(filepath.Join(o, Marker)); err == nil && os.Rename(o, dest) == nil {
				break
			}
		}
	}
	for _, kind := range []string{".neu-", ".alt-"} {
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+kind+"*"))
		for _, m := range matches {
			if _, err := os.Stat(filepath.Join(m, Marker)); err == nil {
				os.RemoveAll(m)
			}
		}
	}
}

// checkDest refuses a destination that is a file, or a non-empty folder
// that handbuch did not create.
func checkDest(dest string) error {
	st, err := os.Lstat(dest)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return writeErr(err, "das Ziel %s kann nicht gelesen werden", dest)
	}
	if !st.IsDir() {
		return &writeError{fmt.Sprintf("das Ziel %s ist eine Datei, kein Ordner. Wählen Sie mit --dest einen anderen Ordner.", dest), ErrNotOurs}
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return writeErr(err, "das Ziel %s kann nicht gelesen werden", dest)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		return &writeError{fmt.Sprintf("der Ordner %s ist nicht leer und wurde nicht von handbuch erzeugt (die Datei %s fehlt). handbuch ersetzt ihn nicht, damit nichts verloren geht. Wählen Sie mit --dest einen anderen Ordner oder leeren Sie ihn selbst.", dest, Marker), ErrNotOurs}
	}
	return nil
}

// swap moves the new folder into place. Where the system can, the two
// folders are exchanged in one step, so dest is never missing. Elsewhere
// the old folder is renamed away first and removed only after the new one
// is in place; a kill between the two renames leaves the old folder beside
// dest, and the next build puts it back (removeLeftovers).
func swap(tmp, dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		ok, err := exchange(tmp, dest)
		if err != nil {
			os.RemoveAll(tmp)
			return writeErr(err, "%s kann nicht ersetzt werden", dest)
		}
		if ok {
			return os.RemoveAll(tmp) // now the old output
		}
	}
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
		if betweenRenames != nil {
			betweenRenames()
		}
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

// betweenRenames is called, in tests, at the moment the old output has
// been renamed away and the new one is not yet in its place.
var betweenRenames func()

// writeError is a German message about the output folder that still
// unwraps to its cause.
type writeError struct {
	msg string
	err error
}

func (e *writeError) Error() string { return e.msg }
func (e *writeError) Unwrap() error { return e.err }

// writeErr says in German what went wrong with the file system and what
// to do; the system's own (English) text only when no reason is known.
func writeErr(err error, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg += ": den übergeordneten Ordner gibt es nicht. Wählen Sie mit --dest einen Ordner, den es gibt."
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		msg += ": keine Schreibrechte. Wählen Sie mit --dest einen Ordner, in den Sie schreiben dürfen, oder fragen Sie Ihre IT."
	case errors.Is(err, syscall.ENOSPC):
		msg += ": der Datenträger ist voll. Schaffen Sie Platz oder wählen Sie mit --dest einen anderen Ort."
	case errors.Is(err, syscall.ENOTDIR):
		msg += ": ein Teil des Pfads ist eine Datei, kein Ordner. Wählen Sie mit --dest einen anderen Ordner."
	case errors.Is(err, syscall.ENAMETOOLONG):
		msg += ": ein Name im Pfad ist zu lang für das Dateisystem (meist höchstens 255 Zeichen je Name). Wählen Sie mit --dest einen kürzeren Namen."
	default:
		msg += fmt.Sprintf(" (Meldung des Systems: %v).", err)
	}
	return &writeError{msg, err}
}
