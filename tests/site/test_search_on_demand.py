"""Search on demand, in real Chromium: no search asset (index, worker, lunr files) is requested before
the reader first uses search, and search answers text that arrives without key events (paste,
dictation, input methods), in all four languages, on first use while the index is still loading."""
from __future__ import annotations

import re

import pytest
import yaml

from browser_support import goto, serve, settle
from sitebuild import LANGUAGES, ROOT

SEARCH_ASSETS = re.compile(r"search_index\.|/workers/search\.|/lunr/")
RESULTS = ".md-search-result__item a"  # waited for with locators: the page's CSP refuses string evaluation


# The last word of the approach page's title in a language (read from the source, not the output).
def search_word(lang: str) -> str:
    text = (ROOT / "docs" / lang / "approach.md").read_text(encoding="utf-8")
    title = yaml.safe_load(re.match(r"^---\n(.*?)\n---\n", text, re.S).group(1))["title"]
    return re.findall(r"\w+", title)[-1]


def home(base: str, lang: str) -> str:
    return f"{base}/" if lang == "en" else f"{base}/{lang}/"


def result_hrefs(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


@pytest.fixture(scope="module")
def browser_and_base(built, browser):
    with serve(built.site) as base:
        yield browser, base


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_loads_on_first_use_and_answers_text_without_key_events(browser_and_base, lang):
    """No search request until the box is used; text inserted without key events (first use, index
    still loading) gives results of this language's index, and so does a later paste."""
    browser, base = browser_and_base
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    goto(page, home(base, lang), wait_until="load")
    settle(page)  # the page is quiet: anything eager would have asked by now
    assert [u for u in requests if SEARCH_ASSETS.search(u)] == []

    # First use: focus, then the text arrives at once as an input method or dictation gives it (no key event).
    box = page.locator("input.md-search__input")
    box.focus()
    page.keyboard.insert_text(search_word(lang))
    page.locator(RESULTS).first.wait_for(timeout=20000)
    prefix = home(base, lang)
    hrefs = result_hrefs(page)
    assert hrefs and all(h.startswith(prefix) for h in hrefs), hrefs
    assert any(h.split("#")[0] == prefix + "approach/" for h in hrefs), hrefs
    index = "search/search_index.json"
    assert [u for u in requests if "search_index" in u] == [prefix + index]
    assert any("/workers/search." in u for u in requests)

    # A paste once the index is ready: the value set by script and one input event, no key event.
    page.evaluate("""() => {
        const box = document.querySelector('input.md-search__input');
        box.value = '';
        box.dispatchEvent(new Event('input', {bubbles: true}));
    }""")
    page.locator(RESULTS).first.wait_for(state="detached", timeout=10000)
    page.evaluate("""word => {
        const box = document.querySelector('input.md-search__input');
        box.value = word;
        box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
    }""", search_word(lang))
    page.locator(RESULTS).first.wait_for(timeout=20000)
    assert any(h.split("#")[0] == prefix + "approach/" for h in result_hrefs(page))
    context.close()


@pytest.mark.parametrize("key", ["/", "click"])
def test_the_search_key_or_button_starts_loading(browser_and_base, key):
    """The theme's search key and a click on the search box each start the download of the index."""
    browser, base = browser_and_base
    context = browser.new_context()
    page = context.new_page()
    goto(page, f"{base}/fr/", wait_until="load")
    with page.expect_request(lambda r: "search_index.json" in r.url, timeout=10000) as request:
        if key == "click":
            page.locator("input.md-search__input").click()
        else:
            page.locator("body").press(key)
    assert request.value.url == f"{base}/fr/search/search_index.json"
    context.close()

