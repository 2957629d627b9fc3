"""MkDocs hook: each glossary term's definition at its first use in a page (kb.glossary.annotate).

Listed before hooks/markers.py, so it sees the authors' text only: the generated content of html-stage
markers (directories, the glossary itself, the timelines) is put in afterwards and never annotated.
The glossary page (`<!-- kb:glossary -->`) and the timelines (`<!-- kb:timeline apmn -->`) are
marker handlers in kb.glossary and kb.timeline, expanded by the one dispatcher.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import kbglue
from kb.glossary import GLOSSARY_PAGE, MARKER, annotate


# Wrap the first use of each glossary term in its definition, in the reader's language.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    view = kbglue.page_view(page, config, files)
    glossary = view.ctx.catalogue.glossary
    if glossary is None or MARKER in html:
        return html
    with kbglue.build_errors():
        return annotate(html, glossary, view.lang.content, view.lang.reader, view.ctx.labels,
                        view.ctx.templates, view.url_of(GLOSSARY_PAGE))
