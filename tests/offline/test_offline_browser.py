"""Each offline edition, unzipped and opened from file:// in Chromium: renders in its language,
searches, follows links, makes no request outside the file system, and its quick exit (button and
Shift x3) leaves for the neutral page without a referrer, Back not returning to the page read."""
from __future__ import annotations

import re

import pytest
from expected import label, neutral_url

from browser_support import goto, is_file
from browser_support import neutral_context as shared_neutral_context
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
def test_offline_edition_works_from_the_file_system(offline, browser, lang):
    """Home in its language, a search hit in that language, an internal link that opens, all from file://."""
    root = offline.folder(lang)
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.on("request", lambda r: requests.append(r.url))
    goto(page, (root / "index.html").as_uri())

    # The home page renders in its own language.
    assert page.locator("html").get_attribute("lang") == lang
    assert heading(page) == first_heading(lang, "index.md")

    # Search finds the approach page, from this language's own index.
    page.locator("input.md-search__input").click()
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
    page.close()

    assert requests, "no request recorded"
    assert [u for u in requests if not u.startswith("file://")] == []




def neutral_context(browser):
    """A context in which the neutral pages are a local stub (their requests recorded) and any other
    request that is not a file fails."""
    context, seen, _refuse = shared_neutral_context(browser, is_file)
    return context, seen


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_quick_exit_button_and_shift_three_times_leave(offline, browser, lang):
    """From file://, in each zip: the Exit button, then Shift pressed three times (counting down in the
    zip's language), each replace the page with the neutral page of that language, sending no
    referrer, and Back does not return to the page read. Fails when the zip's exit script is missing or
    refused (nothing happens), when the countdown is untranslated, or when Back shows the page read."""
    root = offline.folder(lang)
    home, reading = (root / "index.html").as_uri(), (root / "approach.html").as_uri()
    for how in ("button", "shift"):
        context, seen = neutral_context(browser)
        page = context.new_page()
        goto(page, home)
        goto(page, reading)
        if how == "button":
            exit_link = page.locator("[data-kb-exit-link]")
            assert exit_link.inner_text() == label("quick_exit.button", lang)
            exit_link.click()
        else:
            status = page.locator("[data-kb-exit-status]")
            page.keyboard.press("Shift")
            assert status.inner_text() == label("quick_exit.two_left", lang)
            page.keyboard.press("Shift")
            assert status.inner_text() == label("quick_exit.one_left", lang)
            assert page.url == reading
            page.keyboard.press("Shift")
        page.wait_for_url(neutral_url(lang))
        assert page.title() == "Neutral"
        assert [s["url"] for s in seen] == [neutral_url(lang)], how
        assert "referer" not in seen[-1]["headers"], how
        page.go_back()
        assert page.url == home, how
        context.close()
