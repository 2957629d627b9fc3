"""The public edition of the directory fixture project, built once per test run (all four languages) and
shared by the modules that read it (the site checks and the browser filter)."""
from __future__ import annotations

import pytest

from dirproject import make_project
from sitebuild import Build, fixture_build_once


@pytest.fixture(scope="session")
def dir_public(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The public edition of the fixture project."""
    return fixture_build_once(tmp_path_factory, "dir", make_project, {"KB_EDITION": "public"})
