"""Printable guidance: one page per language holding every guidance page in nav order, with unique
ids and working links; every page prints without the site's chrome."""
from __future__ import annotations

import collections
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from browser_support import goto, serve
from sitebuild import DEFAULT, LANGUAGES, soup
from sources import GUIDANCE, front_matter


# The expected section titles: each guidance page's front-matter title, in the order.
def expected_titles(lang: str) -> list[str]:
    return [front_matter(lang, path)["title"] for path in GUIDANCE]


# The H2 texts of a page's article, without permalink signs.
def h2_titles(html) -> list[str]:
    return [h.get_text(" ", strip=True).rstrip("¶").strip() for h in html.select("article h2")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_page_holds_every_guidance_page_in_order(built, lang):
    """The hosted print page's H2 headings are the guidance pages' titles, in nav order, each once."""
    assert h2_titles(built.page(lang, "print/")) == expected_titles(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_page_has_their_content_once(built, lang):
    """The first section heading of each guidance page is there, and the unreviewed notice only once."""
    html = built.page(lang, "print/")
    text = html.select_one("article").get_text(" ", strip=True)
    for path in GUIDANCE:
        first = soup(built.lang_dir(lang) / path.replace(".md", "/index.html")).select_one("article h2")
        assert first.get_text(" ", strip=True).rstrip("¶").strip() in text, path
    assert len(html.select("article .kb-notice--unreviewed")) == (0 if lang == DEFAULT else 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_page_ids_are_unique_and_links_work(built, lang):
    """No id appears twice; every #link points at an id of the page; every relative link is a page of the site."""
    path = built.lang_dir(lang) / "print" / "index.html"
    html = soup(path)
    ids = [e["id"] for e in html.find_all(id=True)]
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    here = "/" + path.relative_to(built.site).parent.as_posix() + "/"
    broken = []
    for a in html.select("article a[href]"):
        parts = urlsplit(a["href"])
        if parts.scheme or parts.netloc:
            continue
        if not parts.path:
            if unquote(parts.fragment) not in ids:
                broken.append(a["href"])
            continue
        target = urlsplit(urljoin(here, a["href"])).path
        if not (built.site / target.lstrip("/") / "index.html").is_file() and not (built.site / target.lstrip("/")).is_file():
            broken.append(a["href"])
    assert broken == []
    # Links between guidance pages became in-page links: none leads to an included page any more.
    included = {"/" + ("" if lang == DEFAULT else f"{lang}/") + p.replace(".md", "/") for p in GUIDANCE}
    assert [a["href"] for a in html.select("article a[href]")
            if urlsplit(urljoin(here, a["href"])).path in included] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_offline_edition_has_the_print_page_too(offline, lang):
    """The offline edition's print.html holds the same titles in the same order."""
    assert h2_titles(soup(offline.folder(lang) / "print.html")) == expected_titles(lang)


def test_pages_print_without_the_sites_chrome(built, browser):
    """In print media: no header, sidebars, footer or quick exit; black on white; off-site addresses
    written after their links; a new sheet before each main H2."""
    with serve(built.site) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        goto(page, f"{base}/fr/principles/")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
            '.md-footer', '.kb-exit'].map(s => [s, document.querySelectorAll(s).length > 0 && [...document.querySelectorAll(s)]
            .every(e => getComputedStyle(e).display === 'none')])""")
        assert all(ok for _, ok in hidden), hidden
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
        assert page.evaluate("getComputedStyle(document.querySelector('article')).color") == "rgb(0, 0, 0)"
        link = page.locator('article a[href^="http"]').first
        href = link.get_attribute("href")
        after = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert href in after
        breaks = page.eval_on_selector_all("article h2", "hs => hs.map(h => getComputedStyle(h).breakBefore)")
        assert breaks and breaks[-1] == "page"
        # On screen the same page keeps its header.
        page.emulate_media(media="screen")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") != "none"
