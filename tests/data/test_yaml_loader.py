"""The one YAML loader (kb.yamlload): YAML 1.2 whatever a file says, front matter lines, public API only."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kb.labels import load_labels
from kb.problems import DataError
from kb.yamlload import load_front_matter, load_text

REPO = Path(__file__).resolve().parents[2]


def test_a_yaml_11_directive_is_reported_and_changes_nothing() -> None:
    """%YAML 1.1 is a problem at its line; NO, 0o17 and yes keep their YAML 1.2 meaning, then and after."""
    first = load_text("%YAML 1.1\n---\ncountry: NO\nmode: 0o17\n", "a.yml")
    assert [str(p) for p in first.problems] == [
        "a.yml:1: (file): remove the %YAML directive; files are read as YAML 1.2"]
    after = load_text("country: NO\nmode: 0o17\nreviewed: yes\n", "b.yml")
    assert (first.data, after.data, after.problems) == (
        {"country": "NO", "mode": 15}, {"country": "NO", "mode": 15, "reviewed": "yes"}, [])


def test_front_matter_lines_are_the_markdown_file_lines() -> None:
    """Keys, items and problems in front matter are numbered as lines of the page, not of the YAML."""
    loaded = load_front_matter("---\ntitle: T\nhide:\n  - toc\ntitle: again\n---\nBody\n", "docs/fr/a.md")
    assert loaded is not None
    assert (loaded.lines[("title",)], loaded.lines[("hide", 0)]) == (2, 4)
    assert [str(p) for p in loaded.problems] == [
        "docs/fr/a.md:5: title: appears twice (first on line 2); keep only one of them"]
    assert load_front_matter("No front matter\n", "a.md") is None
    empty = load_front_matter("---\n---\nBody\n", "a.md")
    assert empty is not None and (empty.data, empty.problems) == ({}, [])


def test_labels_file_goes_through_the_same_checks(tmp_path: Path) -> None:
    """A duplicate key in labels.yml stops with file, line and field instead of keeping one of the two."""
    labels = tmp_path / "data" / "labels.yml"
    labels.parent.mkdir()
    labels.write_text("exit:\n  en: Exit\n  en: Leave\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_labels(labels)
    assert [str(p) for p in error.value.problems] == [
        "data/labels.yml:3: exit.en: appears twice (first on line 2); keep only one of them"]


def test_the_loader_uses_no_private_attribute() -> None:
    """kb/yamlload.py reads no _private attribute of any object (ruamel's included) and imports only public names."""
    tree = ast.parse((REPO / "kb" / "yamlload.py").read_text(encoding="utf-8"))
    private = [node.attr for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.endswith("__")]
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names if alias.name.startswith("_")]
    assert (private, imported) == ([], [])
