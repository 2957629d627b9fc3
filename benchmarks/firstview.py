"""First view of built pages in real Chromium: every response during load plus two idle seconds,
each body gzip-compressed (level 6), summed.

    .venv/bin/python benchmarks/firstview.py site/ / /fr/approach/ ...

benchmarks/bench.py calls `first_views`. The site is served by a plain local static server
(the byte count is of the bodies, compressed here, so the server's own compression does not matter).
Chromium is Debian's (/usr/bin/chromium, or $KB_CHROMIUM) driven by Playwright.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import socketserver
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IDLE_MS = 2000
SEARCH_ASSETS = ("search_index", "/workers/search.", "/lunr/")

# The page types of the target, by path inside a language's root; and the heaviest pages of
# their kind besides (the directory of every network, both tools, the library).
PAGE_TYPES = {"home": "", "guidance": "approach/", "network": "networks/apmn/",
              "directory+map": "directory/apmn/", "tool": "tools/find-your-network/",
              "directory all": "directory/", "readiness": "tools/readiness/", "library": "library/"}


def chromium_path() -> str | None:
    for candidate in (os.environ.get("KB_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# {path: (gzip bytes, raw bytes, [urls], [search asset urls])} of each path's first view on `base`.
def measure(base: str, paths: list[str]) -> dict[str, tuple[int, int, list[str], list[str]]]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=FLAGS, headless=True)
        try:
            for path in paths:
                context = browser.new_context(viewport={"width": 412, "height": 823})  # a phone's viewport
                page = context.new_page()
                responses: list = []

                def keep(response, responses=responses) -> None:
                    responses.append(response)

                page.on("response", keep)
                page.goto(base + path, wait_until="load")
                page.wait_for_timeout(IDLE_MS)
                gz = raw = 0
                urls = []
                for response in list(responses):
                    try:
                        body = response.body()
                    except Exception:  # a redirect or an aborted request has no body
                        body = b""
                    raw += len(body)
                    gz += len(gzip.compress(body, 6))
                    urls.append(response.url)
                results[path] = (gz, raw, urls, [u for u in urls if any(s in u for s in SEARCH_ASSETS)])
                context.close()
        finally:
            browser.close()
    return results


# First views of every page type in every language of a built site: {(lang, type): (gzip, raw, urls, search)}.
def first_views(site: Path, languages: tuple[str, ...], default: str = "en",
                types: dict[str, str] | None = None) -> dict[tuple[str, str], tuple[int, int, list[str], list[str]]]:
    types = types or PAGE_TYPES
    paths = {(lang, name): "/" + ("" if lang == default else lang + "/") + rel
             for lang in languages for name, rel in types.items()}
    with serve(site) as base:
        measured = measure(base, list(dict.fromkeys(paths.values())))
    return {key: measured[path] for key, path in paths.items()}


def main(argv: list[str]) -> int:
    site, paths = Path(argv[0]), argv[1:] or ["/"]
    with serve(site) as base:
        for path, (gz, raw, urls, search) in measure(base, paths).items():
            print(f"{path}: {gz / 1024:.1f} KiB gzip ({raw / 1024:.1f} KiB raw), {len(urls)} responses"
                  + (f", search assets: {len(search)}" if search else ""))
            for url in urls:
                print("   ", url.split("/", 3)[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
