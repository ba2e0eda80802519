#!/usr/bin/env bash
# Builds the same synthetic handbook with Hugo and with handbuch, several
# times each and interleaved (Hugo, handbuch, handbuch HTML, Hugo, …) so
# that all three share the machine's noise, and prints the medians of wall
# time, peak memory and CPU time as a Markdown table.
#
#   go install github.com/gohugoio/hugo@v0.165.0
#   internal/synthetic/bench-hugo.sh [PAGES ...]      (default: 1000 5000)
#
#   RUNS=5              runs of each build per page count
#   HANDBUCH=/path      the handbuch binary to measure (default: built
#                       from this checkout with go build ./cmd/handbuch)
#   HUGO=/path          the hugo binary (default: $(go env GOPATH)/bin/hugo)
#
# Hugo gets minimal layouts (the pages of the current section as menu, a
# table of contents) and renders HTML only. handbuch is measured twice:
# its whole build (HTML, glossary links, search, print view, every check,
# the PDFs) and, if it knows --ohne-pdf, the build without the PDFs (HTML
# and checks). Progress and the single runs go to stderr, the table to
# stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
die() { echo "bench-hugo.sh: $*" >&2; exit 1; }

runs=${RUNS:-5}
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS=$runs ist keine Zahl größer 0"
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(1000 5000)
for n in "${pages[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "$n ist keine Seitenzahl"
done

hugo=${HUGO:-$(go env GOPATH)/bin/hugo}
[ -x "$hugo" ] || die "Hugo fehlt ($hugo): go install github.com/gohugoio/hugo@v0.165.0"
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null || die "apt-get install time ist fehlgeschlagen"
  else
    die "/usr/bin/time fehlt: apt-get install time"
  fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${HANDBUCH:-}" ]; then
  handbuch=$HANDBUCH
  [ -x "$handbuch" ] || die "HANDBUCH=$handbuch ist keine ausführbare Datei"
else
  handbuch=$tmp/handbuch
  go build -o "$handbuch" ./cmd/handbuch || die "go build ./cmd/handbuch ist fehlgeschlagen"
fi
go build -o "$tmp/gen" ./internal/synthetic/gen || die "go build ./internal/synthetic/gen ist fehlgeschlagen"
help=$("$handbuch" build -h 2>&1 || true)
htmlOnly=false
if [[ $help == *ohne-pdf* ]]; then htmlOnly=true; fi

echo "# $("$hugo" version | cut -d' ' -f1-2); handbuch: $handbuch ($("$handbuch" version 2>&1 | head -1));" \
  "$runs runs; $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# measure KIND N CMD... runs CMD into a fresh output folder and appends
# "wall-seconds peak-KB cpu-seconds" to $tmp/N.KIND.
measure() {
  local kind=$1 n=$2
  shift 2
  rm -rf "$tmp/out"
  if ! /usr/bin/time -o "$tmp/time" -f "%e %M %U %S" "$@" >"$tmp/log" 2>&1; then
    echo "bench-hugo.sh: $kind mit $n Seiten ist fehlgeschlagen: $*" >&2
    tail -n 30 "$tmp/log" >&2
    exit 1
  fi
  [ -f "$tmp/out/teil-0/kapitel-0/index.html" ] || die "$kind mit $n Seiten hat keine teil-0/kapitel-0/index.html geschrieben"
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$tmp/time" | tee -a "$tmp/$n.$kind" |
    awk -v k="$kind" -v n="$n" '{printf "  %5d %-13s %7.2f s %6.0f MB %7.2f s CPU\n", n, k, $1, $2/1024, $3}' >&2
}

# median N KIND COLUMN prints the median of a column of $tmp/N.KIND.
median() {
  cut -d' ' -f"$3" "$tmp/$1.$2" | sort -g |
    awk '{v[NR] = $1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2}'
}

for n in "${pages[@]}"; do
  dir=$tmp/$n
  "$tmp/gen" -pages "$n" -terms 100 "$dir"
  cat > "$dir/hugo.toml" <<'TOML'
title = "Synthetisches Handbuch"
languageCode = "de"
layoutDir = "hugo-layouts"
disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt"]
TOML
  mkdir -p "$dir/hugo-layouts"
  cat > "$dir/hugo-layouts/baseof.html" <<'HTML'
<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><ul>{{ with .CurrentSection }}{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul></nav>
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
  for ((r = 1; r <= runs; r++)); do
    measure hugo "$n" "$hugo" --source "$dir" --destination "$tmp/out" --quiet
    measure handbuch "$n" "$handbuch" build --source "$dir" --dest "$tmp/out"
    if $htmlOnly; then
      measure handbuch-html "$n" "$handbuch" build --ohne-pdf --source "$dir" --dest "$tmp/out"
    fi
  done
  rm -rf "$dir" "$tmp/out"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo "Median of $runs runs each; wall seconds / peak resident MB (/usr/bin/time); CPU = user + sys seconds."
echo
echo "| pages | Hugo wall / peak | handbuch wall / peak | handbuch HTML+checks wall / peak | handbuch/Hugo wall | HTML+checks/Hugo wall | handbuch/Hugo memory | handbuch CPU per page (ms) |"
echo "|------:|-----------------:|---------------------:|---------------------------------:|-------------------:|----------------------:|---------------------:|---------------------------:|"
for n in "${pages[@]}"; do
  hw=$(median "$n" hugo 1) hm=$(median "$n" hugo 2)
  bw=$(median "$n" handbuch 1) bm=$(median "$n" handbuch 2) bc=$(median "$n" handbuch 3)
  xw=n/a xm=n/a
  if $htmlOnly; then xw=$(median "$n" handbuch-html 1) xm=$(median "$n" handbuch-html 2); fi
  awk -v n="$n" -v hw="$hw" -v hm="$hm" -v bw="$bw" -v bm="$bm" -v bc="$bc" -v xw="$xw" -v xm="$xm" 'BEGIN {
    html = "n/a"; htmlx = "n/a"
    if (xw != "n/a") { html = sprintf("%.2f s / %.0f MB", xw, xm/1024); htmlx = sprintf("%.2f", xw/hw) }
    printf "| %s | %.2f s / %.0f MB | %.2f s / %.0f MB | %s | %.2f | %s | %.2f | %.2f |\n",
      n, hw, hm/1024, bw, bm/1024, html, bw/hw, htmlx, bm/hm, bc/n*1000 }'
done
echo
echo "| pages | Hugo CPU | handbuch CPU | handbuch HTML+checks CPU |"
echo "|------:|---------:|-------------:|-------------------------:|"
for n in "${pages[@]}"; do
  xc=n/a
  if $htmlOnly; then xc=$(printf '%.2f s' "$(median "$n" handbuch-html 3)"); fi
  printf '| %s | %.2f s | %.2f s | %s |\n' "$n" "$(median "$n" hugo 3)" "$(median "$n" handbuch 3)" "$xc"
done
