"""The Download page's list of ZIM files for Kiwix (`<!-- kb:zim-downloads -->`), rendered from
build/zim/manifest.json with overrides/kb/zim_list.html: language, file, size and date in the
reader's language, the reader's language first; a notice when this build has none. The hosted
build copies the listed files into <site>/downloads/ (same edition guard as the zips)."""
from __future__ import annotations

from pathlib import Path

from .context import PageView
from .downloads import edition_rows, publish
from .markers import handler
from .zim import read_zim_manifest, zim_dir


# The ZIM list, or nothing inside an offline or ZIM edition (the page's own text says where to get them).
@handler("zim-downloads", "html")
def zim_downloads_marker(page: PageView, _target: str, _inner: str | None) -> str:
    if page.ctx.offline:
        return ""
    manifest = read_zim_manifest(page.ctx.root, page.ctx.edition)
    return page.render("zim_list.html", rows=edition_rows(page, (manifest or {}).get("editions", [])))


# Copy the ZIM files named in the manifest into <site>/downloads/ (hosted build of the same edition only).
def publish_zims(root: Path, edition: str, site_dir: Path) -> int:
    return publish(read_zim_manifest(root, edition), zim_dir(root), site_dir)
