"""Per-page language notices: an unreviewed translation says so, in the page's language."""
from __future__ import annotations

import logging
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.labels import DEFAULT_LANGUAGE, labels_for

log = logging.getLogger("mkdocs.hooks.i18n_pages")


# ---------------------------------------------------------------- events

# Put the "not yet reviewed" notice above a translated page whose front matter says reviewed: false.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page)
    record = page.meta.get("translation")
    if lang == DEFAULT_LANGUAGE or not isinstance(record, dict) or record.get("reviewed") is not False:
        return html
    labels = labels_for(config.config_file_path)
    english = english_url(page)
    link = f' <a href="{escape(english)}" hreflang="en">{escape(labels.get("notice.unreviewed.link", lang))}</a>' if english else ""
    notice = (
        '<div class="admonition note kb-notice kb-notice--unreviewed" role="note" data-search-exclude>'
        f'<p class="admonition-title">{escape(labels.get("notice.unreviewed.title", lang))}</p>'
        f'<p>{escape(labels.get("notice.unreviewed.body", lang))}{link}</p></div>'
    )
    return notice + html


# ---------------------------------------------------------------- helpers

# The page's language, from its file (static-i18n sets file.locale); never from module state.
def page_language(page: Page) -> str:
    return getattr(page.file, "locale", None) or DEFAULT_LANGUAGE


# The relative URL of the English version of a page, or None where there is none.
def english_url(page: Page) -> str | None:
    alternates = getattr(page.file, "alternates", {}) or {}
    english = alternates.get(DEFAULT_LANGUAGE)
    if english is None:
        return None
    return get_relative_url(english.url or ".", page.url or ".")
