"""Build the real site into a folder and read what it produced; make a build once per test run."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "es", "ar")
DEFAULT = "en"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# A network-only contact planted in copies of the project: it must reach the network edition and
# nothing public (pages, search indexes, feeds, offline zips).
NETWORK_CANARY = "canary-h19-network@example.org"


@dataclass
class Build:
    """A finished build: its folder, exit code and log."""

    site: Path
    returncode: int
    log: str

    # The folder of a language's pages ("" for the default language).
    def lang_dir(self, lang: str) -> Path:
        return self.site if lang == DEFAULT else self.site / lang

    # The parsed HTML of a page, by language and page path ("approach/", "" for home).
    def page(self, lang: str, path: str = "") -> BeautifulSoup:
        return soup(self.lang_dir(lang) / path / "index.html")

    # Every HTML file of the build.
    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


# Build the project in `project` (default: this repository) into `site` with `mkdocs build --strict`.
def build_site(site: Path, project: Path = ROOT, env: dict | None = None, extra_args: list[str] = ()) -> Build:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--clean", "--site-dir", str(site), *extra_args],
        cwd=project, env=environment, capture_output=True, text=True, timeout=600,
    )
    return Build(site=site, returncode=result.returncode, log=result.stdout + result.stderr)


# Copy what a build needs into a folder (the repository stays untouched).
def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("hooks", "overrides", "data", "docs", "tools"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


# Add a network-only contact (the canary) to a member organisation of a copied project.
def add_network_canary(project: Path) -> None:
    org = project / "data/organisations/australian-red-cross.yml"
    org.write_text(org.read_text(encoding="utf-8") + (
        "contacts:\n  - role: Canary desk\n    email: " + NETWORK_CANARY + "\n"
        "    visibility: network\n    last_verified: 2026-01-15\n"), encoding="utf-8")


# Parse an HTML file. A page of a build shared by the run (build_once) is parsed once per worker and
# the same tree handed to every test that reads it (most read every page of `built`): read-only, so a
# test that changes a parsed page changes a copy (copy.copy).
def soup(path: Path) -> BeautifulSoup:
    if not any(parent in _SHARED for parent in path.parents):
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        _PARSED[key] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return _PARSED[key]


_PARSED: dict[tuple[Path, int, int], BeautifulSoup] = {}
_SHARED: set[Path] = set()  # the folders made by once()


# The English page paths (as URL folders) of the source tree, from docs/en.
def english_pages(project: Path = ROOT) -> list[str]:
    pages = []
    for md in sorted((project / "docs" / DEFAULT).rglob("*.md")):
        rel = md.relative_to(project / "docs" / DEFAULT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("index", "README"):
            parts = parts[:-1]
        pages.append("/".join(parts) + "/" if parts else "")
    return pages


# The folder shared by every worker of this run, and by nothing else: under xdist the controller's
# basetemp (each worker's is a folder inside it), else this session's basetemp.
def run_folder(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared"
    folder.mkdir(exist_ok=True)
    return folder


# Make something once per test run for all workers: make(folder) fills `folder` and returns a JSON-able
# record, kept beside it. The first worker to ask makes it under an exclusive file lock while the others
# wait; the others then read the record. An exception is recorded too, so every worker fails the same
# way. Returns (folder, record).
def once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict]) -> tuple[Path, dict]:
    root = run_folder(factory)
    folder, record = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not record.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                try:
                    result = make(folder)
                except Exception:
                    result = {"error": traceback.format_exc()}
                record.write_text(json.dumps(result), encoding="utf-8")
            made = json.loads(record.read_text(encoding="utf-8"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    _SHARED.add(folder)
    if "error" in made:
        pytest.fail(f"making the shared fixture {name!r} failed:\n{made['error']}", pytrace=False)
    return folder, made


# A site built once per run (see once) into <shared>/<name>/site: the Build of every worker.
def build_once(factory: pytest.TempPathFactory, name: str, project: Path = ROOT, env: dict | None = None) -> Build:
    def make(folder: Path) -> dict:
        build = build_site(folder / "site", project=project, env=env)
        return {"returncode": build.returncode, "log": build.log}

    folder, made = once(factory, name, make)
    return Build(site=folder / "site", returncode=made["returncode"], log=made["log"])


# A fixture project written once per run by `write(folder)` (see once), then built once (build_once);
# the build must succeed.
def fixture_build_once(factory: pytest.TempPathFactory, name: str, write: Callable[[Path], object],
                       env: dict) -> Build:
    def make(folder: Path) -> dict:
        write(folder / "project")
        return {}

    project, _ = once(factory, f"{name}-project", make)
    build = build_once(factory, f"{name}-site", project=project / "project", env=env)
    assert build.returncode == 0, build.log
    return build
