"""Fixtures: the four ZIM files built once per session by the same command as `make zim`, opened
with libzim; a hosted build that lists them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from libzim.reader import Archive

from sitebuild import ROOT, Build, build_site


@dataclass
class Zims:
    """The ZIM files, their manifest and the command's output."""

    out: Path
    log: str
    manifest: dict

    # The ZIM file of a language.
    def path(self, lang: str) -> Path:
        return self.out / f"kb-guide-{lang}.zim"

    # The ZIM of a language, opened with libzim.
    def archive(self, lang: str) -> Archive:
        return Archive(str(self.path(lang)))


@pytest.fixture(scope="session")
def zims(tmp_path_factory: pytest.TempPathFactory) -> Zims:
    """All four ZIM files, built by `python -m kb.zim` (what `make zim` runs)."""
    out = tmp_path_factory.mktemp("zim")
    result = subprocess.run([sys.executable, "-m", "kb.zim", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900, env=dict(os.environ))
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return Zims(out=out, log=result.stdout, manifest=manifest)


@pytest.fixture(scope="session")
def hosted_with_zims(zims: Zims, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The hosted edition built after `make zim` (and with no offline zips): it lists the ZIM files."""
    empty = tmp_path_factory.mktemp("no-zips")
    build = build_site(tmp_path_factory.mktemp("hosted-zims") / "site",
                       env={"KB_ZIM_DIR": str(zims.out), "KB_OFFLINE_DIR": str(empty)})
    assert build.returncode == 0, build.log
    return build
