// Package serve is the preview of handbuch serve: it builds the project
// in memory, serves it over HTTP, watches the sources, rebuilds once per
// batch of changes and reloads the open pages through Hugo's livereload.
// A failed build shows as an error page in the browser until it is fixed.
//
// The preview shows drafts, so it answers only to this machine's
// loopback names and the address it is bound to, opens the reload
// socket only for its own pages and redirects only to its own paths.
// It follows the project folder's path: a folder put there in place of
// the one watched is watched and built instead.
package serve
