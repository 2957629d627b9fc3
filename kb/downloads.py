"""The Download page's list of offline editions, rendered from build/offline/manifest.json."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from babel.dates import format_date
from babel.units import format_unit

from .context import PageView
from .markers import handler
from .offline import offline_dir, read_manifest
from .urls import relative_url

FOLDER = "downloads"  # where the hosted site publishes the zips


# A file size in the reader's language: "1,2 Mo", "350 kB", "1.2 م.ب" (Babel/CLDR units).
def format_size(size: int, lang: str) -> str:
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=lang)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", locale=lang, format="#,##0.0")


# A build date in the reader's language ("4 March 2025", "4 mars 2025").
def format_built(iso: str, lang: str) -> str:
    return format_date(dt.date.fromisoformat(iso), format="long", locale=lang)


# The rows of a Download list (offline zips or ZIM files): the reader's language first, then the
# site's order; size and date in the reader's language.
def edition_rows(page: PageView, editions: list[dict]) -> list[dict]:
    ctx, lang = page.ctx, page.lang.reader
    order = list(ctx.names)
    editions = sorted(editions, key=lambda e: (e["lang"] != lang, order.index(e["lang"])
                                               if e["lang"] in order else len(order)))
    return [{"lang": e["lang"], "language": ctx.names.get(e["lang"], e["lang"]), "name": e["name"],
             "href": relative_url(f"{FOLDER}/{e['name']}", page.url or "."), "sha256": e["sha256"],
             "size": format_size(int(e["bytes"]), lang), "built": format_built(e["built"], lang)}
            for e in editions]


# Copy the files a manifest names from folder into <site>/downloads/; how many were copied.
def publish(manifest: dict | None, folder: Path, site_dir: Path) -> int:
    if manifest is None:
        return 0
    target = Path(site_dir) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for entry in manifest["editions"]:
        shutil.copyfile(folder / entry["name"], target / entry["name"])
    return len(manifest["editions"])


# The Download page: each language's offline edition with size and date, or an honest notice.
@handler("downloads", "html")
def downloads_marker(page: PageView, _target: str, _inner: str | None) -> str:
    ctx = page.ctx
    if ctx.offline:
        return page.render("downloads.html", notice="offline_edition", editions=[])
    manifest = read_manifest(offline_dir(ctx.root), ctx.edition)
    if manifest is None:
        return page.render("downloads.html", notice="not_in_build", editions=[])
    return page.render("downloads.html", notice=None, editions=edition_rows(page, manifest["editions"]))


# Copy the zips named in the manifest into <site>/downloads/ (hosted build of the same edition only).
def publish_editions(root: Path, edition: str, site_dir: Path) -> int:
    folder = offline_dir(root)
    return publish(read_manifest(folder, edition), folder, site_dir)
