"""The one place where the hooks meet MkDocs: the build context, page views and error conversion.

Every hook imports this module (MkDocs puts hooks/ on sys.path while it imports a hook). It makes
the BuildContext once per build from mkdocs.yml and the i18n plugin, and caches it on the config
object (static-i18n reuses one config for every language; `serve` makes a new one per rebuild),
reloading when the data, the labels or the settings change. A page's language comes from
`page_language` and nowhere else; kb/ errors become PluginError here.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.catalogue import DataError, data_fingerprint, load_catalogue
from kb.context import BuildContext, Language, PageFile, PageLanguage, PageView
from kb.errors import KbError
from kb.labels import load_labels
from kb.translations import TranslationRecordError, fingerprint, scan
from kb.translations_view import REPORT
from kb.urls import relative_url

log = logging.getLogger("mkdocs.hooks.kb")
ATTRIBUTE = "_kb_cache"
T = TypeVar("T")


# ---------------------------------------------------------------- errors

# Turn the package's errors into MkDocs build errors (the message already says file, line and fix).
@contextmanager
def build_errors() -> Iterator[None]:
    try:
        yield
    except KbError as error:
        raise PluginError(str(error)) from None


# ---------------------------------------------------------------- the build context

def _plugin(config: MkDocsConfig, *names: str) -> Any:
    plugins = config.plugins
    found = [plugins.get(name) for name in names] if hasattr(plugins, "get") else []
    return next((p for p in found if p is not None), None)


def _i18n(config: MkDocsConfig) -> Any:
    return _plugin(config, "i18n")


# The site's languages, from the i18n plugin (English alone without it).
def languages(config: MkDocsConfig) -> tuple[Language, ...]:
    i18n = _i18n(config)
    if i18n is None:
        return (Language("en", "English", True),)
    return tuple(Language(str(lang.locale), str(lang.name or lang.locale), bool(lang.default))
                 for lang in i18n.config.languages)


# True in the last post_build of a build: static-i18n has built every language (its nested language
# builds run while it is `building`).
def whole_site_built(config: MkDocsConfig) -> bool:
    i18n = _i18n(config)
    return not (i18n is not None and getattr(i18n, "building", False))


# True when this build is the offline edition (Material's offline plugin is on).
def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = _plugin(config, "material/offline", "offline")
    return bool(plugin is not None and plugin.config.enabled)


# A value kept on the config object while `key` is unchanged (the one cache of the build: static-i18n
# reuses the config for every language, `serve` makes a new one per rebuild).
def cached(config: MkDocsConfig, name: str, key: object, make: Callable[[], T], refresh: bool = True) -> T:
    store = config.__dict__.setdefault(ATTRIBUTE, {})
    if name in store and (not refresh or store[name][0] == key):
        return store[name][1]
    value = make()
    store[name] = (key, value)
    return value


# The build context: made in the first on_config, checked again in each language's on_config.
def context(config: MkDocsConfig, refresh: bool = False) -> BuildContext:
    store = config.__dict__.get(ATTRIBUTE, {})
    if "context" in store and not refresh:
        return store["context"][1]
    root = Path(config.config_file_path).resolve().parent
    labels_file = root / "data" / "labels.yml"
    edition = str((config.get("extra") or {}).get("edition", "public"))
    key = (data_fingerprint(root), labels_file.stat().st_mtime_ns, edition, offline_enabled(config),
           config.site_url, str(config.docs_dir))
    return cached(config, "context", key, lambda: _make_context(config, root, labels_file, edition))


def _make_context(config: MkDocsConfig, root: Path, labels_file: Path, edition: str) -> BuildContext:
    try:
        catalogue = load_catalogue(root)
    except DataError as error:
        raise PluginError("data/ has problems:\n" + error.report()) from None
    for notice in catalogue.notices:
        log.info("notice: %s", notice)
    log.info("data: %d organisations, %d networks", len(catalogue.organisations), len(catalogue.networks))
    with build_errors():
        return BuildContext(root=root, docs_dir=Path(config.docs_dir).resolve(), languages=languages(config),
                            edition=edition, offline=offline_enabled(config),
                            catalogue=catalogue.for_edition(edition), labels=load_labels(labels_file),
                            templates=root / "overrides" / "kb", site_url=config.site_url or None)


# The translation report of the build, read again only when a Markdown file changed (fingerprint).
def translation_report(config: MkDocsConfig) -> None:
    ctx = context(config)

    def make() -> Any:
        try:
            return scan(ctx.docs_dir, ctx.codes, ctx.source)
        except TranslationRecordError as error:
            raise PluginError(f"Malformed translation record: {error}") from None

    ctx.extra[REPORT] = cached(config, "translations", (id(ctx), fingerprint(ctx.docs_dir)), make)


# ---------------------------------------------------------------- pages and languages

# The language being built (what a page made from a template alone, such as 404.html, is in).
def build_language(config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    current = getattr(i18n, "current_language", None) if i18n is not None else None
    return str(current or context(config).default)


# The one answer to "which language is this page in": its content's and its reader's.
def page_language(page: Page, config: MkDocsConfig) -> PageLanguage:
    default = context(config).default
    content = getattr(page.file, "locale", None) or default
    return PageLanguage(content=content, reader=getattr(page.file, "locale_alternate_of", None) or content)


# The pages of this language build (fallbacks included), each with its path in the language folder.
# Kept on the Files object while its number of files is unchanged: every hook asks for it on every page.
def page_files(files: Files) -> list[PageFile]:
    memo = files.__dict__.get("_kb_page_files")
    if memo is not None and memo[0] == len(files):
        return memo[1]
    out = []
    for file in files.documentation_pages():
        path = getattr(file, "norm_src_uri", None) or file.src_uri
        out.append(PageFile(url=file.url, path=path, abs_src=Path(file.abs_src_path or ""),
                            locale=getattr(file, "locale", None) or ""))
    files.__dict__["_kb_page_files"] = (len(files), out)
    return out


# A page's path inside its language folder ("fr/networks/apmn.md" -> "networks/apmn.md").
def page_path(page: Page) -> str:
    return getattr(page.file, "norm_src_uri", None) or page.file.src_uri


# What a marker handler (or a notice) knows of a page.
def page_view(page: Page, config: MkDocsConfig, files: Files | list[PageFile]) -> PageView:
    ctx = context(config)
    pages = files if isinstance(files, list) else page_files(files)
    by_path: dict[str, str] = {}  # made at the first url_of: most views never ask for a URL
    url = page.url or ""

    def url_of(path: str) -> str | None:
        if not by_path:
            by_path.update((f.path, f.url) for f in pages)
        target = by_path.get(path)
        return None if target is None else relative_url(target, url or ".")

    view = PageView(ctx=ctx, lang=page_language(page, config), src=f"{Path(config.docs_dir).name}/{page.file.src_uri}",
                    url=url, url_of=url_of, pages=pages)
    view.state["site_name"] = config.site_name
    return view


# Render a template for a page made by the theme alone (404.html): in the language being built.
def render_for_build(config: MkDocsConfig, name: str, **values: Any) -> str:
    ctx = context(config)
    lang = build_language(config)
    return ctx.render(name, t=ctx.words(lang), lang=lang, **values)


# Logged for `--strict` (warnings count as errors there).
def warn(message: str, *args: object) -> None:
    log.warning(message, *args)


__all__ = ["build_errors", "context", "page_language", "page_view", "page_files", "page_path",
           "build_language", "render_for_build", "translation_report", "offline_enabled", "warn"]
