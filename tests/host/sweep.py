"""Visit pages in real Chromium and record what went wrong: responses 4xx/5xx, failed requests,
requests to another origin, console errors, Content-Security-Policy violations, cookies and anything
written to web storage."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from hostsupport import url_path

from browser_support import goto, settle

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@dataclass
class Sweep:
    pages: int = 0
    bad_responses: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    console: list = field(default_factory=list)
    violations: list = field(default_factory=list)
    off_origin: list = field(default_factory=list)
    stored: list = field(default_factory=list)
    requests: int = 0
    first_html_headers: dict = field(default_factory=dict)

    def problems(self) -> list:
        return self.bad_responses + self.failed + self.console + self.violations + self.off_origin + self.stored


# The URL paths of every page of a build (every HTML file; the planted page left out).
def page_paths(site: Path) -> list[str]:
    return [url_path(site, p) for p in sorted(site.rglob("*.html")) if p.parent.name != "planted"]


STORAGE = "() => ({local: localStorage.length, session: sessionStorage.length, cookie: document.cookie})"
EMPTY = {"local": 0, "session": 0, "cookie": ""}


def _request(result: Sweep, base: str, url: str) -> None:
    result.requests += 1
    if not url.startswith((base + "/", "data:", "blob:")):
        result.off_origin.append(("another origin", url))


# Visit every path in one browser context; context options (e.g. http_credentials) pass through.
# Each page: its violations and the state of cookies and web storage (which persist from page to page
# within the origin, so a late write still shows on a later page); at the end, once no request has
# been in flight for 500 ms, storage and the context's cookies once more.
def sweep(browser, base: str, paths: list[str], **options) -> Sweep:
    result = Sweep()
    context = browser.new_context(**options)
    context.on("request", lambda r: _request(result, base, r.url))
    context.add_init_script(RECORD_VIOLATIONS)
    context.on("response", lambda r: r.status >= 400 and result.bad_responses.append((r.status, r.url)))
    # The theme's sitemap lookups start late and a next navigation may abort them: any request for a
    # sitemap is a problem in itself (the site never needs one), answered or not.
    context.on("request", lambda r: r.url.endswith("sitemap.xml") and result.failed.append(("sitemap lookup", r.url)))
    context.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and result.failed.append((r.failure, r.url)))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and result.console.append((page.url, m.text)))
    for index, path in enumerate(paths):
        response = goto(page, base + path, wait_until="networkidle" if index == len(paths) - 1 else "load")
        if not result.first_html_headers:
            result.first_html_headers = dict(response.headers)
        result.violations += [(path, v) for v in page.evaluate("window.__violations")]
        if (state := page.evaluate(STORAGE)) != EMPTY:
            result.stored.append((path, state))
        result.pages += 1
    settle(page)
    result.violations += [(page.url, v) for v in page.evaluate("window.__violations")]
    if (state := page.evaluate(STORAGE)) != EMPTY:
        result.stored.append(("at the end", state))
    result.stored += [("cookie", c["name"]) for c in context.cookies()]
    context.close()
    return result


# Open the planted page: whether the planted script ran, and the violations the browser reported.
def planted(browser, base: str, **options) -> tuple[object, list[str], list[str]]:
    context = browser.new_context(**options)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    goto(page, base + "/planted/", wait_until="networkidle")
    ran = page.evaluate("window.__planted")
    # The browser queues the violation event: wait for it (bounded), as a busy machine may deliver it late.
    deadline = time.monotonic() + 10
    while not page.evaluate("window.__violations.length") and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    violations = page.evaluate("window.__violations")
    context.close()
    return ran, violations, console
