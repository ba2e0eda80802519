// Command handbuch builds accessible guideline handbooks.
//
// Usage:
//
//	handbuch build [--source DIR] [--dest DIR] [--drafts] [--strict] [--offline] [--ohne-pdf] [--hinweise] [--format json]
//	handbuch serve [--port 1313] [--bind ADDR] [--drafts] [--source DIR]
//	handbuch check [--strict] [--hinweise] [--format json] [DIR]
//	handbuch check --plain FILE.md|FILE.txt [--strict] [--hinweise] [--format json]
//	handbuch explain [RULE]
//	handbuch new DIR
//	handbuch import FILE.docx|FILE.odt [--nach content/CHAPTER.md]
//	handbuch anleitung [DIR]
//	handbuch version
//	handbuch help
//
// build reads handbuch.toml and content/ in the source folder (default:
// the current folder) and writes the website to the destination folder
// (default: public, relative to the source folder). The destination is
// replaced atomically; a failed build leaves it unchanged, and a non-empty
// folder that handbuch did not create is never replaced.
//
// Exit status: 0 success, 1 the build failed or the checks found errors
// (with --strict also warnings), 2 wrong usage.
//
// --offline writes a copy that opens from disk (file://), into offline/
// beside public/ unless --dest names a folder; public/ stays as it is.
// --ohne-pdf leaves out the PDFs. --hinweise shows the hints of the checks too,
// --format json prints the findings as JSON. serve previews
// the project in the browser with live reload. new copies the model
// handbook carried in the binary into a new or empty folder. check checks
// a folder of built HTML; check --plain checks one text (Markdown or plain
// text) as a page in Einfache Sprache and prints its findings and its
// readability figures. import turns a Word document (.docx) or an
// OpenDocument text (.odt) into a chapter with its pictures beside it and
// lists what it could not take over as it was. anleitung writes the
// editors' guide "Handbuch für die Redaktion", carried in the binary, into
// a folder (default: handbuch-anleitung) as a copy that opens from disk;
// like build, it never replaces a folder it did not create. explain
// prints what a rule of the checks looks for, why it matters and how to
// fix it, with a wrong and a right example; without a rule it lists the
// rules by group. version prints the version the binary was built from
// (a tag, else the commit, "geändert" for a working tree with changes)
// and the Go version.
package main
