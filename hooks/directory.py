"""MkDocs hook: replace kb: markers with directories, network facts and maps; mark the network edition.

The logic lives in kb.directory; this file only connects it to MkDocs events.
"""
from __future__ import annotations

import logging
import re
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.catalogue import get_catalogue
from kb.directory import PageInfo, edition_of, render_markers
from kb.labels import DEFAULT_LANGUAGE, labels_for, page_language

log = logging.getLogger("mkdocs.hooks.directory")
BODY_RE = re.compile(r"<body[^>]*>")


# Check the edition once per language build: only 'public' or 'network' (else a build error).
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    edition_of(config)
    return config


# Replace the page's kb: markers with content rendered from the edition's data, in the page's language.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "kb:" not in html:
        return html
    root = Path(config.config_file_path).parent
    catalogue = get_catalogue(config).for_edition(edition_of(config))
    lang = page_language(page)
    info = PageInfo(src=f"docs/{page.file.src_uri}", lang=lang, url=page.url,
                    directories=directory_links(files, lang, page.url))
    return render_markers(html, info, catalogue, labels_for(config.config_file_path), root / "overrides" / "kb")


# In the network edition, put the "do not share" notice at the top of every page.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _mark_edition(output, page_language(page), config)


# The same for pages built from theme templates (404.html), in the language being built.
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    return _mark_edition(output, config.theme.get("language") or DEFAULT_LANGUAGE, config)


# ---------------------------------------------------------------- helpers

# The page's language, from its file (static-i18n sets file.locale).
# Relative links to this language's directory page of each network (as built: clean URLs online,
# .html files in the offline edition).
def directory_links(files: Files, lang: str, page_url: str) -> dict[str, str]:
    links = {}
    for file in files.documentation_pages():
        parts = file.src_uri.split("/")
        if len(parts) == 3 and parts[0] == lang and parts[1] == "directory" and parts[2].endswith(".md"):
            links[parts[2][:-3]] = get_relative_url(file.url, page_url)
    return links


# Insert the network-edition notice after <body> and ask robots not to index (network edition only).
def _mark_edition(output: str, lang: str, config: MkDocsConfig) -> str:
    if edition_of(config) != "network" or "kb-edition-notice" in output:
        return output
    labels = labels_for(config.config_file_path)
    notice = (f'<div class="kb-edition-notice" role="note" lang="{escape(lang)}" data-search-exclude>'
              f'<strong>{escape(labels.get("edition.network.title", lang))}</strong> '
              f'{escape(labels.get("edition.network.body", lang))}</div>')
    output = output.replace("</head>", '<meta name="robots" content="noindex, nofollow">\n</head>', 1)
    return BODY_RE.sub(lambda m: m.group(0) + notice, output, count=1)
