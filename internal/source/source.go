// Package source reads the files handbuch takes as input: the files of a
// project folder, and the built pages `handbuch check` checks.
//
// Every such file is read with [Read], and only if it is a regular file:
// not a symbolic link, not a named pipe, a device or a socket, and not
// bigger than a limit. A [Folder] keeps every path inside its folder,
// even through a symbolic link to a folder, and opens files without
// blocking, so that a named pipe put in place of a file cannot stop a
// build.
package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"syscall"
)

// MaxFileSize is the largest project file handbuch reads. A chapter of
// that size would be far too long to read on a screen; a bigger file is
// almost always a mistake (a pasted export, a binary renamed to .md), and
// would make every build slow.
const MaxFileSize = 5 << 20

// MaxPageSize is the largest built file `handbuch check` reads. The
// print view holds the whole handbook: about 5 MB at 1,000 chapters
// (measured on the synthetic handbook), so this leaves room for more
// than 20,000.
const MaxPageSize = 128 << 20

// Error is why a file is not read, in German, saying what to do. It
// does not name the file: the caller puts its path in front.
type Error struct {
	Reason string
	Err    error // the system's error, if there was one
}

func (e *Error) Error() string { return e.Reason }

func (e *Error) Unwrap() error { return e.Err }

// Read returns the contents of the file name of fsys, which must be a
// regular file of at most limit bytes. Symbolic links are refused:
// handbuch reads real files of the project only, wherever a link
// points. The size is bounded by reading at most limit+1 bytes, not by
// what the file system says (a device reports 0). Errors are an *Error.
//
// Read never blocks on a named pipe put in place of the file after it
// was looked at when fsys is a [Folder]; other file systems (the
// embedded layouts, those of tests) hold no pipes.
func Read(fsys fs.FS, name string, limit int64) ([]byte, error) {
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, explain(err)
	}
	if err := regular(info.Mode()); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, explain(err)
	}
	defer f.Close()
	info, err = f.Stat()
	if err != nil {
		return nil, explain(err)
	}
	if err := regular(info.Mode()); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, tooBig(name, info.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, explain(err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig(name, -1, limit)
	}
	return data, nil
}

// regular refuses everything but a regular file.
func regular(mode fs.FileMode) error {
	switch {
	case mode.IsRegular():
		return nil
	case mode&fs.ModeSymlink != 0:
		return &Error{Reason: "ist eine symbolische Verknüpfung. handbuch liest nur echte Dateien im Projektordner; kopieren Sie die Datei hierher."}
	case mode.IsDir():
		return &Error{Reason: "ist ein Ordner, keine Datei. Geben Sie den Namen einer Datei an."}
	}
	what := "keine gewöhnliche Datei"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		what = "eine benannte Pipe (FIFO), keine Datei"
	case mode&fs.ModeSocket != 0:
		what = "ein Socket, keine Datei"
	case mode&fs.ModeDevice != 0:
		what = "ein Gerät, keine Datei"
	}
	return &Error{Reason: "ist " + what + ". handbuch liest nur gewöhnliche Dateien; löschen Sie sie oder legen Sie sie außerhalb des Ordners ab."}
}

// tooBig says a file is bigger than limit; size is -1 when only that is
// known.
func tooBig(name string, size, limit int64) error {
	advice := "Verkleinern Sie die Datei."
	if path.Ext(name) == ".md" {
		advice = "Teilen Sie den Text auf mehrere Seiten auf."
	}
	mb := func(n int64) int64 { return (n + 1<<20 - 1) >> 20 }
	if size < 0 {
		return &Error{Reason: fmt.Sprintf("ist größer als %d MB; handbuch liest Dateien bis %d MB. %s", mb(limit), mb(limit), advice)}
	}
	return &Error{Reason: fmt.Sprintf("ist %d MB groß; handbuch liest Dateien bis %d MB. %s", mb(size), mb(limit), advice)}
}

// Explain says in German why a file or folder cannot be read: the
// reason of an *Error, or a translation of the system's error.
func Explain(err error) string {
	return explain(err).Error()
}

func explain(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var reason string
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		reason = "gibt es nicht. Prüfen Sie den Namen."
	case errors.Is(err, fs.ErrPermission):
		reason = "darf nicht gelesen werden: es fehlen Leserechte. Geben Sie Ihrem Benutzer das Recht, sie zu lesen."
	case escapes(err):
		reason = "führt über eine symbolische Verknüpfung aus dem Projektordner hinaus. handbuch liest nur Dateien im Projektordner; kopieren Sie sie hierher."
	case errors.As(err, &errno) && errno == syscall.ENAMETOOLONG:
		reason = "hat einen zu langen Namen: das Dateisystem erlaubt höchstens 255 Zeichen je Name und 4096 für den ganzen Pfad. Kürzen Sie ihn."
	case errors.As(err, &errno) && errno == syscall.ENOTDIR:
		reason = "liegt nicht in einem Ordner: ein Teil des Pfads ist eine Datei. Prüfen Sie den Pfad."
	case errors.As(err, &errno) && errno == syscall.ELOOP:
		reason = "führt über zu viele symbolische Verknüpfungen (vielleicht im Kreis). handbuch liest nur echte Dateien; kopieren Sie sie hierher."
	case errors.Is(err, fs.ErrInvalid):
		reason = "ist kein gültiger Name im Projektordner."
	default:
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		reason = fmt.Sprintf("kann nicht gelesen werden (Meldung des Systems: %s).", msg)
	}
	return &Error{Reason: reason, Err: err}
}

