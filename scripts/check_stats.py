#!/usr/bin/env python3
"""Recomputes the transparency figures from a moderation log, independently of policysite, and
compares them with a built stats.json (valid against schemas/stats-v2.schema.json): every
published (non-null) figure must match, and no published count may lie between 1 and the threshold minus one.

A report counts complete months only (those before the as-of day's month) and complete school
years only; accounts and times to action are per school year.

    scripts/check_stats.py content/moderation-log.csv site/transparency/stats.json

Exit status 0 when everything matches, 1 with a list of differences otherwise.
"""
import collections
import csv
import datetime
import json
import statistics
import sys


def school_year(day):
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def main(log_path, stats_path):
    with open(stats_path, encoding="utf-8") as f:
        stats = json.load(f)
    import os
    import jsonschema
    with open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas/stats-v2.schema.json"), encoding="utf-8") as f:
        jsonschema.validate(stats, json.load(f))
    threshold = stats["suppressionThreshold"]
    closed = stats["closedThrough"]
    as_of = datetime.date.fromisoformat(stats["asOf"])
    expected_closed = (as_of.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    counts = collections.Counter()
    accounts = collections.defaultdict(collections.Counter)
    hours = collections.defaultdict(list)
    months_seen = []
    with open(log_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.date.fromisoformat(row["date"][:10])
            month = day.strftime("%Y-%m")
            if month > closed:
                continue
            months_seen.append(month)
            year = school_year(day)
            counts[(year, "incidents", "all")] += 1
            counts[(month, "incidents", "all")] += 1
            counts[(year, "category", row["category"].strip())] += 1
            for action in {a.strip() for a in row["actions"].split(";") if a.strip()}:
                counts[(year, "action", action)] += 1
            if row.get("account", "").strip():
                accounts[year][row["account"].strip()] += 1
            if row.get("hours-to-action", "").strip():
                hours[year].append(float(row["hours-to-action"]))
    for year, seen in accounts.items():
        counts[(year, "accounts", "distinct")] = len(seen)
        counts[(year, "accounts", "repeat")] = sum(1 for n in seen.values() if n > 1)
    for year, times in hours.items():
        counts[(year, "time", "recorded")] = len(times)
        counts[(year, "time", "within24")] = sum(1 for h in times if h <= 24)
        counts[(year, "time", "over24")] = sum(1 for h in times if h > 24)

    published = {}
    for entry in stats["schoolYears"]:
        year = entry["year"]
        published[(year, "incidents", "all")] = entry["incidents"]
        for key, value in entry["categories"].items():
            published[(year, "category", key)] = value
        for key, value in entry["actions"].items():
            published[(year, "action", key)] = value
        published[(year, "accounts", "distinct")] = entry["accounts"]["distinct"]
        published[(year, "accounts", "repeat")] = entry["accounts"]["repeat"]
        t = entry["timeToAction"]
        published[(year, "time", "recorded")] = t["recorded"]
        published[(year, "time", "within24")] = t["within24Hours"]
        published[(year, "time", "over24")] = t["over24Hours"]
    for entry in stats["months"]:
        published[(entry["month"], "incidents", "all")] = entry["incidents"]

    rows = {entry["year"]: entry for entry in stats["schoolYears"]}
    problems = []
    if closed != expected_closed:
        problems.append(f"closedThrough: stats.json says {closed}, the month before {as_of} is {expected_closed}")
    shown = 0
    for cell, value in published.items():
        if value is None:
            # A zero is shown as 0, unless a year's categories are withheld whole (docs/stats.md).
            withheld = cell[1] == "category" and cell[0] in rows and all(v is None for v in rows[cell[0]]["categories"].values())
            if counts[cell] == 0 and not withheld:
                problems.append(f"{cell}: a zero is hidden")
            continue
        shown += 1
        if value != counts[cell]:
            problems.append(f"{cell}: stats.json says {value}, the log gives {counts[cell]}")
        if 1 <= value < threshold:
            problems.append(f"{cell}: {value} is a small count and should have been suppressed")
    for entry in stats["schoolYears"]:
        times, median = hours[entry["year"]], entry["timeToAction"]["medianHours"]
        if median is not None:
            shown += 1
            if len(times) < 10 or abs(median - statistics.median(times)) > 1e-9:
                problems.append(f"{entry['year']} median hours: stats.json says {median}, the log gives {statistics.median(times) if times else None} from {len(times)} times")
        elif len(times) >= 10 and entry["timeToAction"]["recorded"] is not None:
            problems.append(f"{entry['year']}: median hours withheld although at least 10 times are recorded")
        last_month = f"{int(entry['year'][:4]) + 1}-08"
        if last_month > closed:
            problems.append(f"{entry['year']} is published before it is complete (closed through {closed})")
    if months_seen:
        period = {"from": min(months_seen), "to": closed}
        if stats["period"] != period:
            problems.append(f"period: stats.json says {stats['period']}, the log gives {period}")
        complete = [y for y in sorted({school_year(datetime.date.fromisoformat(m + "-01")) for m in months_seen})
                    if f"{int(y[:4]) + 1}-08" <= closed]
        first = school_year(datetime.date.fromisoformat(min(months_seen) + "-01"))
        if complete and [e["year"] for e in stats["schoolYears"]][:1] != [first]:
            problems.append(f"school years start at {stats['schoolYears'][0]['year'] if stats['schoolYears'] else None}, the log at {first}")
    for problem in problems:
        print(problem)
    print(f"{len(published)} counts, {shown} published figures checked against {len(months_seen)} rows in complete months: "
          + ("all match" if not problems else f"{len(problems)} differences"))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
