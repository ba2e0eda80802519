#!/usr/bin/env bash
# Builds the same synthetic handbook with Hugo and with handbuch and prints
# wall time and peak memory of both, and their ratio.
#
#   go install github.com/gohugoio/hugo@v0.165.0
#   internal/synthetic/bench-hugo.sh [PAGES ...]      (default: 1000 5000)
#
# Hugo gets minimal layouts (a section menu and a table of contents) and
# renders HTML only; handbuch does its whole build: HTML, glossary links,
# search, print view, every check and the PDFs.
set -euo pipefail
cd "$(dirname "$0")/../.."
hugo=${HUGO:-$(go env GOPATH)/bin/hugo}
[ -x "$hugo" ] || { echo "Hugo fehlt: go install github.com/gohugoio/hugo@v0.165.0" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/handbuch" ./cmd/handbuch

measure() { # prints "seconds peak-MB" of the command
  /usr/bin/time -o "$tmp/time" -f "%e %M" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  awk '{printf "%.2f %.0f", $1, $2/1024}' "$tmp/time"
}

printf '%-7s %10s %10s %12s %12s %8s %8s\n' pages hugo_s handbuch_s hugo_MB handbuch_MB time_x mem_x
for n in ${@:-1000 5000}; do
  dir="$tmp/$n"
  go run ./internal/synthetic/gen -pages "$n" -terms 100 "$dir"
  cat > "$dir/hugo.toml" <<'TOML'
title = "Synthetisches Handbuch"
languageCode = "de"
layoutDir = "hugo-layouts"
publishDir = "hugo-public"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt"]
TOML
  mkdir -p "$dir/hugo-layouts"
  cat > "$dir/hugo-layouts/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat > "$dir/hugo-layouts/home.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
HTML
  cat > "$dir/hugo-layouts/section.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
  cat > "$dir/hugo-layouts/page.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}
HTML
  read -r hs hm <<<"$(measure "$hugo" --source "$dir" --quiet)"
  read -r bs bm <<<"$(measure "$tmp/handbuch" build --source "$dir")"
  awk -v n="$n" -v hs="$hs" -v bs="$bs" -v hm="$hm" -v bm="$bm" \
    'BEGIN { printf "%-7s %10.2f %10.2f %12d %12d %8.2f %8.2f\n", n, hs, bs, hm, bm, bs/hs, bm/hm }'
done
