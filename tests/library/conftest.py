"""One build of the fixture project (all four languages, KB_TODAY fixed) for the library tests."""
from __future__ import annotations

import pytest
from libproject import TODAY, make_project

from sitebuild import Build, build_site


@pytest.fixture(scope="package")
def libsite(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("library") / "project")
    build = build_site(project / "site", project=project, env={"KB_TODAY": TODAY, "KB_EDITION": "public"})
    assert build.returncode == 0, build.log
    return build
