"""Helpers: write data files into a temporary repository and collect what the loader says."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest

from kb.catalogue import Catalogue, DataError, load_catalogue

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 6, 1)
ORG_HEAD = "# yaml-language-server: $schema=../schema/organisation.schema.json\n"
NET_HEAD = "# yaml-language-server: $schema=../schema/network.schema.json\n"


def write(root: Path, rel: str, text: str) -> Path:
    """Write one file (text is dedented) under root, creating folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def org(id_: str = "test-red-cross", country: str = "AU") -> str:
    """A valid National Society file (8 lines)."""
    return ORG_HEAD + dedent(f"""\
        id: {id_}
        kind: national-society
        country: {country}
        name:
          en: Test Red Cross
        sources:
          - https://www.example.org/
        """)


class Repo:
    """A temporary repository with a data/ folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "data" / "organisations").mkdir(parents=True)
        (root / "data" / "networks").mkdir(parents=True)

    def org(self, name: str, text: str) -> Path:
        """Write data/organisations/<name>.yml."""
        return write(self.root, f"data/organisations/{name}.yml", text)

    def net(self, name: str, text: str) -> Path:
        """Write data/networks/<name>.yml."""
        return write(self.root, f"data/networks/{name}.yml", text)

    def problems(self) -> list[str]:
        """Every problem as 'file:line: field: message' (empty if the data is valid)."""
        try:
            load_catalogue(self.root, TODAY)
        except DataError as exc:
            return [str(p) for p in exc.problems]
        return []

    def load(self) -> Catalogue:
        """The catalogue (fails the test if the data is invalid)."""
        return load_catalogue(self.root, TODAY)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """An empty temporary repository."""
    return Repo(tmp_path)
