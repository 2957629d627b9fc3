"""Visit pages in real Chromium and record what went wrong: responses 4xx/5xx, failed requests,
console errors and Content-Security-Policy violations."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hostsupport import url_path

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
    first_html_headers: dict = field(default_factory=dict)

    def problems(self) -> list:
        return self.bad_responses + self.failed + self.console + self.violations


# The URL paths of every page of a build (every HTML file; the planted page left out).
def page_paths(site: Path) -> list[str]:
    return [url_path(site, p) for p in sorted(site.rglob("*.html")) if p.parent.name != "planted"]


# Visit every path in one browser context; context options (e.g. http_credentials) pass through.
def sweep(browser, base: str, paths: list[str], **options) -> Sweep:
    result = Sweep()
    context = browser.new_context(**options)
    context.add_init_script(RECORD_VIOLATIONS)
    context.on("response", lambda r: r.status >= 400 and result.bad_responses.append((r.status, r.url)))
    # The theme's sitemap lookups start late and a next navigation may abort them: any request for a
    # sitemap is a problem in itself (the site never needs one), answered or not.
    context.on("request", lambda r: r.url.endswith("sitemap.xml") and result.failed.append(("sitemap lookup", r.url)))
    context.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and result.failed.append((r.failure, r.url)))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and result.console.append((page.url, m.text)))
    for index, path in enumerate(paths):
        response = page.goto(base + path, wait_until="networkidle" if index == len(paths) - 1 else "load")
        if not result.first_html_headers:
            result.first_html_headers = dict(response.headers)
        result.violations += [(path, v) for v in page.evaluate("window.__violations")]
        result.pages += 1
    page.wait_for_timeout(300)
    context.close()
    return result


# Open the planted page: whether the planted script ran, and the violations the browser reported.
def planted(browser, base: str, **options) -> tuple[object, list[str], list[str]]:
    context = browser.new_context(**options)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    page.goto(base + "/planted/", wait_until="networkidle")
    ran = page.evaluate("window.__planted")
    violations = page.evaluate("window.__violations")
    context.close()
    return ran, violations, console
