"""Fixtures: the four offline zips (`offline`, tests/conftest.py); the hosted build that lists them
is what `make build` ships, the one without them is the plain build."""
from __future__ import annotations

import pytest

from sitebuild import Build


@pytest.fixture(scope="session")
def hosted_with_zips(shipped: Build) -> Build:
    """The hosted edition built after `make offline` (and `make zim`), as `make build` does."""
    return shipped


@pytest.fixture(scope="session")
def hosted_without_zips(built: Build) -> Build:
    """The hosted edition built with no offline editions at all (an empty folder, no manifest)."""
    return built
