"""Per-page language notices, in the reader's language, and the translation status page.

- A translated page whose English source changed since it was translated says so (outdated).
- A translated page not yet reviewed by a native speaker says so (unreviewed).
- A page missing in the reader's language, shown in English by static-i18n's fallback, says so.
  static-i18n marks such a page by its file: `file.locale` is the language of the source file ("en")
  while `file.locale_alternate_of` is the language being built (the reader's language).
- The language switcher marks a language where the page is missing ("Español (sin traducir)").
- `<!-- kb:translation-status -->` on a page becomes the table of every page in every language.

The translation state comes from kb.translations (front matter `translation: {source_hash, reviewed}`);
it is computed once per build and kept on the config object, keyed by a fingerprint of docs/**/*.md.
A malformed record fails the build; outdated or missing translations never do.
"""
from __future__ import annotations

import logging
from html import escape
from pathlib import Path, PurePath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.labels import DEFAULT_LANGUAGE, Labels, labels_for, page_language
from kb.translations import CURRENT, MISSING, OUTDATED, Report, TranslationRecordError, fingerprint, scan

log = logging.getLogger("mkdocs.hooks.i18n_pages")

STATUS_MARKER = "<!-- kb:translation-status -->"
STATUS_PAGE = "translation-status.md"
SYMBOLS = {CURRENT: "✓", OUTDATED: "!", MISSING: "✗", "unreviewed": "?"}
CACHE_ATTRIBUTE = "_kb_translation_report"


# ---------------------------------------------------------------- events

# Once per language build: read every translation record (cached by fingerprint: hashed once per build).
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    translation_report(config, refresh=True)
    return files


# Put the notices above a page, and the status table in place of its marker.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    report = translation_report(config)
    labels = labels_for(config.config_file_path)
    reader, source = reader_language(page), page_language(page)
    rel = normalised_path(page)
    if STATUS_MARKER in html:
        html = html.replace(STATUS_MARKER, status_table(report, reader, labels, language_names(config), page, files))
    notices = []
    if source == DEFAULT_LANGUAGE and reader != DEFAULT_LANGUAGE:
        status = status_page_url(page, files)
        notices.append(notice("fallback", reader, labels, status, None))
        html = f'<div lang="{DEFAULT_LANGUAGE}" dir="ltr">{html}</div>'
    elif source != DEFAULT_LANGUAGE and rel in report.pages:
        cell = report.cell(rel, source)
        english = english_url(page)
        if cell.state == OUTDATED:
            notices.append(notice("outdated", source, labels, english, DEFAULT_LANGUAGE))
        if cell.unreviewed:
            notices.append(notice("unreviewed", source, labels, english, DEFAULT_LANGUAGE))
    return "".join(notices) + html


# Mark the switcher entries of languages that lack this page (static-i18n links them to the English fallback).
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: object) -> dict:
    # static-i18n sets a fresh per-page copy as an attribute (config.extra.alternate), which the
    # template reads before the mapping key of the same name; only that copy may be changed.
    alternates = getattr(config.extra, "alternate", None) or []
    rel = normalised_path(page)
    report = translation_report(config)
    if rel not in report.pages:
        return context
    labels = labels_for(config.config_file_path)
    for alternate in alternates:
        lang = alternate.get("lang")
        if lang in report.languages and report.cell(rel, lang).state == MISSING:
            marker = labels.get("switcher.missing", lang)
            if not str(alternate.get("name", "")).endswith(marker):
                alternate["name"] = f'{alternate.get("name", lang)} {marker}'
    return context


# ---------------------------------------------------------------- helpers

# The build's translation report: computed once per set of files (fingerprint), kept on the config object.
# on_files checks the fingerprint (once per language build); page events reuse what it stored.
def translation_report(config: MkDocsConfig, refresh: bool = False) -> Report:
    cached = getattr(config, CACHE_ATTRIBUTE, None)
    if cached is not None and not refresh:
        return cached[1]
    docs_dir = Path(config.docs_dir)
    key = (str(docs_dir), fingerprint(docs_dir))
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        report = scan(docs_dir, all_languages(config), DEFAULT_LANGUAGE)
    except TranslationRecordError as error:
        raise PluginError(f"Malformed translation record: {error}") from None
    setattr(config, CACHE_ATTRIBUTE, (key, report))
    log.debug("translation records read: %d pages, languages %s", len(report.pages), report.languages)
    return report


# Every configured language code (the i18n plugin's), English first.
def all_languages(config: MkDocsConfig) -> list[str]:
    i18n = config.plugins.get("i18n")
    return list(i18n.all_languages) if i18n is not None else [DEFAULT_LANGUAGE]


