"""MkDocs hook: load and check data/ once per build, before any language is built.

Other hooks get the same, cached Catalogue with ``from kb.catalogue import get_catalogue``.
"""
from __future__ import annotations

from typing import Any

from kb.catalogue import get_catalogue


def on_config(config: Any) -> Any:
    """Load data/ (cached on the config object, so the per-language calls reuse it)."""
    get_catalogue(config, verify=True)
    return config
