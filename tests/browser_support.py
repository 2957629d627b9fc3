"""Real Chromium for browser tests: Debian's /usr/bin/chromium driven by Playwright, and a local
static server for a built site."""
from __future__ import annotations

import functools
import http.server
import os
import socketserver
import threading
from contextlib import contextmanager
from pathlib import Path

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
