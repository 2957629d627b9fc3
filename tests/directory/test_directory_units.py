"""Path parsing, the world map file and template strictness of the directory code, without a build."""
from __future__ import annotations

import importlib.util

import pytest
from jinja2 import UndefinedError

from kb.render import environment
from kb.worldmap import MAP_FILE, load_world

from sitebuild import ROOT


# tools/simplify_worldmap.py as a module (a script, not a package; it imports no map package).
def simplify_tool():
    spec = importlib.util.spec_from_file_location("simplify_worldmap", ROOT / "tools" / "simplify_worldmap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_relative_and_absolute_path_commands() -> None:
    """m/l/h/v/c and z give the expected absolute points; a moveto's extra pairs are linetos."""
    rings = simplify_tool().parse_path("m 10,10 5,0 v 5 h -5 z M 100 100 L 110 100 c 1 1 2 2 3 3 Z")
    assert rings == [[(10, 10), (15, 10), (15, 15), (10, 15)], [(100, 100), (110, 100), (113, 103)]]


def test_world_map_is_parsed_once_per_file() -> None:
    """Two loads of the same file return the same object; the outline has the members' countries."""
    first, second = load_world(), load_world()
    assert first is second
    assert {"au", "ph", "gb", "it", "nl"} <= set(first.countries)
    assert first.width == 1000 and 300 < first.height < 700
    assert MAP_FILE.name == "worldmap.json"


def test_templates_fail_on_a_missing_value_and_escape() -> None:
    """The directory templates' environment escapes text and raises on an undefined name."""
    env = environment(str(ROOT / "overrides" / "kb"))
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing.here }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
