"""Path parsing, map caching and template strictness of the directory code, without a build."""
from __future__ import annotations


import pytest
from jinja2 import UndefinedError

from kb.render import environment
from kb.worldmap import load_world, package_map_path, parse_path
from sitebuild import ROOT


def test_relative_and_absolute_path_commands() -> None:
    """m/l/h/v/c and z give the expected absolute points; a moveto's extra pairs are linetos."""
    rings = parse_path("m 10,10 5,0 v 5 h -5 z M 100 100 L 110 100 c 1 1 2 2 3 3 Z")
    assert rings == [[(10, 10), (15, 10), (15, 15), (10, 15)], [(100, 100), (110, 100), (113, 103)]]


def test_world_map_is_parsed_once_per_file() -> None:
    """Two loads of the same file return the same object; the outline has the members' countries."""
    first, second = load_world(), load_world()
    assert first is second
    assert {"au", "ph", "gb", "it", "nl"} <= set(first.countries)
    assert first.width == 1000 and 300 < first.height < 700
    assert package_map_path().name == "worldmap.svg"


def test_templates_fail_on_a_missing_value_and_escape() -> None:
    """The directory templates' environment escapes text and raises on an undefined name."""
    env = environment(str(ROOT / "overrides" / "kb"))
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing.here }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_simplified_map_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    """The first load writes the simplified map to the cache folder; a later process reads it back unchanged."""
    import shutil

    from kb import worldmap

    svg = tmp_path / "worldmap.svg"
    shutil.copy(package_map_path(), svg)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = load_world(svg)
    cached = list((tmp_path / "cache").rglob("worldmap-*.pickle"))
    assert len(cached) == 1
    worldmap._cached.cache_clear()
    monkeypatch.setattr(worldmap, "_load", lambda *a: (_ for _ in ()).throw(AssertionError("simplified again")))
    assert load_world(svg) == first
