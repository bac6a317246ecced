#!/usr/bin/env python3
"""The governors' files, checked by independent parsers, and the annual review end to end.

  1. Build the example site; validate status.json against schemas/status-v1.schema.json
     and check it equals `policysite status --format json` for the same day.
  2. reviews.ics: CRLF lines of at most 75 octets, read by Python's icalendar; per policy
     an all-day event `SLUG-review` on its review date (on the as-of day when overdue: due
     now) and, unless overdue, `SLUG-window` when its due-soon window opens; unique UIDs; a
     VALARM reminder in every event; the governors' page offers a webcal: subscription.
  3. feed.xml: read by feedparser without complaint (Atom 1.0), unique ids, an entry per
     update; every HTML page links to it and to the governors' page.
  4. `status --as-of` 2017-01-10 / 2017-08-15 / 2017-10-01 gives current / due-soon /
     overdue for the Twitter policy, and `--fail-on overdue` exits 3 only for the last.
  5. `review twitter-policy --reviewed 2026-11 --note "Annual review"` in a git copy of the
     content: `git diff` shows only the two date lines changed and two history lines added,
     and `status --as-of 2026-11-24` shows the policy current until November 2027.
  6. Then the text is edited: `status` and `check` say so (editedSinceReview true, a warning
     naming the file); `review policies/twitter-policy.md --reviewed "December 2026"` keeps
     the new approved text and clears the flag; the rebuilt policy page shows what changed,
     the earlier version has its own page, and those pages pass scripts/check-site.py (Nu,
     axe at phone, dark and print, links).

usage: scripts/check-governors.py [--binary .build/debug/policysite]
Exit status: 0 passed; 1 a check failed; 2 the check could not run.
"""
import argparse, glob, json, os, re, shutil, subprocess, sys, tempfile

try:
    import feedparser, icalendar, jsonschema
except ImportError as error:
    print(f"check-governors: cannot run: {error}", file=sys.stderr)
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def run(binary, *arguments, cwd=None):
    return subprocess.run([binary, *arguments], capture_output=True, text=True, cwd=cwd)


