"""Real Chromium for browser tests: Debian's /usr/bin/chromium driven by Playwright, and a local
static server for a built site."""
from __future__ import annotations

import functools
import http.server
import os
import socketserver
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# The Chromium executable: $KB_CHROMIUM, else Debian's, else None (Playwright's own download).
def chromium_path() -> str | None:
    for candidate in (os.environ.get("KB_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


# Launch headless Chromium with Playwright (sync API); yields the browser.
@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


# Navigate and check the answer: a broken path would otherwise hand the test (or axe) the server's
# 404 page. Returns the response; `status` is the one expected (200 unless said).
def goto(page, url: str, status: int = 200, **options):
    response = page.goto(url, **options)
    assert response is not None, f"{url}: no response (a same-document navigation?)"
    assert response.status == status, f"{url}: HTTP {response.status}, expected {status}"
    return response


# Wait until a JavaScript function of the page returns true (page.evaluate, which the page's CSP does
# not govern, unlike wait_for_function's string evaluation); fails after `timeout` seconds.
def until(page, function: str, arg=None, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not page.evaluate(function, arg):
        assert time.monotonic() < deadline, f"never true: {function} ({arg!r})"
        page.wait_for_timeout(50)


# After the observable result of an action: watch the context's requests until none has been in
# flight for `quiet` seconds, so a late request, storage write or CSP report still falls inside the
# watch. Bounded: fails after `timeout` seconds of traffic.
def settle(page, quiet: float = 0.5, timeout: float = 15) -> None:
    context = page.context
    pending: set = set()
    last = [time.monotonic()]

    def started(request) -> None:
        pending.add(request)
        last[0] = time.monotonic()

    def ended(request) -> None:
        pending.discard(request)
        last[0] = time.monotonic()

    context.on("request", started)
    context.on("requestfinished", ended)
    context.on("requestfailed", ended)
    deadline = time.monotonic() + timeout
    try:
        while pending or time.monotonic() - last[0] < quiet:
            assert time.monotonic() < deadline, f"the network never went quiet: {[r.url for r in pending]}"
            page.wait_for_timeout(50)  # lets Playwright deliver the events
    finally:
        context.remove_listener("request", started)
        context.remove_listener("requestfinished", ended)
        context.remove_listener("requestfailed", ended)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


# Serve a folder on 127.0.0.1 (a free port) while the block runs; yields the base URL.
@contextmanager
def serve(folder: Path, headers: dict[str, str] | None = None):
    handler = type("Handler", (_Quiet,), {"extra_headers": headers or {}})
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# The quick exit's neutral page, answered locally by the browser tests (nothing leaves the machine).
NEUTRAL_PAGE = "<!doctype html><html lang='en'><title>Neutral</title><p>Weather</p></html>"


def on_localhost(url: str) -> bool:
    return urlsplit(url).hostname == "127.0.0.1"


def is_file(url: str) -> bool:
    return url.startswith("file://")


# A browser context in which each language's neutral page (mkdocs.yml) is answered with NEUTRAL_PAGE,
# or refused with a 204 while `refuse` holds True (the navigation never happens); each such request is
# recorded in `seen` ({"url", "headers"}). Requests for which local(url) is true go through; any
# other request fails. Returns (context, seen, refuse).
def neutral_context(browser, local=on_localhost, **options):
    from expected import neutral_url

    from sitebuild import LANGUAGES

    context = browser.new_context(**options)
    seen: list[dict] = []
    refuse = [False]
    targets = tuple(neutral_url(lang) for lang in LANGUAGES)

    def handle(route, request):
        if request.url.startswith(targets):
            seen.append({"url": request.url, "headers": request.headers})
            if refuse[0]:
                route.fulfill(status=204, body="")
            else:
                route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        elif local(request.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", handle)
    return context, seen, refuse
