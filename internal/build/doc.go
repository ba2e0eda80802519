// Package build drives one build of a handbook: load → link → render →
// write. It holds no state between builds and writes the output folder
// atomically: a failed build leaves the previous output as it was.
package build
