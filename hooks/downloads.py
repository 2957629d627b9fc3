"""The Download page: each language's offline edition with its size and build date, read from the
manifest that `make offline` writes (build/offline/manifest.json); the zips are copied into
site/downloads/. Without a manifest (a plain `mkdocs build`) the page says the editions are not part
of this build. The offline edition itself says it is the offline edition."""
from __future__ import annotations

import logging
import os
import shutil

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.directory import edition_of
from kb.downloads import editions_table, notice
from kb.labels import DEFAULT_LANGUAGE, labels_for, page_language
from kb.offline import offline_dir, offline_enabled, read_manifest

log = logging.getLogger("mkdocs.hooks.downloads")

MARKER = "<!-- kb:downloads -->"
FOLDER = "downloads"


# ---------------------------------------------------------------- events

# Replace the marker of the Download page with the editions table or an honest notice.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in html:
        return html
    lang = page_language(page)
    labels = labels_for(config.config_file_path)
    if offline_enabled(config):
        return html.replace(MARKER, notice("download.offline_edition", lang, labels))
    manifest = read_manifest(offline_dir(config.config_file_path), edition_of(config))
    if manifest is None:
        return html.replace(MARKER, notice("download.not_in_build", lang, labels))
    names = language_names(config)
    href = lambda name: get_relative_url(f"{FOLDER}/{name}", page.url or ".")  # noqa: E731
    return html.replace(MARKER, editions_table(manifest, lang, names, href, labels))


# Copy the zips named in the manifest into site/downloads/ (hosted build only).
def on_post_build(*, config: MkDocsConfig) -> None:
    if offline_enabled(config):
        return
    folder = offline_dir(config.config_file_path)
    manifest = read_manifest(folder, edition_of(config))
    if manifest is None:
        return
    target = os.path.join(config.site_dir, FOLDER)
    os.makedirs(target, exist_ok=True)
    for edition in manifest["editions"]:
        shutil.copyfile(folder / edition["name"], os.path.join(target, edition["name"]))


# ---------------------------------------------------------------- helpers

# Language code -> its own name, in configured order (from the i18n plugin).
def language_names(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {DEFAULT_LANGUAGE: DEFAULT_LANGUAGE}
    return {lang.locale: lang.name for lang in i18n.config.languages}
