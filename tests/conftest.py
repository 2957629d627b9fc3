"""Shared fixtures: real builds of the project, each made once per test run into a temporary folder
(never reading a developer's build/offline or build/zim), and one headless Chromium per test module.

`built`/`built_network`: the site alone, with no download manifests. `offline` and `zims`: what
`make offline` and `make zim` write, from a copy of the project holding a network-only canary
contact. `shipped`: what `make build` ships, built after both, so its Download page lists them and
its downloads/ holds them.

`make test` runs the suite in parallel (pytest-xdist, `--dist loadgroup`): each test module is one
group that runs in one worker, so module fixtures (the browser, a module's build) are made once; the
session builds are made once per run by whichever worker first needs them (`once`) and shared by all.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild import LANGUAGES, Build, add_network_canary, build_once, copy_project, once

# ---------------------------------------------------------------- parallel runs

# Test modules whose module fixture is parametrised by edition: each edition is its own group, so the
# two editions' checks (axe on every page: minutes each) run in two workers at once.
SPLIT_BY_PARAM = {"tests/a11y/test_every_page.py": "edition_build"}
# The longest test modules, longest first (the durations of a whole run: `pytest --durations=60`). They
# are handed out first (with `--no-loadscope-reorder`), so no worker starts a long one near the end.
LONGEST_FIRST = ("tests/a11y/test_every_page.py", "tests/a11y/test_keyboard.py", "tests/host/test_host_public.py",
                 "tests/host/test_host_network.py", "tests/browser/test_safety_browser.py",
                 "tests/editor/test_editor_browser.py", "tests/browser/test_quick_exit_browser.py",
                 "tests/directory/test_directory_site.py", "tests/offline/test_offline_browser.py")


# One xdist group per test module (so a module's fixtures are made once, in one worker), or per module
# and parameter for SPLIT_BY_PARAM; the longest modules first. Runs before xdist appends the group to
# the test ids (--dist loadgroup).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        module = item.nodeid.split("::")[0]
        group = module
        param = SPLIT_BY_PARAM.get(module)
        callspec = getattr(item, "callspec", None)
        if param and callspec is not None and param in callspec.params:
            group = f"{module}[{callspec.params[param]}]"
        item.add_marker(pytest.mark.xdist_group(group))
    rank = {module: n for n, module in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest keep their order

_STARTED = pytest.StashKey[tuple[float, float]]()
_CPU = pytest.StashKey[tuple[float, float]]()


@pytest.fixture(scope="session")
def no_downloads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Build settings that point the download lists at an empty folder, whatever build/ holds."""
    empty, _ = once(tmp_path_factory, "no-downloads", lambda folder: {})
    return {"KB_OFFLINE_DIR": str(empty), "KB_ZIM_DIR": str(empty)}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, no_downloads: dict[str, str]) -> Build:
    """The public edition of this repository, built once into a temporary folder (no download lists)."""
    build = build_once(tmp_path_factory, "public", env=no_downloads)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def built_network(tmp_path_factory: pytest.TempPathFactory, no_downloads: dict[str, str]) -> Build:
    """The network edition of this repository, built once into a temporary folder."""
    build = build_once(tmp_path_factory, "network", env={"KB_EDITION": "network", **no_downloads})
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def canary_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose data holds a network-only contact (sitebuild.NETWORK_CANARY)."""
    def make(folder: Path) -> dict:
        add_network_canary(copy_project(folder / "project"))
        return {}

    folder, _ = once(tmp_path_factory, "canary", make)
    return folder / "project"


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


def _run(command: list[str], project: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("KB_OFFLINE_DIR", "KB_ZIM_DIR")}
    return subprocess.run([sys.executable, "-m", *command, "--project", str(project)], cwd=project,
                          capture_output=True, text=True, timeout=timeout, env=environment)


@pytest.fixture(scope="session")
def offline(canary_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Offline:
    """All four offline editions, built by the same command as `make offline`, then unzipped."""
    def make(folder: Path) -> dict:
        result = _run(["kb.offline", "--out", str(folder / "out")], canary_project, 900)
        if result.returncode == 0:
            for lang in LANGUAGES:
                with zipfile.ZipFile(folder / "out" / f"kb-offline-{lang}.zip") as archive:
                    archive.extractall(folder / "unpacked" / lang)
        return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}

    folder, made = once(tmp_path_factory, "offline", make)
    assert made["returncode"] == 0, made["stdout"] + made["stderr"]
    out = folder / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return Offline(out=out, log=made["stdout"], manifest=manifest, unpacked=folder / "unpacked")


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
    def archive(self, lang: str):
        from libzim.reader import Archive

        return Archive(str(self.path(lang)))


@pytest.fixture(scope="session")
def zims(canary_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Zims:
    """All four ZIM files, built by `python -m kb.zim` (what `make zim` runs)."""
    def make(folder: Path) -> dict:
        result = _run(["kb.zim", "--out", str(folder / "out")], canary_project, 900)
        return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}

    folder, made = once(tmp_path_factory, "zim", make)
    assert made["returncode"] == 0, made["stdout"] + made["stderr"]
    out = folder / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return Zims(out=out, log=made["stdout"], manifest=manifest)


@pytest.fixture(scope="session")
def shipped(canary_project: Path, offline: Offline, zims: Zims, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """What `make build` ships: `make offline`, `make zim`, then the strict build, whose Download page
    lists the zips and ZIM files and whose downloads/ holds them."""
    build = build_once(tmp_path_factory, "shipped", project=canary_project,
                       env={"KB_OFFLINE_DIR": str(offline.out), "KB_ZIM_DIR": str(zims.out)})
    assert build.returncode == 0, build.log
    assert (build.site / "downloads").is_dir(), "the shipped build has no downloads/ folder"
    return build


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright's sync API, shared by the tests of one module. Not
    session-scoped: a session-wide sync Playwright keeps an event loop running in the main thread,
    which breaks the modules that use Playwright's async API or start their own."""
    from browser_support import chromium

    with chromium() as launched:
        yield launched


