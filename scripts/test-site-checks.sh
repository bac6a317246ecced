#!/usr/bin/env bash
# Proves scripts/check-site.py catches each defect it claims to, and only those:
# a clean fixture passes (over HTTP and as files), and every deliberately broken page in
# Tests/site-checks/broken gives exactly the failures listed in expected-failures.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/site-checks
check=(python3 scripts/check-site.py --allow-script assets/review-status.js)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

echo "site checks: a clean site passes, with a screenshot of every page in every view"
"${check[@]}" --site "$fixtures/clean" --screenshots "$work/shots" >"$work/clean.log" 2>&1 \
  || { cat "$work/clean.log"; echo "FAILED: the clean fixture did not pass"; failed=$((failed + 1)); }
shots=$(find "$work/shots" -name '*.png' -size +1k | wc -l)
# 3 pages, and a missing address answered with 404.html, each in 4 views
[[ $shots == 16 ]] || { echo "FAILED: expected 16 screenshots, got $shots"; failed=$((failed + 1)); }

echo "site checks: a site of relative links passes as file:// URLs"
"${check[@]}" --site "$fixtures/relative" --file-urls --skip-nu >"$work/relative.log" 2>&1 \
  || { cat "$work/relative.log"; echo "FAILED: the relative fixture did not pass as files"; failed=$((failed + 1)); }

echo "site checks: opened as files, root-relative links and links to folders do not work"
if "${check[@]}" --site "$fixtures/clean" --file-urls --skip-browser --skip-nu >"$work/files.log" 2>&1 \
    || ! grep -q 'FAIL link index.html: .*href="/policies/example/": a root-relative' "$work/files.log" \
    || ! grep -q 'FAIL link policies/example/index.html: .*href="../../": a link to a folder' "$work/files.log"; then
  cat "$work/files.log"; echo "FAILED: file:// mode missed links that do not work from disk"
  failed=$((failed + 1))
fi

echo "site checks: each broken page gives exactly its expected failures"
# One view is enough to show each defect is caught (the clean run covers every view).
if "${check[@]}" --site "$fixtures/broken" --views phone >"$work/broken.log" 2>&1; then
  cat "$work/broken.log"; echo "FAILED: the broken fixture passed"; failed=$((failed + 1))
fi
grep -v '^#' "$fixtures/expected-failures.txt" | sort -u >"$work/expected"
awk '$1 == "FAIL" { sub(/:$/, "", $3); print $2, $3 }' "$work/broken.log" | sort -u >"$work/actual"
if ! diff -u --label expected --label actual "$work/expected" "$work/actual"; then
  echo "FAILED: the broken fixture's failures differ (above: - missed, + unexpected); its report:"
  cat "$work/broken.log"; failed=$((failed + 1))
fi

total=4
echo "site-checks: $((total - failed)) passed, $failed failed"
exit $((failed > 0))