// escapes reports the error of an os.Root for a path that leads out of
// it. The os package does not export it.
func escapes(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if err.Error() == "path escapes from parent" {
			return true
		}
	}
	return false
}

// Folder is a folder read with [Read]: an fs.FS like os.DirFS, but no
// path leaves the folder it was opened on, not even through a symbolic
// link to a folder (os.Root guards every step), files are opened without
// blocking, and Open refuses anything but regular files and folders.
// It holds no open file: each call opens the folder anew.
type Folder struct {
	root string // the folder no path may leave
	dir  string // the folder this one stands for, relative to root; "." for root
}

// Open returns the folder dir, or why it cannot be read.
func Open(dir string) (Folder, error) {
	if dir == "" {
		return Folder{}, &Error{Reason: "hat keinen Namen: geben Sie einen Ordner an, zum Beispiel . für den aktuellen Ordner.", Err: fs.ErrInvalid}
	}
	info, err := os.Stat(dir)
	if err != nil {
		return Folder{}, explain(err)
	}
	if !info.IsDir() {
		return Folder{}, &Error{Reason: "ist kein Ordner. Geben Sie den Ordner an, nicht eine Datei darin.", Err: syscall.ENOTDIR}
	}
	return Folder{root: dir, dir: "."}, nil
}

// Shown shortens a path for a message: a path of thousands of
// characters says no more than its start and its end.
func Shown(p string) string {
	if len(p) <= 120 {
		return p
	}
	start, end := p[:60], p[len(p)-40:]
	return strings.ToValidUTF8(start, "") + "…" + strings.ToValidUTF8(end, "")
}

// with runs do on the folder's os.Root and the full name of name.
func (f Folder) with(op, name string, do func(r *os.Root, name string) error) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if f.root == "" {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	r, err := os.OpenRoot(f.root)
	if err != nil {
		return err
	}
	defer r.Close()
	return do(r, path.Join(f.dir, name))
}

// Open opens a regular file or a folder for reading, without blocking.
func (f Folder) Open(name string) (fs.File, error) {
	var file *os.File
	err := f.with("open", name, func(r *os.Root, full string) error {
		var err error
		file, err = r.OpenFile(full, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return err
		}
		info, err := file.Stat()
		if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
			err = &fs.PathError{Op: "open", Path: name, Err: regular(info.Mode())}
		}
		if err != nil {
			file.Close()
			file = nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return file, nil
}

// ReadFile reads a file of at most MaxFileSize bytes with [Read].
func (f Folder) ReadFile(name string) ([]byte, error) {
	return Read(f, name, MaxFileSize)
}

// ReadDir lists a folder, sorted by name.
func (f Folder) ReadDir(name string) ([]fs.DirEntry, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	dir, ok := file.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: syscall.ENOTDIR}
	}
	list, err := dir.ReadDir(-1)
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, err
}

// Stat describes a file, following a symbolic link inside the folder.
func (f Folder) Stat(name string) (fs.FileInfo, error) {
	var info fs.FileInfo
	err := f.with("stat", name, func(r *os.Root, full string) (err error) {
		info, err = r.Stat(full)
		return err
	})
	return info, err
}

// Lstat describes a file; a symbolic link is described, not followed.
func (f Folder) Lstat(name string) (fs.FileInfo, error) {
	var info fs.FileInfo
	err := f.with("lstat", name, func(r *os.Root, full string) (err error) {
		info, err = r.Lstat(full)
		return err
	})
	return info, err
}

// ReadLink returns where a symbolic link points.
func (f Folder) ReadLink(name string) (string, error) {
	var to string
	err := f.with("readlink", name, func(r *os.Root, full string) (err error) {
		to, err = r.Readlink(full)
		return err
	})
	return to, err
}

// Sub returns the folder dir inside f, still kept inside f's root.
func (f Folder) Sub(dir string) (fs.FS, error) {
	if !fs.ValidPath(dir) {
		return nil, &fs.PathError{Op: "sub", Path: dir, Err: fs.ErrInvalid}
	}
	return Folder{root: f.root, dir: path.Join(f.dir, dir)}, nil
}
