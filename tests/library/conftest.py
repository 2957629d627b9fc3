"""One build of the fixture project (all four languages, KB_TODAY fixed) for the library tests, made once
per test run and shared by the workers."""
from __future__ import annotations

import pytest
from libproject import TODAY, make_project

from sitebuild import Build, fixture_build_once


@pytest.fixture(scope="package")
def libsite(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return fixture_build_once(tmp_path_factory, "library", make_project, {"KB_TODAY": TODAY, "KB_EDITION": "public"})
