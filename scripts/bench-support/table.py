#!/usr/bin/env python3
"""Turns scripts/bench's results (RESULTS_DIR/*.json and *.stages.txt) into the Markdown tables of
BENCHMARKS.md: whole build per size with memory and baseline ratios, then the stages alone.

    scripts/bench-support/table.py /dev/shm/policysite-bench/results
"""
import json
import os
import re
import sys


def stages(path):
    out = {}
    if os.path.exists(path):
        for line in open(path):
            m = re.match(r"(\S+)\s+([0-9.]+) s(?:\s+([0-9.]+) MB/s)?", line)
            if m:
                out[m.group(1)] = (float(m.group(2)), float(m.group(3)) if m.group(3) else None)
    return out


def fit(points):
    """Least squares y = a + b·x, and R²."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
    a = my - b * mx
    total = sum((y - my) ** 2 for _, y in points)
    residual = sum((y - (a + b * x)) ** 2 for x, y in points)
    return a, b, 1 - residual / total if total else 1.0


def main(directory):
    results = {}
    for name in os.listdir(directory):
        if name.endswith(".json"):
            results[name[:-5]] = json.load(open(os.path.join(directory, name)))
    def key(name):
        kind, _, size = name.partition("-")
        return (kind, int(size) if size.isdigit() else 0)
    logs = sorted((n for n in results if n.startswith("log-")), key=key)
    policies = sorted((n for n in results if n.startswith("policies-")), key=key)

    print("### Moderation log (whole build, example policies + generated log)\n")
    print("| rows | CSV MB | policysite median | DuckDB median | DuckDB ÷ policysite | peak RSS | ingestion alone | µs per row (whole build) | counts equal DuckDB | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for n in logs:
        r = results[n]
        st = stages(os.path.join(directory, n + ".stages.txt"))
        ingest = st.get("log-ingestion", (None, None))
        ok = "yes ({} figures)".format(r["countsCompared"]) if not r["countMismatches"] else "NO: " + "; ".join(r["countMismatches"][:3])
        print(f"| {r['rows']:,} | {r['logBytes'] / 1e6:.1f} | {r['policysite']['median'] * 1000:.1f} ms | {r['duckdb']['median'] * 1000:.1f} ms | "
              f"{r['duckdbOverPolicysite']:.2f}× | {r['peakRSSKB'] / 1024:.1f} MB | "
              f"{ingest[0] * 1000:.1f} ms, {ingest[1]:.0f} MB/s | {r['policysite']['median'] * 1e6 / r['rows']:.3f} | {ok} | "
              f"{r['loadavg'][0]:.2f} |")

    print("\n### Policies (whole build, generated policies, no log)\n")
    print("| policies | Markdown MB | policysite median | cmark-gfm median | policysite ÷ cmark | ms per policy (policysite / cmark) | peak RSS | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in policies + (["example"] if "example" in results else []):
        r = results[n]
        label = "example site (4)" if n == "example" else f"{r['policies']:,}"
        print(f"| {label} | {r['markdownBytes'] / 1e6:.2f} | {r['policysite']['median'] * 1000:.1f} ms | {r['cmark']['median'] * 1000:.1f} ms | "
              f"{r['policysiteOverCmark']:.2f}× | {r['msPerPolicy']['policysite']:.3f} / {r['msPerPolicy']['cmark']:.3f} | "
              f"{r['peakRSSKB'] / 1024:.1f} MB | {r['loadavg'][0]:.2f} |")

    print("\n### Scaling (least-squares line through the whole-build medians: time = fixed + per item × n)\n")
    for label, names, count in (("log rows", logs, lambda r: r["rows"]), ("policies", policies, lambda r: r["policies"])):
        points = [(count(results[n]), results[n]["policysite"]["median"]) for n in names]
        if len(points) >= 2:
            fixed, per, r2 = fit(points)
            print(f"- {label}: fixed {fixed * 1000:.1f} ms + {per * 1e6:.3f} µs per item, R² = {r2:.4f}; "
                  "measured ÷ line at each size: " + ", ".join(f"{n:,}: {t / (fixed + per * n):.2f}" for n, t in points))

    print("\n### Stages alone (in-process medians of 5, policysite-bench)\n")
    names = ["load-content", "log-ingestion", "templates-parse", "markdown-serial", "markdown-parallel", "render-all-pages", "write", "whole-build", "serve-rebuild-1-file"]
    print("| input | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for n in logs + policies + (["example"] if "example" in results else []):
        st = stages(os.path.join(directory, n + ".stages.txt"))
        print(f"| {n} | " + " | ".join(f"{st[s][0] * 1000:.2f} ms" if s in st else "–" for s in names) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
