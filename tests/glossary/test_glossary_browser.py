"""In real Chromium: a term's definition opens without JavaScript (click, keyboard) and closes with
Escape; the glossary and network pages, with a definition open, pass axe-core (WCAG 2.2 AA)."""
from __future__ import annotations

from importlib import resources

import pytest
from expected import data

from browser_support import goto, serve
from sitebuild import LANGUAGES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
TERMS = {t["id"]: t for t in data("glossary.yml")["terms"]}  # read with ruamel, not the product's loader


def url(base: str, lang: str, path: str = "") -> str:
    return f"{base}/{path}" if lang == "en" else f"{base}/{lang}/{path}"


@pytest.fixture(scope="module")
def base(built):
    with serve(built.site) as address:
        yield address


def test_definition_opens_and_closes_without_javascript(built, browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, url(base, "fr", "approach/"))
    button = page.locator("article button.kb-term__button").first
    target = button.get_attribute("popovertarget")
    tip = page.locator(f"#{target}")
    assert not tip.is_visible()
    button.click()
    assert tip.is_visible()
    term = TERMS[target.removeprefix("kb-term-")]
    assert " ".join(term["definition"]["fr"].split()) in " ".join(tip.inner_text().split())
    box = tip.bounding_box()
    assert box and box["width"] <= 1280 and box["height"] > 20
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    # Keyboard only: focus the button and press Enter.
    button.focus()
    page.keyboard.press("Enter")
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation_on_glossary_and_history_pages(built, browser, base, lang):
    source = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    problems = []
    for path, open_first in (("glossary/", False), ("networks/atn/", False), ("networks/apmn/", False),
                             ("approach/", True)):
        goto(page, url(base, lang, path))
        if open_first:
            page.locator("article button.kb-term__button").first.click()
        page.evaluate(source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS)
        assert result["passes"], (path, "axe ran no rule that passed: it did not run on this page")
        problems += [(path, v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    context.close()
    assert problems == []
