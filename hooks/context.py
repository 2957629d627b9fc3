"""MkDocs hook: make the build context once per build (data loaded and checked, labels, languages,
edition) and, once per set of Markdown files, the translation report. Every other hook reads the
context through kbglue. Any problem in data/ stops the build with the full list."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

import kbglue


# Once per language build: check the cached context still matches the files (reload after an edit).
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    kbglue.context(config, refresh=True)
    return config


# Once per language build: the translation records (read again only if a Markdown file changed).
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    kbglue.translation_report(config)
    return files
