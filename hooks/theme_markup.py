"""Valid HTML from the theme: remove the attributes of base.html that no partial override reaches
(kb/theme_markup.py)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb import theme_markup


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return theme_markup.fix(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return theme_markup.fix(output_content) if template_name.endswith(".html") else output_content