def check_site(binary, work):
    site = os.path.join(work, "site")
    built = run(binary, "build", "--content", os.path.join(ROOT, "content"), "--templates", os.path.join(ROOT, "templates"),
                "--output", site, "--as-of", "2026-11-24")
    check(built.returncode == 0, f"the example site builds ({built.stderr.strip()})")

    schema = json.load(open(os.path.join(ROOT, "schemas/status-v1.schema.json")))
    jsonschema.Draft202012Validator.check_schema(schema)
    status = json.load(open(os.path.join(site, "status.json")))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(status)]
    check(not errors, f"status.json is valid against the schema {errors}")
    command = run(binary, "status", "--content", os.path.join(ROOT, "content"), "--as-of", "2026-11-24", "--format", "json")
    check(command.stdout == open(os.path.join(site, "status.json")).read(), "status.json is byte for byte the output of 'status --format json'")

    raw = open(os.path.join(site, "reviews.ics"), "rb").read()
    physical = raw.split(b"\r\n")
    check(physical[-1] == b"" and all(b"\n" not in line and b"\r" not in line for line in physical), "reviews.ics has CRLF line ends only")
    check(all(len(line) <= 75 for line in physical), "no line of reviews.ics is longer than 75 octets")
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    uids = [str(event["UID"]) for event in events]
    expected = sum(1 if p["status"] == "overdue" else 2 for p in status["policies"])
    check(len(events) == expected and len(set(uids)) == len(uids), f"two events per policy, one when overdue, unique UIDs {uids}")
    for policy in status["policies"]:
        for kind in ["review"] + ([] if policy["status"] == "overdue" else ["window"]):
            event = next((e for e in events if str(e["UID"]).startswith(f"{policy['slug']}-{kind}@")), None)
            check(event is not None, f"{policy['slug']} has an event {policy['slug']}-{kind}@…")
            if event is None:
                continue
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            if kind == "window":
                first = policy["dueSoonFrom"]
            elif policy["status"] == "overdue":
                first = status["asOf"]  # overdue: due now
            else:
                first = policy["nextReview"] if len(policy["nextReview"]) == 10 else policy["nextReview"] + "-01"
            check(start.isoformat() == first and (end - start).days == 1 and not hasattr(start, "hour"),
                  f"{policy['slug']}'s {kind} event is all day on {first}")
            alarms = list(event.walk("VALARM"))
            check(len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY" and alarms[0].decoded("TRIGGER").total_seconds() == 9 * 3600,
                  f"{policy['slug']}'s {kind} event has a reminder at 9:00 on its day")
    for policy in status["policies"]:
        check("owner" in policy and isinstance(policy["editedSinceReview"], bool), f"status.json names {policy['slug']}'s owner and says whether it was edited since review")
    governors = open(os.path.join(site, "governors", "index.html"), encoding="utf-8").read()
    check('href="webcal://policies.example.org/reviews.ics"' in governors and 'href="../reviews.ics"' in governors,
          "the governors' page offers a webcal: subscription beside the download")
    check(str(calendar.get("VERSION")) == "2.0" and calendar.get("PRODID") and calendar.get("X-WR-CALNAME"), "the calendar has VERSION, PRODID and X-WR-CALNAME")

    feed = feedparser.parse(open(os.path.join(site, "feed.xml"), "rb").read())
    check(not feed.bozo, f"feedparser reads feed.xml without complaint ({feed.get('bozo_exception')})")
    check(feed.version == "atom10", f"feed.xml is Atom 1.0 ({feed.version})")
    ids = [entry.id for entry in feed.entries]
    check(len(ids) == len(set(ids)) and all(i.startswith("tag:") for i in ids), "feed entries have unique tag: ids")
    check(len(feed.entries) >= len(status["policies"]), "the feed has at least one entry per policy")

    pages = glob.glob(os.path.join(site, "**", "*.html"), recursive=True)
    for page in pages:
        html = open(page, encoding="utf-8").read()
        name = os.path.relpath(page, site)
        check(re.search(r'<link rel="alternate" type="application/atom\+xml" [^>]*href="[^"]*feed\.xml">', html) is not None, f"{name} links the feed in its head")
        check(re.search(r'<a href="[^"]*governors/"[^>]*>Governors</a>', html) is not None, f"{name} links to the governors' page")


def check_status_command(binary):
    content = os.path.join(ROOT, "content")
    for day, expected, code in [("2017-01-10", "current", 0), ("2017-08-15", "due-soon", 0), ("2017-10-01", "overdue", 3)]:
        result = run(binary, "status", "--content", content, "--as-of", day, "--fail-on", "overdue")
        line = next((l for l in result.stdout.splitlines() if l.startswith("Twitter Policy ")), "")
        check(f"  {expected}  " in line and result.returncode == code,
              f"status --as-of {day}: Twitter Policy is {expected}, --fail-on overdue exits {code} (got {result.returncode}: {line.strip()!r})")
    check(run(binary, "status", "--fail-on", "late").returncode == 64, "a bad --fail-on is a usage error (64)")


def check_review(binary, work):
    content = os.path.join(work, "content")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    git = lambda *arguments: subprocess.run(["git", *arguments], cwd=content, capture_output=True, text=True, check=True)
    git("init", "-q")
    git("-c", "user.name=check", "-c", "user.email=check@example.invalid", "add", "-A")
    git("-c", "user.name=check", "-c", "user.email=check@example.invalid", "commit", "-qm", "before")
    result = run(binary, "review", "twitter-policy", "--reviewed", "2026-11", "--note", "Annual review", "--content", content)
    check(result.returncode == 0, f"review exits 0 ({result.stderr.strip()})")
    diff = git("diff", "-U0").stdout
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    check(changed == ["-last-updated: September 2016", "-next-review: September 2017", "+last-updated: November 2026",
                      "+next-review: November 2027", "+  - reviewed: November 2026", "+    note: Annual review"],
          f"git diff shows only the front-matter lines that had to change {changed}")
    check(git("status", "--porcelain").stdout.strip() == "M policies/twitter-policy.md", "only the policy's file changed")
    status = json.loads(run(binary, "status", "--content", content, "--as-of", "2026-11-24", "--format", "json").stdout)
    twitter = next(p for p in status["policies"] if p["slug"] == "twitter-policy")
    check(twitter["status"] == "current" and twitter["overdueFrom"] == "2027-12-01", f"then status --as-of 2026-11-24 shows it current until November 2027 {twitter}")
    again = run(binary, "review", "twitter-policy", "--reviewed", "2026-10", "--content", content)
    check(again.returncode == 1 and re.search(r"twitter-policy\.md:\d+:\d+: error: .*, expected ", again.stderr) is not None,
          f"a review before the last one is refused with FILE:LINE:COLUMN (exit {again.returncode})")


