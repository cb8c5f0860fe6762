"""Lines between the countries of each exchange, on the hub's world map (`render_map`).

Each pair of countries that share one or more exchanges gets one curved line between the two
countries' centres (the mean point of each country's largest ring, in the map's units), drawn
over the map by `partials/exchange_map.html`. The same pairs, with their exchanges, are
listed beside the map as text: the list is the map's text alternative and holds everything
the lines show. A country too small for the 1:110m atlas has no centre; its pairs are listed
only, and said so.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import lru_cache

from .catalog import Catalog
from .exchanges import ExchangeRecord
from .render_map import ATLAS, HEIGHT, WIDTH, _alpha2, _decode_arcs, _project, _ring, _unwrap, highlight_map


@lru_cache(maxsize=1)
def centres() -> dict[str, tuple[int, int]]:
    """Country code -> the centre of its largest ring (by bounding box), in viewBox units."""
    topo = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    out: dict[str, tuple[int, int]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        code = _alpha2(geom.get("id"))
        if not code or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        best, best_area = None, -1.0
        for polygon in polygons:
            points = [_project(lon, lat) for lon, lat in _unwrap(_ring(arcs, polygon[0]))]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            area = (max(xs) - min(xs)) * (max(ys) - min(ys))
            if area > best_area:
                best, best_area = points, area
        if best:
            n = len(best)
            out[code] = (round(sum(p[0] for p in best) / n), round(sum(p[1] for p in best) / n))
    return out


@dataclass(frozen=True)
class Link:
    a: str  # country codes, a before b by code
    b: str
    exchanges: tuple[ExchangeRecord, ...]
    d: str  # SVG path data of the line ("" when a country is too small for the map)


def _curve(p: tuple[int, int], q: tuple[int, int]) -> str:
    """A gentle arc from p to q: the control point lifted off the middle, perpendicular to it."""
    (x1, y1), (x2, y2) = p, q
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    dx, dy = x2 - x1, y2 - y1
    cx, cy = round(mx - dy * 0.2), round(my + dx * 0.2)
    return f"M{x1} {y1}Q{cx} {cy} {x2} {y2}"


def exchange_links(cat: Catalog) -> tuple[Link, ...]:
    """One link per pair of countries that share an exchange, in order of country code."""
    pairs: dict[tuple[str, str], list[ExchangeRecord]] = {}
    for e in cat.exchanges_in_order:
        for a, b in itertools.combinations(sorted(e.countries), 2):
            pairs.setdefault((a, b), []).append(e)
    at = centres()
    return tuple(Link(a, b, tuple(es), _curve(at[a], at[b]) if a in at and b in at else "")
                 for (a, b), es in sorted(pairs.items()))


@dataclass(frozen=True)
class ExchangeMap:
    width: int
    height: int
    base: object  # render_map.HighlightMap of the exchanges' countries
    links: tuple[Link, ...]

    @property
    def unmapped(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if not link.d)


def exchange_map(cat: Catalog) -> ExchangeMap:
    codes = {c for e in cat.exchanges.values() for c in e.countries}
    return ExchangeMap(WIDTH, HEIGHT, highlight_map(codes), exchange_links(cat))
