"""Translation records against git history, once per build (logic in kb.translation_review).

- A translation whose `source_hash` matches no version of its English page in the repository's
  history fails a strict build (a warning naming file, line, field and the value to put there):
  nobody could tell what it translates. Not checked where history is missing or cut short (no git,
  a shallow clone): "not found" would then mean "not fetched".
- Translations whose structure differs from the English (headings, anchors, kb: markers,
  internal links, images, admonitions) are logged for information; they never fail the build.
- The review (English paragraphs changed for outdated pages, parity) is kept on the config object
  for the translation status page (hooks/i18n_pages.py), keyed like its translation report.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from kb.labels import DEFAULT_LANGUAGE
from kb.translation_history import HistoryUnavailable
from kb.translation_review import Review, review, unknown_version_message
from kb.translations import TranslationRecordError, fingerprint

log = logging.getLogger("mkdocs.hooks.translation_checks")

CACHE_ATTRIBUTE = "_kb_translation_review"


# Once per language build: review the translations (computed again only when docs/ changed).
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    translation_review(config)
    return files


# The build's translation review, kept on the config object; messages are logged when it is computed.
def translation_review(config: MkDocsConfig) -> Review:
    docs_dir = Path(config.docs_dir)
    key = (str(docs_dir), fingerprint(docs_dir))
    cached = getattr(config, CACHE_ATTRIBUTE, None)
    if cached is not None and cached[0] == key:
        return cached[1]
    i18n = config.plugins.get("i18n")
    languages = list(i18n.all_languages) if i18n is not None else [DEFAULT_LANGUAGE]
    shared = getattr(config, "_kb_translation_report", None)  # hooks/i18n_pages.py's report of the same files
    try:
        result = review(docs_dir, languages, DEFAULT_LANGUAGE, shared[1] if shared and shared[0] == key else None)
    except TranslationRecordError as error:
        raise PluginError(f"Malformed translation record: {error}") from None
    except HistoryUnavailable as error:  # review() itself records history problems; this is a safety net
        raise PluginError(f"Translation review: {error}") from None
    setattr(config, CACHE_ATTRIBUTE, (key, result))
    for item in sorted(result.unknown_versions(), key=lambda r: r.target):
        log.warning(unknown_version_message(item, docs_dir.name, result.english_hashes[item.page]))
    for item in sorted(result.with_parity_problems(), key=lambda r: r.target):
        log.info("%s/%s differs in structure from the English: %s", docs_dir.name, item.target,
                 "; ".join(d.describe() for d in item.parity))
    if result.history_problem:
        log.debug("translation review without git history: %s", result.history_problem)
    return result
