#!/usr/bin/env bash
# Start-up and the example site's whole build against cmark-gfm, in one hyperfine run:
# `--version` beside `cmark-gfm --version`, and a whole build of content/ beside one
# cmark-gfm process rendering the Twitter policy. Every executable named runs in the same
# invocations (say, one built before a change and one after, dynamic and static). Also the
# CPU time of each (perf stat task-clock), which depends less on the machine's load than
# wall time does.
#
# usage: [RUNS=30] scripts/bench-support/startup.sh [EXECUTABLE...]   (default: dist/policysite)
#        BEFORE=old-executable adds one more, as before.
set -euo pipefail
cd "$(dirname "$0")/../.."
executables=("${@:-dist/policysite}")
[[ -n ${BEFORE:-} ]] && executables+=("$BEFORE")
runs=${RUNS:-30}
out=$(mktemp -d /dev/shm/policysite-startup.XXXXXX)
trap 'rm -rf "$out"' EXIT
extensions=(-e table -e strikethrough -e autolink -e tagfilter -e tasklist)
build() { echo "$1 build --content content --templates templates --output $out/site-$2 --as-of 2026-11-24"; }

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
version_commands=("cmark-gfm --version")
build_commands=("cmark-gfm ${extensions[*]} content/policies/twitter-policy.md")
for i in "${!executables[@]}"; do
  version_commands+=("${executables[$i]} --version")
  build_commands+=("$(build "${executables[$i]}" "$i")")
done
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/version.json" "${version_commands[@]}" >/dev/null 2>&1
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/build.json" "${build_commands[@]}" >/dev/null 2>&1
python3 - "$out/version.json" "$out/build.json" <<'PY'
import json, statistics, sys
for path in sys.argv[1:]:
    results = json.load(open(path))["results"]
    base = statistics.median(results[0]["times"])
    for result in results:
        median = statistics.median(result["times"])
        print(f"{median * 1000:8.2f} ms  {median / base:6.2f}x  {result['command'][:100]}")
    print()
PY
cpu() {  # mean task-clock in ms of RUNS runs of the command
  # shellcheck disable=SC2068
  perf stat -x, -e task-clock -r "$runs" $@ 2>&1 >/dev/null | grep task-clock | cut -d, -f1
}
for command in "${version_commands[@]}" "${build_commands[@]}"; do
  printf "%8.2f ms CPU (task-clock, mean of %s)  %s\n" "$(cpu "$command")" "$runs" "${command:0:100}"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
