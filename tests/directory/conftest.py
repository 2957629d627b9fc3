"""The public edition of the directory fixture project, built once per test run (all four languages) and
shared by the modules that read it (the site checks and the browser filter)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dirproject import make_project
from sitebuild import Build, build_once, once


@pytest.fixture(scope="session")
def dir_public(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The public edition of the fixture project."""
    def make(folder: Path) -> dict:
        make_project(folder / "project")
        return {}

    project, _ = once(tmp_path_factory, "dir-project", make)
    build = build_once(tmp_path_factory, "dir-public", project=project / "project", env={"KB_EDITION": "public"})
    assert build.returncode == 0, build.log
    return build
