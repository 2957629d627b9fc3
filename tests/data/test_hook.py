"""The context hook loads data/ once per build and again after an edit."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import context as hook  # hooks/context.py, as MkDocs loads it (hooks/ is on pytest's pythonpath)
import kb.catalogue as catalogue
import kbglue

from conftest import REPO, Repo, org


def config_for(root: Path) -> MkDocsConfig:
    """A MkDocs config object whose mkdocs.yml would sit at root (with the project's labels)."""
    (root / "data").mkdir(exist_ok=True)
    shutil.copyfile(REPO / "data" / "labels.yml", root / "data" / "labels.yml")
    config = MkDocsConfig(config_file_path=str(root / "mkdocs.yml"))
    config.config_file_path = str(root / "mkdocs.yml")
    config.docs_dir = str(root / "docs")
    return config


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every real load of data/."""
    seen: list[Path] = []
    real = catalogue.load_catalogue

    def counting(root: Path, today=None):  # type: ignore[no-untyped-def]
        seen.append(root)
        return real(root, today)

    monkeypatch.setattr(kbglue, "load_catalogue", counting)
    return seen


def test_loaded_once_across_language_calls(repo: Repo, loads: list[Path]) -> None:
    repo.org("test-red-cross", org())
    config = config_for(repo.root)
    for _ in range(4):  # static-i18n: one on_config per language, same config object
        assert hook.on_config(config) is config
    assert len(loads) == 1
    assert "_kb_cache" not in config and "_kb_cache" not in config.extra
    assert kbglue.context(config).catalogue.organisations["test-red-cross"].country == "AU"
    assert len(loads) == 1


def test_reloaded_when_a_file_changes(repo: Repo, loads: list[Path]) -> None:
    path = repo.org("test-red-cross", org())
    config = config_for(repo.root)
    hook.on_config(config)
    path.write_text(org(country="NO"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    hook.on_config(config)
    assert len(loads) == 2
    assert kbglue.context(config).catalogue.organisations["test-red-cross"].country == "NO"


def test_errors_stop_the_build_with_every_problem(repo: Repo) -> None:
    repo.org("test-red-cross", org(country="ZZ").replace("https://", "http://"))
    with pytest.raises(PluginError) as info:
        hook.on_config(config_for(repo.root))
    text = str(info.value)
    assert "data/organisations/test-red-cross.yml:4: country:" in text
    assert "data/organisations/test-red-cross.yml:8: sources[0]:" in text
    assert "2 problem(s) in 1 file(s)" in text


def test_notices_are_logged_at_info(repo: Repo, caplog: pytest.LogCaptureFixture) -> None:
    repo.org("test-red-cross", org())
    with caplog.at_level(logging.DEBUG, logger="mkdocs.hooks.kb"):
        hook.on_config(config_for(repo.root))
    notices = [r for r in caplog.records if "no translation" in r.getMessage()]
    assert notices and all(r.levelno == logging.INFO for r in notices)
    assert all(r.name == "mkdocs.hooks.kb" for r in notices)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
