"""Do no harm online: quick exit on every page, rel="noopener noreferrer" on outbound links, Latin
runs isolated in right-to-left pages. The security policy is hooks/policy.py. Logic lives in kb/safety.py."""
from __future__ import annotations

import logging
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import kbglue
from kb import safety

log = logging.getLogger("mkdocs.hooks.safety")


# ---------------------------------------------------------------- events

# Refuse a build whose neutral quick-exit address is missing or not an absolute https:// URL.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    neutral_url(config)
    return config


# The theme prints the front matter's title and description as HTML (<title>, <meta>, the header)
# without escaping: turn them into HTML text once here, so a quote or a "<" an author typed stays
# text. Hooks that want plain text unescape them. The page object is new in every build, so this
# runs once per page and language.
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
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
    labels = kbglue.context(config).labels
    output = safety.insert_exit(output, safety.exit_markup(lang, neutral_url(config), labels))
    output = safety.name_search_dialog(output, labels.get("quick_exit.search_dialog", lang))
    return safety.add_noopener(output, safety.origin_of(config.site_url))




# The neutral public page quick exit goes to: extra.quick_exit.url in mkdocs.yml.
def neutral_url(config: MkDocsConfig) -> str:
    url = (config.extra.get("quick_exit") or {}).get("url")
    if not safety.valid_neutral_url(url):
        raise PluginError(f"extra.quick_exit.url must be an absolute https:// URL, got {url!r}")
    return url
