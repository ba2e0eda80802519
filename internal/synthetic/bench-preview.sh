#!/usr/bin/env bash
# Measures what an editor waits for in handbuch serve: from saving one
# chapter of a generated handbook to the first request that gets the
# changed page back (the quiet wait, the rebuild and the serving
# included). Prints every round and the median in milliseconds.
#
#   internal/synthetic/bench-preview.sh [PAGES ...]   (default: 1000 5000)
#
#   ROUNDS=9            changes per page count
#   HANDBUCH=/path      the handbuch binary (default: built from this checkout)
#   PORT=13131          the port of the preview
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-9}
port=${PORT:-13131}
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(1000 5000)
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
hb=${HANDBUCH:-$tmp/handbuch}
[ -n "${HANDBUCH:-}" ] || go build -o "$hb" ./cmd/handbuch

ms() { echo $(( $(date +%s%N) / 1000000 )); }

for n in "${pages[@]}"; do
  dir="$tmp/p$n"
  go run ./internal/synthetic/gen -pages "$n" -terms 100 "$dir"
  "$hb" serve --source "$dir" --port "$port" >"$tmp/serve.log" 2>&1 &
  server=$!
  url="http://127.0.0.1:$port/teil-7/kapitel-3/"
  for _ in $(seq 600); do
    curl -fs "$url" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fs "$url" >/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  file="$dir/content/teil-7/kapitel-3.md"
  cp "$file" "$tmp/orig.md"
  times=()
  for r in $(seq "$rounds"); do
    sleep 0.5
    marker="Marke$RANDOM$r"
    { cat "$tmp/orig.md"; printf '\n%s steht hier.\n' "$marker"; } >"$tmp/new.md"
    start=$(ms)
    cp "$tmp/new.md" "$file"
    until curl -fs "$url" 2>/dev/null | grep -q "$marker"; do
      sleep 0.01
      [ $(( $(ms) - start )) -lt 20000 ] || { echo "no change after 20 s" >&2; cat "$tmp/serve.log" >&2; exit 1; }
    done
    t=$(( $(ms) - start ))
    times+=("$t")
    echo "$n pages, round $r: $t ms" >&2
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$n pages: median $median ms of $rounds changes (save to changed page served; ${times[*]})"
done