# Language code -> its name in itself, as configured for the switcher.
def language_names(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {}
    return {lang.locale: lang.name or lang.locale for lang in i18n.config.languages}




# The language the reader is reading in: the language being built (differs from the file's on a fallback).
def reader_language(page: Page) -> str:
    return getattr(page.file, "locale_alternate_of", None) or page_language(page)


# The page's path inside its language folder ("approach.md").
def normalised_path(page: Page) -> str:
    norm = getattr(page.file, "norm_src_uri", None)
    if norm:
        return norm
    parts = PurePath(page.file.src_uri).parts
    return PurePath(*parts[1:]).as_posix() if len(parts) > 1 else page.file.src_uri


# The relative URL of the English version of a page, or None where there is none.
def english_url(page: Page) -> str | None:
    alternates = getattr(page.file, "alternates", {}) or {}
    english = alternates.get(DEFAULT_LANGUAGE)
    if english is None:
        return None
    return get_relative_url(english.url or ".", page.url or ".")


# The relative URL of the translation status page in this build (None if the build has none).
def status_page_url(page: Page, files: Files) -> str | None:
    target = files.get_file_from_path(STATUS_PAGE)
    if target is None or target.url == page.url:
        return None
    return get_relative_url(target.url or ".", page.url or ".")


# One notice (kind: outdated, unreviewed or fallback), escaped, excluded from search.
def notice(kind: str, lang: str, labels: Labels, link: str | None, link_lang: str | None) -> str:
    anchor = ""
    if link:
        hreflang = f' hreflang="{escape(link_lang)}"' if link_lang else ""
        anchor = f' <a href="{escape(link)}"{hreflang}>{escape(labels.get(f"notice.{kind}.link", lang))}</a>'
    style = "note" if kind == "unreviewed" else "warning"
    return (
        f'<div class="admonition {style} kb-notice kb-notice--{kind}" role="note" data-search-exclude>'
        f'<p class="admonition-title">{escape(labels.get(f"notice.{kind}.title", lang))}</p>'
        f'<p>{escape(labels.get(f"notice.{kind}.body", lang))}{anchor}</p></div>'
    )


# A status label with its text symbol (meaning never carried by colour alone).
def state_label(state: str, lang: str, labels: Labels) -> str:
    return f'<span class="kb-status__symbol" aria-hidden="true">{SYMBOLS[state]}</span> {escape(labels.get(f"status.{state}", lang))}'


# The status table (pages by languages) and the totals table, in the reader's language.
def status_table(report: Report, reader: str, labels: Labels, names: dict[str, str], page: Page, files: Files) -> str:
    head = "".join(
        f'<th scope="col" lang="{escape(lang)}">{escape(names.get(lang, lang))}</th>' for lang in report.languages
    )
    rows = []
    for rel in report.pages:
        title = report.titles.get((rel, reader)) or report.titles.get((rel, DEFAULT_LANGUAGE)) or rel
        target = files.get_file_from_path(rel)
        name = escape(title)
        if target is not None:
            name = f'<a href="{escape(get_relative_url(target.url or ".", page.url or "."))}">{name}</a>'
        cells = []
        for lang in report.languages:
            cell = report.cell(rel, lang)
            text = state_label(cell.state, reader, labels)
            if cell.unreviewed:
                text += "<br>" + state_label("unreviewed", reader, labels)
            reviewed = "" if cell.reviewed is None else f' data-reviewed="{str(cell.reviewed).lower()}"'
            cells.append(f'<td data-lang="{escape(lang)}" data-state="{cell.state}"{reviewed}>{text}</td>')
        rows.append(f'<tr data-page="{escape(rel)}"><th scope="row">{name} <code>{escape(rel)}</code></th>{"".join(cells)}</tr>')
    totals = []
    for state in (CURRENT, OUTDATED, MISSING, "unreviewed"):
        counts = "".join(
            f'<td data-lang="{escape(lang)}" data-total="{state}">{report.totals(lang)[state]}</td>' for lang in report.languages
        )
        totals.append(f'<tr><th scope="row">{state_label(state, reader, labels)}</th>{counts}</tr>')
    return (
        '<div class="kb-translation-status">'
        f'<table class="kb-status-table"><caption>{escape(labels.get("status.caption", reader))}</caption>'
        f'<thead><tr><th scope="col">{escape(labels.get("status.page", reader))}</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
        f'<table class="kb-status-totals"><caption>{escape(labels.get("status.totals", reader))}</caption>'
        f'<thead><tr><td></td>{head}</tr></thead><tbody>{"".join(totals)}</tbody></table></div>'
    )
