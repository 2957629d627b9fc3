"""Helpers of the updates tests: copy the project, write posts, read the guide's templates."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from sitebuild import ROOT

CANARY_BODY = "CANARY-BODY-5e1b"          # in a post's body only: must never reach a feed
CANARY_CONTACT = "canary-5e1b@example.org"  # a network-only contact: must never reach a feed
FIXTURE = "2024-03-12-fixture-post"
ENGLISH_ONLY = "2023-11-05-english-only"


# Copy what a build needs (mkdocs.yml, hooks, overrides, data, docs, tools) into a folder.
def copy_project(target: Path) -> Path:
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, target / name)
    for name in ("hooks", "overrides", "data", "docs", "tools"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


# Write a post file with front matter and a body.
def write_post(project: Path, lang: str, name: str, front: str, body: str) -> Path:
    path = project / "docs" / lang / "updates" / "posts" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}\n", encoding="utf-8")
    return path


# The fenced code blocks of a Markdown file, by language tag.
def code_blocks(path: Path, tag: str) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = re.findall(rf"^( *)```{tag}\n(.*?)^\1```", text, re.S | re.M)
    return [re.sub(rf"^{indent}", "", block, flags=re.M) for indent, block in found]


