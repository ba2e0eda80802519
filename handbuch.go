// Package handbuch carries the model handbook and the default layouts
// inside the binary, so an installed handbuch needs no other files.
package handbuch

import (
	"embed"
	"io/fs"
)

// The "all:" prefix keeps _index.md files, which embed skips otherwise.
//
//go:embed handbuch.toml all:content all:glossary all:checklists all:data all:layouts
var files embed.FS

// The editors' guide is a handbuch project of its own; only its sources
// are embedded, never a public/ folder built inside docs/.
//
//go:embed docs/handbuch.toml all:docs/content all:docs/glossary
var guide embed.FS

// Model returns the model handbook "KI-Leitlinien für Organisationen der
// Sozialwirtschaft" as a project folder (handbuch.toml, content/,
// glossary/, checklists/, data/).
func Model() fs.FS { return files }

// Guide returns the editors' guide "Handbuch für die Redaktion" as a
// project folder (handbuch.toml, content/, glossary/), built like any
// handbook with the default layouts.
func Guide() fs.FS {
	sub, err := fs.Sub(guide, "docs")
	if err != nil {
		panic(err) // the embedded tree is fixed at compile time
	}
	return sub
}

// Layouts returns the default layouts and assets.
func Layouts() fs.FS {
	sub, err := fs.Sub(files, "layouts")
	if err != nil {
		panic(err) // the embedded tree is fixed at compile time
	}
	return sub
}
