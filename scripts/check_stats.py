#!/usr/bin/env python3
"""Recomputes the transparency figures from a moderation log, independently of policysite, and
compares them with a built stats.json: every published (non-null) figure must match, and no
published count may lie between 1 and the threshold minus one. The report counts complete months
only (entries up to the end of closedThrough); stats.json must match schemas/stats-v2.schema.json.

    scripts/check_stats.py content/moderation-log.csv site/transparency/stats.json

Exit status 0 when everything matches, 1 with a list of differences otherwise.
"""
import collections
import csv
import datetime
import statistics
import sys


def school_year(day):
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def main(log_path, stats_path):
    import json
    import os
    import jsonschema
    with open(stats_path, encoding="utf-8") as f:
        stats = json.load(f)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas", "stats-v2.schema.json"), encoding="utf-8") as f:
        jsonschema.validate(stats, json.load(f))
    year, month = (int(x) for x in stats["closedThrough"].split("-"))
    closed_end = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1))
    threshold = stats["suppressionThreshold"]
    years = collections.Counter()
    by_category = collections.Counter()
    by_action = collections.Counter()
    months = collections.Counter()
    accounts = collections.Counter()
    hours = []
    dates = []
    with open(log_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.date.fromisoformat(row["date"][:10])
            if day > closed_end:
                continue  # a month not yet complete: not counted
            dates.append(day)
            year = school_year(day)
            years[year] += 1
            by_category[(year, row["category"].strip())] += 1
            for action in {a.strip() for a in row["actions"].split(";") if a.strip()}:
                by_action[(year, action)] += 1
            months[day.strftime("%Y-%m")] += 1
            if row.get("account", "").strip():
                accounts[row["account"].strip()] += 1
            if row.get("hours-to-action", "").strip():
                hours.append(float(row["hours-to-action"]))

    expected = {}
    totals = [dict(stats["totals"], year="all")] if stats["totals"] else []
    complete = {entry["year"] for entry in stats["schoolYears"]}
    for entry in stats["schoolYears"] + totals:
        year = entry["year"]
        def within(y):
            return y in complete if year == "all" else y == year
        expected[(year, "incidents", "all")] = sum(v for y, v in years.items() if within(y))
        for key in entry["categories"]:
            expected[(year, "category", key)] = sum(v for (y, k), v in by_category.items() if k == key and within(y))
        for key in entry["actions"]:
            expected[(year, "action", key)] = sum(v for (y, k), v in by_action.items() if k == key and within(y))
    for entry in stats["months"]:
        expected[(entry["month"], "incidents", "all")] = months[entry["month"]]
    expected[("all", "accounts", "distinct")] = len(accounts)
    expected[("all", "accounts", "repeat")] = sum(1 for n in accounts.values() if n > 1)
    expected[("all", "time-to-action", "recorded")] = len(hours)
    expected[("all", "time-to-action", "within-24-hours")] = sum(1 for h in hours if h <= 24)

    published = {}
    for entry in stats["schoolYears"] + totals:
        published[(entry["year"], "incidents", "all")] = entry["incidents"]
        for key, value in entry["categories"].items():
            published[(entry["year"], "category", key)] = value
        for key, value in entry["actions"].items():
            published[(entry["year"], "action", key)] = value
    for entry in stats["months"]:
        published[(entry["month"], "incidents", "all")] = entry["incidents"]
    published[("all", "accounts", "distinct")] = stats["accounts"]["distinct"]
    published[("all", "accounts", "repeat")] = stats["accounts"]["repeat"]
    published[("all", "time-to-action", "recorded")] = stats["timeToAction"]["recorded"]
    published[("all", "time-to-action", "within-24-hours")] = stats["timeToAction"]["within24Hours"]

    problems = []
    shown = 0
    for cell, value in published.items():
        if value is None:
            continue
        shown += 1
        if value != expected[cell]:
            problems.append(f"{cell}: stats.json says {value}, the log gives {expected[cell]}")
        if 1 <= value < threshold:
            problems.append(f"{cell}: {value} is a small count and should have been suppressed")
    median = stats["timeToAction"]["medianHours"]
    if median is not None:
        shown += 1
        if len(hours) < 10 or abs(median - statistics.median(hours)) > 1e-9:
            problems.append(f"median hours: stats.json says {median}, the log gives {statistics.median(hours)} from {len(hours)} times")
    elif len(hours) >= 10 and stats["timeToAction"]["recorded"] is not None:
        problems.append("median hours withheld although at least 10 times are recorded")
    if dates:
        period = {"from": min(dates).strftime("%Y-%m"), "to": stats["closedThrough"]}
        if stats["period"] != period:
            problems.append(f"period: stats.json says {stats['period']}, the log gives {period}")
    first_year = school_year(min(dates)) if dates else None
    if stats["schoolYears"] and stats["schoolYears"][0]["year"] != first_year:
        problems.append(f"school years start at {stats['schoolYears'][0]['year']}, the log at {first_year}")
    for entry in stats["schoolYears"]:
        start = int(entry["year"][:4])
        if datetime.date(start + 1, 8, 31) > closed_end:
            problems.append(f"{entry['year']} is not complete by {closed_end} but has a row")
    for problem in problems:
        print(problem)
    print(f"{len(published)} counts, {shown} published figures checked against {len(dates)} rows: "
          + ("all match" if not problems else f"{len(problems)} differences"))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
