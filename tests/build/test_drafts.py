"""A draft brief is never published: no trace of it anywhere in the built site or in the
offline copy (pages, search index, sitemap, feeds, open data, citation files), although the
live preview shows it (tests/browser/test_preview.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
TRACES = ("gamma-draft", "Gamma draft never published", "draftonlyword", "Not yet ready.")


def _traces(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            found += [f"{path.relative_to(site)}: {t}" for t in TRACES if t in text]
    return found


def test_the_build_has_no_trace_of_a_draft(fixture_site: Path) -> None:
    assert (fixture_site / "search" / "search_index.json").is_file()
    assert (fixture_site / "sitemap.xml").is_file() and (fixture_site / "data").is_dir()
    assert _traces(fixture_site) == []


def test_the_offline_copy_has_no_trace_of_a_draft(offline_build: tuple[Path, Path]) -> None:
    site, _zip = offline_build
    assert any(site.rglob("*.html"))
    assert _traces(site) == []
