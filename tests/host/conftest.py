"""Fixtures of the hosting tests: one network-edition build of the canary project (tests/conftest.py)
per session, with its English offline zip; the browser is tests/conftest.py's."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitebuild import build_site


@pytest.fixture(scope="session")
def network_built(canary_project, no_downloads, tmp_path_factory):
    """The network edition of the project copy holding a network-only canary contact, built after one
    offline zip (English), as `make build EDITION=network` does (its downloads/ holds that zip)."""
    out = tmp_path_factory.mktemp("network-offline")
    environment = {**os.environ, "KB_EDITION": "network", "SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    made = subprocess.run([sys.executable, "-m", "kb.offline", "--project", str(canary_project), "--lang", "en",
                           "--out", str(out)], cwd=canary_project, env=environment, capture_output=True, text=True,
                          timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    build = build_site(tmp_path_factory.mktemp("network-site") / "site", project=canary_project,
                       env={"KB_EDITION": "network", "SITE_URL": "", **no_downloads, "KB_OFFLINE_DIR": str(out)})
    assert build.returncode == 0, build.log
    return build
