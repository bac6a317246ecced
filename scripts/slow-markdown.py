#!/usr/bin/env python3
"""Times the slowest policies within the Markdown limits (README, "Limits"), and the same
shapes over the limits through the `cmark-gfm` program, which has no limits.

    scripts/slow-markdown.py [--policysite .build/release/policysite] [--timeout 60]

Each shape is one policy of about 512 KiB (the byte limit) that stays within every other
limit, built alone as a site (`policysite build`, whole process). Prints wall and CPU
seconds per shape (wall/CPU); a shape over a limit (among them issue 18's 4,000-column table,
80,000 `![[]()` and a 50 MB policy) must instead be refused with exit 1. Not a test:
run by hand on a quiet machine, figures go into the README.
"""
import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIMIT = 1 << 19   # MarkdownLimits.bytes
FRONT = "---\ntitle: Slow\nowner: Headteacher\nlast-updated: 2025-01\nnext-review: 2026-01\n---\n\n"


def fill(unit, budget=LIMIT - 200):
    return unit * (budget // len(unit))


# name -> (policy body within every limit, the same shape over a limit)
SHAPES = {
    "100 images then links, one paragraph": (
        "![" * 100 + fill("[]()", LIMIT - 400), "![[]()" * 80_000),
    "100 '@' then a 512 KB word": (
        "a@" * 100 + "a" * (LIMIT - 400), "a@" * 40_000),
    "20,000 table cells, 1 column": (
        "a\n-|\n" + "a\n" * 19_998, "aaa\rbbb\n-\v\n" * 30_000),
    "20,000 table cells, 100 columns": (
        "|" + " a |" * 100 + "\n|" + "---|" * 100 + "\n" + ("|" + "a|" * 100 + "\n") * 199, "|" + "a|" * 4_000 + "\n|" + "-|" * 4_000 + "\n"),
    "32 nested quotes, then 512 KB of lazy lines": (
        "> " * 32 + "a\n" + fill("a\n", LIMIT - 400), "> " * 1_000 + "a\n" + "a\n" * 40_000),
    "512 KiB of '[a](b'": (fill("[a](b"), None),
    "512 KiB of '*[' ": (fill("*["), None),
    "512 KiB of nested emphasis": (fill("*a **a ") , None),
    "512 KiB of ordinary policy text": (
        fill("Parents may [read the guidance](https://www.gov.uk/x) or write to office@school.example, ~~not~~ now.\n\n"),
        fill("Parents may [read the guidance](https://www.gov.uk/x) or write to office@school.example, ~~not~~ now.\n\n", 50_000_000)),
}


def run(command, timeout):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    try:
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        status = result.returncode
    except subprocess.TimeoutExpired:
        status = "timeout"
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return status, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policysite", default=os.path.join(REPO, ".build/release/policysite"))
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--site-yml", default=os.path.join(REPO, "content", "site.yml"), help="site.yml for the one-policy sites")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="slow-markdown-")
    cmark = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
    print(f"load: {open('/proc/loadavg').read().split()[:3]}")
    print(f"{'shape':45s} {'bytes':>9s} {'build':>14s} {'over the limit: policysite':>28s} {'cmark-gfm':>18s}")
    try:
        for name, (within, over) in SHAPES.items():
            row = [f"{name:45s}"]
            for index, body in enumerate([within, over]):
                if body is None:
                    row.append(f"{'':>28s} {'':>18s}")
                    continue
                content = os.path.join(work, "content")
                shutil.rmtree(content, ignore_errors=True)
                os.makedirs(os.path.join(content, "policies"))
                shutil.copy(args.site_yml, os.path.join(content, "site.yml"))
                with open(os.path.join(content, "policies", "slow.md"), "w", encoding="utf-8", newline="") as f:
                    f.write(FRONT + body)
                build = [args.policysite, "build", "--content", content, "--templates", "/nonexistent",
                         "--output", os.path.join(work, "site"), "--as-of", "2026-11-24"]
                status, wall, cpu = run(build, args.timeout)
                if index == 0:
                    size = len((FRONT + body).encode())
                    row.append(f"{size:9d} {wall:6.3f}s/{cpu:5.3f}s" + ("" if status == 0 else f" (exit {status})"))
                else:
                    path = os.path.join(content, "policies", "slow.md")
                    cstatus, cwall, ccpu = run(cmark + [path], args.timeout)
                    refused = "refused" if status == 1 else f"exit {status}"
                    row.append(f"{refused + f' in {wall:.3f}s/{cpu:.3f}s':>28s} {('%.2fs/%.2fs' % (cwall, ccpu)) if cstatus == 0 else str(cstatus):>18s}")
            print(" ".join(row), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
