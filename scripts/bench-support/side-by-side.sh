#!/usr/bin/env bash
# Issue 15's comparison in one run: start-up, the example site, 1,000 policies and the 10^6-row
# log, each with policysite BEFORE and AFTER side by side with what a school could use instead:
# cmark-gfm (the Markdown alone), Hugo (a static site of the same 1,000 policies) and DuckDB
# (the report's aggregation over the same CSV). hyperfine medians, one group after another.
#
#   scripts/bench-support/side-by-side.sh BEFORE AFTER [RUNS]
#
# BENCH_DIR (default /dev/shm/policysite-bench) must hold policies-1000/ and log-1000000/
# (scripts/generate-bench-data.py --policies 1000 / --rows 1000000 --out ...); the Hugo site is
# made from policies-1000 in $BENCH_DIR/hugo-1000 (Debian's `hugo`; plain templates: a page per
# policy with its title, summary and text, and a list page). Numbers are recorded, never asserted.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
before=$(realpath "$1")
after=$(realpath "$2")
runs=${3:-20}
bench=${BENCH_DIR:-/dev/shm/policysite-bench}
out=$(mktemp -d /dev/shm/side-by-side.XXXXXX)
trap 'rm -rf "$out"' EXIT

hugo_site=$bench/hugo-1000
if [[ ! -d $hugo_site/content ]]; then
  mkdir -p "$hugo_site/content/policies" "$hugo_site/layouts/_default"
  cp "$bench"/policies-1000/policies/*.md "$hugo_site/content/policies/"
  printf 'baseURL = "https://policies.example.org/"\ntitle = "Policies"\ndisableKinds = ["taxonomy", "term"]\n' > "$hugo_site/hugo.toml"
  cat > "$hugo_site/layouts/_default/single.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</main></body></html>
EOF
  cat > "$hugo_site/layouts/_default/list.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
EOF
fi

# The Twitter policy by name (before stop 13 this took the first file, the complaints procedure).
twitter=$here/content/policies/twitter-policy.md

group() {
  local title=$1; shift
  echo "## $title (load $(cut -d' ' -f1-3 /proc/loadavg))"
  hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$out/group.json" "$@" >/dev/null 2>&1
  python3 - "$out/group.json" <<'EOF'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
base = statistics.median(results[0]["times"])
for r in results:
    median = statistics.median(r["times"])
    print(f"| {r['command']} | {median * 1000:.2f} ms | {median / base:.2f}× | {r['user'] * 1000:.1f} + {r['system'] * 1000:.1f} ms |")
EOF
}

build() { echo "$1 build --content $2 --templates /nonexistent --output $out/$3 --as-of 2026-11-24"; }

echo "| command | wall median | ÷ first row | user + sys (means) |"
group "start-up" \
  -n "cmark-gfm --version" "cmark-gfm --version" \
  -n "before: policysite --version" "$before --version" \
  -n "after: policysite --version" "$after --version"
group "the example site" \
  -n "cmark-gfm, the Twitter policy" "cmark-gfm $twitter" \
  -n "before: the example site" "$(build "$before" "$here/content" ex-before)" \
  -n "after: the example site" "$(build "$after" "$here/content" ex-after)"
group "1,000 policies" \
  -n "cmark-gfm, every body (all.md)" "cmark-gfm $bench/policies-1000/all.md" \
  -n "Hugo $(hugo version | grep -oE 'v[0-9.]+' | head -1)" "hugo --quiet --source $hugo_site --destination $out/hugo" \
  -n "before: 1,000 policies" "$(build "$before" "$bench/policies-1000" p-before)" \
  -n "after: 1,000 policies" "$(build "$after" "$bench/policies-1000" p-after)"
group "10^6-row log" \
  -n "DuckDB, the same aggregation" "python3 $here/scripts/bench-support/duckdb-aggregate.py $bench/log-1000000/moderation-log.csv 2026-11-24" \
  -n "before: 10^6 rows" "$(build "$before" "$bench/log-1000000" l-before)" \
  -n "after: 10^6 rows" "$(build "$after" "$bench/log-1000000" l-after)"
for which in before after; do
  binary=$before
  [[ $which == after ]] && binary=$after
  peaks=()
  for _ in 1 2 3; do
    /usr/bin/time -f %M -o "$out/time" "$binary" build --content "$bench/log-1000000" --templates /nonexistent --output "$out/peak" --as-of 2026-11-24 >/dev/null 2>&1
    peaks+=("$(tail -1 "$out/time")")
  done
  echo "peak RSS, 10^6 rows, $which: $(printf '%s\n' "${peaks[@]}" | sort -n | sed -n 2p | awk '{printf "%.1f MB (median of 3)", $1 / 1024}')"
done
diff -r "$out/p-before" "$out/p-after" >/dev/null && echo "1,000 policies: before and after wrote the same site" || echo "1,000 policies: the sites differ"
