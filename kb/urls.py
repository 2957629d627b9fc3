"""Relative URLs between built pages (the same rule MkDocs applies to its own links)."""
from __future__ import annotations

import posixpath


# The URL of `target` as seen from the page at `base` (both site-relative, e.g. "fr/approach/").
def relative_url(target: str, base: str) -> str:
    if base not in ("", "."):
        head, tail = posixpath.split(base)
        base = head if "." in tail else base
    relative = posixpath.relpath("/" + target, "/" + (base if base not in ("", ".") else ""))
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative
