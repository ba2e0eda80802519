// Package load reads a handbook project (handbuch.toml and content/) into
// the book model. TOML is decoded strictly: an unknown key, a wrong type or
// a broken file is an error with file:line:col and a German hint, and all
// errors of a project are collected before loading stops.
package load
