#!/usr/bin/env bash
# Start-up and the example site's whole build against cmark-gfm, in one hyperfine run:
# `--version` beside `cmark-gfm --version`, and a whole build of content/ beside one
# cmark-gfm process rendering the Twitter policy. With BEFORE=/path/to/old/policysite the
# old binary runs in the same invocations. Also the CPU time of each start-up (perf stat
# task-clock), which depends less on the machine's load than wall time does.
#
# usage: [BEFORE=old-binary] [RUNS=30] scripts/bench-support/startup.sh [AFTER-binary]
set -euo pipefail
cd "$(dirname "$0")/../.."
after=${1:-dist/policysite}
runs=${RUNS:-30}
out=$(mktemp -d /dev/shm/policysite-startup.XXXXXX)
trap 'rm -rf "$out"' EXIT
extensions=(-e table -e strikethrough -e autolink -e tagfilter -e tasklist)
build() { echo "$1 build --content content --templates templates --output $out/site-$2 --as-of 2026-11-24"; }

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
version_commands=("cmark-gfm --version" "$after --version")
build_commands=("cmark-gfm ${extensions[*]} content/policies/twitter-policy.md" "$(build "$after" after)")
if [[ -n ${BEFORE:-} ]]; then
  version_commands+=("$BEFORE --version")
  build_commands+=("$(build "$BEFORE" before)")
fi
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/version.json" "${version_commands[@]}" >/dev/null 2>&1
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/build.json" "${build_commands[@]}" >/dev/null 2>&1
python3 - "$out/version.json" "$out/build.json" <<'EOF'
import json, statistics, sys
for path in sys.argv[1:]:
    results = json.load(open(path))["results"]
    base = statistics.median(results[0]["times"])
    for result in results:
        median = statistics.median(result["times"])
        print(f"{median * 1000:8.2f} ms  {median / base:5.2f}x  {result['command'][:90]}")
    print()
EOF
for command in "cmark-gfm --version" "$after --version" ${BEFORE:+"$BEFORE --version"}; do
  # shellcheck disable=SC2086
  clock=$(perf stat -x, -e task-clock -r "$runs" $command 2>&1 >/dev/null | grep task-clock | cut -d, -f1)
  printf "%8.2f ms CPU (task-clock, mean of %s)  %s\n" "$clock" "$runs" "$command"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
