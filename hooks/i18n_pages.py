"""MkDocs hook: what readers see of translations (logic and templates: kb.translations_view).

- Notices above a page, in the reader's language: a fallback page (English shown because the
  translation is missing), an outdated translation, a translation not yet reviewed.
- The fallback page's English content is marked as English (lang, dir) inside the reader's page.
- The language switcher marks a language where the page is missing ("Español (sin traducir)").
"""
from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import kbglue
from kb.translations import MISSING
from kb.translations_view import page_notices, report_of
from kb.urls import relative_url


# Put the notices above a page; mark a fallback page's content with its own language.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    view = kbglue.page_view(page, config, files)
    with kbglue.build_errors():
        notices = page_notices(view, kbglue.page_path(page), english_url(page, view.ctx.source))
        if view.lang.fallback:
            language = view.ctx.language(view.lang.content)
            html = view.ctx.render("lang_block.html", block_lang=language.code, block_dir=language.dir,
                                   content=Markup(html))
    return notices + html


# Mark the switcher entries of languages that lack this page (static-i18n links them to the English fallback).
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    # static-i18n sets a fresh per-page copy as an attribute (config.extra.alternate), which the
    # template reads before the mapping key of the same name; only that copy may be changed.
    alternates = getattr(config.extra, "alternate", None) or []
    view = kbglue.page_view(page, config, [])
    report, rel = report_of(view), kbglue.page_path(page)
    if rel not in report.pages:
        return context
    for alternate in alternates:
        lang = alternate.get("lang")
        if lang in report.languages and report.cell(rel, lang).state == MISSING:
            marker = view.ctx.t("switcher.missing", lang)
            if not str(alternate.get("name", "")).endswith(marker):
                alternate["name"] = f'{alternate.get("name", lang)} {marker}'
    return context


# The relative URL of the English version of a page, or None where there is none.
def english_url(page: Page, default: str) -> str | None:
    english = (getattr(page.file, "alternates", {}) or {}).get(default)
    return None if english is None else relative_url(english.url or ".", page.url or ".")
