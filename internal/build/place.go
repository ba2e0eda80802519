package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/handbuch/handbuch/internal/load"
)

// sourceFolders are the project's folders that a build reads; the site is
// never written into one of them.
var sourceFolders = []string{"content", "layouts", "glossary", "checklists", "data", "static"}

// checkPlace refuses a destination where replacing it would destroy what
// handbuch did not make or would write into the sources: the project
// folder itself, a folder that contains the project (an old output folder
// the project was moved into), a folder inside one of the source folders,
// and a folder that holds another project. Paths are compared after
// symbolic links are followed.
func checkPlace(source, dest string) error {
	src, err := realPath(source)
	if err != nil {
		return nil // the load step says what is wrong with the source
	}
	dst, err := realPath(dest)
	if err != nil {
		return nil // newOutput says what is wrong with the destination
	}
	refuse := func(why string) error {
		return &writeError{fmt.Sprintf("das Ziel %s %s. handbuch ersetzt den Zielordner bei jedem Build ganz; so ginge Ihre Arbeit verloren. Wählen Sie mit --dest einen eigenen Ordner, zum Beispiel public im Projektordner.", dest, why), ErrNotOurs}
	}
	switch {
	case dst == src:
		return refuse("ist der Projektordner selbst")
	case within(src, dst):
		return refuse("enthält den Projektordner " + source)
	}
	for _, f := range sourceFolders {
		if d := filepath.Join(src, f); dst == d || within(dst, d) {
			return refuse("liegt im Ordner " + f + "/ des Projekts, aus dem handbuch liest")
		}
	}
	// A folder without our marker is refused by newOutput unless empty;
	// only one of ours can have had a project moved into it.
	project := ""
	if _, err := os.Lstat(filepath.Join(dst, Marker)); err != nil {
		return nil
	}
	filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == load.ConfigFile {
			project = filepath.Dir(p)
			return fs.SkipAll
		}
		return nil
	})
	if project != "" {
		return refuse("enthält ein Handbuch-Projekt (" + filepath.Join(dest, strings.TrimPrefix(project, dst)) + ")")
	}
	return nil
}

// within reports whether p lies inside dir (both cleaned and absolute).
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// realPath makes p absolute and follows symbolic links in the part of it
// that exists; the rest is appended as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}
