"""The quick-exit address of mkdocs.yml (read from its quick_exit block; the file uses !ENV tags)."""
from __future__ import annotations

import re

import yaml

from sitebuild import ROOT


# The neutral page of one language (mkdocs.yml gives one per language, or one for all).
def neutral_url(lang: str = "en") -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  quick_exit:\n((?:    .*\n)+)", text, re.M)
    url = yaml.safe_load(block.group(1))["url"]
    return url[lang] if isinstance(url, dict) else url
