// Package serve is the preview of handbuch serve: it builds the project
// in memory, serves it over HTTP, watches the sources, rebuilds once per
// batch of changes and reloads the open pages through Hugo's livereload.
// A failed build shows as an error page in the browser until it is fixed.
package serve
