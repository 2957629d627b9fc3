"""A copy of the repository's site (config, hooks, templates, pages, data) to change in a test."""
from __future__ import annotations

import shutil
from pathlib import Path

from ruamel.yaml import YAML

from sitebuild import ROOT


# Copy the project into `root` (the kb package itself is installed, not copied).
def copy_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs", "data"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return root


# The interface words as written in data/labels.yml (read here, not through the code under test).
def labels() -> dict[str, dict[str, str]]:
    return YAML(typ="safe").load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))


# Material's own word for a key in a language (its partials/languages/<lang>.html), e.g. select.language.
def theme_word(key: str, lang: str) -> str:
    import re

    import material

    text = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html").read_text(
        encoding="utf-8")
    found = re.search(r'"' + re.escape(key) + r'":\s*"([^"]*)"', text)
    assert found, (key, lang)
    return found.group(1)
