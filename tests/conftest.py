"""Shared fixtures: one real build of the repository per test session."""
from __future__ import annotations

import pytest

from sitebuild import Build, build_site


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The public edition of this repository, built once into a temporary folder."""
    build = build_site(tmp_path_factory.mktemp("public") / "site")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def built_network(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The network edition of this repository, built once into a temporary folder."""
    build = build_site(tmp_path_factory.mktemp("network") / "site", env={"KB_EDITION": "network"})
    assert build.returncode == 0, build.log
    return build
