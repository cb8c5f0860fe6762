"""World maps of the hub's countries (partners, or every country), as SVG path data built at build time.

The boundaries are Natural Earth 1:110m (public domain) in the TopoJSON of the npm package
`world-atlas` 2.0.2 (ISC), vendored in `data/world-atlas/` (refresh: `data/world-atlas/refresh.sh`).
No tiles and no network: the map is plain inline SVG and works offline. This module decodes
the TopoJSON arcs, projects them equirectangularly, rounds to whole units of a 720 x 300
viewBox and drops repeated points, which keeps the SVG small. The markup is drawn by the
template `partials/map.html`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

ATLAS = Path(__file__).with_name("data") / "world-atlas" / "countries-110m.json"
SCALE = 2.0  # viewBox units per degree
NORTH, SOUTH = 84.0, -60.0  # crop: no Antarctica, nothing lost in the Arctic
WIDTH = round(360 * SCALE)
HEIGHT = round((NORTH - SOUTH) * SCALE)


@dataclass(frozen=True)
class Shape:
    code: str  # ISO 3166-1 alpha-2, or "" when the atlas has no ISO id (e.g. Kosovo)
    name: str
    d: str  # SVG path data


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded arcs -> lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index ~i means arc i reversed. Shared ends are dropped."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous across the antimeridian (Fiji, Russia), so a ring never
    draws a stripe across the whole map; the part beyond +-180 falls outside the viewBox."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            prev = out[-1][0]
            while lon + shift - prev > 180:
                shift -= 360
            while lon + shift - prev < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def _project(lon: float, lat: float) -> tuple[int, int]:
    lat = max(SOUTH, min(NORTH, lat))
    return round((lon + 180) * SCALE), round((NORTH - lat) * SCALE)


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """Relative path commands over rounded points; rings that collapse to < 3 points vanish."""
    out = []
    for ring in rings:
        pts: list[tuple[int, int]] = []
        for lon, lat in _unwrap(ring):
            p = _project(lon, lat)
            if not pts or p != pts[-1]:
                pts.append(p)
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        if len(pts) < 3:
            continue
        x0, y0 = pts[0]
        steps = [f"M{x0} {y0}"]
        for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
            steps.append(f"{bx - ax} {by - ay}")
        out.append(steps[0] + "l" + " ".join(steps[1:]) + "z")
    return "".join(out).replace(" -", "-")


def _alpha2(numeric: str | None) -> str:
    if not numeric:
        return ""
    c = pycountry.countries.get(numeric=numeric)
    return c.alpha_2 if c else ""


@lru_cache(maxsize=1)
def world() -> tuple[Shape, ...]:
    """Every country of the atlas (Antarctica left out), sorted by code."""
    topo = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    shapes = []
    for geom in topo["objects"]["countries"]["geometries"]:
        code = _alpha2(geom.get("id"))
        if code == "AQ" or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        d = _path(rings)
        if d:
            shapes.append(Shape(code, geom.get("properties", {}).get("name", ""), d))
    return tuple(sorted(shapes, key=lambda s: (s.code, s.name)))


@dataclass(frozen=True)
class HighlightMap:
    width: int
    height: int
    background: str  # path data of every country not highlighted, in one path
    highlighted: tuple[Shape, ...]  # the given countries, each drawn (and linked) on its own
    missing: tuple[str, ...]  # given countries too small for a 1:110m map (listed only)


def highlight_map(codes: set[str]) -> HighlightMap:
    shapes = world()
    present = {s.code for s in shapes}
    return HighlightMap(
        WIDTH, HEIGHT,
        "".join(s.d for s in shapes if s.code not in codes),
        tuple(s for s in shapes if s.code in codes),
        tuple(sorted(codes - present)),
    )
