"""MkDocs hook: one search index per language, written as UTF-8 (logic: kb.search)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import kbglue
from kb.search import rebase_search, split_by_language, write_index

log = logging.getLogger("mkdocs.hooks.search_split")


# Point the search of a non-default language page at that language's own index (a fallback page
# is searched in the language it stands in for: the reader's).
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    prefix = language_prefix(config, kbglue.page_language(page, config).reader)
    return rebase_search(output, prefix) if prefix else output


# After static-i18n (priority -100) has built the other languages and written its combined index,
# split whatever entries the search plugin holds by language and write each language's own index.
# A nested language build holds one language; the outer build ends holding all of them.
@event_priority(-110)
def on_post_build(*, config: MkDocsConfig) -> None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not hasattr(search, "search_index"):
        return
    ctx = kbglue.context(config)
    settings = {"separator": search.config.separator, "pipeline": search.config.pipeline,
                "fields": search.config.fields}
    for lang, docs in split_by_language(search.search_index.entries, ctx.codes, ctx.default).items():
        path = Path(config.site_dir, language_prefix(config, lang), "search", "search_index.json")
        write_index(path, lang, docs, settings, as_script=ctx.offline)
        log.debug("search index for %s: %d entries -> %s", lang, len(docs), path)


# The URL prefix of a language ("" for the default language).
def language_prefix(config: MkDocsConfig, lang: str | None) -> str:
    ctx = kbglue.context(config)
    return "" if not lang or lang == ctx.default else lang
