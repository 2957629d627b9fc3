"""The Download page's list of offline editions, rendered from build/offline/manifest.json."""
from __future__ import annotations

import datetime as dt
from html import escape

from babel.dates import format_date
from babel.units import format_unit

from kb.labels import Labels


# A file size in the reader's language: "1,2 Mo", "350 kB", "1.2 م.ب" (Babel/CLDR units).
def format_size(size: int, lang: str) -> str:
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=lang)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", locale=lang, format="#,##0.0")


# A build date in the reader's language ("4 March 2025", "4 mars 2025").
def format_built(iso: str, lang: str) -> str:
    return format_date(dt.date.fromisoformat(iso), format="long", locale=lang)


# The table of editions: the page's language first, then the others in configured order.
def editions_table(manifest: dict, lang: str, names: dict[str, str], href, labels: Labels) -> str:
    editions = sorted(manifest["editions"], key=lambda e: (e["lang"] != lang, list(names).index(e["lang"])
                                                            if e["lang"] in names else len(names)))
    head = "".join(f"<th>{escape(labels.get(k, lang))}</th>" for k in
                   ("download.language", "download.file", "download.size", "download.built"))
    rows = []
    for edition in editions:
        code = edition["lang"]
        rows.append(
            f'<tr class="kb-download" data-lang="{escape(code)}">'
            f'<td lang="{escape(code)}">{escape(names.get(code, code))}</td>'
            f'<td><a href="{escape(href(edition["name"]))}" hreflang="{escape(code)}" download>'
            f'{escape(edition["name"])}</a><br><small>SHA-256 <code>{escape(edition["sha256"])}</code></small></td>'
            f'<td class="kb-download__size">{escape(format_size(int(edition["bytes"]), lang))}</td>'
            f'<td class="kb-download__date">{escape(format_built(edition["built"], lang))}</td></tr>'
        )
    return (f'<div class="kb-downloads"><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


# A notice in the page's language (no manifest in this build, or the offline edition itself).
def notice(key: str, lang: str, labels: Labels) -> str:
    return (f'<div class="admonition info kb-downloads kb-downloads--{escape(key.split(".")[-1])}" role="note">'
            f'<p>{escape(labels.get(key, lang))}</p></div>')
