#!/usr/bin/env python3
"""The transparency report's aggregation as DuckDB queries over the same CSV: the baseline that
scripts/compare.py times beside policysite (as a whole process, start-up included, as policysite is).

    scripts/bench-support/duckdb-aggregate.py LOG.csv AS_OF [--json]

With --json it prints the figures, which compare.py checks against policysite's stats.json.
Like policysite (stats v2), it counts complete months only (entries before the as-of day's
month), and accounts and times per school year.
"""
import json
import sys

import duckdb


def main(path, as_of, as_json):
    con = duckdb.connect()
    con.execute(f"""CREATE TEMP TABLE log AS SELECT CAST(date[1:10] AS DATE) AS day, trim(category) AS category,
                    actions, nullif(trim(account), '') AS account, TRY_CAST(nullif(trim("hours-to-action"), '') AS DOUBLE) AS hours,
                    CASE WHEN month(CAST(date[1:10] AS DATE)) >= 9 THEN year(CAST(date[1:10] AS DATE))
                         ELSE year(CAST(date[1:10] AS DATE)) - 1 END AS sy
                    FROM read_csv('{path}', header = true, all_varchar = true)
                    WHERE CAST(date[1:10] AS DATE) < date_trunc('month', DATE '{as_of}')""")
    years = con.execute("SELECT sy, count(*) FROM log GROUP BY sy").fetchall()
    categories = con.execute("SELECT sy, category, count(*) FROM log GROUP BY sy, category").fetchall()
    actions = con.execute("""SELECT sy, trim(a) AS action, count(*) FROM
                             (SELECT sy, unnest(string_split(actions, ';')) AS a FROM log) WHERE trim(a) <> '' GROUP BY sy, action""").fetchall()
    months = con.execute("SELECT strftime(day, '%Y-%m'), count(*) FROM log GROUP BY 1").fetchall()
    accounts = con.execute("""SELECT sy, count(*), count(*) FILTER (WHERE n > 1) FROM
                              (SELECT sy, account, count(*) AS n FROM log WHERE account IS NOT NULL GROUP BY sy, account) GROUP BY sy""").fetchall()
    hours = con.execute("""SELECT sy, count(hours), median(hours), count(*) FILTER (WHERE hours <= 24), count(*) FILTER (WHERE hours > 24)
                           FROM log GROUP BY sy""").fetchall()
    if not as_json:
        return
    def year_name(y):
        return f"{y}/{(y + 1) % 100:02d}"
    out = {"years": {}, "months": dict(months)}
    for y, n in years:
        out["years"][year_name(y)] = {"incidents": n, "categories": {}, "actions": {}, "accounts": {"distinct": 0, "repeat": 0},
                                      "timeToAction": {"recorded": 0, "medianHours": None, "within24Hours": 0, "over24Hours": 0}}
    for y, d, r in accounts:
        out["years"][year_name(y)]["accounts"] = {"distinct": d, "repeat": r}
    for y, n, m, w, o in hours:
        out["years"][year_name(y)]["timeToAction"] = {"recorded": n, "medianHours": m, "within24Hours": w, "over24Hours": o}
    for y, c, n in categories:
        out["years"][year_name(y)]["categories"][c] = n
    for y, a, n in actions:
        out["years"][year_name(y)]["actions"][a] = n
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--json" in sys.argv)
