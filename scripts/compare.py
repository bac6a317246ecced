#!/usr/bin/env python3
"""policysite side by side with the baselines, in the same run, on one generated content directory.

    scripts/compare.py DIR [--runs N] [--binary .build/release/policysite]

A directory with a moderation log: policysite's whole build against DuckDB's same aggregation
over the same CSV (scripts/bench-support/duckdb-aggregate.py, a whole process too), and a check
that every figure policysite publishes (stats.json, suppressed cells left out) equals DuckDB's.
A directory of generated policies: the whole build against one `cmark-gfm` process rendering all
the same Markdown (DIR/all.md) as one stream; the ratio is per policy.
Timings are hyperfine medians (output on /dev/shm); prints one JSON object, exit 1 on a mismatch.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
AS_OF = "2026-11-24"
CMARK = ["/usr/bin/cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]


def hyperfine(commands, runs, warmup=2):
    """Median seconds of each command, all measured in one hyperfine run (interleaved by command)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
                        "--export-json", out.name] + commands, check=True, stdout=subprocess.DEVNULL)
        results = json.load(open(out.name))["results"]
    return [{"median": r["median"], "mean": r["mean"], "min": r["min"], "max": r["max"], "stddev": r["stddev"]} for r in results]


def peak_rss_kb(command, runs=3):
    """Maximum resident set size (KB) from /usr/bin/time -v; the median of `runs` runs."""
    values = []
    for _ in range(runs):
        done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, check=True)
        line = next(l for l in done.stderr.splitlines() if "Maximum resident set size" in l)
        values.append(int(line.split(":")[1]))
    return sorted(values)[len(values) // 2]


def check_counts(log, stats_path):
    """Every published figure of stats.json against DuckDB's; returns the list of differences."""
    duck = json.loads(subprocess.run([sys.executable, os.path.join(HERE, "bench-support", "duckdb-aggregate.py"), log, AS_OF, "--json"],
                                     capture_output=True, text=True, check=True).stdout)
    stats = json.load(open(stats_path))
    problems, compared = [], 0

    def same(where, published, expected):
        nonlocal compared
        if published is None:
            return
        compared += 1
        if isinstance(published, float) or isinstance(expected, float):
            ok = expected is not None and abs(published - expected) < 1e-9
        else:
            ok = published == (expected or 0)
        if not ok:
            problems.append(f"{where}: policysite {published}, DuckDB {expected}")

    for row in stats["schoolYears"]:
        year = duck["years"].get(row["year"], {"incidents": 0, "categories": {}, "actions": {}})
        same(f"{row['year']} incidents", row["incidents"], year["incidents"])
        for table in ("categories", "actions"):
            for key, value in row[table].items():
                same(f"{row['year']} {table} {key}", value, year[table].get(key, 0))
        for key in ("distinct", "repeat"):
            same(f"{row['year']} accounts {key}", row["accounts"][key], year.get("accounts", {}).get(key, 0))
        for key in ("recorded", "medianHours", "within24Hours", "over24Hours"):
            same(f"{row['year']} timeToAction {key}", row["timeToAction"][key], year.get("timeToAction", {}).get(key, 0))
    for month in stats["months"]:
        same(f"month {month['month']}", month["incidents"], duck["months"].get(month["month"], 0))
    return problems, compared


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "policysite"))
    args = parser.parse_args()
    content = os.path.abspath(args.directory)
    output = "/dev/shm/policysite-compare-" + os.path.basename(content)
    build = [args.binary, "build", "--content", content, "--templates", "/nonexistent", "--output", output, "--as-of", AS_OF]
    log = os.path.join(content, "moderation-log.csv")
    policies = [n for n in os.listdir(os.path.join(content, "policies")) if n.endswith(".md")]
    result = {"directory": content, "policies": len(policies), "loadavg": os.getloadavg()}
    commands = [" ".join(build)]
    if os.path.exists(log):
        result["logBytes"] = os.path.getsize(log)
        result["rows"] = sum(1 for _ in open(log, "rb")) - 1
        commands.append(f"{sys.executable} {os.path.join(HERE, 'bench-support', 'duckdb-aggregate.py')} {log} {AS_OF}")
    markdown = os.path.join(content, "all.md")
    if os.path.getsize(markdown) > 0:
        result["markdownBytes"] = os.path.getsize(markdown)
        commands.append(" ".join(CMARK + [markdown]))
    times = hyperfine(commands, args.runs)
    result["policysite"] = times[0]
    result["peakRSSKB"] = peak_rss_kb(build)
    if os.path.exists(log):
        result["duckdb"] = times[1]
        result["duckdbOverPolicysite"] = times[1]["median"] / times[0]["median"]
        problems, compared = check_counts(log, os.path.join(output, "transparency", "stats.json"))
        result["countsCompared"] = compared
        result["countMismatches"] = problems
    if "markdownBytes" in result:
        result["cmark"] = times[-1]
        result["policysiteOverCmark"] = times[0]["median"] / times[-1]["median"]
        result["msPerPolicy"] = {"policysite": times[0]["median"] * 1000 / len(policies), "cmark": times[-1]["median"] * 1000 / len(policies)}
    print(json.dumps(result, indent=1))
    return 1 if result.get("countMismatches") else 0


if __name__ == "__main__":
    sys.exit(main())
