"""MkDocs hook: translation records against git history, once per build (logic: kb.translation_review).

- A translation whose `source_hash` matches no version of its English page in the repository's
  history fails a strict build (a warning naming file, line, field and the value to put there):
  nobody could tell what it translates. Not checked where history is missing or cut short (no git,
  a shallow clone): "not found" would then mean "not fetched".
- Translations whose structure differs from the English (headings, anchors, kb: markers,
  internal links, images, admonitions) are logged for information; they never fail the build.
- The review (English paragraphs changed for outdated pages, parity) goes into the build context
  (`ctx.extra[REVIEW]`) for the translation status table (kb.translations_view).
Runs after hooks/context.py, whose on_files makes the translation report it builds on.
"""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

import kbglue
from kb.translation_review import REVIEW, Review, review, unknown_version_message
from kb.translations_view import REPORT

log = logging.getLogger("mkdocs.hooks.translation_checks")


# Once per language build: review the translations (again only when the report was made again, that
# is when a Markdown file changed); messages are logged once, when the review is made.
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = kbglue.context(config)
    report = ctx.extra.get(REPORT)

    def make() -> Review:
        with kbglue.build_errors():
            result = review(ctx.docs_dir, ctx.codes, ctx.source, report)
        docs = ctx.docs_dir.name
        for item in sorted(result.unknown_versions(), key=lambda r: r.target):
            kbglue.warn(unknown_version_message(item, docs, result.english_hashes[item.page], ctx.source))
        for item in sorted(result.with_parity_problems(), key=lambda r: r.target):
            log.info("%s/%s differs in structure from the English: %s", docs, item.target,
                     "; ".join(d.describe() for d in item.parity))
        if result.history_problem:
            log.debug("translation review without git history: %s", result.history_problem)
        return result

    ctx.extra[REVIEW] = kbglue.cached(config, REVIEW, (id(ctx), id(report)), make)
    return files
