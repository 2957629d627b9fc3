"""MkDocs hook: the tools for National Societies (find your network, readiness self-check).

Markers in a page's Markdown are replaced after it is converted to HTML:
- `<!-- kb:find-network -->`: the country chooser (shown by its script) and the data it reads;
- `<!-- kb:network-table -->`: the networks and their members as a plain table (no script needed);
- `<!-- kb:readiness -->` ... `<!-- /kb:readiness -->`: the areas (headings and question lists)
  become the self-check form; `<!-- kb:readiness-result -->`: the result panel.
Logic lives in kb.tools; this file only finds the markers and the links of the page.
"""
from __future__ import annotations

import logging
from typing import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.catalogue import Catalogue, get_catalogue
from kb.labels import labels_for, page_language
from kb.models import Kind
from kb.tools import (Links, ToolError, area_titles, find_network_html, members_table, readiness_form,
                      readiness_result)

log = logging.getLogger("mkdocs.hooks.tools")

FIND = "<!-- kb:find-network -->"
TABLE = "<!-- kb:network-table -->"
READY_START = "<!-- kb:readiness -->"
READY_END = "<!-- /kb:readiness -->"
READY_RESULT = "<!-- kb:readiness-result -->"


# Replace the tool markers of a page with the tools, in the page's language.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if FIND not in html and TABLE not in html and READY_START not in html:
        return html
    lang = page_language(page)
    labels = labels_for(config.config_file_path)
    cat = get_catalogue(config).for_edition("public")
    links = page_links(page, files, lang, sorted(cat.networks))
    label = lambda key: labels.get(key, lang)  # noqa: E731
    try:
        if FIND in html:
            html = html.replace(FIND, find_network_html(cat, lang, label, links), 1)
        if TABLE in html:
            html = html.replace(TABLE, members_table(cat, lang, label, links), 1)
        if READY_START in html:
            html = _readiness(html, label, links, cat, lang)
    except (ToolError, KeyError) as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
    return html


# The self-check: the marked region becomes the form, the result marker the result panel.
def _readiness(html: str, label: Callable[[str], str], links: Links, cat: Catalogue, lang: str) -> str:
    start = html.index(READY_START)
    end = html.find(READY_END, start)
    if end < 0 or READY_RESULT not in html[end:]:
        raise ToolError(f"the self-check needs {READY_END} after the areas and {READY_RESULT} after that")
    region = html[start + len(READY_START):end]
    form = readiness_form(region, label)
    ifrc = next((o for o in cat.organisations.values() if o.kind is Kind.IFRC), None)
    result = readiness_result(area_titles(region), label, links, ifrc, lang)
    html = html[:start] + form + html[end + len(READY_END):]
    return html.replace(READY_RESULT, result, 1)


# Relative links from this page to the network pages, the directory pages (only where they exist)
# and the find-your-network tool, all in the page's language.
def page_links(page: Page, files: Files, lang: str, networks: list[str]) -> Links:
    def rel(path: str) -> str | None:
        target = files.get_file_from_path(f"{lang}/{path}")
        return get_relative_url(target.url, page.url) if target is not None else None

    network_pages = {n: rel(f"networks/{n}.md") for n in networks}
    missing = [n for n, url in network_pages.items() if url is None]
    if missing:
        raise PluginError(f"{page.file.src_uri}: no page networks/{missing[0]}.md in {lang}")
    directories = {n: url for n in networks if (url := rel(f"directory/{n}.md"))}
    return Links(networks=network_pages, directories=directories,  # type: ignore[arg-type]
                 find_network=rel("tools/find-your-network.md"))
