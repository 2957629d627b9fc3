"""MkDocs hook: expand every `<!-- kb:... -->` marker through the one dispatcher (kb.markers).

The page's Markdown is scanned once: an unknown, misplaced or unclosed marker fails the build
naming file and line. Then each stage runs at its event: `markdown` before conversion, `html` once
converted, `context` when every page of the language holds its HTML (the printable page). A marker
left over at the end fails the build too.
"""
from __future__ import annotations

from html import unescape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

import kbglue
from kb import markers
from kb.printing import PAGES, Printed, section_id

LINES = "kb_marker_lines"  # page.meta key: the line of each marker, for later stages' messages


# Scan the Markdown for markers (all problems at once), then expand the markdown-stage ones.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "kb:" not in markdown:
        return markdown
    view = kbglue.page_view(page, config, files)
    with kbglue.build_errors():
        found = markers.scan(markdown, view.src, sorted(view.ctx.catalogue.networks), first_line(page, markdown))
        page.meta[LINES] = markers.marker_lines(found)
        markdown = markers.expand(markdown, "markdown", view, page.meta[LINES])
    feed = view.state.get("feed")
    if feed:
        page.meta["kb_feed"] = feed
    return markdown


# Expand the html-stage markers in the converted page.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "kb:" not in html:
        return html
    view = kbglue.page_view(page, config, files)
    with kbglue.build_errors():
        return markers.expand(html, "html", view, page.meta.get(LINES))


# The printable page: every page to print (extra.print in mkdocs.yml), in this language's nav order.
# MkDocs renders every page's Markdown before any template, so each holds its final HTML here.
@event_priority(-50)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if not page.content or not markers.has_stage(page.content, "context"):
        return context
    view = kbglue.page_view(page, config, [f for f in kbglue.page_files(_files_of(nav))])
    wanted = print_paths(config)
    chosen = [p for p in nav.pages if kbglue.page_path(p) in wanted]
    missing = sorted(wanted - {kbglue.page_path(p) for p in chosen})
    if missing:
        kbglue.warn("%s: extra.print names pages that are not in the navigation: %s", view.src, ", ".join(missing))
    view.state[PAGES] = [Printed(kbglue.page_path(p), unescape(str(p.meta.get("title") or p.title or "")),
                                 p.url, p.content or "") for p in chosen]
    with kbglue.build_errors():
        page.content = markers.expand(page.content, "context", view, page.meta.get(LINES))
    if view.state[PAGES] and page.toc.items:
        page.toc.items[0].children.extend(AnchorLink(p.title, section_id(p.path), 2) for p in view.state[PAGES])
    return context


# Nothing that looks like a marker may reach a published page.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if "kb:" in output:
        view = kbglue.page_view(page, config, [])
        with kbglue.build_errors():
            markers.leftovers(output, view, page.meta.get(LINES))
    return output


# ---------------------------------------------------------------- helpers

# The pages to print, by path in a language folder: every page of the nav sections named in
# extra.print.sections (mkdocs.yml's own nav, so translated section titles do not matter), and
# the pages listed in extra.print.pages.
def print_paths(config: MkDocsConfig) -> set[str]:
    settings = (config.get("extra") or {}).get("print") or {}
    sections = set(settings.get("sections") or [])
    paths = set(settings.get("pages") or [])

    def walk(items: list, inside: bool) -> None:
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, list):
                        walk(value, inside or title in sections)
                    elif inside and isinstance(value, str):
                        paths.add(value)
            elif inside and isinstance(item, str):
                paths.add(item)

    walk(config.get("nav") or [], False)
    return paths


# The line of the source file where the Markdown MkDocs hands us starts (after the front matter).
def first_line(page: Page, markdown: str) -> int:
    try:
        with open(page.file.abs_src_path or "", encoding="utf-8-sig") as handle:
            total = len(handle.read().splitlines())
    except OSError:
        return 1
    return max(1, total - len(markdown.splitlines()) + 1)


# The Files behind a navigation (its pages' files).
def _files_of(nav: Navigation) -> Files:
    return Files([p.file for p in nav.pages])
