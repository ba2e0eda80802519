// Command handbuch builds accessible guideline handbooks.
//
// Usage:
//
//	handbuch build [--source DIR] [--dest DIR] [--drafts]
//	handbuch version
//	handbuch help
//
// build reads handbuch.toml and content/ in the source folder (default:
// the current folder) and writes the website to the destination folder
// (default: public, relative to the source folder). The destination is
// replaced atomically; a failed build leaves it unchanged, and a non-empty
// folder that handbuch did not create is never replaced.
//
// Exit status: 0 success, 1 the build failed, 2 wrong usage.
//
// Coming later: serve (preview with live reload), check (check built
// HTML), new (start a handbook from the model).
package main
