"""Do no harm online: quick exit on every page, rel="noopener noreferrer" on outbound links, Latin
runs isolated in right-to-left pages. The security policy is hooks/policy.py. Logic lives in kb/safety.py."""
from __future__ import annotations

import logging
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import kbglue
from kb import quick_exit, safety
from kb.zim import zim_enabled

log = logging.getLogger("mkdocs.hooks.safety")
EXIT_MARKUP = "quick_exit_markup"  # BuildContext.extra key: the rendered control per (language, neutral page)


# ---------------------------------------------------------------- events

# Refuse a build whose neutral quick-exit addresses are missing, not https:// or this site.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    neutral_urls(config)
    return config


# The theme prints the front matter's title and description as HTML (<title>, <meta>, the header)
# without escaping: turn them into HTML text once here, so a quote or a "<" an author typed stays
# text. Hooks that want plain text unescape them. The page object is new in every build, so this
# runs once per page and language.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    neutral_urls(config)  # for the safety page's practice marker (kb.quick_exit), in this build's context
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = escape(value, quote=True)
    return markdown


# In right-to-left pages, isolate Latin runs (names, codes, numbers) so they keep their order.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if kbglue.context(config).language(kbglue.page_language(page, config).content).dir == "rtl":
        return safety.isolate_latin_runs(html)
    return html


# Put the quick-exit control first in the body, name the search dialog, mark outbound links noopener noreferrer.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return protect(output, kbglue.page_language(page, config).reader, config)


# The 404 page is rendered from a template, not a page: give it the same quick exit and link rules.
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    return protect(output_content, kbglue.build_language(config), config)


# The _headers file and the Content-Security-Policy are written by hooks/policy.py (kb/policy.py).


# ---------------------------------------------------------------- helpers

# Quick exit first in the body, the search dialog named, outbound links noopener noreferrer.
def protect(output: str, lang: str, config: MkDocsConfig) -> str:
    ctx = kbglue.context(config)
    labels = ctx.labels
    if not zim_enabled(config):  # Kiwix cannot replace the page by an outside one: no quick exit in a ZIM
        url = neutral_urls(config)[lang]
        # The same control on every page of a language: rendered once per build context (labels,
        # templates), language and neutral page.
        made = ctx.extra.setdefault(EXIT_MARKUP, {})
        if (lang, url) not in made:
            made[lang, url] = quick_exit.exit_markup(ctx.templates, lang, url, labels)
        output = safety.insert_exit(output, made[lang, url])
    output = safety.name_search_dialog(output, labels.get("quick_exit.search_dialog", lang))
    return safety.add_noopener(output, safety.origin_of(config.site_url))




# The neutral public page of each language (extra.quick_exit.url in mkdocs.yml), checked, and kept
# in the build context for the practice marker.
def neutral_urls(config: MkDocsConfig) -> dict[str, str]:
    ctx = kbglue.context(config)
    with kbglue.build_errors():
        urls = quick_exit.neutral_urls((config.extra.get("quick_exit") or {}).get("url"), ctx.codes, config.site_url)
    ctx.extra[quick_exit.URLS] = urls
    return urls
