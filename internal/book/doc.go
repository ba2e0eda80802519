// Package book holds the data model of a handbook: its configuration, its
// pages in reading order and the source positions every value came from.
// It does no I/O; the load package fills it and the renderers read it.
package book
