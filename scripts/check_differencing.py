#!/usr/bin/env python3
"""Comparing reports must not give back a hidden count: an audit written apart from policysite's
own suppression (Suppression.swift), as a careful reader who keeps every release would attack it.

It builds the transparency report of one log at many as-of days (monthly releases, end-of-term
releases, random days), then gathers everything all of them published: the figures of each
stats.json, and from each report page which hidden numbers read "fewer than k" (a reader then
knows 1 to k-1) and which "not shown" (at least 1, since a zero is shown as 0). Every figure is a
sum of unknown counts per month (incidents by category, by action, times within and over 24
hours; accounts are one unknown per school year), so the whole collection is one system of
equations. It then asks, for every hidden figure of every release:

  1. does a linear combination of the published figures give it? Exact: integer elimination with
     Python's unbounded integers (no floating point, no tolerance);
  2. do the bounds a reader knows pin it? A linear programme per hidden figure (scipy's HiGHS)
     finds its least and greatest value given every published figure, every count >= 0 and every
     "fewer than k" from 1 to k-1; if only one whole number fits, it is known.

It also checks that every published figure equals a recount of the log, and that the same figure
never has two values in two releases. Exit status 1 lists anything recoverable or wrong.

    scripts/check_differencing.py --policysite .build/debug/policysite --content content \\
        --schedule monthly:2017-09-15:36 --schedule termly:2016:7 --schedule random:25:1 [--log LOG]
"""
import argparse
import collections
import csv
import datetime
import html.parser
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix


def month_index(year, month):
    return year * 12 + month - 1


def parse_month(text):
    y, m = text.split("-")
    return month_index(int(y), int(m))


def school_year_months(label):
    start = int(label[:4])
    return range(month_index(start, 9), month_index(start + 1, 8) + 1)


