"""The ZIM files in a real Kiwix reader: Debian's kiwix-serve (what Wi-Fi hotspots such as
Internet-in-a-Box run) serves all four, and real Chromium opens each main page and follows a link.
Nothing is requested from another host, no script fails, right-to-left holds in Arabic, and
kiwix-serve's own full-text search finds the approach page by a word of each language."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from urllib.parse import quote, urlsplit

import pytest

from browser_support import goto
from sitebuild import LANGUAGES, ROOT

# Words of each approach page without combining marks: Debian's kiwix-serve 3.3 (libzim 8) does not
# strip accents or hamza from queries as libzim 9 does when indexing (test_zim_files checks those).
WORDS = {"en": "emotional", "fr": "survivants", "es": "sobrevivientes", "ar": "الجمعيات"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def kiwix(zims):
    """kiwix-serve on 127.0.0.1 serving the four ZIM files; yields its base URL."""
    program = shutil.which("kiwix-serve")
    assert program, "kiwix-serve is missing: `make test` installs Debian's kiwix-tools (apt-get install kiwix-tools)"
    port = free_port()
    process = subprocess.Popen([program, "--address", "127.0.0.1", "--port", str(port),
                                *(str(zims.path(lang)) for lang in LANGUAGES)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("kiwix-serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def heading(lang: str, page: str) -> str:
    text = (ROOT / "docs" / lang / page).read_text(encoding="utf-8")
    return re.search(r"^# (.+?)\s*$", text, re.M).group(1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kiwix_serve_shows_the_pages_in_chromium(kiwix, browser, lang):
    """The main page opens in Chromium through kiwix-serve, a link leads to the approach page, every
    request stays on the local server and no script fails."""
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    goto(page, f"{kiwix}/kb-guide-{lang}", wait_until="load")
    assert page.locator("article h1").first.inner_text().rstrip("¶").strip() == heading(lang, "index.md")
    assert page.get_attribute("html", "lang") == lang
    if lang == "ar":
        assert page.get_attribute("body", "dir") == "rtl"
    assert page.locator("[data-kb-exit], .md-search").count() == 0
    page.locator('nav a[href$="approach.html"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("approach.html")
    assert page.locator("article h1").first.inner_text().rstrip("¶").strip() == heading(lang, "approach.md")
    context.close()
    assert errors == []
    hosts = {urlsplit(u).hostname for u in requests if not u.startswith(("data:", "blob:", "about:"))}
    assert hosts == {"127.0.0.1"}, hosts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kiwix_serve_full_text_search_in_each_language(kiwix, lang):
    """kiwix-serve's search (the ZIM's own Xapian index) finds the approach page by a word of the language."""
    word = WORDS[lang]
    assert word in (ROOT / "docs" / lang / "approach.md").read_text(encoding="utf-8")
    with urllib.request.urlopen(f"{kiwix}/search?content=kb-guide-{lang}&pattern={quote(word)}", timeout=10) as r:
        html = r.read().decode("utf-8")
    found = re.findall(rf'href="/kb-guide-{lang}/(?:A/)?([^"]+\.html)"', html)
    print(f"kiwix-serve {lang}: {word!r} -> {found}")
    assert "approach.html" in found
