"""MkDocs hook: the edition. The network edition says "do not share" at the top of every page (in
the reader's language) and asks robots not to index it; the hosted build publishes the offline
zips of its own edition (kb.downloads)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import kbglue
from kb.downloads import publish_editions
from kb.html import after_body_open, into_head


# In the network edition, put the "do not share" notice at the top of every page.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _mark(output, kbglue.page_language(page, config).reader, config)


# The same for pages built from theme templates (404.html), in the language being built.
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    return _mark(output, kbglue.build_language(config), config)


# Copy the zips named in the offline manifest into site/downloads/ (hosted build only).
def on_post_build(*, config: MkDocsConfig) -> None:
    ctx = kbglue.context(config)
    if not ctx.offline:
        publish_editions(ctx.root, ctx.edition, Path(config.site_dir))


# The notice after <body> and the robots meta before </head> (network edition only).
def _mark(output: str, lang: str, config: MkDocsConfig) -> str:
    ctx = kbglue.context(config)
    if ctx.edition != "network" or "kb-edition-notice" in output:
        return output
    notice = ctx.render("edition_notice.html", t=ctx.words(lang), lang=lang)
    return after_body_open(into_head(output, ctx.render("head_noindex.html")), notice)