def schedule_days(spec, first_day, last_day):
    kind, _, rest = spec.partition(":")
    if kind == "monthly":  # monthly:START:COUNT, one release a month
        start, count = rest.split(":")
        day = datetime.date.fromisoformat(start)
        out = []
        for i in range(int(count)):
            m = day.month - 1 + i
            out.append(datetime.date(day.year + m // 12, m % 12 + 1, min(day.day, 28)))
        return out
    if kind == "termly":  # termly:YEAR:COUNT, at the end of each term from autumn YEAR
        year, count = (int(x) for x in rest.split(":"))
        ends = []
        while len(ends) < count:
            ends += [datetime.date(year, 12, 19), datetime.date(year + 1, 4, 1), datetime.date(year + 1, 7, 22)]
            year += 1
        return ends[:count]
    if kind == "random":  # random:COUNT:SEED, any days between the first entry and the last
        count, seed = (int(x) for x in rest.split(":"))
        rng = random.Random(seed)
        span = (last_day - first_day).days
        return sorted(first_day + datetime.timedelta(days=rng.randrange(span + 1)) for _ in range(count))
    sys.exit(f"unknown schedule {spec!r}, expected monthly:START:COUNT, termly:YEAR:COUNT or random:COUNT:SEED")


class PageCells(html.parser.HTMLParser):
    """Table rows (caption, header, cell texts) and dt/dd pairs of the report page."""

    def __init__(self):
        super().__init__()
        self.tables, self.facts = [], []
        self.text, self.in_cell, self.row, self.caption = "", False, None, None
        self.dt = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag in ("caption", "th", "td", "dt", "dd"):
            self.in_cell, self.text = True, ""
        elif tag == "tr":
            self.row = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self.tables[-1]["caption"] = self.text.strip()
        elif tag in ("th", "td") and self.row is not None:
            self.row.append(self.text.strip())
        elif tag == "tr" and self.row is not None:
            self.tables[-1]["rows"].append(self.row)
            self.row = None
        elif tag == "dt":
            self.dt = self.text.strip()
        elif tag == "dd" and self.dt is not None:
            self.facts.append((self.dt, self.text.strip()))
            self.dt = None
        if tag in ("caption", "th", "td", "dt", "dd"):
            self.in_cell = False

    def handle_data(self, data):
        if self.in_cell:
            self.text += data


def release_figures(stats, page):
    """(functional key, value or None, small?) for every count of one release. A functional key
    names the figure's sum over the per-month unknowns: (measure, first month, last month)."""
    parser = PageCells()
    parser.feed(page)
    threshold = stats["suppressionThreshold"]
    small_text = f"fewer than {threshold}"
    tables = {t["caption"]: t["rows"] for t in parser.tables}
    figures = []

    def words(prefix, row_header, column):
        caption = next(c for c in tables if c.startswith(prefix))
        for row in tables[caption][1:]:
            if row[0] == row_header:
                return row[column].split(" of ")[0]
        raise KeyError((caption, row_header))

    def add(key, value, text):
        if value is None:
            assert text in (small_text, "not shown"), (key, text)
        else:
            assert text.replace(",", "") == str(value), (key, value, text)
        figures.append((key, value, value is None and text == small_text))

    categories = []
    for row in stats["schoolYears"]:
        label = row["year"]
        first, last = school_year_months(label)[0], school_year_months(label)[-1]
        categories = list(row["categories"])
        for column, key in enumerate(categories, start=1):
            add(("category", key, first, last), row["categories"][key], words("Incidents by kind of content", label, column))
        add(("incidents", first, last), row["incidents"], words("Incidents by kind of content", label, len(categories) + 1))
        add(("incidents", first, last), row["incidents"], words("Incidents per complete school year", label, 1))
        for column, key in enumerate(row["actions"], start=1):
            add(("action", key, first, last), row["actions"][key], words("What the school did", label, column))
        add(("distinct", label), row["accounts"]["distinct"], words("Accounts actioned", label, 1))
        add(("repeat", label), row["accounts"]["repeat"], words("Accounts actioned", label, 2))
        times = row["timeToAction"]
        add(("recorded", first, last), times["recorded"], words("Time from the content appearing", label, 1))
        add(("within24", first, last), times["within24Hours"], words("Time from the content appearing", label, 2))
        add(("over24", first, last), times["over24Hours"], words("Time from the content appearing", label, 3))
    caption = next((c for c in tables if c.startswith("Incidents per month")), None)
    if caption is None:  # no complete month has entries yet: the page shows no table
        assert stats["period"] is None and all(e["incidents"] == 0 for e in stats["months"]), stats["months"]
        return figures, threshold, categories
    for entry, row in zip(reversed(stats["months"]), tables[caption][1:]):
        m = parse_month(entry["month"])
        add(("incidents", m, m), entry["incidents"], row[1])
    return figures, threshold, categories


def read_log(path):
    """Per month: counts by category, by action, times within and over 24 hours; and the dated accounts."""
    atoms = collections.Counter()
    accounts = []
    days = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            day = datetime.date.fromisoformat(row["date"][:10])
            days.append(day)
            m = month_index(day.year, day.month)
            atoms[("category", row["category"].strip(), m)] += 1
            for action in {a.strip() for a in row["actions"].split(";") if a.strip()}:
                atoms[("action", action, m)] += 1
            hours = (row.get("hours-to-action") or "").strip()
            if hours:
                atoms[("within24" if float(hours) <= 24 else "over24", m)] += 1
            account = (row.get("account") or "").strip()
            if account:
                accounts.append((m, account))
    return atoms, accounts, min(days), max(days)


def expand(key, categories, last_month):
    """The figure as a sum of per-month unknowns: {unknown: coefficient}."""
    kind = key[0]
    if kind == "category":
        return {("category", key[1], m): 1 for m in range(key[2], key[3] + 1)}
    if kind == "action":
        return {("action", key[1], m): 1 for m in range(key[2], key[3] + 1)}
    if kind == "incidents":
        return {("category", k, m): 1 for k in categories for m in range(key[1], key[2] + 1)}
    if kind in ("within24", "over24"):
        return {(kind, m): 1 for m in range(key[1], key[2] + 1)}
    if kind == "recorded":
        return {(k, m): 1 for k in ("within24", "over24") for m in range(key[1], key[2] + 1)}
    return {key: 1}  # accounts: one unknown per school year (not a sum of months)


class Echelon:
    """Rows over the integers (Python's are unbounded, so this is exact), each with a distinct
    leading unknown; `reduce` says whether a vector is a combination of the rows."""

    def __init__(self, order):
        self.order, self.rows = order, {}

    def reduce(self, vector):
        v = {k: c for k, c in vector.items() if c}
        while v:
            lead = max(v, key=self.order.__getitem__)
            row = self.rows.get(lead)
            if row is None:
                return v
            a, b = row[lead], v[lead]
            g = math.gcd(a, b)
            ma, mb = a // g, b // g
            merged = {k: c * ma for k, c in v.items()}
            for k, c in row.items():
                merged[k] = merged.get(k, 0) - c * mb
            v = {k: c for k, c in merged.items() if c}
            if v:
                g = 0
                for c in v.values():
                    g = math.gcd(g, c)
                if g > 1:
                    v = {k: c // g for k, c in v.items()}
        return v

    def add(self, vector):
        rest = self.reduce(vector)
        if rest:
            self.rows[max(rest, key=self.order.__getitem__)] = rest


def audit(releases, atoms_true, accounts, problems):
    """releases: [(as-of day, figures, threshold, categories)]. Returns counts for the summary."""
    categories = next((r[3] for r in releases if r[3]), None) or sorted({u[1] for u in atoms_true if u[0] == "category"})
    last_month = max(parse_month(s) for s in [r[4] for r in releases])
    values, hidden = {}, {}
    threshold = releases[0][2]
    for day, figures, _, _, _ in releases:
        for key, value, small in figures:
            if value is not None:
                if key in values and values[key] != value:
                    problems.append(f"{key} is {values[key]} in one release and {value} in another ({day})")
                values[key] = value
            else:
                hidden.setdefault(key, (day, small))
                if small:
                    hidden[key] = (hidden[key][0], True)
    # Every published figure equals a recount of the log.
    def truth(key):
        if key[0] in ("distinct", "repeat"):
            months = school_year_months(key[1])
            seen = collections.Counter(a for m, a in accounts if m in months)
            return len(seen) if key[0] == "distinct" else sum(1 for n in seen.values() if n > 1)
        return sum(atoms_true.get(u, 0) * c for u, c in expand(key, categories, last_month).items())
    for key, value in values.items():
        if truth(key) != value:
            problems.append(f"{key}: published {value}, the log gives {truth(key)}")
    for key, (day, small) in hidden.items():
        if key in values:
            problems.append(f"{key}: hidden in the release of {day}, published in another")
        t = truth(key)
        if small and not 1 <= t < threshold:
            problems.append(f"{key}: reads 'fewer than {threshold}' but is {t}")
        if t == 0 and key[0] != "category":  # a year's categories may be withheld whole, zeros too
            problems.append(f"{key}: a zero is hidden")

    # A shown zero makes every unknown in it zero (counts are never negative): drop those unknowns.
    expanded = {key: expand(key, categories, last_month) for key in set(values) | set(hidden)}
    zero = set()
    for key, value in values.items():
        if value == 0:
            zero.update(expanded[key])
    expanded = {key: {u: c for u, c in e.items() if u not in zero} for key, e in expanded.items()}
    unknowns = sorted({u for e in expanded.values() for u in e}, key=repr)
    order = {u: i for i, u in enumerate(unknowns)}

    # 1. Linear combinations, exactly.
    echelon = Echelon(order)
    for key in sorted(values, key=repr):
        echelon.add(expanded[key])
    linear = [key for key in hidden if expanded[key] and not echelon.reduce(expanded[key])]
    for key in linear:
        problems.append(f"{key} (hidden in the release of {hidden[key][0]}) follows from published figures")

    # 2. Bounds: least and greatest value of each hidden figure, by linear programming.
    index = {u: i for i, u in enumerate(unknowns)}
    eq_rows, eq_cols, eq_vals, eq_b = [], [], [], []
    for r, key in enumerate(k for k in sorted(values, key=repr) if expanded[k]):
        for u, c in expanded[key].items():
            eq_rows.append(r); eq_cols.append(index[u]); eq_vals.append(c)
        eq_b.append(values[key])
    ub_rows, ub_cols, ub_vals, ub_b = [], [], [], []
    r = 0
    for key, (day, small) in hidden.items():
        # "fewer than k" is 1 to k-1; "not shown" is at least 1, as a zero is shown as 0 (a zero
        # withheld with a whole row is left at least 0: the reader cannot tell it apart).
        limits = ((1, threshold - 1), (-1, -1)) if small else ((-1, -1),) if truth(key) > 0 else ()
        if expanded[key]:
            for sign, bound in limits:
                for u, c in expanded[key].items():
                    ub_rows.append(r); ub_cols.append(index[u]); ub_vals.append(sign * c)
                ub_b.append(bound)
                r += 1
    n = len(unknowns)
    A_eq = coo_matrix((eq_vals, (eq_rows, eq_cols)), shape=(len(eq_b), n)).tocsr() if eq_b else None
    A_ub = coo_matrix((ub_vals, (ub_rows, ub_cols)), shape=(len(ub_b), n)).tocsr() if ub_b else None
    pinned = 0
    for key, (day, small) in hidden.items():
        if key in linear or not expanded[key]:
            continue
        objective = np.zeros(n)
        for u, c in expanded[key].items():
            objective[index[u]] = c
        ends = []
        for sign in (1, -1):
            result = linprog(sign * objective, A_ub=A_ub, b_ub=ub_b or None, A_eq=A_eq, b_eq=eq_b or None,
                             bounds=(0, None), method="highs")
            if result.status == 3:  # unbounded above: not pinned
                ends.append(math.inf if sign == -1 else -math.inf)
                continue
            if result.status != 0:
                problems.append(f"{key}: the linear programme failed ({result.message})")
                ends.append(None)
                continue
            ends.append(sign * result.fun)
        if None in ends:
            continue
        low, high = ends
        whole = math.floor(high + 1e-7) - math.ceil(low - 1e-7) + 1 if high != math.inf else 2
        if whole <= 1:
            pinned += 1
            problems.append(f"{key} (hidden in the release of {day}) is pinned by bounds to [{low:g}, {high:g}]")
    return len(values), len(hidden), n


def self_test():
    """The audit must find what it is for: the issue's own example (a year to date in two
    releases gives April away), a pair of 'fewer than 5' months pinned by their total, and a
    figure published in one release and hidden in another; and pass a safe collection."""
    sep, mar, apr = month_index(2017, 9), month_index(2018, 3), month_index(2018, 4)
    atoms = collections.Counter({("category", "a", m): 4 for m in range(sep, mar + 1)})
    atoms[("category", "a", apr)] = 2
    cases = {
        "differencing": ([(("incidents", sep, mar), 28, False)], [(("incidents", sep, apr), 30, False), (("incidents", apr, apr), None, True)], 1),
        "bounds": ([(("incidents", mar - 1, mar), 8, False), (("incidents", mar - 1, mar - 1), None, True), (("incidents", mar, mar), None, True)], [], 2),
        "shown and hidden": ([(("incidents", sep, sep), 4, False)], [(("incidents", sep, sep), None, False)], 1),
        "safe": ([(("incidents", sep, mar), 28, False), (("incidents", apr, apr), None, True)], [], 0),
    }
    failures = 0
    for name, (first, second, expected) in cases.items():
        problems = []
        releases = [(datetime.date(2018, 4, 2), first, 5, ["a"], "2018-03"), (datetime.date(2018, 5, 2), second, 5, ["a"], "2018-04")]
        audit(releases, atoms, [], problems)
        found = [p for p in problems if "follows from" in p or "pinned" in p or "published in another" in p]
        ok = len(found) >= expected if expected else not problems
        if not ok:
            failures += 1
            print(f"self-test {name}: expected {expected} findings, got {problems}")
    print("self-test: " + ("the audit finds differencing, bounds and contradictions, and passes a safe collection" if not failures else f"{failures} failed"))
    return 1 if failures else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policysite", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--log", help="use this log instead of the content's (the ledger is then left out)")
    parser.add_argument("--schedule", action="append", required=True)
    args = parser.parse_args()
    started = time.time()
    work = tempfile.mkdtemp()
    try:
        content = os.path.join(work, "content")
        shutil.copytree(args.content, content)
        log_path = os.path.join(content, "moderation-log.csv")
        if args.log:
            shutil.copyfile(args.log, log_path)
            ledger = os.path.join(content, "report-ledger.txt")
            if os.path.exists(ledger):
                os.remove(ledger)
        atoms, accounts, first_day, last_day = read_log(log_path)
        days = sorted({d for spec in args.schedule for d in schedule_days(spec, first_day, last_day)})
        releases = []
        for day in days:
            out = os.path.join(work, "site")
            result = subprocess.run([args.policysite, "build", "--content", content, "--output", out, "--as-of", day.isoformat()],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"build --as-of {day} failed:\n{result.stderr}")
            with open(os.path.join(out, "transparency", "stats.json"), encoding="utf-8") as f:
                stats = json.load(f)
            with open(os.path.join(out, "transparency", "index.html"), encoding="utf-8") as f:
                page = f.read()
            figures, threshold, categories = release_figures(stats, page)
            releases.append((day, figures, threshold, categories, stats["closedThrough"]))
        problems = []
        published, hidden, unknowns = audit(releases, atoms, accounts, problems)
        for problem in problems[:50]:
            print(problem)
        rows = sum(atoms[k] for k in atoms if k[0] == "category")
        print(f"{len(releases)} releases ({', '.join(args.schedule)}) of a log of {rows} rows: {published} distinct figures published, "
              f"{hidden} hidden, {unknowns} unknowns; " + ("nothing recoverable" if not problems else f"{len(problems)} problems")
              + f" ({time.time() - started:.1f} s)")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
