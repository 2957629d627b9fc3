"""The Download page's list of ZIM files for Kiwix (`<!-- kb:zim-downloads -->`), rendered from
build/zim/manifest.json with overrides/kb/zim_list.html: language, file, size and date in the
reader's language, the reader's language first; a notice when this build has none. The hosted
build copies the listed files into <site>/downloads/ (same edition guard as the zips)."""
from __future__ import annotations

import shutil
from pathlib import Path

from .context import PageView
from .downloads import FOLDER, format_built, format_size
from .markers import handler
from .urls import relative_url
from .zim import read_zim_manifest, zim_dir


# The ZIM list, or nothing inside an offline or ZIM edition (the page's own text says where to get them).
@handler("zim-downloads", "html")
def zim_downloads_marker(page: PageView, _target: str, _inner: str | None) -> str:
    ctx, lang = page.ctx, page.lang.reader
    if ctx.offline:
        return ""
    manifest = read_zim_manifest(ctx.root, ctx.edition)
    order = list(ctx.names)
    editions = sorted((manifest or {}).get("editions", []),
                      key=lambda e: (e["lang"] != lang, order.index(e["lang"]) if e["lang"] in order else len(order)))
    rows = [{"lang": e["lang"], "language": ctx.names.get(e["lang"], e["lang"]), "name": e["name"],
             "href": relative_url(f"{FOLDER}/{e['name']}", page.url or "."), "sha256": e["sha256"],
             "size": format_size(int(e["bytes"]), lang), "built": format_built(e["built"], lang)}
            for e in editions]
    return page.render("zim_list.html", rows=rows)


# Copy the ZIM files named in the manifest into <site>/downloads/ (hosted build of the same edition only).
def publish_zims(root: Path, edition: str, site_dir: Path) -> int:
    manifest = read_zim_manifest(root, edition)
    if manifest is None:
        return 0
    target = Path(site_dir) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for entry in manifest["editions"]:
        shutil.copyfile(zim_dir(root) / entry["name"], target / entry["name"])
    return len(manifest["editions"])
