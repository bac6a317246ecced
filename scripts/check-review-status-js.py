#!/usr/bin/env python3
"""The banner stays true when nobody rebuilds: build the example site as of 2017-08-15
(the Twitter policy then "due soon"), serve it, and open it in headless Chromium with the
reader's clock faked, checking what assets/review-status.js makes of each page.

  - a reader in November 2026 sees "Review overdue" (banner, index row, governors row),
    with the class, data-status, icon and sentence to match, and the footer says so;
  - a reader on 2017-08-20 still sees "Review due soon", as the build wrote it;
  - with JavaScript off, the page shows the build's status.

The clock is faked by replacing Date before any page script runs (CDP
Page.addScriptToEvaluateOnNewDocument), so `new Date()` and `Date.now()` give the chosen day.

usage: scripts/check-review-status-js.py [--binary .build/debug/policysite]
Exit status: 0 passed; 1 a check failed; 2 the check could not run.
"""
import argparse, functools, http.server, os, subprocess, sys, tempfile, threading

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError as error:
    print(f"check-review-status-js: cannot run: {error}", file=sys.stderr)
    sys.exit(2)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FAKE_CLOCK = """
(() => {
  const fixed = new Date(%d, %d, %d, 12, 0, 0).getTime();
  const Real = Date;
  function FakeDate(...args) {
    if (!new.target) { return new Real(fixed).toString(); }
    return args.length ? new Real(...args) : new Real(fixed);
  }
  FakeDate.prototype = Real.prototype;
  FakeDate.now = () => fixed;
  FakeDate.parse = Real.parse;
  FakeDate.UTC = Real.UTC;
  Date = FakeDate;
})();
"""

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def browser(day=None, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if day is not None:
        year, month, date = day
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % (year, month - 1, date)})
    return driver


