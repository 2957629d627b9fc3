"""A small copy of the project (same mkdocs.yml, hooks, theme overrides, data) with a tiny docs tree."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML

from kb.translations import source_hash

from sitebuild import ROOT

# English pages of the fixture; es lacks principles.md (it falls back to English); fr/index.md is reviewed.
ENGLISH = {
    "index.md": ("Home", "Fixture home page.", "# Home\n\nA fixture home page.\n"),
    "approach.md": ("Our approach", "Fixture approach page.", "# Our approach\n\nThe first version of this page.\n"),
    "principles.md": ("Principles", "Fixture principles page.", "# Principles\n\nA fixture page about principles.\n"),
    "translation-status.md": ("Translation status", "Fixture status page.",
                              "# Translation status\n\n<!-- kb:translation-status -->\n\nHow to help.\n"),
}
TRANSLATED = {"fr": ["index.md", "approach.md", "principles.md", "translation-status.md"],
              "es": ["index.md", "approach.md", "translation-status.md"],
              "ar": ["index.md", "approach.md", "principles.md", "translation-status.md"]}
REVIEWED = {("fr", "index.md")}
NAV = [{"Home": "index.md"}, {"Our approach": "approach.md"}, {"Principles": "principles.md"},
       {"Translation status": "translation-status.md"}]


# The text of a fixture page.
def page_text(title: str, description: str, body: str, record: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n{record}---\n\n{body}"


# Copy the project's configuration and code into `root` and write the fixture pages; returns root.
def make_site(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("hooks", "overrides", "data"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    yaml = YAML(typ="rt", pure=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = NAV
    out = StringIO()
    yaml.dump(config, out)
    (root / "mkdocs.yml").write_text(out.getvalue(), encoding="utf-8")
    for page, (title, description, body) in ENGLISH.items():
        write(root / "docs" / "en" / page, page_text(title, description, body))
    for lang, pages in TRANSLATED.items():
        for page in pages:
            title, description, body = ENGLISH[page]
            english = (root / "docs" / "en" / page).read_text(encoding="utf-8")
            record = (f"translation:\n  source_hash: {source_hash(english)}\n"
                      f"  reviewed: {'true' if (lang, page) in REVIEWED else 'false'}\n")
            write(root / "docs" / lang / page, page_text(f"{title} [{lang}]", description, f"{body}\n[{lang}]\n", record))
    return root


# Write a UTF-8 file, creating its folder.
def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# Run `python -m kb.translations` on the fixture (its own copy of hooks/); returns the finished process.
def translations_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-m", "kb.translations", "--config-file", str(root / "mkdocs.yml"), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)
