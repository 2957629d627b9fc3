"""What readers see of the translation records: the notices above a page and the status table.

- A page missing in the reader's language, shown in English by static-i18n's fallback, says so (in
  the reader's language).
- A translated page whose English source changed since it was translated says so (outdated).
- A translated page not yet reviewed by a native speaker says so (unreviewed).
- `<!-- kb:translation-status -->` becomes the table of every page in every language.
The report (kb.translations.scan) is made once per build by the glue and kept in the context.
"""
from __future__ import annotations

from .context import PageView
from .markers import handler
from .translation_review import REVIEW, status_detail, status_hash
from .translations import CURRENT, MISSING, OUTDATED, Report

SYMBOLS = {CURRENT: "✓", OUTDATED: "!", MISSING: "✗", "unreviewed": "?"}
REPORT = "translations"  # the key of the report in BuildContext.extra


# The build's translation report (the glue puts it in the context once per build).
def report_of(page: PageView) -> Report:
    report = page.ctx.extra.get(REPORT)
    if report is None:
        raise KeyError("the translation report was not made for this build")
    return report


@handler("translation-status", "html")
def status_marker(page: PageView, _target: str, _inner: str | None) -> str:
    """Every page by every language: up to date, outdated, missing, not yet reviewed; and totals."""
    report, reader, default = report_of(page), page.lang.reader, page.ctx.source
    review = page.ctx.extra.get(REVIEW)  # hooks/translation_checks.py: English changes, parity (issue 15)
    rows = []
    for rel in report.pages:
        title = report.titles.get((rel, reader)) or report.titles.get((rel, default)) or rel
        rows.append({"rel": rel, "title": title, "url": page.url_of(rel),
                     "hash": status_hash(review, rel, page.t) if review else None,
                     "cells": [{"lang": lang, "cell": report.cell(rel, lang),
                                "detail": status_detail(review, rel, lang, page.t) if review else None}
                               for lang in report.languages]})
    totals = [{"state": state, "counts": [(lang, report.totals(lang)[state]) for lang in report.languages]}
              for state in (CURRENT, OUTDATED, MISSING, "unreviewed")]
    return page.render("translation_status.html", languages=[(code, page.ctx.names.get(code, code))
                                                            for code in report.languages],
                       rows=rows, totals=totals, symbols=SYMBOLS)


# The notices above a page, in the reader's language: fallback, outdated, unreviewed.
def page_notices(page: PageView, rel: str, english_url: str | None) -> str:
    report, default = report_of(page), page.ctx.source
    notices = []
    if page.lang.fallback:
        notices.append({"kind": "fallback", "style": "warning", "link": page.url_of("translation-status.md"),
                        "link_lang": None})
    elif page.lang.content != default and rel in report.pages:
        cell = report.cell(rel, page.lang.content)
        if cell.state == OUTDATED:
            notices.append({"kind": "outdated", "style": "warning", "link": english_url, "link_lang": default})
        if cell.unreviewed:
            notices.append({"kind": "unreviewed", "style": "note", "link": english_url, "link_lang": default})
    if not notices:
        return ""
    return page.render("translation_notices.html", notices=notices)
