"""Valid HTML from the theme: remove the attributes of base.html that no partial override reaches
(kb/theme_markup.py); and, once every language is built, the theme's stylesheets without the rules
no page uses (kb/cssprune.py) and the project's own stylesheet and scripts minified (kb/minify.py)."""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import kbglue
from kb import cssprune, minify, render, theme_markup

log = logging.getLogger("mkdocs.hooks.theme_markup")
THEME_SHEETS = "assets/stylesheets"


# The theme's templates are compiled once per process, not once per language (kb/render.py).
def on_env(env, *, config: MkDocsConfig, files):
    env.bytecode_cache = render.THEME_BYTECODE
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return theme_markup.fix(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return theme_markup.fix(output_content) if template_name.endswith(".html") else output_content


# After static-i18n (priority -100) has built every language and hooks/policy.py (-120) has written
# each language's 404 page: prune the theme's stylesheets (the 404 pages are read and rewritten too).
@event_priority(-125)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not kbglue.whole_site_built(config):
        return
    site = Path(config.site_dir)
    sheets = [p.relative_to(site).as_posix() for p in sorted((site / THEME_SHEETS).glob("*.min.css"))]
    for old, (new, before, after) in cssprune.prune_site(site, sheets).items():
        log.debug("%s -> %s: %d -> %d bytes", old, new, before, after)
    for name, (before, after) in minify.minify_site(site).items():
        log.debug("assets/%s minified: %d -> %d bytes", name, before, after)
