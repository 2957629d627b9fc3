"""The world outline is a committed data file: made by tools/simplify_worldmap.py, read by the build alone."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from expected import organisation_countries

from kb.worldmap import MAP_FILE, MapError, load_world

from sitebuild import ROOT


def test_committed_map_is_what_the_script_makes(tmp_path: Path) -> None:
    """Running the script on the pinned map package (requirements-tools.txt) gives the committed file, byte for byte."""
    out = tmp_path / "worldmap.json"
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "simplify_worldmap.py"), "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == MAP_FILE.read_bytes()
    pinned = (ROOT / "requirements-tools.txt").read_text(encoding="utf-8")
    assert json.loads(out.read_text(encoding="utf-8"))["source"].split()[0] in pinned.splitlines()


def test_map_file_is_small_and_covers_every_country_in_data() -> None:
    """Every organisation's country has a shape; the file stays small; Antarctica is left out."""
    world = load_world()
    countries = organisation_countries()  # read from the data files, not through the product's loader
    assert countries and countries <= set(world.countries)
    assert "aq" not in world.countries and len(world.countries) > 200
    assert MAP_FILE.stat().st_size < 64 * 1024
    assert all(c.d.startswith("M") and c.d.endswith("z") for c in world.countries.values())


def test_a_broken_map_file_is_a_clear_error(tmp_path: Path) -> None:
    """A missing or malformed file raises MapError naming the file and the way to regenerate it."""
    with pytest.raises(MapError, match="simplify_worldmap"):
        load_world(tmp_path / "missing.json")
    broken = tmp_path / "worldmap.json"
    broken.write_text('{"width": 1000}', encoding="utf-8")
    with pytest.raises(MapError, match=f"{broken}.*simplify_worldmap"):
        load_world(broken)


def test_the_build_side_imports_no_map_package_and_no_pickle() -> None:
    """Nothing under kb/ or hooks/ imports pygal or pickle."""
    found = []
    for path in sorted([*(ROOT / "kb").rglob("*.py"), *(ROOT / "hooks").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names
                      if n.split(".")[0] in ("pickle", "pygal", "pygal_maps_world")]
    assert found == []


def test_loading_the_map_needs_no_package_and_writes_nothing_to_home(tmp_path: Path) -> None:
    """With pygal and pickle made unimportable and an empty home folder, the map loads and home stays empty."""
    home = tmp_path / "home"
    home.mkdir()
    code = ("import sys\n"
            "for name in ('pygal', 'pygal_maps_world', 'pickle'): sys.modules[name] = None\n"
            "from kb.worldmap import load_world\n"
            "world = load_world()\n"
            "print(len(world.countries))\n")
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(load_world().countries)
    assert list(home.iterdir()) == []
