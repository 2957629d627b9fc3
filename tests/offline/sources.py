"""Expected values read from the sources (docs/<lang>/*.md, mkdocs.yml), never from the output."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitebuild import ROOT

# The guidance pages the issue asks the printable page to hold, in nav order.
GUIDANCE = ["key-terms.md", "approach.md", "principles.md", "working-with-people.md", "before-you-engage.md",
            "national-society-services.md", "referral.md", "policy-frame.md", "learning.md",
            "networks/apmn.md", "networks/atn.md", "safety.md"]


# The front matter of a source page.
def front_matter(lang: str, path: str) -> dict:
    text = (ROOT / "docs" / lang / path).read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert match, path
    return yaml.safe_load(match.group(1))


# The first "# " heading of a source page.
def first_heading(lang: str, path: str) -> str:
    text = (ROOT / "docs" / lang / path).read_text(encoding="utf-8")
    return re.search(r"^# (.+?)\s*(\{.*\})?$", text, re.M).group(1).strip()


# The scripts mkdocs.yml lists in extra_javascript (paths).
def extra_javascript() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    scripts = config.get("extra_javascript") or []
    return [s if isinstance(s, str) else s["path"] for s in scripts]


# The page file of a source path in a build without directory URLs ("networks/apmn.md" -> "networks/apmn.html").
def html_name(path: str) -> str:
    return str(Path(path).with_suffix(".html"))
