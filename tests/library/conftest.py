"""One build of the fixture project (all four languages, KB_TODAY fixed) for the library tests, made once
per test run and shared by the workers."""
from __future__ import annotations

from pathlib import Path

import pytest
from libproject import TODAY, make_project

from sitebuild import Build, build_once, once


@pytest.fixture(scope="package")
def libsite(tmp_path_factory: pytest.TempPathFactory) -> Build:
    def make(folder: Path) -> dict:
        make_project(folder / "project")
        return {}

    project, _ = once(tmp_path_factory, "library-project", make)
    build = build_once(tmp_path_factory, "library-site", project=project / "project",
                       env={"KB_TODAY": TODAY, "KB_EDITION": "public"})
    assert build.returncode == 0, build.log
    return build
