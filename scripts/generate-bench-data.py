#!/usr/bin/env python3
"""Writes a complete content directory for benchmarks (deterministic: the same arguments give the
same bytes).

    scripts/generate-bench-data.py --rows 1000000 --out /dev/shm/bench/log-1000000
    scripts/generate-bench-data.py --policies 1000 --out /dev/shm/bench/policies-1000

--rows N    a moderation log of N rows (DESIGN.md schema, dates before --as-of, vocabulary of
            content/site.yml, `p-` + 16 hex pseudonyms, hours-to-action on about 60% of rows);
            the site keeps the example site's own policies, so the log is the work.
--policies M  M generated policies of 2-20 KB (headings, lists, tables, links, valid front
            matter) and no log, so the Markdown is the work.
Each directory also gets site.yml copied from content/, and `all.md`, every policy body
concatenated, for the cmark-gfm baseline in scripts/compare.py.
"""
import argparse
import datetime
import os
import random
import shutil

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATEGORIES = ["undermining", "offensive-language", "unsuitable-images", "unsuitable-shared-content",
              "copyright", "child-follow-request"]
CATEGORY_WEIGHTS = [25, 30, 10, 18, 9, 8]
ACTION_SETS = ["removed", "removed;blocked", "removed;blocked;reported-platform", "removed;reported-platform",
               "blocked;esafety-notified", "removed;blocked;reported-platform;reported-authority",
               "removed;esafety-notified"]
ACTION_WEIGHTS = [30, 25, 12, 10, 8, 5, 10]
WORDS = ("school pupils parents governors staff policy review safety online children learning support "
         "class teacher head curriculum behaviour records data consent images trip term year home report "
         "concern complaint procedure meeting guidance training safeguarding officer week lesson").split()


def write_log(path, rows, seed, as_of):
    rng = random.Random(seed)
    start = datetime.date(2016, 9, 1)
    last = as_of - datetime.timedelta(days=1)
    span = (last - start).days
    # Accounts repeat (a few are behind many incidents): a pool of rows/20, picked with a skew.
    accounts = [f"p-{rng.getrandbits(64):016x}" for _ in range(max(20, rows // 20))]
    days = sorted(rng.randrange(span + 1) for _ in range(rows))
    categories = rng.choices(CATEGORIES, CATEGORY_WEIGHTS, k=rows)
    actions = rng.choices(ACTION_SETS, ACTION_WEIGHTS, k=rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("date,category,actions,account,hours-to-action\n")
        lines = []
        for i in range(rows):
            r = rng.random()
            account = "" if r < 0.25 else accounts[int(len(accounts) * (rng.random() ** 2))]
            hours = "" if rng.random() < 0.4 else f"{rng.lognormvariate(1.3, 1.0):.1f}"
            lines.append(f"{(start + datetime.timedelta(days=days[i])).isoformat()},{categories[i]},{actions[i]},{account},{hours}\n")
            if len(lines) == 65536:
                f.write("".join(lines))
                lines.clear()
        f.write("".join(lines))


def sentence(rng, low=6, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    parts = []
    for _ in range(rng.randint(2, 5)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.25:
            s += f" See [the {rng.choice(WORDS)} guidance](https://www.gov.uk/guidance/{rng.choice(WORDS)}-{rng.randint(1, 99)})."
        elif roll < 0.35:
            s += f" Read **{rng.choice(WORDS)}** and *{rng.choice(WORDS)}* with `{rng.choice(WORDS)}`."
        parts.append(s)
    return " ".join(parts)


def policy_body(rng, target):
    out = []
    size = 0
    section = 0
    while size < target:
        section += 1
        block = [f"## {section}. {sentence(rng, 2, 5)[:-1]}", "", paragraph(rng), ""]
        roll = rng.random()
        if roll < 0.3:
            block += [f"- {sentence(rng, 4, 10)}" for _ in range(rng.randint(3, 7))] + [""]
        elif roll < 0.5:
            block += [f"{n}. {sentence(rng, 4, 10)}" for n in range(1, rng.randint(3, 6))] + [""]
        elif roll < 0.7:
            block += ["| Who | What | When |", "| --- | --- | --- |"]
            block += [f"| {rng.choice(WORDS).capitalize()} | {sentence(rng, 3, 7)} | {rng.choice(['Each term', 'Yearly', 'Weekly'])} |"
                      for _ in range(rng.randint(3, 8))] + [""]
        elif roll < 0.8:
            block += [f"### {sentence(rng, 2, 4)[:-1]}", "", paragraph(rng), "", f"> {sentence(rng)}", ""]
        text = "\n".join(block) + "\n"
        out.append(text)
        size += len(text.encode())
    return "".join(out)


def write_policies(directory, count, seed):
    rng = random.Random(seed)
    os.makedirs(directory, exist_ok=True)
    bodies = []
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    for n in range(count):
        target = rng.randint(2000, 19000)  # the front matter and last block bring it to 2-20 KB
        body = policy_body(rng, target)
        year = rng.randint(2018, 2026)
        month = rng.randrange(12)
        front = (f"---\ntitle: {sentence(rng, 2, 5)[:-1].title()} Policy {n + 1}\n"
                 f"summary: {sentence(rng, 8, 16)}\nowner: {rng.choice(['Headteacher', 'Governing body', 'School business manager'])}\n"
                 f"last-updated: {months[month]} {year}\nnext-review: {months[month]} {year + 1}\n"
                 f"history:\n  - reviewed: {months[month]} {year - 1}\n    note: Annual review.\n---\n\n")
        with open(os.path.join(directory, f"policy-{n + 1:04d}.md"), "w", encoding="utf-8", newline="") as f:
            f.write(front + body)
        bodies.append(body)
    return bodies


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--policies", type=int, default=0)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--as-of", default="2026-11-24")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    as_of = datetime.date.fromisoformat(args.as_of)
    os.makedirs(args.out, exist_ok=True)
    shutil.copy(os.path.join(REPO, "content", "site.yml"), os.path.join(args.out, "site.yml"))
    policies = os.path.join(args.out, "policies")
    if args.policies:
        bodies = write_policies(policies, args.policies, args.seed)
    else:
        shutil.copytree(os.path.join(REPO, "content", "policies"), policies, dirs_exist_ok=True)
        bodies = []
    with open(os.path.join(args.out, "all.md"), "w", encoding="utf-8") as f:
        f.write("".join(bodies))
    if args.rows:
        write_log(os.path.join(args.out, "moderation-log.csv"), args.rows, args.seed, as_of)


if __name__ == "__main__":
    main()
