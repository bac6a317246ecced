#!/usr/bin/env python3
"""Writes a synthetic, illustrative moderation log (deterministic: the same seed gives the same file).

    scripts/generate-example-log.py > content/moderation-log.csv
    scripts/generate-example-log.py --rows 100000 --seed 2 > /tmp/big.csv   (for scripts/check_stats.py)

Without --rows: tens of incidents a school year from September 2016 to --until, most months empty.
"""
import argparse
import datetime
import random

CATEGORIES = [("offensive-language", 30), ("undermining", 25), ("unsuitable-shared-content", 18),
              ("unsuitable-images", 10), ("copyright", 9), ("child-follow-request", 8)]
ACTIONS_BY_CATEGORY = {
    "offensive-language": [["removed", "blocked"], ["removed"], ["removed", "blocked", "reported-platform"]],
    "undermining": [["removed"], ["removed", "blocked"], ["removed", "reported-platform"]],
    "unsuitable-shared-content": [["removed"], ["removed", "blocked"]],
    "unsuitable-images": [["removed", "blocked", "reported-platform"], ["removed", "blocked", "reported-platform", "reported-authority"]],
    "copyright": [["removed"]],
    "child-follow-request": [["blocked", "esafety-notified"]],
}


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.uniform(0, total)
    for value, weight in weighted:
        x -= weight
        if x <= 0:
            return value
    return weighted[-1][0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rows", type=int, default=0, help="exactly this many rows, spread evenly (for large tests)")
    parser.add_argument("--start", default="2016-09-03")
    parser.add_argument("--until", default="2026-11-20")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime.date.fromisoformat(args.start)
    until = datetime.date.fromisoformat(args.until)
    days = (until - start).days
    if args.rows:
        dates = sorted(start + datetime.timedelta(days=rng.randrange(days + 1)) for _ in range(args.rows - 2)) + [start, until]
        dates.sort()
        accounts = [f"p-{rng.getrandbits(64):016x}" for _ in range(max(10, args.rows // 3))]
    else:
        dates = [start, until]
        month = datetime.date(start.year, start.month, 1)
        while month <= until:
            # Most months are quiet; a few have a flurry of incidents (a busy term, one troublesome account).
            if rng.random() < 0.4:
                for _ in range(1 + int(rng.expovariate(1 / 3.0))):
                    day = month + datetime.timedelta(days=rng.randrange(28))
                    if start <= day <= until:
                        dates.append(day)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        dates.sort()
        accounts = [f"p-{rng.getrandbits(64):016x}" for _ in range(140)]
    print("date,category,actions,account,hours-to-action")
    for date in dates:
        category = pick(rng, CATEGORIES)
        actions = ";".join(rng.choice(ACTIONS_BY_CATEGORY[category]))
        account = "" if rng.random() < 0.1 else accounts[min(len(accounts) - 1, int(rng.paretovariate(1.2)) - 1 + rng.randrange(len(accounts)) // 2)]
        hours = "" if rng.random() < 0.35 else f"{round(rng.lognormvariate(1.3, 1.0), 1)}"
        print(f"{date.isoformat()},{category},{actions},{account},{hours}")


if __name__ == "__main__":
    main()
