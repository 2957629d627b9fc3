"""The four-language site: every page in every language, right direction, switcher, per-language search."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from sitebuild import DEFAULT, LANGUAGES, ROOT, english_pages

PAGES = english_pages()
NAV_WORDS = {"fr": "Notre approche", "es": "Nuestro enfoque", "ar": "نهجنا", "en": "Our approach"}
SEARCH_PLACEHOLDER = {"en": "Search", "fr": "Rechercher", "es": "Búsqueda", "ar": "بحث"}
ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_the_english_tree_has_the_guidance_pages():
    """The source tree holds at least the pages the issue asks for."""
    for page in ["", "approach/", "principles/", "before-you-engage/", "networks/apmn/", "networks/atn/"]:
        assert page in PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_english_page_exists_in_every_language(built, lang):
    """Each page of docs/en has a built page in each language."""
    missing = [p for p in PAGES if not (built.lang_dir(lang) / p / "index.html").is_file()]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_its_own_source_file(lang):
    """No page is left to the English fallback: each language folder has every file."""
    root = Path(__file__).resolve().parents[2] / "docs"
    english = {p.relative_to(root / DEFAULT) for p in (root / DEFAULT).rglob("*.md")}
    here = {p.relative_to(root / lang) for p in (root / lang).rglob("*.md")}
    assert english - here == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lang_and_direction(built, lang):
    """<html lang> is the page's language; Arabic pages are right to left, the others left to right."""
    for page in PAGES:
        html = built.page(lang, page)
        assert html.html["lang"] == lang, page
        assert html.body["dir"] == ("rtl" if lang == "ar" else "ltr"), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_keeps_the_reader_on_the_same_page(built, lang):
    """Each switcher link leads to the same page in the other language, and that page exists."""
    for page in PAGES:
        here = f"/{'' if lang == DEFAULT else lang + '/'}{page}"
        links = {a["hreflang"]: a["href"] for a in built.page(lang, page).select("a.md-select__link[hreflang]")}
        assert set(links) == set(LANGUAGES), page
        for other, href in links.items():
            target = urlsplit(urljoin(here, href)).path
            expected = f"/{'' if other == DEFAULT else other + '/'}{page}"
            assert target == expected, (page, other, href)
            assert (built.site / target.lstrip("/") / "index.html").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_and_interface_are_in_the_page_language(built, lang):
    """Navigation titles and Material's own interface words are translated."""
    html = built.page(lang, "approach/")
    nav = " ".join(a.get_text(" ", strip=True) for a in html.select("nav.md-nav--primary a"))
    assert NAV_WORDS[lang] in nav
    others = [word for code, word in NAV_WORDS.items() if code != lang]
    assert not any(word in nav for word in others)
    assert html.select_one("input.md-search__input")["placeholder"] == SEARCH_PLACEHOLDER[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_only_its_language(built, lang):
    """A language's index lists only that language's pages, every one of them exists, and it is UTF-8."""
    path = built.lang_dir(lang) / "search" / "search_index.json"
    raw = path.read_text(encoding="utf-8")
    index = json.loads(raw)
    assert index["config"]["lang"] == [lang]
    assert "\\u0" not in raw
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == set(PAGES) - {"translation-status/"}
    for doc in index["docs"]:
        assert (built.lang_dir(lang) / doc["location"].split("#")[0] / "index.html").is_file()
    if lang == "ar":
        assert ARABIC.search(raw)
    else:
        assert not ARABIC.search(" ".join(d["title"] for d in index["docs"]))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_translation_status_table_is_kept_out_of_the_search(built, lang):
    """The maintainers' status table, which repeats every page's title, is in no language's index (its
    front matter says so in each language), so a search for a page's title finds the page, not the table.
    Fails when a translation loses `search: exclude` (the table's page comes back in that index)."""
    index = json.loads((built.lang_dir(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("translation-status/")]
    assert built.page(lang, "translation-status/").select("tr[data-page]")  # the page itself is still built


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_search_their_own_language_index(built, lang):
    """The page's search configuration points at its own language's index."""
    for page in PAGES:
        config = json.loads(built.page(lang, page).select_one("script#__config").string)
        here = f"/{'' if lang == DEFAULT else lang + '/'}{page}"
        base = urljoin(here, config["base"])  # as the theme does: new URL(base, location)
        assert urljoin(base, "search/search_index.json") == f"/{'' if lang == DEFAULT else lang + '/'}search/search_index.json"


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_unreviewed_translations_say_so(built, lang):
    """A page marked reviewed: false shows the notice in its own language, linking to English."""
    from expected import label
    from sitebuild import ROOT

    unreviewed = [md for md in sorted((ROOT / "docs" / lang).rglob("*.md"))
                  if "reviewed: false" in md.read_text(encoding="utf-8")]
    assert unreviewed, f"no {lang} page is marked reviewed: false, so this test checks nothing"
    for md in unreviewed:
        rel = md.relative_to(ROOT / "docs" / lang).with_suffix("")
        page = "" if rel.name == "index" and rel.parent == Path(".") else (
            f"{rel.parent}/" if rel.name == "index" else f"{rel}/")
        notice = built.page(lang, page).select_one(".kb-notice--unreviewed")
        assert notice is not None, md
        assert label("notice.unreviewed.body", lang) in notice.get_text()
        assert notice.a["hreflang"] == "en"


def test_english_pages_carry_no_translation_notice(built):
    """The source language has no 'not reviewed' notice."""
    for page in PAGES:
        assert built.page("en", page).select_one(".kb-notice--unreviewed") is None


def test_every_stylesheet_and_script_a_page_asks_for_is_in_the_build(built):
    """Every <link rel=stylesheet> and <script src> of every page, 404 pages included, names a file of
    the build. Fails when a step renames an asset after some pages were written (the pruned theme CSS
    gets a new fingerprint; the 404 pages were once written after the renaming and kept the old name)."""
    from sitebuild import soup

    checked = 0
    pages = built.html_files()
    assert any(p.name == "404.html" for p in pages)
    for path in pages:
        doc = soup(path)
        refs = [link["href"] for link in doc.select('link[rel~="stylesheet"][href]')]
        refs += [script["src"] for script in doc.select("script[src]")]
        assert refs, path
        for ref in refs:
            if urlsplit(ref).scheme:
                continue
            target = urlsplit(ref).path
            if target.startswith("/"):
                file = built.site / target.lstrip("/")
            else:
                file = (path.parent / target).resolve()
            assert file.is_file(), (path.relative_to(built.site).as_posix(), ref)
            checked += 1
    assert checked > len(pages) * 3


def test_every_page_loads_one_small_project_stylesheet_and_minified_own_assets(built):
    """Besides the theme's fingerprinted stylesheets, every page links one stylesheet of the project's
    own (kb.css, tool pages included) and no print-only sheet that would block screen rendering; the
    built copies of the project's own stylesheet and scripts are minified: smaller than their sources
    in docs/assets and without comments (issue 22)."""
    import gzip

    from sitebuild import soup

    for path in built.html_files():
        sheets = [link["href"] for link in soup(path).select('link[rel~="stylesheet"][href]')]
        own = [s for s in sheets if "/stylesheets/" not in s]
        assert [s.rsplit("/", 1)[-1] for s in own] == ["kb.css"], (path.relative_to(built.site).as_posix(), sheets)
    css = (built.site / "assets" / "kb.css").read_bytes()
    assert len(gzip.compress(css, 6)) < 4000
    sources = sorted(p for p in (ROOT / "docs" / "assets").iterdir() if p.suffix in (".css", ".js"))
    assert len(sources) >= 6
    for source in sources:
        shipped = (built.site / "assets" / source.name).read_text(encoding="utf-8")
        assert len(shipped) < source.stat().st_size and "/*" not in shipped, source.name