def check_edit_and_second_review(binary, work):
    """Runs after check_review, on its copy of the content."""
    content = os.path.join(work, "content")
    path = os.path.join(content, "policies", "twitter-policy.md")
    text = open(path, encoding="utf-8").read()
    removed = "- @school_ws is a public account\n"
    check(removed in text, "the Twitter policy has the bullet the edit removes")
    text = text.replace(removed, "").replace("controlled by the whole staff.", "controlled by the office and the whole staff.")
    text += "\n## Reviewing this policy\n\nThe governors review this policy every year.\n"
    open(path, "w", encoding="utf-8").write(text)
    twitter = lambda: next(p for p in json.loads(run(binary, "status", "--content", content, "--as-of", "2026-12-24", "--format", "json").stdout)["policies"]
                          if p["slug"] == "twitter-policy")
    check(twitter()["editedSinceReview"] is True, "after an edit, status.json says editedSinceReview: true")
    checked = run(binary, "check", "--content", content)
    check(checked.returncode == 0 and re.search(r"policies/twitter-policy\.md:\d+:\d+: warning: the text was changed after its last approval", checked.stderr) is not None,
          f"check warns, naming the file ({checked.stderr.strip()[:300]})")
    result = run(binary, "review", "policies/twitter-policy.md", "--reviewed", "December 2026", "--allow-future", "--content", content)
    check(result.returncode == 0 and os.path.exists(os.path.join(content, "approved", "twitter-policy", "2026-12.md")),
          f"review by file name with --reviewed 'December 2026' keeps the approved text ({result.stderr.strip()})")
    check(twitter()["editedSinceReview"] is False, "after the review, editedSinceReview is false again")
    site = os.path.join(work, "site-reviewed")
    built = run(binary, "build", "--content", content, "--output", site, "--as-of", "2026-12-24")
    check(built.returncode == 0, f"the reviewed site builds ({built.stderr.strip()})")
    page = open(os.path.join(site, "policies", "twitter-policy", "index.html"), encoding="utf-8").read()
    check("What changed in the December 2026 review" in page and page.count("<del>") == 1 and page.count("<ins>") == 3,
          "the policy page shows what changed: one removal, three additions (a word and two blocks)")
    check(os.path.exists(os.path.join(site, "policies", "twitter-policy", "versions", "2016-09", "index.html")),
          "the earlier approved text has its own page")
    checker = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "check-site.py"), "--site", site,
                              "--pages", "policies/twitter-policy/*", "--views", "phone,phone-dark,print",
                              "--allow-script", "assets/review-status.js"],
                             capture_output=True, text=True)
    check(checker.returncode == 0, "the policy page with its changes and the version pages pass Nu, axe and the link checks"
          + ("" if checker.returncode == 0 else "\n" + checker.stdout[-3000:] + checker.stderr[-1000:]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/policysite"))
    arguments = parser.parse_args()
    if not os.access(arguments.binary, os.X_OK):
        print(f"check-governors: cannot run: no executable at {arguments.binary} (run swift build)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        check_site(arguments.binary, work)
        check_status_command(arguments.binary)
        check_review(arguments.binary, work)
        check_edit_and_second_review(arguments.binary, work)
    if failures:
        print(f"check-governors: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("check-governors: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
