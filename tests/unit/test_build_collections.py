"""`hub build` (hub.build.run) runs Python's cyclic garbage collector less often while it builds,
and gives the caller its thresholds back, whether the build passes, fails or raises."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from hub import build


@pytest.fixture
def default_thresholds():
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*old)


@pytest.mark.parametrize("outcome", ["refused", "raises"])
def test_the_collector_runs_less_often_while_building_and_as_before_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default_thresholds, outcome: str) -> None:
    seen: list[tuple[int, int, int]] = []

    def validate(root, command):  # the first step of the build: what the collector is set to
        seen.append(gc.get_threshold())
        if outcome == "raises":
            raise RuntimeError("stop")
        return False, None, []

    monkeypatch.setattr(build, "_validate", validate)
    if outcome == "raises":
        with pytest.raises(RuntimeError):
            build.run(tmp_path)
    else:
        assert build.run(tmp_path) == 1
    assert seen == [(build.YOUNGEST_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == default_thresholds


def test_a_caller_with_a_higher_threshold_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   default_thresholds) -> None:
    seen: list[tuple[int, int, int]] = []

    def validate(root, command):
        seen.append(gc.get_threshold())
        return False, None, []

    monkeypatch.setattr(build, "_validate", validate)
    gc.set_threshold(50_000, 5, 5)
    assert build.run(tmp_path) == 1
    assert seen == [(50_000, 5, 5)] and gc.get_threshold() == (50_000, 5, 5)
