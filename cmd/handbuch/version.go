package main

import (
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// versionText is what handbuch version prints, from the build info the
// go command writes into every binary: the module's version when it was
// built from a tag (go install …@v1.2.0, or go build in a tagged
// checkout), else the commit it was built from, with "geändert" when the
// working tree had changes, and the Go version.
func versionText(info *debug.BuildInfo, ok bool) string {
	goVersion := runtime.Version()
	if ok && info.GoVersion != "" {
		goVersion = info.GoVersion
	}
	goVersion = "Go " + strings.TrimPrefix(goVersion, "go")
	if !ok {
		return "handbuch Entwicklungsversion (" + goVersion + ")"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	v, dirty := strings.CutSuffix(info.Main.Version, "+dirty")
	if v != "" && v != "(devel)" && !pseudoVersion.MatchString(v) {
		if dirty || settings["vcs.modified"] == "true" {
			v += ", geändert"
		}
		return "handbuch " + v + " (" + goVersion + ")"
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		// go run and go test write no commit.
		return "handbuch Entwicklungsversion (" + goVersion + ")"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	s := "handbuch Entwicklungsversion, Stand " + rev
	if t, err := time.Parse(time.RFC3339, settings["vcs.time"]); err == nil {
		s += " vom " + t.UTC().Format("02.01.2006")
	}
	if settings["vcs.modified"] == "true" {
		s += ", geändert"
	}
	return s + " (" + goVersion + ")"
}

// pseudoVersion matches the versions the go command makes up for an
// untagged commit, such as v0.0.0-20261206030000-e59bdaa1b2c3 (see
// golang.org/ref/mod#pseudo-versions).
var pseudoVersion = regexp.MustCompile(`[-.]\d{14}-[0-9a-f]{12}$`)
