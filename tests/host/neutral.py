"""The quick-exit address of mkdocs.yml (read from its quick_exit block; the file uses !ENV tags)."""
from __future__ import annotations

import re

import yaml

from sitebuild import ROOT


def neutral_url() -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  quick_exit:\n((?:    .*\n)+)", text, re.M)
    return yaml.safe_load(block.group(1))["url"]
