// Package build drives one build of a handbook: load → link → render and
// check → write (see the architecture in README.md). The stages hand on a
// read-only book; the renderers, the checks and the write run side by
// side. Files go into a new folder beside the output as they are made,
// and only a build without error findings swaps it in: a failed build
// leaves the previous output as it was. A preview keeps what it may reuse
// between builds in an Incremental.
package build
