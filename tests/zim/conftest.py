"""Fixtures: the four ZIM files (`zims`, tests/conftest.py, opened with libzim); the hosted build that
lists them is what `make build` ships."""
from __future__ import annotations

import pytest

from sitebuild import Build


@pytest.fixture(scope="session")
def hosted_with_zims(shipped: Build) -> Build:
    """The hosted edition built after `make zim` (and `make offline`), as `make build` does."""
    return shipped
