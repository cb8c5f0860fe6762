"""The partner map: decoded from the vendored TopoJSON, small, linked by ISO alpha-2 code."""

from __future__ import annotations

import gzip
import re

from hub.render_map import HEIGHT, WIDTH, _decode_arcs, _ring, highlight_map, world


def test_world_has_the_countries_by_alpha_2() -> None:
    codes = {s.code for s in world()}
    assert {"NP", "KE", "BR", "NO", "IN", "ZA"} <= codes
    assert "AQ" not in codes  # Antarctica is left out
    assert len(codes - {""}) > 160


def test_arcs_decode_delta_and_reverse() -> None:
    topo = {"transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [[[0, 0], [2, 0], [0, 3]], [[2, 3], [-2, -3]]]}
    arcs = _decode_arcs(topo)
    assert arcs == [[(0, 0), (2, 0), (2, 3)], [(2, 3), (0, 0)]]
    assert _ring(arcs, [0, 1]) == [(0, 0), (2, 0), (2, 3), (0, 0)]
    assert _ring(arcs, [~0]) == [(2, 3), (2, 0), (0, 0)]


def test_highlight_map_highlights_and_stays_small() -> None:
    m = highlight_map({"NP", "KE", "SG"})
    assert [s.code for s in m.highlighted] == ["KE", "NP"]
    assert m.missing == ("SG",)  # too small for 1:110m: listed instead
    everything = m.background + "".join(s.d for s in m.highlighted)
    assert len(gzip.compress(everything.encode())) < 15_000
    numbers = [int(n) for n in re.findall(r"-?\d+", everything)]
    assert all(isinstance(n, int) for n in numbers)  # whole units only: no decimals
    assert "." not in everything


def test_paths_stay_inside_the_map() -> None:
    """No ring draws a stripe across the map (rings crossing the antimeridian are unwrapped)."""
    for s in world():
        for ring in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", s.d):
            x, y = int(ring[0]), int(ring[1])
            steps = [int(n) for n in re.findall(r"-?\d+", ring[2])]
            for dx in steps[0::2]:
                assert abs(dx) < WIDTH / 2, s.name
                x += dx
            assert -WIDTH <= x <= 2 * WIDTH and 0 <= y <= HEIGHT
