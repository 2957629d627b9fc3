"""Fallbacks: an English-only page and a deleted translation build in every language, with every
piece of interface (exit, notices, switcher, print page) in the reader's language."""
from __future__ import annotations

import pytest

from project import copy_project, labels, theme_word
from sitebuild import build_site

READERS = ("fr", "es", "ar")
NEW_PAGE = """---
title: Field notes in English only
---

# Field notes in English only

This guidance page exists only in English so far.
"""


@pytest.fixture(scope="module")
def fallback_build(tmp_path_factory):
    """The site with an English-only guidance page in the nav and the French principles page deleted."""
    root = copy_project(tmp_path_factory.mktemp("fallback") / "project")
    (root / "docs" / "en" / "field-notes.md").write_text(NEW_PAGE, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - Before you engage directly: before-you-engage.md\n" in config
    config = config.replace("      - Before you engage directly: before-you-engage.md\n",
                            "      - Before you engage directly: before-you-engage.md\n"
                            "      - Field notes: field-notes.md\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs" / "fr" / "principles.md").unlink()
    build = build_site(root / "site", project=root)
    assert build.returncode == 0, build.log[-3000:]
    return build


@pytest.mark.parametrize("lang", READERS)
def test_english_only_page_speaks_the_readers_language_around_english_text(fallback_build, lang):
    """Exit, fallback notice, switcher label and <html lang> are the reader's; the text is marked English."""
    words = labels()
    page = fallback_build.page(lang, "field-notes/")
    assert page.html["lang"] == lang
    exit_link = page.select_one("[data-kb-exit-link]")
    assert exit_link.get_text(strip=True) == words["quick_exit.button"][lang]
    assert words["quick_exit.button"][lang] != words["quick_exit.button"]["en"]
    notice = page.select_one(".kb-notice--fallback .admonition-title")
    assert notice is not None and notice.get_text(strip=True) == words["notice.fallback.title"][lang]
    selector = page.select_one(".md-select")
    assert selector is not None
    assert selector.find_previous("button") is not None or selector.find("button") is not None
    assert theme_word("select.language", lang) in str(page.select_one(".md-header"))
    english = page.select_one('article [lang="en"]')
    assert english is not None and "only in English" in english.get_text()


@pytest.mark.parametrize("lang", READERS)
def test_print_page_includes_the_english_only_page_with_its_notice(fallback_build, lang):
    """The printable guidance of each language holds the new page, with the fallback notice in that language."""
    page = fallback_build.page(lang, "print/")
    section = page.select_one("#kb-print-field-notes")
    assert section is not None
    notice = section.select_one(".kb-notice--fallback .admonition-title")
    assert notice is not None and notice.get_text(strip=True) == labels()["notice.fallback.title"][lang]
    assert "only in English" in section.get_text()


def test_deleted_translation_falls_back_and_is_printed(fallback_build):
    """Deleting docs/fr/principles.md keeps the build green: the French site shows the English page."""
    page = fallback_build.page("fr", "principles/")
    notice = page.select_one(".kb-notice--fallback .admonition-title")
    assert notice is not None and notice.get_text(strip=True) == labels()["notice.fallback.title"]["fr"]
    assert page.select_one('article [lang="en"]') is not None
    assert fallback_build.page("fr", "print/").select_one("#kb-print-principles") is not None
