"""Each offline edition, unzipped and opened from file:// in Chromium: renders in its language,
searches, follows links, and makes no request outside the file system."""
from __future__ import annotations

import re

import pytest

from browser_support import chromium
from sitebuild import LANGUAGES
from sources import first_heading, front_matter

ARABIC = re.compile(r"[\u0600-\u06FF]")


# The last word of the approach page's title (the noun, never a stop word like "Nuestro").
def search_word(lang: str) -> str:
    return re.findall(r"\w+", front_matter(lang, "approach.md")["title"])[-1]


# The text of the page's H1 without its permalink sign.
def heading(page) -> str:
    return page.eval_on_selector(
        "article h1", "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_edition_works_from_the_file_system(offline, lang):
    """Home in its language, a search hit in that language, an internal link that opens, all from file://."""
    root = offline.folder(lang)
    requests: list[str] = []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto((root / "index.html").as_uri())

        # The home page renders in its own language.
        assert page.locator("html").get_attribute("lang") == lang
        assert heading(page) == first_heading(lang, "index.md")

        # Search finds the approach page, from this language's own index.
        page.locator("input.md-search__input").click()
        page.wait_for_timeout(500)
        page.locator("input.md-search__input").press_sequentially(search_word(lang), delay=50)
        # Playwright types non-Latin letters as text input without key events; the theme searches on
        # keyup, as a real keyboard sends: one harmless key press does the same.
        page.keyboard.press("End")
        page.wait_for_function("document.querySelectorAll('.md-search-result__item a').length > 0", timeout=15000)
        hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
        assert hrefs and all(h.startswith(root.as_uri() + "/") for h in hrefs), hrefs
        assert any(h.split("#")[0] == (root / "approach.html").as_uri() for h in hrefs), hrefs
        # Result titles are in the page's script (bodies may quote other languages' own names,
        # as the translation status table does).
        results = " ".join(page.eval_on_selector_all(".md-search-result__item h1, .md-search-result__item h2",
                                                     "els => els.map(e => e.innerText)"))
        if lang == "ar":
            assert ARABIC.search(results)
        else:
            assert not ARABIC.search(results)
        page.keyboard.press("Escape")

        # An internal link opens its page: the navigation entry of the approach page.
        page.locator('nav.md-nav--primary a[href="approach.html"]').first.click()
        page.wait_for_load_state("load")
        assert page.url == (root / "approach.html").as_uri()
        assert heading(page) == first_heading(lang, "approach.md")
        assert page.locator("html").get_attribute("lang") == lang

    assert requests, "no request recorded"
    assert [u for u in requests if not u.startswith("file://")] == []
