"""Fixtures of the hosting tests: one network-edition build of the canary project (tests/conftest.py)
per test run (shared by the workers), with its English offline zip; the browser is tests/conftest.py's."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import build_once, once


@pytest.fixture(scope="session")
def network_built(canary_project, no_downloads, tmp_path_factory):
    """The network edition of the project copy holding a network-only canary contact, built after one
    offline zip (English), as `make build EDITION=network` does (its downloads/ holds that zip)."""
    def make(folder: Path) -> dict:
        environment = {**os.environ, "KB_EDITION": "network", "SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
        made = subprocess.run([sys.executable, "-m", "kb.offline", "--project", str(canary_project), "--lang", "en",
                               "--out", str(folder)], cwd=canary_project, env=environment, capture_output=True,
                              text=True, timeout=600)
        return {"returncode": made.returncode, "log": made.stdout + made.stderr}

    out, made = once(tmp_path_factory, "network-offline", make)
    assert made["returncode"] == 0, made["log"]
    build = build_once(tmp_path_factory, "network-site", project=canary_project,
                       env={"KB_EDITION": "network", "SITE_URL": "", **no_downloads, "KB_OFFLINE_DIR": str(out)})
    assert build.returncode == 0, build.log
    return build
