"""Fixtures of the hosting tests: one network-edition build (with a canary contact) per session, one browser."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hostsupport import add_canary, copy_project

from sitebuild import build_site


@pytest.fixture(scope="session")
def network_built(tmp_path_factory):
    """The network edition of a copy of the project, with a network-only canary contact."""
    project = copy_project(tmp_path_factory.mktemp("network") / "project")
    add_canary(project)
    # One offline zip (English) so the build holds a zip too, as `make build EDITION=network` does.
    environment = {**os.environ, "KB_EDITION": "network", "SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    made = subprocess.run([sys.executable, "-m", "kb.offline", "--project", str(project), "--lang", "en"],
                          cwd=project, env=environment, capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    build = build_site(project / "site", project=project, env={"KB_EDITION": "network", "SITE_URL": ""})
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def host_browser():
    from browser_support import chromium

    with chromium() as browser:
        yield browser
