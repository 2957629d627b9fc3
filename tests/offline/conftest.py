"""Fixtures: the four offline zips built once (as `make offline` does), unpacked; hosted builds with
and without their manifest."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild import LANGUAGES, ROOT, Build, build_site


@dataclass
class Offline:
    """The zips, their manifest and their unpacked folders."""

    out: Path
    log: str
    manifest: dict
    unpacked: Path

    # The zip of a language.
    def zip(self, lang: str) -> Path:
        return self.out / f"kb-offline-{lang}.zip"

    # The unpacked folder of a language's edition (the one folder inside its zip).
    def folder(self, lang: str) -> Path:
        return self.unpacked / lang / f"kb-offline-{lang}"


@pytest.fixture(scope="session")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Offline:
    """All four offline editions, built by the same command as `make offline`, then unzipped."""
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run([sys.executable, "-m", "kb.offline", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600,
                            env=dict(__import__("os").environ))
    assert result.returncode == 0, result.stdout + result.stderr
    unpacked = tmp_path_factory.mktemp("unpacked")
    for lang in LANGUAGES:
        with zipfile.ZipFile(out / f"kb-offline-{lang}.zip") as archive:
            archive.extractall(unpacked / lang)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return Offline(out=out, log=result.stdout, manifest=manifest, unpacked=unpacked)


@pytest.fixture(scope="session")
def hosted_with_zips(offline: Offline, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hosted edition built after `make offline`: it reads that manifest."""
    build = build_site(tmp_path_factory.mktemp("hosted-zips") / "site", env={"KB_OFFLINE_DIR": str(offline.out)})
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def hosted_without_zips(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hosted edition built with no offline editions at all (an empty folder, no manifest)."""
    empty = tmp_path_factory.mktemp("no-offline")
    build = build_site(tmp_path_factory.mktemp("hosted-plain") / "site", env={"KB_OFFLINE_DIR": str(empty)})
    assert build.returncode == 0, build.log
    return build
