"""A build keeps the theme's compiled templates in hub.template_cache's folder (wired by
hooks/mkdocs_objects.py); a build that loads them writes the same site, byte for byte, as one
that compiles them, and no cache is ever read or written inside the repository."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from conftest import build_site, make_hub

pytestmark = pytest.mark.slow
EPOCH = {"SOURCE_DATE_EPOCH": "1764633600"}


def _same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in files_a], shallow=False)
    assert not mismatch and not errors, mismatch[:5]


def test_a_warm_build_writes_the_site_a_cold_one_writes(tmp_path: Path) -> None:
    hub, cache = make_hub(tmp_path / "hub"), tmp_path / "cache"
    off = build_site(hub, env=EPOCH | {"HUB_TEMPLATE_CACHE": "off"})
    assert off.returncode == 0, off.stderr
    (hub / "site").rename(tmp_path / "site-off")
    for name in ("cold", "warm"):
        result = build_site(hub, env=EPOCH | {"HUB_TEMPLATE_CACHE": str(cache)})
        assert result.returncode == 0, result.stderr
        (hub / "site").rename(tmp_path / f"site-{name}")
        if name == "cold":
            kept = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
            assert len(kept) > 40  # Material's templates and the hub's
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == kept  # loaded, not written again
    _same_tree(tmp_path / "site-off", tmp_path / "site-cold")
    _same_tree(tmp_path / "site-off", tmp_path / "site-warm")


def test_no_cache_inside_the_repository(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    planted = hub / ".template-cache"
    result = build_site(hub, env=EPOCH | {"HUB_TEMPLATE_CACHE": str(planted)})
    assert result.returncode == 0, result.stderr
    assert not planted.exists()