# ---------------------------------------------------------------- the suite's own time

RUN_RECORD = Path(__file__).resolve().parent.parent / "build" / "test-run.json"


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_STARTED] = (time.time(), time.perf_counter())
    session.config.stash[_CPU] = _machine_cpu()


# The machine's busy and total CPU seconds so far (Linux /proc/stat; (0, 0) elsewhere): over a run,
# how much of the cores the suite (and anything else running) kept busy.
def _machine_cpu() -> tuple[float, float]:
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    total = sum(fields[:8])  # user nice system idle iowait irq softirq steal (guest is inside user)
    return (total - idle) / tick, total / tick


# After a run of the whole suite (`make test`: no file, -k or -m chosen), build/test-run.json records
# its wall time, outcome and machine; `make bench` prints it against issue 22's target.
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if hasattr(config, "workerinput") or _STARTED not in config.stash:
        return  # a pytest-xdist worker: the controller records the run
    whole = (config.args_source == pytest.Config.ArgsSource.TESTPATHS and not config.option.keyword
             and not config.option.markexpr and not config.getoption("lf", False))
    if not whole:
        return
    started, clock = config.stash[_STARTED]
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    stats = reporter.stats if reporter is not None else {}
    outcomes = {key: len(stats.get(key, [])) for key in ("passed", "failed", "error", "skipped")}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=RUN_RECORD.parent.parent,
                            capture_output=True, text=True).stdout.strip()
    record = {"seconds": round(time.perf_counter() - clock, 1), "started": time.strftime("%Y-%m-%d %H:%M UTC",
              time.gmtime(started)), "commit": commit, **outcomes, "exit": int(exitstatus), "cores": os.cpu_count(),
              "workers": int(getattr(config.option, "numprocesses", 0) or 0), "load": os.getloadavg()[0]}
    (busy0, total0), (busy1, total1) = config.stash.get(_CPU, (0.0, 0.0)), _machine_cpu()
    if total1 > total0:
        record["cpu_seconds"] = round(busy1 - busy0)  # busy CPU time of the whole machine during the run
        record["cpu_busy"] = round((busy1 - busy0) / (total1 - total0), 2)  # share of all cores kept busy
    RUN_RECORD.parent.mkdir(exist_ok=True)
    RUN_RECORD.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
