"""The printable page of each language (docs/<lang>/print.md): its marker is replaced by every
guidance page's rendered content, in nav order (kb.printing).

Robust ordering: MkDocs renders the Markdown of every page (on_page_content) before it renders any
template, so when on_page_context runs for the print page, every page of the same language build
already holds its final HTML in `page.content` (notices included). We read those, in the order of
the language's own `nav`, instead of rendering Markdown a second time or patching HTML files after
the build. This runs after the search plugin's on_page_context, so the search index keeps the print
page's own short text and does not list every guidance passage twice.
"""
from __future__ import annotations

import logging
from html import unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from kb.labels import labels_for, page_language
from kb.printing import MARKER, PRINT_PAGES, combine, section_id

log = logging.getLogger("mkdocs.hooks.print_all")


# ---------------------------------------------------------------- events

# Fill the print page of this language with the guidance pages, and list them in its table of contents.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if not page.content or MARKER not in page.content:
        return context
    lang = page_language(page)
    found = {source_path(p, lang): p for p in nav.pages}
    missing = [path for path in PRINT_PAGES if path not in found]
    if missing:
        log.warning("print page %s: guidance pages not in the nav: %s", page.file.src_uri, ", ".join(missing))
    order = {id(p): i for i, p in enumerate(nav.pages)}
    chosen = sorted((found[path] for path in PRINT_PAGES if path in found), key=lambda p: order[id(p)])
    pages = [(source_path(p, lang), page_title(p), p.url, p.content or "") for p in chosen]
    contents = labels_for(config.config_file_path).get("print.contents", lang)
    page.content = page.content.replace(MARKER, combine(pages, print_url=page.url, contents_label=contents))
    if page.toc.items:
        page.toc.items[0].children.extend(AnchorLink(title, section_id(path), 2) for path, title, _, _ in pages)
    return context


# ---------------------------------------------------------------- helpers

# A page's source path inside its language folder ("fr/networks/apmn.md" -> "networks/apmn.md").
def source_path(page: Page, lang: str) -> str:
    uri = page.file.src_uri
    return uri[len(lang) + 1:] if uri.startswith(f"{lang}/") else uri


# The page's own title (front matter), not the shorter nav label, as plain text (hooks/safety.py
# has made the front matter title HTML text for the theme).
def page_title(page: Page) -> str:
    return unescape(str(page.meta.get("title") or page.title or ""))