def text(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text.strip()


def attribute(driver, selector, name):
    return driver.find_element(By.CSS_SELECTOR, selector).get_attribute(name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/policysite"))
    arguments = parser.parse_args()
    if not os.access(arguments.binary, os.X_OK):
        print(f"check-review-status-js: cannot run: no executable at {arguments.binary} (run swift build)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as work:
        site = os.path.join(work, "site")
        subprocess.run([arguments.binary, "build", "--content", os.path.join(ROOT, "content"),
                        "--templates", os.path.join(ROOT, "templates"), "--output", site, "--as-of", "2017-08-15"],
                       check=True, stdout=subprocess.DEVNULL)
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
        http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            run_checks(base)
            run_parity_checks(base, arguments.binary, work)
        finally:
            server.shutdown()

    if failures:
        print(f"check-review-status-js: {len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("check-review-status-js: passed")
    return 0


def run_checks(base):
    policy = base + "policies/twitter-policy/"
    row = '.policy-card:has(a[href="policies/twitter-policy/"]) .status'
    governors_row = 'tr[data-next-review="2017-09"]'

    driver = browser(javascript=False)
    try:
        driver.get(policy)
        check(text(driver, "#review-status .banner__label") == "! Review due soon:", "without JavaScript the banner shows the build's status (due soon)")
    finally:
        driver.quit()

    driver = browser(day=(2017, 8, 20))
    try:
        driver.get(policy)
        check(driver.execute_script("return new Date().getFullYear()") == 2017, "the faked clock is in force (2017)")
        check(text(driver, "#review-status .banner__label") == "! Review due soon:", "a reader on 2017-08-20 still sees 'Review due soon'")
        check(text(driver, "#review-status .banner__sentence") == "This policy is due for review in September 2017, in 1 month.",
              "a reader on 2017-08-20 reads the same sentence as the build")
        check(not driver.find_element(By.CSS_SELECTOR, "#review-status .banner__still-applies").is_displayed(),
              "a policy due soon does not say it 'still applies until it has been reviewed'")
    finally:
        driver.quit()

    driver = browser(day=(2026, 11, 24))
    try:
        driver.get(policy)
        check(driver.execute_script("return new Date().getFullYear()") == 2026, "the faked clock is in force (2026)")
        label = text(driver, "#review-status .banner__label")
        check("Review overdue" in label, f"a reader in 2026 sees 'Review overdue' on the policy page (saw {label!r})")
        check(label == "\u2715 Review overdue:", f"the banner's icon and label both change (saw {label!r})")
        check(attribute(driver, "#review-status", "data-status") == "overdue", "the banner's data-status is overdue")
        check("banner--overdue" in attribute(driver, "#review-status", "class").split()
              and "banner--due-soon" not in attribute(driver, "#review-status", "class").split(), "the banner's class is banner--overdue")
        sentence = text(driver, "#review-status .banner__sentence")
        check(sentence == "This policy was due for review in September 2017, 9 years and 2 months ago.", f"the sentence counts from the reader's date (saw {sentence!r})")
        note = driver.find_element(By.CSS_SELECTOR, "#review-status .banner__still-applies")
        check(note.is_displayed() and note.text.startswith("This policy still applies until it has been reviewed. To ask about it, contact the school office"),
              f"once overdue on the reader's date, the banner says the policy still applies and whom to ask (saw {note.text!r})")
        footer = text(driver, "[data-review-as-of]")
        check("24 November 2026" in footer and "15 August 2017" in footer, f"the footer says whose date the statuses are for (saw {footer!r})")

        driver.get(base)
        check("Review overdue" in text(driver, row), "a reader in 2026 sees 'Review overdue' on the index")
        check(attribute(driver, row, "data-status") == "overdue", "the index row's data-status is overdue")

        driver.get(base + "governors/")
        check("Review overdue" in text(driver, governors_row + " .status__label"), "a reader in 2026 sees 'Review overdue' on the governors' page")
        check(text(driver, governors_row + " .status__timing") == "9 years and 2 months ago", "the governors' page says how long ago")
        check("status--overdue" in attribute(driver, governors_row, "class").split(), "the governors' row's class is status--overdue")
        logs = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE" and entry.get("source") != "network"]
        check(not logs, f"no script errors in the console ({logs})")
    finally:
        driver.quit()


# Reader dates on both sides of every boundary of the example policies: the script must say
# exactly what a build on that day says.
PARITY_DAYS = ["2017-06-30", "2017-07-01", "2017-09-30", "2017-10-01", "2018-10-01",
               "2025-12-15", "2025-12-16", "2026-03-15", "2026-03-16", "2026-11-24"]
PARITY_PAGES = ["policies/twitter-policy/", "policies/complaints-procedure/", "", "governors/"]


def page_statuses(driver):
    """Every status element's data-status and visible text, and the counts above them, in page order."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('[data-next-review], [data-review-summary]')).map(e =>
            [e.getAttribute('data-status'), e.className, e.innerText.replace(/\\s+/g, ' ').trim()]);""")


def run_parity_checks(base, binary, work):
    built = {}
    for day in PARITY_DAYS:
        site = os.path.join(work, "as-of-" + day)
        subprocess.run([binary, "build", "--content", os.path.join(ROOT, "content"), "--templates", os.path.join(ROOT, "templates"),
                        "--output", site, "--as-of", day], check=True, stdout=subprocess.DEVNULL)
        built[day] = site
    driver = browser(javascript=False)
    expected = {}
    try:
        for day, site in built.items():
            for page in PARITY_PAGES:
                driver.get("file://" + os.path.join(site, page, "index.html"))
                expected[(day, page)] = page_statuses(driver)
    finally:
        driver.quit()
    driver = browser()
    try:
        for day in PARITY_DAYS:
            year, month, date = (int(part) for part in day.split("-"))
            script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % (year, month - 1, date)})
            for page in PARITY_PAGES:
                driver.get(base + page)
                seen = page_statuses(driver)
                check(seen == expected[(day, page)], f"a reader on {day} sees on /{page} what a build on {day} shows"
                      + ("" if seen == expected[(day, page)] else f": {seen} != {expected[(day, page)]}"))
            driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
