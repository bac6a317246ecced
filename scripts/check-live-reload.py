#!/usr/bin/env python3
"""Proves the preview's live reload in a real browser (headless Chromium via Selenium).

With `policysite serve` running on a fresh site it opens a policy page, then:
  1. edits the policy's title and expects the open page to show it within a second,
     without any reload from this script;
  2. breaks the policy's front matter and expects the error banner to appear on the
     still-open page, with the last good title still shown;
  3. fixes it and expects the banner to go;
  4. checks what another site can read: a page elsewhere that includes the status as a
     script (the old JSONP) or fetches it gets nothing, and a name that another site makes
     resolve to 127.0.0.1 (DNS rebinding, faked with Chromium's --host-resolver-rules) is
     refused by the server.
Exit status 0 when all of that holds, 1 otherwise.

Usage: scripts/check-live-reload.py [PATH/TO/policysite]
(default: .build/debug/policysite; build it first with `swift build`).
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/policysite")
POLICY = "content/policies/parent-code-of-conduct.md"
PAGE = "/policies/parent-code-of-conduct/"
BANNER = "policysite-preview-errors"


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def wait_for(condition, limit):
    """Polls condition() every 20 ms; returns the seconds it took, or None after limit."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if condition():
                return time.monotonic() - started
        except WebDriverException:
            pass  # the page was between documents while it reloaded itself
        time.sleep(0.02)
    return None


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def banner_text(driver):
    found = driver.find_elements(By.ID, BANNER)
    return found[0].text if found else None


def check_other_sites(driver, address):
    """What a page on another site can learn from the preview: nothing."""
    port = address.rsplit(":", 1)[1]
    # A page with no origin of the preview's: the old attack included the status as a
    # script with a callback of its own, or fetched it.
    driver.get("about:blank")
    outcome = driver.execute_async_script("""
        var done = arguments[arguments.length - 1], base = arguments[0], results = {};
        window.policysitePreview = { update: function (status) { results.leaked = status; } };
        function include(name) {
          return new Promise(function (resolve) {
            var script = document.createElement("script");
            script.src = base + "/__policysite/" + name;
            script.onload = function () { resolve(name + " ran"); };
            script.onerror = function () { resolve(name + " refused"); };
            document.head.appendChild(script);
          });
        }
        var fetched = fetch(base + "/__policysite/status.json")
          .then(function (response) { return "fetch read " + response.status; })
          .catch(function () { return "fetch refused"; });
        Promise.all([include("status.js"), include("status.json"), fetched]).then(function (all) {
          results.steps = all;
          done(results);
        });
    """, address)
    if "leaked" in outcome:
        fail(f"another site's page read the status: {outcome}")
    if outcome["steps"] != ["status.js refused", "status.json refused", "fetch refused"]:
        fail(f"another site's page got something from the status: {outcome['steps']}")
    print(f"ok: a page on another site gets nothing from the status ({', '.join(outcome['steps'])})")

    # The server itself refuses a status request that says it comes from elsewhere.
    request = urllib.request.Request(address + "/__policysite/status.json", headers={"Sec-Fetch-Site": "cross-site"})
    try:
        urllib.request.urlopen(request, timeout=5)
        fail("the status was answered to a cross-site request")
    except urllib.error.HTTPError as error:
        if error.code != 403:
            fail(f"a cross-site status request got {error.code}, expected 403")
    print("ok: the server answers a cross-site status request with 403")

    # DNS rebinding: the browser sends the attacker's name in the Host header.
    driver.get(f"http://attacker.test:{port}{PAGE}")
    text = driver.find_element(By.TAG_NAME, "body").text
    if "Conduct" in text or "answers only to" not in text:
        fail(f"a page under another name was served: {text[:200]!r}")
    print("ok: a page asked for under another name (DNS rebinding) is refused")


def main():
    workspace = tempfile.mkdtemp(prefix="policysite-live-reload-")
    server = driver = None
    try:
        site = os.path.join(workspace, "site")
        subprocess.run([BINARY, "init", site], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([BINARY, "new", "policy", "Parent Code of Conduct"], cwd=site, check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen([BINARY, "serve", "--port", "0"], cwd=site, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        address = None
        for line in server.stdout:
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match:
                address = match.group(0).rstrip("/")
                break
        if not address:
            fail("serve printed no address")

        options = Options()
        options.binary_location = "/usr/bin/chromium"
        # attacker.test resolves to this machine, as a rebinding attacker's name would.
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--host-resolver-rules=MAP attacker.test 127.0.0.1"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.get(address + PAGE)
        if heading(driver) != "Parent Code of Conduct":
            fail(f"unexpected heading {heading(driver)!r}")
        # Marks this document. This script never reloads or navigates again, so when the
        # marker is gone the page must have reloaded itself.
        driver.execute_script("window.__openedByTest = true;")

        path = os.path.join(site, POLICY)
        original = open(path, encoding="utf-8").read()

        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original.replace('title: "Parent Code of Conduct"', 'title: "Code of Conduct for Parents"'))
        took = wait_for(lambda: heading(driver) == "Code of Conduct for Parents", 3)
        if took is None:
            fail("the open page did not show the edited title")
        if took > 1:
            fail(f"the open page took {took:.2f} s to show the edit (limit 1 s)")
        if driver.execute_script("return window.__openedByTest === true;"):
            fail("the page did not reload itself")
        print(f"ok: the edit appeared in the open page after {took:.2f} s")

        broken = original.replace('title: "Parent Code of Conduct"', 'title: "Code of Conduct for Parents"')
        broken = re.sub(r"next-review: .*", "next-review: Smarch 2030", broken)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(broken)
        took = wait_for(lambda: (banner_text(driver) or "").find("Smarch") >= 0, 3)
        if took is None:
            fail("no error banner after a broken edit")
        if heading(driver) != "Code of Conduct for Parents":
            fail("the last good page was not kept under the banner")
        if "parent-code-of-conduct.md:" not in banner_text(driver):
            fail(f"the banner does not name the file: {banner_text(driver)!r}")
        print(f"ok: the error banner appeared after {took:.2f} s over the last good page")

        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        took = wait_for(lambda: banner_text(driver) is None and heading(driver) == "Parent Code of Conduct", 3)
        if took is None:
            fail("the banner did not go after the fix")
        print(f"ok: the fix cleared the banner after {took:.2f} s")

        # The sites have no favicon; the browser asking for one is not the preview's doing.
        errors = [entry for entry in driver.get_log("browser")
                  if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", "")]
        if errors:
            fail(f"the browser logged errors (a Content-Security-Policy refusal?): {errors}")
        print("ok: no browser errors")

        check_other_sites(driver, address)
    finally:
        if driver:
            driver.quit()
        if server:
            server.send_signal(signal.SIGINT)
            try:
                if server.wait(timeout=10) != 0:
                    fail(f"serve exited with {server.returncode} after Ctrl-C")
            except subprocess.TimeoutExpired:
                server.kill()
                fail("serve did not stop on Ctrl-C")
        shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
