"""MkDocs hook: the Kiwix (ZIM) edition, see kb.zim. In a ZIM build (KB_ZIM=true on top of the
offline build) the site's search box and the quick exit are left out (Kiwix searches the ZIM's own
index and cannot replace a page by an outside one), the site's name and description become the ZIM's
discreet title and description, and every page's title is recorded for the packer. The hosted build
copies the ZIM files of its own edition into site/downloads/ (the `kb:zim-downloads` marker is
kb.zim_downloads)."""
from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import kbglue
from kb.zim import PAGES_FILE, metadata_texts, zim_enabled
from kb.zim_downloads import publish_zims

QUICK_EXIT_FILES = ("assets/quick-exit.js",)
PAGES = "_kb_zim_pages"  # attribute of the config object: page path -> title, for this build


# ---------------------------------------------------------------- events

# A ZIM build: the theme's search off (after the search plugin has set itself up, so that static-i18n
# still finds its empty index; the header then shows no search box), no quick-exit files.
@event_priority(-50)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not zim_enabled(config):
        return config
    if not kbglue.offline_enabled(config):
        raise PluginError("KB_ZIM=true needs the offline build (KB_OFFLINE=true): run make zim")
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None:
        search.config.enabled = False
    config.extra_css = [c for c in config.extra_css if str(c) not in QUICK_EXIT_FILES]
    config.extra_javascript = [s for s in config.extra_javascript if str(getattr(s, "path", s)) not in QUICK_EXIT_FILES]
    return config


# A ZIM build publishes no quick-exit files (nothing loads them).
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if zim_enabled(config):
        for uri in QUICK_EXIT_FILES:
            found = files.get_file_from_path(uri)
            if found is not None:
                files.remove(found)
    return files


# After static-i18n has set the language's site name: the ZIM's discreet title and description
# (the header and every <title> show the site name, and Kiwix's history keeps page titles).
def on_pre_build(*, config: MkDocsConfig) -> None:
    if not zim_enabled(config):
        return
    texts = metadata_texts(kbglue.context(config).labels, kbglue.build_language(config))
    config.site_name = texts["Title"]
    config.site_description = texts["Description"]
    setattr(config, PAGES, {})


# Record each page's path and title (front matter title, else the theme's) for the packer.
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if zim_enabled(config):
        title = (page.meta or {}).get("title") or page.title or ""
        getattr(config, PAGES)[page.file.dest_uri] = str(title)
    return output


# ZIM build: write the page list for the packer. Hosted build: copy the listed ZIM files.
@event_priority(-130)
def on_post_build(*, config: MkDocsConfig) -> None:
    if zim_enabled(config):
        with open(os.path.join(config.site_dir, PAGES_FILE), "w", encoding="utf-8") as handle:
            json.dump(getattr(config, PAGES, {}), handle, ensure_ascii=False, indent=1)
        return
    ctx = kbglue.context(config)
    if not ctx.offline:
        publish_zims(ctx.root, ctx.edition, Path(config.site_dir))
