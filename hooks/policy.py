"""MkDocs hook: one security policy for every host, and only known scripts (logic in kb/policy.py).

- The <meta http-equiv="Content-Security-Policy"> of every page (overrides/main.html prints
  config.extra.kb_policy.meta) and the _headers file, both from the allowlist kb/inline_scripts.yml.
- Any other inline script, on...= attribute or javascript: URL in a built page fails the strict build,
  naming the source file and line.
- SITE_URL (kb/siteurl.py): absolute hreflang alternates with x-default (main.html), none without it.
- One 404 page per language (site/<lang>/404.html), the build's edition recorded in kb-build.json;
  the network edition publishes no sitemap.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import kbglue
from kb import policy, siteurl

log = logging.getLogger("mkdocs.hooks.policy")

BUILD_RECORD = "kb-build.json"
_state: dict = {"404": {}}


# ---------------------------------------------------------------- events

# SITE_URL checked and normalised; the meta policy made available to the theme.
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        config.site_url = siteurl.normalise(config.site_url)
    except siteurl.SiteUrlError as error:
        raise PluginError(str(error)) from None
    offline = kbglue.offline_enabled(config)
    # The offline edition opens from file://, where 'self' matches nothing: it carries no meta policy.
    config.extra["kb_policy"] = {"meta": None if offline else policy.site_policy(meta=True)}
    return config


# Absolute hreflang alternates (and x-default) for the page's head, only when SITE_URL is set.
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    files = getattr(page.file, "alternates", None) or {}
    order = languages(config)
    urls = {lang: files[lang].url for lang in order if lang in files}
    context["kb_alternates"] = siteurl.alternates(config.site_url, urls, default_language(config))
    return context


# The sitemap template needs the default language (its x-default).
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["kb_default_language"] = default_language(config)
    return context


# Fail on unlisted scripts; hide head alternates from the theme's sitemap lookup.
@event_priority(-50)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    report(output, Path(page.file.abs_src_path), f"{Path(config.docs_dir).name}/{page.file.src_uri}")
    return siteurl.hide_alternates(output)


@event_priority(-50)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    report(output_content, None, f"template {template_name}")
    output_content = siteurl.hide_alternates(output_content)
    if template_name == "404.html":  # every language's build renders it (each over the last): keep each
        _state["404"][build_language(config)] = output_content
    return output_content


# After each language's build (static-i18n builds the others inside the first one's post_build, at
# priority -100, so the first language's call comes last): each language's 404 page in its folder
# (every build writes the root 404.html over the last), the _headers file, the edition record; no
# sitemap in the network edition. Idempotent: the last call has every language.
@event_priority(-120)
def on_post_build(*, config: MkDocsConfig) -> None:
    write_site_files(config)


def write_site_files(config: MkDocsConfig) -> None:
    root = Path(config.site_dir)
    default = default_language(config)
    for lang, output in _state["404"].items():
        target = root / "404.html" if lang == default else root / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
    edition = kbglue.context(config).edition
    (root / "_headers").write_text(policy.headers_file(policy.site_policy(), edition), encoding="utf-8")
    record = {"edition": edition, "site_url": config.site_url, "languages": languages(config), "default_language": default}
    (root / BUILD_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    if edition == "network":  # nothing for crawlers: no sitemap at all
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (root / name).unlink(missing_ok=True)


# ---------------------------------------------------------------- helpers

# Log every unlisted inline script, event handler or javascript: URL of one built page.
def report(html: str, source: Path | None, where: str) -> None:
    findings = policy.find_unsafe(html)
    if not findings:
        return
    text = source.read_text(encoding="utf-8") if source is not None and source.is_file() else ""
    for finding in findings:
        line = policy.source_line(text, finding) if text else None
        place = f"{where}:{line}" if line else f"{where} (built HTML line {finding.line}, from the theme or a hook)"
        log.warning(f"{place}: {finding.kind} {finding.detail} is not allowed: the Content-Security-Policy runs "
                    "only the scripts listed in kb/inline_scripts.yml. Move the code into a file under "
                    "docs/assets/ (front matter scripts:) or remove it.")


def default_language(config: MkDocsConfig) -> str:
    return next(lang.code for lang in kbglue.languages(config) if lang.default)


def languages(config: MkDocsConfig) -> list[str]:
    return [lang.code for lang in kbglue.languages(config)]


def build_language(config: MkDocsConfig) -> str:
    return kbglue.build_language(config)
